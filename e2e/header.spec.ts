import { expect, expectAccessible, signInWith, test } from "./fixtures";

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

  test("on a laptop a long name is cut short rather than pushing the links to a second row", async ({ page, signInElsewhere }) => {
    // An admin with a forty-character name: an admin has the most links.
    const name = "Maximiliana Wilhelmina Featherstonehaugh";
    expect(name).toHaveLength(40);
    const admin = await signInElsewhere("alex");
    await admin.goto("/people/new");
    await admin.getByLabel("Email").fill("maximiliana.featherstonehaugh@example.com");
    await admin.getByLabel("Name").fill(name);
    await admin.getByLabel("Role", { exact: true }).selectOption({ label: "Admin" });
    await admin.getByLabel("Set an initial password now").check();
    await admin.getByLabel("Initial password", { exact: true }).fill("maximiliana-password");
    await admin.getByRole("button", { name: "Add person" }).click();
    await expect(admin.getByTestId("form-message")).toHaveText(`${name} was added.`);
    await admin.getByRole("link", { name: "Open their page" }).click();
    await admin.waitForURL(/\/people\/[0-9a-f-]{36}$/);
    const theirPage = admin.url();
    try {
      await page.setViewportSize({ width: 1280, height: 720 });
      await signInWith(page, "maximiliana.featherstonehaugh@example.com", "maximiliana-password");
      const who = page.getByTestId("signed-in-as");
      await expect(who).toContainText(name);
      expect((await page.getByRole("banner").boundingBox())!.height).toBeLessThanOrEqual(64);
      // Every link and the sign-out on the header's one row; the name cut, its whole in a tooltip.
      const main = page.getByRole("navigation", { name: "Main" });
      const top = async (l: ReturnType<typeof page.getByRole>) => (await l.boundingBox())!.y;
      const row = await top(main.getByRole("link", { name: "Where I am" }));
      for (const l of [main.getByRole("button", { name: "Admin" }), page.getByRole("button", { name: "Sign out" }), who.getByRole("link")]) {
        expect(Math.abs((await top(l)) - row)).toBeLessThan(12);
      }
      const nameLink = who.getByRole("link", { name });
      await expect(nameLink).toHaveAttribute("title", name);
      expect(await nameLink.evaluate((a) => a.scrollWidth > a.clientWidth)).toBe(true);
      await expectAccessible(page);
    } finally {
      // Not an admin any more, nor active: the other walks count the demo's one admin.
      await admin.goto(theirPage);
      await admin.getByRole("button", { name: "Deactivate" }).click();
      await expect(admin.getByText("Deactivated: they are signed out and cannot sign in.")).toBeVisible();
    }
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
