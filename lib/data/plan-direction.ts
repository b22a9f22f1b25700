import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { recordAudit } from "@/db/audit";
import { listPublishedVersionIds } from "@/db/framework-store";
import { latestPlacement } from "@/db/placement-store";
import { getDatabase } from "@/db/runtime";
import { growthDirections, steps, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/policy";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import type { ArchetypeMix, Lean } from "@/lib/plan/archetypes";
import { directionSchema } from "@/lib/plan/direction-schemas";
import { parseInput } from "@/lib/validation";
import { createFirstRevision, lockForEdit } from "./revision";
import { mayReadPerson } from "./viewer";

/**
 * Where a person leans past senior — deeper technical (staff), people management, product or
 * another framework of the organisation — and why, with the staff archetype mix now and wanted.
 * Read like the rest of a person's career data and written by its owner alone: a save always
 * concerns the viewer's own direction.
 */

export type FrameworkRoad = {
  key: string;
  name: string;
  /** Whether the person is placed on this framework. */
  own: boolean;
  /** On their own framework the steps past their current one; on another, every step. */
  steps: { name: string; summary: string }[];
};

export type DirectionView = {
  owner: { id: string; name: string };
  saved: boolean;
  lean: Lean;
  frameworkKey: string | null;
  reason: string;
  currentMix: ArchetypeMix | null;
  wantedMix: ArchetypeMix | null;
  revision: number;
  updatedAt: Date | null;
  canEdit: boolean;
  /** The organisation's published frameworks, the person's own first; their current step's name when placed. */
  frameworks: FrameworkRoad[];
  currentStep: string | null;
};

const CONFLICT = "Your direction was saved elsewhere (another tab?) since you opened it. Nothing was saved: reload to see the latest version, then make your change again.";

/** A person's direction and the roads open to them, in a fixed number of statements whatever the organisation's size. */
export async function getDirection(viewer: Viewer, personId: string): Promise<DirectionView> {
  const { db } = await getDatabase();
  if (!(await mayReadPerson(viewer, db, personId))) throw new NotFoundError("That direction");
  const [[row], published, placement] = await Promise.all([
    db
      .select({
        ownerId: users.id,
        ownerName: users.name,
        directionId: growthDirections.id,
        lean: growthDirections.lean,
        frameworkKey: growthDirections.frameworkKey,
        reason: growthDirections.reason,
        currentMix: growthDirections.currentMix,
        wantedMix: growthDirections.wantedMix,
        revision: growthDirections.revision,
        updatedAt: growthDirections.updatedAt,
      })
      .from(users)
      .leftJoin(growthDirections, eq(growthDirections.ownerId, users.id))
      .where(eq(users.id, personId)),
    listPublishedVersionIds(db),
    latestPlacement(db, personId),
  ]);
  if (!row) throw new NotFoundError("That direction");
  const versionIds = published.map((p) => p.versionId);
  const allSteps = versionIds.length
    ? await db
        .select({ versionId: steps.versionId, id: steps.id, name: steps.name, summary: steps.summary, position: steps.position })
        .from(steps)
        .where(inArray(steps.versionId, versionIds))
        .orderBy(asc(steps.position))
    : [];
  const current = placement ? allSteps.find((s) => s.id === placement.stepId) : undefined;
  const frameworks: FrameworkRoad[] = published
    .map((p) => {
      const own = placement?.frameworkId === p.frameworkId;
      const ofVersion = allSteps.filter((s) => s.versionId === p.versionId);
      const past = own && current && current.versionId === p.versionId ? ofVersion.filter((s) => s.position > current.position) : ofVersion;
      return { key: p.frameworkKey, name: p.frameworkName, own, steps: past.map(({ name, summary }) => ({ name, summary })) };
    })
    .sort((a, b) => Number(b.own) - Number(a.own));
  return {
    owner: { id: row.ownerId, name: row.ownerName },
    saved: row.directionId !== null,
    lean: row.lean ?? "undecided",
    frameworkKey: row.frameworkKey,
    reason: row.reason ?? "",
    currentMix: row.currentMix,
    wantedMix: row.wantedMix,
    revision: row.revision ?? 0,
    updatedAt: row.updatedAt,
    canEdit: viewer.id === row.ownerId,
    frameworks,
    currentStep: placement?.stepName ?? null,
  };
}

type DirectionSnapshot = { lean: Lean; frameworkKey: string | null; reason: string; currentMix: ArchetypeMix | null; wantedMix: ArchetypeMix | null };

/** Saves the viewer's own direction on top of the revision the form was loaded on (0 for a first save). */
export async function saveDirection(viewer: Viewer, raw: unknown): Promise<{ revision: number }> {
  const input = parseInput(directionSchema, raw);
  const { db } = await getDatabase();
  if (input.frameworkKey !== null) {
    const published = await listPublishedVersionIds(db);
    if (!published.some((p) => p.frameworkKey === input.frameworkKey)) throw new InvalidInputError("Check the highlighted fields.", { frameworkKey: ["Choose one of the frameworks listed."] });
  }
  const after: DirectionSnapshot = { lean: input.lean, frameworkKey: input.frameworkKey, reason: input.reason, currentMix: input.current, wantedMix: input.wanted };
  const fields = { lean: after.lean, frameworkKey: after.frameworkKey, reason: after.reason, currentMix: after.currentMix, wantedMix: after.wantedMix };
  return db.transaction(async (tx) => {
    const [mine] = await tx.select({ id: growthDirections.id }).from(growthDirections).where(eq(growthDirections.ownerId, viewer.id));
    let id: string;
    let revision: number;
    let before: DirectionSnapshot | null = null;
    if (!mine) {
      ({ id, revision } = await createFirstRevision(tx, { table: growthDirections, revision: input.revision, values: { ownerId: viewer.id, ...fields }, conflict: CONFLICT }));
    } else {
      id = mine.id;
      const locked = await lockForEdit(tx, {
        table: growthDirections,
        id,
        revision: input.revision,
        what: "Your direction",
        load: async (rowId) => {
          const [r] = await tx
            .select({ revision: growthDirections.revision, lean: growthDirections.lean, frameworkKey: growthDirections.frameworkKey, reason: growthDirections.reason, currentMix: growthDirections.currentMix, wantedMix: growthDirections.wantedMix })
            .from(growthDirections)
            .where(eq(growthDirections.id, rowId))
            .for("update");
          return r;
        },
        conflict: CONFLICT,
      });
      revision = locked.revision;
      before = { lean: locked.lean, frameworkKey: locked.frameworkKey, reason: locked.reason, currentMix: locked.currentMix, wantedMix: locked.wantedMix };
      await tx.update(growthDirections).set(fields).where(eq(growthDirections.id, id));
    }
    await recordAudit(tx, { actorId: viewer.id, action: "plan.direction.update", entityType: "growth_direction", entityId: id, before, after });
    return { revision };
  });
}
