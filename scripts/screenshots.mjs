// Screenshots for docs/: the path matrix on a laptop and on a phone, and an engineer's pages.
// Needs a running Waymark on the demo database (npm start) at BASE_URL, default http://localhost:3000.
import path from "node:path";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const base = process.env.BASE_URL ?? "http://localhost:3000";
const systemChromium = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

const browser = await chromium.launch({
  executablePath: systemChromium,
  args: systemChromium
    ? ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    : [],
});

const shots = [
  { file: "path-matrix-wide.png", url: "/path", viewport: { width: 1440, height: 1500 } },
  { file: "path-matrix-narrow.png", url: "/path#step-senior-engineer", viewport: { width: 390, height: 1600 } },
  { file: "where-i-am-now.png", url: "/", viewport: { width: 1280, height: 1200 } },
  { file: "self-assessment.png", url: "/assessment", viewport: { width: 1280, height: 1400 } },
];
const context = await browser.newContext({ deviceScaleFactor: 1 });
const signIn = await context.newPage();
await signIn.goto(`${base}/sign-in`);
await signIn.getByLabel("Email").fill("sam.okafor@example.com");
await signIn.getByLabel("Password").fill("sam-waymark");
await signIn.getByRole("button", { name: "Sign in" }).click();
await signIn.getByTestId("signed-in-as").waitFor();
await signIn.goto(`${base}/assessment`);
const start = signIn.getByRole("button", { name: "Start my self-assessment" });
if (await start.isVisible()) await start.click();
await signIn.getByTestId("save-status").waitFor();
await signIn.close();
for (const shot of shots) {
  const page = await context.newPage();
  await page.setViewportSize(shot.viewport);
  await page.goto(`${base}${shot.url}`);
  await page.screenshot({ path: path.join(root, "docs", shot.file) });
  console.log(`docs/${shot.file}`);
  await page.close();
}
await browser.close();
