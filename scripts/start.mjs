// `npm start`: builds the app when the build is missing or older than the sources, then serves
// it with `next start` on PORT (3000 by default) and prints the address once it answers.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const buildOnly = process.argv.includes("--build-only");
const port = process.env.PORT || "3000";

const SOURCES = ["app", "components", "lib", "db", "instrumentation.ts", "proxy.ts", "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];

function newestMtime(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    // Tests beside the code are not part of the app: editing one does not make the build stale.
    if (entry === "node_modules" || entry.startsWith(".") || /\.test\.tsx?$/.test(entry)) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

function buildIsCurrent() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return false;
  const built = fs.statSync(buildId).mtimeMs;
  return SOURCES.every((s) => newestMtime(path.join(root, s)) <= built);
}

if (!buildIsCurrent()) {
  console.log("Waymark: building the app (about half a minute)...");
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) {
    console.error("Waymark: the build failed; see the output above.");
    process.exit(build.status ?? 1);
  }
}
if (buildOnly) process.exit(0);

const env = {
  ...process.env,
  NODE_ENV: "production",
  // Waymark's own SIGINT/SIGTERM handlers close the database before the process exits.
  NEXT_MANUAL_SIG_HANDLE: "true",
  NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1",
};
const server = spawn(process.execPath, [nextBin, "start", "--port", port], { cwd: root, env, stdio: "inherit" });

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 + (signal === "SIGINT" ? 2 : 15) : 1)));

// Say where to go once the app answers (the database is opened before the first request is served).
const url = `http://localhost:${port}`;
const deadline = Date.now() + 120_000;
(async function announce() {
  while (Date.now() < deadline && server.exitCode === null) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) {
        const where = process.env.DATABASE_URL ? "PostgreSQL" : `the embedded database in ${process.env.WAYMARK_DATA_DIR || ".data"}`;
        console.log(`\nWaymark is ready at ${url} (on ${where}). Press Ctrl+C to stop.\n`);
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
})();
