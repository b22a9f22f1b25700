import { desc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "./client";
import { listPublishedVersionIds } from "./framework-store";
import { frameworkVersions, placements, steps, users } from "./schema";

/**
 * Where a person stands: the one rule, used by every reader. Callers authorize first.
 * - Their placement is the latest one by effective date (the latest recorded, on the same day).
 * - The framework version that applies to them is their placement's; someone not placed yet
 *   (new people, most managers and admins) uses the first published framework's current version,
 *   so their evidence and assessments refer to the path everyone reads.
 */

export type Placement = { frameworkId: string; versionId: string; stepId: string; stepName: string; effectiveOn: string; reason: string };

export async function latestPlacement(db: Db | Tx, personId: string): Promise<Placement | null> {
  const [row] = await db
    .select({
      frameworkId: frameworkVersions.frameworkId,
      versionId: placements.versionId,
      stepId: placements.stepId,
      stepName: steps.name,
      effectiveOn: placements.effectiveOn,
      reason: placements.reason,
    })
    .from(placements)
    .innerJoin(steps, eq(steps.id, placements.stepId))
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, placements.versionId))
    .where(eq(placements.userId, personId))
    .orderBy(desc(placements.effectiveOn), desc(placements.createdAt))
    .limit(1);
  return row ?? null;
}

/**
 * A person and their latest placement (by the rule above) in one statement: null when there is no
 * such person, `placement` null when they are not placed.
 */
export async function personWithPlacement(
  db: Db | Tx,
  personId: string,
): Promise<{ id: string; name: string; placement: Pick<Placement, "versionId" | "stepId" | "effectiveOn" | "reason"> | null } | null> {
  const latest = db
    .select({ versionId: placements.versionId, stepId: placements.stepId, effectiveOn: placements.effectiveOn, reason: placements.reason })
    .from(placements)
    .where(eq(placements.userId, users.id))
    .orderBy(desc(placements.effectiveOn), desc(placements.createdAt))
    .limit(1)
    .as("latest");
  const [row] = await db
    .select({ id: users.id, name: users.name, versionId: latest.versionId, stepId: latest.stepId, effectiveOn: latest.effectiveOn, reason: latest.reason })
    .from(users)
    .leftJoinLateral(latest, sql`true`)
    .where(eq(users.id, personId));
  if (!row) return null;
  const { id, name, versionId, stepId, effectiveOn, reason } = row;
  return { id, name, placement: versionId && stepId && effectiveOn && reason ? { versionId, stepId, effectiveOn, reason } : null };
}

export async function versionIdFor(db: Db | Tx, personId: string): Promise<string | null> {
  const placement = await latestPlacement(db, personId);
  if (placement) return placement.versionId;
  const [published] = await listPublishedVersionIds(db);
  return published?.versionId ?? null;
}
