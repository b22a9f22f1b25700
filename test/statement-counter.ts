import type { Logger } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { PGlite } from "@electric-sql/pglite";
import type postgres from "postgres";
import type { DatabaseHandle, Db } from "@/db/client";
import { installDatabase } from "@/db/runtime";
import * as schema from "@/db/schema";

/**
 * Makes a test database the process's database through a second drizzle instance on the same
 * connection whose logger counts every statement drizzle sends, so a test can say how many
 * queries a read costs.
 */
export function installCountingDatabase(handle: DatabaseHandle): { count<T>(read: () => Promise<T>): Promise<{ result: T; statements: number }> } {
  let statements = 0;
  const logger: Logger = {
    logQuery() {
      statements += 1;
    },
  };
  const client = (handle.db as unknown as { $client: unknown }).$client;
  const db = (
    handle.kind === "pglite" ? drizzlePglite(client as PGlite, { schema, logger }) : drizzlePostgres(client as postgres.Sql, { schema, logger })
  ) as unknown as Db;
  installDatabase({ ...handle, db });
  return {
    async count(read) {
      statements = 0;
      const result = await read();
      return { result, statements };
    },
  };
}
