import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";

/**
 * The people directory at a size that needs several pages: 120 people and their manager, imported
 * through the CSV import as the admin, then paged, searched, filtered and sorted in the URL, fed a
 * malformed address, and read on a phone.
 *
 * The e2e database is shared by the specs that run after this one: the people made here are in
 * teams of their own, under a manager of their own outside every demo reporting tree, on the first
 * two steps only, and named "Zed …" so that they sort after everyone else by name.
 */

const pad = (i: number) => String(i).padStart(3, "0");
const PEOPLE = Array.from({ length: 120 }, (_, n) => {
  const i = n + 1;
  return {
    i,
    name: `Zed Directory ${pad(i)}`,
    email: `zed.directory.${pad(i)}@example.com`,
    team: i % 2 === 1 ? "Directory test" : "Directory ops",
    step: i % 3 === 0 ? "Software Engineer II" : "Software Engineer",
  };
});

const csv = [
  "email,name,role,manager_email,team,step",
  "dora.directory@example.com,Dora Directory,manager,,Directory ops,",
  ...PEOPLE.map((p) => `${p.email},${p.name},engineer,dora.directory@example.com,${p.team},${p.step}`),
].join("\n");

const shown = (page: Page) => page.getByTestId("directory-shown");
const rowNames = (page: Page) => page.getByRole("table").getByRole("rowheader").getByRole("link");
const pager = (page: Page) => page.getByRole("navigation", { name: "Pages of people" });

test.describe("the people directory", () => {
  test("an admin imports 120 people, then pages, searches, filters and sorts them in the URL", async ({ page, signInAs, visit }) => {
    test.setTimeout(180_000);
    await signInAs("alex");

    // The import preview lists the 121 new people collapsed, fifty at a time.
    await visit("/people/import");
    await page.getByLabel("Or paste it here").fill(csv);
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByRole("status")).toContainText("This file would add 121, change 0, place 120 on a step");
    const toAdd = page.getByRole("region", { name: "To add" });
    await expect(toAdd).toContainText("(121 people)");
    await expect(toAdd.getByRole("listitem").first()).toBeHidden();
    await toAdd.getByText("To add").click();
    await expect(toAdd.getByRole("listitem")).toHaveCount(50);
    await expect(toAdd.getByRole("listitem").first()).toHaveText("Dora Directory (dora.directory@example.com), manager, in Directory ops");
    await expect(toAdd).toContainText("Showing 1–50 of 121");
    await toAdd.getByRole("button", { name: "Next 50" }).click();
    await expect(toAdd).toContainText("Showing 51–100 of 121");
    await expect(toAdd.getByRole("listitem").first()).toContainText("Zed Directory 050");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Import 121 changes" }).click();
    await expect(page.getByText("Imported: 121 added, 0 changed, 120 placed on a step")).toBeVisible();

    // Everyone, fifty to a page.
    await visit("/people");
    await expect(shown(page)).toHaveText(/^Showing 1–50 of [\d,]+ people\.$/);
    const total = Number((await shown(page).textContent())!.match(/of ([\d,]+) people/)![1]!.replaceAll(",", ""));
    expect(total).toBeGreaterThanOrEqual(134);
    await expect(rowNames(page)).toHaveCount(50);
    await expect(pager(page)).toContainText(`Page 1 of ${Math.ceil(total / 50)}`);
    await expect(pager(page).getByRole("link", { name: "Page 1", exact: true })).toHaveAttribute("aria-current", "page");

    // Dora's reports: three pages, walked with the pager.
    await page.getByLabel("Reports to").selectOption({ label: "Dora Directory" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/\/people\?manager=[0-9a-f-]{36}$/);
    await expect(shown(page)).toHaveText("Showing 1–50 of 120 people matching this view.");
    await expect(pager(page)).toContainText("Page 1 of 3");
    await pager(page).getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(shown(page)).toHaveText("Showing 51–100 of 120 people matching this view.");
    await expect(rowNames(page).first()).toHaveText("Zed Directory 051");
    await pager(page).getByRole("link", { name: "Last" }).click();
    await expect(shown(page)).toHaveText("Showing 101–120 of 120 people matching this view.");
    await expect(pager(page).getByRole("link", { name: "Page 3", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(rowNames(page)).toHaveCount(20);
    await expectAccessible(page);

    // Sorted by name the other way, from the first page; the header says how it is sorted.
    await page.getByRole("columnheader", { name: /^Name/ }).getByRole("link").click();
    await expect(page).toHaveURL(/dir=desc/);
    await expect(page).not.toHaveURL(/page=/);
    await expect(page.getByRole("columnheader", { name: /^Name/ })).toHaveAttribute("aria-sort", "descending");
    await expect(rowNames(page).first()).toHaveText("Zed Directory 120");
    await expect(page.getByLabel("Order", { exact: true })).toHaveValue("desc");

    // A search by name, kept with the filters: the fields show the view the URL holds.
    await page.getByLabel("Search by name or email").fill("  ZED directory 07 ");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(shown(page)).toHaveText("10 people match this view.");
    await expect(rowNames(page)).toHaveText(Array.from({ length: 10 }, (_, i) => `Zed Directory 0${79 - i}`));
    await expect(page.getByLabel("Search by name or email")).toHaveValue("ZED directory 07");
    await expect(pager(page)).toHaveCount(0);

    // By team and step: only the odd-numbered people on the second step.
    await page.getByRole("link", { name: "Clear" }).click();
    await expect(page).toHaveURL(/\/people$/);
    await page.getByLabel("Team", { exact: true }).selectOption({ label: "Directory test" });
    await page.getByLabel("Step", { exact: true }).selectOption({ label: "Software Engineer II" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/step=software-engineer-2/);
    const expected = PEOPLE.filter((p) => p.team === "Directory test" && p.step === "Software Engineer II");
    await expect(shown(page)).toHaveText(`${expected.length} people match this view.`);
    await expect(rowNames(page)).toHaveText(expected.map((p) => p.name));
    const rows = page.getByRole("table").getByRole("row").filter({ has: page.getByRole("rowheader") });
    for (const row of await rows.all()) {
      await expect(row.getByRole("cell").nth(2)).toHaveText("Directory test");
      await expect(row.getByRole("cell").nth(4)).toHaveText("Software Engineer II");
    }
    // The view is in the URL: opened again, it shows the same people with its fields set.
    const shared = page.url();
    await visit(shared);
    await expect(rowNames(page)).toHaveText(expected.map((p) => p.name));
    await expect(page.getByLabel("Team", { exact: true })).toHaveValue(/^[0-9a-f-]{36}$/);
    await expect(page.getByLabel("Step", { exact: true })).toHaveValue("software-engineer-2");
  });

  test("a malformed address gets a sensible view and says what it left out", async ({ page, signInAs, visit }) => {
    await signInAs("alex");
    await visit(`/people?page=-5&sort=nope&q=${"x".repeat(10_000)}`);
    const notes = page.getByTestId("directory-notes");
    await expect(notes).toContainText("The search was longer than 200 characters: only its first 200 are searched for.");
    await expect(notes).toContainText("Left out of this view, as the address gave no valid value for them: sort.");
    await expect(page.getByText("Nobody matches this search and these filters.")).toBeVisible();
    await expect(page.getByLabel("Search by name or email")).toHaveValue("x".repeat(200));

    // A page far beyond the last is the last page.
    await visit("/people?q=zed+directory&page=1000000000&sort=email&dir=sideways");
    await expect(notes).toContainText("There are only 3 pages: showing page 3.");
    await expect(notes).toContainText("order");
    await expect(shown(page)).toHaveText("Showing 101–120 of 120 people matching this view.");
    await expect(page.getByRole("columnheader", { name: /^Email/ })).toHaveAttribute("aria-sort", "ascending");

    for (const query of ["?page=1e400", "?page=abc&team=%00&manager=nope&step=%00&status=x&active=maybe", "?q=%00", "?page=2&page=3&sort=name&sort=step"]) {
      const response = await page.goto(`/people${query}`);
      expect(response?.status(), query).toBe(200);
    }
  });

  test("a manager's filters never reach past their reports", async ({ page, signInAs, signInElsewhere }) => {
    // The admin's view of Dora's reports, opened by Priya: nobody, not Dora's people.
    const admin = await signInElsewhere("alex");
    await admin.goto("/people");
    await admin.getByLabel("Reports to").selectOption({ label: "Dora Directory" });
    await admin.getByRole("button", { name: "Apply" }).click();
    await expect(shown(admin)).toContainText("of 120 people");
    const doraView = new URL(admin.url()).search;

    await signInAs("priya");
    await page.goto(`/people${doraView}&active=all`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My reports");
    await expect(page.getByText("Nobody matches this search and these filters.")).toBeVisible();
    await page.goto("/people?q=directory&active=all");
    await expect(page.getByText("Nobody matches this search and these filters.")).toBeVisible();
    await expect(page.getByLabel("Team", { exact: true }).locator("option")).toHaveText(["Any team", "Platform", "No team"]);
  });

  test("on a phone, people are cards and nothing scrolls sideways", async ({ page, signInAs, visit }) => {
    await signInAs("alex");
    await page.setViewportSize({ width: 390, height: 844 });
    await visit("/people?q=zed+directory");
    await expect(page.getByRole("table")).toBeHidden();
    const cards = page.getByRole("list", { name: "People, page 1 of 3" }).getByRole("article");
    await expect(cards).toHaveCount(50);
    await expect(cards.first()).toContainText("Zed Directory 001");
    await expect(cards.first()).toContainText("StepSoftware Engineer");
    await expect(pager(page)).toContainText("Page 1 of 3");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 720 });
  });
});
