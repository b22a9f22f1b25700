import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePortSync } from "./free-port";

/**
 * `npm start` as its operator meets it: a clear sentence when it cannot start, a clean close on
 * SIGTERM, and a restart that works after the server was killed outright.
 */

const root = path.join(import.meta.dirname, "..");
const running: ChildProcess[] = [];

type Server = { child: ChildProcess; port: number; output: () => string; exited: Promise<number | null> };

function start(env: Record<string, string>): Server {
  const port = freePortSync();
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: "", PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  running.push(child);
  return { child, port, output: () => output, exited };
}

// A failed test must not leave a server behind to hold its port or folder.
test.afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

async function healthy(server: Server) {
  await expect
    .poll(async () => (await fetch(`http://localhost:${server.port}/api/health`).catch(() => null))?.status ?? 0, { timeout: 60_000 })
    .toBe(200);
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "waymark-life-"));

test.describe("starting and stopping the server", () => {
  test("a second server on the same data folder is refused and names the first", async () => {
    const dataDir = process.env.WAYMARK_E2E_DATA_DIR!;
    const lock = JSON.parse(fs.readFileSync(path.join(dataDir, "waymark.lock"), "utf8"));
    const second = start({ WAYMARK_DATA_DIR: dataDir });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`Waymark cannot start: The data folder ${dataDir} is in use by process ${lock.pid}`);
    expect(second.output()).not.toMatch(/^\s+at /m);
    // The running server still owns the folder and still answers.
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, "waymark.lock"), "utf8")).pid).toBe(lock.pid);
    expect((await fetch(`${test.info().project.use.baseURL}/api/health`)).status).toBe(200);
  });

  test("a malformed DATABASE_URL stops the server with one sentence", async () => {
    const server = start({ DATABASE_URL: "mysql://waymark@localhost/waymark" });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain(
      "Waymark cannot start: DATABASE_URL must start with postgres:// or postgresql://, not mysql://; expected postgres://user:password@host:5432/database.",
    );
    expect(server.output()).not.toMatch(/^\s+at /m);
  });

  test("an unreachable database server stops the server with one sentence", async () => {
    const server = start({ DATABASE_URL: "postgres://waymark:secret@127.0.0.1:1/waymark", AUTH_SECRET: "a".repeat(40), AUTH_URL: "https://waymark.example.com" });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain("Waymark cannot start: Cannot reach the PostgreSQL server at 127.0.0.1:1/waymark (ECONNREFUSED).");
    expect(server.output()).not.toContain("secret");
  });

  test("a data folder that cannot be written stops the server with one sentence", async () => {
    const dir = tempDir();
    const file = path.join(dir, "a-file");
    fs.writeFileSync(file, "");
    const server = start({ WAYMARK_DATA_DIR: path.join(file, "data") });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain(`Waymark cannot start: The data folder ${path.join(file, "data")} cannot be written (ENOTDIR)`);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("SIGTERM closes the database and releases the folder", async () => {
    const dir = tempDir();
    const server = start({ WAYMARK_DATA_DIR: dir });
    await healthy(server);
    expect(fs.existsSync(path.join(dir, "waymark.lock"))).toBe(true);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain("SIGTERM received, closing the database.");
    expect(fs.existsSync(path.join(dir, "waymark.lock"))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("after kill -9 the next start takes over the folder and serves the same data", async () => {
    const dir = tempDir();
    const first = start({ WAYMARK_DATA_DIR: dir });
    await healthy(first);
    // The sign-in page lists the demo people: it shows the seeded data is there.
    const before = await (await fetch(`http://localhost:${first.port}/sign-in`)).text();
    expect(before).toContain("alex.morgan@example.com");
    // The lock names the server process itself (the child of npm start): kill that, with no chance to clean up.
    const { pid } = JSON.parse(fs.readFileSync(path.join(dir, "waymark.lock"), "utf8"));
    process.kill(pid, "SIGKILL");
    await first.exited;
    expect(fs.existsSync(path.join(dir, "waymark.lock"))).toBe(true);

    const second = start({ WAYMARK_DATA_DIR: dir });
    await healthy(second);
    expect(second.output()).not.toContain("seeded");
    const after = await (await fetch(`http://localhost:${second.port}/sign-in`)).text();
    expect(after).toContain("alex.morgan@example.com");
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

test.describe("sign-in settings", () => {
  test("a server database in production without AUTH_SECRET stops the server with one sentence", async () => {
    const server = start({ DATABASE_URL: "postgres://waymark@127.0.0.1:1/waymark", AUTH_SECRET: "" });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain("Waymark cannot start: AUTH_SECRET is not set;");
  });

  test("a server database in production without AUTH_URL or AUTH_TRUST_HOST stops the server with one sentence", async () => {
    const server = start({ DATABASE_URL: "postgres://waymark@127.0.0.1:1/waymark", AUTH_SECRET: "b".repeat(40) });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain("Waymark cannot start: Set AUTH_URL to the address people use");
  });

  test("the embedded mode makes its own secret once and keeps it in the data folder", async () => {
    const dataDir = process.env.WAYMARK_E2E_DATA_DIR!;
    const stat = fs.statSync(path.join(dataDir, "auth-secret"));
    expect(stat.mode & 0o777).toBe(0o600);
    expect(stat.size).toBeGreaterThanOrEqual(40);
  });
});
