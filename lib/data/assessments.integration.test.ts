import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assessments, dimensions, frameworks, frameworkVersions, reviewCycles, steps, users } from "@/db/schema";
import { createDemoDatabase } from "@/test/people";
import { installCountingDatabase } from "@/test/statement-counter";
import type { TestDatabase } from "@/test/database";
import type { Viewer } from "@/lib/auth/policy";
import { ConflictError, InvalidInputError, NotAllowedError, NotFoundError } from "@/lib/errors";
import { listAuditEvents } from "./audit";
import {
  createCycle,
  getAssessment,
  getOpenCycle,
  listAssessmentsFor,
  saveAssessmentDraft,
  listCycles,
  listReviewStatuses,
  setCycleStatus,
  startManagerAssessment,
  startSelfAssessment,
  submitAssessment,
} from "./assessments";

let handle: TestDatabase;
let as: (key: string) => Promise<Viewer>;
/** Lena has no seeded assessment, so her cycle starts empty. */
let engineer: Viewer;
let dims: { id: string; key: string }[];
let stepId: (key: string) => string;

beforeEach(async () => {
  let versionId: string;
  ({ handle, as, versionId } = await createDemoDatabase());
  engineer = await as("lena");
  dims = await handle.db.select({ id: dimensions.id, key: dimensions.key }).from(dimensions).where(eq(dimensions.versionId, versionId)).orderBy(dimensions.position);
  const stepRows = await handle.db.select({ id: steps.id, key: steps.key }).from(steps).where(eq(steps.versionId, versionId));
  stepId = (key) => stepRows.find((s) => s.key === key)!.id;
});
afterEach(async () => {
  await handle.close();
});

const rejection = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as Error);
const fullRatings = () =>
  dims.map((d, i) => ({ dimensionId: d.id, stepId: stepId(i === 0 ? "staff-engineer" : "senior-engineer"), rationale: `Because of project ${i}.` }));

describe("review cycles", () => {
  it("the seed opens the current half-year", async () => {
    expect(await getOpenCycle()).toMatchObject({ name: "2026 H2 review", startsOn: "2026-07-01", endsOn: "2026-12-31", status: "open" });
  });

  it("admins create cycles closed, open one at a time, and close them; others may not", async () => {
    const admin = await as("alex");
    const seeded = (await getOpenCycle())!;
    const { id } = await createCycle(admin, { name: "2027 H1 review", startsOn: "2027-01-01", endsOn: "2027-06-30" });
    expect((await listCycles()).find((c) => c.id === id)).toMatchObject({ status: "closed", revision: 1 });

    const second = await rejection(setCycleStatus(admin, { id, status: "open", revision: 1 }));
    expect(second).toBeInstanceOf(NotAllowedError);
    expect(second?.message).toBe("Close “2026 H2 review” first: one review cycle is open at a time.");
    expect((await getOpenCycle())?.id).toBe(seeded.id);

    await setCycleStatus(admin, { id: seeded.id, status: "closed", revision: seeded.revision });
    await setCycleStatus(admin, { id, status: "open", revision: 1 });
    expect((await getOpenCycle())?.id).toBe(id);
    expect(await rejection(setCycleStatus(admin, { id, status: "closed", revision: 1 }))).toBeInstanceOf(ConflictError);
    expect(await rejection(setCycleStatus(engineer, { id, status: "closed", revision: 2 }))).toBeInstanceOf(NotAllowedError);
    expect(await rejection(setCycleStatus(admin, { id: "nope", status: "closed", revision: 2 }))).toBeInstanceOf(InvalidInputError);
    expect(await rejection(createCycle(engineer, { name: "Mine", startsOn: "2027-01-01", endsOn: "2027-06-30" }))).toBeInstanceOf(NotAllowedError);
    expect(await rejection(createCycle(admin, { name: "Backwards", startsOn: "2027-06-30", endsOn: "2027-01-01" }))).toBeInstanceOf(InvalidInputError);
    const actions = (await listAuditEvents(admin, { entityType: "review_cycle" })).events.map((e) => e.action);
    expect(actions).toEqual(["cycle.open", "cycle.close", "cycle.create", "cycle.seed"]);
  });
});

describe("a self-assessment", () => {
  it("starts as a draft on the engineer's framework version, once per cycle", async () => {
    const cycle = (await getOpenCycle())!;
    const first = await startSelfAssessment(engineer, cycle.id);
    const again = await startSelfAssessment(engineer, cycle.id);
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ kind: "self", status: "draft", revision: 1, versionNumber: 1, subject: { name: "Lena Fischer" }, ratings: [] });
  });

  it("saves drafts, refuses a stale copy, and is the engineer's alone until submitted", async () => {
    const cycle = (await getOpenCycle())!;
    const draft = await startSelfAssessment(engineer, cycle.id);
    // A rationale may come before the pick.
    const saved = await saveAssessmentDraft(engineer, {
      assessmentId: draft.id,
      revision: 1,
      ratings: [{ dimensionId: dims[0]!.id, stepId: null, rationale: "Led the **billing** migration." }],
    });
    expect(saved.revision).toBe(2);
    expect((await getAssessment(engineer, draft.id)).ratings).toEqual([{ dimensionId: dims[0]!.id, stepId: null, rationale: "Led the **billing** migration." }]);

    // A second tab still on revision 1 is refused and changes nothing.
    expect(await rejection(saveAssessmentDraft(engineer, { assessmentId: draft.id, revision: 1, ratings: [] }))).toBeInstanceOf(ConflictError);
    expect((await getAssessment(engineer, draft.id)).ratings).toHaveLength(1);

    // Nobody else sees a draft, not even the manager or an admin.
    for (const who of ["priya", "alex", "sam"]) {
      expect(await rejection(getAssessment(await as(who), draft.id))).toBeInstanceOf(NotFoundError);
      expect(await rejection(saveAssessmentDraft(await as(who), { assessmentId: draft.id, revision: 2, ratings: [] }))).toBeInstanceOf(NotFoundError);
    }
    expect(await listAssessmentsFor(await as("priya"), engineer.id)).toEqual([]);
  });

  it("refuses steps and dimensions of another framework version, and over-long rationales", async () => {
    const cycle = (await getOpenCycle())!;
    const draft = await startSelfAssessment(engineer, cycle.id);
    const [fw] = await handle.db.select().from(frameworks);
    const [other] = await handle.db.insert(frameworkVersions).values({ frameworkId: fw!.id, number: 2, status: "draft" }).returning();
    const [foreignStep] = await handle.db.insert(steps).values({ versionId: other!.id, key: "x", name: "X", position: 0 }).returning();
    const [foreignDim] = await handle.db.insert(dimensions).values({ versionId: other!.id, key: "y", name: "Y", position: 0 }).returning();
    const save = (ratings: { dimensionId: string; stepId: string | null; rationale: string }[]) =>
      rejection(saveAssessmentDraft(engineer, { assessmentId: draft.id, revision: 1, ratings }));
    expect((await save([{ dimensionId: dims[0]!.id, stepId: foreignStep!.id, rationale: "" }]))?.message).toBe(
      "That step is not part of this assessment's framework version.",
    );
    expect((await save([{ dimensionId: foreignDim!.id, stepId: null, rationale: "" }]))?.message).toBe(
      "That dimension is not part of this assessment's framework version.",
    );
    expect(await save([{ dimensionId: dims[0]!.id, stepId: null, rationale: "x".repeat(5001) }])).toBeInstanceOf(InvalidInputError);
    expect(await save([{ dimensionId: "not-an-id", stepId: null, rationale: "" }])).toBeInstanceOf(InvalidInputError);
    expect((await getAssessment(engineer, draft.id)).revision).toBe(1);
  });

  it("submits only with a step and a reason on every dimension, then reads as submitted to the manager chain and is read-only", async () => {
    const cycle = (await getOpenCycle())!;
    const draft = await startSelfAssessment(engineer, cycle.id);
    await saveAssessmentDraft(engineer, { assessmentId: draft.id, revision: 1, ratings: fullRatings().slice(0, 2) });
    const incomplete = await rejection(submitAssessment(engineer, { assessmentId: draft.id, revision: 2 }));
    expect((incomplete as InvalidInputError).fieldErrors).toEqual({ [dims[2]!.id]: ["Pick the step that fits you now for Ownership."] });

    await saveAssessmentDraft(engineer, { assessmentId: draft.id, revision: 2, ratings: fullRatings() });
    await submitAssessment(engineer, { assessmentId: draft.id, revision: 3 });

    const seenByManager = await getAssessment(await as("priya"), draft.id);
    expect(seenByManager).toMatchObject({ status: "submitted", ratings: expect.arrayContaining([expect.objectContaining({ stepId: stepId("staff-engineer") })]) });
    expect((await listAssessmentsFor(await as("alex"), engineer.id)).map((a) => a.status)).toEqual(["submitted"]);
    expect(await rejection(getAssessment(await as("marcus"), draft.id))).toBeInstanceOf(NotFoundError);
    expect(await rejection(getAssessment(await as("sam"), draft.id))).toBeInstanceOf(NotFoundError);

    expect(await rejection(saveAssessmentDraft(engineer, { assessmentId: draft.id, revision: 4, ratings: [] }))).toBeInstanceOf(NotAllowedError);
    // Autosaves of a draft leave no trace in the audit log: its start does, and its content once submitted.
    const events = (await listAuditEvents(await as("alex"), { entityType: "assessment" })).events;
    expect(events.map((e) => e.action)).toEqual(["assessment.submit", "assessment.start", ...Array(5).fill("assessment.seed")]);
    expect(events[0]!.after).toEqual({ kind: "self", ratings: expect.arrayContaining(fullRatings().map((r) => ({ dimensionId: r.dimensionId, stepId: r.stepId }))) });
    expect(JSON.stringify(events[1]!.after)).not.toContain("ratings");
  });

  it("cannot be started or changed in a closed cycle, or with forged ids", async () => {
    const cycle = (await getOpenCycle())!;
    const draft = await startSelfAssessment(engineer, cycle.id);
    await handle.db.update(reviewCycles).set({ status: "closed" }).where(and(eq(reviewCycles.id, cycle.id)));
    expect(await rejection(saveAssessmentDraft(engineer, { assessmentId: draft.id, revision: 1, ratings: [] }))).toBeInstanceOf(NotAllowedError);
    expect(await rejection(startSelfAssessment(await as("mei"), cycle.id))).toBeInstanceOf(NotAllowedError);
    expect(await rejection(startSelfAssessment(engineer, randomUUID()))).toBeInstanceOf(NotFoundError);
    expect(await rejection(getAssessment(engineer, "nope"))).toBeInstanceOf(NotFoundError);
  });
});

describe("drafts left when a cycle closes", () => {
  it("stay readable by their authors alone, as they were left, and can no longer be changed or submitted", async () => {
    const cycle = (await getOpenCycle())!;
    const priya = await as("priya");
    const self = await startSelfAssessment(engineer, cycle.id);
    await saveAssessmentDraft(engineer, { assessmentId: self.id, revision: 1, ratings: fullRatings().slice(0, 1) });
    const managerDraft = await startManagerAssessment(priya, engineer.id, cycle.id);
    await saveAssessmentDraft(priya, { assessmentId: managerDraft.id, revision: 1, ratings: fullRatings() });
    await setCycleStatus(await as("alex"), { id: cycle.id, status: "closed", revision: cycle.revision });

    const lenaSees = await listAssessmentsFor(engineer, engineer.id);
    expect(lenaSees.map((a) => [a.id, a.status, a.cycle.status, a.ratings.length])).toEqual([[self.id, "draft", "closed", 1]]);
    const priyaSees = await listAssessmentsFor(priya, engineer.id);
    expect(priyaSees.map((a) => [a.id, a.status, a.cycle.status, a.ratings.length])).toEqual([[managerDraft.id, "draft", "closed", 3]]);
    expect(await rejection(getAssessment(await as("alex"), self.id))).toBeInstanceOf(NotFoundError);
    expect(await rejection(getAssessment(await as("alex"), managerDraft.id))).toBeInstanceOf(NotFoundError);

    expect(await rejection(saveAssessmentDraft(engineer, { assessmentId: self.id, revision: 2, ratings: [] }))).toBeInstanceOf(NotAllowedError);
    expect(await rejection(submitAssessment(priya, { assessmentId: managerDraft.id, revision: 2 }))).toBeInstanceOf(NotAllowedError);
    expect((await getAssessment(priya, managerDraft.id)).ratings).toHaveLength(3);
  });
});

describe("a manager assessment", () => {
  it("is written by the direct manager against the self-assessment's version, private until submitted, then read by the engineer", async () => {
    const cycle = (await getOpenCycle())!;
    const priya = await as("priya");
    const lena = engineer; // not Sam: the demo already holds Priya's assessment of him
    const self = await startSelfAssessment(lena, cycle.id);
    await saveAssessmentDraft(lena, { assessmentId: self.id, revision: 1, ratings: fullRatings() });
    await submitAssessment(lena, { assessmentId: self.id, revision: 2 });
    const draft = await startManagerAssessment(priya, lena.id, cycle.id);
    expect(draft).toMatchObject({ kind: "manager", status: "draft", author: { name: "Priya Raman" }, subject: { name: "Lena Fischer" } });
    expect(draft.versionId).toBe(self.versionId);
    expect((await startManagerAssessment(priya, lena.id, cycle.id)).id).toBe(draft.id);

    await saveAssessmentDraft(priya, { assessmentId: draft.id, revision: 1, ratings: fullRatings().slice(0, 1) });
    const incomplete = await rejection(submitAssessment(priya, { assessmentId: draft.id, revision: 2 }));
    expect((incomplete as InvalidInputError).fieldErrors[dims[1]!.id]).toEqual(["Pick the step that fits them now for How work is conducted."]);
    // The subject, a skip-level admin and the subject's peers see nothing of a draft.
    for (const who of ["lena", "alex", "sam"]) expect(await rejection(getAssessment(await as(who), draft.id))).toBeInstanceOf(NotFoundError);

    await saveAssessmentDraft(priya, { assessmentId: draft.id, revision: 2, ratings: fullRatings() });
    await submitAssessment(priya, { assessmentId: draft.id, revision: 3 });
    expect((await listAssessmentsFor(lena, lena.id)).map((a) => `${a.kind}:${a.status}`)).toEqual(["self:submitted", "manager:submitted"]);
    expect((await getAssessment(await as("alex"), draft.id)).status).toBe("submitted");
    expect(await rejection(getAssessment(await as("sam"), draft.id))).toBeInstanceOf(NotFoundError);
    expect(await rejection(saveAssessmentDraft(priya, { assessmentId: draft.id, revision: 4, ratings: [] }))).toBeInstanceOf(NotAllowedError);
  });

  it("cannot be started by anyone but the direct manager, and changes nothing when refused", async () => {
    const cycle = (await getOpenCycle())!;
    const lena = engineer;
    const tries: [string, string, typeof NotFoundError | typeof NotAllowedError][] = [
      ["sam", lena.id, NotFoundError], // a peer
      ["marcus", lena.id, NotFoundError], // another team's manager
      ["lena", lena.id, NotAllowedError], // oneself
      ["alex", lena.id, NotAllowedError], // an admin two levels up
      ["priya", (await as("priya")).id, NotAllowedError], // a manager about herself
    ];
    for (const [who, subject, error] of tries) expect(await rejection(startManagerAssessment(await as(who), subject, cycle.id))).toBeInstanceOf(error);
    expect(await rejection(startManagerAssessment(await as("priya"), lena.id, randomUUID()))).toBeInstanceOf(NotFoundError);
    expect(await rejection(startManagerAssessment(await as("priya"), "nope", cycle.id))).toBeInstanceOf(NotFoundError);
    const rows = await handle.db.select().from(assessments).where(and(eq(assessments.kind, "manager"), eq(assessments.subjectId, lena.id)));
    expect(rows).toEqual([]);
  });

  it("passes to the new manager when the reporting line changes mid-cycle", async () => {
    const cycle = (await getOpenCycle())!;
    const priya = await as("priya");
    const lena = engineer;
    const draft = await startManagerAssessment(priya, lena.id, cycle.id);
    await saveAssessmentDraft(priya, { assessmentId: draft.id, revision: 1, ratings: fullRatings() });
    const marcusId = (await as("marcus")).id;
    await handle.db.update(users).set({ managerId: marcusId }).where(eq(users.id, lena.id));

    const stale = await rejection(saveAssessmentDraft(await as("priya"), { assessmentId: draft.id, revision: 2, ratings: [] }));
    expect(stale?.message).toBe("Only Lena Fischer's direct manager writes their manager assessment.");
    const marcus = await as("marcus");
    const taken = await startManagerAssessment(marcus, lena.id, cycle.id);
    expect(taken).toMatchObject({ id: draft.id, author: { name: "Marcus Bell" }, revision: 3 });
    expect(taken.ratings).toHaveLength(3);
    const handOver = (await listAuditEvents(await as("alex"), { entityType: "assessment" })).events.find((e) => e.action === "assessment.hand-over");
    expect(handOver).toMatchObject({ entityId: draft.id, before: { authorId: priya.id }, after: { authorId: marcus.id } });
  });

  it("cannot be started in a closed cycle", async () => {
    const cycle = (await getOpenCycle())!;
    await handle.db.update(reviewCycles).set({ status: "closed" }).where(eq(reviewCycles.id, cycle.id));
    expect(await rejection(startManagerAssessment(await as("priya"), engineer.id, cycle.id))).toBeInstanceOf(NotAllowedError);
  });
});

describe("review statuses for the people list", () => {
  it("show only what the viewer may know: submitted self-assessments, and manager drafts to their author", async () => {
    const cycle = (await getOpenCycle())!;
    const [priya, marcus, alex] = [await as("priya"), await as("marcus"), await as("alex")];
    const [sam, aisha] = [await as("sam"), await as("aisha")];
    await startManagerAssessment(priya, engineer.id, cycle.id);

    const forPriya = await listReviewStatuses(priya, cycle.id, [sam.id, engineer.id, aisha.id]);
    expect(Object.fromEntries(forPriya)).toEqual({
      [sam.id]: { self: "submitted", manager: "submitted" },
      [engineer.id]: { self: null, manager: "draft" },
    });
    // Aisha's self-assessment is a draft: her manager sees nothing of it.
    expect(Object.fromEntries(await listReviewStatuses(marcus, cycle.id, [aisha.id]))).toEqual({ [aisha.id]: { self: null, manager: null } });
    // An admin sees submitted work, not Priya's draft.
    expect((await listReviewStatuses(alex, cycle.id, [engineer.id])).get(engineer.id)).toEqual({ self: null, manager: null });
    expect((await listReviewStatuses(await as("lena"), cycle.id, [sam.id])).size).toBe(0);
  });
});

describe("reading a person's assessments", () => {
  it("costs two statements however many assessments the person has, with names and ratings, and a manager one more to ask the tree", async () => {
    const counter = installCountingDatabase(handle);
    const cycle = (await getOpenCycle())!;
    await startSelfAssessment(engineer, cycle.id);
    const one = await counter.count(() => listAssessmentsFor(engineer, engineer.id));
    expect(one.result).toHaveLength(1);

    // Sam's manager reads Sam's: more than one, across cycles and kinds.
    const priya = await as("priya");
    const sam = await as("sam");
    const many = await counter.count(() => listAssessmentsFor(priya, sam.id));
    expect(many.result.length).toBeGreaterThan(1);
    for (const a of many.result) {
      expect(a.subject).toEqual({ id: sam.id, name: sam.name });
      expect(a.author.name).not.toBe("");
    }
    expect(many.result.some((a) => a.ratings.length > 0)).toBe(true);
    expect(many.statements).toBe(3);
    expect(one.statements).toBe(2);
    // The tree's answer is kept for the rest of the request.
    expect((await counter.count(() => listAssessmentsFor(priya, sam.id))).statements).toBe(2);
  });
});
