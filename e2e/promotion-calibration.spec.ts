import { expect, expectAccessible, test } from "./fixtures";
import { AssessmentEditor, ReviewPage } from "./pages";

const DIMENSIONS = ["Scope of influence", "How work is conducted", "Ownership"];
const today = () => new Date().toISOString().slice(0, 10);
const longToday = () => new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

test.describe("promotion cases and calibration", () => {
  test("Ravi self-assesses; Jonas assesses him and proposes Staff Engineer with evidence; Marcus and Alex pre-vote; Alex compares, approves, closes and publishes; Ravi sees his new step", async ({
    page,
    signInAs,
    signInElsewhere,
    visit,
  }) => {
    test.slow();
    await signInAs("ravi");
    await page.goto("/assessment");
    const editor = new AssessmentEditor(page);
    await editor.start();
    await editor.place(Object.fromEntries(DIMENSIONS.map((d) => [d, { step: "Staff Engineer", reason: `The event bus RFC shows staff-level ${d.toLowerCase()}.` }])));
    await editor.expectSaved();
    await editor.submit();
    await expect(page.getByRole("heading", { name: /^Submitted / })).toBeVisible();

    // Jonas, his manager, assesses him and opens a case.
    const jonas = await signInElsewhere("jonas");
    await jonas.goto("/people");
    await jonas.getByRole("link", { name: "Ravi Patel" }).first().click();
    await expect(jonas.getByRole("heading", { level: 1, name: "Ravi Patel" })).toBeVisible();
    const raviPage = jonas.url();
    await jonas.getByRole("link", { name: /^Assess Ravi/ }).click();
    const jonasEditor = new AssessmentEditor(jonas);
    await jonasEditor.start("Start my assessment of Ravi");
    await jonasEditor.place({
      "Scope of influence": { step: "Staff Engineer", reason: "Four teams publish through his event bus." },
      "How work is conducted": { step: "Staff Engineer", reason: "Runs reviews across teams." },
      Ownership: { step: "Senior Engineer", reason: "Owns the bus, not yet the teams' adoption work." },
    });
    await jonasEditor.expectSaved();
    await jonasEditor.submit("Submit manager assessment");
    await expect(new ReviewPage(jonas).gaps).toContainText("Self-placement 1 step further on");

    await jonas.goto(raviPage);
    await jonas.getByRole("link", { name: "Open a promotion case" }).click();
    await expectAccessible(jonas);
    await jonas.getByRole("radio", { name: /Staff Engineer/ }).check();
    await jonas.getByRole("button", { name: "Open the case" }).click();
    await jonas.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await expect(jonas.getByRole("heading", { level: 1 })).toHaveText("Ravi Patel: Senior Engineer → Staff Engineer");
    const caseUrl = jonas.url();

    // The draft is not Ravi's to see.
    await page.goto(caseUrl);
    await expect(page.getByRole("heading", { name: "Not found" }).or(page.getByText(/not found/i)).first()).toBeVisible();

    await jonas.getByRole("textbox", { name: "Narrative" }).fill("Ravi wrote the **event bus RFC** and ran its review with four teams; all of them now publish through it.");
    await jonas.getByRole("checkbox", { name: /Event bus RFC adopted by four teams/ }).check();
    await jonas.getByRole("button", { name: "Save case" }).click();
    await expect(jonas.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    await expect(jonas.getByTestId("target-cell-scope-of-influence")).toContainText("Event bus RFC adopted by four teams");
    await expect(jonas.getByTestId("target-cell-ownership")).toContainText("No evidence for this cell.");
    await expectAccessible(jonas);
    await jonas.getByRole("button", { name: "Propose for calibration" }).click();
    await expect(jonas.getByText("Proposed", { exact: true })).toBeVisible();
    await expect(jonas.getByRole("button", { name: "Withdraw case" })).toBeVisible();

    // Proposed, the case shows on Ravi's home page, without an outcome.
    await page.goto("/");
    await expect(page.getByTestId("my-case")).toContainText("Senior Engineer → Staff Engineer");
    await expect(page.getByTestId("my-case")).toContainText("You will see the outcome here once it is published.");

    // Marcus and Alex pre-vote; neither sees the other's vote before the session starts.
    const marcus = await signInElsewhere("marcus");
    await marcus.goto("/calibration");
    await marcus.getByRole("link", { name: "2026 H2 calibration" }).click();
    await marcus.waitForURL(/\/calibration\/[0-9a-f-]{36}$/);
    const sessionUrl = marcus.url();
    const marcusCard = marcus.getByRole("article", { name: "Ravi Patel" });
    await marcusCard.getByRole("radio", { name: "Support" }).check();
    await marcusCard.getByLabel("Note (optional)").fill("The RFC changed how four teams work.");
    await marcusCard.getByRole("button", { name: "Record pre-vote" }).click();
    await expect(marcusCard.getByRole("status")).toContainText("Your pre-vote is recorded");
    await expectAccessible(marcus);

    const alex = await signInElsewhere("alex");
    await alex.goto(sessionUrl);
    const card = alex.getByRole("article", { name: "Ravi Patel" });
    await expect(card).not.toContainText("Marcus Bell");
    await card.getByRole("radio", { name: "Question" }).check();
    await card.getByLabel("Note (optional)").fill("Is ownership there yet?");
    await card.getByRole("button", { name: "Record pre-vote" }).click();
    await expect(card.getByRole("status")).toContainText("Your pre-vote is recorded");

    // Alex starts the session: every pre-vote shows, and Ravi's case reads beside the others going to Staff Engineer.
    alex.once("dialog", (d) => void d.accept());
    await alex.getByRole("button", { name: "Start the session" }).click();
    await expect(alex.getByText("In session", { exact: true })).toBeVisible();
    await expect(card).toContainText("Marcus Bell: Support — The RFC changed how four teams work.");
    await expect(card).toContainText("Alex Morgan: Question — Is ownership there yet?");
    const staff = alex.locator("details").filter({ hasText: "To Staff Engineer ·" });
    const columns = staff.getByTestId("side-by-side").getByRole("columnheader");
    await expect(columns).toContainText(["Dimension", /Ravi Patel/, /Sam Okafor|Aisha Khan/, /Sam Okafor|Aisha Khan/]);
    await expect(staff).toContainText("Already at Staff Engineer");
    await expectAccessible(alex);

    // A decision needs a rationale.
    await card.getByRole("radio", { name: "Approve" }).check();
    await card.getByLabel("Effective on (for an approval)").fill(today());
    await card.getByRole("button", { name: "Record decision" }).click();
    await expect(card.getByText("Write the rationale: the engineer reads it with the outcome.")).toBeVisible();
    await card.getByLabel("Rationale").fill("Staff-level scope across four teams; ownership will follow with the adoption work.");
    await card.getByRole("button", { name: "Record decision" }).click();
    await expect(card.getByText("Approved, effective")).toBeVisible();
    await expect(card.getByRole("button", { name: "Record decision" })).toHaveCount(0);

    // The other cases are deferred, then the session closes and its outcomes are published.
    for (let left = await alex.getByRole("button", { name: "Record decision" }).count(); left > 0; left--) {
      const form = alex.locator("form").filter({ has: alex.getByRole("button", { name: "Record decision" }) }).first();
      await form.getByRole("radio", { name: "Defer" }).check();
      await form.getByLabel("Rationale").fill("Deferred to the next cycle: more evidence on the target cells first.");
      await form.getByRole("button", { name: "Record decision" }).click();
      await expect(alex.getByRole("button", { name: "Record decision" })).toHaveCount(left - 1);
    }
    alex.once("dialog", (d) => void d.accept());
    await alex.getByRole("button", { name: "Close the session" }).click();
    await expect(alex.getByRole("button", { name: "Publish the outcomes" })).toBeVisible();
    // Closed but not published: Ravi still sees no outcome.
    await page.reload();
    await expect(page.getByTestId("my-case")).toContainText("You will see the outcome here once it is published.");
    alex.once("dialog", (d) => void d.accept());
    await alex.getByRole("button", { name: "Publish the outcomes" }).click();
    await expect(alex.getByText(/outcomes published/)).toBeVisible();

    // Ravi's home page: the new step, time at it from today, and the decision with its rationale.
    await visit("/");
    await expect(page.getByRole("heading", { level: 2, name: "Staff Engineer" })).toBeVisible();
    await expect(page.getByText(`Since ${longToday()}`)).toBeVisible();
    await expect(page.getByTestId("my-case")).toContainText(`Approved, effective ${longToday()}`);
    await expect(page.getByTestId("my-case")).toContainText("Staff-level scope across four teams");
  });

  test("the packet prints without navigation, section by section, and downloads as Markdown", async ({ page, signInAs, visit }) => {
    await signInAs("priya");
    await page.goto("/calibration");
    await page.getByRole("link", { name: /calibration$/ }).first().click();
    await page.getByRole("article", { name: "Mei Chen" }).getByRole("link", { name: "Mei Chen" }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseUrl = new URL(page.url()).pathname;
    await visit(`${caseUrl}/packet`);
    await expect(page.getByRole("heading", { level: 2, name: "What Software Engineer II expects, and the evidence" })).toBeVisible();
    await expect(page.getByTestId("target-cell-scope-of-influence")).toContainText("Shipped the CSV export");
    await expect(page.getByTestId("target-cell-ownership")).toContainText("No evidence for this cell.");

    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("banner")).toBeHidden();
    await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
    const breaks = await page.locator("section[aria-labelledby^='packet-']").evaluateAll((sections) => sections.map((s) => getComputedStyle(s).breakBefore));
    expect(breaks[0]).not.toBe("page");
    expect(breaks.slice(1).every((b) => b === "page")).toBe(true);
    for (const format of ["A4", "Letter"] as const) {
      const pdf = await page.pdf({ format, printBackground: true });
      expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    }

    const response = await page.request.get(`${caseUrl}/packet.md`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/markdown");
    expect(response.headers()["content-disposition"]).toContain("promotion-case-mei-chen.md");
    const text = await response.text();
    expect(text).toContain("# Promotion case: Mei Chen");
    expect(text).toContain("**No evidence for this cell.**");
    expect(text).toContain("| Dimension | Self | Manager | Gap |");
  });
});
