import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { endSessions, inReportingTree } from "@/db/people-store";
import { getDatabase } from "@/db/runtime";
import { users } from "@/db/schema";
import { canReadPerson, type Viewer } from "@/lib/auth/policy";
import { isUuid } from "@/lib/validation";

export type { Viewer };

/**
 * The person behind a request, read from the database every time: a changed role or a
 * deactivation takes effect on the next request, whatever the session cookie says. With a
 * session version, a session issued before the person's sessions were ended is refused too.
 *
 * No one's reporting tree is read here: it grows with the organisation. Checks that concern
 * people below the viewer ask the tree about those people only (`resolveReports`).
 */
export async function loadViewer(userId: string, session?: { version: number }): Promise<Viewer | null> {
  const { db } = await getDatabase();
  const [user] = await db
    .select({
      id: users.id,
      role: users.role,
      name: users.name,
      email: users.email,
      hasReports: sql<boolean>`exists (select 1 from users r where r.manager_id = ${userId})`,
    })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true), session ? eq(users.sessionVersion, session.version) : undefined));
  if (!user) return null;
  return { ...user, hasReports: !!user.hasReports, reportIds: new Set() };
}

/**
 * What has been asked of the tree for a viewer, kept with the viewer's `reportIds` (one set per
 * request, as the viewer is read once per request): each person asked about once, and a question
 * already on its way shared by whoever asks it next.
 */
const asked = new WeakMap<ReadonlySet<string>, Map<string, Promise<void>>>();

/**
 * Asks the reporting tree which of these people are below the viewer, in one statement for those
 * not asked before in this request, and adds them to `reportIds`, where the policy functions look.
 * Only a manager or an admin with direct reports has a tree to ask; anyone else is left as they are.
 * Returns the same viewer, for use in an expression.
 */
export async function resolveReports(viewer: Viewer, db: Db | Tx, personIds: readonly string[]): Promise<Viewer> {
  if (viewer.role === "engineer" || !viewer.hasReports) return viewer;
  let memo = asked.get(viewer.reportIds);
  if (!memo) asked.set(viewer.reportIds, (memo = new Map()));
  const fresh = [...new Set(personIds)].filter((id) => id !== viewer.id && isUuid(id) && !memo.has(id));
  if (fresh.length > 0) {
    const found = db
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, fresh), inReportingTree(users.id, viewer.id)))
      .then((rows) => {
        for (const r of rows) (viewer.reportIds as Set<string>).add(r.id);
      });
    // A failed question is not remembered, so the next check asks again rather than trusting it.
    found.catch(() => fresh.forEach((id) => memo.delete(id)));
    for (const id of fresh) memo.set(id, found);
  }
  await Promise.all(personIds.filter(isUuid).map((id) => memo.get(id)));
  return viewer;
}

/**
 * Whether the viewer may read this person's page and career data: themselves, an admin, or the
 * person's manager chain. A malformed id is nobody's. At most one statement, for a manager.
 */
export async function mayReadPerson(viewer: Viewer, db: Db | Tx, personId: string): Promise<boolean> {
  if (!isUuid(personId)) return false;
  if (viewer.role === "admin" || viewer.id === personId) return true;
  await resolveReports(viewer, db, [personId]);
  return canReadPerson(viewer, personId);
}

/** The people of this list the viewer may read, resolved in at most one statement. */
export async function readablePeople(viewer: Viewer, db: Db | Tx, personIds: readonly string[]): Promise<string[]> {
  const ids = [...new Set(personIds.filter(isUuid))];
  if (viewer.role !== "admin") await resolveReports(viewer, db, ids);
  return ids.filter((id) => canReadPerson(viewer, id));
}

/** The session version a new session of this person is issued under. */
export async function currentSessionVersion(userId: string): Promise<number | null> {
  const { db } = await getDatabase();
  const [row] = await db.select({ version: users.sessionVersion }).from(users).where(and(eq(users.id, userId), eq(users.active, true)));
  return row?.version ?? null;
}

/** Signing out ends every session of the viewer, on every device and instance. */
export async function signOutEverywhere(viewer: Pick<Viewer, "id">): Promise<void> {
  const { db } = await getDatabase();
  await endSessions(db, viewer.id);
}
