import type { Locator, Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";

/** Several frameworks on the path page, and a matrix of 16 dimensions in four pillars by 14 steps. */

const EM = "/path?framework=engineering-management";
const PILLARS = ["People", "Delivery", "Strategy", "Craft"];

const matrixOf = (page: Page, name: string | RegExp = "Engineering management: steps by dimension") => page.getByRole("table", { name });
const row = (matrix: Locator, step: string) => matrix.getByRole("row").filter({ has: matrix.page().getByRole("heading", { name: step, exact: true }) });
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test.describe("several frameworks and a wide matrix", () => {
  // Checking a page of 224 cells with axe takes a while on a small machine.
  test.describe.configure({ timeout: 180_000 });

  test.beforeEach(async ({ signInAs }) => {
    await signInAs("sam");
  });

  test("an engineer switches from their own framework to Engineering management, reads its pillars and focuses on one", async ({ page, visit }) => {
    await visit("/path");
    const frameworks = page.getByRole("navigation", { name: "Frameworks" });
    await expect(frameworks.getByRole("link")).toHaveText([/^Engineering career path\s*yours$/, "Engineering management"]);
    await expect(frameworks.getByRole("link", { name: /Engineering career path/ })).toHaveAttribute("aria-current", "page");
    await expect(matrixOf(page, /Engineering career path/).getByText("Your step now")).toBeVisible();

    // From the keyboard.
    await frameworks.getByRole("link", { name: "Engineering management" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/path\?framework=engineering-management$/);
    await expect(page.getByRole("heading", { level: 1, name: "Engineering management" })).toBeVisible();
    await expect(frameworks.getByRole("link", { name: "Engineering management" })).toHaveAttribute("aria-current", "page");
    await expect(frameworks.getByRole("link", { name: /Engineering career path/ })).not.toHaveAttribute("aria-current");
    await expect(page.getByText("You are placed on Engineering career path; this is Engineering management, for looking ahead.")).toBeVisible();
    await expectAccessible(page);

    const matrix = matrixOf(page);
    // Sam's step and evidence belong to the other framework.
    await expect(matrix.getByText("Your step now")).toHaveCount(0);
    await expect(matrix.getByRole("link", { name: /evidence/ })).toHaveCount(0);
    // A row of pillars above the sixteen dimensions, fourteen steps below.
    await expect(matrix).toHaveAttribute("aria-colcount", "17");
    await expect(matrix).toHaveAttribute("aria-rowcount", "16");
    await expect(matrix.getByRole("row").first().getByRole("columnheader")).toHaveText(["Pillar", ...PILLARS.map((p) => new RegExp(`^${p}\\s*· 4 dimensions$`))]);
    await expect(matrix.getByRole("row").nth(1).getByRole("columnheader")).toHaveCount(17);
    await expect(matrix.getByRole("rowheader")).toHaveCount(14);
    await expect(matrix.getByRole("columnheader", { name: /Team health 🌱/ })).toBeVisible();
    await expect(matrix.getByRole("columnheader", { name: /Kaizen 改善/ })).toBeAttached();
    // Ragged: organisation design and budget have not started at Team Lead.
    await expect(row(matrix, "Team Lead").getByRole("cell").filter({ hasText: "Not expected at this step" })).toHaveCount(2);
    // Both ladders meet again at director.
    await expect(row(matrix, "Director of Engineering")).toContainText("Reached from Group Engineering Manager or Principal Tech Lead.");

    const pillars = page.getByRole("navigation", { name: "Focus on a pillar" });
    await expect(pillars.getByRole("link", { name: "All pillars" })).toHaveAttribute("aria-current", "true");
    await pillars.getByRole("link", { name: "Delivery 4 dimensions" }).click();
    await expect(page).toHaveURL(/\/path\?framework=engineering-management&pillar=delivery#matrix$/);
    await expect(pillars.getByRole("link", { name: "Delivery 4 dimensions" })).toHaveAttribute("aria-current", "true");
    const focused = matrixOf(page, "Engineering management: steps by dimension, Delivery pillar only");
    await expect(focused).toHaveAttribute("aria-colcount", "5");
    await expect(focused.getByRole("row").first().getByRole("columnheader")).toHaveText(["Pillar", /^Delivery/]);
    await expect(focused.getByRole("row").nth(1).getByRole("columnheader")).toHaveText([
      "Step",
      /^Planning and prioritisation/,
      /^Execution/,
      /^Operational excellence/,
      /^Stakeholder partnership/,
    ]);
    await expect(focused.getByRole("cell")).toHaveCount(14 * 4);
    await expectAccessible(page);

    // Back to every pillar, then back to one's own framework.
    await pillars.getByRole("link", { name: "All pillars" }).click();
    await expect(matrixOf(page).getByRole("row").nth(1).getByRole("columnheader")).toHaveCount(17);
    await frameworks.getByRole("link", { name: /Engineering career path/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Engineering career path" })).toBeVisible();
    await expect(page.getByText(/for looking ahead/)).toHaveCount(0);
  });

  test("on a laptop the wide matrix scrolls in its own box, with the step column and the header staying in view", async ({ page, visit }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await visit(EM);
    expect(await pageWidth(page)).toBeLessThanOrEqual(1280);
    const matrix = matrixOf(page);
    await matrix.scrollIntoViewIfNeeded();
    const scroll = await matrix.evaluate((t) => ({ width: t.scrollWidth, client: t.clientWidth }));
    expect(scroll.width).toBeGreaterThan(scroll.client);
    // Columns keep a readable width: no dimension narrower than 14rem.
    const widths = await matrix.getByRole("row").nth(1).getByRole("columnheader").evaluateAll((cells) => cells.slice(1).map((c) => c.getBoundingClientRect().width));
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(14 * 16);

    const step = matrix.getByRole("rowheader").filter({ hasText: "Team Lead" }).first();
    const lastHeader = matrix.getByRole("columnheader", { name: /^Writing and communication/ });
    const before = (await step.boundingBox())!;
    const box = (await matrix.boundingBox())!;
    expect((await lastHeader.boundingBox())!.x).toBeGreaterThan(box.x + box.width);

    await matrix.evaluate((t) => t.scrollTo({ left: t.scrollWidth }));
    await expect.poll(async () => (await lastHeader.boundingBox())!.x + (await lastHeader.boundingBox())!.width).toBeLessThanOrEqual(box.x + box.width + 1);
    const after = (await step.boundingBox())!;
    expect(after.x).toBeCloseTo(before.x, 0);
    await expect(step).toBeInViewport();
    expect(await pageWidth(page)).toBeLessThanOrEqual(1280);

    // Down the matrix, the dimensions' header stays at the top of the box.
    const header = matrix.getByRole("columnheader", { name: "Step", exact: true });
    await matrix.evaluate((t) => t.scrollTo({ top: 2500 }));
    await expect.poll(async () => (await header.boundingBox())!.y).toBeLessThan(box.y + 80);
    await expect(matrix.getByRole("rowheader").filter({ hasText: "Team Lead" }).first()).not.toBeInViewport();
    await expectAccessible(page);
  });

  test("on a phone nothing scrolls sideways: each step is a card with its dimensions under pillar subheadings", async ({ page, visit }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await visit(EM);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    const first = row(matrixOf(page), "Team Lead");
    for (const pillar of PILLARS) await expect(first.getByText(pillar, { exact: true })).toBeVisible();
    await expect(first.getByText("Hiring and onboarding", { exact: true })).toBeVisible();

    await page.getByRole("navigation", { name: "Focus on a pillar" }).getByRole("link", { name: "Craft 4 dimensions" }).click();
    await expect(page).toHaveURL(/pillar=craft/);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    const craft = row(matrixOf(page, /Craft pillar only/), "Team Lead");
    await expect(craft.getByText("Craft", { exact: true })).toBeVisible();
    await expect(craft.getByText("People", { exact: true })).toHaveCount(0);
    await expectAccessible(page);
  });

  test("hostile text in cells and names does not widen the matrix or the page", async ({ page }) => {
    const hostile = [`${"W".repeat(10_000)}`, "\u202Etxet lufelihw\u202C مرحبا بالعالم שלום", "🧭🌱👩🏽‍💻".repeat(200), '<script>alert(1)</script><img src=x onerror="alert(1)">'];
    // Framework text is capped when it is imported; here the page is given far longer text than any import allows.
    const inject = (values: string[]) =>
      page.evaluate((values) => {
        const table = document.querySelector('[role="table"]')!;
        const targets = [...table.querySelectorAll('[role="cell"] p'), ...table.querySelectorAll('[role="rowheader"] h3'), ...table.querySelectorAll('[role="columnheader"] span')];
        targets.forEach((el, i) => (el.textContent = values[i % values.length]!));
        document.querySelector("h1")!.textContent = values[0]!;
      }, values);

    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(EM);
      const matrix = matrixOf(page);
      const columns = () => matrix.getByRole("row").nth(1).getByRole("columnheader").evaluateAll((cells) => cells.map((c) => Math.round(c.getBoundingClientRect().width)));
      const [tableWidth, widths] = [await matrix.evaluate((t) => t.scrollWidth), await columns()];
      await inject(hostile);
      expect(await pageWidth(page), `at ${width}px`).toBeLessThanOrEqual(width);
      expect(await matrix.evaluate((t) => t.scrollWidth), `at ${width}px`).toBe(tableWidth);
      expect(await columns(), `at ${width}px`).toEqual(widths);
      // Nothing spills out of its cell: every text wraps within the width it was given.
      const spilling = await matrix.evaluate((t) =>
        [...t.querySelectorAll('[role="cell"] p, [role="rowheader"] h3')].filter((el) => el.scrollWidth > el.clientWidth + 1).length,
      );
      expect(spilling, `at ${width}px`).toBe(0);
      await expect(matrix.locator("script, img")).toHaveCount(0);
    }
  });

  test("a framework that does not exist is named as such, not an error", async ({ page, visit }) => {
    for (const key of ["no-such-framework", "<script>alert(1)</script>", "x".repeat(5000)]) {
      await visit(`/path?framework=${encodeURIComponent(key)}`);
      await expect(page.getByRole("heading", { level: 1, name: "No such framework" })).toBeVisible();
      await expect(page.getByText(`No published framework has the key “${key.slice(0, 100)}”.`)).toBeVisible();
      expect(await pageWidth(page)).toBeLessThanOrEqual(1280);
    }
    await page.getByRole("link", { name: "Show your framework" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Engineering career path" })).toBeVisible();
    // An unknown pillar shows every pillar and says so.
    await visit(`${EM}&pillar=nope`);
    await expect(page.getByText("No pillar has the key “nope”; every pillar is shown.")).toBeVisible();
    await expect(matrixOf(page)).toHaveAttribute("aria-colcount", "17");
  });
});
