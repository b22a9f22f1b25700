import { ConfigError } from "@/lib/env";
import { StartupError } from "./errors";
import { closeDatabase, getDatabase } from "./runtime";

/**
 * Start and stop of the database for the Next.js server process. `npm start` sets
 * NEXT_MANUAL_SIG_HANDLE so that these handlers, not Next's, own SIGINT and SIGTERM: the health
 * check turns 503 at once, and the database is closed before the process exits.
 */
export async function startServerRuntime(): Promise<void> {
  try {
    const handle = await getDatabase();
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
