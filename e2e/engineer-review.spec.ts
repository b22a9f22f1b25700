import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { AssessmentEditor, EvidenceForm, ReviewPage } from "./pages";

const DIMENSIONS = ["Scope of influence", "How work is conducted", "Ownership"] as const;


/** The id of an evidence item in the library, read from its heading. */
async function evidenceId(page: Page, title: string) {
  const id = await page.getByRole("heading", { level: 2, name: title }).getAttribute("id");
  return id!.replace(/^ev-/, "");
}

test.describe("an engineer's review, end to end", () => {
  test("Mei places herself with evidence and submits; Priya reads it and assesses her, gaps showing; Ines reaches none of it", async ({
    page,
    signInAs,
    signInElsewhere,
    visit,
  }) => {
    // The whole review in one walk: three people, a dozen pages.
    test.slow();
    // Where Mei is now.
    await signInAs("mei");
    await visit("/");
    await expect(page.getByRole("heading", { level: 2, name: "Software Engineer", exact: true })).toBeVisible();
    await expect(page.getByTestId("time-at-step")).toHaveText("15 months — expected 6–12 months");
    await expect(page.getByRole("article", { name: "→ Software Engineer II" })).toBeVisible();
    const meiId = (await page.getByTestId("signed-in-as").getByRole("link").getAttribute("href"))!.split("/").pop()!;

    // Two evidence items linked to the cells they prove, one found by searching.
    await new EvidenceForm(page).add({
      title: "Flaky-test quarantine",
      kind: "Shipped feature",
      date: "2026-08-12",
      body: "Built the **quarantine** lane that keeps flaky tests from blocking merges.",
      cells: ["Software Engineer II · How work is conducted", "Software Engineer II · Ownership"],
    });
    await new EvidenceForm(page).add({
      title: "Onboarding buddy for two new hires",
      kind: "Mentoring",
      date: "2026-10-01",
      body: "Paired with both through their first on-call week.",
      cells: ["Software Engineer II · Scope of influence"],
    });
    await page.getByLabel("Search title and text").fill("quarantine");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("article")).toHaveCount(1);
    await expect(page.getByRole("heading", { level: 2, name: "Flaky-test quarantine" })).toBeVisible();
    await expectAccessible(page);
    const flakyId = await evidenceId(page, "Flaky-test quarantine");

    // Self-placement on all three dimensions, picked in the matrix, with reasons.
    await visit("/assessment");
    const editor = new AssessmentEditor(page);
    await editor.start();
    const matrix = page.getByRole("table", { name: "Pick your step in each dimension" });
    await expect(matrix.getByText("Your step now")).toBeVisible();
    await expect(matrix.getByRole("link", { name: "1 evidence item for Software Engineer II, Ownership" })).toBeVisible();
    await editor.place(Object.fromEntries(DIMENSIONS.map((d) => [d, { step: "Software Engineer II", reason: `Ready for more on ${d.toLowerCase()}: see the quarantine lane.` }])));
    // Keyboard: the arrow keys move a column's pick along the path.
    await editor.picker("Software Engineer II", "Ownership").focus();
    await page.keyboard.press("ArrowUp");
    await expect(editor.picker("Software Engineer", "Ownership")).toBeChecked();
    await editor.expectSaved();
    await expectAccessible(page);
    // The editor keeps a copy in this browser under the assessment's id: it is forged below.
    const meiAssessmentId = await page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith("waymark:assessment:"))?.split(":").pop());
    expect(meiAssessmentId).toMatch(/^[0-9a-f-]{36}$/);
    await editor.submit();
    await expect(page.getByRole("heading", { name: /^Submitted / })).toBeVisible();

    // Priya, her manager, reads the submitted self-assessment and the evidence, then writes her own.
    const priya = await signInElsewhere("priya");
    await priya.goto(`/people/${meiId}`);
    await expect(priya.getByRole("region", { name: "Reviews" })).toContainText("Self-assessment: submitted");
    await priya.getByRole("link", { name: /^Assess Mei/ }).click();
    const priyaReview = new ReviewPage(priya);
    await expect(priyaReview.reasons).toContainText("Mei (self): Software Engineer II");
    await priya.getByRole("link", { name: "Mei's evidence" }).click();
    await expect(priya.getByRole("heading", { level: 2, name: "Flaky-test quarantine" })).toBeVisible();
    await expect(priya.getByRole("heading", { level: 2, name: "Onboarding buddy for two new hires" })).toBeVisible();
    await priya.goBack();
    const priyaEditor = new AssessmentEditor(priya);
    await priyaEditor.start("Start my assessment of Mei");
    const managerMatrix = priya.getByRole("table", { name: "Pick Mei's step in each dimension" });
    await expect(managerMatrix.getByRole("listitem").filter({ hasText: "Mei (self)" })).toHaveCount(3);
    await priyaEditor.place(Object.fromEntries(DIMENSIONS.map((d) => [d, { step: "Software Engineer II", reason: `Agreed on ${d.toLowerCase()} after reading the evidence.` }])));
    await expect(priyaReview.gapCount).toHaveText("1 gap to talk about");
    await priyaEditor.expectSaved();
    await expectAccessible(priya);
    await priyaEditor.submit("Submit manager assessment");
    await expect(priyaReview.gaps).toContainText("Self-placement 1 step earlier");

    // Mei sees Priya's picks marked beside hers.
    await page.reload();
    const review = new ReviewPage(page);
    await expect(review.gapCount).toHaveText("1 gap to talk about");
    await expect(review.picksMatrix.getByText("Priya (manager)")).toHaveCount(3);
    await expectAccessible(page);

    // Ines, an engineer on another team, reaches none of it: not by link…
    const ines = await signInElsewhere("ines");
    for (const path of [`/people/${meiId}`, `/people/${meiId}/assessment`, `/evidence?person=${meiId}`, `/evidence/${flakyId}`]) {
      expect((await ines.goto(path))?.status(), path).toBe(404);
    }
    // …nor by forging the arguments of the actions he may call: deleting "his" evidence with her id,
    await new EvidenceForm(ines).add({ title: "Ines's pager notes", kind: "Other", date: "2026-09-09", body: "Notes.", cells: [] });
    await ines.goto(`/evidence/${await evidenceId(ines, "Ines's pager notes")}`);
    await ines.locator('input[type="hidden"][name="id"]').last().evaluate((input, id) => ((input as HTMLInputElement).value = id), flakyId);
    ines.once("dialog", (dialog) => void dialog.accept());
    await ines.getByRole("button", { name: "Delete evidence" }).click();
    await expect(ines.getByRole("alert").filter({ hasText: "not found" })).toBeVisible();
    // …and saving his self-assessment draft into hers.
    await ines.goto("/assessment");
    const inesEditor = new AssessmentEditor(ines);
    await inesEditor.start();
    await ines.route("**/assessment", async (route) => {
      const request = route.request();
      const body = request.method() === "POST" && request.headers()["next-action"] ? request.postData() : null;
      await route.continue(body ? { postData: body.replace(/"assessmentId":"[0-9a-f-]{36}"/, `"assessmentId":"${meiAssessmentId}"`) } : {});
    });
    await inesEditor.picker("Principal Engineer", "Ownership").check();
    await expect(inesEditor.saveStatus).toContainText("not found");

    // Mei's evidence and assessment are as she left them.
    await page.goto("/evidence");
    await expect(page.getByRole("heading", { level: 2, name: "Flaky-test quarantine" })).toBeVisible();
    await page.goto("/assessment");
    await expect(review.reasons).toContainText("You: Software Engineer");
    await expect(review.reasons).not.toContainText("Principal Engineer");
  });
});
