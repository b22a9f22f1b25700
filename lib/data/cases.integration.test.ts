import { randomUUID } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { latestPlacement } from "@/db/placement-store";
import { auditEvents, calibrationSessions, cells, evidence, evidenceCells, placements, promotionCases, reviewCycles, steps, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/policy";
import { ConflictError, InvalidInputError, NotAllowedError, NotFoundError } from "@/lib/errors";
import type { TestDatabase } from "@/test/database";
import { createDemoDatabase } from "@/test/people";
import { castVote, closeSession, createSession, decideCase, getBoard, listSessions, publishSession, startSession } from "./calibration";
import { createCase, discardCase, getCase, getCaseChoices, listCasesAbout, listMyCases, proposeCase, updateCase, withdrawCase } from "./cases";

let handle: TestDatabase;
let as: (key: string) => Promise<Viewer>;
let idOf: (key: string) => Promise<string>;
let stepId: (key: string) => string;

beforeEach(async () => {
  ({ handle, as, idOf } = await createDemoDatabase());
  // These tests build their own cases and sessions; the seeded calibration is tried in the seed's own test.
  await handle.db.delete(promotionCases);
  await handle.db.delete(calibrationSessions);
  const rows = await handle.db.select({ id: steps.id, key: steps.key }).from(steps);
  stepId = (key) => rows.find((s) => s.key === key)!.id;
});
afterEach(async () => {
  await handle.close();
});

const rejection = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as Error);
const fieldErrors = async (p: Promise<unknown>) => {
  const err = await rejection(p);
  expect(err).toBeInstanceOf(InvalidInputError);
  return (err as InvalidInputError).fieldErrors;
};
const caseCount = async () => (await handle.db.select({ id: promotionCases.id }).from(promotionCases)).length;

/** Sam (Senior Engineer, Priya's report) with a case to Staff Engineer backed by one evidence item on a Staff cell. */
async function samsCase() {
  const priya = await as("priya");
  const sam = await idOf("sam");
  const { id } = await createCase(priya, { subjectId: sam, toStepId: stepId("staff-engineer") });
  const [staffCell] = await handle.db.select({ id: cells.id }).from(cells).where(eq(cells.stepId, stepId("staff-engineer"))).limit(1);
  const [item] = await handle.db
    .insert(evidence)
    .values({ ownerId: sam, title: "Led the cross-team queue migration", kind: "design-doc", occurredOn: "2026-05-01" })
    .returning({ id: evidence.id });
  await handle.db.insert(evidenceCells).values({ evidenceId: item!.id, cellId: staffCell!.id });
  await updateCase(priya, { id, revision: 1, narrative: "Sam has **led** two cross-team migrations.", evidenceIds: [item!.id] });
  return { id, priya, sam, evidenceId: item!.id };
}

async function openSession(calibratorKeys: string[]) {
  const alex = await as("alex");
  const [cycle] = await handle.db.select({ id: reviewCycles.id }).from(reviewCycles).where(eq(reviewCycles.status, "open"));
  const ids = await Promise.all(calibratorKeys.map(idOf));
  const { id } = await createSession(alex, { reviewCycleId: cycle!.id, name: "H2 calibration", heldOn: "2026-12-10", calibratorIds: ids });
  return { id, alex };
}

describe("promotion cases", () => {
  it("the manager chain opens a case to a step that opens from the current one, and only there", async () => {
    const priya = await as("priya");
    const sam = await idOf("sam");
    const choices = await getCaseChoices(priya, sam);
    expect(choices.placement?.stepName).toBe("Senior Engineer");
    expect(choices.targets.map((t) => t.name).sort()).toEqual(["Senior Engineer II", "Staff Engineer"]);

    const unreachable = await fieldErrors(createCase(priya, { subjectId: sam, toStepId: stepId("principal-engineer") }));
    expect(unreachable.toStepId).toEqual(["Choose a step that opens from Senior Engineer."]);
    expect(await fieldErrors(createCase(priya, { subjectId: sam, toStepId: "not-an-id" }))).toHaveProperty("toStepId");
    expect(await caseCount()).toBe(0);

    await createCase(priya, { subjectId: sam, toStepId: stepId("staff-engineer") });
    const second = await fieldErrors(createCase(priya, { subjectId: sam, toStepId: stepId("senior-engineer-2") }));
    expect(second.toStepId).toEqual(["This person already has an open case in this review cycle."]);
    expect(await caseCount()).toBe(1);
  });

  it("nobody outside the chain opens one, and nobody opens one about themselves", async () => {
    const sam = await idOf("sam");
    expect(await rejection(createCase(await as("marcus"), { subjectId: sam, toStepId: stepId("staff-engineer") }))).toBeInstanceOf(NotFoundError);
    expect(await rejection(createCase(await as("diego"), { subjectId: sam, toStepId: stepId("staff-engineer") }))).toBeInstanceOf(NotFoundError);
    expect(await rejection(createCase(await as("sam"), { subjectId: sam, toStepId: stepId("staff-engineer") }))).toBeInstanceOf(NotAllowedError);
    expect(await rejection(createCase(await as("priya"), { subjectId: randomUUID(), toStepId: stepId("staff-engineer") }))).toBeInstanceOf(NotFoundError);
    // Alex is Priya's manager, so Sam is in Alex's chain too.
    await createCase(await as("alex"), { subjectId: sam, toStepId: stepId("staff-engineer") });
    expect(await caseCount()).toBe(1);
  });

  it("the subject sees the case once it is proposed, not the draft", async () => {
    const { id, priya, sam } = await samsCase();
    const samViewer = await as("sam");
    expect(await rejection(getCase(samViewer, id))).toBeInstanceOf(NotFoundError);
    expect(await listCasesAbout(samViewer, sam)).toEqual([]);
    await proposeCase(priya, { id, revision: 2 });
    expect((await getCase(samViewer, id)).status).toBe("proposed");
    expect((await listMyCases(samViewer)).map((c) => c.id)).toEqual([id]);
    expect(await rejection(getCase(await as("marcus"), id))).toBeInstanceOf(NotFoundError);
  });

  it("the case page reads the target step cell by cell, with evidence, assessments and flags", async () => {
    const { id, priya } = await samsCase();
    const view = await getCase(priya, id);
    expect(view.packet?.from.name).toBe("Senior Engineer");
    expect(view.packet?.to.name).toBe("Staff Engineer");
    const backed = view.packet!.cells.filter((c) => c.evidence.length > 0);
    expect(backed).toHaveLength(1);
    expect(backed[0]!.evidence[0]!.title).toBe("Led the cross-team queue migration");
    const unbacked = view.packet!.flags.filter((f) => f.kind === "unbacked");
    expect(unbacked.length).toBe(view.packet!.cells.filter((c) => c.cell).length - 1);
  });

  it("edits are checked: evidence must be the subject's, the narrative is bounded, a stale copy is refused", async () => {
    const { id, priya } = await samsCase();
    const [other] = await handle.db
      .insert(evidence)
      .values({ ownerId: await idOf("diego"), title: "Not Sam's", kind: "other", occurredOn: "2026-01-01" })
      .returning({ id: evidence.id });
    expect((await fieldErrors(updateCase(priya, { id, revision: 2, narrative: "x", evidenceIds: [other!.id] }))).evidenceIds).toBeDefined();
    expect((await fieldErrors(updateCase(priya, { id, revision: 2, narrative: "x".repeat(20_001), evidenceIds: [] }))).narrative).toBeDefined();
    expect(await rejection(updateCase(priya, { id, revision: 1, narrative: "stale", evidenceIds: [] }))).toBeInstanceOf(ConflictError);
    expect((await getCase(priya, id)).narrative).toBe("Sam has **led** two cross-team migrations.");
  });

  it("a case cannot be proposed without a narrative; a draft can be discarded, a proposed case withdrawn", async () => {
    const priya = await as("priya");
    const lena = await idOf("lena");
    const { id } = await createCase(priya, { subjectId: lena, toStepId: stepId("software-engineer-3") });
    expect((await fieldErrors(proposeCase(priya, { id, revision: 1 }))).narrative).toBeDefined();
    await discardCase(priya, { id, revision: 1 });
    expect(await caseCount()).toBe(0);

    const { id: again } = await createCase(priya, { subjectId: lena, toStepId: stepId("software-engineer-3") });
    await updateCase(priya, { id: again, revision: 1, narrative: "Ready.", evidenceIds: [] });
    await proposeCase(priya, { id: again, revision: 2 });
    await withdrawCase(priya, { id: again, revision: 3 });
    expect((await getCase(priya, again)).status).toBe("withdrawn");
    // A withdrawn case no longer blocks a new one in the same cycle.
    await createCase(priya, { subjectId: lena, toStepId: stepId("software-engineer-3") });
  });
});

describe("calibration", () => {
  it("walks a case from proposal to a published promotion", async () => {
    const { id, priya, sam } = await samsCase();
    await proposeCase(priya, { id, revision: 2 });
    const { id: sessionId, alex } = await openSession(["priya", "marcus"]);
    const marcus = await as("marcus");

    // Pre-votes are private until the session starts; Marcus cannot read Sam, so he neither sees nor votes on the case.
    await castVote(priya, { caseId: id, stance: "support", note: "Clear staff scope." });
    await castVote(alex, { caseId: id, stance: "question", note: "Where is the ownership evidence?" });
    expect(await rejection(castVote(marcus, { caseId: id, stance: "against", note: "" }))).toBeInstanceOf(NotFoundError);
    expect((await getBoard(marcus, sessionId)).cases).toEqual([]);
    let board = await getBoard(priya, sessionId);
    expect(board.cases[0]!.votes.map((v) => v.voter.name)).toEqual(["Priya Raman"]);

    // Withdrawal and decisions follow the session's state.
    expect(await rejection(decideCase(alex, { id, revision: 3, outcome: "approved", rationale: "Yes", effectiveOn: "2027-01-01" }))).toBeInstanceOf(NotAllowedError);
    await startSession(alex, { id: sessionId, revision: 1 });
    expect(await rejection(withdrawCase(priya, { id, revision: 3 }))).toBeInstanceOf(NotAllowedError);
    expect(await rejection(castVote(priya, { caseId: id, stance: "against", note: "" }))).toBeInstanceOf(NotAllowedError);
    board = await getBoard(priya, sessionId);
    expect(board.cases[0]!.votes.map((v) => v.voter.name)).toEqual(["Alex Morgan", "Priya Raman"]);

    // Priya proposed it, so she cannot decide it; a decision needs a rationale.
    expect(await rejection(decideCase(priya, { id, revision: 3, outcome: "approved", rationale: "Yes", effectiveOn: "2027-01-01" }))).toBeInstanceOf(NotAllowedError);
    expect((await fieldErrors(decideCase(alex, { id, revision: 3, outcome: "approved", rationale: " ", effectiveOn: "2027-01-01" }))).rationale).toBeDefined();
    expect((await fieldErrors(decideCase(alex, { id, revision: 3, outcome: "approved", rationale: "Yes", effectiveOn: "2027-02-30" }))).effectiveOn).toBeDefined();
    await decideCase(alex, { id, revision: 3, outcome: "approved", rationale: "Consistent staff-level scope.", effectiveOn: "2027-01-01" });
    expect(await rejection(decideCase(alex, { id, revision: 4, outcome: "declined", rationale: "Changed my mind" }))).toBeInstanceOf(NotAllowedError);

    // Not published yet: Sam does not see the outcome, and his step has not changed.
    const samViewer = await as("sam");
    expect(await getCase(samViewer, id)).toMatchObject({ status: "proposed", visibleDecision: null, decision: null });
    expect((await listMyCases(samViewer))[0]).toMatchObject({ status: "proposed", decision: null });
    expect((await latestPlacement(handle.db, sam))?.stepName).toBe("Senior Engineer");
    expect(await rejection(publishSession(alex, { id: sessionId, revision: 2 }))).toBeInstanceOf(NotAllowedError);
    await closeSession(alex, { id: sessionId, revision: 2 });
    expect(await rejection(decideCase(alex, { id, revision: 4, outcome: "declined", rationale: "Late" }))).toBeInstanceOf(NotAllowedError);
    const { placed } = await publishSession(alex, { id: sessionId, revision: 3 });
    expect(placed).toBe(1);

    const placement = await latestPlacement(handle.db, sam);
    expect(placement).toMatchObject({ stepName: "Staff Engineer", effectiveOn: "2027-01-01", reason: "promotion" });
    expect((await getCase(samViewer, id)).visibleDecision).toMatchObject({ outcome: "approved", rationale: "Consistent staff-level scope." });
    const actions = (await handle.db.select({ action: auditEvents.action }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(12)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["case.create", "case.update", "case.propose", "case.vote", "case.decide", "calibration.start", "calibration.close", "calibration.publish", "placement.promote"]));
  });

  it("a session closes only when every case is decided, and only admins run it", async () => {
    const { id, priya } = await samsCase();
    await proposeCase(priya, { id, revision: 2 });
    const { id: sessionId, alex } = await openSession(["priya"]);
    expect(await rejection(startSession(priya, { id: sessionId, revision: 1 }))).toBeInstanceOf(NotAllowedError);
    await startSession(alex, { id: sessionId, revision: 1 });
    const refused = await rejection(closeSession(alex, { id: sessionId, revision: 2 }));
    expect(refused?.message).toMatch(/One case is not decided yet/);
    expect((await listSessions(priya)).map((s) => s.id)).toEqual([sessionId]);
    expect(await rejection(listSessions(await as("sam")))).toBeInstanceOf(NotAllowedError);
    expect(await rejection(getBoard(await as("marcus"), sessionId))).toBeInstanceOf(NotFoundError);
  });

  it("refuses sessions with engineers as calibrators, a second session per cycle, and votes from outside", async () => {
    const alex = await as("alex");
    const [cycle] = await handle.db.select({ id: reviewCycles.id }).from(reviewCycles).where(eq(reviewCycles.status, "open"));
    const bad = await fieldErrors(createSession(alex, { reviewCycleId: cycle!.id, name: "X", heldOn: "2026-12-10", calibratorIds: [await idOf("sam")] }));
    expect(bad.calibratorIds).toBeDefined();
    await createSession(alex, { reviewCycleId: cycle!.id, name: "X", heldOn: "2026-12-10", calibratorIds: [] });
    expect((await fieldErrors(createSession(alex, { reviewCycleId: cycle!.id, name: "Y", heldOn: "2026-12-10", calibratorIds: [] }))).reviewCycleId).toBeDefined();
    expect(await rejection(createSession(await as("priya"), { reviewCycleId: cycle!.id, name: "Z", heldOn: "2026-12-10", calibratorIds: [] }))).toBeInstanceOf(NotAllowedError);

    const { id, priya } = await samsCase();
    await proposeCase(priya, { id, revision: 2 });
    // Priya is not a calibrator of this session.
    expect(await rejection(castVote(priya, { caseId: id, stance: "support", note: "" }))).toBeInstanceOf(NotAllowedError);
    expect(await rejection(castVote(alex, { caseId: randomUUID(), stance: "support", note: "" }))).toBeInstanceOf(NotFoundError);
  });

  it("an approval takes effect after the person reached their step, and publishing refuses a case whose person moved since", async () => {
    const { id, priya, sam } = await samsCase();
    await proposeCase(priya, { id, revision: 2 });
    const { id: sessionId, alex } = await openSession(["priya"]);
    await startSession(alex, { id: sessionId, revision: 1 });
    const placed = (await latestPlacement(handle.db, sam))!;
    const early = await fieldErrors(decideCase(alex, { id, revision: 3, outcome: "approved", rationale: "Yes", effectiveOn: placed.effectiveOn }));
    expect(early.effectiveOn).toEqual([`Choose a date after ${placed.effectiveOn}, when they reached Senior Engineer.`]);
    await decideCase(alex, { id, revision: 3, outcome: "approved", rationale: "Yes", effectiveOn: "2027-01-01" });
    await closeSession(alex, { id: sessionId, revision: 2 });
    // Meanwhile an admin placed Sam elsewhere by hand.
    await handle.db.insert(placements).values({ userId: sam, versionId: placed.versionId, stepId: stepId("senior-engineer-2"), effectiveOn: "2026-12-01", reason: "correction" });
    const refused = await rejection(publishSession(alex, { id: sessionId, revision: 3 }));
    expect(refused?.message).toBe("Nothing was published: Sam Okafor has been deactivated or placed elsewhere since the decision. Place them by hand, then publish.");
    expect((await latestPlacement(handle.db, sam))?.stepName).toBe("Senior Engineer II");
  });

  it("keeps votes out of the audit log, small groups out of the references, and other people's cases out of a manager's counts", async () => {
    const { id, priya } = await samsCase();
    await proposeCase(priya, { id, revision: 2 });
    const { id: sessionId } = await openSession(["priya", "marcus"]);
    await castVote(priya, { caseId: id, stance: "against", note: "Secret until the session starts." });
    const [vote] = await handle.db.select({ after: auditEvents.after }).from(auditEvents).where(eq(auditEvents.action, "case.vote"));
    expect(JSON.stringify(vote!.after)).not.toMatch(/against|Secret/);

    const marcus = await as("marcus");
    expect((await listSessions(marcus)).map((s) => s.cases)).toEqual([null]);
    expect((await listSessions(await as("alex")))[0]!.cases).toBe(1);
    // Diego is the one person at Staff Engineer: Priya may read him, Marcus may not.
    const priyaBoard = await getBoard(priya, sessionId);
    const reference = priyaBoard.references.find((r) => r.stepId === stepId("staff-engineer"))!;
    expect(reference).toMatchObject({ people: 1, others: 0, names: [{ name: "Diego Alvarez" }] });
    const [subject] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, "aisha.khan@example.com"));
    await handle.db.update(promotionCases).set({ subjectId: subject!.id }).where(eq(promotionCases.id, id));
    const marcusBoard = await getBoard(marcus, sessionId);
    const hidden = marcusBoard.references.find((r) => r.stepId === stepId("staff-engineer"))!;
    expect(hidden).toMatchObject({ people: null, others: null, names: [], placedAs: null });
  });

  it("a draft left when the calibration starts can still be discarded, not edited", async () => {
    const priya = await as("priya");
    const lena = await idOf("lena");
    const { id } = await createCase(priya, { subjectId: lena, toStepId: stepId("software-engineer-3") });
    const { id: sessionId, alex } = await openSession(["priya"]);
    await startSession(alex, { id: sessionId, revision: 1 });
    expect((await getCase(priya, id)).can).toMatchObject({ edit: false, propose: false, discard: true });
    expect(await rejection(updateCase(priya, { id, revision: 1, narrative: "Late", evidenceIds: [] }))).toBeInstanceOf(NotAllowedError);
    await discardCase(priya, { id, revision: 1 });
    expect(await caseCount()).toBe(0);
  });

  it("a case on a closed cycle cannot be proposed", async () => {
    const { id, priya } = await samsCase();
    await handle.db.update(reviewCycles).set({ status: "closed" });
    expect(await rejection(proposeCase(priya, { id, revision: 2 }))).toBeInstanceOf(NotAllowedError);
    expect((await getCase(priya, id)).status).toBe("draft");
  });
});
