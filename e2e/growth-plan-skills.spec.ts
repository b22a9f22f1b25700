import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

/** The starter list's rows on the form, in order: three skills and two empty rows per area. */
const ROW = { readableCode: 0, debugging: 2, newInCore: 3, ci: 5, observability: 6, systemDesign: 10 } as const;

test.describe("growth plan: skills and direction", () => {
  test("an engineer rates skills and sees the top gaps, sets an archetype mix (one not adding up to 100 refused); the manager adds a rating and reads the rest; another engineer gets not found", async ({
    page,
    signInAs,
    signInElsewhere,
    visit,
  }) => {
    // Five people sign in, and every page is checked with axe: longer than one page's test.
    test.setTimeout(150_000);
    await signInAs("lena");
    await visit("/plan");
    await page.getByRole("link", { name: "Skills inventory" }).click();
    await expect(page).toHaveURL(/\/plan\/skills$/);
    await expect(page.getByRole("heading", { level: 1, name: "Skills inventory" })).toBeVisible();
    await expect(page.locator("#area-0")).toHaveValue("Core coding and design");
    await expectAccessible(page);

    const rate = async (row: number, rating: string, target: string) => {
      await page.locator(`#skill-${row}-rating`).selectOption(rating);
      await page.locator(`#skill-${row}-target`).selectOption(target);
    };
    await rate(ROW.readableCode, "2", "5");
    await rate(ROW.ci, "3", "4");
    await rate(ROW.observability, "2", "4");
    await rate(ROW.systemDesign, "1", "5");
    // A second skill by the same name in one area is refused beside it, what was typed kept.
    await page.locator(`#skill-${ROW.newInCore}-name`).fill("Debugging");
    await page.getByRole("button", { name: "Save skills" }).click();
    await expect(page.getByTestId("form-message")).toHaveText("Nothing was saved: check the highlighted fields.");
    await expect(page.locator(`#skill-${ROW.newInCore}-name-error`)).toHaveText("This area has another skill by this name.");
    await expect(page.locator(`#skill-${ROW.systemDesign}-rating`)).toHaveValue("1");
    await expectAccessible(page);
    await page.locator(`#skill-${ROW.newInCore}-name`).fill("Performance");
    await page.getByRole("button", { name: "Save skills" }).click();
    await expect(page.getByTestId("form-message")).toHaveText("Your skills are saved.");

    const gaps = page.getByRole("region", { name: "Top gaps" });
    await expect(gaps.getByRole("heading", { level: 3 })).toHaveText(["System design", "Readable, tested code", "Observability"]);
    await expect(gaps).toContainText("Gap 1 · 4 points");
    await page.locator("#gap-0-read").fill("Designing Data-Intensive Applications, chapters 5 to 9.");
    await page.locator("#gap-0-practise").fill("Write the design of the ledger split.");
    await page.locator("#gap-0-show").fill("The design doc, reviewed by two staff engineers.");
    await page.getByRole("button", { name: "Save actions" }).click();
    await expect(gaps.getByTestId("form-message")).toHaveText("Your actions are saved.");
    await page.reload();
    await expect(page.locator("#gap-0-practise")).toHaveValue("Write the design of the ledger split.");
    await expect(page.locator(`#skill-${ROW.newInCore}-name`)).toHaveValue("Performance");

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expectNoSidewaysScroll(page);
    await page.setViewportSize({ width: 1280, height: 900 });

    // Direction: the roads beside hers, where she leans, and a mix that must add up to 100.
    await visit("/plan");
    await page.getByRole("link", { name: "Direction and archetypes" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Direction" })).toBeVisible();
    const roads = page.getByRole("region", { name: "The roads ahead" });
    await expect(roads.getByRole("link", { name: "Engineering management" })).toHaveAttribute("href", "/path?framework=engineering-management");
    await expectAccessible(page);
    await page.getByLabel("Deeper technical expertise (staff and beyond)").check();
    await page.getByLabel("Why").fill("I want to keep designing systems, and the ledger needs an owner.");
    const mix = async (side: "current" | "wanted", [techLead, architect, solver, rightHand]: number[]) => {
      for (const [key, value] of Object.entries({ techLead, architect, solver, rightHand })) await page.locator(`#${side}-${key}`).fill(String(value));
    };
    await mix("current", [30, 20, 40, 10]);
    await mix("wanted", [30, 40, 20, 20]);
    await page.getByRole("button", { name: "Save direction" }).click();
    await expect(page.getByTestId("form-message")).toHaveText("Nothing was saved: check the highlighted fields.");
    await expect(page.locator("#wanted-error")).toHaveText("The mix you want adds up to 110%: make the four shares add up to 100.");
    await expect(page.locator("#wanted-rightHand")).toHaveValue("20");
    await expectAccessible(page);
    await page.locator("#wanted-rightHand").fill("10");
    await page.getByRole("button", { name: "Save direction" }).click();
    await expect(page.getByTestId("form-message")).toHaveText("Your direction is saved.");
    const chart = page.getByRole("figure");
    await expect(chart).toContainText("You want 20 points more Architect, 20 fewer Solver.");
    await expect(chart.getByRole("table")).toContainText("Architect20%40%");
    await expectAccessible(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expectNoSidewaysScroll(page);

    // Her manager adds a rating beside hers, and reads the rest.
    const lenaId = (await page.getByTestId("signed-in-as").getByRole("link").getAttribute("href"))!.split("/").pop()!;
    const manager = await signInElsewhere("priya");
    await manager.goto(`/people/${lenaId}/plan`);
    await manager.getByRole("link", { name: "Skills inventory" }).click();
    await expect(manager.getByRole("heading", { level: 1, name: "Lena Fischer's skills" })).toBeVisible();
    await expect(manager.getByRole("region", { name: "Top gaps" })).toContainText("Write the design of the ledger split.");
    await manager.getByLabel("Your rating of System design").selectOption("2");
    await manager.getByRole("button", { name: "Save my ratings" }).click();
    await expect(manager.getByTestId("form-message")).toHaveText("Your ratings are saved.");
    await expectAccessible(manager);
    await manager.setViewportSize({ width: 390, height: 844 });
    await manager.reload();
    await expectNoSidewaysScroll(manager);
    await manager.goto(`/people/${lenaId}/plan/direction`);
    await expect(manager.getByRole("main")).toContainText("Deeper technical expertise (staff and beyond)");
    await expect(manager.getByRole("figure")).toContainText("Lena wants 20 points more Architect, 20 fewer Solver.");
    await expect(manager.getByRole("main").getByRole("textbox")).toHaveCount(0);
    await expectAccessible(manager);
    await expectNoSidewaysScroll(manager);

    await page.setViewportSize({ width: 1280, height: 900 });
    await visit("/plan/skills");
    await expect(page.getByText("Priya Raman rates it 2 of 5")).toBeVisible();

    const admin = await signInElsewhere("alex");
    await admin.goto("/audit?action=plan.skills.rate");
    await expect(admin.getByTestId("audit-event").filter({ hasText: "Priya Raman rated Lena Fischer’s skills" })).toContainText("System design: not rated → 2");

    for (const who of ["aisha", "marcus"] as const) {
      const other = await signInElsewhere(who);
      for (const part of ["skills", "direction"]) expect((await other.goto(`/people/${lenaId}/plan/${part}`))?.status(), `${who} ${part}`).toBe(404);
    }
  });
});
