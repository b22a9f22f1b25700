import fs from "node:fs";
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";
import { openDatabase, type DatabaseHandle } from "../db/client";

export type TestDatabase = DatabaseHandle & { engine: "pglite" | "postgres" };

/**
 * A fresh, migrated, empty database for one test file: a PGlite loaded from the migrated dump, or
 * (when TEST_DATABASE_URL is set) a new PostgreSQL database cloned from the migrated template and
 * dropped on close.
 */
export async function createTestDatabase(opts: { countStatements?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const template = inject("postgresTemplate");
    const name = `waymark_test_${randomUUID().replaceAll("-", "")}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template ${template}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ kind: "postgres", url: url.toString(), max: 4, ...opts });
    return {
      ...handle,
      engine: "postgres",
      async close() {
        await handle.close();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const dump = fs.readFileSync(inject("pgliteTemplate"));
  const handle = await openDatabase({ kind: "pglite-memory", loadDataDir: new Blob([dump]), ...opts });
  return { ...handle, engine: "pglite" };
}

