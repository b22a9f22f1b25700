import "server-only";
import { eq, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "@/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/validation";

/** A table whose rows people edit: an id, and a revision counter raised by every change. */
type RevisedTable = PgTable & { id: AnyPgColumn; revision: AnyPgColumn; updatedAt?: AnyPgColumn };

/**
 * The one way Waymark edits a row that people change concurrently (optimistic concurrency):
 * 1. lock the row (`load` selects it `for update`, with whatever the checks need);
 * 2. answer "not found" when there is no such row, or the id cannot be one;
 * 3. run the caller's authorization on the row (it throws not found or not allowed);
 * 4. answer a conflict when the edit was made on an older revision than the row's;
 * 5. raise the revision, so the next stale edit is refused in turn.
 * The caller then writes its change in the same transaction. The row may be a parent whose
 * revision stands for its children too (a draft and its parts): edits to any child go through it.
 */
export async function lockForEdit<Row extends { revision: number }>(
  tx: Tx,
  options: {
    table: RevisedTable;
    id: string;
    /** The revision the edit was made on; omitted for changes that are not edits of a loaded copy. */
    revision?: number;
    /** "That evidence": what the not-found message calls the row. */
    what: string;
    load: (id: string) => Promise<Row | undefined>;
    authorize?: (row: Row) => void | Promise<void>;
    conflict?: string;
  },
): Promise<Row & { revision: number; touchedAt: Date }> {
  const { table, id } = options;
  if (!isUuid(id)) throw new NotFoundError(options.what);
  const row = await options.load(id);
  if (!row) throw new NotFoundError(options.what);
  await options.authorize?.(row);
  if (options.revision !== undefined && row.revision !== options.revision) throw new ConflictError(options.conflict);
  const touchedAt = new Date();
  await tx
    .update(table)
    .set({ revision: sql`${table.revision} + 1`, ...(table.updatedAt ? { updatedAt: touchedAt } : {}) } as never)
    .where(eq(table.id, id));
  return { ...row, revision: row.revision + 1, touchedAt };
}

/**
 * The first save of a row a person owns one of (their plan, inventory, direction): made on revision
 * 0, it creates the row at revision 1. A save on any other revision, or a first save that meets a
 * row another tab created meanwhile, is refused as a conflict and creates nothing.
 */
export async function createFirstRevision(
  tx: Tx,
  options: { table: RevisedTable & { ownerId: AnyPgColumn }; revision: number; values: Record<string, unknown>; conflict: string },
): Promise<{ id: string; revision: number }> {
  const { table } = options;
  if (options.revision !== 0) throw new ConflictError(options.conflict);
  const [created] = (await tx
    .insert(table)
    .values({ ...options.values, revision: 1 } as never)
    .onConflictDoNothing({ target: table.ownerId })
    .returning({ id: table.id, revision: table.revision })) as { id: string; revision: number }[];
  if (!created) throw new ConflictError(options.conflict);
  return created;
}
