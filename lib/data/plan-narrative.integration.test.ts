import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/policy";
import { isoDate } from "@/lib/dates";
import { NotFoundError } from "@/lib/errors";
import { addMonths, monthOf } from "@/lib/plan/choices";
import { addDays } from "@/lib/plan/experiments";
import { quarterOf } from "@/lib/plan/quarters";
import type { TestDatabase } from "@/test/database";
import { createDemoDatabase } from "@/test/people";
import { installCountingDatabase } from "@/test/statement-counter";
import { createEvidence } from "./evidence";
import { saveCheckIn } from "./plan-check-ins";
import { createExperiment } from "./plan-experiments";
import { getNarrativeMarkdown } from "./plan-narrative";
import { addMilestone, savePlanBasics } from "./plans";

/** The quarterly narrative against a real database: what it gathers, and who may read it. */

let handle: TestDatabase;
let as: (key: string) => Promise<Viewer>;
let lena: Viewer;

beforeEach(async () => {
  ({ handle, as } = await createDemoDatabase());
  lena = await as("lena");
});
afterEach(async () => {
  await handle.close();
});

const rejection = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as Error);
const today = isoDate(new Date());

async function writePlan() {
  await savePlanBasics(lena, {
    revision: "0",
    northStar: "The go-to owner of the <b>payments</b> platform.",
    horizon: addMonths(monthOf(new Date()), 30),
    "lanes.0.name": "Technical depth",
    "lanes.0.outcome": "I design the ledger's next storage layer.",
    "lanes.0.metrics": "Two design docs accepted.",
    "lanes.1.name": "Systems thinking and impact",
    "lanes.1.outcome": "",
    "lanes.1.metrics": "",
    "lanes.2.name": "",
    "lanes.2.outcome": "",
    "lanes.2.metrics": "",
  });
  const { id: evidenceId } = await createEvidence(lena, { title: "Ledger storage RFC", kind: "design-doc", occurredOn: today, link: null, body: "", cellIds: [] });
  await addMilestone(lena, { lane: "1", title: "Write the ledger storage design doc", targetWeek: "5", artifact: "design-doc", success: "Accepted by two teams.", evidenceId });
  await createExperiment(lena, { hypothesis: "Leading on-call makes me the reliability person.", startsOn: today, endsOn: addDays(today, 63), actions: "Run the rota.", metrics: "Pages halve.", rollback: "Design work slips." });
  await saveCheckIn(lena, { learning: "Yes, alerting end to end.", learningRating: "4", lookingForward: "Mostly.", lookingForwardRating: "3", connected: "Yes.", connectedRating: "4", impact: "Pages halved.", impactRating: "5" });
}

describe("a plan's quarterly narrative", () => {
  it("gathers the quarter's milestones, experiments, evidence and last check-in against the north star, as Markdown", async () => {
    await writePlan();
    const { owner, quarter, markdown } = await getNarrativeMarkdown(lena, lena.id);
    expect(owner).toBe("Lena Fischer");
    expect(quarter).toBe(quarterOf(new Date()).label);
    expect(markdown).toContain(`# Lena Fischer: ${quarter}`);
    // Text is text: markup in a north star is escaped, not passed through.
    expect(markdown).toContain("The go-to owner of the \\<b\\>payments\\</b\\> platform.");
    expect(markdown).toContain("### Technical depth");
    expect(markdown).toContain("- [ ] Write the ledger storage design doc: week 5");
    expect(markdown).toContain("  - Evidence: Ledger storage RFC");
    expect(markdown).toContain("- Leading on-call makes me the reliability person.");
    expect(markdown).toContain(": Ledger storage RFC (Design doc)");
    expect(markdown).toContain("- **Am I making an impact?** Very much (5 of 5). Pages halved.");
    // A lane with no milestone says so.
    expect(markdown).toContain("### Systems thinking and impact\n\n_No milestones this quarter._");
  });

  it("reads in the same number of statements however much the plan holds", async () => {
    expect((await getNarrativeMarkdown(lena, lena.id)).markdown).toContain("_No north star written yet._");
    await writePlan();
    const counter = installCountingDatabase(handle);
    const one = await counter.count(async () => getNarrativeMarkdown(await as("lena"), lena.id));
    for (let i = 0; i < 6; i++) {
      await addMilestone(lena, { lane: "2", title: `Milestone ${i}`, targetWeek: String(i + 1), artifact: "talk", success: "Given once.", evidenceId: "" });
      await createExperiment(lena, { hypothesis: `Experiment ${i}`, startsOn: today, endsOn: addDays(today, 30), actions: "Try it.", metrics: "It shows.", rollback: "Stop if not." });
      await createEvidence(lena, { title: `Evidence ${i}`, kind: "design-doc", occurredOn: today, link: null, body: "", cellIds: [] });
    }
    const many = await counter.count(async () => getNarrativeMarkdown(await as("lena"), lena.id));
    expect(many.result.markdown).toContain("Experiment 5");
    expect(many.statements).toBe(one.statements);
  });

  it("is read by the owner's manager chain and admins, and not found for anyone else", async () => {
    await writePlan();
    for (const who of ["priya", "alex"]) expect((await getNarrativeMarkdown(await as(who), lena.id)).markdown).toContain("### Technical depth");
    for (const who of ["sam", "marcus"]) expect(await rejection(getNarrativeMarkdown(await as(who), lena.id)), who).toBeInstanceOf(NotFoundError);
    for (const id of [randomUUID(), "not-an-id", "x' or 1=1 --"]) expect(await rejection(getNarrativeMarkdown(lena, id)), id).toBeInstanceOf(NotFoundError);
  });
});
