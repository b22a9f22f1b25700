import { readEnv } from "@/lib/env";
import { databaseConfigFrom, openDatabase, type DatabaseHandle } from "./client";
import { migrateDatabase } from "./migrate";
import { seedDatabase } from "./seed";

/**
 * The app's one database: opened, migrated and seeded once per process, kept on globalThis so that
 * every module graph the server loads shares it.
 */
type RuntimeState = { ready: Promise<DatabaseHandle> | null; handle: DatabaseHandle | null; closing: boolean };

const globalKey = Symbol.for("waymark.database");
const state: RuntimeState = ((globalThis as Record<symbol, unknown>)[globalKey] as RuntimeState | undefined) ?? {
  ready: null,
  handle: null,
  closing: false,
};
(globalThis as Record<symbol, unknown>)[globalKey] = state;

export function getDatabase(): Promise<DatabaseHandle> {
  if (!state.ready) {
    state.ready = (async () => {
      const env = readEnv();
      const handle = await openDatabase(databaseConfigFrom(env));
      try {
        await migrateDatabase(handle);
        const result = await seedDatabase(handle, { demo: env.seedDemo ?? handle.kind === "pglite" });
        if (result.seeded) console.log(`Waymark: seeded the default framework${result.people ? ` and ${result.people} demo people` : ""}.`);
      } catch (err) {
        await handle.close().catch(() => {});
        throw err;
      }
      state.handle = handle;
      return handle;
    })();
    // A failed start must not be cached: the caller decides whether to exit.
    state.ready.catch(() => {
      state.ready = null;
    });
  }
  return state.ready;
}

export function isShuttingDown(): boolean {
  return state.closing;
}

/**
 * Makes an already open database the process's database: for tests of the data-access layer,
 * which run against a throwaway database instead of the configured one.
 */
export function installDatabase(handle: DatabaseHandle): void {
  state.handle = handle;
  state.ready = Promise.resolve(handle);
  state.closing = false;
}

/** Closes the database once; later calls wait for the same close. */
export async function closeDatabase(): Promise<void> {
  state.closing = true;
  const handle = state.handle ?? (await state.ready?.catch(() => null)) ?? null;
  state.handle = null;
  state.ready = null;
  await handle?.close();
}
