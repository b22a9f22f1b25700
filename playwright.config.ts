import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { freePortSync } from "./e2e/free-port";

/**
/**
 * End-to-end tests run against the production build served by `npm start`, on a free port (or
 * E2E_PORT) and a fresh embedded database, with sign-in through a real OpenID Connect provider
 * started first on another free port (e2e/support/oidc-provider.mjs). A system Chromium is used
 * when CHROMIUM_PATH names one (or Debian's /usr/bin/chromium exists); otherwise Playwright's own.
 */

// The config is read again by each worker: keep what the first read chose, through the environment.
process.env.E2E_PORT ??= String(freePortSync());
process.env.WAYMARK_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "waymark-e2e-"));
process.env.WAYMARK_E2E_OIDC_ISSUER ??= `http://127.0.0.1:${freePortSync()}`;
process.env.WAYMARK_E2E_OIDC_SECRET ??= crypto.randomBytes(24).toString("base64url");
const port = Number(process.env.E2E_PORT);
const oidc = { issuer: process.env.WAYMARK_E2E_OIDC_ISSUER, id: "waymark-e2e", secret: process.env.WAYMARK_E2E_OIDC_SECRET, name: "Example SSO" };

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
  // The framework's life (publishing a new version and moving everyone onto it) changes what every
  // other test reads, so it runs once they have all passed.
  projects: [
    { name: "chromium", testIgnore: /framework-lifecycle\.spec\.ts/ },
    { name: "framework-lifecycle", testMatch: /framework-lifecycle\.spec\.ts/, dependencies: ["chromium"] },
  ],
  // Started in this order (and before any globalSetup): Waymark learns the provider's address from its settings.
  webServer: [
    {
      command: "node e2e/support/oidc-provider.mjs",
      url: `${oidc.issuer}/.well-known/openid-configuration`,
      timeout: 30_000,
      reuseExistingServer: false,
      env: {
        OIDC_ISSUER: oidc.issuer,
        OIDC_CLIENT_ID: oidc.id,
        OIDC_CLIENT_SECRET: oidc.secret,
        OIDC_REDIRECT_URI: `http://localhost:${port}/api/auth/callback/oidc`,
        OIDC_NAME: oidc.name,
      },
    },
    {
      command: "node scripts/start.mjs",
      url: `http://localhost:${port}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        PORT: String(port),
        WAYMARK_DATA_DIR: process.env.WAYMARK_E2E_DATA_DIR,
        DATABASE_URL: "",
        AUTH_OIDC_ISSUER: oidc.issuer,
        AUTH_OIDC_ID: oidc.id,
        AUTH_OIDC_SECRET: oidc.secret,
        AUTH_OIDC_NAME: oidc.name,
      },
    },
  ],
});
