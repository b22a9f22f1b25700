import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Page objects for the screens several specs drive: they say what a person does ("pick Software
 * Engineer II for Ownership", "add this evidence") and keep the locators in one place.
 */

/** The assessment editor: the matrix with a radio button per cell, and a reason per dimension. */
export class AssessmentEditor {
  constructor(readonly page: Page) {}

  /** The radio button that picks a step in one dimension's column of the matrix. */
  picker(step: string, dimension: string): Locator {
    return this.page.getByRole("radio", { name: new RegExp(`^${step}, ${dimension}: `) });
  }

  reason(dimension: string): Locator {
    return this.page.getByRole("region", { name: dimension }).getByLabel("Why? (Markdown)");
  }

  get saveStatus(): Locator {
    return this.page.getByTestId("save-status");
  }

  async start(label = "Start my self-assessment") {
    await this.page.getByRole("button", { name: label }).click();
  }

  /** Picks a step and says why, for each dimension given. */
  async place(picks: Record<string, { step: string; reason: string }>) {
    for (const [dimension, { step, reason }] of Object.entries(picks)) {
      await this.picker(step, dimension).check();
      await this.reason(dimension).fill(reason);
    }
  }

  async expectSaved() {
    await expect(this.saveStatus).toHaveText(/Saved at/);
  }

  async submit(label = "Submit self-assessment") {
    await this.page.getByRole("button", { name: label }).click();
  }
}

export type EvidenceItem = { title: string; kind: string; date?: string; body?: string; link?: string; cells?: string[] };

/** The evidence form at /evidence/new and /evidence/<id>. */
export class EvidenceForm {
  constructor(readonly page: Page) {}

  cell(name: string): Locator {
    return this.page.getByRole("checkbox", { name });
  }

  async fill(item: EvidenceItem) {
    await this.page.getByLabel("Title").fill(item.title);
    await this.page.getByLabel("Kind").selectOption({ label: item.kind });
    if (item.date) await this.page.getByLabel("Date").fill(item.date);
    if (item.link !== undefined) await this.page.getByLabel("Link").fill(item.link);
    if (item.body !== undefined) await this.page.getByLabel(/What happened/).fill(item.body);
    for (const cell of item.cells ?? []) await this.cell(cell).check();
  }

  /** Opens a new form, fills it, adds the item and waits for the library. */
  async add(item: EvidenceItem) {
    await this.page.goto("/evidence/new");
    await this.fill(item);
    await this.page.getByRole("button", { name: "Add evidence" }).click();
    await expect(this.page).toHaveURL(/\/evidence$/);
  }
}

/** A review: the self-assessment beside the manager's, with the gaps and the reasons. */
export class ReviewPage {
  constructor(readonly page: Page) {}

  get reasons(): Locator {
    return this.page.getByRole("region", { name: "Reasons" });
  }

  get gapCount(): Locator {
    return this.page.getByTestId("gap-count");
  }

  get gaps(): Locator {
    return this.page.getByRole("region", { name: "Self-placement beside the manager's" });
  }

  get picksMatrix(): Locator {
    return this.page.getByRole("table", { name: "Picks on the career path matrix" });
  }
}

export type PlanLane = { name?: string; outcome?: string; metrics?: string };

/** The growth plan form at /plan: the north star, the month it is meant for, and three lane cards. */
export class PlanForm {
  constructor(readonly page: Page) {}

  get northStar(): Locator {
    return this.page.getByLabel("Where you are heading");
  }

  get horizon(): Locator {
    return this.page.getByLabel("By when");
  }

  lane(position: number): Locator {
    return this.page.getByRole("group", { name: `Lane ${position}` });
  }

  /** The errors shown beside a field, by its id ("northStar", "lane-3-name"). */
  error(id: string): Locator {
    return this.page.locator(`#${id}-error`);
  }

  get message(): Locator {
    return this.page.getByTestId("form-message");
  }

  async fillLane(position: number, lane: PlanLane) {
    const card = this.lane(position);
    if (lane.name !== undefined) await card.getByLabel("Name").fill(lane.name);
    if (lane.outcome !== undefined) await card.getByLabel("Outcome").fill(lane.outcome);
    if (lane.metrics !== undefined) await card.getByLabel("Metrics").fill(lane.metrics);
  }

  async save() {
    await this.page.getByRole("button", { name: "Save plan" }).click();
  }
}
