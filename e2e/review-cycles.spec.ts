import { expect, test } from "./fixtures";

test.describe("review cycles", () => {
  test("an admin creates the next cycle closed, is told to close the open one before opening it, and bad dates are refused", async ({ page, signInAs, visit }) => {
    await signInAs("alex");
    await visit("/cycles");
    const cycles = page.getByRole("table");
    await expect(cycles.getByRole("row", { name: /2026 H2 review/ })).toContainText("Open");

    await page.getByLabel("Name").fill("Backwards review");
    await page.getByLabel("Starts on").fill("2027-06-30");
    await page.getByLabel("Ends on").fill("2027-01-01");
    await page.getByRole("button", { name: "Create cycle" }).click();
    await expect(page.locator("#cycle-ends-error")).toHaveText("The cycle must end on or after its start.");
    await expect(cycles.getByRole("row", { name: /Backwards review/ })).toHaveCount(0);

    await page.getByLabel("Name").fill("2027 H1 review");
    await page.getByLabel("Starts on").fill("2027-01-01");
    await page.getByLabel("Ends on").fill("2027-06-30");
    await page.getByRole("button", { name: "Create cycle" }).click();
    const next = cycles.getByRole("row", { name: /2027 H1 review/ });
    await expect(next).toContainText("Not opened yet");
    await next.getByRole("button", { name: "Open 2027 H1 review" }).click();
    await expect(next.getByRole("alert")).toHaveText("Close “2026 H2 review” first: one review cycle is open at a time.");
    await expect(cycles.getByRole("row", { name: /2026 H2 review/ })).toContainText("Open");
    await expect(next).toContainText("Not opened yet");

    // Closing asks first; saying no leaves the cycle open.
    const asked = page.waitForEvent("dialog");
    const click = cycles.getByRole("button", { name: "Close 2026 H2 review" }).click();
    const dialog = await asked;
    expect(dialog.message()).toContain("Drafts left in it can no longer be changed");
    await dialog.dismiss();
    await click;
    await page.reload();
    await expect(page.getByRole("table").getByRole("row", { name: /2026 H2 review/ })).toContainText("Open");
  });

  test("a manager's list shows where each report's review stands, and engineers have no cycles page", async ({ page, signInAs, signInElsewhere, visit }) => {
    await signInAs("priya");
    await visit("/people");
    await expect(page.getByRole("link", { name: /^self submitted · manager submitted\s*: review of Sam Okafor$/ })).toBeVisible();
    await page.getByRole("link", { name: /review of Sam Okafor/ }).click();
    await expect(page.getByTestId("gap-count")).toHaveText("1 gap to talk about");

    const engineer = await signInElsewhere("sam");
    expect((await engineer.goto("/cycles"))?.status()).toBe(404);
  });
});
