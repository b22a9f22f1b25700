// `npm run bench`: figures for the served app, printed, never asserted.
//  - start-up: fresh embedded folder (create, migrate, seed) vs an existing one, to a 200 from /api/health;
//  - latency of GET /path and GET /api/health, sequential requests after a warm-up;
//  - the same /path latency on a PostgreSQL server (TEST_DATABASE_URL or a throwaway cluster), as a ratio;
//  - JavaScript a browser loads for /path (gzip), next to Next's own floor for an empty page.
// Usage: npm run bench [-- --requests 300]
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { startCluster } from "./pg-cluster.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const REQUESTS = arg("requests", 200);
let port = 3700;

function startServer(env) {
  const p = port++;
  const t0 = performance.now();
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    env: { ...process.env, PORT: String(p), DATABASE_URL: "", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise((r) => child.once("exit", r));
  const ready = (async () => {
    for (;;) {
      if (child.exitCode !== null) throw new Error("the server exited before it answered");
      const res = await fetch(`http://localhost:${p}/api/health`).catch(() => null);
      if (res?.ok) return performance.now() - t0;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return { base: `http://localhost:${p}`, ready, stop: () => (child.kill("SIGTERM"), exited) };
}

async function latency(url, n) {
  for (let i = 0; i < 20; i++) await (await fetch(url)).arrayBuffer();
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(url);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return { p50: q(0.5), p95: q(0.95), max: times.at(-1) };
}

async function pageJavaScript(base, pagePath) {
  const html = await (await fetch(`${base}${pagePath}`)).text();
  const srcs = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"[^>]*>/g)].map((m) => ({ src: m[1], noModule: /nomodule/i.test(m[0]) }));
  let modern = 0;
  let legacy = 0;
  for (const s of srcs) {
    const body = Buffer.from(await (await fetch(new URL(s.src, base))).arrayBuffer());
    const size = gzipSync(body).length;
    if (s.noModule) legacy += size;
    else modern += size;
  }
  return { modern, legacy, scripts: srcs.length };
}

const ms = (x) => `${x.toFixed(1)} ms`;
const kb = (x) => `${(x / 1024).toFixed(1)} KB`;
const row = (label, l) => console.log(`  ${label.padEnd(34)} p50 ${ms(l.p50).padStart(9)}   p95 ${ms(l.p95).padStart(9)}   max ${ms(l.max).padStart(9)}`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-bench-"));
// Build once up front so start-up figures measure start-up only.
await new Promise((r, j) => spawn(process.execPath, ["scripts/start.mjs", "--build-only"], { cwd: root, stdio: "inherit" }).once("exit", (c) => (c === 0 ? r() : j(new Error("build failed")))));

console.log(`\nWaymark benchmark — ${os.cpus().length} cores, Node ${process.version}, ${REQUESTS} sequential requests per figure\n`);

let server = startServer({ WAYMARK_DATA_DIR: dir });
const cold = await server.ready;
const pathEmbedded = await latency(`${server.base}/path`, REQUESTS);
const health = await latency(`${server.base}/api/health`, REQUESTS);
const js = await pageJavaScript(server.base, "/path");
await server.stop();
server = startServer({ WAYMARK_DATA_DIR: dir });
const warm = await server.ready;
await server.stop();

console.log("Start-up, to the first 200 from /api/health");
console.log(`  fresh data folder (create, migrate, seed)  ${ms(cold)}`);
console.log(`  existing data folder                       ${ms(warm)}`);
console.log("\nLatency, embedded database");
row("GET /path", pathEmbedded);
row("GET /api/health", health);

let cluster = null;
let url = process.env.TEST_DATABASE_URL;
try {
  if (!url) cluster = await startCluster().catch(() => null);
  url ??= cluster?.url;
  if (url) {
    const pg = startServer({ DATABASE_URL: url, WAYMARK_SEED_DEMO: "true" });
    await pg.ready;
    const pathPg = await latency(`${pg.base}/path`, REQUESTS);
    await pg.stop();
    console.log("\nLatency, PostgreSQL server on this machine");
    row("GET /path", pathPg);
    console.log(`  ratio embedded / PostgreSQL (p50)   ${(pathEmbedded.p50 / pathPg.p50).toFixed(2)}`);
  } else {
    console.log("\n(no PostgreSQL server: the comparison was skipped)");
  }
} finally {
  cluster?.stop();
}

console.log("\nJavaScript loaded by /path, gzip");
console.log(`  modern browsers ${kb(js.modern)}; plus ${kb(js.legacy)} of nomodule polyfill that they skip (${js.scripts} scripts)`);
fs.rmSync(dir, { recursive: true, force: true });
