import "server-only";
import { and, asc, count, eq, ne, notInArray, sql } from "drizzle-orm";
import { recordAudit } from "@/db/audit";
import type { Tx } from "@/db/client";
import { getDatabase } from "@/db/runtime";
import { evidence, growthLanes, growthMilestones, growthPlans, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/policy";
import { InvalidInputError, NotAllowedError, NotFoundError } from "@/lib/errors";
import { MILESTONE_LIMITS, type MilestoneArtifact, type Month } from "@/lib/plan/choices";
import { quarterOf, type Quarter } from "@/lib/plan/quarters";
import {
  deleteMilestoneSchema,
  isEmptyLane,
  milestoneDoneSchema,
  milestoneFieldsSchema,
  planBasicsSchema,
  updateMilestoneSchema,
  type MilestoneInput,
} from "@/lib/plan/schemas";
import { parseInput } from "@/lib/validation";
import { createFirstRevision, lockForEdit } from "./revision";
import { mayReadPerson } from "./viewer";

/**
 * Growth plans: where an engineer is heading (the north star and the month it is meant for), the
 * lanes that lead there, and each lane's milestones for the quarter. Read like the rest of a
 * person's career data — by the person, their manager chain and admins — and written by the person
 * alone: a save of the north star and lanes always concerns the viewer's own plan, so no request
 * can name another's, and a milestone is changed only by the owner of its plan.
 */

export type LaneView = { position: number; name: string; outcome: string; metrics: string };

export type MilestoneView = {
  id: string;
  /** The position of its lane; null for a lane since removed from the plan. */
  lane: number | null;
  title: string;
  targetWeek: number;
  artifact: MilestoneArtifact;
  success: string;
  done: boolean;
  /** The owner's evidence that shows it done. */
  evidence: { id: string; title: string } | null;
  revision: number;
};

export type PlanView = {
  owner: { id: string; name: string };
  /** Whether the plan was ever saved; until then it has no north star, horizon or lanes. */
  saved: boolean;
  northStar: string;
  horizon: Month | null;
  /** In position order; a position left empty has no lane. */
  lanes: LaneView[];
  /** What a save is made on top of: 0 for a plan not saved yet. */
  revision: number;
  updatedAt: Date | null;
  /** The quarter the milestones are for: the current one. */
  quarter: Quarter;
  /** The quarter's milestones, by week; at most MILESTONE_LIMITS.perLane in each lane. */
  milestones: MilestoneView[];
  /** Whether the viewer writes this plan (its owner), or only reads it (manager chain, admins). */
  canEdit: boolean;
};

const CONFLICT = "Your growth plan was saved elsewhere (another tab?) since you opened it. Nothing was saved: reload to see the latest version, then make your change again.";

const laneColumns = { position: growthLanes.position, name: growthLanes.name, outcome: growthLanes.outcome, metrics: growthLanes.metrics };

/** A stored horizon (the month's first day) as the month it stands for. */
const monthOfDate = (d: string | null): Month | null => (d ? (d.slice(0, 7) as Month) : null);

/** A person's plan, for whoever may read their career data; "not found" for anyone else and for nobody. */
export async function getPlan(viewer: Viewer, personId: string): Promise<PlanView> {
  const { db } = await getDatabase();
  if (!(await mayReadPerson(viewer, db, personId))) throw new NotFoundError("That growth plan");
  const [row] = await db
    .select({
      ownerId: users.id,
      ownerName: users.name,
      planId: growthPlans.id,
      northStar: growthPlans.northStar,
      horizon: growthPlans.horizon,
      revision: growthPlans.revision,
      updatedAt: growthPlans.updatedAt,
    })
    .from(users)
    .leftJoin(growthPlans, eq(growthPlans.ownerId, users.id))
    .where(eq(users.id, personId));
  if (!row) throw new NotFoundError("That growth plan");
  const quarter = quarterOf(new Date());
  const [lanes, milestones] = row.planId
    ? await Promise.all([
        db.select(laneColumns).from(growthLanes).where(eq(growthLanes.planId, row.planId)).orderBy(asc(growthLanes.position)),
        readMilestones(row.planId, quarter),
      ])
    : [[], []];
  return {
    owner: { id: row.ownerId, name: row.ownerName },
    saved: row.planId !== null,
    northStar: row.northStar ?? "",
    horizon: monthOfDate(row.horizon),
    lanes,
    revision: row.revision ?? 0,
    updatedAt: row.updatedAt,
    quarter,
    milestones,
    canEdit: viewer.id === row.ownerId,
  };
}

/** A plan's milestones for one quarter, with their lane's position and the title of the evidence each links to. */
async function readMilestones(planId: string, quarter: Quarter): Promise<MilestoneView[]> {
  const { db } = await getDatabase();
  const rows = await db
    .select({
      id: growthMilestones.id,
      lane: growthLanes.position,
      title: growthMilestones.title,
      targetWeek: growthMilestones.targetWeek,
      artifact: growthMilestones.artifact,
      success: growthMilestones.success,
      done: growthMilestones.done,
      evidenceId: evidence.id,
      evidenceTitle: evidence.title,
      revision: growthMilestones.revision,
    })
    .from(growthMilestones)
    .leftJoin(growthLanes, eq(growthLanes.id, growthMilestones.laneId))
    .leftJoin(evidence, eq(evidence.id, growthMilestones.evidenceId))
    .where(and(eq(growthMilestones.planId, planId), eq(growthMilestones.quarter, quarter.start)))
    .orderBy(asc(growthMilestones.targetWeek), asc(growthMilestones.createdAt), asc(growthMilestones.id))
    // Each lane holds at most MILESTONE_LIMITS.perLane; milestones of lanes since removed are few.
    .limit(MILESTONE_LIMITS.perLane * 6);
  return rows.map(({ evidenceId, evidenceTitle, ...m }) => ({ ...m, evidence: evidenceId ? { id: evidenceId, title: evidenceTitle! } : null }));
}

/** What the audit log keeps of a plan's north star and lanes, before and after a save. */
type PlanSnapshot = { northStar: string; horizon: Month | null; lanes: LaneView[] };

/**
 * Saves the viewer's own north star, horizon and lanes on top of the revision the form was loaded
 * on (0 for a first save). A save made on an older revision — another tab, a second first save —
 * is a conflict and changes nothing. Lanes keep their positions: a lane left empty is removed,
 * unless it has milestones this quarter (they would lose their lane).
 */
export async function savePlanBasics(viewer: Viewer, raw: unknown): Promise<{ revision: number }> {
  const input = parseInput(planBasicsSchema, raw);
  const lanes: LaneView[] = input.lanes.map((lane, i) => ({ position: i + 1, ...lane })).filter((lane) => !isEmptyLane(lane));
  const after: PlanSnapshot = { northStar: input.northStar, horizon: input.horizon, lanes };
  const fields = { northStar: input.northStar, horizon: `${input.horizon}-01` };
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    const [mine] = await tx.select({ id: growthPlans.id }).from(growthPlans).where(eq(growthPlans.ownerId, viewer.id));
    let planId: string;
    let revision: number;
    let before: PlanSnapshot | null = null;
    if (!mine) {
      ({ id: planId, revision } = await createFirstRevision(tx, { table: growthPlans, revision: input.revision, values: { ownerId: viewer.id, ...fields }, conflict: CONFLICT }));
    } else {
      const locked = await lockForEdit(tx, {
        table: growthPlans,
        id: mine.id,
        revision: input.revision,
        what: "Your growth plan",
        load: (id) => loadForEdit(tx, id),
        conflict: CONFLICT,
      });
      before = { northStar: locked.northStar, horizon: monthOfDate(locked.horizon), lanes: locked.lanes };
      planId = mine.id;
      revision = locked.revision;
      await assertNoMilestonesLeftBehind(tx, planId, lanes);
      await tx.update(growthPlans).set(fields).where(eq(growthPlans.id, planId));
    }
    await saveLanes(tx, planId, lanes);
    await recordAudit(tx, { actorId: viewer.id, action: "plan.update", entityType: "growth_plan", entityId: planId, before, after });
    return { revision };
  });
}

async function loadForEdit(tx: Tx, id: string) {
  const [plan] = await tx
    .select({ revision: growthPlans.revision, northStar: growthPlans.northStar, horizon: growthPlans.horizon })
    .from(growthPlans)
    .where(eq(growthPlans.id, id))
    .for("update");
  if (!plan) return undefined;
  const lanes = await tx.select(laneColumns).from(growthLanes).where(eq(growthLanes.planId, id)).orderBy(asc(growthLanes.position));
  return { ...plan, lanes };
}

/** A lane cleared from the plan may not take this quarter's milestones with it: they are moved or deleted first. */
async function assertNoMilestonesLeftBehind(tx: Tx, planId: string, kept: LaneView[]) {
  const positions = kept.map((lane) => lane.position);
  const rows = await tx
    .select({ position: growthLanes.position, n: count() })
    .from(growthMilestones)
    .innerJoin(growthLanes, eq(growthLanes.id, growthMilestones.laneId))
    .where(
      and(
        eq(growthMilestones.planId, planId),
        eq(growthMilestones.quarter, quarterOf(new Date()).start),
        positions.length ? notInArray(growthLanes.position, positions) : undefined,
      ),
    )
    .groupBy(growthLanes.position);
  if (rows.length === 0) return;
  const fieldErrors = Object.fromEntries(
    rows.map((r) => [`lanes.${r.position - 1}.name`, [`This lane has ${r.n === 1 ? "a milestone" : `${r.n} milestones`} this quarter: move or delete ${r.n === 1 ? "it" : "them"} before you clear the lane.`]]),
  );
  throw new InvalidInputError("Check the highlighted fields.", fieldErrors);
}

/** The plan's lanes, changed in place by position (so what hangs off a lane stays with it); positions left empty lose theirs. */
async function saveLanes(tx: Tx, planId: string, lanes: LaneView[]) {
  const kept = lanes.map((lane) => lane.position);
  await tx.delete(growthLanes).where(and(eq(growthLanes.planId, planId), kept.length ? notInArray(growthLanes.position, kept) : undefined));
  if (lanes.length === 0) return;
  await tx
    .insert(growthLanes)
    .values(lanes.map((lane) => ({ planId, ...lane })))
    .onConflictDoUpdate({
      target: [growthLanes.planId, growthLanes.position],
      set: { name: sql`excluded.name`, outcome: sql`excluded.outcome`, metrics: sql`excluded.metrics` },
    });
}

// ── milestones ───────────────────────────────────────────────────────────────────────────────

/** What the audit log keeps of a milestone. */
function milestoneSnapshot(m: MilestoneInput & { quarter: string }, laneName: string | null) {
  return {
    title: m.title,
    lane: m.lane,
    laneName,
    quarter: m.quarter,
    targetWeek: m.targetWeek,
    artifact: m.artifact,
    success: m.success,
    done: m.done,
    evidenceId: m.evidenceId,
  };
}

/** A milestone's own columns from its input: the lane is named by position there, and stored by id. */
const milestoneColumns = (m: MilestoneInput) => ({ title: m.title, targetWeek: m.targetWeek, artifact: m.artifact, success: m.success, done: m.done, evidenceId: m.evidenceId });

/** The viewer's lane at a position, locked so that two saves at once cannot both take its last free place. */
async function ownLane(tx: Tx, viewer: Viewer, position: number): Promise<{ id: string; planId: string; name: string }> {
  const [lane] = await tx
    .select({ id: growthLanes.id, planId: growthLanes.planId, name: growthLanes.name })
    .from(growthLanes)
    .innerJoin(growthPlans, eq(growthPlans.id, growthLanes.planId))
    .where(and(eq(growthPlans.ownerId, viewer.id), eq(growthLanes.position, position)))
    .for("update", { of: growthLanes });
  if (!lane) throw new InvalidInputError("Check the highlighted fields.", { lane: [`Your plan has no lane ${position}: save its lanes first, then choose one of them.`] });
  return lane;
}

/** A lane holds at most MILESTONE_LIMITS.perLane milestones in a quarter (`except` a milestone moving within it). */
async function assertRoomInLane(tx: Tx, laneId: string, quarter: string, except?: string) {
  const [{ n }] = (await tx
    .select({ n: count() })
    .from(growthMilestones)
    .where(and(eq(growthMilestones.laneId, laneId), eq(growthMilestones.quarter, quarter), except ? ne(growthMilestones.id, except) : undefined))) as [{ n: number }];
  if (n >= MILESTONE_LIMITS.perLane) {
    throw new InvalidInputError("Check the highlighted fields.", { lane: [`This lane has ${MILESTONE_LIMITS.perLane} milestones this quarter already: finish or delete one first.`] });
  }
}

/** A milestone links only to its owner's own evidence: another person's item, or an id that is none, is refused on the field. */
async function assertOwnEvidence(tx: Tx, viewer: Viewer, evidenceId: string | null) {
  if (!evidenceId) return;
  const [item] = await tx
    .select({ id: evidence.id })
    .from(evidence)
    .where(and(eq(evidence.id, evidenceId), eq(evidence.ownerId, viewer.id)));
  if (!item) throw new InvalidInputError("Check the highlighted fields.", { evidenceId: ["Link one of your own evidence items."] });
}

type MilestoneSnapshot = ReturnType<typeof milestoneSnapshot>;

/** An edit of a milestone (its fields, or whether it is done), in the audit log. */
function recordMilestoneChange(tx: Tx, viewer: Viewer, id: string, before: MilestoneSnapshot, after: MilestoneSnapshot) {
  return recordAudit(tx, { actorId: viewer.id, action: "plan.milestone.update", entityType: "growth_milestone", entityId: id, before, after });
}

/** Adds a milestone to one of the viewer's lanes, for the current quarter. */
export async function addMilestone(viewer: Viewer, raw: unknown): Promise<{ id: string }> {
  const input = parseInput(milestoneFieldsSchema, raw);
  const quarter = quarterOf(new Date()).start;
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    const lane = await ownLane(tx, viewer, input.lane);
    await assertRoomInLane(tx, lane.id, quarter);
    await assertOwnEvidence(tx, viewer, input.evidenceId);
    const [row] = await tx
      .insert(growthMilestones)
      .values({ ...milestoneColumns(input), planId: lane.planId, laneId: lane.id, quarter })
      .returning({ id: growthMilestones.id });
    await recordAudit(tx, { actorId: viewer.id, action: "plan.milestone.create", entityType: "growth_milestone", entityId: row!.id, after: milestoneSnapshot({ ...input, quarter }, lane.name) });
    return row!;
  });
}

/** Edits one of the viewer's milestones on the revision the form was loaded on; it may move to another lane of the plan. */
export async function updateMilestone(viewer: Viewer, raw: unknown): Promise<{ revision: number }> {
  const { id, revision, ...input } = parseInput(updateMilestoneSchema, raw);
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    const before = await lockOwnMilestone(tx, viewer, id, revision);
    const lane = await ownLane(tx, viewer, input.lane);
    if (lane.id !== before.laneId) await assertRoomInLane(tx, lane.id, before.quarter, id);
    await assertOwnEvidence(tx, viewer, input.evidenceId);
    await tx
      .update(growthMilestones)
      .set({ ...milestoneColumns(input), laneId: lane.id })
      .where(eq(growthMilestones.id, id));
    await recordMilestoneChange(tx, viewer, id, milestoneSnapshot(before, before.laneName), milestoneSnapshot({ ...input, quarter: before.quarter }, lane.name));
    return { revision: before.revision };
  });
}

/** Marks one of the viewer's milestones done, or not done. */
export async function setMilestoneDone(viewer: Viewer, raw: unknown): Promise<{ revision: number }> {
  const { id, revision, done } = parseInput(milestoneDoneSchema, raw);
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    const before = await lockOwnMilestone(tx, viewer, id, revision);
    await tx.update(growthMilestones).set({ done }).where(eq(growthMilestones.id, id));
    await recordMilestoneChange(tx, viewer, id, milestoneSnapshot(before, before.laneName), milestoneSnapshot({ ...before, done }, before.laneName));
    return { revision: before.revision };
  });
}

export async function deleteMilestone(viewer: Viewer, raw: unknown): Promise<void> {
  const { id, revision } = parseInput(deleteMilestoneSchema, raw);
  const { db } = await getDatabase();
  await db.transaction(async (tx) => {
    const before = await lockOwnMilestone(tx, viewer, id, revision);
    await tx.delete(growthMilestones).where(eq(growthMilestones.id, id));
    await recordAudit(tx, { actorId: viewer.id, action: "plan.milestone.delete", entityType: "growth_milestone", entityId: id, before: milestoneSnapshot(before, before.laneName) });
  });
}

/**
 * One of the viewer's milestones, locked for an edit on the revision given: "not found" for a
 * milestone the viewer may not read, "not allowed" for a report's (read, never changed).
 */
function lockOwnMilestone(tx: Tx, viewer: Viewer, id: string, revision: number) {
  return lockForEdit(tx, {
    table: growthMilestones,
    id,
    revision,
    what: "That milestone",
    load: async (id) => {
      const [row] = await tx
        .select({
          ownerId: growthPlans.ownerId,
          laneId: growthMilestones.laneId,
          lane: growthLanes.position,
          laneName: growthLanes.name,
          quarter: growthMilestones.quarter,
          title: growthMilestones.title,
          targetWeek: growthMilestones.targetWeek,
          artifact: growthMilestones.artifact,
          success: growthMilestones.success,
          done: growthMilestones.done,
          evidenceId: growthMilestones.evidenceId,
          revision: growthMilestones.revision,
        })
        .from(growthMilestones)
        .innerJoin(growthPlans, eq(growthPlans.id, growthMilestones.planId))
        .leftJoin(growthLanes, eq(growthLanes.id, growthMilestones.laneId))
        .where(eq(growthMilestones.id, id))
        .for("update", { of: growthMilestones });
      return row ? { ...row, lane: row.lane ?? 0 } : undefined;
    },
    authorize: async (row) => {
      if (!(await mayReadPerson(viewer, tx, row.ownerId))) throw new NotFoundError("That milestone");
      if (row.ownerId !== viewer.id) throw new NotAllowedError("Only the owner of a growth plan changes its milestones.");
    },
    conflict: "This milestone was changed elsewhere (another tab?) since you opened it. Reload to see the latest version; nothing was overwritten.",
  });
}
