import { expect, test } from "./fixtures";

test.describe("where I am now", () => {
  test("an engineer sees their step, their time at it against the timeframe, and the branches that open next", async ({ page, signInAs, visit }) => {
    await signInAs("sam");
    await visit("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Where you are now");
    await expect(page.getByRole("heading", { level: 2, name: "Senior Engineer" })).toBeVisible();
    await expect(page.getByTestId("time-at-step")).toHaveText("30 months — expected 2–3 years");
    await expect(page.getByText("Within the expected time")).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "The path forks here: 2 steps open next" })).toBeVisible();
    const deeper = page.getByRole("article", { name: "→ Senior Engineer II" });
    await expect(deeper).toContainText("Deeper in one team");
    await expect(deeper.getByRole("term")).toHaveText(["Scope of influence", "How work is conducted", "Ownership"]);
    await expect(page.getByRole("article", { name: "→ Staff Engineer" })).toContainText("Broader across teams");
    await page.getByRole("link", { name: "See your step on the whole path" }).click();
    await expect(page).toHaveURL(/\/path#step-senior-engineer$/);
  });

  test("an engineer past the expected timeframe is told so", async ({ page, signInAs, visit }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs("mei");
    await visit("/");
    await expect(page.getByTestId("time-at-step")).toHaveText("15 months — expected 6–12 months");
    await expect(page.getByText("Past the expected time")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test("someone not on the path is pointed to it", async ({ page, signInAs, visit }) => {
    await signInAs("priya");
    await visit("/");
    await expect(page.getByText("You are not placed on a career path yet.")).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "My reports" })).toBeVisible();
  });
});
