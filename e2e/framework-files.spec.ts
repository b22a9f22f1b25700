import { expect, expectAccessible, test } from "./fixtures";

/** A spreadsheet as a team keeps its ladder, uploaded from memory. */
const spreadsheet = (text: string, name = "data-ladder.csv") => ({ name, mimeType: "text/csv", buffer: Buffer.from(text) });

test.describe("framework files", () => {
  test("an admin imports a spreadsheet as a draft, after seeing its problems; everyone downloads a published version", async ({ page, signInAs, visit }) => {
    await signInAs("alex");
    await visit("/frameworks/import");

    await page.getByLabel("File", { exact: true }).setInputFiles(spreadsheet("name,timeframe,leads_to,Craft\nAnalyst,soon,Nobody,Writes queries.\n"));
    await page.getByLabel("Name", { exact: true }).fill("Data 📊");
    await page.getByRole("button", { name: "Import as a draft" }).click();
    await expect(page.getByTestId("import-message")).toContainText("Nothing was imported");
    await expect(page.getByTestId("import-problems").getByRole("listitem")).toHaveText([
      'row 2, column "timeframe": "soon" is not a timeframe; write months as 12-24, 24+ or 12.',
      'row 2, column "leads_to": No step is called "Nobody".',
    ]);
    await expectAccessible(page);

    await page
      .getByLabel("File", { exact: true })
      .setInputFiles(spreadsheet("name,timeframe,leads_to,Craft,Impact\nAnalyst,6-12,Senior Analyst,Writes queries.,Their team.\nSenior Analyst,24+,,Designs models.,Several teams.\n"));
    await page.getByLabel("Name", { exact: true }).fill("Data 📊");
    await page.getByLabel("Key", { exact: true }).fill("data");
    await page.getByRole("button", { name: "Import as a draft" }).click();
    await expect(page.getByTestId("import-result")).toContainText("Imported data-ladder.csv as draft version 1 of the new framework data.");
    const data = page.getByTestId("framework-list").getByRole("listitem").filter({ hasText: "Data 📊" }).first();
    await expect(data).toContainText("Version 1");
    await expect(data).toContainText("Draft");

    // A second draft of the same framework is refused.
    await page.getByLabel("File", { exact: true }).setInputFiles(spreadsheet("name,Craft\nAnalyst,Writes queries.\n"));
    await page.getByLabel("Import into").selectOption("data");
    await page.getByRole("button", { name: "Import as a draft" }).click();
    await expect(page.getByTestId("import-message")).toContainText('The framework "data" already has a draft (version 1)');

    const download = await page.request.get("/api/frameworks/engineering/export");
    expect(download.status()).toBe(200);
    expect(download.headers()["content-disposition"]).toBe('attachment; filename="engineering-v1.json"');
    expect(await download.json()).toMatchObject({ formatVersion: 1, framework: { key: "engineering" } });
    expect((await page.request.get("/api/frameworks/engineering/export?version=abc")).status()).toBe(404);
    expect((await page.request.get("/api/frameworks/engineering/export?version=99999999999999999999")).status()).toBe(404);
    expect((await page.request.get("/api/frameworks/data/export?version=1")).status()).toBe(200);
  });

  test("engineers export published versions but not drafts, and do not see the import page", async ({ page, signInAs }) => {
    await signInAs("sam");
    expect((await page.request.get("/api/frameworks/engineering/export?version=1")).status()).toBe(200);
    expect((await page.request.get("/api/frameworks/data/export?version=1")).status()).toBe(404);
    expect((await page.goto("/frameworks/import"))?.status()).toBe(404);
  });

  test("the file format's JSON Schema is public", async ({ request }) => {
    const response = await request.get("/api/frameworks/schema");
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ title: "Waymark framework file", properties: { formatVersion: { const: 1 } } });
  });

  test("the import page fits a phone", async ({ page, signInAs }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs("alex");
    await page.goto("/frameworks/import");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });
});
