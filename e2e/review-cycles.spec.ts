import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { AssessmentEditor } from "./pages";

/** Opens or closes a review cycle from the cycles page, saying yes when asked. */
async function setCycle(admin: Page, name: string, to: "Open" | "Close") {
  await admin.goto("/cycles");
  admin.once("dialog", (dialog) => void dialog.accept());
  await admin.getByRole("table").getByRole("button", { name: `${to} ${name}` }).click();
  await expect(admin.getByRole("table").getByRole("button", { name: `${to === "Open" ? "Close" : "Open"} ${name}` })).toBeVisible();
}

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
    const sam = page.getByRole("table").getByRole("row").filter({ has: page.getByRole("link", { name: "Sam Okafor", exact: true }) });
    await expect(sam.getByRole("cell").last()).toContainText("Manager assessment done");
    await sam.getByRole("link", { name: "Sam Okafor", exact: true }).click();
    await page.getByRole("link", { name: /^Open review\s*, 2026 H2 review$/ }).click();
    await expect(page.getByTestId("gap-count")).toHaveText("1 gap to talk about");

    const engineer = await signInElsewhere("sam");
    expect((await engineer.goto("/cycles"))?.status()).toBe(404);
  });

  test("drafts left when a cycle closes stay readable, read-only, by their authors alone", async ({ page, signInAs, signInElsewhere, visit }) => {
    // Priya starts her assessment of Diego and leaves it as a draft.
    await signInAs("priya");
    await page.goto("/people");
    await page.getByRole("table").getByRole("link", { name: "Diego Alvarez", exact: true }).click();
    await page.getByRole("link", { name: /^Assess Diego/ }).click();
    await expect(page).toHaveURL(/\/assessment\?cycle=/);
    const reviewUrl = page.url();
    const editor = new AssessmentEditor(page);
    await editor.start("Start my assessment of Diego");
    await editor.place({ Ownership: { step: "Software Engineer III", reason: "Owns the deploy pipeline end to end." } });
    await editor.expectSaved();

    const admin = await signInElsewhere("alex");
    await setCycle(admin, "2026 H2 review", "Close");
    try {
      // Aisha's seeded self-assessment was never submitted: she still reads it, and cannot change it.
      const aisha = await signInElsewhere("aisha");
      await aisha.goto("/assessment");
      const earlier = aisha.getByRole("region", { name: "Earlier cycles" });
      await expect(earlier.locator("summary")).toContainText("2026 H2 review · Not submitted; the cycle closed");
      await expect(earlier.getByTestId("unsubmitted-note")).toContainText("it can no longer be changed");
      await expect(earlier).toContainText("Search relevance is my domain; the roadmap is mine.");
      await expect(aisha.getByRole("button", { name: "Submit self-assessment" })).toHaveCount(0);
      await expect(aisha.getByRole("main").getByRole("textbox")).toHaveCount(0);

      // Priya finds her draft on Diego's review page, read-only.
      await visit(reviewUrl);
      const draft = page.getByRole("region", { name: "Your manager assessment of Diego" });
      await expect(draft.getByTestId("unsubmitted-note")).toHaveText("Not submitted; the cycle closed. Only you can read this draft; it can no longer be changed.");
      await expect(draft).toContainText("Owns the deploy pipeline end to end.");
      await expect(page.getByRole("button", { name: "Submit manager assessment" })).toHaveCount(0);
      await expect(page.getByRole("main").getByRole("radio")).toHaveCount(0);

      // Diego sees nothing of it.
      const diego = await signInElsewhere("diego");
      await diego.goto(reviewUrl);
      await expect(diego.getByText("Nothing was submitted for 2026 H2 review.")).toBeVisible();
      await expect(diego.getByText("Owns the deploy pipeline")).toHaveCount(0);
    } finally {
      // The other specs expect the cycle open.
      await setCycle(admin, "2026 H2 review", "Open");
    }
  });
});
