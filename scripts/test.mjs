// `npm test`: every leg in turn — type check, lint, unit tests, integration tests on PGlite and on
// a PostgreSQL server, end-to-end tests in Chromium — then one closing line totalling them all.
//
// The PostgreSQL leg uses TEST_DATABASE_URL when set, else a throwaway cluster started from the
// installed server binaries. Without either it is skipped (and says so), except under CI, where
// it is required.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startCluster } from "./pg-cluster.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const artifacts = path.join(root, ".test-artifacts");
fs.rmSync(artifacts, { recursive: true, force: true });
fs.mkdirSync(artifacts, { recursive: true });
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const onlyLegs = process.env.WAYMARK_TEST_LEGS?.split(",").map((s) => s.trim());

const results = [];

function heading(name) {
  console.log(`\n━━ ${name} ${"━".repeat(Math.max(4, 70 - name.length))}`);
}

function run(cmd, args, env = {}) {
  return spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } }).status;
}

function record(leg, { passed, failed, skipped = 0 }, note = "") {
  results.push({ leg, passed, failed, skipped });
  console.log(`${leg}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}${note ? ` ${note}` : ""}`);
}

const wanted = (key) => !onlyLegs || onlyLegs.includes(key);

/** A check with no test count of its own (type check, lint): one check, passed or failed. */
function check(key, name, cmd, args) {
  if (!wanted(key)) return;
  heading(name);
  const status = run(cmd, args);
  record(name, { passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1 });
}

function vitest(key, name, project, env = {}, { withHeading = true } = {}) {
  if (!wanted(key)) return;
  if (withHeading) heading(name);
  const out = path.join(artifacts, `${key}.json`);
  const status = run(bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], env);
  let counts = { passed: 0, failed: 1 };
  try {
    const report = JSON.parse(fs.readFileSync(out, "utf8"));
    // A file that fails to load has no failed test of its own: count it as one failure.
    const brokenFiles = report.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0).length;
    counts = {
      passed: report.numPassedTests,
      failed: report.numFailedTests + brokenFiles + (status !== 0 && report.numFailedTests + brokenFiles === 0 ? 1 : 0),
      skipped: report.numPendingTests + report.numTodoTests,
    };
  } catch {
    console.error(`${name}: no report was written (vitest exited with ${status}).`);
  }
  record(name, counts);
}

if (wanted("typecheck")) {
  // Route types come from the app's folders; make them fresh so tsc checks links against today's routes.
  spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "typegen"], { cwd: root, stdio: "ignore" });
}
check("typecheck", "Type check", bin("tsc"), ["--noEmit"]);
check("lint", "Lint", bin("eslint"), [".", "--max-warnings=0"]);
vitest("unit", "Unit tests", "unit");
vitest("pglite", "Integration tests on PGlite", "integration", { TEST_DATABASE_URL: "" });

if (wanted("postgres")) {
  const name = "Integration tests on PostgreSQL";
  let cluster = null;
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    heading(name);
    try {
      cluster = await startCluster({ log: (m) => console.log(m) });
      url = cluster.url;
    } catch (err) {
      const why = `no TEST_DATABASE_URL and ${err.message}`;
      if (process.env.CI) {
        console.error(`${name}: required under CI, but ${why}.`);
        record(name, { passed: 0, failed: 1 });
      } else {
        console.log(`${name}: SKIPPED — ${why}. Set TEST_DATABASE_URL or install the PostgreSQL server to run this leg.`);
        results.push({ leg: name, passed: 0, failed: 0, skipped: 0, skippedLeg: true });
      }
    }
  }
  if (url) {
    try {
      vitest("postgres", name, "integration", { TEST_DATABASE_URL: url }, { withHeading: !cluster });
    } finally {
      cluster?.stop();
    }
  }
}

if (wanted("e2e")) {
  const name = "End-to-end tests in Chromium";
  heading(name);
  const build = run(process.execPath, ["scripts/start.mjs", "--build-only"]);
  if (build !== 0) {
    record(name, { passed: 0, failed: 1 }, "(the build failed)");
  } else {
    const out = path.join(artifacts, "e2e.json");
    const status = run(bin("playwright"), ["test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
    try {
      const { stats, errors } = JSON.parse(fs.readFileSync(out, "utf8"));
      const failed = stats.unexpected + stats.flaky + (errors?.length ?? 0);
      record(name, {
        passed: stats.expected,
        failed: failed + (status !== 0 && failed === 0 ? 1 : 0),
        skipped: stats.skipped,
      });
    } catch {
      console.error(`${name}: no report was written (playwright exited with ${status}).`);
      record(name, { passed: 0, failed: 1 });
    }
  }
}

heading("Summary");
for (const r of results) {
  console.log(
    r.skippedLeg
      ? `  ${r.leg}: skipped (no PostgreSQL server)`
      : `  ${r.leg}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ""}`,
  );
}
const total = (k) => results.reduce((sum, r) => sum + r[k], 0);
const skipped = total("skipped");
console.log(`${total("passed")} passed, ${total("failed")} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(total("failed") > 0 ? 1 : 0);
