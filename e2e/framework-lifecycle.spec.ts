import { expect, expectAccessible, test } from "./fixtures";

// A framework's life from start to finish: a draft, edited on the matrix, refused while it breaks a
// rule, fixed, published and compared; a second framework imported from a spreadsheet; everyone
// moved to the new version; an engineer reading it. It changes what every other test reads, so
// playwright.config.ts runs it after them.
test.describe("a framework's next version", () => {
  test("an admin edits, publishes and compares a new version, imports another framework and moves people; an engineer reads it", async ({ page, signInAs, signInElsewhere, visit }) => {
    await signInAs("alex");
    await visit("/frameworks");
    await page.getByRole("link", { name: "Start a draft of Engineering career path" }).click();
    await page.getByRole("button", { name: "Start a draft" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Engineering career path: draft of version 2");

    // A new step, reached by a branch from Staff Engineer.
    await page.getByLabel("New step's name").fill("Architect");
    await page.getByLabel("Place it").selectOption({ label: "After Staff Engineer" });
    await page.getByRole("button", { name: "Add step" }).click();
    await expect(page.getByLabel("Step 7: Name")).toBeFocused();
    await page.getByLabel("Step 7: Shortest time (months)").fill("24");
    await page.getByLabel("Step 6: Add a way on to").selectOption({ label: "Architect" });
    await page.getByLabel("Step 6: Label (optional)").fill("Deeper in one system");
    await page.getByRole("button", { name: "Add transition from Staff Engineer" }).click();
    await expect(page.getByLabel("Step 6: → Architect: label")).toHaveValue("Deeper in one system");

    // A cell of the new step.
    await page.getByRole("button", { name: "Edit cell Architect × Ownership" }).click();
    await page.getByRole("dialog").getByLabel("Summary").fill("Owns the long-term shape of one large system and the decisions that bind it.");
    await page.getByRole("dialog").getByRole("button", { name: "Save cell" }).click();
    await expect(page.getByRole("cell").filter({ hasText: "Owns the long-term shape of one large system" })).toHaveCount(1);

    // A careless transition back to the start makes a loop: the draft saves, publishing is refused.
    await page.getByLabel("Step 7: Add a way on to").selectOption({ label: "Software Engineer" });
    await page.getByRole("button", { name: "Add transition from Architect" }).click();
    await expect(page.getByTestId("draft-problems")).toContainText("The path loops back on itself");
    await expect(page.getByTestId("save-status")).toHaveText(/Saved at/);
    await page.getByLabel("What changed in this version").fill("Adds an architect step on the way on from Staff Engineer.");
    await page.getByRole("button", { name: "Publish version 2" }).click();
    const refused = page.getByTestId("publish-problems");
    await expect(refused.getByRole("listitem").first()).toContainText("The path loops back on itself");
    await expectAccessible(page);

    // Each problem links to its place; the fix is to remove the transition there.
    await refused.getByRole("link").first().click();
    await page.getByRole("button", { name: "Remove the transition from Architect to Software Engineer" }).click();
    await expect(page.getByText("Nothing stops this draft from being published.")).toBeVisible();
    await page.getByRole("button", { name: "Publish version 2" }).click();

    // Publishing leads to what changed.
    await page.waitForURL("**/frameworks/engineering/diff?from=1&to=2");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Engineering career path");
    await expect(page.getByRole("main")).toContainText("Architect");
    await expectAccessible(page);
    await visit("/frameworks");
    const versions = page.getByRole("list", { name: "Versions of Engineering career path, newest first" });
    await expect(versions.getByRole("listitem").first()).toContainText("Version 2");
    await expect(versions.getByRole("listitem").first()).toContainText("by Alex Morgan");
    await expect(versions.getByRole("listitem").first()).toContainText("Adds an architect step");

    // A second framework, from a spreadsheet.
    await visit("/frameworks/import");
    const csv = "name,timeframe,leads_to,People,Delivery\nTeam Lead,12-24,Engineering Manager,Leads a small team.,Ships with the team.\nEngineering Manager,24+,,Leads managers.,Owns a roadmap.\n";
    await page.getByLabel("File", { exact: true }).setInputFiles({ name: "management.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByLabel("Name", { exact: true }).fill("Engineering management (imported)");
    await page.getByLabel("Key", { exact: true }).fill("management-imported");
    await page.getByRole("button", { name: "Import as a draft" }).click();
    await expect(page.getByTestId("import-result")).toContainText("as draft version 1 of the new framework management-imported");

    // Everyone on version 1 moves to version 2: every step keeps its key, so everyone keeps their time at step.
    await visit("/frameworks");
    await page.getByRole("link", { name: /^Move \d+ people to version 2/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Move people to version 2 of Engineering career path" })).toBeVisible();
    await expect(page.getByLabel("Step in version 2 for Senior Engineer", { exact: true })).toHaveValue("senior-engineer");
    await expectAccessible(page);
    await page.getByLabel("Note").fill("Everyone moves to the version with the architect step.");
    await page.getByRole("button", { name: /^Move \d+ people to version 2$/ }).click();
    await expect(page.getByTestId("form-message")).toContainText(/^Moved \d+ people from version 1 to version 2 of Engineering career path/);

    // The engineer reads the new version, placed on it.
    const sam = await signInElsewhere("sam");
    await sam.goto("/path");
    await expect(sam.getByText(/Version 2/).first()).toBeVisible();
    await expect(sam.getByRole("rowheader").getByRole("heading", { name: "Architect", exact: true })).toBeVisible();
    await expect(sam.getByText("Your step now")).toBeVisible();
    await expectAccessible(sam);
    // Their assessment, made on version 1, still reads against version 1.
    await sam.goto("/assessment");
    await expect(sam.getByRole("heading", { name: /^Submitted / })).toBeVisible();
    await expect(sam.getByRole("rowheader").getByRole("heading", { name: "Architect", exact: true })).toHaveCount(0);
    await expect(sam.getByRole("rowheader").getByRole("heading", { name: "Senior Engineer", exact: true })).toBeVisible();
    await expectAccessible(sam);
  });
});
