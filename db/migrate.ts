import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type { DatabaseHandle } from "./client";

export const migrationsFolder = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");

/** Any number below 2^63 that no other tool on the same server uses for an advisory lock. */
const MIGRATION_LOCK_ID = 727_1993_0001;

/**
 * Applies pending migrations; a second run is a no-op. On a shared PostgreSQL server several
 * instances may start at once, so they take turns behind an advisory lock.
 */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  await withAdvisoryLock(handle, MIGRATION_LOCK_ID, () =>
    migratePostgres(handle.db as unknown as PostgresJsDatabase, { migrationsFolder }),
  );
}

/** Runs fn while holding a session-level advisory lock on PostgreSQL (a plain call on PGlite). */
export async function withAdvisoryLock<T>(handle: DatabaseHandle, id: number, fn: () => Promise<T>): Promise<T> {
  if (handle.kind === "pglite") return fn();
  // Advisory locks belong to a connection, so lock and unlock inside one transaction-scoped lock.
  return handle.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${id})`);
    return fn();
  });
}
