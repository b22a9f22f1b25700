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

    for (const who of ["aisha", "marcus"] as const) {
      const other = await signInElsewhere(who);
      expect((await other.goto(`/people/${meiId}/plan`))?.status(), who).toBe(404);
    }
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
