import type { Browser, Page } from "@playwright/test";
import { demo, expect, expectAccessible, signInWith, test } from "./fixtures";

/**
 * Sign-in and who sees what, as each demo person, in a real browser against the real server.
 */

/** A demo person's id, read from the admin's people list in a separate browser session. */
async function idOf(browser: Browser, baseURL: string, name: string): Promise<string> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInWith(page, demo.alex.email, "alex-waymark");
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  await page.goto("/people");
  // The name in the first column opens the person's page; the same name as someone's manager filters the list.
  const href = await page.getByRole("rowheader").getByRole("link", { name, exact: true }).getAttribute("href");
  await context.close();
  return href!.split("/").pop()!;
}

async function expectNotFound(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), `GET ${path}`).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
}

test.describe("signing in", () => {
  test("a signed-out visitor is sent to sign in, and comes back to the page they asked for", async ({ page, visit }) => {
    await page.goto("/people");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fpeople$/);
    await expectAccessible(page);
    await page.getByLabel("Email").fill(demo.priya.email);
    await page.getByLabel("Password").fill("priya-waymark");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/people$/);
    await expect(page.getByTestId("signed-in-as")).toHaveText(/Signed in as Priya Raman\s*Manager/);
    await visit("/people");
  });

  test("the health check needs no sign-in", async ({ request }) => {
    expect((await request.get("/api/health", { maxRedirects: 0 })).status()).toBe(200);
  });

  test("an unknown email and a wrong password get the same answer", async ({ page }) => {
    await signInWith(page, "nobody@example.com", "whatever-password");
    await expect(page.getByTestId("sign-in-error")).toHaveText("The email or password is not right.");
    await signInWith(page, demo.sam.email, "not-sams-password");
    await expect(page.getByTestId("sign-in-error")).toHaveText("The email or password is not right.");
    await expect(page.getByLabel("Email")).toHaveValue(demo.sam.email);
    await expectAccessible(page);
  });

  test("signing out ends the session", async ({ page, signInAs }) => {
    await signInAs("lena");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/path");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("pages run their scripts under the Content-Security-Policy, with the security headers set", async ({ page, signInAs }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const response = await page.goto("/sign-in");
    const headers = response!.headers();
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    await signInAs("sam");
    // The cells' expectations open with client-side React: proof that hydration ran under the policy.
    await page.goto("/path");
    await page.getByRole("cell").first().locator("summary").click();
    expect(violations).toEqual([]);
  });
});

test.describe("what an engineer can reach", () => {
  test("their own page, but not the people admin, the audit log or another engineer's page", async ({ page, browser, baseURL, signInAs, visit }) => {
    const aisha = await idOf(browser, baseURL!, demo.aisha.name);
    await signInAs("sam");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(["Where I am", "Self-assessment", "Evidence", "Career path", "Frameworks"]);
    await page.getByTestId("signed-in-as").getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1, name: demo.sam.name })).toBeVisible();
    await expectAccessible(page);
    await expectNotFound(page, "/people");
    await expectNotFound(page, "/people/new");
    await expectNotFound(page, "/audit");
    await expectNotFound(page, `/people/${aisha}`);
    await expectNotFound(page, "/people/not-an-id");
    expect((await page.request.get("/people/export")).status()).toBe(404);
    await visit("/path");
  });
});

test.describe("what a manager can reach", () => {
  test("sees their reports and not another team's", async ({ page, browser, baseURL, signInAs, visit }) => {
    const aisha = await idOf(browser, baseURL!, demo.aisha.name);
    await signInAs("priya");
    await visit("/people");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My reports");
    const names = page.getByRole("table").getByRole("rowheader").getByRole("link");
    await expect(names).toHaveText(["Diego Alvarez", "Lena Fischer", "Mei Chen", "Sam Okafor"]);
    await page.getByRole("link", { name: "Sam Okafor", exact: true }).click();
    await expect(page.getByText("Senior Engineer since")).toBeVisible();
    // No admin controls for a manager.
    await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
    await expectAccessible(page);
    await expectNotFound(page, `/people/${aisha}`);
    await expectNotFound(page, "/audit");
    await expectNotFound(page, "/teams");
  });
});

test.describe("an admin managing people", () => {
  test("creates a person, sets their manager, deactivates them, and their next request is refused; all of it is in the audit log", async ({
    page,
    browser,
    baseURL,
    signInAs,
    visit,
  }) => {
    await signInAs("alex");
    await visit("/people");
    await page.getByRole("link", { name: "Add person" }).click();
    await expectAccessible(page);
    await page.getByLabel("Email").fill("rosa.diaz@example.com");
    await page.getByLabel("Name").fill("Rosa Diaz");
    await page.getByLabel("Set an initial password now").check();
    await page.getByLabel("Initial password", { exact: true }).fill("rosa-first-password");
    await page.getByRole("button", { name: "Add person" }).click();
    await expect(page.getByTestId("form-message")).toHaveText("Rosa Diaz was added.");
    await page.getByRole("link", { name: "Open their page" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Rosa Diaz" })).toBeVisible();

    await page.getByLabel("Manager", { exact: true }).selectOption({ label: "Priya Raman" });
    await page.getByLabel("Team", { exact: true }).selectOption({ label: "Platform" });
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByTestId("form-message").first()).toHaveText("Saved.");
    await expect(page.getByRole("link", { name: "Priya Raman" })).toBeVisible();
    await expectAccessible(page);
    const rosaUrl = page.url();

    // Rosa signs in elsewhere, and works.
    const rosaContext = await browser.newContext({ baseURL });
    const rosa = await rosaContext.newPage();
    await signInWith(rosa, "rosa.diaz@example.com", "rosa-first-password");
    await expect(rosa.getByTestId("signed-in-as")).toContainText("Rosa Diaz");

    await page.getByRole("button", { name: "Deactivate" }).click();
    await expect(page.getByText("Deactivated: they are signed out and cannot sign in.")).toBeVisible();

    // Her session cookie is still valid, but her next request is refused.
    await rosa.goto("/path");
    await expect(rosa).toHaveURL(/\/sign-in/);
    await signInWith(rosa, "rosa.diaz@example.com", "rosa-first-password");
    await expect(rosa.getByTestId("sign-in-error")).toHaveText("This account has been deactivated. Ask an admin if you need access again.");
    await rosaContext.close();

    await page.goto("/audit");
    await page.getByLabel("Person").fill("Rosa Diaz");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByTestId("audit-action")).toHaveText(["Person deactivated", "Person changed", "Person added"]);
    await expect(page.getByTestId("audit-event").nth(1)).toContainText("Manager: no manager → Priya Raman");
    await expectAccessible(page);
    expect(rosaUrl).toMatch(/\/people\/[0-9a-f-]{36}$/);
  });

  test("refuses a reporting loop and demoting the last admin, with the reason beside the field", async ({ page, signInAs }) => {
    await signInAs("alex");
    await page.goto("/people");
    await page.getByRole("table").getByRole("rowheader").getByRole("link", { name: "Alex Morgan", exact: true }).click();
    await page.getByLabel("Manager", { exact: true }).selectOption({ label: "Priya Raman" });
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByTestId("form-message").first()).toHaveText("Nothing was saved: check the highlighted fields.");
    await expect(page.locator("#managerId-error")).toHaveText("That would make a loop: the chosen manager already reports to this person.");
    await expect(page.getByLabel("Manager", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await page.getByLabel("Manager", { exact: true }).selectOption({ label: "No manager" });
    await page.getByLabel("Role", { exact: true }).selectOption({ label: "Manager" });
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByTestId("form-message").first()).toHaveText("You cannot demote the last active admin: make someone else an admin first.");
    await expectAccessible(page);
  });

  test("sends a one-time set-password link that works once", async ({ page, browser, baseURL, signInAs }) => {
    await signInAs("alex");
    await page.goto("/people/new");
    await page.getByLabel("Email").fill("ola.link@example.com");
    await page.getByLabel("Name").fill("Ola Link");
    await page.getByRole("button", { name: "Add person" }).click();
    const link = (await page.getByTestId("set-password-link").textContent())!.trim();

    const context = await browser.newContext({ baseURL });
    const ola = await context.newPage();
    await ola.goto(link);
    await expect(ola.getByText("For Ola Link (ola.link@example.com).")).toBeVisible();
    await expectAccessible(ola);
    await ola.getByLabel("New password").fill("short");
    await ola.getByLabel("The same password again").fill("short");
    await ola.getByRole("button", { name: "Set password" }).click();
    await expect(ola.getByText("Use at least 10 characters.")).toBeVisible();
    await ola.getByLabel("New password").fill("olas-own-password");
    await ola.getByLabel("The same password again").fill("olas-own-password");
    await ola.getByRole("button", { name: "Set password" }).click();
    await expect(ola.getByText("Your password is set. Sign in with it now.")).toBeVisible();
    await signInWith(ola, "ola.link@example.com", "olas-own-password");
    await expect(ola.getByTestId("signed-in-as")).toContainText("Ola Link");
    await ola.goto(link);
    await expect(ola.getByText("This link has been used or has expired.")).toBeVisible();
    await context.close();
  });

  test("creates and renames a team", async ({ page, signInAs, visit }) => {
    await signInAs("alex");
    await visit("/teams");
    await page.getByLabel("New team").fill("Data");
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page.getByText("The team Data was created.")).toBeVisible();
    await page.getByLabel("New team").fill("platform");
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page.getByText("A team with this name exists already.").first()).toBeVisible();
    const data = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Data", exact: true }) });
    await data.getByRole("link", { name: "Rename Data" }).click();
    await data.getByRole("textbox").fill("Data Platform");
    await data.getByRole("button", { name: "Rename" }).click();
    await expect(page.getByText("Renamed to Data Platform.")).toBeVisible();
    await expectAccessible(page);
  });

  test("imports people from CSV after a preview, lists bad rows by line, and exports a safe CSV", async ({ page, signInAs, visit }) => {
    await signInAs("alex");
    await visit("/people/import");
    await page.getByLabel("Or paste it here").fill("email,name,role,manager_email,team\nbad-email,X,engineer,,\nok@example.com,Ok,wizard,,\n");
    await page.getByRole("button", { name: "Preview" }).click();
    const problems = page.getByRole("region", { name: /problems/ });
    await expect(problems.getByRole("row")).toHaveText([/Line\s*Problem/, /2\s*Email "bad-email" is not an email address\./, /3\s*Role "wizard" is not one of engineer, manager, admin\./]);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Start again" }).click();
    await page
      .getByLabel("Or paste it here")
      .fill("email,name,role,manager_email,team\nnia.csv@example.com,Nia Csv,engineer,marcus.bell@example.com,Product\n=evil@example.com,\"=HYPERLINK(1)\",engineer,,\n");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByText(/would add 1, change 0/)).toHaveCount(0);
    await expect(page.getByText("Email \"=evil@example.com\" is not an email address.")).toBeVisible();

    await page.getByRole("button", { name: "Start again" }).click();
    await page.getByLabel("Or paste it here").fill("email,name,role,manager_email,team\nnia.csv@example.com,=Nia Csv,engineer,marcus.bell@example.com,Product\n");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByRole("status")).toContainText("This file would add 1, change 0 and leave 0 as they are");
    await page.getByRole("button", { name: "Import 1 change" }).click();
    await expect(page.getByText("Imported: 1 added, 0 changed, 0 unchanged.")).toBeVisible();

    const csv = await (await page.request.get("/people/export")).text();
    expect(csv.split("\r\n")[0]).toBe("email,name,role,manager_email,team,step,active");
    expect(csv).toContain(`nia.csv@example.com,"'=Nia Csv",engineer,marcus.bell@example.com,Product,,yes`);

    // The step column places her; the preview says so first.
    await page.goto("/people/import");
    await page.getByLabel("Or paste it here").fill("email,name,role,manager_email,team,step\nnia.csv@example.com,=Nia Csv,engineer,marcus.bell@example.com,Product,Software Engineer\n");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByRole("region", { name: "To place on a step (effective today)" })).toContainText("nia.csv@example.com: not placed → Software Engineer (initial placement)");
    await page.getByRole("button", { name: "Import 1 change" }).click();
    await expect(page.getByText("Imported: 0 added, 0 changed, 1 placed on a step, 0 unchanged.")).toBeVisible();
    expect(await (await page.request.get("/people/export")).text()).toContain(`Product,software-engineer,yes`);
  });
});
