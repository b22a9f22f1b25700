import type { Page } from "@playwright/test";
import { expect, expectAccessible, signInWith, test } from "./fixtures";
import { AssessmentEditor } from "./pages";

const DIMENSIONS = ["Scope of influence", "How work is conducted", "Ownership"] as const;

/** The names in one group's table of /team, in the order shown. */
const rowsOf = (page: Page, group: string) => page.getByRole("table", { name: group }).getByRole("rowheader").getByRole("link");

test.describe("a manager's team overview", () => {
  test("Priya sorts and filters her team with the keyboard, the view in the URL; bad values fall back; a phone gets cards", async ({ page, signInAs, visit }) => {
    await signInAs("priya");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My team" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My team");
    await expectAccessible(page);
    const rows = rowsOf(page, "Reporting to you");
    const clear = async () => {
      await page.getByRole("link", { name: "Clear", exact: true }).click();
      await expect(page).toHaveURL(/\/team$/);
    };
    await expect(rows).toHaveText(["Diego Alvarez", "Lena Fischer", "Mei Chen", "Sam Okafor"]);

    // Mei is past the 6–12 months of her step: said in words, not only in colour.
    const mei = page.getByRole("row", { name: /Mei Chen/ });
    await expect(mei).toContainText("15 months");
    await expect(mei).toContainText("Overdue");
    // Sam's picks beside Priya's, with the one gap between them.
    const sam = page.getByRole("row", { name: /Sam Okafor/ });
    await expect(sam).toContainText("1 gap");
    await expect(sam).toContainText("self Staff Engineer · mgr Senior Engineer · gap 1, self further on");
    // Where the review stands, in the same words as the people directory.
    await expect(sam).toContainText("Manager assessment done");

    // Sorting by a column header, from the keyboard: the longest time at step first, then the other way.
    await page.getByRole("link", { name: "Time at step", exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/team\?sort=time$/);
    await expect(rows).toHaveText(["Sam Okafor", "Diego Alvarez", "Mei Chen", "Lena Fischer"]);
    await expect(page.getByRole("columnheader", { name: /Time at step/ })).toHaveAttribute("aria-sort", "descending");
    await page.getByRole("link", { name: "Time at step", exact: true }).click();
    await expect(page).toHaveURL(/sort=time&dir=asc/);
    await expect(rows).toHaveText(["Lena Fischer", "Mei Chen", "Diego Alvarez", "Sam Okafor"]);

    // Filtering: type a name and press Enter.
    await page.getByLabel("Search by name", { exact: true }).fill("");
    await page.getByLabel("Search by name", { exact: true }).pressSequentially("mei");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/q=mei/);
    await expect(rows).toHaveText(["Mei Chen"]);
    await expect(page.getByTestId("team-shown")).toHaveText("Showing 1 of 4 people.");

    // Overdue only, by step, by review status: each from the form, each kept in the URL.
    await clear();
    await page.getByLabel("Overdue only", { exact: true }).check();
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/overdue=1/);
    await expect(rows).toHaveText(["Mei Chen"]);
    await clear();
    await page.getByLabel("Step", { exact: true }).selectOption({ label: "Senior Engineer" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/step=senior-engineer/);
    await expect(rows).toHaveText(["Sam Okafor"]);
    await clear();
    await page.getByLabel("Review", { exact: true }).selectOption({ label: "Manager assessment done" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/status=assessed/);
    await expect(rows.filter({ hasText: "Sam Okafor" })).toHaveCount(1);
    await expect(rows.filter({ hasText: /Lena Fischer|Diego Alvarez/ })).toHaveCount(0);
    await expectAccessible(page);

    // A shared view opens as it was left; nonsense in the URL falls back to the defaults, and the page says what it left out.
    await visit("/team?sort=evidence&dir=asc&q=sam");
    await expect(page.getByLabel("Sort by", { exact: true })).toHaveValue("evidence");
    await expect(page.getByLabel("Order", { exact: true })).toHaveValue("asc");
    await expect(rows).toHaveText(["Sam Okafor"]);
    await visit("/team?sort=salary&dir=up&overdue=yes&status=%3Cscript%3E&group=..%2F..&step=DROP%20TABLE&page=1e9");
    await expect(rows).toHaveText(["Diego Alvarez", "Lena Fischer", "Mei Chen", "Sam Okafor"]);
    const notes = page.getByTestId("team-notes");
    await expect(notes).toContainText("Left out of this view, as the address gave no valid value for them: sort, order, step, overdue only, review status, group.");
    await expect(notes).toContainText("There is only 1 page: showing page 1.");
    await visit(`/team?q=${"x".repeat(10_000)}%00`);
    await expect(notes).toContainText("The search was longer than 100 characters");
    await expect(page.getByLabel("Search by name", { exact: true })).toHaveValue("x".repeat(100));
    await visit("/team?q=nobody-here");
    await expect(page.getByText("Nobody matches these filters.")).toBeVisible();

    // On a phone each person is a card: the same row, drawn once, laid out by CSS; nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await visit("/team");
    const card = page.getByRole("row", { name: /Mei Chen/ });
    await expect(card).toContainText("Overdue");
    await expect(card).toContainText("Software Engineer");
    await expect(page.getByRole("link", { name: "Mei Chen", exact: true })).toHaveCount(1);
    await expect(page.getByRole("columnheader", { name: /Time at step/ })).toBeHidden();
    const box = (await card.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page);
  });

  test("what waits for Priya: a new report's self-assessment leads to its review; Mei is past her step's time", async ({
    page,
    browser,
    baseURL,
    signInAs,
    signInElsewhere,
    visit,
  }) => {
    test.slow();
    // A new report of Priya's, so that no other walk's reviews change.
    const admin = await signInElsewhere("alex");
    await admin.goto("/people/new");
    await admin.getByLabel("Email").fill("yara.lindqvist@example.com");
    await admin.getByLabel("Name").fill("Yara Lindqvist");
    await admin.getByLabel("Manager", { exact: true }).selectOption({ label: "Priya Raman" });
    await admin.getByLabel("Set an initial password now").check();
    await admin.getByLabel("Initial password", { exact: true }).fill("yara-first-password");
    await admin.getByRole("button", { name: "Add person" }).click();
    await expect(admin.getByTestId("form-message")).toHaveText("Yara Lindqvist was added.");
    await admin.getByRole("link", { name: "Open their page" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: "Yara Lindqvist" })).toBeVisible();
    const yaraPage = admin.url();
    try {
      const context = await browser.newContext({ baseURL });
      const yara = await context.newPage();
      await signInWith(yara, "yara.lindqvist@example.com", "yara-first-password");
      await expect(yara.getByTestId("signed-in-as")).toContainText("Yara Lindqvist");
      await yara.goto("/assessment");
      const editor = new AssessmentEditor(yara);
      await editor.start();
      await editor.place(Object.fromEntries(DIMENSIONS.map((d) => [d, { step: "Software Engineer", reason: `Learning the ropes on ${d.toLowerCase()}.` }])));
      await editor.expectSaved();
      await editor.submit();
      await expect(yara.getByRole("heading", { name: /^Submitted / })).toBeVisible();
      await context.close();

      await signInAs("priya");
      await visit("/");
      // Priya is not on the path herself: that stays said, with what waits for her beside it.
      await expect(page.getByText("You are not placed on a career path yet.")).toBeVisible();
      const waiting = page.getByRole("region", { name: "What waits for you" });
      const toAssess = waiting.getByRole("region", { name: /Self-assessments to assess/ });
      await expect(toAssess.getByRole("link", { name: "Yara Lindqvist" })).toBeVisible();
      const overdue = waiting.getByRole("region", { name: /Past their step's expected time/ });
      await expect(overdue.getByTestId("overdue-count")).toHaveText("1");
      await expect(overdue).toContainText("Software Engineer: 15 months — expected 6–12 months · 3 months past");
      // The demo's calibration of the open cycle, where Priya sits as a calibrator.
      await expect(waiting.getByRole("region", { name: /Calibrations you sit in/ }).getByRole("link", { name: "2026 H2 calibration" })).toHaveAttribute("href", /^\/calibration\/[0-9a-f-]{36}$/);
      await expect(waiting.getByRole("region", { name: /Promotion cases to write/ })).toContainText("No promotion case in draft.");

      // From the keyboard, into Yara's review, and her draft is on the list once started.
      await toAssess.getByRole("link", { name: "Yara Lindqvist" }).focus();
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}\/assessment\?cycle=[0-9a-f-]{36}$/);
      await new AssessmentEditor(page).start("Start my assessment of Yara");
      await expect(page.getByRole("table", { name: "Pick Yara's step in each dimension" })).toBeVisible();
      await visit("/");
      await expect(toAssess).toContainText("your assessment is in draft");
      await expect(waiting.getByRole("region", { name: /Your drafts/ }).getByRole("link", { name: "Your assessment of Yara Lindqvist" })).toBeVisible();
      await overdue.getByRole("link", { name: "Mei Chen" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Mei Chen" })).toBeVisible();
    } finally {
      // Priya's reports are the demo's again for the walks that count them.
      await admin.goto(yaraPage);
      await admin.getByLabel("Manager", { exact: true }).selectOption({ label: "No manager" });
      await admin.getByRole("button", { name: "Save changes" }).click();
      await expect(admin.getByTestId("form-message").first()).toHaveText("Saved.");
    }
  });

  test("on a phone the home page's links share a grid, and nothing scrolls sideways", async ({ page, signInAs, visit }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs("priya");
    await visit("/");
    const links = page.getByTestId("home-links").getByRole("link");
    await expect(links).toHaveText(["See the career path", "My growth plan", "My reports", "My team"]);
    const [path, plan, reports, team] = await Promise.all([0, 1, 2, 3].map(async (i) => (await links.nth(i).boundingBox())!));
    // Four links: two rows of two, side by side and as wide as each other.
    expect(plan!.y).toBe(path!.y);
    expect(team!.y).toBe(reports!.y);
    expect(reports!.y).toBeGreaterThan(path!.y + path!.height);
    for (const [left, right] of [
      [path!, plan!],
      [reports!, team!],
    ] as const) {
      expect(Math.abs(left.width - right.width)).toBeLessThan(1);
      expect(left.x + left.width).toBeLessThan(right.x);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // On a laptop they sit in one row.
    await page.setViewportSize({ width: 1280, height: 720 });
    const tops = await Promise.all([0, 1, 2, 3].map(async (i) => (await links.nth(i).boundingBox())!.y));
    expect(new Set(tops).size).toBe(1);
  });

  test("Alex, an admin, sees his own tree grouped by his direct reports, and what waits for him", async ({ page, signInAs, visit }) => {
    await signInAs("alex");
    await visit("/");
    const waiting = page.getByRole("region", { name: "What waits for you" });
    await expect(waiting.getByRole("region", { name: /Past their step's expected time/ }).getByRole("link", { name: "Mei Chen" })).toBeVisible();
    await page.getByRole("main").getByRole("link", { name: "My team", exact: true }).click();
    await expect(page.getByRole("heading", { level: 2, name: /^Marcus Bell's team/ })).toBeVisible();
    await expect(rowsOf(page, "Priya Raman's team").first()).toHaveText("Priya Raman");
    await page.getByLabel("Group", { exact: true }).selectOption({ label: "Marcus Bell's team" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/group=[0-9a-f-]{36}/);
    await expect(page.getByRole("heading", { level: 2, name: /^Priya Raman's team/ })).toHaveCount(0);
    await expect(rowsOf(page, "Marcus Bell's team").first()).toHaveText("Marcus Bell");
    await expectAccessible(page);
  });

  test("an engineer has no team overview and no waiting list", async ({ page, signInAs }) => {
    await signInAs("sam");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My team" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "What waits for you" })).toHaveCount(0);
    expect((await page.goto("/team"))?.status()).toBe(404);
  });
});
