import "server-only";
import { and, asc, eq, notInArray, sql } from "drizzle-orm";
import { recordAudit } from "@/db/audit";
import type { Tx } from "@/db/client";
import { getDatabase } from "@/db/runtime";
import { growthLanes, growthPlans, users } from "@/db/schema";
import { canReadPerson, type Viewer } from "@/lib/auth/policy";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { Month } from "@/lib/plan/choices";
import { isEmptyLane, planBasicsSchema } from "@/lib/plan/schemas";
import { isUuid, parseInput } from "@/lib/validation";
import { lockForEdit } from "./revision";

/**
 * Growth plans: where an engineer is heading (the north star and the month it is meant for) and
 * the lanes that lead there. Read like the rest of a person's career data — by the person, their
 * manager chain and admins — and written by the person alone: a save always concerns the viewer's
 * own plan, so no request can name another's.
 */

export type LaneView = { position: number; name: string; outcome: string; metrics: string };

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
  /** Whether the viewer writes this plan (its owner), or only reads it (manager chain, admins). */
  canEdit: boolean;
};

const CONFLICT = "Your growth plan was saved elsewhere (another tab?) since you opened it. Nothing was saved: reload to see the latest version, then make your change again.";

const laneColumns = { position: growthLanes.position, name: growthLanes.name, outcome: growthLanes.outcome, metrics: growthLanes.metrics };

/** A stored horizon (the month's first day) as the month it stands for. */
const monthOfDate = (d: string | null): Month | null => (d ? (d.slice(0, 7) as Month) : null);

/** A person's plan, for whoever may read their career data; "not found" for anyone else and for nobody. */
export async function getPlan(viewer: Viewer, personId: string): Promise<PlanView> {
  if (!isUuid(personId) || !canReadPerson(viewer, personId)) throw new NotFoundError("That growth plan");
  const { db } = await getDatabase();
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
  const lanes = row.planId ? await db.select(laneColumns).from(growthLanes).where(eq(growthLanes.planId, row.planId)).orderBy(asc(growthLanes.position)) : [];
  return {
    owner: { id: row.ownerId, name: row.ownerName },
    saved: row.planId !== null,
    northStar: row.northStar ?? "",
    horizon: monthOfDate(row.horizon),
    lanes,
    revision: row.revision ?? 0,
    updatedAt: row.updatedAt,
    canEdit: viewer.id === row.ownerId,
  };
}

/** What the audit log keeps of a plan's north star and lanes, before and after a save. */
type PlanSnapshot = { northStar: string; horizon: Month | null; lanes: LaneView[] };

/**
 * Saves the viewer's own north star, horizon and lanes on top of the revision the form was loaded
 * on (0 for a first save). A save made on an older revision — another tab, a second first save —
 * is a conflict and changes nothing. Lanes keep their positions: a lane left empty is removed.
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
      if (input.revision !== 0) throw new ConflictError(CONFLICT);
      // A first save from a second tab meets the first one's row here, and is refused in turn.
      const [created] = await tx
        .insert(growthPlans)
        .values({ ownerId: viewer.id, ...fields, revision: 1 })
        .onConflictDoNothing({ target: growthPlans.ownerId })
        .returning({ id: growthPlans.id, revision: growthPlans.revision });
      if (!created) throw new ConflictError(CONFLICT);
      ({ id: planId, revision } = created);
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
