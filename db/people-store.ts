import { eq, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "./client";
import { users } from "./schema";

/** The ids of everyone below a person in the reporting tree, direct and indirect, as a query to read or nest. */
export function reportingTreeQuery(managerId: string): SQL {
  return sql`with recursive tree(id) as (
      select id from users where manager_id = ${managerId}
      union
      select u.id from users u join tree t on u.manager_id = t.id
    )
    select id from tree`;
}

/** Everyone below a person in the reporting tree, direct and indirect. */
export async function reportingTreeIds(db: Db | Tx, managerId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(db, reportingTreeQuery(managerId));
  return rows.map((r) => r.id);
}

/**
 * A condition: the column holds someone below a person in the reporting tree, direct or indirect.
 * The tree is walked inside the query, so a list scoped to a manager's tree is one statement
 * whatever the tree's size, rather than a list of thousands of ids sent along.
 */
export function inReportingTree(column: AnyColumn, managerId: string): SQL {
  return sql`${column} in (${reportingTreeQuery(managerId)})`;
}

/** Ends every session of a person: each is refused on its next request, on every instance. */
export async function endSessions(db: Db | Tx, userId: string): Promise<void> {
  await db.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId));
}

/** How many active people are below a manager: directly, and in all. One statement, whatever the tree's size. */
export async function reportingTreeCounts(db: Db | Tx, managerId: string): Promise<{ direct: number; all: number }> {
  const [row] = await queryRows<{ direct: number; all: number }>(
    db,
    sql`with recursive tree(id, depth) as (
          select id, 1 from users where manager_id = ${managerId}
          union all
          select u.id, t.depth + 1 from users u join tree t on u.manager_id = t.id where t.depth < 64
        )
        select (count(*) filter (where t.depth = 1))::int as direct, count(*)::int as "all"
        from tree t join users u on u.id = t.id
        where u.active`,
  );
  return { direct: row?.direct ?? 0, all: row?.all ?? 0 };
}
