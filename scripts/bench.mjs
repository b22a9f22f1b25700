// `npm run bench`: figures for the served app, printed, never asserted.
//  - start-up: fresh embedded folder (create, migrate, seed) vs an existing one, to a 200 from /api/health;
//  - latency of GET /path, the manager's home, the calibration page and GET /api/health,
//    sequential requests after a warm-up;
//  - the same /path latency on a PostgreSQL server (TEST_DATABASE_URL or a throwaway cluster), as a ratio;
//  - JavaScript a browser loads for /path (gzip), next to Next's own floor for an empty page.
// Pages are measured signed in, as the demo people. Usage: npm run bench [-- --requests 300]
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

/** Signs in as a demo person through Auth.js's own endpoints and returns the cookie header to send. */
async function signIn(base, email, password) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const jar = new Map(csrf.headers.getSetCookie().map((c) => c.split(";")[0].split("=")).map(([k, ...v]) => [k, v.join("=")]));
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  for (const c of res.headers.getSetCookie()) {
    const [k, ...v] = c.split(";")[0].split("=");
    jar.set(k, v.join("="));
  }
  if (![...jar.keys()].some((k) => k.endsWith("session-token"))) throw new Error(`signing in as ${email} failed`);
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

async function latency(url, n, cookie = "") {
  const get = () => fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  for (let i = 0; i < 20; i++) await (await get()).arrayBuffer();
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await get();
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return { p50: q(0.5), p95: q(0.95), max: times.at(-1) };
}

async function pageJavaScript(base, pagePath, cookie) {
  const html = await (await fetch(`${base}${pagePath}`, { headers: { cookie } })).text();
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
const row = (label, l) => console.log(`  ${label.padEnd(40)} p50 ${ms(l.p50).padStart(9)}   p95 ${ms(l.p95).padStart(9)}   max ${ms(l.max).padStart(9)}`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-bench-"));
// Build once up front so start-up figures measure start-up only.
await new Promise((r, j) => spawn(process.execPath, ["scripts/start.mjs", "--build-only"], { cwd: root, stdio: "inherit" }).once("exit", (c) => (c === 0 ? r() : j(new Error("build failed")))));

console.log(`\nWaymark benchmark — ${os.cpus().length} cores, Node ${process.version}, ${REQUESTS} sequential requests per figure\n`);

let server = startServer({ WAYMARK_DATA_DIR: dir });
const cold = await server.ready;
const engineer = await signIn(server.base, "sam.okafor@example.com", "sam-waymark");
const pathEmbedded = await latency(`${server.base}/path`, REQUESTS, engineer);
const homeEmbedded = await latency(`${server.base}/`, REQUESTS, engineer);
const admin = await signIn(server.base, "alex.morgan@example.com", "alex-waymark");
const peopleEmbedded = await latency(`${server.base}/people`, REQUESTS, admin);
const sessionPath = (await (await fetch(`${server.base}/calibration`, { headers: { cookie: admin } })).text()).match(/\/calibration\/[0-9a-f-]{36}/)?.[0];
if (!sessionPath) throw new Error("the demo's calibration session was not listed");
const calibrationEmbedded = await latency(`${server.base}${sessionPath}`, REQUESTS, admin);
const manager = await signIn(server.base, "priya.raman@example.com", "priya-waymark");
const managerHome = await latency(`${server.base}/`, REQUESTS, manager);
const signInPage = await latency(`${server.base}/sign-in`, REQUESTS);
const health = await latency(`${server.base}/api/health`, REQUESTS);
const js = await pageJavaScript(server.base, "/path", engineer);
await server.stop();
server = startServer({ WAYMARK_DATA_DIR: dir });
const warm = await server.ready;
await server.stop();

console.log("Start-up, to the first 200 from /api/health");
console.log(`  fresh data folder (create, migrate, seed)  ${ms(cold)}`);
console.log(`  existing data folder                       ${ms(warm)}`);
console.log("\nLatency, embedded database, signed in");
row("GET /path (engineer)", pathEmbedded);
row("GET / where I am now (engineer)", homeEmbedded);
row("GET /people (admin, 13 people)", peopleEmbedded);
row("GET /calibration/<id> (admin, 5 cases)", calibrationEmbedded);
row("GET / manager's home (manager)", managerHome);
row("GET /sign-in (signed out)", signInPage);
row("GET /api/health", health);

let cluster = null;
let url = process.env.TEST_DATABASE_URL;
try {
  if (!url) cluster = await startCluster().catch(() => null);
  url ??= cluster?.url;
  if (url) {
    const pg = startServer({ DATABASE_URL: url, WAYMARK_SEED_DEMO: "true", AUTH_SECRET: "bench-".repeat(8), AUTH_TRUST_HOST: "true" });
    await pg.ready;
    const pathPg = await latency(`${pg.base}/path`, REQUESTS, await signIn(pg.base, "sam.okafor@example.com", "sam-waymark"));
    await pg.stop();
    console.log("\nLatency, PostgreSQL server on this machine");
    row("GET /path (engineer)", pathPg);
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
