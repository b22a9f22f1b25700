import { expect, expectAccessible, test } from "./fixtures";

const STEPS = [
  "Software Engineer",
  "Software Engineer II",
  "Software Engineer III",
  "Senior Engineer",
  "Senior Engineer II",
  "Staff Engineer",
  "Principal Engineer",
  "Engineer of Distinction",
];

test.describe("the career path matrix", () => {
  test.beforeEach(async ({ signInAs }) => {
    await signInAs("sam");
  });

  test("shows every step, every dimension and their cells", async ({ page, visit }) => {
    await visit("/path");
    await expect(page.getByRole("heading", { level: 1, name: "Engineering career path" })).toBeVisible();

    const matrix = page.getByRole("table", { name: /steps by dimension/ });
    await expect(matrix.getByRole("columnheader")).toHaveText([/Step/, /Scope of influence/, /How work is conducted/, /Ownership/]);
    await expect(matrix.getByRole("rowheader").getByRole("heading", { level: 3 })).toHaveText(STEPS);
    // Eight steps by three dimensions, each cell described.
    await expect(matrix.getByRole("cell")).toHaveCount(24);
    await expect(matrix.getByRole("cell").filter({ hasText: "Not expected at this step" })).toHaveCount(0);
  });

  test("shows where the path forks and where the branches meet again", async ({ page, visit }) => {
    await visit("/path");
    const senior = page.getByRole("row").filter({ has: page.getByRole("heading", { name: "Senior Engineer", exact: true }) });
    await expect(senior.getByText("The path forks: 2 ways on")).toBeVisible();
    await expect(senior.getByRole("listitem")).toHaveText(["→ Senior Engineer II — deeper in one team", "→ Staff Engineer — broader across teams"]);

    const staff = page.getByRole("row").filter({ has: page.getByRole("heading", { name: "Staff Engineer", exact: true }) });
    await expect(staff.getByText("Reached from Senior Engineer or Senior Engineer II.")).toBeVisible();

    // The overview map places the two branches in one column, one above the other.
    const overview = page.getByRole("navigation", { name: "Path overview" });
    const deeper = await overview.getByRole("link", { name: "Senior Engineer II" }).boundingBox();
    const broader = await overview.getByRole("link", { name: "Staff Engineer" }).boundingBox();
    expect(deeper!.x).toBeCloseTo(broader!.x, 0);
    expect(deeper!.y).toBeGreaterThan(broader!.y);
  });

  test("shows each step's expected timeframe", async ({ page, visit }) => {
    await visit("/path");
    const row = (name: string) => page.getByRole("row").filter({ has: page.getByRole("heading", { name, exact: true }) });
    await expect(row("Software Engineer")).toContainText("6–12 months");
    await expect(row("Software Engineer III")).toContainText("1–3 years");
    await expect(row("Staff Engineer")).toContainText("2+ years");
    await expect(row("Engineer of Distinction")).toContainText("No expected timeframe");
  });

  test("opens a cell's expectations from the keyboard", async ({ page, visit }) => {
    await visit("/path");
    const firstCell = page.getByRole("cell").first();
    const toggle = firstCell.locator("summary");
    await toggle.focus();
    await page.keyboard.press("Enter");
    await expect(firstCell.getByRole("listitem").first()).toBeVisible();
    await expectAccessible(page);
  });

  test("reads as stacked cards on a phone, with nothing wider than the screen", async ({ page, visit }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await visit("/path");
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(390);
    // Each cell names its dimension, since the column headers are not shown.
    const firstRow = page.getByRole("row").nth(1);
    await expect(firstRow.getByText("Scope of influence", { exact: true })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Path overview" })).toBeHidden();
  });
});

test("the health check answers with the database it uses", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", database: "pglite" });
});
