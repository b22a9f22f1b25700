import { expect, expectAccessible, test } from "./fixtures";
import { EvidenceForm } from "./pages";

test.describe("evidence", () => {
  test("an engineer adds evidence linked to cells, finds it by searching, sees counts on the matrix; the manager reads it and another engineer cannot", async ({
    page,
    signInAs,
    signInElsewhere,
    visit,
  }) => {
    await signInAs("diego");
    await visit("/evidence");
    await page.getByRole("link", { name: "Add evidence" }).click();
    await expectAccessible(page);
    const form = new EvidenceForm(page);
    await form.fill({
      title: "Event bus RFC",
      kind: "Design doc",
      date: "2026-04-14",
      link: "javascript:alert(1)",
      body: "Wrote the **RFC** for the shared event bus; three teams adopted it.",
      cells: ["Staff Engineer · Scope of influence", "Staff Engineer · How work is conducted"],
    });
    await page.getByRole("button", { name: "Add evidence" }).click();
    await expect(page.locator("#link-error")).toHaveText("Links must start with https:// or http://.");
    await expect(page.getByLabel("Title")).toHaveValue("Event bus RFC");
    await page.getByLabel("Link (optional)").fill("https://docs.example.com/rfc/event-bus");
    await page.getByRole("button", { name: "Add evidence" }).click();
    await expect(page).toHaveURL(/\/evidence$/);

    // A second item, started from a cell of the matrix.
    await page.goto("/path");
    const staff = page.getByRole("row").filter({ has: page.getByRole("heading", { name: "Staff Engineer", exact: true }) });
    await expect(staff.getByRole("link", { name: "2 evidence items for Staff Engineer, Scope of influence" })).toHaveCount(0);
    await expect(staff.getByRole("link", { name: "1 evidence item for Staff Engineer, Scope of influence" })).toBeVisible();
    await staff.getByRole("link", { name: "+ evidence for Staff Engineer, Ownership" }).click();
    await expect(form.cell("Staff Engineer · Ownership")).toBeChecked();
    await form.fill({ title: "Mentored two senior engineers", kind: "Mentoring", date: "2026-09-01" });
    await page.getByRole("button", { name: "Add evidence" }).click();
    await expect(page).toHaveURL(/\/evidence$/);
    await expect(page.getByRole("article")).toHaveCount(2);

    await page.getByLabel("Search title and text").fill("event bus");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("article")).toHaveCount(1);
    await expect(page.getByRole("heading", { level: 2, name: "Event bus RFC" })).toBeVisible();
    await expect(page.locator("strong", { hasText: "RFC" })).toBeVisible();
    await expectAccessible(page);
    const diegoId = (await page.getByTestId("signed-in-as").getByRole("link").getAttribute("href"))!.split("/").pop();

    const manager = await signInElsewhere("priya");
    await manager.goto(`/people/${diegoId}`);
    await manager.getByRole("link", { name: "Diego's evidence" }).click();
    await expect(manager.getByRole("heading", { level: 1, name: "Diego Alvarez's evidence" })).toBeVisible();
    await expect(manager.getByRole("article")).toHaveCount(2);
    await expect(manager.getByRole("link", { name: /^Edit/ })).toHaveCount(0);
    await expectAccessible(manager);

    const other = await signInElsewhere("aisha");
    expect((await other.goto(`/evidence?person=${diegoId}`))?.status()).toBe(404);
  });

  test("a manager opens a report's evidence item read-only; the owner edits it; an engineer of another team gets not found", async ({ page, signInAs, signInElsewhere, visit }) => {
    await signInAs("priya");
    await page.goto("/people");
    await page.getByRole("table").getByRole("link", { name: "Sam Okafor", exact: true }).click();
    await page.getByRole("link", { name: "Sam's evidence" }).click();
    const item = page.getByRole("article").filter({ has: page.getByRole("heading", { level: 2, name: "Payments retry redesign" }) });
    await expect(item.getByRole("link", { name: /^Edit/ })).toHaveCount(0);
    const href = (await item.getByRole("link", { name: "Open Payments retry redesign" }).getAttribute("href"))!;

    await visit(href);
    await expect(page.getByRole("heading", { level: 1, name: "Payments retry redesign" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText("Evidence of Sam Okafor");
    await expect(page.getByRole("main")).toContainText("Only Sam can change this evidence.");
    await expect(page.getByRole("main").getByRole("button")).toHaveCount(0);
    await expect(page.getByRole("main").getByRole("textbox")).toHaveCount(0);
    await page.getByRole("link", { name: "All of Sam's evidence" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sam Okafor's evidence" })).toBeVisible();

    const admin = await signInElsewhere("alex");
    await admin.goto(href);
    await expect(admin.getByRole("heading", { level: 1, name: "Payments retry redesign" })).toBeVisible();
    await expect(admin.getByRole("button", { name: "Delete evidence" })).toHaveCount(0);

    const owner = await signInElsewhere("sam");
    await owner.goto(href);
    await expect(owner.getByRole("heading", { level: 1, name: "Edit evidence" })).toBeVisible();
    await expect(owner.getByLabel("Title")).toHaveValue("Payments retry redesign");
    await expect(owner.getByRole("button", { name: "Delete evidence" })).toBeVisible();

    const other = await signInElsewhere("aisha");
    expect((await other.goto(href))?.status()).toBe(404);
  });
});
