import { resolveAuthSettings } from "@/lib/auth/settings";
import { ConfigError, readEnv } from "@/lib/env";
import { parseDatabaseUrl } from "./client";
import { StartupError } from "./errors";
import { closeDatabase, getDatabase } from "./runtime";

/**
 * Start and stop of the database for the Next.js server process. `npm start` sets
 * NEXT_MANUAL_SIG_HANDLE so that these handlers, not Next's, own SIGINT and SIGTERM: the health
 * check turns 503 at once, and the database is closed before the process exits.
 */
export async function startServerRuntime(): Promise<void> {
  try {
    const env = readEnv();
    // On a server database, check the settings before connecting: a missing secret should not wait
    // for a connection to be reported. The embedded mode keeps its secret in the data folder,
    // which opening the database checks first.
    if (env.databaseUrl) {
      parseDatabaseUrl(env.databaseUrl);
      resolveAuthSettings(env);
    }
    const handle = await getDatabase();
    if (!env.databaseUrl) resolveAuthSettings(env);
    console.log(`Waymark: database ready (${handle.kind === "pglite" ? `embedded, in ${handle.location}` : handle.location}).`);
  } catch (err) {
    const message =
      err instanceof StartupError || err instanceof ConfigError ? err.message : `The database could not be prepared: ${err instanceof Error ? err.message : String(err)}`;
    console.error(`Waymark cannot start: ${message}`);
    process.exit(1);
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`Waymark: ${signal} received, closing the database.`);
    closeDatabase()
      .catch((err) => console.error(`Waymark: the database did not close cleanly: ${err instanceof Error ? err.message : err}`))
      .finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
