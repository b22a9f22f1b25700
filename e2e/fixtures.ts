import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

/**
 * `visit` opens a page and checks it with axe-core: any serious or critical accessibility
 * violation fails the test, listed with the elements it concerns.
 */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = blocking.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`);
  expect(report, "serious or critical accessibility violations").toEqual([]);
}

export const test = base.extend<{ visit: (path: string) => Promise<void> }>({
  visit: async ({ page }, provide) => {
    await provide(async (path) => {
      const response = await page.goto(path);
      expect(response?.ok(), `GET ${path} answered ${response?.status()}`).toBe(true);
      await expectAccessible(page);
    });
  },
});

export { expect, expectAccessible };
