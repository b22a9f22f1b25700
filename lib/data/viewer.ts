import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { endSessions, inReportingTree, reportingTreeQuery } from "@/db/people-store";
import { getDatabase } from "@/db/runtime";
import { users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/policy";
import { isUuid } from "@/lib/validation";

export type { Viewer };

/**
 * The person behind a request, read from the database every time: a changed role or a
 * deactivation takes effect on the next request, whatever the session cookie says. With a
 * session version, a session issued before the person's sessions were ended is refused too.
 */
export async function loadViewer(userId: string, session?: { version: number }): Promise<Viewer | null> {
  const { db } = await getDatabase();
  // One statement on every request: the person, and for a manager their reporting tree. An admin's
  // tree is not read here: it would grow with the organisation, and an admin reads everyone anyway.
  const [user] = await db
    .select({
      id: users.id,
      role: users.role,
      name: users.name,
      email: users.email,
      reportIds: sql<string[]>`case when ${users.role} = 'manager' then array(${reportingTreeQuery(userId)})::text[] else '{}'::text[] end`,
      hasReports: sql<boolean>`exists (select 1 from users r where r.manager_id = ${userId})`,
    })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true), session ? eq(users.sessionVersion, session.version) : undefined));
  if (!user) return null;
  return { ...user, hasReports: !!user.hasReports, reportIds: new Set(user.reportIds) };
}

/**
 * The viewer as a manager of these people: for an admin, whose tree is not read with every
 * request, `reportIds` holds those of them who are below the admin, asked in one statement; anyone
 * else is returned as they are.
 */
export async function asManagerOf(viewer: Viewer, db: Db | Tx, personIds: string[]): Promise<Viewer> {
  if (viewer.role !== "admin") return viewer;
  const ids = [...new Set(personIds.filter(isUuid))];
  if (ids.length === 0) return viewer;
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), inReportingTree(users.id, viewer.id)));
  return { ...viewer, reportIds: new Set(rows.map((r) => r.id)) };
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
