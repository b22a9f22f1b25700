import { expect, expectAccessible, stepPicker, test } from "./fixtures";

test.describe("self-assessment", () => {
  test("an engineer self-places on every dimension with reasons, submits, and their manager reads it; a draft stays private", async ({
    page,
    signInAs,
    signInElsewhere,
    visit,
  }) => {
    await signInAs("lena");
    await visit("/assessment");
    await page.getByRole("button", { name: "Start my self-assessment" }).click();

    const dimensions = ["Scope of influence", "How work is conducted", "Ownership"];
    for (const [i, name] of dimensions.entries()) {
      await stepPicker(page, "Software Engineer II", name).check();
      await page.getByRole("region", { name }).getByLabel("Why? (Markdown)").fill(`Shipped the **export** feature (${i}). [Doc](https://example.com/doc) <script>alert(1)</script>`);
    }
    await expect(page.getByTestId("save-status")).toHaveText(/Saved at \d\d:\d\d/);
    await expect(page.getByRole("region", { name: "Ownership" })).toContainText("Picked: Software Engineer II");
    await expectAccessible(page);

    // The draft survives a reload, and the manager cannot see it yet.
    await page.reload();
    await expect(page.getByRole("region", { name: "Ownership" }).getByLabel("Why? (Markdown)")).toHaveValue(/Shipped the \*\*export\*\* feature \(2\)/);
    await expect(stepPicker(page, "Software Engineer II", "Ownership")).toBeChecked();
    const manager = await signInElsewhere("priya");
    await manager.goto("/people");
    await manager.getByRole("table").getByRole("link", { name: "Lena Fischer", exact: true }).click();
    await expect(manager.getByRole("heading", { level: 1, name: "Lena Fischer" })).toBeVisible();
    await expect(manager.getByRole("region", { name: "Reviews" })).toContainText("Self-assessment: not submitted");
    await manager.getByRole("link", { name: /^Assess Lena/ }).click();
    await expect(manager.getByText("Nothing has been submitted for")).toBeVisible();
    await expect(manager.getByText("export")).toHaveCount(0);

    await page.getByRole("button", { name: "Submit self-assessment" }).click();
    await expect(page.getByRole("heading", { name: /^Submitted / })).toBeVisible();
    // Markdown is rendered, raw HTML is not.
    await expect(page.locator("strong", { hasText: "export" }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Doc" }).first()).toHaveAttribute("href", "https://example.com/doc");
    expect(await page.locator("main script").count()).toBe(0);
    await expect(page.getByRole("table", { name: "Picks on the career path matrix" }).getByRole("list", { name: "Picked here by" })).toHaveCount(3);
    await expectAccessible(page);

    await manager.reload();
    const reasons = manager.getByRole("region", { name: "Reasons" });
    await expect(reasons.getByRole("heading", { level: 3 })).toHaveText(dimensions);
    await expect(reasons).toContainText("Lena (self): Software Engineer II");
    await expectAccessible(manager);
  });

  test("submitting with a dimension left open names it, and saving resumes after the network drops", async ({ page, context, signInAs }) => {
    await signInAs("tom");
    await page.goto("/assessment");
    await page.getByRole("button", { name: "Start my self-assessment" }).click();
    const scope = page.getByRole("region", { name: "Scope of influence" });
    await stepPicker(page, "Software Engineer II", "Scope of influence").check();
    await scope.getByLabel("Why? (Markdown)").fill("Took the on-call rota.");
    await expect(page.getByTestId("save-status")).toHaveText(/Saved at/);

    await context.setOffline(true);
    await scope.getByLabel("Why? (Markdown)").fill("Took the on-call rota and fixed the pager noise.");
    await expect(page.getByTestId("save-status")).toHaveText(/could not be reached|kept in this browser/);
    await context.setOffline(false);
    await expect(page.getByTestId("save-status")).toHaveText(/Saved at/, { timeout: 15_000 });
    await page.reload();
    await expect(scope.getByLabel("Why? (Markdown)")).toHaveValue("Took the on-call rota and fixed the pager noise.");

    await page.getByRole("button", { name: "Submit self-assessment" }).click();
    await expect(page.getByText("Pick the step that fits you now for How work is conducted.")).toBeVisible();
    await expect(page.getByRole("region", { name: "Ownership" }).getByLabel("Why? (Markdown)")).toHaveAttribute("aria-invalid", "true");
  });
});
