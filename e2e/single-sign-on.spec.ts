import type { Page } from "@playwright/test";
import { demo, expect, expectAccessible, test } from "./fixtures";

/**
 * Sign-in through OpenID Connect, against a real provider (e2e/support/oidc-provider.mjs) that
 * playwright.config.ts starts before Waymark. Its sign-in page lets each test choose the email and
 * whether the provider vouches for it.
 */

const issuer = process.env.WAYMARK_E2E_OIDC_ISSUER;
if (!issuer) throw new Error("WAYMARK_E2E_OIDC_ISSUER is not set: run these tests through playwright.config.ts, which starts the provider.");
const providerName = "Example SSO";

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Follows the "Continue with" button to the provider and signs in there with the email given. */
async function continueThroughProvider(page: Page, { email, verified }: { email: string; verified: boolean }) {
  await page.getByRole("button", { name: `Continue with ${providerName}` }).click();
  await expect(page).toHaveURL(new RegExp(`^${escapeRegExp(issuer!)}/interaction/`));
  await expect(page.getByRole("heading", { name: `Sign in to ${providerName}` })).toBeVisible();
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Email verified").setChecked(verified);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Content-Security-Policy complaints in the browser's console, as they come. */
function cspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

test.describe("signing in through OpenID Connect", () => {
  test("a person whose verified email Waymark knows is signed in, and comes back to the page they asked for", async ({ page, visit }) => {
    const violations = cspViolations(page);
    await page.goto("/path");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fpath$/);
    await expect(page.getByRole("button", { name: `Continue with ${providerName}` })).toBeVisible();
    await expectAccessible(page);

    await continueThroughProvider(page, { email: demo.sam.email, verified: true });
    await expect(page).toHaveURL(/\/path$/);
    await expect(page.getByTestId("signed-in-as")).toContainText(demo.sam.name);
    await visit("/");
    expect(violations).toEqual([]);
  });

  test("the button reaches the provider even before the page's scripts run", async ({ browser, baseURL }) => {
    // Without JavaScript the button is a plain form post answered by a redirect to the provider,
    // which the policy's form-action must allow.
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
    const page = await context.newPage();
    const violations = cspViolations(page);
    await page.goto("/sign-in");
    await page.getByRole("button", { name: `Continue with ${providerName}` }).click();
    await expect(page).toHaveURL(new RegExp(`^${escapeRegExp(issuer)}/interaction/`));
    await expect(page.getByRole("heading", { name: `Sign in to ${providerName}` })).toBeVisible();
    expect(violations).toEqual([]);
    await context.close();
  });

  test("an email no person here has is refused, saying so", async ({ page }) => {
    await page.goto("/sign-in");
    await continueThroughProvider(page, { email: "someone.else@example.org", verified: true });
    await expect(page).toHaveURL(/\/sign-in\?error=unknown-email$/);
    await expect(page.getByTestId("provider-error")).toHaveText("No active Waymark account has this email. Ask an admin to add you, with the same email.");
    await expect(page.getByRole("button", { name: `Continue with ${providerName}` })).toBeVisible();
    await expectAccessible(page);
  });

  test("an email the provider has not verified is refused, even a known person's", async ({ page }) => {
    await page.goto("/sign-in");
    await continueThroughProvider(page, { email: demo.sam.email, verified: false });
    await expect(page).toHaveURL(/\/sign-in\?error=unverified-email$/);
    await expect(page.getByTestId("provider-error")).toHaveText(
      "Your sign-in provider has not verified the email address on your account, so Waymark cannot match it to a person here. Verify it there, or ask an admin.",
    );
    await expectAccessible(page);
    await page.goto("/path");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("a deactivated person is refused, saying so", async ({ page, browser, baseURL }) => {
    // An admin adds someone for this test and deactivates them, in a browser of their own.
    const adminContext = await browser.newContext({ baseURL });
    const admin = await adminContext.newPage();
    await admin.goto("/sign-in");
    await admin.getByLabel("Email").fill(demo.alex.email);
    await admin.getByLabel("Password").fill("alex-waymark");
    await admin.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(admin.getByTestId("signed-in-as")).toBeVisible();
    await admin.goto("/people/new");
    await admin.getByLabel("Email").fill("olga.petrova@example.com");
    await admin.getByLabel("Name").fill("Olga Petrova");
    await admin.getByRole("button", { name: "Add person" }).click();
    await admin.getByRole("link", { name: "Open their page" }).click();
    await admin.getByRole("button", { name: "Deactivate" }).click();
    await expect(admin.getByText("Deactivated: they are signed out and cannot sign in.")).toBeVisible();
    await adminContext.close();

    await page.goto("/sign-in");
    await continueThroughProvider(page, { email: "olga.petrova@example.com", verified: true });
    await expect(page).toHaveURL(/\/sign-in\?error=deactivated$/);
    await expect(page.getByTestId("provider-error")).toHaveText("This account has been deactivated. Ask an admin if you need access again.");
    await expectAccessible(page);
  });
});
