import type { APIRequestContext, Page } from "@playwright/test";
import { hostileEvidenceBodies, hostileRationales } from "../test/hostile-markdown";
import { demo, expect, test, type DemoKey } from "./fixtures";
import { AssessmentEditor } from "./pages";

/** What an attacker types or stores must never make a page answer 500. */

const PLAIN = '[data-markdown="plain"]';
const UNKNOWN_ID = "6f1c2b9e-3d4a-4c5b-8e7f-0a1b2c3d4e5f";

async function idOf(page: Page, name: string): Promise<string> {
  await page.goto("/people");
  const href = await page.getByRole("table").getByRole("rowheader").getByRole("link", { name, exact: true }).getAttribute("href");
  return href!.split("/").pop()!;
}

async function expectAnswered(request: APIRequestContext, url: string) {
  const response = await request.get(url, { maxRedirects: 0 });
  expect(response.status(), `GET ${url.slice(0, 120)} answered ${response.status()}`).toBeLessThan(500);
}

test.describe("hostile input", () => {
  test("hostile Markdown in evidence and a self-assessment shows as plain text on every page that shows it", async ({ page, signInAs, signInElsewhere }) => {
    test.setTimeout(480_000);
    await signInAs("noah");
    for (const [name, body] of Object.entries(hostileEvidenceBodies)) {
      await page.goto("/evidence/new");
      await page.getByLabel("Title").fill(`Hostile: ${name}`);
      await page.getByLabel("Kind").selectOption({ label: "Other" });
      await page.getByLabel("Date").fill("2026-01-15");
      // Typing 20,000 characters takes minutes here; the form is uncontrolled, so its value is set directly.
      await page.getByLabel(/What happened/).evaluate((el, value) => ((el as HTMLTextAreaElement).value = value), body);
      await page.getByRole("button", { name: "Add evidence" }).click();
      await expect(page, name).toHaveURL(/\/evidence$/, { timeout: 20_000 });
    }
    const list = await page.goto("/evidence");
    expect(list?.status()).toBe(200);
    await expect(page.locator(PLAIN)).toHaveCount(Object.keys(hostileEvidenceBodies).length);
    await expect(page.getByRole("heading", { name: "Hostile: 4,999 nested quotes" })).toBeVisible();
    await expect(page.locator("article", { hasText: "Hostile: 9,999 nested list items" }).locator(PLAIN)).toContainText("- - - - x");
    const editHref = await page.getByRole("link", { name: "Edit Hostile: 4,999 nested quotes" }).getAttribute("href");
    expect((await page.goto(editHref!))?.status()).toBe(200);
    await expect(page.getByLabel(/What happened/)).toHaveValue(hostileEvidenceBodies["4,999 nested quotes"]);

    // A self-assessment with a hostile reason on every dimension, submitted.
    await page.goto("/assessment");
    const dimensions = ["Scope of influence", "How work is conducted", "Ownership"];
    const reasons = Object.values(hostileRationales);
    const editor = new AssessmentEditor(page);
    await editor.start();
    await editor.place(Object.fromEntries(dimensions.map((name, i) => [name, { step: "Senior Engineer", reason: reasons[i]! }])));
    await expect(editor.saveStatus).toHaveText(/Saved at \d\d:\d\d/);
    await editor.submit();
    await expect(page.getByRole("heading", { name: /^Submitted / })).toBeVisible();
    expect((await page.reload())?.status()).toBe(200);
    await expect(page.locator(PLAIN).first()).toBeVisible();
    await expect(page.locator(PLAIN, { hasText: ">>>>>>>>" }).first()).toBeVisible();

    for (const who of ["marcus", "alex"] as const) {
      const other = await signInElsewhere(who);
      const noah = await idOf(other, demo.noah.name);
      for (const path of [`/people/${noah}/assessment`, `/evidence?person=${noah}`, `/people/${noah}`]) {
        const response = await other.goto(path);
        expect(response?.status(), `${who}: GET ${path}`).toBe(200);
      }
      await other.goto(`/people/${noah}/assessment`);
      await expect(other.locator(PLAIN, { hasText: "*_*_*_" }).first()).toBeVisible();
      await other.goto(`/evidence?person=${noah}`);
      await expect(other.locator(PLAIN)).toHaveCount(Object.keys(hostileEvidenceBodies).length);
    }
  });

  test("no page answers 500 to malformed URLs, for an admin, a manager and an engineer", async ({ page, signInAs, signInElsewhere }) => {
    test.setTimeout(600_000);
    // Ids of someone else's things: Aisha's own person and one of her evidence items.
    const aishaPage = await signInElsewhere("aisha");
    await aishaPage.goto("/evidence");
    const theirEvidence = (await aishaPage.getByRole("link", { name: /^Edit / }).first().getAttribute("href"))!.split("/").pop()!;
    const aisha = await idOf(await signInElsewhere("alex"), demo.aisha.name);

    const ids = ["not-a-uuid", UNKNOWN_ID, "%00", "x".repeat(10_000), "1e400"];
    const pages = [
      "/",
      "/assessment",
      "/audit",
      "/cycles",
      "/evidence",
      "/evidence/new",
      "/path",
      "/people",
      "/people/import",
      "/people/new",
      "/plan",
      "/plan/skills",
      "/plan/direction",
      "/plan/narrative.md",
      "/teams",
      "/sign-in",
      ...[...ids, theirEvidence].map((id) => `/evidence/${id}`),
      ...[...ids, aisha].flatMap((id) => [`/people/${id}`, `/people/${id}/assessment`, `/people/${id}/plan`, `/people/${id}/plan/skills`, `/people/${id}/plan/direction`, `/people/${id}/plan/narrative.md`]),
      ...ids.map((id) => `/set-password/${id}`),
      "/team",
      "/calibration",
      ...ids.flatMap((id) => [`/cases/${id}`, `/cases/${id}/packet`, `/calibration/${id}`, `/people/${id}/cases/new`]),
      "/frameworks",
      "/frameworks/import",
      ...["engineering", ...ids].flatMap((key) => [`/frameworks/${key}/diff`, `/frameworks/${key}/draft`, `/frameworks/${key}/move`]),
    ];
    const long = "x".repeat(10_000);
    const queries = [
      "",
      "?from=2026-02-30&to=9999-99-99",
      "?from=0000-00-00&to=0001-01-01",
      "?from=9999-12-31&to=1900-01-01",
      "?page=-1",
      "?page=99999999999999999999999",
      "?page=1e400&page=2",
      "?a=1&a=2&person=x&person=y&from=2026-01-01&from=2026-02-01",
      `?q=${long}&person=${long}&cycle=${long}&cellId=${long}&callbackUrl=${long}&framework=${long}&pillar=${long}`,
      "?kind=nope&entityType=nope&personId=nope&cellId=nope&cycle=nope&error=nope",
      "?person=%00&q=%00&from=%00&cycle=%00&callbackUrl=%00&error=%00&framework=%00&pillar=%00",
      "?framework=engineering-management&pillar=delivery&framework=engineering&pillar=%E2%80%AE",
      `?person=${UNKNOWN_ID}&cellId=${UNKNOWN_ID}&cycle=${UNKNOWN_ID}&personId=${UNKNOWN_ID}`,
      `?person=${aisha}`,
      "?callbackUrl=https://evil.example.com&passwordSet=1",
      "?q=%E0%A4%A&from=%ZZ",
      `?from=abc&to=-1&framework=${long}&pillar=%00&team=%00&step=${long}&sort=nope`,
      `?teamq=${long}&managerq=%00%25_&rename=${long}&lead=%00&team=${UNKNOWN_ID}&manager=${UNKNOWN_ID}`,
      `?teamq=%E2%80%AE&managerq=a&managerq=b&rename=${UNKNOWN_ID}&lead=${UNKNOWN_ID}`,
    ];

    // Pages that read their query string get every malformed query; the others two of them.
    const readsQuery = (path: string) =>
      /^\/(|audit|evidence|evidence\/new|sign-in|people|people\/[^/]+\/assessment|path|team|teams|frameworks\/engineering\/(diff|move))$/.test(path);
    for (const who of ["alex", "priya", "diego"] as DemoKey[]) {
      const viewer = await signInElsewhere(who);
      for (const path of pages) {
        for (const query of readsQuery(path) ? queries : queries.slice(7, 9)) await expectAnswered(viewer.request, `${path}${query}`);
      }
    }
    // Signed out, the same URLs send to the sign-in page or answer it.
    for (const path of pages) await expectAnswered(page.request, `${path}${queries[1]}`);
    await signInAs("diego");
  });

  test("oversized and padded action requests get a clear answer and change nothing", async ({ page, signInAs }) => {
    test.setTimeout(300_000);
    await signInAs("ines");
    const count = async () => {
      await page.goto("/evidence");
      return page.getByRole("article").count();
    };
    const before = await count();
    // A real submission of the evidence form, its title padded on the way to the server.
    for (const size of [100_000, 1_500_000, 3_000_000, 10_500_000]) {
      await page.goto("/evidence/new");
      await page.getByLabel("Title").fill("PADDING");
      await page.getByLabel("Kind").selectOption({ label: "Other" });
      await page.getByLabel("Date").fill("2026-01-15");
      await page.route("**/evidence/new", async (route) => {
        const body = route.request().postData();
        if (route.request().method() !== "POST" || !body?.includes("PADDING")) return route.continue();
        await route.continue({ postData: body.replace("PADDING", "x".repeat(size)) });
      });
      const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/evidence/new"));
      await page.getByRole("button", { name: "Add evidence" }).click();
      const response = await answered;
      console.log(`title of ${size} characters: ${response.status()}`);
      expect(response.status(), `a title of ${size} characters`).toBeLessThan(500);
      await expect(page.getByText(size <= 1_500_000 ? "Nothing was saved: check the highlighted fields." : /may have been too large \(Waymark takes at most 2 MB at once\)/)).toBeVisible({ timeout: 30_000 });
      await page.unrouteAll();
    }
    expect(await count()).toBe(before);
  });
});
