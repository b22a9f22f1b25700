import "server-only";
import { and, eq } from "drizzle-orm";
import { reportingTreeIds } from "@/db/people-store";
import { getDatabase } from "@/db/runtime";
import { users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/policy";

export type { Viewer };

/**
 * The person behind a request, read from the database every time: a changed role or a
 * deactivation takes effect on the next request, whatever the session cookie says.
 */
export async function loadViewer(userId: string): Promise<Viewer | null> {
  const { db } = await getDatabase();
  const [user] = await db
    .select({ id: users.id, role: users.role, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true)));
  if (!user) return null;
  const reportIds = user.role === "engineer" ? [] : await reportingTreeIds(db, user.id);
  return { ...user, reportIds: new Set(reportIds) };
}
