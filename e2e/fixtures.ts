import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";

/** The demo people the seed creates, by first name; each signs in with "<first name>-waymark". */
export const demo = {
  alex: { name: "Alex Morgan", email: "alex.morgan@example.com", role: "Admin" },
  priya: { name: "Priya Raman", email: "priya.raman@example.com", role: "Manager" },
  marcus: { name: "Marcus Bell", email: "marcus.bell@example.com", role: "Manager" },
  sam: { name: "Sam Okafor", email: "sam.okafor@example.com", role: "Engineer" },
  diego: { name: "Diego Alvarez", email: "diego.alvarez@example.com", role: "Engineer" },
  lena: { name: "Lena Fischer", email: "lena.fischer@example.com", role: "Engineer" },
  mei: { name: "Mei Chen", email: "mei.chen@example.com", role: "Engineer" },
  aisha: { name: "Aisha Khan", email: "aisha.khan@example.com", role: "Engineer" },
  tom: { name: "Tom Becker", email: "tom.becker@example.com", role: "Engineer" },
  ines: { name: "Ines Duarte", email: "ines.duarte@example.com", role: "Engineer" },
} as const;
export type DemoKey = keyof typeof demo;

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
      await signInWith(page, demo[who].email, `${who}-waymark`);
      await expect(page.getByTestId("signed-in-as")).toContainText(demo[who].name);
    });
  },
  signInElsewhere: async ({ browser, baseURL }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (who) => {
      const context = await browser.newContext({ baseURL });
      contexts.push(context);
      const page = await context.newPage();
      await signInWith(page, demo[who].email, `${who}-waymark`);
      await expect(page.getByTestId("signed-in-as")).toContainText(demo[who].name);
      return page;
    });
    for (const context of contexts) await context.close();
  },
});

/** The radio button that picks a step in one dimension's column of the matrix. */
function stepPicker(page: Page, step: string, dimension: string) {
  return page.getByRole("radio", { name: new RegExp(`^${step}, ${dimension}: `) });
}

export { expect, expectAccessible, signInWith, stepPicker };
