import "server-only";
import { getDatabase, isShuttingDown } from "@/db/runtime";

export type Health = { ok: true; database: "pglite" | "postgres" } | { ok: false; reason: "shutting-down" | "database-unavailable" };

/** Whether this instance can serve requests: the database answers within the time allowed. */
export async function checkHealth(timeoutMs = 2000): Promise<Health> {
  if (isShuttingDown()) return { ok: false, reason: "shutting-down" };
  let timer: NodeJS.Timeout | undefined;
  try {
    const handle = await Promise.race([
      getDatabase().then(async (h) => (await h.ping(), h)),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
      }),
    ]);
    return { ok: true, database: handle.kind };
  } catch {
    return { ok: false, reason: "database-unavailable" };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Statements sent to the database since this instance opened it, when WAYMARK_COUNT_STATEMENTS
 * is set (the benchmark reads it before and after a request); null otherwise. Sends none itself.
 */
export async function statementCount(): Promise<number | null> {
  if (isShuttingDown()) return null;
  const handle = await getDatabase();
  return handle.statements?.() ?? null;
}
