import { eq, sql } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "./client";
import { users } from "./schema";

/** Everyone below a person in the reporting tree, direct and indirect. */
export async function reportingTreeIds(db: Db | Tx, managerId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`with recursive tree(id) as (
          select id from users where manager_id = ${managerId}
          union
          select u.id from users u join tree t on u.manager_id = t.id
        )
        select id from tree`,
  );
  return rows.map((r) => r.id);
}

/** Ends every session of a person: each is refused on its next request, on every instance. */
export async function endSessions(db: Db | Tx, userId: string): Promise<void> {
  await db.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId));
}
