import "server-only";
import crypto from "node:crypto";
import { asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { recordAudit, recordAuditRows } from "@/db/audit";
import { jsonRecordset, type Db, type Tx } from "@/db/client";
import { latestPlacement } from "@/db/placement-store";
import { getDatabase } from "@/db/runtime";
import { frameworks, frameworkVersions, placements, steps, users } from "@/db/schema";
import { canWritePlacements, type Viewer } from "@/lib/auth/policy";
import { ConflictError, InvalidInputError, NotAllowedError, NotFoundError } from "@/lib/errors";
import { reasonProblem } from "@/lib/placements/rules";
import { correctPlacementSchema, placePersonSchema, type PlacementReason } from "@/lib/placements/schemas";
import { isUuid, parseInput, type FormFields } from "@/lib/validation";
import type { z } from "zod";
import { lockOrganisation } from "./organisation-lock";
import { mayReadPerson } from "./viewer";

/**
 * Placements: a person's official step over time. Read by whoever may read the person; written by
 * admins here and by approved, published promotion cases. Every write takes the organisation lock
 * (so a CSV import applies the plan its preview showed) and records its audit event in the same
 * transaction.
 */

export type PlacementEntry = {
  id: string;
  step: { id: string; key: string; name: string };
  framework: { name: string; versionNumber: number; versionStatus: "draft" | "published" | "retired" };
  effectiveOn: string;
  reason: PlacementReason;
  note: string;
  decidedBy: { id: string; name: string } | null;
  /** The promotion case whose approval wrote this placement. */
  caseId: string | null;
  recordedAt: Date;
  /** The row as the viewer saw it, for a correction made on this copy (see placementFingerprint). */
  revision: string;
  /** Whether the viewer may correct it in place: admins, unless a promotion case wrote it. */
  canCorrect: boolean;
};

/** A step a person may be placed on: one of a published framework version. */
export type PlaceableStep = {
  id: string;
  key: string;
  name: string;
  versionId: string;
  versionNumber: number;
  frameworkId: string;
  frameworkName: string;
};

export type StepChoiceGroup = { frameworkName: string; versionNumber: number; steps: { id: string; name: string }[] };

export const HISTORY_LIMIT = 100;

const deciders = alias(users, "deciders");

/** A person's placements, newest first (the latest recorded first on the same day), at most HISTORY_LIMIT. */
export async function listPlacementHistory(viewer: Viewer, personId: string): Promise<PlacementEntry[]> {
  const { db } = await getDatabase();
  if (!(await mayReadPerson(viewer, db, personId))) throw new NotFoundError("That person");
  const rows = await db
    .select({
      id: placements.id,
      stepId: steps.id,
      stepKey: steps.key,
      stepName: steps.name,
      frameworkName: frameworks.name,
      versionNumber: frameworkVersions.number,
      versionStatus: frameworkVersions.status,
      effectiveOn: placements.effectiveOn,
      reason: placements.reason,
      note: placements.note,
      decidedById: placements.decidedById,
      decidedByName: deciders.name,
      caseId: placements.caseId,
      createdAt: placements.createdAt,
    })
    .from(placements)
    .innerJoin(steps, eq(steps.id, placements.stepId))
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, placements.versionId))
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .leftJoin(deciders, eq(deciders.id, placements.decidedById))
    .where(eq(placements.userId, personId))
    .orderBy(desc(placements.effectiveOn), desc(placements.createdAt))
    .limit(HISTORY_LIMIT);
  // Placements name their person; with none, whether there is such a person is asked apart.
  if (rows.length === 0 && (await db.select({ id: users.id }).from(users).where(eq(users.id, personId))).length === 0) throw new NotFoundError("That person");
  const mayWrite = canWritePlacements(viewer);
  return rows.map((r) => ({
    id: r.id,
    step: { id: r.stepId, key: r.stepKey, name: r.stepName },
    framework: { name: r.frameworkName, versionNumber: r.versionNumber, versionStatus: r.versionStatus },
    effectiveOn: r.effectiveOn,
    reason: r.reason,
    note: r.note,
    decidedBy: r.decidedById && r.decidedByName !== null ? { id: r.decidedById, name: r.decidedByName } : null,
    caseId: r.caseId,
    recordedAt: r.createdAt,
    revision: placementFingerprint(r),
    canCorrect: mayWrite && !r.caseId,
  }));
}

/** The steps of each framework's current published version, for choosing where to place someone. */
export async function listStepChoices(viewer: Viewer): Promise<StepChoiceGroup[]> {
  assertCanPlace(viewer);
  const { db } = await getDatabase();
  const groups: StepChoiceGroup[] = [];
  for (const step of await loadCurrentSteps(db)) {
    const last = groups.at(-1);
    const entry = { id: step.id, name: step.name };
    if (last && last.frameworkName === step.frameworkName && last.versionNumber === step.versionNumber) last.steps.push(entry);
    else groups.push({ frameworkName: step.frameworkName, versionNumber: step.versionNumber, steps: [entry] });
  }
  return groups;
}

/**
 * Places a person on a step, as a new row in their history. The step must be on a published
 * version; the reason must fit the history (initial for someone not placed; correction, or
 * migration onto another version, for someone placed); the date must be today or earlier, and not
 * before their current placement (an earlier row is corrected in the history instead). A
 * deactivated person may be placed, so their record can be completed.
 */
export async function placePerson(viewer: Viewer, raw: z.input<typeof placePersonSchema> | FormFields): Promise<{ id: string; personId: string; step: string }> {
  assertCanPlace(viewer);
  const input = parseInput(placePersonSchema, raw);
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    await lockOrganisation(tx);
    const [person] = isUuid(input.personId) ? await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, input.personId)) : [];
    if (!person) throw new NotFoundError("That person");
    const [found, current] = await Promise.all([findPlaceableStep(tx, input.stepId), latestPlacement(tx, person.id)]);
    const fieldErrors: Record<string, string[]> = {};
    if ("problem" in found) fieldErrors.stepId = [found.problem];
    else {
      const problem = reasonProblem(input.reason, current, found.step.versionId);
      if (problem) fieldErrors.reason = [problem];
    }
    if (current && input.effectiveOn < current.effectiveOn) {
      fieldErrors.effectiveOn = [
        `${person.name} has been on ${current.stepName} since ${current.effectiveOn}: use that day or a later one, or correct an earlier placement in the history.`,
      ];
    }
    if ("problem" in found || Object.keys(fieldErrors).length > 0) throw new InvalidInputError("Check the highlighted fields.", fieldErrors);
    const [id] = await insertPlacements(tx, viewer, [{ personId: person.id, step: found.step, effectiveOn: input.effectiveOn, reason: input.reason, note: input.note }]);
    return { id: id!, personId: person.id, step: found.step.name };
  });
}

/**
 * Corrects the step, date or note of one placement in place; its reason becomes "correction" and
 * the admin who corrected it is who decided it. A placement written by a promotion case stays as
 * it is: the case is the record of that decision, and a new placement follows it instead. A step
 * left as it was may stay on an older version; a changed step must be on a published one.
 */
export async function correctPlacement(
  viewer: Viewer,
  raw: z.input<typeof correctPlacementSchema> | FormFields,
): Promise<{ personId: string; changed: boolean }> {
  assertCanPlace(viewer);
  const input = parseInput(correctPlacementSchema, raw);
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    await lockOrganisation(tx);
    const [row] = isUuid(input.id)
      ? await tx
          .select({
            userId: placements.userId,
            stepId: placements.stepId,
            stepKey: steps.key,
            stepName: steps.name,
            versionNumber: frameworkVersions.number,
            effectiveOn: placements.effectiveOn,
            reason: placements.reason,
            note: placements.note,
            decidedById: placements.decidedById,
            caseId: placements.caseId,
          })
          .from(placements)
          .innerJoin(steps, eq(steps.id, placements.stepId))
          .innerJoin(frameworkVersions, eq(frameworkVersions.id, placements.versionId))
          .where(eq(placements.id, input.id))
          .for("update", { of: placements })
      : [];
    if (!row) throw new NotFoundError("That placement");
    if (row.caseId) {
      throw new InvalidInputError(
        "This placement was written by an approved promotion case and cannot be corrected in place. Place them on a step instead: the new placement follows the case in their history.",
      );
    }
    if (placementFingerprint(row) !== input.revision) {
      throw new ConflictError("This placement was changed by someone else in the meantime. Reload to see it as it is now; nothing was overwritten.");
    }
    let step: Pick<PlaceableStep, "id" | "key" | "name" | "versionNumber"> & { versionId?: string } = {
      id: row.stepId,
      key: row.stepKey,
      name: row.stepName,
      versionNumber: row.versionNumber,
    };
    if (input.stepId !== row.stepId) {
      const found = await findPlaceableStep(tx, input.stepId);
      if ("problem" in found) throw new InvalidInputError("Check the highlighted fields.", { stepId: [found.problem] });
      step = found.step;
    }
    if (step.id === row.stepId && input.effectiveOn === row.effectiveOn && input.note === row.note) return { personId: row.userId, changed: false };
    await tx
      .update(placements)
      .set({
        stepId: step.id,
        ...(step.versionId ? { versionId: step.versionId } : {}),
        effectiveOn: input.effectiveOn,
        note: input.note,
        reason: "correction",
        decidedById: viewer.id,
      })
      .where(eq(placements.id, input.id));
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "placement.correct",
      entityType: "placement",
      entityId: input.id,
      before: auditSummary({ personId: row.userId, step: { key: row.stepKey, name: row.stepName, versionNumber: row.versionNumber }, ...row }),
      after: auditSummary({ personId: row.userId, step, effectiveOn: input.effectiveOn, reason: "correction", note: input.note }),
    });
    return { personId: row.userId, changed: true };
  });
}

// ── helpers for the other writers of placements (a new person, a CSV import) ─────────────────

/** Steps with their version and framework, and the version's status. */
function selectSteps(db: Db | Tx) {
  return db
    .select({
      id: steps.id,
      key: steps.key,
      name: steps.name,
      versionId: frameworkVersions.id,
      versionNumber: frameworkVersions.number,
      status: frameworkVersions.status,
      frameworkId: frameworks.id,
      frameworkName: frameworks.name,
    })
    .from(steps)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, steps.versionId))
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId));
}

const placeable = (r: Awaited<ReturnType<typeof selectSteps>>[number]): PlaceableStep => ({
  id: r.id,
  key: r.key,
  name: r.name,
  versionId: r.versionId,
  versionNumber: r.versionNumber,
  frameworkId: r.frameworkId,
  frameworkName: r.frameworkName,
});

/** The steps of each framework's current published version: first framework first, steps in path order. */
export async function loadCurrentSteps(db: Db | Tx): Promise<PlaceableStep[]> {
  const rows = await selectSteps(db)
    .where(eq(frameworkVersions.status, "published"))
    .orderBy(asc(frameworks.createdAt), asc(frameworks.id), desc(frameworkVersions.number), asc(steps.position));
  const current = new Map<string, string>();
  for (const r of rows) if (!current.has(r.frameworkId)) current.set(r.frameworkId, r.versionId);
  return rows.filter((r) => current.get(r.frameworkId) === r.versionId).map(placeable);
}

/** A step chosen in a form: on a published version, or the reason it cannot be placed on. */
export async function findPlaceableStep(tx: Tx, stepId: string): Promise<{ step: PlaceableStep } | { problem: string }> {
  const [row] = isUuid(stepId) ? await selectSteps(tx).where(eq(steps.id, stepId)) : [];
  if (!row) return { problem: "Choose a step." };
  if (row.status !== "published") {
    return { problem: `${row.name} is on a ${row.status} version of ${row.frameworkName}: choose a step of the published version.` };
  }
  return { step: placeable(row) };
}

export type NewPlacement = { personId: string; step: PlaceableStep; effectiveOn: string; reason: Exclude<PlacementReason, "promotion">; note: string; via?: "import" };

/**
 * Writes placements in one statement, with their audit events in one more: the rows travel as one
 * JSON parameter each time, so placing a thousand people costs what placing a few does. Admins
 * only: callers have checked the rest.
 */
export async function insertPlacements(tx: Tx, viewer: Viewer, entries: NewPlacement[]): Promise<string[]> {
  assertCanPlace(viewer);
  if (entries.length === 0) return [];
  // Ids made here rather than by the database: the audit events name them without reading them back.
  const ids = entries.map(() => crypto.randomUUID());
  const values = entries.map((e, i) => ({
    id: ids[i],
    user_id: e.personId,
    version_id: e.step.versionId,
    step_id: e.step.id,
    effective_on: e.effectiveOn,
    reason: e.reason,
    note: e.note,
  }));
  await tx.execute(sql`insert into placements (id, user_id, version_id, step_id, effective_on, reason, note, decided_by_id)
    select r.id, r.user_id, r.version_id, r.step_id, r.effective_on, r.reason::placement_reason, r.note, ${viewer.id}::uuid
    from ${jsonRecordset(values, "id uuid, user_id uuid, version_id uuid, step_id uuid, effective_on date, reason text, note text")}`);
  await recordAuditRows(
    tx,
    entries.map((e, i) => ({
      actorId: viewer.id,
      subjectId: e.personId,
      action: "placement.create",
      entityType: "placement" as const,
      entityId: ids[i]!,
      after: { ...auditSummary(e), ...(e.via ? { via: e.via } : {}) },
    })),
  );
  return ids;
}

// ── checks ──────────────────────────────────────────────────────────────────────────────────

function assertCanPlace(viewer: Viewer) {
  if (!canWritePlacements(viewer)) throw new NotAllowedError("Only admins can place people on a step.");
}

/**
 * A placement row's values as one token. Placements have no revision counter (and `createdAt`
 * orders the rows of one day, so it must not change): a correction carries the token of the row it
 * was made on, and is refused when the row has changed since.
 */
function placementFingerprint(r: { stepId: string; effectiveOn: string; reason: string; note: string; decidedById: string | null; caseId: string | null }): string {
  return crypto
    .createHash("sha256")
    .update(JSON.stringify([r.stepId, r.effectiveOn, r.reason, r.note, r.decidedById, r.caseId]))
    .digest("base64url")
    .slice(0, 22);
}

function auditSummary(p: { personId: string; step: { key: string; name: string; versionNumber: number }; effectiveOn: string; reason: string; note: string }) {
  return { personId: p.personId, step: p.step.name, stepKey: p.step.key, version: p.step.versionNumber, effectiveOn: p.effectiveOn, reason: p.reason, note: p.note };
}
