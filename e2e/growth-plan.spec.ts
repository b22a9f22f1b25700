import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { PlanForm } from "./pages";

/** A month n years from now, as a month input takes it (YYYY-MM). */
const yearsAhead = (n: number) => {
  const now = new Date();
  return `${now.getUTCFullYear() + n}-${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
};

const monthName = (month: string) => new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${month}-01T00:00:00Z`));

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

test.describe("growth plan", () => {
  test("an engineer writes a north star and three lanes, is told what is wrong beside the field, saves; a stale second tab is refused; the manager reads it; another engineer cannot", async ({
    page,
    signInAs,
    signInElsewhere,
    visit,
  }) => {
    test.setTimeout(120_000);
    await signInAs("mei");
    await visit("/");
    await page.getByRole("link", { name: /^Your growth plan/ }).click();
    await expect(page).toHaveURL(/\/plan$/);
    await expect(page.getByRole("heading", { level: 1, name: "Growth plan" })).toBeVisible();
    await expectAccessible(page);

    // A new plan is offered the three default lanes.
    const plan = new PlanForm(page);
    await expect(plan.lane(1).getByLabel("Name")).toHaveValue("Technical depth");
    await expect(plan.lane(2).getByLabel("Name")).toHaveValue("Systems thinking and impact");
    await expect(plan.lane(3).getByLabel("Name")).toHaveValue("Leadership and influence");

    const northStar = "The engineer teams call first about the checkout service, two years from now.";
    await plan.northStar.fill(northStar);
    await plan.horizon.fill("2020-01");
    await plan.fillLane(1, { name: "Checkout depth", outcome: "I own checkout's data model end to end.", metrics: "Two design docs accepted; <b>no</b> sev-1 from checkout." });
    await plan.fillLane(2, { outcome: "Checkout's on-call load halves.", metrics: "Pages per week, from 12 to 6." });
    await plan.fillLane(3, { name: "", outcome: "I mentor one new engineer each half." });
    await plan.save();

    // Each error stands beside its field, and what was typed stays.
    await expect(plan.message).toHaveText("Nothing was saved: check the highlighted fields.");
    await expect(plan.error("horizon")).toHaveText(/^A north star lies ahead: choose \w+ \d{4} or later\.$/);
    await expect(plan.error("lane-3-name")).toHaveText("Name this lane, or clear it to leave it out.");
    await expect(plan.horizon).toHaveAttribute("aria-invalid", "true");
    await expect(plan.northStar).toHaveValue(northStar);
    await expect(plan.lane(1).getByLabel("Name")).toHaveValue("Checkout depth");
    await expect(plan.lane(3).getByLabel("Outcome")).toHaveValue("I mentor one new engineer each half.");
    await expectAccessible(page);

    const horizon = yearsAhead(2);
    await plan.horizon.fill(horizon);
    await plan.fillLane(3, { name: "Mentoring" });
    await plan.save();
    await expect(plan.message).toHaveText("Your plan is saved.");
    await expect(plan.error("horizon")).toHaveCount(0);
    await page.reload();
    await expect(plan.northStar).toHaveValue(northStar);
    await expect(plan.horizon).toHaveValue(horizon);
    await expect(plan.lane(3).getByLabel("Name")).toHaveValue("Mentoring");

    // A second tab, opened now, falls behind once the first saves again.
    const second = await page.context().newPage();
    await second.goto("/plan");
    const stale = new PlanForm(second);
    await expect(stale.northStar).toHaveValue(northStar);
    await plan.fillLane(2, { name: "Reliability" });
    await plan.save();
    await expect(plan.message).toHaveText("Your plan is saved.");
    await stale.northStar.fill("Written in the second tab.");
    await stale.save();
    await expect(stale.message).toContainText("saved elsewhere (another tab?)");
    await expect(stale.northStar).toHaveValue("Written in the second tab.");
    await second.reload();
    await expect(stale.northStar).toHaveValue(northStar);
    await expect(stale.lane(2).getByLabel("Name")).toHaveValue("Reliability");
    await second.close();

    // On a phone nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await visit("/plan");
    await expectNoSidewaysScroll(page);

    const meiId = (await page.getByTestId("signed-in-as").getByRole("link").getAttribute("href"))!.split("/").pop()!;
    const manager = await signInElsewhere("priya");
    await manager.goto(`/people/${meiId}`);
    await manager.getByRole("link", { name: "Mei's growth plan" }).click();
    await expect(manager).toHaveURL(new RegExp(`/people/${meiId}/plan$`));
    await expect(manager.getByRole("heading", { level: 1, name: "Mei Chen's growth plan" })).toBeVisible();
    const main = manager.getByRole("main");
    await expect(main).toContainText(northStar);
    await expect(main).toContainText(`by ${monthName(horizon)}`);
    await expect(main.getByRole("heading", { level: 3 })).toHaveText(["Checkout depth", "Reliability", "Mentoring"]);
    // What people write is shown as text, never as markup.
    await expect(main).toContainText("Two design docs accepted; <b>no</b> sev-1 from checkout.");
    await expect(main.locator("b")).toHaveCount(0);
    await expect(main).toContainText("Only Mei can change this plan.");
    await expect(main.getByRole("textbox")).toHaveCount(0);
    await expect(main.getByRole("button")).toHaveCount(0);
    await expectAccessible(manager);
    await manager.setViewportSize({ width: 390, height: 844 });
    await manager.reload();
    await expectNoSidewaysScroll(manager);

    // The admin reads each save in the audit log, in words.
    const admin = await signInElsewhere("alex");
    await admin.goto("/audit?action=plan.update");
    await expect(admin.getByTestId("audit-event").filter({ hasText: "Mei Chen wrote their growth plan" })).toHaveCount(1);
    await expect(admin.getByTestId("audit-event").filter({ hasText: "Mei Chen changed their growth plan" }).first()).toContainText("Lane 2 name: Systems thinking and impact → Reliability");

    // The quarter's narrative downloads as Markdown, for Mei and for her manager, with her words escaped.
    for (const [reader, href] of [
      [page, "/plan/narrative.md"],
      [manager, `/people/${meiId}/plan/narrative.md`],
    ] as const) {
      const file = await reader.request.get(href);
      expect(file.status(), href).toBe(200);
      expect(file.headers()["content-type"]).toContain("text/markdown");
      expect(file.headers()["content-disposition"]).toMatch(/^attachment; filename="growth-narrative-mei-chen-q\d-\d{4}\.md"$/);
      const text = await file.text();
      expect(text).toMatch(/^# Mei Chen: Q\d \d{4}/);
      expect(text).toContain("### Checkout depth");
      expect(text).toContain("\\<b\\>no\\</b\\>");
    }
    await expect(manager.getByRole("link", { name: "This quarter as Markdown" })).toHaveAttribute("href", `/people/${meiId}/plan/narrative.md`);

    for (const who of ["aisha", "marcus"] as const) {
      const other = await signInElsewhere(who);
      expect((await other.goto(`/people/${meiId}/plan`))?.status(), who).toBe(404);
      expect((await other.request.get(`/people/${meiId}/plan/narrative.md`)).status(), who).toBe(404);
    }
  });

  test("an engineer plans the quarter's milestones lane by lane, links one to their evidence and marks it done; another's evidence is refused; the manager reads them", async ({
    page,
    signInAs,
    signInElsewhere,
    visit,
  }) => {
    test.setTimeout(120_000);
    // An evidence item of someone else's, to forge a link to.
    const aisha = await signInElsewhere("aisha");
    await aisha.goto("/evidence");
    const theirs = (await aisha.getByRole("link", { name: /^Edit / }).first().getAttribute("href"))!.split("/").pop()!;

    await signInAs("sam");
    await visit("/plan");
    const plan = new PlanForm(page);
    await expect(page.getByRole("region", { name: /^This quarter: Q[1-4] \d{4}$/ })).toContainText("Save your north star and lanes first");
    await plan.northStar.fill("Staff engineer for payments: the person other teams design with.");
    await plan.horizon.fill(yearsAhead(2));
    await plan.save();
    await expect(plan.message).toHaveText("Your plan is saved.");

    const depth = page.getByRole("article", { name: "Technical depth" });
    const addToDepth = depth.locator("details").filter({ hasText: "Add a milestone to Technical depth" });
    await addToDepth.locator("summary").click();
    await addToDepth.getByLabel("Milestone").fill("Retry pipeline design doc");
    await addToDepth.getByLabel("Leaves behind").selectOption({ label: "Design doc" });
    await addToDepth.getByRole("button", { name: "Add milestone" }).click();
    await expect(page.locator("#add-1-targetWeek-error")).toHaveText("Choose a week within the quarter, 1 to 13.");
    await expect(page.locator("#add-1-success-error")).toHaveText("Say how you will know it worked.");
    await expect(addToDepth.getByLabel("Milestone")).toHaveValue("Retry pipeline design doc");
    await expectAccessible(page);
    await addToDepth.getByLabel("Due in").selectOption("3");
    await addToDepth.getByLabel("How you will know it worked").fill("Accepted by the payments and ledger teams.");
    const evidence = addToDepth.getByLabel("Evidence that shows it (optional)");
    await evidence.selectOption((await evidence.locator("option", { hasText: "Payments retry redesign" }).getAttribute("value"))!);
    await addToDepth.getByRole("button", { name: "Add milestone" }).click();
    await expect(addToDepth.getByTestId("form-message")).toHaveText("Milestone added.");
    const milestones = depth.getByRole("list", { name: "Milestones of Technical depth" });
    await expect(milestones.getByRole("listitem")).toHaveCount(1);
    await expect(milestones).toContainText("Not done");
    await expect(milestones).toContainText(/Week 3, from \d+ \w+ · Design doc/);
    await expect(addToDepth.getByLabel("Milestone")).toHaveValue("");

    // Another person's evidence, put into the list by hand, is refused beside the field.
    const systems = page.getByRole("article", { name: "Systems thinking and impact" });
    const addToSystems = systems.locator("details").filter({ hasText: "Add a milestone to Systems thinking and impact" });
    await addToSystems.locator("summary").click();
    await addToSystems.getByLabel("Milestone").fill("Game day");
    await addToSystems.getByLabel("Due in").selectOption("9");
    await addToSystems.getByLabel("Leaves behind").selectOption({ label: "Postmortem" });
    await addToSystems.getByLabel("How you will know it worked").fill("Two failure modes fixed.");
    await addToSystems.getByLabel("Evidence that shows it (optional)").evaluate((select, id) => {
      (select as HTMLSelectElement).options[1]!.value = id;
      (select as HTMLSelectElement).selectedIndex = 1;
    }, theirs);
    await addToSystems.getByRole("button", { name: "Add milestone" }).click();
    await expect(page.locator("#add-2-evidenceId-error")).toHaveText("Link one of your own evidence items.");
    await expect(systems).toContainText("No milestones this quarter yet.");

    await page.getByRole("button", { name: "Mark done “Retry pipeline design doc”" }).click();
    await expect(page.getByRole("button", { name: "Mark not done “Retry pipeline design doc”" })).toBeVisible();
    await expect(milestones.getByText("Done", { exact: true })).toBeVisible();

    // Moved to another lane by editing it.
    const edit = depth.locator("details").filter({ hasText: "Edit the milestone Retry pipeline design doc" });
    await edit.locator("summary").click();
    await edit.getByLabel("Lane", { exact: true }).selectOption({ label: "Systems thinking and impact" });
    await edit.getByRole("button", { name: "Save milestone" }).click();
    await expect(systems.getByRole("list", { name: "Milestones of Systems thinking and impact" })).toContainText("Retry pipeline design doc");
    await expect(depth).toContainText("No milestones this quarter yet.");
    await expectAccessible(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(page);

    const samId = (await page.getByTestId("signed-in-as").getByRole("link").getAttribute("href"))!.split("/").pop()!;
    const manager = await signInElsewhere("priya");
    await manager.goto(`/people/${samId}/plan`);
    const read = manager.getByRole("list", { name: "Milestones of Systems thinking and impact" });
    await expect(read.getByText("Done", { exact: true })).toBeVisible();
    await expect(read).toContainText("Retry pipeline design doc");
    await expect(manager.getByRole("main").getByRole("button")).toHaveCount(0);
    await expectAccessible(manager);
    await read.getByRole("link", { name: "Payments retry redesign" }).click();
    await expect(manager.getByRole("heading", { level: 1, name: "Payments retry redesign" })).toBeVisible();
  });

  test("the owner's own address for a report's plan is their plan page, and a manager's report who has no plan yet reads as such", async ({ page, signInAs, visit }) => {
    await signInAs("priya");
    const priyaId = (await page.getByTestId("signed-in-as").getByRole("link").getAttribute("href"))!.split("/").pop()!;
    await page.goto(`/people/${priyaId}/plan`);
    await expect(page).toHaveURL(/\/plan$/);
    await page.goto("/people");
    const lenaHref = (await page.getByRole("table").getByRole("link", { name: "Lena Fischer", exact: true }).getAttribute("href"))!;
    await visit(`${lenaHref}/plan`);
    await expect(page.getByRole("main")).toContainText("Lena has not written a growth plan yet.");
  });
});
