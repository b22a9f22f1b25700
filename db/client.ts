import fs from "node:fs";
import path from "node:path";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { sql, type SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { acquireDataDirLock, type DataDirLock } from "./data-dir-lock";
import { describeError, StartupError } from "./errors";
import * as schema from "./schema";

/** The drizzle database, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle: the same query API as Db. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Rows of a raw SQL query, whichever driver ran it (PGlite answers { rows }, postgres.js an array). */
export async function queryRows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * Rows sent as one JSON parameter and read back as a table named `r` with the columns in `shape`
 * ("id uuid, name text"): a statement of a thousand rows carries one parameter, not thousands.
 */
export function jsonRecordset(rows: object[], shape: string): SQL {
  return sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(${sql.raw(shape)})`;
}

export type DatabaseKind = "pglite" | "postgres";

export type DatabaseHandle = {
  db: Db;
  kind: DatabaseKind;
  /** Where the data lives, safe to print (no password). */
  location: string;
  /** Resolves once the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * How many statements the driver has sent since the database was opened (a transaction's begin
   * and end included). Present only when the database was opened with `countStatements`.
   */
  statements?: () => number;
};

export type DatabaseConfig = (
  | { kind: "pglite"; dataDir: string }
  | { kind: "pglite-memory"; loadDataDir?: Blob }
  | { kind: "postgres"; url: string; max?: number }
) & {
  /** Count every statement the driver sends (the benchmark's measure); off, nothing is wrapped. */
  countStatements?: boolean;
};

/** One module decides the driver: a URL means a PostgreSQL server, no URL the embedded database. */
export function databaseConfigFrom(env: { databaseUrl: string | undefined; dataDir: string; countStatements?: boolean }): DatabaseConfig {
  const countStatements = env.countStatements ?? false;
  return env.databaseUrl ? { kind: "postgres", url: env.databaseUrl, countStatements } : { kind: "pglite", dataDir: env.dataDir, countStatements };
}

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  const counter = config.countStatements ? { statements: 0 } : null;
  switch (config.kind) {
    case "postgres":
      return openPostgres(config.url, config.max ?? 10, counter);
    case "pglite":
      return openPgliteFolder(config.dataDir, counter);
    case "pglite-memory":
      return wrapPglite(new PGlite({ loadDataDir: config.loadDataDir }), "memory", null, counter);
  }
}

type StatementCounter = { statements: number };

export function parseDatabaseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StartupError("DATABASE_URL is not a valid URL; expected postgres://user:password@host:5432/database.");
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new StartupError(
      `DATABASE_URL must start with postgres:// or postgresql://, not ${parsed.protocol}//; expected postgres://user:password@host:5432/database.`,
    );
  }
  if (!parsed.hostname && !parsed.searchParams.get("host")) {
    throw new StartupError("DATABASE_URL names no host; expected postgres://user:password@host:5432/database.");
  }
  return parsed;
}

async function openPostgres(url: string, max: number, counter: StatementCounter | null): Promise<DatabaseHandle> {
  const parsed = parseDatabaseUrl(url);
  const where = `${parsed.hostname || parsed.searchParams.get("host")}:${parsed.port || 5432}${parsed.pathname}`;
  const client = postgres(url, {
    max,
    onnotice: () => {},
    connect_timeout: 10,
    // postgres.js calls `debug` for every statement it sends, including its own (a new connection's
    // type lookup, a transaction's begin and commit).
    ...(counter ? { debug: () => void (counter.statements += 1) } : {}),
  });
  try {
    await client`select 1`;
  } catch (err) {
    await client.end({ timeout: 0 }).catch(() => {});
    throw new StartupError(`Cannot reach the PostgreSQL server at ${where} (${describeError(err)}).`);
  }
  const db = drizzlePostgres(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "postgres",
    location: `postgres://${where}`,
    async ping() {
      await client`select 1`;
    },
    async close() {
      await client.end({ timeout: 5 });
    },
    ...(counter ? { statements: () => counter.statements } : {}),
  };
}

async function openPgliteFolder(dataDir: string, counter: StatementCounter | null): Promise<DatabaseHandle> {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.accessSync(dataDir, fs.constants.W_OK);
    // access() says yes to root everywhere; a real write tells the truth (read-only mounts, full disks).
    const probe = path.join(dataDir, `.write-probe-${process.pid}`);
    fs.writeFileSync(probe, "");
    fs.rmSync(probe);
  } catch (err) {
    throw new StartupError(`The data folder ${dataDir} cannot be written (${describeError(err)}); set WAYMARK_DATA_DIR to a writable folder.`);
  }
  const lock = acquireDataDirLock(dataDir);
  try {
    const pg = new PGlite(path.join(dataDir, "pgdata"));
    await pg.waitReady;
    return wrapPglite(pg, dataDir, lock, counter);
  } catch (err) {
    lock.release();
    if (err instanceof StartupError) throw err;
    throw new StartupError(`The embedded database in ${dataDir} could not be opened (${describeError(err)}).`);
  }
}

function wrapPglite(pg: PGlite, location: string, lock: DataDirLock | null, counter: StatementCounter | null): DatabaseHandle {
  if (counter) countPgliteStatements(pg, counter);
  const db = drizzlePglite(pg, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    location,
    async ping() {
      await pg.query("select 1");
    },
    async close() {
      try {
        if (!pg.closed) await pg.close();
      } finally {
        lock?.release();
      }
    },
    ...(counter ? { statements: () => counter.statements } : {}),
  };
}

/**
 * PGlite has no hook for what it sends, so its three entry points are wrapped on this one
 * instance: a query, an exec, and a transaction (its begin and its commit or rollback, and every
 * statement run on the transaction's handle).
 */
function countPgliteStatements(pg: PGlite, counter: StatementCounter): void {
  const count = <A extends unknown[], R>(run: (...args: A) => R) => (...args: A): R => {
    counter.statements += 1;
    return run(...args);
  };
  const { query, exec, transaction } = pg;
  pg.query = count(query.bind(pg)) as PGlite["query"];
  pg.exec = count(exec.bind(pg));
  pg.transaction = (<T>(run: (tx: Transaction) => Promise<T>) => {
    counter.statements += 2;
    return transaction.call(pg, (tx: Transaction) => {
      const counted: Transaction = Object.create(tx, {
        query: { value: count(tx.query.bind(tx)) },
        sql: { value: count(tx.sql.bind(tx)) },
        exec: { value: count(tx.exec.bind(tx)) },
      });
      return run(counted);
    });
  }) as PGlite["transaction"];
}
