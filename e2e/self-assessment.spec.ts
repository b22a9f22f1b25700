import { demo, expect, expectAccessible, signInWith, test } from "./fixtures";

test.describe("self-assessment", () => {
  test("an engineer self-places on every dimension with reasons, submits, and their manager reads it; a draft stays private", async ({
    page,
    browser,
    baseURL,
    signInAs,
    visit,
  }) => {
    await signInAs("lena");
    await visit("/assessment");
    await page.getByRole("button", { name: "Start my self-assessment" }).click();

    const dimensions = ["Scope of influence", "How work is conducted", "Ownership"];
    for (const [i, name] of dimensions.entries()) {
      const section = page.getByRole("region", { name });
      await section.getByRole("radio", { name: /^Software Engineer II\b/ }).check();
      await section.getByLabel("Why? (Markdown)").fill(`Shipped the **export** feature (${i}). [Doc](https://example.com/doc) <script>alert(1)</script>`);
    }
    await expect(page.getByTestId("save-status")).toHaveText(/Saved at \d\d:\d\d/);
    await expectAccessible(page);

    // The draft survives a reload, and the manager cannot see it yet.
    await page.reload();
    await expect(page.getByRole("region", { name: "Ownership" }).getByLabel("Why? (Markdown)")).toHaveValue(/Shipped the \*\*export\*\* feature \(2\)/);
    const managerContext = await browser.newContext({ baseURL });
    const manager = await managerContext.newPage();
    await signInWith(manager, demo.priya.email, "priya-waymark");
    await expect(manager.getByTestId("signed-in-as")).toBeVisible();
    await manager.goto("/people");
    await manager.getByRole("table").getByRole("link", { name: "Lena Fischer" }).click();
    await expect(manager.getByRole("heading", { level: 1, name: "Lena Fischer" })).toBeVisible();
    await expect(manager.getByRole("heading", { name: "Assessments" })).toHaveCount(0);

    await page.getByRole("button", { name: "Submit self-assessment" }).click();
    await expect(page.getByRole("heading", { name: /^Submitted / })).toBeVisible();
    // Markdown is rendered, raw HTML is not.
    await expect(page.locator("strong", { hasText: "export" }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Doc" }).first()).toHaveAttribute("href", "https://example.com/doc");
    expect(await page.locator("main script").count()).toBe(0);
    await expectAccessible(page);

    await manager.reload();
    const assessment = manager.getByRole("article", { name: /Self-assessment, 2\d\d\d H[12] review/ });
    await expect(assessment.getByRole("term")).toHaveText(dimensions);
    await expect(assessment.getByRole("definition").first()).toContainText("Software Engineer II");
    await expectAccessible(manager);
    await managerContext.close();
  });

  test("submitting with a dimension left open names it, and saving resumes after the network drops", async ({ page, context, signInAs }) => {
    await signInAs("tom");
    await page.goto("/assessment");
    await page.getByRole("button", { name: "Start my self-assessment" }).click();
    const scope = page.getByRole("region", { name: "Scope of influence" });
    await scope.getByRole("radio", { name: /^Software Engineer II\b/ }).check();
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
