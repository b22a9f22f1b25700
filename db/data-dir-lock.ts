import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { StartupError } from "./errors";

/**
 * The embedded database has no lock of its own: two processes on one data folder corrupt it
 * silently. Waymark holds an exclusive lock file (created with O_EXCL) naming the holder's pid for
 * as long as the database is open. A lock whose process is gone is stale and is taken over.
 */

export const LOCK_FILE = "waymark.lock";

type LockInfo = { pid: number; host: string; command: string; since: string };

export type DataDirLock = { path: string; release(): void };

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(file: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<LockInfo>;
    return typeof info.pid === "number" ? (info as LockInfo) : null;
  } catch {
    return null;
  }
}

export function acquireDataDirLock(dataDir: string, command = process.argv.slice(1).join(" ")): DataDirLock {
  const file = path.join(dataDir, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, host: os.hostname(), command, since: new Date().toISOString() };

  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY, 0o600);
      fs.writeSync(fd, JSON.stringify(info));
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      let released = false;
      return {
        path: file,
        release() {
          if (released) return;
          released = true;
          // Only remove the lock if it is still ours.
          if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }

    const holder = readLock(file);
    const sameHost = holder?.host === os.hostname();
    if (holder && holder.pid !== process.pid && sameHost && processIsAlive(holder.pid)) {
      throw new StartupError(
        `The data folder ${dataDir} is in use by process ${holder.pid} (${holder.command || "unknown command"}, since ${holder.since}); stop it before starting another Waymark on the same folder.`,
      );
    }
    if (holder && !sameHost) {
      throw new StartupError(
        `The data folder ${dataDir} is locked by process ${holder.pid} on host ${holder.host}; if that process is gone, delete ${file}.`,
      );
    }
    // Left behind by a process that no longer runs (or unreadable half-written): take it over.
    fs.rmSync(file, { force: true });
  }
  throw new StartupError(`Could not take the lock on the data folder ${dataDir}; another process keeps taking it.`);
}
