import "server-only";
import { count, desc, eq } from "drizzle-orm";
import { recordAudit } from "@/db/audit";
import { getDatabase } from "@/db/runtime";
import { growthCheckIns } from "@/db/schema";
import type { Viewer } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { checkInSchema, type CheckInInput } from "@/lib/plan/check-in-schemas";
import { CHECK_INS_SHOWN, isCheckInDue } from "@/lib/plan/check-ins";
import { parseInput } from "@/lib/validation";
import { mayReadPerson } from "./viewer";

/**
 * The half-yearly check-in: four questions answered by the engineer, each in words and with a
 * feeling from 1 to 5, kept as answered. Read like the growth plan and written by its owner
 * alone: a check-in is always the viewer's own, whatever ids come with it.
 */

export type CheckInView = CheckInInput & { id: string; createdAt: Date };

export type CheckInLog = {
  /** The newest CHECK_INS_SHOWN, newest first: the first is the last check-in. */
  items: CheckInView[];
  total: number;
  /** Whether a new check-in is asked for: none yet, or six months since the last. */
  due: boolean;
  canEdit: boolean;
};

const columns = {
  id: growthCheckIns.id,
  createdAt: growthCheckIns.createdAt,
  learning: growthCheckIns.learning,
  learningRating: growthCheckIns.learningRating,
  lookingForward: growthCheckIns.lookingForward,
  lookingForwardRating: growthCheckIns.lookingForwardRating,
  connected: growthCheckIns.connected,
  connectedRating: growthCheckIns.connectedRating,
  impact: growthCheckIns.impact,
  impactRating: growthCheckIns.impactRating,
};

/** A person's check-ins, for whoever may read their plan; "not found" for anyone else. Two statements whatever their number. */
export async function listCheckIns(viewer: Viewer, personId: string): Promise<CheckInLog> {
  const { db } = await getDatabase();
  if (!(await mayReadPerson(viewer, db, personId))) throw new NotFoundError("That growth plan");
  const [items, [totals]] = await Promise.all([
    db.select(columns).from(growthCheckIns).where(eq(growthCheckIns.ownerId, personId)).orderBy(desc(growthCheckIns.createdAt), desc(growthCheckIns.id)).limit(CHECK_INS_SHOWN),
    db.select({ total: count() }).from(growthCheckIns).where(eq(growthCheckIns.ownerId, personId)),
  ]);
  return { items, total: totals?.total ?? 0, due: isCheckInDue(items[0]?.createdAt ?? null), canEdit: viewer.id === personId };
}

/** Saves a check-in of the viewer's own, dated now. */
export async function saveCheckIn(viewer: Viewer, raw: unknown): Promise<{ id: string }> {
  const input = parseInput(checkInSchema, raw);
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(growthCheckIns)
      .values({ ownerId: viewer.id, ...input })
      .returning({ id: growthCheckIns.id });
    await recordAudit(tx, { actorId: viewer.id, action: "plan.check-in.create", entityType: "growth_check_in", entityId: row!.id, after: input });
    return { id: row!.id };
  });
}
