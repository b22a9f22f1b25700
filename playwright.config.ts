import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { freePortSync } from "./e2e/free-port";

/**
 * End-to-end tests run against the production build served by `npm start`, on a free port (or
 * E2E_PORT) and a fresh embedded database. A system Chromium is used when CHROMIUM_PATH names one (or Debian's
 * /usr/bin/chromium exists); otherwise Playwright's own browser.
 */

// The config is read again by each worker: keep the port and folder chosen by the first read.
process.env.E2E_PORT ??= String(freePortSync());
process.env.WAYMARK_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "waymark-e2e-"));
const port = Number(process.env.E2E_PORT);

const systemChromium = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: systemChromium
      ? {
          executablePath: systemChromium,
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        }
      : {},
  },
  webServer: {
    command: "node scripts/start.mjs",
    url: `http://localhost:${port}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { PORT: String(port), WAYMARK_DATA_DIR: process.env.WAYMARK_E2E_DATA_DIR, DATABASE_URL: "" },
  },
});
