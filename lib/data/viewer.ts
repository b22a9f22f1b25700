import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { endSessions, reportingTreeQuery } from "@/db/people-store";
import { getDatabase } from "@/db/runtime";
import { users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/policy";

export type { Viewer };

/**
 * The person behind a request, read from the database every time: a changed role or a
 * deactivation takes effect on the next request, whatever the session cookie says. With a
 * session version, a session issued before the person's sessions were ended is refused too.
 */
export async function loadViewer(userId: string, session?: { version: number }): Promise<Viewer | null> {
  const { db } = await getDatabase();
  // One statement on every request: the person, and (for managers and admins) their reporting tree.
  const [user] = await db
    .select({
      id: users.id,
      role: users.role,
      name: users.name,
      email: users.email,
      reportIds: sql<string[]>`case when ${users.role} = 'engineer' then '{}'::text[] else array(${reportingTreeQuery(userId)})::text[] end`,
    })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true), session ? eq(users.sessionVersion, session.version) : undefined));
  if (!user) return null;
  return { ...user, reportIds: new Set(user.reportIds) };
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
