import { execFileSync } from "node:child_process";

/**
 * A TCP port that is free on this machine right now, asked of the system (port 0) rather than
 * assumed. Synchronous, so the Playwright config can use it while it is read.
 */
export function freePortSync(): number {
  const probe = "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });";
  return Number(execFileSync(process.execPath, ["-e", probe], { encoding: "utf8" }).trim());
}
