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

/** The words of the directory's rows that the layout splits over two lines. */
const brokenWords = (page: Page) =>
  page.locator("tbody").evaluate((body) => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      for (const m of text.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
    return broken;
  });

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

    // Dora's reports: part of her name, matched on the server, sets the filter as a chip; three pages, walked with the pager.
    await page.getByLabel("Reports to").fill("dora");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/\/people\?manager=[0-9a-f-]{36}$/);
    await expect(page.getByTestId("manager-chip")).toHaveText("Dora Directory");
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
    await page.getByRole("columnheader", { name: /^Name/ }).getByRole("link", { name: /^Name/ }).click();
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

    // By team and step: only the odd-numbered people on the second step. Two teams hold "directory": the page offers both.
    await page.getByRole("link", { name: "Clear" }).click();
    await expect(page).toHaveURL(/\/people$/);
    await page.getByLabel("Team", { exact: true }).fill("Directory");
    await page.getByLabel("Step", { exact: true }).selectOption({ label: "Software Engineer II" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/teamq=Directory/);
    const teamChoices = page.getByTestId("team-choices");
    await expect(teamChoices.getByRole("heading")).toHaveText("Teams whose name holds “Directory”: choose one");
    await expect(teamChoices.getByRole("link")).toHaveText(["Directory ops", "Directory test"]);
    await expectAccessible(page);
    await teamChoices.getByRole("link", { name: "Directory test" }).click();
    await expect(page).toHaveURL(/team=[0-9a-f-]{36}/);
    await expect(page).not.toHaveURL(/teamq=/);
    await expect(page).toHaveURL(/step=software-engineer-2/);
    await expect(page.getByTestId("team-chip")).toHaveText("Directory test");
    const expected = PEOPLE.filter((p) => p.team === "Directory test" && p.step === "Software Engineer II");
    await expect(shown(page)).toHaveText(`${expected.length} people match this view.`);
    await expect(rowNames(page)).toHaveText(expected.map((p) => p.name));
    const rows = page.getByRole("table").getByRole("row").filter({ has: page.getByRole("rowheader") });
    for (const row of await rows.all()) {
      await expect(row.getByRole("cell").nth(1)).toHaveText("Directory test");
      await expect(row.getByRole("cell").nth(3)).toHaveText("Software Engineer II");
    }
    // The view is in the URL: opened again, it shows the same people with its fields set.
    const shared = page.url();
    await visit(shared);
    await expect(rowNames(page)).toHaveText(expected.map((p) => p.name));
    await expect(page.getByTestId("team-chip")).toHaveText("Directory test");
    await expect(page.getByLabel("Step", { exact: true })).toHaveValue("software-engineer-2");

    // Removing the chip leaves the rest of the view: both teams, still on the second step.
    await page.getByRole("link", { name: "Remove the filter Team: Directory test" }).click();
    await expect(page).toHaveURL(/\/people\?step=software-engineer-2$/);
    await expect(page.getByLabel("Team", { exact: true })).toHaveValue("");
    await expect(rowNames(page).filter({ hasText: /^Zed Directory \d+$/ })).toHaveCount(PEOPLE.filter((p) => p.step === "Software Engineer II").length);

    // A row's team and manager narrow the view to them: Zed Directory 006 is in Directory ops, under Dora.
    await visit("/people?q=zed+directory+006");
    const zed = page.getByRole("row", { name: /Zed Directory 006/ });
    await zed.getByRole("link", { name: "Directory ops" }).click();
    await expect(page).toHaveURL(/\/people\?q=zed\+directory\+006&team=[0-9a-f-]{36}$/);
    await expect(page.getByTestId("team-chip")).toHaveText("Directory ops");
    await zed.getByRole("link", { name: "Dora Directory" }).click();
    await expect(page).toHaveURL(/team=[0-9a-f-]{36}&manager=[0-9a-f-]{36}$/);
    await expect(page.getByTestId("manager-chip")).toHaveText("Dora Directory");
    await expect(rowNames(page)).toHaveText(["Zed Directory 006"]);
    await expectAccessible(page);
    // "No team", one click away: Dora is in a team, so nobody of this search is left.
    await page.getByRole("link", { name: "Remove the filter Team: Directory ops" }).click();
    await page.getByRole("link", { name: "No team", exact: true }).click();
    await expect(page.getByTestId("team-chip")).toHaveText("No team");
    await expect(page.getByText("Nobody matches this search and these filters.")).toBeVisible();
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
    await expect(page.getByRole("columnheader", { name: /^Name/ })).toHaveAttribute("aria-sort", "ascending");
    await expect(page.getByLabel("Sort by", { exact: true })).toHaveValue("email");

    // A team or manager id nobody has, and searches for them that match nothing: said, not a failure.
    await visit(`/people?team=${crypto.randomUUID()}&manager=${crypto.randomUUID()}`);
    await expect(page.getByTestId("team-chip")).toHaveText("Unknown team");
    await expect(page.getByTestId("manager-chip")).toHaveText("Unknown person");
    await visit(`/people?teamq=${encodeURIComponent("<script>%_")}&managerq=${"y".repeat(300)}`);
    await expect(page.getByTestId("team-choices")).toHaveText("No team’s name holds “<script>%_”.");
    await expect(page.getByTestId("manager-choices")).toContainText("No manager’s name holds");
    await expect(notes).toContainText("The search was longer than 200 characters");

    for (const query of [
      "?page=1e400",
      "?page=abc&team=%00&manager=nope&step=%00&status=x&active=maybe",
      "?q=%00",
      "?page=2&page=3&sort=name&sort=step",
      "?teamq=%00&managerq=%25",
      "?teamq=a&teamq=b&team=none",
    ]) {
      const response = await page.goto(`/people${query}`);
      expect(response?.status(), query).toBe(200);
    }
  });

  test("a manager's filters never reach past their reports", async ({ page, signInAs, signInElsewhere, visit }) => {
    // The admin's view of Dora's reports, opened by Priya: nobody, not Dora's people, and not her name.
    const admin = await signInElsewhere("alex");
    await admin.goto("/people?managerq=Dora+Directory");
    await expect(shown(admin)).toContainText("of 120 people");
    const doraView = new URL(admin.url()).search;

    await signInAs("priya");
    await visit(`/people${doraView}&active=all`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My reports");
    await expect(page.getByText("Nobody matches this search and these filters.")).toBeVisible();
    await expect(page.getByTestId("manager-chip")).toHaveText("Unknown person");
    await page.goto("/people?q=directory&active=all");
    await expect(page.getByText("Nobody matches this search and these filters.")).toBeVisible();
    // Searching for another tree's team or manager finds nothing; her own are found.
    await visit("/people?teamq=directory&managerq=dora");
    await expect(page.getByTestId("team-choices")).toHaveText("No team’s name holds “directory”.");
    await expect(page.getByTestId("manager-choices")).toHaveText("No manager’s name holds “dora”.");
    await page.getByLabel("Team", { exact: true }).fill("product");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByTestId("team-choices")).toHaveText("No team’s name holds “product”.");
    await page.getByLabel("Team", { exact: true }).fill("plat");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByTestId("team-chip")).toHaveText("Platform");
    // "Me": her direct reports, one click away.
    await page.getByRole("link", { name: "Me", exact: true }).click();
    await expect(page.getByTestId("manager-chip")).toHaveText("Me");
    await expect(rowNames(page)).toHaveText(["Diego Alvarez", "Lena Fischer", "Mei Chen", "Sam Okafor"]);
  });

  test("each person is drawn once: a table row on a laptop, a card on a tablet and a phone, and nothing scrolls sideways", async ({ page, signInAs, visit }) => {
    await signInAs("alex");
    const rows = page.getByRole("table", { name: "People, page 1 of 3" }).locator("tbody tr");
    const box = async (i: number) => (await rows.nth(i).boundingBox())!;
    const label = (i: number, cell: number) => rows.nth(i).locator("td").nth(cell).evaluate((td) => getComputedStyle(td, "::before").content);

    // A laptop: fifty rows of one table, one below the other, the column headers in view.
    await visit("/people?q=zed+directory");
    await expect(rows).toHaveCount(50);
    await expect(page.getByRole("columnheader", { name: /^Team/ })).toBeVisible();
    expect(await label(0, 0)).toBe("none");

    // From 768 to 1280 px no word is broken to fit a column and nothing scrolls sideways; below lg (1024 px) the rows are cards, two to a line.
    for (const width of [1280, 1024, 900, 768]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `at ${width} px`).toBeLessThanOrEqual(width);
      expect(await brokenWords(page), `at ${width} px`).toEqual([]);
    }
    await expect(page.getByRole("columnheader", { name: /^Team/ })).toBeHidden();
    const [first, second] = [await box(0), await box(1)];
    expect(second.y).toBe(first.y);
    expect(second.x).toBeGreaterThan(first.x + first.width);

    // A phone: one card to a line, its lines headed by the labels the table sets for its columns.
    await page.setViewportSize({ width: 390, height: 844 });
    await visit("/people?q=zed+directory");
    await expect(rows).toHaveCount(50);
    await expect(rows.first().getByRole("rowheader")).toContainText("Zed Directory 001");
    await expect(rows.first().getByRole("rowheader")).toContainText("zed.directory.001@example.com");
    await expect(rows.first().locator("td").nth(3)).toHaveText("Software Engineer");
    expect([await label(0, 0), await label(0, 1), await label(0, 3)]).toEqual(['"Role"', '"Team"', '"Step"']);
    expect((await box(1)).y).toBeGreaterThan((await box(0)).y + (await box(0)).height);
    expect((await box(0)).width).toBeLessThanOrEqual(390 - 32);
    await expect(pager(page)).toContainText("Page 1 of 3");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Choices and chips fit a phone too.
    await visit("/people?teamq=directory&managerq=dora+directory");
    await expect(page.getByTestId("manager-chip")).toHaveText("Dora Directory");
    await expect(page.getByTestId("team-choices").getByRole("link")).toHaveCount(2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 720 });
  });
});
