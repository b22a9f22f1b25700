import "server-only";
import { and, desc, eq, inArray, ne } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "@/db/audit";
import type { Db, Tx } from "@/db/client";
import { loadFrameworkVersion } from "@/db/framework-store";
import { latestPlacement } from "@/db/placement-store";
import { getDatabase } from "@/db/runtime";
import { calibrationSessions, caseEvidence, caseVotes, evidence, evidenceCells, promotionCases, reviewCycles, steps, users } from "@/db/schema";
import { canProposeCaseFor, canReadCase, type CaseAccess, type CaseStatus, type Viewer } from "@/lib/auth/policy";
import { InvalidInputError, isUniqueViolation, NotAllowedError, NotFoundError } from "@/lib/errors";
import { nextSteps } from "@/lib/framework/path-graph";
import { buildPacket, type Packet } from "@/lib/promotion/packet";
import { caseStepSchema, createCaseSchema, updateCaseSchema } from "@/lib/promotion/schemas";
import { isUuid, parseInput, type FormFields } from "@/lib/validation";
import { evidenceCellIds, loadCaseDetails, selectCaseForUpdate, selectCases, type CaseRow } from "./case-store";
import { lockForEdit } from "./revision";
import { mayReadPerson, resolveReports } from "./viewer";

/**
 * Promotion cases. A case is opened and edited by the subject's manager chain, proposed into the
 * review cycle's calibration, and decided there. Its subject sees it once it is proposed, and its
 * outcome once the calibration publishes it. Decisions and votes live in ./calibration.ts.
 */

export type CaseView = CaseRow & {
  packet: Packet | null;
  /** The decision as this viewer may see it: the subject only once it is published. */
  visibleDecision: CaseRow["decision"];
  can: { edit: boolean; propose: boolean; withdraw: boolean; discard: boolean };
};

const OPEN: CaseStatus[] = ["draft", "proposed"];

/** Whether the viewer may see the decision: its subject once published, anyone else who reads the case once decided. */
export function decisionFor(viewer: Viewer, c: CaseRow): CaseRow["decision"] {
  if (!c.decision) return null;
  if (viewer.id === c.subject.id) return c.session?.publishedAt ? c.decision : null;
  return c.decision;
}

/**
 * A case as the viewer may see it: to its subject, a decided case reads as proposed, without the
 * decision, until the calibration publishes its outcomes.
 */
export function asSeenBy(viewer: Viewer, c: CaseRow): CaseRow {
  if (viewer.id !== c.subject.id || !c.decision || c.session?.publishedAt) return c;
  return { ...c, status: "proposed", decision: null, revision: 0 };
}

/** What the viewer may do with a case, from its status and its calibration's. */
function abilities(viewer: Viewer, c: CaseRow): CaseView["can"] {
  const chain = canProposeCaseFor(viewer, c.subject.id);
  const calibrationStarted = !!c.session && c.session.status !== "preparing";
  return {
    edit: chain && (c.status === "draft" || c.status === "proposed") && !calibrationStarted,
    propose: chain && c.status === "draft" && !calibrationStarted && c.cycle.status === "open",
    withdraw: chain && c.status === "proposed" && !calibrationStarted,
    discard: chain && c.status === "draft",
  };
}

export async function toCaseViews(reader: Viewer, db: Db | Tx, loaded: CaseRow[], today = new Date()): Promise<CaseView[]> {
  const rows = loaded.map((c) => asSeenBy(reader, c));
  const [details, viewer] = await Promise.all([loadCaseDetails(db, rows), resolveReports(reader, db, rows.map((c) => c.subject.id))]);
  return rows.map((c) => {
    const version = details.versions.get(c.versionId);
    const found = details.assessments.get(c.subject.id);
    const packet = version
      ? buildPacket(
          version,
          c,
          {
            since: details.placedOn.get(`${c.subject.id}:${c.fromStepId}`) ?? null,
            evidence: details.evidence.get(c.id) ?? [],
            self: found?.self ?? null,
            manager: found?.manager ?? null,
          },
          today,
        )
      : null;
    return { ...c, packet, visibleDecision: decisionFor(viewer, c), can: abilities(viewer, c) };
  });
}

const access = (c: CaseRow): CaseAccess => ({ subjectId: c.subject.id, status: c.status, createdById: c.createdById, proposedById: c.proposedById });

export async function getCase(viewer: Viewer, id: string, today = new Date()): Promise<CaseView> {
  if (!isUuid(id)) throw new NotFoundError("That case");
  const { db } = await getDatabase();
  const [row] = await selectCases(db, eq(promotionCases.id, id), 1);
  if (row) await resolveReports(viewer, db, [row.subject.id]);
  if (!row || !canReadCase(viewer, access(row))) throw new NotFoundError("That case");
  return (await toCaseViews(viewer, db, [row], today))[0]!;
}

export type CaseSummary = Pick<CaseRow, "id" | "status" | "cycle" | "createdAt" | "proposedAt" | "session"> & {
  from: string;
  to: string;
  decision: CaseRow["decision"];
};

/** Whether the viewer may open a promotion case for this person: one of their managers, direct or not. */
export async function canOpenCaseFor(viewer: Viewer, personId: string): Promise<boolean> {
  if (!isUuid(personId)) return false;
  const { db } = await getDatabase();
  return canProposeCaseFor(await resolveReports(viewer, db, [personId]), personId);
}

/** A person's cases, newest first, as the viewer may see them (their subject: not the drafts). */
export async function listCasesAbout(viewer: Viewer, subjectId: string): Promise<CaseSummary[]> {
  const { db } = await getDatabase();
  if (!(await mayReadPerson(viewer, db, subjectId))) throw new NotFoundError("That person");
  const rows = (await selectCases(db, eq(promotionCases.subjectId, subjectId), 50)).filter((c) => canReadCase(viewer, access(c)));
  return summaries(viewer, db, rows);
}

async function summaries(viewer: Viewer, db: Db | Tx, loaded: CaseRow[]): Promise<CaseSummary[]> {
  if (loaded.length === 0) return [];
  const rows = loaded.map((c) => asSeenBy(viewer, c));
  const names = await db
    .select({ id: steps.id, name: steps.name })
    .from(steps)
    .where(inArray(steps.id, [...new Set(rows.flatMap((r) => [r.fromStepId, r.toStepId]))]));
  const name = (id: string) => names.find((s) => s.id === id)?.name ?? "a step no longer in the framework";
  return rows.map((c) => ({
    id: c.id,
    status: c.status,
    cycle: c.cycle,
    createdAt: c.createdAt,
    proposedAt: c.proposedAt,
    session: c.session,
    from: name(c.fromStepId),
    to: name(c.toStepId),
    decision: decisionFor(viewer, c),
  }));
}

/** The viewer's own cases once proposed, for their home page: what is being discussed and what was decided. */
export async function listMyCases(viewer: Viewer): Promise<CaseSummary[]> {
  const { db } = await getDatabase();
  const rows = await selectCases(db, and(eq(promotionCases.subjectId, viewer.id), ne(promotionCases.status, "draft")), 5);
  return summaries(viewer, db, rows);
}

export type CaseChoices = {
  subject: { id: string; name: string; active: boolean };
  cycle: { id: string; name: string } | null;
  placement: { stepId: string; stepName: string; effectiveOn: string } | null;
  /** The steps the framework's transitions allow from the current one. */
  targets: { id: string; name: string; label: string }[];
  openCase: { id: string } | null;
};

/** What opening a case for a person needs: their step, the steps that open from it, the open cycle. */
export async function getCaseChoices(viewer: Viewer, subjectId: string): Promise<CaseChoices> {
  const { db } = await getDatabase();
  if (!(await mayReadPerson(viewer, db, subjectId))) throw new NotFoundError("That person");
  if (!canProposeCaseFor(await resolveReports(viewer, db, [subjectId]), subjectId)) throw new NotAllowedError("Only the person's managers can open a promotion case for them.");
  const [[subject], [cycle], placement] = await Promise.all([
    db.select({ id: users.id, name: users.name, active: users.active }).from(users).where(eq(users.id, subjectId)),
    db.select({ id: reviewCycles.id, name: reviewCycles.name }).from(reviewCycles).where(eq(reviewCycles.status, "open")),
    latestPlacement(db, subjectId),
  ]);
  if (!subject) throw new NotFoundError("That person");
  const version = placement ? await loadFrameworkVersion(db, placement.versionId) : null;
  const targets = version && placement ? nextSteps(version.steps, version.transitions, placement.stepId).map((n) => ({ id: n.step.id, name: n.step.name, label: n.label })) : [];
  const [open] = cycle
    ? await db
        .select({ id: promotionCases.id })
        .from(promotionCases)
        .where(and(eq(promotionCases.subjectId, subjectId), eq(promotionCases.reviewCycleId, cycle.id), inArray(promotionCases.status, OPEN)))
    : [];
  return {
    subject,
    cycle: cycle ?? null,
    placement: placement ? { stepId: placement.stepId, stepName: placement.stepName, effectiveOn: placement.effectiveOn } : null,
    targets,
    openCase: open ?? null,
  };
}

async function sessionOfCycle(db: Db | Tx, cycleId: string) {
  const [session] = await db
    .select({ id: calibrationSessions.id, status: calibrationSessions.status })
    .from(calibrationSessions)
    .where(eq(calibrationSessions.reviewCycleId, cycleId))
    // Held until the change commits, so the session cannot start in between.
    .for("share");
  return session ?? null;
}

function refuseStartedCalibration(session: { status: string } | null, doing: string) {
  if (session && session.status !== "preparing") {
    throw new NotAllowedError(`The calibration of this cycle has ${session.status === "closed" ? "closed" : "started"}: ${doing} is no longer possible.`);
  }
}

export async function createCase(viewer: Viewer, raw: z.input<typeof createCaseSchema> | FormFields): Promise<{ id: string }> {
  const input = parseInput(createCaseSchema, raw);
  const { db } = await getDatabase();
  if (!(await mayReadPerson(viewer, db, input.subjectId))) throw new NotFoundError("That person");
  if (!canProposeCaseFor(await resolveReports(viewer, db, [input.subjectId]), input.subjectId)) throw new NotAllowedError("Only the person's managers can open a promotion case for them.");
  const create = db.transaction(async (tx) => {
    const [[subject], [cycle], placement] = await Promise.all([
      tx.select({ id: users.id, active: users.active }).from(users).where(eq(users.id, input.subjectId)).for("update"),
      tx.select({ id: reviewCycles.id }).from(reviewCycles).where(eq(reviewCycles.status, "open")),
      latestPlacement(tx, input.subjectId),
    ]);
    if (!subject) throw new NotFoundError("That person");
    if (!subject.active) throw new NotAllowedError("This person is deactivated: no case can be opened for them.");
    if (!cycle) throw new NotAllowedError("No review cycle is open: a case belongs to one. An admin opens cycles.");
    if (!placement) throw new InvalidInputError("Not placed yet.", { toStepId: ["This person is not placed on a step yet: an admin places them first."] });
    refuseStartedCalibration(await sessionOfCycle(tx, cycle.id), "opening a case");
    const version = await loadFrameworkVersion(tx, placement.versionId);
    const reachable = version ? nextSteps(version.steps, version.transitions, placement.stepId) : [];
    if (!reachable.some((n) => n.step.id === input.toStepId)) {
      throw new InvalidInputError("Not a next step.", { toStepId: [`Choose a step that opens from ${placement.stepName}.`] });
    }
    const [row] = await tx
      .insert(promotionCases)
      .values({
        subjectId: input.subjectId,
        reviewCycleId: cycle.id,
        versionId: placement.versionId,
        fromStepId: placement.stepId,
        toStepId: input.toStepId,
        createdById: viewer.id,
      })
      .returning({ id: promotionCases.id });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "case.create",
      entityType: "promotion_case",
      entityId: row!.id,
      after: { subjectId: input.subjectId, from: placement.stepName, to: reachable.find((n) => n.step.id === input.toStepId)!.step.name },
    });
    return { id: row!.id };
  });
  return create.catch((err: unknown) => {
    if (isUniqueViolation(err)) throw new InvalidInputError("Already open.", { toStepId: ["This person already has an open case in this review cycle."] });
    throw err;
  });
}

type LockedCase = CaseAccess & { id: string; revision: number; reviewCycleId: string; versionId: string; fromStepId: string; toStepId: string; narrative: string };

/** Locks a case for a change by the subject's manager chain, in a status the change allows. */
async function lockCase(
  tx: Tx,
  viewer: Viewer,
  input: { id: string; revision: number },
  allowed: CaseStatus[],
  doing: string,
  { whileCalibrating = false } = {},
): Promise<LockedCase> {
  const row = await lockForEdit(tx, {
    table: promotionCases,
    id: input.id,
    revision: input.revision,
    what: "That case",
    load: (id) => selectCaseForUpdate(tx, id),
    authorize: async (c) => {
      if (!canReadCase(await resolveReports(viewer, tx, [c.subjectId]), c)) throw new NotFoundError("That case");
      if (!canProposeCaseFor(viewer, c.subjectId)) throw new NotAllowedError("Only the person's managers can change their case.");
      if (!allowed.includes(c.status)) throw new NotAllowedError(`This case is ${c.status}: ${doing} is no longer possible.`);
    },
  });
  if (!whileCalibrating) refuseStartedCalibration(await sessionOfCycle(tx, row.reviewCycleId), doing);
  return row;
}

export async function updateCase(viewer: Viewer, raw: z.input<typeof updateCaseSchema> | FormFields): Promise<{ revision: number }> {
  const input = parseInput(updateCaseSchema, raw);
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    const c = await lockCase(tx, viewer, input, OPEN, "editing it");
    const toStepId = input.toStepId ?? c.toStepId;
    if (toStepId !== c.toStepId) {
      if (c.status !== "draft") throw new InvalidInputError("Proposed.", { toStepId: ["A proposed case keeps its target step: withdraw it and open a new one."] });
      const version = await loadFrameworkVersion(tx, c.versionId);
      if (!version || !nextSteps(version.steps, version.transitions, c.fromStepId).some((n) => n.step.id === toStepId)) {
        throw new InvalidInputError("Not a next step.", { toStepId: ["Choose a step that opens from the person's current step."] });
      }
    }
    const evidenceIds = [...new Set(input.evidenceIds)];
    if (evidenceIds.length) {
      const owned = await tx
        .select({ id: evidence.id })
        .from(evidence)
        .where(and(inArray(evidence.id, evidenceIds), eq(evidence.ownerId, c.subjectId)));
      if (owned.length !== evidenceIds.length) throw new InvalidInputError("Unknown evidence.", { evidenceIds: ["Pick evidence from this person's own items."] });
    }
    const before = await tx.select({ id: caseEvidence.evidenceId }).from(caseEvidence).where(eq(caseEvidence.caseId, c.id));
    await tx.update(promotionCases).set({ narrative: input.narrative, toStepId }).where(eq(promotionCases.id, c.id));
    await tx.delete(caseEvidence).where(eq(caseEvidence.caseId, c.id));
    if (evidenceIds.length) await tx.insert(caseEvidence).values(evidenceIds.map((evidenceId) => ({ caseId: c.id, evidenceId })));
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "case.update",
      entityType: "promotion_case",
      entityId: c.id,
      before: { toStepId: c.toStepId, narrativeLength: c.narrative.length, evidenceIds: before.map((b) => b.id) },
      after: { toStepId, narrativeLength: input.narrative.length, evidenceIds },
    });
    return { revision: c.revision };
  });
}

export async function proposeCase(viewer: Viewer, raw: z.input<typeof caseStepSchema> | FormFields): Promise<void> {
  const input = parseInput(caseStepSchema, raw);
  const { db } = await getDatabase();
  await db.transaction(async (tx) => {
    const c = await lockCase(tx, viewer, input, ["draft"], "proposing it");
    const [cycle] = await tx.select({ status: reviewCycles.status }).from(reviewCycles).where(eq(reviewCycles.id, c.reviewCycleId));
    if (cycle?.status !== "open") throw new NotAllowedError("This case's review cycle is closed: it can no longer be proposed.");
    if (!c.narrative.trim()) throw new InvalidInputError("No narrative.", { narrative: ["Write the narrative before proposing: it is what the committee reads first."] });
    await tx.update(promotionCases).set({ status: "proposed", proposedById: viewer.id, proposedAt: new Date() }).where(eq(promotionCases.id, c.id));
    await recordAudit(tx, { actorId: viewer.id, action: "case.propose", entityType: "promotion_case", entityId: c.id, before: { status: "draft" }, after: { status: "proposed" } });
  });
}

export async function withdrawCase(viewer: Viewer, raw: z.input<typeof caseStepSchema> | FormFields): Promise<void> {
  const input = parseInput(caseStepSchema, raw);
  const { db } = await getDatabase();
  await db.transaction(async (tx) => {
    const c = await lockCase(tx, viewer, input, ["proposed"], "withdrawing it");
    await tx.update(promotionCases).set({ status: "withdrawn" }).where(eq(promotionCases.id, c.id));
    await tx.delete(caseVotes).where(eq(caseVotes.caseId, c.id));
    await recordAudit(tx, { actorId: viewer.id, action: "case.withdraw", entityType: "promotion_case", entityId: c.id, before: { status: "proposed" }, after: { status: "withdrawn" } });
  });
}

/** A draft nobody proposed is deleted outright; the audit log keeps that it existed. */
export async function discardCase(viewer: Viewer, raw: z.input<typeof caseStepSchema> | FormFields): Promise<{ subjectId: string }> {
  const input = parseInput(caseStepSchema, raw);
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    // A draft never reached the calibration: it can be discarded whatever the session's state.
    const c = await lockCase(tx, viewer, input, ["draft"], "discarding it", { whileCalibrating: true });
    await tx.delete(promotionCases).where(eq(promotionCases.id, c.id));
    await recordAudit(tx, { actorId: viewer.id, action: "case.discard", entityType: "promotion_case", entityId: c.id, before: { status: "draft", subjectId: c.subjectId } });
    return { subjectId: c.subjectId };
  });
}

export type EvidenceChoice = { id: string; title: string; kind: string; occurredOn: string; cellIds: string[] };

/** The subject's evidence to pick from for a case, newest first and bounded, with the cells each proves. */
export async function listEvidenceChoices(viewer: Viewer, c: Pick<CaseView, "subject" | "status">): Promise<EvidenceChoice[]> {
  if (!OPEN.includes(c.status)) return [];
  const { db } = await getDatabase();
  if (!canProposeCaseFor(await resolveReports(viewer, db, [c.subject.id]), c.subject.id)) return [];
  const rows = await db
    .select({
      id: evidence.id,
      title: evidence.title,
      kind: evidence.kind,
      occurredOn: evidence.occurredOn,
      cellIds: evidenceCellIds(),
    })
    .from(evidence)
    .leftJoin(evidenceCells, eq(evidenceCells.evidenceId, evidence.id))
    .where(eq(evidence.ownerId, c.subject.id))
    .groupBy(evidence.id)
    .orderBy(desc(evidence.occurredOn))
    .limit(200);
  return rows;
}
