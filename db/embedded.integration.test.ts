import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { like } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { LOCK_FILE } from "./data-dir-lock";
import { StartupError } from "./errors";
import { teams } from "./schema";

/** The embedded database in a data folder: the lock that keeps a second process out, and what survives a crash. */

const writer = path.join(import.meta.dirname, "..", "test", "fixtures", "embedded-writer.ts");

function startWriter(dataDir: string, writes: number, holdMs: number) {
  const child = spawn(process.execPath, ["--import", "tsx", writer, dataDir, String(writes), String(holdMs)], {
    cwd: path.join(import.meta.dirname, ".."),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines = readline.createInterface({ input: child.stdout! });
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d));
  const waitFor = (predicate: (line: string) => boolean) =>
    new Promise<string>((resolve, reject) => {
      const onLine = (line: string) => {
        if (predicate(line)) {
          lines.off("line", onLine);
          resolve(line);
        }
      };
      lines.on("line", onLine);
      child.once("exit", (code) => reject(new Error(`writer exited (${code}) before the expected line: ${stderr}`)));
    });
  return { child, lines, waitFor };
}

/** Resolves once the process has exited and everything it printed has been read. */
const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("close", () => resolve())));

describe.skipIf(!!process.env.TEST_DATABASE_URL)("the embedded data folder", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-embedded-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("refuses a second process while the first holds the folder, naming the holder", async () => {
    const first = startWriter(dir, 0, 60_000);
    await first.waitFor((l) => l === "ready");
    try {
      const error = await openDatabase({ kind: "pglite", dataDir: dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StartupError);
      expect((error as Error).message).toContain(`is in use by process ${first.child.pid}`);
      // Nothing was written by the refused opener: the lock still names the first process.
      expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), "utf8")).pid).toBe(first.child.pid);
    } finally {
      first.child.kill("SIGKILL");
      await exited(first.child);
    }
  });

  it("takes over a lock left behind by a process that no longer runs", async () => {
    const gone = spawn(process.execPath, ["-e", ""]);
    await exited(gone);
    fs.writeFileSync(
      path.join(dir, LOCK_FILE),
      JSON.stringify({ pid: gone.pid, host: os.hostname(), command: "npm start", since: new Date().toISOString() }),
    );
    const handle = await openDatabase({ kind: "pglite", dataDir: dir });
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), "utf8")).pid).toBe(process.pid);
    await handle.close();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  // A second process starts the embedded database and writes 150 rows: slow on a busy machine, hence the time.
  it("keeps every acknowledged write when the process is killed with SIGKILL mid-stream", async () => {
    const w = startWriter(dir, 100_000, 0);
    let acked = 0;
    w.lines.on("line", (line) => {
      const m = /^ack (\d+)$/.exec(line);
      if (m) acked = Number(m[1]);
    });
    await w.waitFor((l) => l === "ack 150");
    w.child.kill("SIGKILL");
    await exited(w.child);
    expect(acked).toBeGreaterThanOrEqual(150);

    const handle = await openDatabase({ kind: "pglite", dataDir: dir });
    try {
      const rows = await handle.db.select({ name: teams.name }).from(teams).where(like(teams.name, "crash-%"));
      const written = new Set(rows.map((r) => Number(r.name.slice("crash-".length))));
      const missing = Array.from({ length: acked }, (_, i) => i + 1).filter((n) => !written.has(n));
      expect(missing).toEqual([]);
    } finally {
      await handle.close();
    }
  }, 120_000);

  it("says in one sentence that a folder cannot be written", async () => {
    const file = path.join(dir, "not-a-folder");
    fs.writeFileSync(file, "");
    const error = await openDatabase({ kind: "pglite", dataDir: path.join(file, "data") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toMatch(/^The data folder .+ cannot be written \(ENOTDIR\); set WAYMARK_DATA_DIR to a writable folder\.$/);
  });
});

describe("connecting to a PostgreSQL server", () => {
  it.each([
    ["not a url", "DATABASE_URL is not a valid URL"],
    ["mysql://u@localhost/db", "DATABASE_URL must start with postgres:// or postgresql://"],
    ["postgres:///waymark", "DATABASE_URL names no host"],
  ])("refuses the malformed DATABASE_URL %j", async (url, message) => {
    const error = await openDatabase({ kind: "postgres", url }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toContain(message);
  });

  it("names the server it cannot reach, without the password", async () => {
    const error = await openDatabase({ kind: "postgres", url: "postgres://waymark:s3cret@127.0.0.1:1/waymark" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toBe("Cannot reach the PostgreSQL server at 127.0.0.1:1/waymark (ECONNREFUSED).");
  });
});
