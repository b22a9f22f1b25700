/**
 * Runs once when the server starts, before the first request: opens, migrates and seeds the
 * database, so a problem stops the server with one clear sentence instead of a 500 on every page.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerRuntime } = await import("./db/server-lifecycle");
  await startServerRuntime();
}
