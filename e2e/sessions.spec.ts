import type { Browser, Cookie } from "@playwright/test";
import { demo, expect, expectAccessible, signInWith, test } from "./fixtures";

/**
 * A session cookie stops working when its person signs out, changes their password, or has it
 * reset: replaying a copy of the old cookie in another browser is refused.
 */

/** Opens a page in a fresh browser that carries only the given cookies; answers where it ended up. */
async function replay(browser: Browser, baseURL: string, cookies: Cookie[], path: string) {
  const context = await browser.newContext({ baseURL });
  await context.addCookies(cookies);
  const page = await context.newPage();
  await page.goto(path);
  const url = new URL(page.url());
  await context.close();
  return url.pathname;
}

test.describe("sessions", () => {
  test("a copied session cookie is refused once its person signs out", async ({ page, browser, baseURL, signInAs }) => {
    await signInAs("noah");
    const cookies = await page.context().cookies();
    expect(cookies.some((c) => /authjs\.session-token/.test(c.name))).toBe(true);
    expect(await replay(browser, baseURL!, cookies, "/evidence")).toBe("/evidence");

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    expect(await replay(browser, baseURL!, cookies, "/evidence")).toBe("/sign-in");
    expect(await replay(browser, baseURL!, cookies, "/assessment")).toBe("/sign-in");
  });

  test("changing the password ends every session, this one too, and the new password works", async ({ page, browser, baseURL, signInAs, signInElsewhere }) => {
    const noah = demo.noah;
    const elsewhere = await signInElsewhere("noah");
    await signInAs("noah");
    const cookies = await page.context().cookies();

    await expect(page.getByRole("link", { name: "Account" })).toHaveAttribute("href", "/account");
    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    await expectAccessible(page);

    // A wrong current password changes nothing.
    await page.getByLabel("Current password").fill("not-the-password");
    await page.getByLabel("New password").fill("noah-second-password");
    await page.getByLabel("The same password again").fill("noah-second-password");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("This is not your current password.")).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("Current password").fill(noah.password);
    await page.getByLabel("New password").fill("noah-second-password");
    await page.getByLabel("The same password again").fill("noah-second-password");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page).toHaveURL(/\/sign-in\?passwordChanged=1/);
    await expect(page.getByRole("status").filter({ hasText: "signed out everywhere" })).toBeVisible();

    expect(await replay(browser, baseURL!, cookies, "/")).toBe("/sign-in");
    await elsewhere.goto("/evidence");
    await expect(elsewhere).toHaveURL(/\/sign-in/);

    await signInWith(page, noah.email, noah.password);
    await expect(page.getByTestId("sign-in-error")).toHaveText("The email or password is not right.");
    await signInWith(page, noah.email, "noah-second-password");
    await expect(page.getByTestId("signed-in-as")).toContainText(noah.name);

    // Put the demo password back for any test that signs in as Noah later.
    await page.goto("/account");
    await page.getByLabel("Current password").fill("noah-second-password");
    await page.getByLabel("New password").fill(noah.password);
    await page.getByLabel("The same password again").fill(noah.password);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page).toHaveURL(/\/sign-in\?passwordChanged=1/);
  });

  test("a password reset through an admin's link ends the person's sessions", async ({ page, browser, baseURL, signInAs, signInElsewhere }) => {
    await signInAs("noah");
    const cookies = await page.context().cookies();

    const admin = await signInElsewhere("alex");
    await admin.goto("/people");
    await admin.getByRole("link", { name: demo.noah.name, exact: true }).click();
    await admin.getByRole("button", { name: /set-password link/i }).click();
    const link = (await admin.getByTestId("set-password-link").textContent())!.trim();

    // The link alone ends nothing: Noah may still know his password.
    expect(await replay(browser, baseURL!, cookies, "/evidence")).toBe("/evidence");

    const reset = await browser.newContext({ baseURL });
    const resetPage = await reset.newPage();
    await resetPage.goto(link);
    await resetPage.getByLabel("New password").fill(demo.noah.password.replace("waymark", "reset-1"));
    await resetPage.getByLabel("The same password again").fill(demo.noah.password.replace("waymark", "reset-1"));
    await resetPage.getByRole("button", { name: "Set password" }).click();
    await expect(resetPage).toHaveURL(/\/sign-in\?passwordSet=1/);
    await reset.close();

    expect(await replay(browser, baseURL!, cookies, "/evidence")).toBe("/sign-in");

    // Noah signs in with the new password, and puts the demo one back for later tests.
    await signInWith(page, demo.noah.email, demo.noah.password.replace("waymark", "reset-1"));
    await expect(page.getByTestId("signed-in-as")).toContainText(demo.noah.name);
    await page.goto("/account");
    await page.getByLabel("Current password").fill(demo.noah.password.replace("waymark", "reset-1"));
    await page.getByLabel("New password").fill(demo.noah.password);
    await page.getByLabel("The same password again").fill(demo.noah.password);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page).toHaveURL(/\/sign-in\?passwordChanged=1/);
  });
});
