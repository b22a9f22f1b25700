import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { demoPassword, demoPeople, type DemoKey } from "../db/seed/demo-organisation";

export type { DemoKey };

const roleLabel = { engineer: "Engineer", manager: "Manager", admin: "Admin" } as const;

/** The demo people the seed creates, by first name, from the seed's own roster. */
export const demo = Object.fromEntries(
  demoPeople.map((p) => [p.key, { name: p.name, email: p.email, role: roleLabel[p.role], password: demoPassword(p) }]),
) as Record<DemoKey, { name: string; email: string; role: string; password: string }>;

const person = (who: DemoKey) => demo[who];

/**
 * Checks the page with axe-core: any serious or critical accessibility violation fails the test,
 * listed with the elements it concerns.
 */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = blocking.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`);
  expect(report, `serious or critical accessibility violations on ${page.url()}`).toEqual([]);
}

async function signInWith(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export const test = base.extend<{
  /** Opens a page, expects it to answer 200, and checks it with axe. */
  visit: (path: string) => Promise<void>;
  /** Signs in as a demo person and waits for the career path. */
  signInAs: (who: DemoKey) => Promise<void>;
  /** Signs a demo person in on a browser of their own, beside `page`; closed after the test. */
  signInElsewhere: (who: DemoKey) => Promise<Page>;
}>({
  visit: async ({ page }, provide) => {
    await provide(async (path) => {
      const response = await page.goto(path);
      expect(response?.ok(), `GET ${path} answered ${response?.status()}`).toBe(true);
      await expectAccessible(page);
    });
  },
  signInAs: async ({ page }, provide) => {
    await provide(async (who) => {
      await signInWith(page, person(who).email, person(who).password);
      await expect(page.getByTestId("signed-in-as")).toContainText(person(who).name);
    });
  },
  signInElsewhere: async ({ browser, baseURL }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (who) => {
      const context = await browser.newContext({ baseURL });
      contexts.push(context);
      const page = await context.newPage();
      await signInWith(page, person(who).email, person(who).password);
      await expect(page.getByTestId("signed-in-as")).toContainText(person(who).name);
      return page;
    });
    for (const context of contexts) await context.close();
  },
});

export { expect, expectAccessible, signInWith };
