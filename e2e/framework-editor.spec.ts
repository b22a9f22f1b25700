import { expect, expectAccessible, test } from "./fixtures";

// The editor's own behaviour, on a draft that is discarded at the end: the published framework the
// other tests read stays as it is. Publishing and moving people are in framework-lifecycle.spec.ts.
test.describe("the framework editor", () => {
  test("edits save as they go; a second editor's stale save is refused; the draft is discarded", async ({ page, signInAs, signInElsewhere, visit }) => {
    await signInAs("alex");
    await visit("/frameworks");
    await page.getByRole("link", { name: "Start a draft of Engineering career path" }).click();
    await page.getByRole("button", { name: "Start a draft" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Engineering career path: draft of version 2");
    await expectAccessible(page);

    // A second browser opens the same draft before the first one changes it.
    const other = await signInElsewhere("alex");
    await other.goto("/frameworks/engineering/draft");
    await expect(other.getByRole("heading", { level: 1 })).toHaveText("Engineering career path: draft of version 2");

    await page.getByLabel("Step 1: Name").fill("Engineer I 🌱");
    await expect(page.getByTestId("save-status")).toHaveText(/Saved at/);

    // The second editor still holds the first revision: its edit is refused, not saved over the first.
    await other.getByLabel("Step 1: Summary").fill("Written in another tab.");
    await expect(other.getByTestId("save-status")).toContainText("Someone else changed this draft since you opened it");
    await expect(other.getByRole("button", { name: "Reload" })).toBeVisible();
    await other.reload();
    await expect(other.getByLabel("Step 1: Name")).toHaveValue("Engineer I 🌱");

    // A cell, edited in the matrix, with hostile text that stays text.
    await page.getByRole("button", { name: "Edit cell Engineer I 🌱 × Ownership" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Summary").fill(`<img src=x onerror=alert(1)> ${"ש".repeat(40)} ${"x".repeat(3700)}`);
    await dialog.getByRole("button", { name: "Add an expectation" }).click();
    await dialog.getByLabel("Expectation 4").fill("Keeps a runbook current");
    await dialog.getByLabel("Examples, one a line (optional)").last().fill("The deploy runbook\nThe on-call guide");
    await expect(dialog).toContainText("characters: shorten the cell before publishing");
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Save cell" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("button", { name: "Edit cell Engineer I 🌱 × Ownership" })).toBeFocused();
    const problems = page.getByTestId("draft-problems");
    await expect(problems.getByRole("listitem")).toHaveText([/^Cell “Engineer I 🌱” × “Ownership”: A cell holds at most 4,000 characters/]);
    await expect(page.getByRole("cell").filter({ hasText: "<img src=x onerror=alert(1)>" })).toHaveCount(1);
    await expect(page.getByTestId("save-status")).toHaveText(/Saved at/);

    // The problem links to the cell's button; clearing the cell leaves nothing to fix.
    await problems.getByRole("link", { name: "Cell “Engineer I 🌱” × “Ownership”" }).click();
    await expect(page.getByRole("button", { name: "Edit cell Engineer I 🌱 × Ownership" })).toBeFocused();
    await page.keyboard.press("Enter");
    await dialog.getByRole("button", { name: "Clear cell" }).click();
    await expect(page.getByText("Nothing stops this draft from being published.")).toBeVisible();

    // On a phone the editor does not scroll sideways.
    await page.setViewportSize({ width: 390, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });

    await expect(page.getByTestId("save-status")).toHaveText(/Saved at/);
    page.once("dialog", (confirm) => void confirm.accept());
    await page.getByRole("button", { name: "Discard this draft" }).click();
    await page.waitForURL("**/frameworks");
    await expect(page.getByRole("link", { name: "Start a draft of Engineering career path" })).toBeVisible();
    await expect(page.getByText("Version 2")).toHaveCount(0);
  });

  test("is for admins: engineers and managers do not find it", async ({ page, signInAs }) => {
    await signInAs("priya");
    expect((await page.goto("/frameworks/engineering/draft"))?.status()).toBe(404);
    await expect(page.getByRole("link", { name: /Start a draft/ })).toHaveCount(0);
  });
});
