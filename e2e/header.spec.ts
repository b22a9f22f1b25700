import { expect, expectAccessible, test } from "./fixtures";

test.describe("the header", () => {
  test("on a laptop it holds an admin's links in one row, with administration under one menu", async ({ page, signInAs }) => {
    await signInAs("alex");
    const header = page.getByRole("banner");
    const box = await header.boundingBox();
    // One row: the brand, the links, the person and sign-out all sit within a 64 px high header.
    expect(box!.height).toBeLessThanOrEqual(64);
    const main = page.getByRole("navigation", { name: "Main" });
    await expect(main.getByRole("link", { name: "Teams" })).toBeHidden();

    const admin = main.getByRole("button", { name: "Admin" });
    await admin.click();
    await expect(admin).toHaveAttribute("aria-expanded", "true");
    await expectAccessible(page);
    await page.keyboard.press("Escape");
    await expect(main.getByRole("link", { name: "Teams" })).toBeHidden();
    await expect(admin).toBeFocused();

    // A click elsewhere closes it; following a link closes it and marks the page.
    await admin.click();
    await page.getByRole("heading", { level: 1 }).click();
    await expect(main.getByRole("link", { name: "Teams" })).toBeHidden();
    await admin.click();
    await main.getByRole("link", { name: "Review cycles" }).click();
    await page.waitForURL("**/cycles");
    await expect(main.getByRole("link", { name: "Review cycles" })).toBeHidden();
    await admin.click();
    await expect(main.getByRole("link", { name: "Review cycles" })).toHaveAttribute("aria-current", "page");
  });

  test("on a phone every link is behind a Menu button, and nothing scrolls sideways", async ({ page, signInAs }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs("priya");
    const menu = page.getByRole("button", { name: "Menu" });
    const main = page.getByRole("navigation", { name: "Main" });
    await expect(main).toBeHidden();
    await expect(page.getByTestId("signed-in-as")).toBeVisible();

    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(main.getByRole("link")).toHaveText(["Where I am", "Self-assessment", "Evidence", "Career path", "Frameworks", "My team", "My reports", "Calibration"]);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page);

    await page.keyboard.press("Escape");
    await expect(main).toBeHidden();
    await expect(menu).toBeFocused();

    await menu.click();
    await main.getByRole("link", { name: "Evidence" }).click();
    await page.waitForURL("**/evidence");
    await expect(main).toBeHidden();
  });
});
