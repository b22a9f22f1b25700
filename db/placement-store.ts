import { desc, eq } from "drizzle-orm";
import type { Db, Tx } from "./client";
import { listPublishedVersionIds } from "./framework-store";
import { placements, steps } from "./schema";

/**
 * Where a person stands: the one rule, used by every reader. Callers authorize first.
 * - Their placement is the latest one by effective date (the latest recorded, on the same day).
 * - The framework version that applies to them is their placement's; someone not placed yet
 *   (new people, most managers and admins) uses the first published framework's current version,
 *   so their evidence and assessments refer to the path everyone reads.
 */

export type Placement = { versionId: string; stepId: string; stepName: string; effectiveOn: string; reason: string };

export async function latestPlacement(db: Db | Tx, personId: string): Promise<Placement | null> {
  const [row] = await db
    .select({ versionId: placements.versionId, stepId: placements.stepId, stepName: steps.name, effectiveOn: placements.effectiveOn, reason: placements.reason })
    .from(placements)
    .innerJoin(steps, eq(steps.id, placements.stepId))
    .where(eq(placements.userId, personId))
    .orderBy(desc(placements.effectiveOn), desc(placements.createdAt))
    .limit(1);
  return row ?? null;
}

export async function versionIdFor(db: Db | Tx, personId: string): Promise<string | null> {
  const placement = await latestPlacement(db, personId);
  if (placement) return placement.versionId;
  const [published] = await listPublishedVersionIds(db);
  return published?.versionId ?? null;
}
