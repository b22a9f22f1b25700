import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { recordAudit } from "@/db/audit";
import type { Db, Tx } from "@/db/client";
import { versionIdFor } from "@/db/placement-store";
import { getDatabase } from "@/db/runtime";
import { assessments, dimensions, frameworkVersions, ratings, reviewCycles, steps, users } from "@/db/schema";
import { canManagePeople, canReadPerson, type Viewer } from "@/lib/auth/policy";
import { createCycleSchema, saveDraftSchema, setCycleStatusSchema, submitSchema } from "@/lib/assessments/schemas";
import { ConflictError, InvalidInputError, isUniqueViolation, NotAllowedError, NotFoundError } from "@/lib/errors";
import { isUuid, parseInput, type FormFields } from "@/lib/validation";
import { lockForEdit } from "./revision";
import { mayReadPerson, readablePeople } from "./viewer";
import type { z } from "zod";

/**
 * Review cycles, self-assessments and manager assessments. A draft is its author's alone; once
 * submitted an assessment is read by its subject, their manager chain and admins, and never
 * changes again. A manager assessment is written by the subject's direct manager.
 */

export type CycleView = { id: string; name: string; startsOn: string; endsOn: string; status: "open" | "closed"; revision: number };

export type AssessmentView = {
  id: string;
  kind: "self" | "manager";
  status: "draft" | "submitted";
  revision: number;
  submittedAt: Date | null;
  updatedAt: Date;
  subject: { id: string; name: string };
  author: { id: string; name: string };
  cycle: CycleView;
  versionId: string;
  versionNumber: number;
  ratings: { dimensionId: string; stepId: string | null; rationale: string }[];
};

const cycleColumns = {
  id: reviewCycles.id,
  name: reviewCycles.name,
  startsOn: reviewCycles.startsOn,
  endsOn: reviewCycles.endsOn,
  status: reviewCycles.status,
  revision: reviewCycles.revision,
};

/** Cycles, newest first. Everyone signed in may see them: they are the organisation's calendar. */
export async function listCycles(): Promise<CycleView[]> {
  const { db } = await getDatabase();
  return db.select(cycleColumns).from(reviewCycles).orderBy(desc(reviewCycles.startsOn), desc(reviewCycles.createdAt));
}

/** For the cycles page: how many self- and manager assessments each cycle holds, submitted. Admins only. */
export async function countSubmittedByCycle(viewer: Viewer): Promise<Map<string, { self: number; manager: number }>> {
  if (!canManagePeople(viewer)) throw new NotAllowedError("Only admins can see review cycle totals.");
  const { db } = await getDatabase();
  const rows = await db
    .select({ cycleId: assessments.cycleId, kind: assessments.kind, count: sql<number>`count(*)::int` })
    .from(assessments)
    .where(eq(assessments.status, "submitted"))
    .groupBy(assessments.cycleId, assessments.kind);
  const counts = new Map<string, { self: number; manager: number }>();
  for (const r of rows) {
    const entry = counts.get(r.cycleId) ?? { self: 0, manager: 0 };
    entry[r.kind] = r.count;
    counts.set(r.cycleId, entry);
  }
  return counts;
}

export async function getOpenCycle(): Promise<CycleView | null> {
  return (await listCycles()).find((c) => c.status === "open") ?? null;
}

export async function createCycle(viewer: Viewer, raw: z.input<typeof createCycleSchema> | FormFields): Promise<{ id: string; name: string }> {
  if (!canManagePeople(viewer)) throw new NotAllowedError("Only admins can create review cycles.");
  const input = parseInput(createCycleSchema, raw);
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    // A new cycle waits, closed, until an admin opens it: one cycle is open at a time.
    const [row] = await tx.insert(reviewCycles).values({ ...input, status: "closed" }).returning({ id: reviewCycles.id });
    await recordAudit(tx, { actorId: viewer.id, action: "cycle.create", entityType: "review_cycle", entityId: row!.id, after: { ...input, status: "closed" } });
    return { id: row!.id, name: input.name };
  });
}

export async function setCycleStatus(viewer: Viewer, raw: z.input<typeof setCycleStatusSchema> | FormFields): Promise<{ status: "open" | "closed" }> {
  if (!canManagePeople(viewer)) throw new NotAllowedError("Only admins can open or close review cycles.");
  const input = parseInput(setCycleStatusSchema, raw);
  const { db } = await getDatabase();
  const change = db.transaction(async (tx) => {
    const before = await lockForEdit(tx, {
      table: reviewCycles,
      id: input.id,
      revision: input.revision,
      what: "That review cycle",
      load: async (id) => (await tx.select(cycleColumns).from(reviewCycles).where(eq(reviewCycles.id, id)).for("update"))[0],
    });
    if (before.status === input.status) return;
    await tx.update(reviewCycles).set({ status: input.status }).where(eq(reviewCycles.id, input.id));
    await recordAudit(tx, {
      actorId: viewer.id,
      action: input.status === "open" ? "cycle.open" : "cycle.close",
      entityType: "review_cycle",
      entityId: input.id,
      before: { status: before.status },
      after: { status: input.status },
    });
  });
  await change.catch(async (err: unknown) => {
    if (!isUniqueViolation(err)) throw err;
    const open = await getOpenCycle();
    throw new NotAllowedError(`Close ${open ? `“${open.name}”` : "the open cycle"} first: one review cycle is open at a time.`);
  });
  return { status: input.status };
}

type AssessmentAccess = { kind: "self" | "manager"; status: "draft" | "submitted"; subjectId: string; authorId: string };

/**
 * Whether the viewer may read this assessment at all, once its subject's place in the viewer's
 * tree has been asked (`readablePeople`, or `mayReadAssessment` for one).
 */
function canReadAssessment(viewer: Viewer, a: AssessmentAccess): boolean {
  if (a.authorId === viewer.id) return true;
  if (a.status !== "submitted") return false;
  return canReadPerson(viewer, a.subjectId);
}

/** `canReadAssessment` for one assessment, asking the tree about its subject first where it matters. */
async function mayReadAssessment(viewer: Viewer, db: Db | Tx, a: AssessmentAccess): Promise<boolean> {
  if (a.authorId !== viewer.id && a.status === "submitted") await mayReadPerson(viewer, db, a.subjectId);
  return canReadAssessment(viewer, a);
}

const subjects = alias(users, "subjects");
const authors = alias(users, "authors");

/** The most assessments of one person a page lists: two a cycle, so decades of half-yearly cycles. */
const ASSESSMENTS_PER_PERSON = 100;

/** Assessments with their cycle, version and the names of subject and author, in one statement. */
function selectAssessments(db: Tx | Awaited<ReturnType<typeof getDatabase>>["db"]) {
  return db
    .select({
      id: assessments.id,
      kind: assessments.kind,
      status: assessments.status,
      revision: assessments.revision,
      submittedAt: assessments.submittedAt,
      updatedAt: assessments.updatedAt,
      subjectId: assessments.subjectId,
      subjectName: subjects.name,
      authorId: assessments.authorId,
      authorName: authors.name,
      versionId: assessments.versionId,
      versionNumber: frameworkVersions.number,
      cycle: cycleColumns,
    })
    .from(assessments)
    .innerJoin(reviewCycles, eq(reviewCycles.id, assessments.cycleId))
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, assessments.versionId))
    .innerJoin(subjects, eq(subjects.id, assessments.subjectId))
    .innerJoin(authors, eq(authors.id, assessments.authorId));
}

type AssessmentRow = Awaited<ReturnType<ReturnType<typeof selectAssessments>["where"]>>[number];

/** The views of assessments already read, with the ratings of all of them in one more statement. */
async function toViews(rows: AssessmentRow[]): Promise<AssessmentView[]> {
  if (rows.length === 0) return [];
  const { db } = await getDatabase();
  const ratingRows = await db
    .select({ assessmentId: ratings.assessmentId, dimensionId: ratings.dimensionId, stepId: ratings.stepId, rationale: ratings.rationale })
    .from(ratings)
    .where(inArray(ratings.assessmentId, rows.map((r) => r.id)));
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    status: row.status,
    revision: row.revision,
    submittedAt: row.submittedAt,
    updatedAt: row.updatedAt,
    subject: { id: row.subjectId, name: row.subjectName },
    author: { id: row.authorId, name: row.authorName },
    cycle: row.cycle,
    versionId: row.versionId,
    versionNumber: row.versionNumber,
    ratings: ratingRows.filter((r) => r.assessmentId === row.id).map(({ dimensionId, stepId, rationale }) => ({ dimensionId, stepId, rationale })),
  }));
}

export async function getAssessment(viewer: Viewer, id: string): Promise<AssessmentView> {
  const { db } = await getDatabase();
  const [row] = isUuid(id) ? await selectAssessments(db).where(eq(assessments.id, id)) : [];
  if (!row || !(await mayReadAssessment(viewer, db, row))) throw new NotFoundError("That assessment");
  return (await toViews([row]))[0]!;
}

export type ReviewStatus = { self: "submitted" | null; manager: "draft" | "submitted" | null };

/**
 * Where each person's review stands in a cycle, as far as the viewer may know: a self-assessment
 * counts once submitted, a manager assessment draft only for its author. People the viewer may
 * not read are left out.
 */
export async function listReviewStatuses(viewer: Viewer, cycleId: string, personIds: string[]): Promise<Map<string, ReviewStatus>> {
  const { db } = await getDatabase();
  const readable = await readablePeople(viewer, db, personIds);
  const statuses = new Map<string, ReviewStatus>(readable.map((id) => [id, { self: null, manager: null }]));
  if (!isUuid(cycleId) || readable.length === 0) return statuses;
  const rows = await db
    .select({ subjectId: assessments.subjectId, kind: assessments.kind, status: assessments.status, authorId: assessments.authorId })
    .from(assessments)
    .where(and(eq(assessments.cycleId, cycleId), inArray(assessments.subjectId, readable)));
  for (const row of rows) {
    if (!canReadAssessment(viewer, row)) continue;
    const entry = statuses.get(row.subjectId)!;
    if (row.kind === "self" && row.status === "submitted") entry.self = "submitted";
    if (row.kind === "manager") entry.manager = row.status;
  }
  return statuses;
}

/** A person's assessments that the viewer may read, newest cycle first. */
export async function listAssessmentsFor(viewer: Viewer, subjectId: string): Promise<AssessmentView[]> {
  const { db } = await getDatabase();
  if (!(await mayReadPerson(viewer, db, subjectId))) throw new NotFoundError("That person");
  const rows = await selectAssessments(db)
    .where(eq(assessments.subjectId, subjectId))
    .orderBy(desc(reviewCycles.startsOn), asc(assessments.kind))
    .limit(ASSESSMENTS_PER_PERSON);
  return toViews(rows.filter((r) => canReadAssessment(viewer, r)));
}

/** The viewer's own self-assessment for a cycle: the existing one, or a new draft if the cycle is open. */
export async function startSelfAssessment(viewer: Viewer, cycleId: string): Promise<AssessmentView> {
  if (!isUuid(cycleId)) throw new NotFoundError("That review cycle");
  const { db } = await getDatabase();
  const id = await db.transaction(async (tx) => {
    const [cycle] = await tx.select(cycleColumns).from(reviewCycles).where(eq(reviewCycles.id, cycleId));
    if (!cycle) throw new NotFoundError("That review cycle");
    const [existing] = await tx
      .select({ id: assessments.id })
      .from(assessments)
      .where(and(eq(assessments.kind, "self"), eq(assessments.subjectId, viewer.id), eq(assessments.cycleId, cycleId)));
    if (existing) return existing.id;
    if (cycle.status !== "open") throw new NotAllowedError("This review cycle is closed.");
    const versionId = await versionIdFor(tx, viewer.id);
    if (!versionId) throw new NotAllowedError("There is no published career path to assess against yet.");
    const [row] = await tx
      .insert(assessments)
      .values({ kind: "self", subjectId: viewer.id, authorId: viewer.id, versionId, cycleId })
      .onConflictDoNothing()
      .returning({ id: assessments.id });
    if (!row) {
      // Another tab started it a moment ago.
      const [again] = await tx
        .select({ id: assessments.id })
        .from(assessments)
        .where(and(eq(assessments.kind, "self"), eq(assessments.subjectId, viewer.id), eq(assessments.cycleId, cycleId)));
      return again!.id;
    }
    await recordAudit(tx, { actorId: viewer.id, action: "assessment.start", entityType: "assessment", entityId: row.id, after: { kind: "self", cycleId } });
    return row.id;
  });
  return getAssessment(viewer, id);
}

/** The framework version a person is placed on, or the newest published one. */

/**
 * The manager assessment of a direct report for a cycle: the existing one, or a new draft if the
 * cycle is open. A draft left by a previous manager passes to the new one, with an audit event.
 */
export async function startManagerAssessment(viewer: Viewer, subjectId: string, cycleId: string): Promise<AssessmentView> {
  const { db } = await getDatabase();
  if (!(await mayReadPerson(viewer, db, subjectId))) throw new NotFoundError("That person");
  if (!isUuid(cycleId)) throw new NotFoundError("That review cycle");
  const id = await db.transaction(async (tx) => {
    const subject = await assertDirectManager(tx, viewer, subjectId);
    const [cycle] = await tx.select(cycleColumns).from(reviewCycles).where(eq(reviewCycles.id, cycleId));
    if (!cycle) throw new NotFoundError("That review cycle");
    const inCycle = await tx
      .select({ id: assessments.id, kind: assessments.kind, authorId: assessments.authorId, status: assessments.status, versionId: assessments.versionId, revision: assessments.revision })
      .from(assessments)
      .where(and(eq(assessments.subjectId, subjectId), eq(assessments.cycleId, cycleId)))
      .for("update");
    const existing = inCycle.find((a) => a.kind === "manager");
    if (existing) {
      if (existing.authorId === viewer.id || existing.status === "submitted") return existing.id;
      if (cycle.status !== "open") throw new NotAllowedError("This review cycle is closed.");
      // A change of author: the previous manager's open editor must not save over it.
      await lockForEdit(tx, { table: assessments, id: existing.id, what: "That assessment", load: async () => existing });
      await tx.update(assessments).set({ authorId: viewer.id }).where(eq(assessments.id, existing.id));
      const handOver = { before: { authorId: existing.authorId }, after: { authorId: viewer.id } };
      await recordAudit(tx, { actorId: viewer.id, action: "assessment.hand-over", entityType: "assessment", entityId: existing.id, ...handOver });
      return existing.id;
    }
    if (cycle.status !== "open") throw new NotAllowedError("This review cycle is closed.");
    // Both assessments of a cycle are made against one version, so that they can be compared.
    const versionId = inCycle.find((a) => a.kind === "self")?.versionId ?? (await versionIdFor(tx, subjectId));
    if (!versionId) throw new NotAllowedError("There is no published career path to assess against yet.");
    const [row] = await tx
      .insert(assessments)
      .values({ kind: "manager", subjectId, authorId: viewer.id, versionId, cycleId })
      .onConflictDoNothing()
      .returning({ id: assessments.id });
    if (!row) throw new ConflictError(`A manager assessment of ${subject.name} was started a moment ago. Reload to open it.`);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "assessment.start",
      entityType: "assessment",
      entityId: row.id,
      after: { kind: "manager", subjectId, cycleId },
    });
    return row.id;
  });
  return getAssessment(viewer, id);
}

/** Manager assessments are written by the subject's direct manager, checked on every change. */
async function assertDirectManager(tx: Tx, viewer: Viewer, subjectId: string): Promise<{ name: string }> {
  const [subject] = await tx.select({ name: users.name, managerId: users.managerId, active: users.active }).from(users).where(eq(users.id, subjectId));
  if (!subject) throw new NotFoundError("That person");
  if (subject.managerId !== viewer.id) throw new NotAllowedError(`Only ${subject.name}'s direct manager writes their manager assessment.`);
  if (!subject.active) throw new NotAllowedError(`${subject.name} has been deactivated.`);
  return subject;
}

/** Saves the whole set of picks and rationales of a draft; refused on a stale revision. Not audited (see below). */
export async function saveAssessmentDraft(viewer: Viewer, raw: z.input<typeof saveDraftSchema>): Promise<{ revision: number; updatedAt: Date }> {
  const input = parseInput(saveDraftSchema, raw);
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    const row = await lockOwnDraft(tx, viewer, input.assessmentId, input.revision);
    await assertRatingsBelong(tx, row.versionId, input.ratings);
    await tx.delete(ratings).where(eq(ratings.assessmentId, row.id));
    const kept = input.ratings.filter((r) => r.stepId || r.rationale.trim());
    if (kept.length > 0) await tx.insert(ratings).values(kept.map((r) => ({ assessmentId: row.id, ...r })));
    // No audit event per save: a draft is its author's alone, and the editor saves as they type, so
    // events here would show admins every half-formed pick. The audit log records that the draft was
    // started (assessment.start) and its content once it is final (assessment.submit).
    return { revision: row.revision, updatedAt: row.touchedAt };
  });
}

/** Submits a draft: every dimension needs a step and a rationale. A submitted assessment is read-only. */
export async function submitAssessment(viewer: Viewer, raw: z.input<typeof submitSchema>): Promise<void> {
  const input = parseInput(submitSchema, raw);
  const { db } = await getDatabase();
  await db.transaction(async (tx) => {
    const row = await lockOwnDraft(tx, viewer, input.assessmentId, input.revision);
    const [dims, picks] = await Promise.all([
      tx.select({ id: dimensions.id, name: dimensions.name }).from(dimensions).where(eq(dimensions.versionId, row.versionId)).orderBy(asc(dimensions.position)),
      tx.select().from(ratings).where(eq(ratings.assessmentId, row.id)),
    ]);
    const whom = row.kind === "self" ? "you" : "them";
    const fieldErrors: Record<string, string[]> = {};
    for (const d of dims) {
      const pick = picks.find((p) => p.dimensionId === d.id);
      if (!pick?.stepId) fieldErrors[d.id] = [`Pick the step that fits ${whom} now for ${d.name}.`];
      else if (!pick.rationale.trim()) fieldErrors[d.id] = [`Say why for ${d.name}.`];
    }
    if (Object.keys(fieldErrors).length > 0) throw new InvalidInputError("Pick a step and say why for every dimension before submitting.", fieldErrors);
    await tx
      .update(assessments)
      .set({ status: "submitted", submittedAt: new Date() })
      .where(eq(assessments.id, row.id));
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "assessment.submit",
      entityType: "assessment",
      entityId: row.id,
      after: { kind: row.kind, ratings: picks.map((p) => ({ dimensionId: p.dimensionId, stepId: p.stepId })) },
    });
  });
}

function lockOwnDraft(tx: Tx, viewer: Viewer, id: string, revision: number) {
  return lockForEdit(tx, {
    table: assessments,
    id,
    revision,
    what: "That assessment",
    load: async (id) =>
      (
        await tx
          .select({
            id: assessments.id,
            kind: assessments.kind,
            status: assessments.status,
            subjectId: assessments.subjectId,
            authorId: assessments.authorId,
            versionId: assessments.versionId,
            revision: assessments.revision,
            cycleStatus: reviewCycles.status,
          })
          .from(assessments)
          .innerJoin(reviewCycles, eq(reviewCycles.id, assessments.cycleId))
          .where(eq(assessments.id, id))
          .for("update", { of: assessments })
      )[0],
    authorize: async (row) => {
      if (!(await mayReadAssessment(viewer, tx, row))) throw new NotFoundError("That assessment");
      if (row.authorId !== viewer.id) throw new NotAllowedError("Only its author can change an assessment.");
      if (row.kind === "manager") await assertDirectManager(tx, viewer, row.subjectId);
      if (row.status !== "draft") throw new NotAllowedError("This assessment has been submitted and can no longer be changed.");
      if (row.cycleStatus !== "open") throw new NotAllowedError("This review cycle is closed.");
    },
    conflict: "This assessment was changed elsewhere (another tab?). Reload to see the latest version; nothing was overwritten.",
  });
}

/** Every picked step and every dimension must belong to the assessment's framework version. */
async function assertRatingsBelong(tx: Tx, versionId: string, input: { dimensionId: string; stepId: string | null }[]) {
  const [dims, stepRows] = await Promise.all([
    tx.select({ id: dimensions.id }).from(dimensions).where(eq(dimensions.versionId, versionId)),
    tx.select({ id: steps.id }).from(steps).where(eq(steps.versionId, versionId)),
  ]);
  const dimIds = new Set(dims.map((d) => d.id));
  const stepIds = new Set(stepRows.map((s) => s.id));
  const seen = new Set<string>();
  for (const r of input) {
    if (!dimIds.has(r.dimensionId)) throw new InvalidInputError("That dimension is not part of this assessment's framework version.");
    if (seen.has(r.dimensionId)) throw new InvalidInputError("Each dimension can be rated once.");
    seen.add(r.dimensionId);
    if (r.stepId && !stepIds.has(r.stepId)) {
      throw new InvalidInputError("That step is not part of this assessment's framework version.", { [r.dimensionId]: ["Pick a step from this framework version."] });
    }
  }
}

