// `npm run bench`: figures for the served app, printed, never asserted.
//  - start-up: fresh embedded folder (create, migrate, seed) vs an existing one, to a 200 from /api/health;
//  - latency of GET /path, the manager's home, the calibration page and GET /api/health,
//    sequential requests after a warm-up;
//  - the same /path latency on a PostgreSQL server (TEST_DATABASE_URL or a throwaway cluster), as a ratio;
//  - JavaScript a browser loads for /path (gzip), next to Next's own floor for an empty page.
// Pages are measured signed in, as the demo people. Usage: npm run bench [-- --requests 300]
//
// `npm run bench -- --people 2000 [--json FILE]`: every signed-in page, as the person it is for, on the
// demo's own database and on one grown to 2,000 people (through the people import, then generated
// evidence, assessments and audit history; scripts/bench-organisation.ts). For each page: p50 and p95
// of sequential requests, requests per second at 8 concurrent, each as a ratio to /api/health in
// the same run and to the same page on the demo; SQL statements per request, counted by the
// database driver (WAYMARK_COUNT_STATEMENTS); HTML bytes; JavaScript (gzip) against Next's floor.
// Both databases are served at once and measured in turns, page by page, so that other work on the
// machine weighs on both sides of each ratio alike.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { freePort, startCluster } from "./pg-cluster.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const option = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
};
const PEOPLE = option("people") === undefined ? null : Number(option("people"));
const JSON_FILE = option("json");
const REQUESTS = Number(option("requests") ?? (PEOPLE ? 40 : 200));
const CONCURRENCY = Number(option("concurrency") ?? 8);
/** How long one page's sequential requests may take, both databases together, once ten are done. */
const SECONDS_PER_PAGE = Number(option("seconds") ?? 60);
if (PEOPLE !== null && !(PEOPLE >= 100 && PEOPLE <= 5000)) throw new Error("--people takes a number from 100 to 5000");

const running = new Set();
/** Temporary folders to remove however the run ends. */
const scratch = new Set();
const tempDir = (prefix) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  scratch.add(dir);
  return dir;
};
process.on("exit", () => {
  for (const child of running) child.kill("SIGTERM");
});
// Interrupted, the servers started here stop too (their own handlers close the databases), then the folders go.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, async () => {
    const exits = [...running].map((child) => new Promise((r) => child.once("exit", r)));
    for (const child of running) child.kill("SIGTERM");
    await Promise.race([Promise.all(exits), new Promise((r) => setTimeout(r, 10_000))]);
    for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
    process.exit(130);
  });
}

async function startServer(env) {
  const p = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    env: { ...process.env, PORT: String(p), DATABASE_URL: "", WAYMARK_COUNT_STATEMENTS: "1", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  running.add(child);
  const exited = new Promise((r) => child.once("exit", r));
  exited.then(() => running.delete(child));
  const base = `http://127.0.0.1:${p}`;
  const ready = (async () => {
    for (;;) {
      if (child.exitCode !== null) throw new Error("the server exited before it answered");
      const res = await fetch(`${base}/api/health`).catch(() => null);
      if (res?.ok) return performance.now() - t0;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return { base, ready, stop: () => (child.kill("SIGTERM"), exited) };
}

/** Signs in through Auth.js's own endpoints and returns the cookie header to send. */
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

/** One GET, its body read to the end; anything but a 200 is an error (a redirect would measure the wrong page). */
async function get(url, cookie = "") {
  const res = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  const body = await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
  return body;
}

const quantile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

async function latency(url, n, cookie = "", warmUp = 20) {
  for (let i = 0; i < warmUp; i++) await get(url, cookie);
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await get(url, cookie);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), max: times.at(-1) };
}

/** Requests per second with `workers` requests always in flight. */
async function throughput(url, cookie, { workers, total, seconds = Infinity }) {
  let started = 0;
  let done = 0;
  const t0 = performance.now();
  // A slow page stops early once every worker has finished two requests and the time is up.
  const more = () => started < total && (started < workers * 2 || performance.now() - t0 < seconds * 1000);
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (more()) {
        started++;
        await get(url, cookie);
        done++;
      }
    }),
  );
  return done / ((performance.now() - t0) / 1000);
}

/** The statements one request sends, from the server's running count before and after it (requests in turn, so nothing else counts). */
async function statementsPerRequest(base, url, cookie) {
  const count = async () => (await (await fetch(`${base}/api/health?statements`)).json()).statements;
  const seen = [];
  for (let i = 0; i < 3; i++) {
    const before = await count();
    await get(url, cookie);
    seen.push((await count()) - before);
  }
  if (seen.some((s) => typeof s !== "number" || Number.isNaN(s))) return null;
  return Math.max(...seen);
}

const gzipCache = new Map();
async function gzipSize(base, src) {
  const url = new URL(src, base).pathname;
  if (!gzipCache.has(url)) gzipCache.set(url, gzipSync(Buffer.from(await get(new URL(src, base).href))).length);
  return gzipCache.get(url);
}

function scriptsOf(html) {
  return [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"[^>]*>/g)].map((m) => ({ src: m[1].replaceAll("&amp;", "&"), noModule: /nomodule/i.test(m[0]) }));
}

async function pageJavaScript(base, html) {
  let modern = 0;
  let legacy = 0;
  const scripts = scriptsOf(html);
  for (const s of scripts) {
    const size = await gzipSize(base, s.src);
    if (s.noModule) legacy += size;
    else modern += size;
  }
  return { modern, legacy, scripts: scripts.length };
}

/** Next's floor: the scripts its own empty page (/_not-found) loads, from the build manifest. */
async function javaScriptFloor(base) {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, ".next", "build-manifest.json"), "utf8"));
  let modern = 0;
  let legacy = 0;
  for (const f of manifest.rootMainFiles) modern += await gzipSize(base, `/_next/${f}`);
  for (const f of manifest.polyfillFiles) legacy += await gzipSize(base, `/_next/${f}`);
  return { modern, legacy };
}

const ms = (x) => `${x.toFixed(1)} ms`;
const kb = (x) => `${(x / 1024).toFixed(1)} KB`;
const row = (label, l) => console.log(`  ${label.padEnd(40)} p50 ${ms(l.p50).padStart(9)}   p95 ${ms(l.p95).padStart(9)}   max ${ms(l.max).padStart(9)}`);

const build = () =>
  new Promise((r, j) =>
    spawn(process.execPath, ["scripts/start.mjs", "--build-only"], { cwd: root, stdio: "inherit" }).once("exit", (c) => (c === 0 ? r() : j(new Error("build failed")))),
  );

const cpuModel = () => (fs.existsSync("/proc/cpuinfo") ? /model name\s*:\s*(.*)/.exec(fs.readFileSync("/proc/cpuinfo", "utf8"))?.[1] : os.cpus()[0]?.model) ?? "unknown CPU";
const machine = () => ({ cores: os.cpus().length, cpu: cpuModel(), node: process.version, memoryGB: Math.round(os.totalmem() / 2 ** 30), load: os.loadavg().map((x) => +x.toFixed(2)) });

// ── the default run ──────────────────────────────────────────────────────────────────────────

async function quickBench() {
  const dir = tempDir("waymark-bench-");
  console.log(`\nWaymark benchmark — ${os.cpus().length} cores, Node ${process.version}, ${REQUESTS} sequential requests per figure\n`);
  try {
    let server = await startServer({ WAYMARK_DATA_DIR: dir });
    let cold;
    let figures;
    try {
      cold = await server.ready;
      const engineer = await signIn(server.base, "sam.okafor@example.com", "sam-waymark");
      const pathEmbedded = await latency(`${server.base}/path`, REQUESTS, engineer);
      const homeEmbedded = await latency(`${server.base}/`, REQUESTS, engineer);
      const admin = await signIn(server.base, "alex.morgan@example.com", "alex-waymark");
      const peopleEmbedded = await latency(`${server.base}/people`, REQUESTS, admin);
      const sessionPath = new TextDecoder().decode(await get(`${server.base}/calibration`, admin)).match(/\/calibration\/[0-9a-f-]{36}/)?.[0];
      if (!sessionPath) throw new Error("the demo's calibration session was not listed");
      const calibrationEmbedded = await latency(`${server.base}${sessionPath}`, REQUESTS, admin);
      const manager = await signIn(server.base, "priya.raman@example.com", "priya-waymark");
      const managerHome = await latency(`${server.base}/`, REQUESTS, manager);
      const signInPage = await latency(`${server.base}/sign-in`, REQUESTS);
      const health = await latency(`${server.base}/api/health`, REQUESTS);
      const js = await pageJavaScript(server.base, new TextDecoder().decode(await get(`${server.base}/path`, engineer)));
      const floor = await javaScriptFloor(server.base);
      figures = { pathEmbedded, homeEmbedded, peopleEmbedded, calibrationEmbedded, managerHome, signInPage, health, js, floor };
    } finally {
      await server.stop();
    }
    server = await startServer({ WAYMARK_DATA_DIR: dir });
    const warm = await server.ready.finally(() => server.stop());
    const f = figures;

    console.log("Start-up, to the first 200 from /api/health");
    console.log(`  fresh data folder (create, migrate, seed)  ${ms(cold)}`);
    console.log(`  existing data folder                       ${ms(warm)}`);
    console.log("\nLatency, embedded database, signed in");
    row("GET /path (engineer)", f.pathEmbedded);
    row("GET / where I am now (engineer)", f.homeEmbedded);
    row("GET /people (admin, 13 people)", f.peopleEmbedded);
    row("GET /calibration/<id> (admin, 5 cases)", f.calibrationEmbedded);
    row("GET / manager's home (manager)", f.managerHome);
    row("GET /sign-in (signed out)", f.signInPage);
    row("GET /api/health", f.health);

    let cluster = null;
    let url = process.env.TEST_DATABASE_URL;
    try {
      if (!url) cluster = await startCluster().catch(() => null);
      url ??= cluster?.url;
      if (url) {
        const pg = await startServer({ DATABASE_URL: url, WAYMARK_SEED_DEMO: "true", AUTH_SECRET: "bench-".repeat(8), AUTH_TRUST_HOST: "true" });
        let pathPg;
        try {
          await pg.ready;
          pathPg = await latency(`${pg.base}/path`, REQUESTS, await signIn(pg.base, "sam.okafor@example.com", "sam-waymark"));
        } finally {
          await pg.stop();
        }
        console.log("\nLatency, PostgreSQL server on this machine");
        row("GET /path (engineer)", pathPg);
        console.log(`  ratio embedded / PostgreSQL (p50)   ${(f.pathEmbedded.p50 / pathPg.p50).toFixed(2)}`);
      } else {
        console.log("\n(no PostgreSQL server: the comparison was skipped)");
      }
    } finally {
      cluster?.stop();
    }

    console.log("\nJavaScript loaded by /path, gzip");
    console.log(`  modern browsers ${kb(f.js.modern)}; plus ${kb(f.js.legacy)} of nomodule polyfill that they skip (${f.js.scripts} scripts)`);
    console.log(`  Next's floor (its own empty page): ${kb(f.floor.modern)}, plus ${kb(f.floor.legacy)} of polyfill; /path is ${(f.js.modern / f.floor.modern).toFixed(2)}× the floor`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ── every page, at the demo's size and at --people ───────────────────────────────────────────

const DEMO = {
  alex: ["alex.morgan@example.com", "alex-waymark"],
  priya: ["priya.raman@example.com", "priya-waymark"],
  sam: ["sam.okafor@example.com", "sam-waymark"],
  marcus: ["marcus.bell@example.com", "marcus-waymark"],
  ravi: ["ravi.patel@example.com", "ravi-waymark"],
};

/**
 * Every signed-in page, with the person it is for. "director" is the large organisation's biggest
 * director (about 400 people below); on the demo, Marcus (two levels of reports, six people below).
 * "heavy" is the engineer with the most evidence (600 items), on the large organisation only.
 */
const PAGES = [
  { page: "/", as: "sam" },
  { page: "/", as: "priya" },
  { page: "/", as: "director" },
  { page: "/", as: "alex" },
  { page: "/path", as: "sam" },
  { page: "/assessment", as: "sam" },
  { page: "/evidence", as: "sam" },
  { page: "/evidence", as: "heavy", largeOnly: true },
  { page: "/frameworks", as: "alex" },
  { page: "/team", as: "priya" },
  { page: "/team", as: "director" },
  { page: "/people", as: "alex" },
  { page: "/people", as: "director" },
  { page: "/people/<sam>", as: "priya" },
  { page: "/people/<two levels down>", as: "director" },
  { page: "/people/<sam>/assessment", as: "priya" },
  { page: "/calibration", as: "alex" },
  { page: "/calibration/<id>", as: "alex" },
  { page: "/cases/<sam's case>", as: "priya" },
  { page: "/cycles", as: "alex" },
  { page: "/teams", as: "alex" },
  { page: "/audit", as: "alex" },
  { page: "/account", as: "sam" },
];

const text = (body) => new TextDecoder().decode(body);
const uuidAfter = (html, prefix) => new RegExp(`${prefix.replaceAll("/", "\\/")}([0-9a-f-]{36})`).exec(html)?.[1];
/** The viewer's own id, from the header's link to their page. */
const ownId = async (base, cookie) => uuidAfter(/data-testid="signed-in-as"[\s\S]*?href="\/people\/[0-9a-f-]{36}/.exec(text(await get(`${base}/account`, cookie)))?.[0] ?? "", "/people/");

/** Signs everyone in and finds the ids the pages need. */
async function prepareRun(base, large) {
  const cookies = {};
  for (const [key, [email, password]] of Object.entries(DEMO)) cookies[key] = await signIn(base, email, password);
  cookies.director = large ? await signIn(base, large.director.email, large.benchPassword) : cookies.marcus;
  if (large) cookies.heavy = await signIn(base, large.heavyEngineer.email, large.benchPassword);
  const sam = await ownId(base, cookies.sam);
  const deep = large ? large.director.deepReportId : await ownId(base, cookies.ravi);
  const session = uuidAfter(text(await get(`${base}/calibration`, cookies.alex)), "/calibration/");
  const samPage = text(await get(`${base}/people/${sam}`, cookies.priya));
  const samCase = uuidAfter(samPage, "/cases/") ?? uuidAfter(text(await get(`${base}/calibration/${session}`, cookies.alex)), "/cases/");
  if (!sam || !deep || !session || !samCase) throw new Error("could not find the demo's people, calibration session or case");
  const url = (page) =>
    page
      .replace("<sam>", sam)
      .replace("<two levels down>", deep)
      .replace("<id>", session)
      .replace("<sam's case>", samCase);
  return { cookies, url };
}

const summarise = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
};

/**
 * One page on both databases at once: the demo's and the large one, each with its own server. The
 * sequential requests take turns (demo page, large page, each server's /api/health), so a machine
 * shared with other work slows both sides alike and every ratio compares figures taken together.
 */
async function measurePage(sides) {
  for (const s of sides) for (let i = 0; i < 10; i++) await get(s.url, s.cookie);
  const figures = [];
  for (const s of sides) {
    const statements = await statementsPerRequest(s.base, s.url, s.cookie);
    const html = text(await get(s.url, s.cookie));
    const js = await pageJavaScript(s.base, html);
    figures.push({ statements, htmlBytes: Buffer.byteLength(html), js: js.modern, jsLegacy: js.legacy, page: [], health: [] });
  }
  const timed = async (url, cookie) => {
    const t0 = performance.now();
    await get(url, cookie);
    return performance.now() - t0;
  };
  // A slow page takes fewer turns: at least 10, then as many as fit in SECONDS_PER_PAGE.
  const t0 = performance.now();
  for (let i = 0; i < REQUESTS && (i < 10 || performance.now() - t0 < SECONDS_PER_PAGE * 1000); i++) {
    for (const [k, s] of sides.entries()) figures[k].page.push(await timed(s.url, s.cookie));
    for (const [k, s] of sides.entries()) figures[k].health.push(await timed(`${s.base}/api/health`));
  }
  const burst = { workers: CONCURRENCY, total: Math.max(CONCURRENCY * 6, REQUESTS), seconds: SECONDS_PER_PAGE / 2 };
  const results = [];
  for (const [k, s] of sides.entries()) {
    const { page, health, ...f } = figures[k];
    const rps = await throughput(s.url, s.cookie, burst);
    const healthRps = await throughput(`${s.base}/api/health`, "", burst);
    results.push({ ...f, ...summarise(page), requests: page.length, rps, health: { ...summarise(health), rps: healthRps } });
  }
  return results;
}

async function measurePages(demo, large) {
  const rows = [];
  for (const p of PAGES) {
    const t0 = performance.now();
    const sides = [...(p.largeOnly ? [] : [demo]), large].map((side) => ({ base: side.base, url: `${side.base}${side.url(p.page)}`, cookie: side.cookies[p.as] }));
    const figures = await measurePage(sides);
    const [d, l] = p.largeOnly ? [null, figures[0]] : figures;
    rows.push({ page: p.page, as: p.as, demo: d, large: l });
    process.stderr.write(`  ${p.page} as ${p.as}: p50 ${d ? `${ms(d.p50)} on the demo, ` : ""}${ms(l.p50)} at ${PEOPLE} people (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`);
  }
  return rows;
}

function loadOrganisation(dataDir, people) {
  return new Promise((resolve, reject) => {
    let out = "";
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/bench-organisation.ts", dataDir, String(people)], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: "" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    child.stdout.on("data", (d) => (out += d));
    child.once("exit", (code) => {
      const line = out.trim().split("\n").at(-1);
      if (code !== 0 || !line) return reject(new Error(`building the organisation failed (${code})`));
      resolve(JSON.parse(line));
    });
  });
}

const fixed = (x, digits = 2) => (x === null || x === undefined || Number.isNaN(x) ? "—" : x.toFixed(digits));
const table = (header, rows) => [`| ${header.join(" | ")} |`, `|${header.map((_, i) => (i < 2 ? "---" : "--:")).join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");

async function scaleBench() {
  const startedAt = new Date();
  const loadBefore = os.loadavg();
  const demoDir = tempDir("waymark-bench-demo-");
  const largeDir = tempDir("waymark-bench-large-");
  try {
    console.log(`\nWaymark benchmark at ${PEOPLE} people — ${os.cpus().length} cores (${cpuModel()}), Node ${process.version}`);
    console.log(`${REQUESTS} sequential requests per page (fewer, at least 10, for a page slower than ${SECONDS_PER_PAGE} s in all) after 10 to warm up; throughput with ${CONCURRENCY} requests in flight; embedded database.\n`);
    process.stderr.write(`Building the organisation of ${PEOPLE} people...\n`);
    const organisation = await loadOrganisation(largeDir, PEOPLE);
    const large = { ...organisation, benchPassword: "bench-waymark" };
    process.stderr.write(`  ${JSON.stringify(organisation)}\n`);
    const servers = [];
    let measured;
    let floor;
    try {
      for (const dir of [demoDir, largeDir]) servers.push(await startServer({ WAYMARK_DATA_DIR: dir }));
      await Promise.all(servers.map((s) => s.ready));
      const demoSide = { base: servers[0].base, ...(await prepareRun(servers[0].base, null)) };
      const largeSide = { base: servers[1].base, ...(await prepareRun(servers[1].base, large)) };
      floor = await javaScriptFloor(servers[1].base);
      measured = await measurePages(demoSide, largeSide);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }

    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const health = (side) => {
      const hs = measured.map((r) => r[side]?.health).filter(Boolean);
      return { p50: median(hs.map((h) => h.p50)), p95: median(hs.map((h) => h.p95)), rps: median(hs.map((h) => h.rps)) };
    };
    const demoHealth = health("demo");
    const largeHealth = health("large");
    const rows = measured.map(({ page, as, demo: s, large: p }) => ({
      page,
      as,
      demo: s,
      large: p,
      ratios: {
        p50ToHealth: p.p50 / p.health.p50,
        p95ToHealth: p.p95 / p.health.p95,
        rpsToHealth: p.rps / p.health.rps,
        p50ToDemo: s ? p.p50 / s.p50 : null,
        p95ToDemo: s ? p.p95 / s.p95 : null,
        rpsToDemo: s ? p.rps / s.rps : null,
        jsToFloor: p.js / floor.modern,
      },
    }));
    const demoPages = rows.filter((r) => r.demo).map((r) => ({ page: r.page, as: r.as, ...r.demo }));
    const asLabel = (as) => (as === "director" ? "director (demo: marcus)" : as === "heavy" ? "engineer, 600 items" : as);

    console.log(`Organisation: ${organisation.people} people (${organisation.imported} rows through the people import in ${(organisation.importMs / 1000).toFixed(1)} s: preview ${(organisation.previewMs / 1000).toFixed(1)} s, apply ${(organisation.applyMs / 1000).toFixed(1)} s), ${organisation.evidence} evidence items, ${organisation.assessments} assessments, ${organisation.auditEvents} audit events; the director has ${organisation.director.below} people below.`);
    console.log(`/api/health (median over the pages' runs): demo p50 ${ms(demoHealth.p50)}, p95 ${ms(demoHealth.p95)}, ${demoHealth.rps.toFixed(0)} req/s; at ${PEOPLE} people p50 ${ms(largeHealth.p50)}, p95 ${ms(largeHealth.p95)}, ${largeHealth.rps.toFixed(0)} req/s.`);
    console.log(`Next's JavaScript floor (its empty page): ${kb(floor.modern)} gzip, plus ${kb(floor.legacy)} of nomodule polyfill modern browsers skip.\n`);
    console.log(`At ${PEOPLE} people (× health: over /api/health on the same server, measured in turn with the page; × demo: over the same page, for the same person, on the demo's 13 people):\n`);
    console.log(
      table(
        ["page", "as", "p50 ms", "× health", "× demo", "p95 ms", "× health", "× demo", `req/s @${CONCURRENCY}`, "× health", "× demo", "SQL", "SQL demo", "HTML KB", "HTML demo", "JS KB gz", "× floor"],
        rows.map((r) => [
          `\`${r.page}\``,
          asLabel(r.as),
          fixed(r.large.p50, 1),
          fixed(r.ratios.p50ToHealth),
          fixed(r.ratios.p50ToDemo),
          fixed(r.large.p95, 1),
          fixed(r.ratios.p95ToHealth),
          fixed(r.ratios.p95ToDemo),
          fixed(r.large.rps, 1),
          fixed(r.ratios.rpsToHealth),
          fixed(r.ratios.rpsToDemo),
          r.large.statements ?? "—",
          r.demo?.statements ?? "—",
          fixed(r.large.htmlBytes / 1024, 1),
          r.demo ? fixed(r.demo.htmlBytes / 1024, 1) : "—",
          fixed(r.large.js / 1024, 1),
          fixed(r.ratios.jsToFloor),
        ]),
      ),
    );
    console.log("\nOn the demo (13 people):\n");
    console.log(
      table(
        ["page", "as", "p50 ms", "× health", "p95 ms", `req/s @${CONCURRENCY}`, "SQL", "HTML KB"],
        demoPages.map((p) => [`\`${p.page}\``, asLabel(p.as), fixed(p.p50, 1), fixed(p.p50 / p.health.p50), fixed(p.p95, 1), fixed(p.rps, 1), p.statements ?? "—", fixed(p.htmlBytes / 1024, 1)]),
      ),
    );

    const targets = {
      "p50 within 1.2× of the demo": rows.filter((r) => r.ratios.p50ToDemo !== null && r.ratios.p50ToDemo > 1.2),
      "HTML at most 200 KB": rows.filter((r) => r.large.htmlBytes > 200 * 1024),
      "p50 within 5× of /api/health": rows.filter((r) => r.ratios.p50ToHealth > 5),
      "at most 10 SQL statements": rows.filter((r) => (r.large.statements ?? 0) > 10),
      "JavaScript within 1.15× of the floor": rows.filter((r) => r.ratios.jsToFloor > 1.15),
    };
    console.log("\nTargets:");
    for (const [name, missed] of Object.entries(targets)) {
      console.log(`  ${missed.length === 0 ? "met   " : "missed"} ${name}${missed.length ? `: ${missed.map((r) => `${r.page} (${r.as})`).join(", ")}` : ""}`);
    }
    const loadAfter = os.loadavg();
    console.log(`\nLoad average (1 min) ${loadBefore[0].toFixed(1)} at the start, ${loadAfter[0].toFixed(1)} at the end.`);

    if (JSON_FILE) {
      const report = { startedAt: startedAt.toISOString(), machine: { ...machine(), load: { start: loadBefore, end: loadAfter } }, options: { people: PEOPLE, requests: REQUESTS, concurrency: CONCURRENCY, secondsPerPage: SECONDS_PER_PAGE, database: "embedded" }, organisation, health: { demo: demoHealth, large: largeHealth }, floor, pages: rows };
      fs.writeFileSync(JSON_FILE, `${JSON.stringify(report, null, 2)}\n`);
      console.log(`Wrote ${JSON_FILE}.`);
    }
  } finally {
    fs.rmSync(demoDir, { recursive: true, force: true });
    fs.rmSync(largeDir, { recursive: true, force: true });
  }
}

// Build once up front so start-up figures measure start-up only.
await build();
await (PEOPLE ? scaleBench() : quickBench());
