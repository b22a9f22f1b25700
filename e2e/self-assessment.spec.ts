import { expect, expectAccessible, test } from "./fixtures";
import { AssessmentEditor, ReviewPage } from "./pages";

test.describe("self-assessment", () => {
  test("an engineer self-places on every dimension with reasons, submits, and their manager reads it; a draft stays private", async ({
    page,
    signInAs,
    signInElsewhere,
    visit,
  }) => {
    // Two browsers and several axe checks of a full matrix: more than the default minute on a busy machine.
    test.setTimeout(150_000);
    await signInAs("lena");
    await visit("/assessment");
    const editor = new AssessmentEditor(page);
    await editor.start();

    const dimensions = ["Scope of influence", "How work is conducted", "Ownership"];
    const reason = (i: number) => `Shipped the **export** feature (${i}). [Doc](https://example.com/doc) <script>alert(1)</script>`;
    await editor.place(Object.fromEntries(dimensions.map((name, i) => [name, { step: "Software Engineer II", reason: reason(i) }])));
    await expect(editor.saveStatus).toHaveText(/Saved at \d\d:\d\d/);
    await expect(page.getByRole("region", { name: "Ownership" })).toContainText("Picked: Software Engineer II");
    await expectAccessible(page);

    // The draft survives a reload, and the manager cannot see it yet.
    await page.reload();
    await expect(editor.reason("Ownership")).toHaveValue(/Shipped the \*\*export\*\* feature \(2\)/);
    await expect(editor.picker("Software Engineer II", "Ownership")).toBeChecked();
    const manager = await signInElsewhere("priya");
    await manager.goto("/people");
    await manager.getByRole("table").getByRole("link", { name: "Lena Fischer", exact: true }).click();
    await expect(manager.getByRole("heading", { level: 1, name: "Lena Fischer" })).toBeVisible();
    await expect(manager.getByRole("region", { name: "Reviews" })).toContainText("Self-assessment: not submitted");
    await manager.getByRole("link", { name: /^Assess Lena/ }).click();
    await expect(manager.getByText("Nothing has been submitted for")).toBeVisible();
    await expect(manager.getByText("export")).toHaveCount(0);

    await editor.submit();
    await expect(page.getByRole("heading", { name: /^Submitted / })).toBeVisible();
    // Markdown is rendered, raw HTML is not.
    await expect(page.locator("strong", { hasText: "export" }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Doc" }).first()).toHaveAttribute("href", "https://example.com/doc");
    expect(await page.locator("main script").count()).toBe(0);
    await expect(new ReviewPage(page).picksMatrix.getByRole("list", { name: "Picked here by" })).toHaveCount(3);
    await expectAccessible(page);

    await manager.reload();
    const reasons = new ReviewPage(manager).reasons;
    await expect(reasons.getByRole("heading", { level: 3 })).toHaveText(dimensions);
    await expect(reasons).toContainText("Lena (self): Software Engineer II");
    await expectAccessible(manager);
  });

  test("submitting with a dimension left open names it, and saving resumes after the network drops", async ({ page, context, signInAs }) => {
    await signInAs("tom");
    await page.goto("/assessment");
    const editor = new AssessmentEditor(page);
    await editor.start();
    await editor.place({ "Scope of influence": { step: "Software Engineer II", reason: "Took the on-call rota." } });
    await editor.expectSaved();

    await context.setOffline(true);
    await editor.reason("Scope of influence").fill("Took the on-call rota and fixed the pager noise.");
    await expect(editor.saveStatus).toHaveText(/could not be reached|kept in this browser/);
    await context.setOffline(false);
    await expect(editor.saveStatus).toHaveText(/Saved at/, { timeout: 15_000 });
    await page.reload();
    await expect(editor.reason("Scope of influence")).toHaveValue("Took the on-call rota and fixed the pager noise.");

    await editor.submit();
    await expect(page.getByText("Pick the step that fits you now for How work is conducted.")).toBeVisible();
    await expect(editor.reason("Ownership")).toHaveAttribute("aria-invalid", "true");
  });
});
