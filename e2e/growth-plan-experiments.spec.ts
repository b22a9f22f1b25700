import type { Locator, Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";

/** A calendar date n days from today (UTC), as a date input takes it. */
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

const experiments = (page: Page) => page.getByRole("region", { name: "Experiments" });
const checkIn = (page: Page) => page.getByRole("region", { name: "Half-yearly check-in" });
const newExperiment = (page: Page) => experiments(page).locator("details").filter({ has: page.getByText("Log an experiment", { exact: true }) });
const experiment = (page: Page, hypothesis: string) => experiments(page).getByRole("article", { name: hypothesis });

async function logExperiment(page: Page, e: { hypothesis: string; startsOn: string; endsOn: string; actions?: string; metrics?: string; rollback?: string }) {
  const form = newExperiment(page);
  if (!(await form.evaluate((d) => (d as HTMLDetailsElement).open))) await form.getByText("Log an experiment", { exact: true }).click();
  await form.getByLabel("Hypothesis").fill(e.hypothesis);
  await form.getByLabel("Starts on").fill(e.startsOn);
  await form.getByLabel("Ends on").fill(e.endsOn);
  await form.getByLabel("Actions").fill(e.actions ?? "");
  await form.getByLabel("Success metrics").fill(e.metrics ?? "");
  await form.getByLabel("Rollback criteria").fill(e.rollback ?? "");
  await form.getByRole("button", { name: "Log experiment" }).click();
}

/** Field ids are prefixed by their form; the error stands in `<id>-error`. */
const errorOf = (scope: Locator, field: string) => scope.locator(`p[id$="-${field}-error"]`);

test.describe("growth plan: experiments and the half-yearly check-in", () => {
  test("an engineer logs experiments, is told what is wrong beside the field, sees an overdue one flagged on the plan and home page, closes it, answers the check-in; the manager reads it all; other engineers get not found", async ({
    page,
    signInAs,
    signInElsewhere,
    visit,
  }) => {
    await signInAs("lena");
    await visit("/plan");
    await expect(experiments(page)).toContainText("No experiments yet.");

    // Too short an experiment is refused beside its end date, and what was typed stays.
    const hypothesis = "Leading the on-call rota makes me the person teams ask about <b>reliability</b>.";
    await logExperiment(page, { hypothesis, startsOn: day(0), endsOn: day(3), actions: "Run the rota; write the handover guide.", metrics: "Pages per week from 12 to 6.", rollback: "Design work slips two sprints." });
    const form = newExperiment(page);
    await expect(form.getByTestId("form-message")).toHaveText("Nothing was saved: check the highlighted fields.");
    await expect(errorOf(form, "endsOn")).toHaveText(`Give it a week at least: end it on ${day(7)} or later.`);
    await expect(form.getByLabel("Ends on")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("Hypothesis")).toHaveValue(hypothesis);
    await expectAccessible(page);
    await form.getByLabel("Ends on").fill(day(63));
    await form.getByRole("button", { name: "Log experiment" }).click();
    const open = experiment(page, hypothesis);
    await expect(open).toContainText("Open");
    await expect(open).toContainText("9 weeks");
    await expect(open).toContainText("Design work slips two sprints.");
    await expect(open.locator("b")).toHaveCount(0);

    // One that ran out a week ago and is still open is flagged, here and on the home page.
    const late = "Pairing with product weekly gets my proposals accepted.";
    await logExperiment(page, { hypothesis: late, startsOn: day(-70), endsOn: day(-7), metrics: "Two proposals accepted." });
    const overdue = experiment(page, late);
    await expect(overdue).toContainText("Overdue");
    await expect(experiments(page).getByTestId("overdue-notice")).toHaveText("One experiment is past its end date and still open.");
    await expect(experiments(page).getByRole("article")).toHaveCount(2);
    await expectAccessible(page);

    await visit("/");
    const notice = page.getByTestId("overdue-experiments");
    await expect(notice).toContainText("An experiment is past its end date");
    await notice.getByRole("link", { name: "Go to your experiments" }).click();
    await expect(page).toHaveURL(/\/plan#experiments-heading$/);

    // Closing asks for the outcome and the next step.
    await overdue.getByRole("button", { name: "Close experiment" }).click();
    await expect(overdue.getByTestId("form-message")).toHaveText("Nothing was saved: check the highlighted fields.");
    await expect(errorOf(overdue, "outcome")).toHaveText("Say what came of it: what the metrics showed, what you learnt.");
    await expect(errorOf(overdue, "nextStep")).toHaveText("Say what happens next: keep it, change it, or roll it back.");
    await overdue.getByLabel("Outcome").fill("One of two proposals accepted; product now asks me in early.");
    await overdue.getByLabel("Next step").fill("Keep the weekly pairing, drop the written pre-reads.");
    await overdue.getByRole("button", { name: "Close experiment" }).click();
    await expect(overdue).toContainText("Closed");
    await expect(overdue).toContainText("One of two proposals accepted; product now asks me in early.");
    await expect(overdue.getByRole("button")).toHaveCount(0);
    await expect(experiments(page).getByTestId("overdue-notice")).toHaveCount(0);
    await visit("/");
    await expect(page.getByTestId("overdue-experiments")).toHaveCount(0);

    // The check-in is asked for while there is none; a missing answer and feeling are answered on their fields.
    await visit("/plan");
    const section = checkIn(page);
    await expect(section.getByTestId("check-in-due")).toHaveText("You have not checked in yet: answer the four questions below.");
    const question = (q: string) => section.getByRole("group", { name: q });
    await question("Am I learning?").getByLabel("Your answer").fill("Yes: the rota taught me our alerting end to end.");
    await question("Am I learning?").getByLabel("4 · Mostly").check();
    await question("Do I look forward to work?").getByLabel("Your answer").fill("Mostly, less on on-call weeks.");
    await question("Do I look forward to work?").getByLabel("3 · Somewhat").check();
    await question("Do I feel connected?").getByLabel("Your answer").fill("To the platform team, yes.");
    await question("Am I making an impact?").getByLabel("5 · Very much").check();
    await section.getByRole("button", { name: "Save check-in" }).click();
    await expect(section.getByTestId("form-message")).toHaveText("Nothing was saved: check the highlighted fields.");
    await expect(section.locator("#check-in-connectedRating-error")).toHaveText("Choose how you feel, from 1 to 5.");
    await expect(section.locator("#check-in-impact-error")).toHaveText("Answer in a sentence or two.");
    await expect(question("Am I learning?").getByLabel("Your answer")).toHaveValue("Yes: the rota taught me our alerting end to end.");
    await expect(question("Am I learning?").getByLabel("4 · Mostly")).toBeChecked();
    await expectAccessible(page);
    await question("Do I feel connected?").getByLabel("4 · Mostly").check();
    await question("Am I making an impact?").getByLabel("Your answer").fill("Pages halved in six weeks.");
    await section.getByRole("button", { name: "Save check-in" }).click();
    const last = section.getByTestId("check-in");
    await expect(last).toHaveCount(1);
    await expect(last).toContainText("Am I learning? · 4 of 5, mostly");
    await expect(last).toContainText("Pages halved in six weeks.");
    await expect(section.getByTestId("check-in-due")).toHaveCount(0);
    await expect(section.getByText("Check in again", { exact: true })).toBeVisible();
    await expectAccessible(page);

    // On a phone nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await visit("/plan");
    await expectNoSidewaysScroll(page);

    // The manager reads it all, and changes nothing.
    const lenaId = (await page.getByTestId("signed-in-as").getByRole("link").getAttribute("href"))!.split("/").pop()!;
    const manager = await signInElsewhere("priya");
    await manager.goto(`/people/${lenaId}/plan`);
    await expect(manager.getByRole("heading", { level: 1, name: "Lena Fischer's growth plan" })).toBeVisible();
    await expect(experiment(manager, hypothesis)).toContainText("Open");
    await expect(experiment(manager, late)).toContainText("Keep the weekly pairing, drop the written pre-reads.");
    await expect(checkIn(manager).getByTestId("check-in")).toContainText("Pages halved in six weeks.");
    for (const region of [experiments(manager), checkIn(manager)]) {
      await expect(region.getByRole("textbox")).toHaveCount(0);
      await expect(region.getByRole("button")).toHaveCount(0);
    }
    await expectAccessible(manager);
    await manager.setViewportSize({ width: 390, height: 844 });
    await manager.reload();
    await expectNoSidewaysScroll(manager);

    // The audit log says each change in words.
    const admin = await signInElsewhere("alex");
    await admin.goto("/audit?type=growth_experiment");
    await expect(admin.getByTestId("audit-event").filter({ hasText: "Lena Fischer closed the experiment “Pairing with product weekly gets my proposals accepted.”" })).toHaveCount(1);

    for (const who of ["sam", "aisha"] as const) {
      const other = await signInElsewhere(who);
      expect((await other.goto(`/people/${lenaId}/plan`))?.status(), who).toBe(404);
    }
  });
});
