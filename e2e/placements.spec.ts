import { expect, expectAccessible, test } from "./fixtures";
import { longDate } from "../lib/dates";

/**
 * An admin places a new person on a step, places them again and corrects a placement; the person
 * page shows the history. The person is made here, so no other spec's demo people change.
 */

const today = new Date().toISOString().slice(0, 10);
/** Today as pages show a date. */
const todayShown = longDate(today);

test("an admin adds a person on a step, places them again, corrects a placement, and the history shows each", async ({ page, signInAs, visit }) => {
  await signInAs("alex");
  await visit("/people/new");
  await page.getByLabel("Email").fill(`pia.place.${Date.now()}@example.com`);
  await page.getByLabel("Name").fill("Pia Place");
  await page.getByLabel("Step").selectOption({ label: "Software Engineer II" });
  await expect(page.getByLabel("Effective from")).toHaveValue(today);
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Pia Place was added.");
  await page.getByRole("link", { name: "Open their page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pia Place" })).toBeVisible();
  await expect(page.getByText(`Software Engineer II since ${todayShown}`)).toBeVisible();

  const history = page.getByRole("region", { name: "Placement history" }).getByRole("table");
  await expect(history.getByRole("row").nth(1)).toContainText("Software Engineer II");
  await expect(history.getByRole("row").nth(1)).toContainText("Initial placement");
  await expect(history.getByRole("row").nth(1)).toContainText("Alex Morgan");

  // Placing her on a step before her current placement is refused beside the date.
  const place = page.getByRole("region", { name: "Place on a step" });
  await place.getByLabel("Step").selectOption({ label: "Software Engineer III" });
  await place.getByLabel("Effective from").fill("2020-01-01");
  await expect(place.getByLabel("Reason")).toHaveValue("correction");
  await place.getByLabel("Note").fill("Her offer was for the third step.");
  await place.getByRole("button", { name: "Place on this step" }).click();
  await expect(place.getByTestId("form-message")).toHaveText("Nothing was saved: check the highlighted fields.");
  await expect(place.getByLabel("Effective from")).toHaveAttribute("aria-invalid", "true");
  await expect(place.getByLabel("Note")).toHaveValue("Her offer was for the third step.");
  await expectAccessible(page);

  await place.getByLabel("Effective from").fill(today);
  await place.getByRole("button", { name: "Place on this step" }).click();
  await expect(place.getByTestId("form-message")).toHaveText("Placed on Software Engineer III.");
  await expect(history.getByRole("row").nth(1)).toContainText("Software Engineer III");
  await expect(history.getByRole("row").nth(1)).toContainText("Correction");
  await expect(history.getByRole("row").nth(1)).toContainText("Her offer was for the third step.");

  // Correct the first placement's note in place.
  const first = page.locator("details", { has: page.locator("summary", { hasText: "Software Engineer II from" }) });
  await first.locator("summary").click();
  await first.getByLabel("Note").fill("Entered when she joined.");
  await first.getByRole("button", { name: "Save correction" }).click();
  await expect(page.getByTestId("form-message").filter({ hasText: "Corrected." })).toBeVisible();
  await expect(history).toContainText("Entered when she joined.");

  // On a phone the history is stacked, with nothing to scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await visit(page.url());
  await expect(page.getByRole("region", { name: "Placement history" })).toContainText("Software Engineer III");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("a manager reads a report's placement history, with no way to change it", async ({ page, signInAs }) => {
  await signInAs("priya");
  await page.goto("/people");
  await page.getByRole("link", { name: "Lena Fischer", exact: true }).click();
  const history = page.getByRole("region", { name: "Placement history" });
  await expect(history.getByRole("table")).toContainText("Software Engineer II");
  await expect(page.getByRole("region", { name: "Place on a step" })).toHaveCount(0);
  await expect(history.locator("summary")).toHaveCount(0);
  await expectAccessible(page);
});
