import { sql } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "./client";

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

/** The managers above a person, nearest first. */
export async function managerChainIds(db: Db | Tx, personId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string; depth: number }>(
    db,
    sql`with recursive chain(id, depth) as (
          select manager_id, 1 from users where id = ${personId} and manager_id is not null
          union
          select u.manager_id, c.depth + 1 from users u join chain c on u.id = c.id where u.manager_id is not null
        )
        select id, depth from chain order by depth`,
  );
  return rows.map((r) => r.id);
}
