import { execFileSync } from "node:child_process";

/**
 * A TCP port that is free on this machine right now, asked of the system (port 0) rather than
 * assumed. Synchronous, so the Playwright config can use it while it is read. The child runs
 * without the test runner's NODE_OPTIONS (its loaders may print to standard output).
 */
export function freePortSync(): number {
  const probe = "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { console.log('port=' + s.address().port); s.close(); });";
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const output = execFileSync(process.execPath, ["-e", probe], { encoding: "utf8", env });
  const port = Number(/port=(\d+)/.exec(output)?.[1]);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`Could not find a free port (the probe said: ${output.trim()})`);
  return port;
}
