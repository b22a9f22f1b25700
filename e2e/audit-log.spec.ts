import type { Locator, Page } from "@playwright/test";
import { demo, expect, expectAccessible, test } from "./fixtures";

/** The audit log: its filters, its list of events and its pages. */
class AuditLog {
  constructor(readonly page: Page) {}

  get events(): Locator {
    return this.page.getByTestId("audit-event");
  }
  get showing(): Locator {
    return this.page.getByTestId("audit-showing");
  }
  get pages(): Locator {
    return this.page.getByRole("navigation", { name: "Pages of the audit log" });
  }
  get filters(): Locator {
    return this.page.getByRole("search", { name: "Filter the audit log" });
  }

  async apply(fields: { person?: string; action?: string; concerning?: string; from?: string; to?: string; order?: string }) {
    const f = this.filters;
    if (fields.person !== undefined) await f.getByLabel("Person").fill(fields.person);
    if (fields.action !== undefined) await f.getByLabel("Action").selectOption({ label: fields.action });
    if (fields.concerning !== undefined) await f.getByLabel("Concerning").selectOption({ label: fields.concerning });
    if (fields.from !== undefined) await f.getByLabel("From").fill(fields.from);
    if (fields.to !== undefined) await f.getByLabel("To").fill(fields.to);
    if (fields.order !== undefined) await f.getByLabel("Order").selectOption({ label: fields.order });
    // A plain GET form: the browser loads the page anew.
    await Promise.all([this.page.waitForEvent("load"), f.getByRole("button", { name: "Apply" }).click()]);
  }

  async clear() {
    await this.filters.getByRole("link", { name: "Clear" }).click();
    await this.page.waitForURL(/\/audit$/);
  }
}

/** Enough changes for the log to need several pages: one team, renamed back and forth. */
const RENAMES = 64;

test.describe("the audit log", () => {
  test("reads like a history, pages through it, and narrows it by person, action and date", async ({ page, signInAs, visit }) => {
    test.setTimeout(120_000);
    await signInAs("alex");
    await visit("/teams");
    await page.getByLabel("New team").fill("Release guild");
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page.getByText("The team Release guild was created.")).toBeVisible();
    await page.getByRole("link", { name: "Rename Release guild", exact: true }).click();
    const teamId = await page.locator("form", { has: page.getByLabel("Name of Release guild", { exact: true }) }).locator('input[name="id"]').inputValue();
    const form = page.locator("form", { has: page.locator(`input[name="id"][value="${teamId}"]`) });
    const revision = `input[name="id"][value="${teamId}"] ~ input[name="revision"]`;
    for (let i = 1; i <= RENAMES; i++) {
      await form.getByRole("textbox").fill(i % 2 ? "Release guild (renamed)" : "Release guild");
      await form.getByRole("button", { name: "Rename" }).click();
      // Each rename starts from the revision the last one left; waiting for it frame by frame keeps this quick.
      await page.waitForFunction(([selector, value]) => document.querySelector<HTMLInputElement>(selector)?.value === value, [revision, String(i + 1)] as const);
    }

    const log = new AuditLog(page);
    await visit("/audit");
    await expect(log.showing).toHaveText(/^Showing 1–50 of (\d+) events · page 1 of (\d+), newest first\.$/);
    const [, total, pages] = (await log.showing.textContent())!.match(/of (\d+) events · page 1 of (\d+)/)!.map(Number);
    expect(total).toBeGreaterThan(100);
    expect(pages).toBe(Math.ceil(total! / 50));
    await expect(log.events).toHaveCount(50);
    // The newest change, in words, with the team linked.
    const newest = log.events.first();
    await expect(newest).toContainText("Alex Morgan renamed the team Release guild");
    await expect(newest).toContainText("Name: Release guild (renamed) → Release guild");
    await expect(newest.getByRole("link", { name: "Release guild" })).toHaveAttribute("href", "/teams");
    await expect(newest.locator("time")).toHaveText(/^\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}$/);

    // Page by page, the current page marked.
    await expect(log.pages.getByRole("link", { name: "Page 1" })).toHaveAttribute("aria-current", "page");
    await log.pages.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/\/audit\?page=2$/);
    await expect(log.showing).toHaveText(`Showing 51–100 of ${total} events · page 2 of ${pages}, newest first.`);
    await expect(log.pages.getByRole("link", { name: "Page 2" })).toHaveAttribute("aria-current", "page");
    await log.pages.getByRole("link", { name: `Page ${pages}` }).click();
    await expect(log.events).toHaveCount(total! - (pages! - 1) * 50);
    await expect(log.pages.getByRole("link", { name: "Next" })).toHaveCount(0);
    // The oldest event closes the log: the demo's own set-up.
    await expect(log.events.last()).toContainText(/^.*Waymark created the review cycle .+ with the demo organisation/);

    // A person, found by searching: what they did and what was done to them.
    await page.goto("/audit");
    await log.apply({ person: "okafor" });
    const people = page.getByRole("region", { name: /One person matches “okafor”/ });
    await expect(people.getByRole("link")).toHaveText([`${demo.sam.name} ${demo.sam.email}`]);
    await expect(log.events.first()).toBeVisible();
    await expect(log.events.filter({ hasNotText: demo.sam.name })).toHaveCount(0);
    await people.getByRole("link").click();
    await expect(page).toHaveURL(/\/audit\?person=[0-9a-f-]{36}$/);
    await expect(page.getByTestId("audit-people")).toContainText(`Events by or about ${demo.sam.name} (${demo.sam.email})`);
    await expect(log.events.filter({ hasText: `${demo.sam.name}’s evidence` }).first()).toBeVisible();
    await expectAccessible(page);
    // A search that matches more people than it lists asks for more letters.
    await log.apply({ person: "example.com" });
    await expect(page.getByRole("region", { name: /More than 10 people match “example\.com”/ }).getByRole("link")).toHaveCount(10);

    // An action, then oldest first, then a date range with nothing in it.
    await log.clear();
    await log.apply({ action: "Team renamed" });
    await expect(log.showing).toHaveText(`Showing 1–50 of ${RENAMES} events · page 1 of 2, newest first.`);
    await expect(log.events.getByTestId("audit-action")).toHaveText(Array(50).fill("Team renamed"));
    await log.apply({ order: "Oldest first" });
    await expect(page).toHaveURL(/action=team\.rename&.*sort=oldest/);
    await expect(log.events.first()).toContainText("Name: Release guild → Release guild (renamed)");
    await log.clear();
    await log.apply({ concerning: "Promotion cases" });
    await expect(log.events.getByTestId("audit-action").first()).toHaveText(/promotion case/i);
    await log.apply({ from: "1990-01-01", to: "2000-01-01" });
    await expect(page.getByText("Nothing in the log matches this view.")).toBeVisible();
    await expectAccessible(page);
  });

  test("answers malformed and out-of-range queries with the nearest sensible page", async ({ page, signInAs }) => {
    await signInAs("alex");
    const log = new AuditLog(page);
    const long = "x".repeat(10_000);
    for (const query of [`?page=-1&sort=sideways&type=widget&action=nope&person=not-an-id&q=${long}`, "?page=1e400&from=2026-02-30&to=9999-99-99", "?q=%00&person=%00"]) {
      const response = await page.goto(`/audit${query}`);
      expect(response?.status(), query.slice(0, 60)).toBe(200);
      await expect(log.showing).toHaveText(/^Showing 1–50 of \d+ events · page 1 of \d+, newest first\.$/);
    }
    const response = await page.goto("/audit?page=1000000000");
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("audit-problems")).toContainText(/There are \d+ pages: this is the last one\./);
    await expect(log.pages.locator('[aria-current="page"]')).toHaveText(/^\d+$/);
  });

  test("fits a phone: each event a card, nothing scrolls sideways", async ({ page, signInAs, visit }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs("alex");
    await visit("/audit?q=example.com");
    await expect(new AuditLog(page).events.first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
