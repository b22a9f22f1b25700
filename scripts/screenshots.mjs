// Screenshots for docs/: the path matrix on a laptop and on a phone. Needs a running Waymark
// (npm start) at BASE_URL, default http://localhost:3000.
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
];
for (const shot of shots) {
  const page = await browser.newPage({ viewport: shot.viewport, deviceScaleFactor: 1 });
  await page.goto(`${base}${shot.url}`);
  await page.screenshot({ path: path.join(root, "docs", shot.file) });
  console.log(`docs/${shot.file}`);
  await page.close();
}
await browser.close();
