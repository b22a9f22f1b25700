import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, notInArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { recordAudit } from "@/db/audit";
import type { Tx } from "@/db/client";
import { getDatabase } from "@/db/runtime";
import { growthSkillInventories, growthSkills, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/policy";
import { ConflictError, InvalidInputError, NotAllowedError, NotFoundError } from "@/lib/errors";
import { STARTER_SKILLS, topGaps, type SkillGap } from "@/lib/plan/skills";
import { gapActionsSchema, managerRatingsSchema, readManagerRatingsForm, skillsSchema } from "@/lib/plan/skills-schemas";
import { isUuid, parseInput } from "@/lib/validation";
import { createFirstRevision, lockForEdit } from "./revision";
import { mayReadPerson } from "./viewer";

/**
 * A person's skills inventory: areas and skills, their own rating and target for each, actions for
 * the largest gaps, and their direct manager's rating beside theirs. Read like the rest of a
 * person's career data (the person, their manager chain, admins). The owner writes the skills,
 * ratings, targets and actions — a save always concerns the viewer's own inventory; the person's
 * direct manager writes only their own rating column. Managers higher up the chain read it.
 */

export type SkillView = {
  id: string;
  area: string;
  name: string;
  rating: number | null;
  target: number | null;
  managerRating: number | null;
  /** Who gave the manager's rating, while they are on record. */
  managerRatedBy: string | null;
  actions: { read: string; practise: string; show: string };
};

export type SkillsView = {
  owner: { id: string; name: string; managerId: string | null };
  /** Whether the inventory was ever saved; until then it shows the starter list. */
  saved: boolean;
  skills: SkillView[];
  gaps: SkillGap<SkillView>[];
  /** The owner's revision (0 before the first save), and the manager's ratings' own. */
  revision: number;
  managerRevision: number;
  updatedAt: Date | null;
  /** The owner writes the inventory; their direct manager writes their rating beside it. */
  canEdit: boolean;
  canRate: boolean;
};

const CONFLICT = "Your skills were saved elsewhere (another tab?) since you opened them. Nothing was saved: reload to see the latest version, then make your change again.";
const MANAGER_CONFLICT = "Ratings were saved elsewhere (another tab?) since you opened this page. Nothing was saved: reload to see the latest ratings, then make your change again.";

/** The starter list, as the form shows it before a first save: no ids, nothing rated. */
export function starterSkills(): SkillView[] {
  return STARTER_SKILLS.flatMap(({ area, skills }) =>
    skills.map((name) => ({ id: "", area, name, rating: null, target: null, managerRating: null, managerRatedBy: null, actions: { read: "", practise: "", show: "" } })),
  );
}

const rater = alias(users, "rater");

const skillColumns = {
  id: growthSkills.id,
  area: growthSkills.area,
  name: growthSkills.name,
  rating: growthSkills.rating,
  target: growthSkills.target,
  managerRating: growthSkills.managerRating,
  managerRatedBy: rater.name,
  read: growthSkills.actionRead,
  practise: growthSkills.actionPractise,
  show: growthSkills.actionShow,
};

type SkillRow = { id: string; area: string; name: string; rating: number | null; target: number | null; managerRating: number | null; managerRatedBy: string | null; read: string; practise: string; show: string };
const toView = ({ read, practise, show, ...s }: SkillRow): SkillView => ({ ...s, actions: { read, practise, show } });

/** A person's inventory, for whoever may read their career data; "not found" for anyone else. Two statements whatever its size. */
export async function getSkills(viewer: Viewer, personId: string): Promise<SkillsView> {
  const { db } = await getDatabase();
  if (!(await mayReadPerson(viewer, db, personId))) throw new NotFoundError("That skills inventory");
  const [row] = await db
    .select({
      ownerId: users.id,
      ownerName: users.name,
      managerId: users.managerId,
      inventoryId: growthSkillInventories.id,
      revision: growthSkillInventories.revision,
      managerRevision: growthSkillInventories.managerRevision,
      updatedAt: growthSkillInventories.updatedAt,
    })
    .from(users)
    .leftJoin(growthSkillInventories, eq(growthSkillInventories.ownerId, users.id))
    .where(eq(users.id, personId));
  if (!row) throw new NotFoundError("That skills inventory");
  const skills = row.inventoryId
    ? (
        await db
          .select(skillColumns)
          .from(growthSkills)
          .leftJoin(rater, eq(rater.id, growthSkills.managerRatedBy))
          .where(eq(growthSkills.inventoryId, row.inventoryId))
          .orderBy(asc(growthSkills.position))
      ).map(toView)
    : [];
  return {
    owner: { id: row.ownerId, name: row.ownerName, managerId: row.managerId },
    saved: row.inventoryId !== null,
    skills,
    gaps: topGaps(skills),
    revision: row.revision ?? 0,
    managerRevision: row.managerRevision ?? 0,
    updatedAt: row.updatedAt,
    canEdit: viewer.id === row.ownerId,
    canRate: viewer.id !== row.ownerId && row.managerId === viewer.id,
  };
}

/** What the audit log keeps of an inventory's skills. */
type SkillSnapshot = { id: string; area: string; name: string; rating: number | null; target: number | null };

async function lockInventory(tx: Tx, inventoryId: string, revision: number) {
  return lockForEdit(tx, {
    table: growthSkillInventories,
    id: inventoryId,
    revision,
    what: "Your skills inventory",
    load: async (id) => {
      const [inv] = await tx.select({ revision: growthSkillInventories.revision }).from(growthSkillInventories).where(eq(growthSkillInventories.id, id)).for("update");
      return inv;
    },
    conflict: CONFLICT,
  });
}

async function storedSkills(tx: Tx, inventoryId: string) {
  return tx
    .select({ id: growthSkills.id, area: growthSkills.area, name: growthSkills.name, rating: growthSkills.rating, target: growthSkills.target })
    .from(growthSkills)
    .where(eq(growthSkills.inventoryId, inventoryId))
    .orderBy(asc(growthSkills.position));
}

const snapshot = (skills: readonly SkillSnapshot[]): SkillSnapshot[] => skills.map(({ id, area, name, rating, target }) => ({ id, area, name, rating, target }));

/**
 * Saves the viewer's own inventory on top of the revision the form was loaded on (0 for a first
 * save): the skills in the order sent, each kept by its id, new ones added, those left out removed.
 * An id that is not one of the viewer's skills is refused beside its field, and nothing changes.
 */
export async function saveSkills(viewer: Viewer, raw: unknown): Promise<{ revision: number }> {
  const input = parseInput(skillsSchema, raw);
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    const [mine] = await tx.select({ id: growthSkillInventories.id }).from(growthSkillInventories).where(eq(growthSkillInventories.ownerId, viewer.id));
    let inventoryId: string;
    let revision: number;
    let before: SkillSnapshot[] | null = null;
    const known = new Set<string>();
    if (!mine) {
      ({ id: inventoryId, revision } = await createFirstRevision(tx, { table: growthSkillInventories, revision: input.revision, values: { ownerId: viewer.id }, conflict: CONFLICT }));
    } else {
      inventoryId = mine.id;
      ({ revision } = await lockInventory(tx, inventoryId, input.revision));
      const stored = await storedSkills(tx, inventoryId);
      before = snapshot(stored);
      for (const s of stored) known.add(s.id);
    }
    const forged: Record<string, string[]> = {};
    for (const s of input.skills) if (s.id && !known.has(s.id)) forged[`skills.${s.slot}.name`] = ["This skill is not in your inventory: reload the page and add it again."];
    if (Object.keys(forged).length > 0) throw new InvalidInputError("Check the highlighted fields.", forged);

    const rows = input.skills.map((s, i) => ({ id: s.id ?? randomUUID(), inventoryId, position: i + 1, area: s.area, name: s.name, rating: s.rating, target: s.target }));
    const kept = rows.map((r) => r.id);
    await tx.delete(growthSkills).where(and(eq(growthSkills.inventoryId, inventoryId), kept.length ? notInArray(growthSkills.id, kept) : undefined));
    if (rows.length > 0) {
      await tx
        .insert(growthSkills)
        .values(rows)
        .onConflictDoUpdate({
          target: growthSkills.id,
          set: { position: sql`excluded.position`, area: sql`excluded.area`, name: sql`excluded.name`, rating: sql`excluded.rating`, target: sql`excluded.target` },
        });
    }
    await recordAudit(tx, { actorId: viewer.id, action: "plan.skills.update", entityType: "skill_inventory", entityId: inventoryId, before: before && { skills: before }, after: { skills: snapshot(rows) } });
    return { revision };
  });
}

/** Saves the viewer's actions for their top gaps (read, practise, show), on top of the inventory's revision. */
export async function saveGapActions(viewer: Viewer, raw: unknown): Promise<{ revision: number }> {
  const input = parseInput(gapActionsSchema, raw);
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    const [mine] = await tx.select({ id: growthSkillInventories.id }).from(growthSkillInventories).where(eq(growthSkillInventories.ownerId, viewer.id));
    if (!mine) throw new ConflictError(CONFLICT);
    const { revision } = await lockInventory(tx, mine.id, input.revision);
    const ids = input.actions.map((a) => a.skillId).filter(isUuid);
    const stored = ids.length
      ? await tx
          .select({ id: growthSkills.id, name: growthSkills.name, read: growthSkills.actionRead, practise: growthSkills.actionPractise, show: growthSkills.actionShow })
          .from(growthSkills)
          .where(and(eq(growthSkills.inventoryId, mine.id), inArray(growthSkills.id, ids)))
      : [];
    const byId = new Map(stored.map((s) => [s.id, s]));
    const forged: Record<string, string[]> = {};
    input.actions.forEach((a, k) => {
      if (!byId.has(a.skillId)) forged[`actions.${k}.read`] = ["This gap is not one of your skills: reload the page."];
    });
    if (Object.keys(forged).length > 0) throw new InvalidInputError("Check the highlighted fields.", forged);
    const before = input.actions.map((a) => {
      const s = byId.get(a.skillId)!;
      return { name: s.name, read: s.read, practise: s.practise, show: s.show };
    });
    const after = input.actions.map((a) => ({ name: byId.get(a.skillId)!.name, read: a.read, practise: a.practise, show: a.show }));
    for (const a of input.actions) {
      await tx.update(growthSkills).set({ actionRead: a.read, actionPractise: a.practise, actionShow: a.show }).where(eq(growthSkills.id, a.skillId));
    }
    await recordAudit(tx, { actorId: viewer.id, action: "plan.skills.actions", entityType: "skill_inventory", entityId: mine.id, before: { actions: before }, after: { actions: after } });
    return { revision };
  });
}

/** The manager's ratings, an error on a rating answered under that rating's own field (`rating.<skill id>`). */
function parseManagerRatings(raw: unknown) {
  const parsed = managerRatingsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const sent = readManagerRatingsForm(raw);
  const ratings = sent && typeof sent === "object" && Array.isArray((sent as { ratings?: unknown }).ratings) ? ((sent as { ratings: { skillId?: unknown }[] }).ratings) : [];
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const [list, index] = issue.path;
    const skillId = list === "ratings" && typeof index === "number" ? ratings[index]?.skillId : undefined;
    const key = typeof skillId === "string" ? `rating.${skillId}` : issue.path.length ? issue.path.join(".") : "form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  throw new InvalidInputError("Check the highlighted fields.", fieldErrors);
}

/**
 * The direct manager's ratings beside the person's own, on top of the ratings' revision. Anyone
 * else who may read the inventory is refused (not allowed); anyone who may not, answered "not
 * found". A skill id not in the person's inventory is refused beside its field.
 */
export async function saveManagerRatings(viewer: Viewer, raw: unknown): Promise<{ revision: number }> {
  const input = parseManagerRatings(raw);
  const personId = input.personId;
  const { db } = await getDatabase();
  if (!(await mayReadPerson(viewer, db, personId))) throw new NotFoundError("That skills inventory");
  return db.transaction(async (tx) => {
    const [person] = await tx.select({ managerId: users.managerId, active: users.active }).from(users).where(eq(users.id, personId));
    if (!person) throw new NotFoundError("That skills inventory");
    if (person.managerId !== viewer.id || viewer.id === personId || !person.active) throw new NotAllowedError("Only the person's direct manager rates their skills beside them.");
    const [inventory] = await tx
      .select({ id: growthSkillInventories.id, managerRevision: growthSkillInventories.managerRevision })
      .from(growthSkillInventories)
      .where(eq(growthSkillInventories.ownerId, personId))
      .for("update");
    if (!inventory) throw new InvalidInputError("There are no skills to rate yet.", { form: ["There are no skills to rate yet."] });
    if (inventory.managerRevision !== input.revision) throw new ConflictError(MANAGER_CONFLICT);
    const stored = await tx
      .select({ id: growthSkills.id, name: growthSkills.name, managerRating: growthSkills.managerRating })
      .from(growthSkills)
      .where(eq(growthSkills.inventoryId, inventory.id));
    const byId = new Map(stored.map((s) => [s.id, s]));
    const forged: Record<string, string[]> = {};
    for (const r of input.ratings) if (!byId.has(r.skillId)) forged[`rating.${r.skillId}`] = ["This skill is not in their inventory: reload the page."];
    if (Object.keys(forged).length > 0) throw new InvalidInputError("Check the highlighted fields.", forged);
    const changes = input.ratings.filter((r) => byId.get(r.skillId)!.managerRating !== r.rating);
    for (const r of changes) {
      await tx.update(growthSkills).set({ managerRating: r.rating, managerRatedBy: r.rating === null ? null : viewer.id }).where(eq(growthSkills.id, r.skillId));
    }
    const revision = inventory.managerRevision + 1;
    await tx.update(growthSkillInventories).set({ managerRevision: revision }).where(eq(growthSkillInventories.id, inventory.id));
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "plan.skills.rate",
      entityType: "skill_inventory",
      entityId: inventory.id,
      before: { ratings: changes.map((r) => ({ name: byId.get(r.skillId)!.name, rating: byId.get(r.skillId)!.managerRating })) },
      after: { ratings: changes.map((r) => ({ name: byId.get(r.skillId)!.name, rating: r.rating })) },
    });
    return { revision };
  });
}
