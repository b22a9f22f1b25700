import { expect, test } from "./fixtures";

// The demo has one version of its framework, so there is nobody to move: these tests change nothing.
// Moving people is tried on the data-access layer (lib/data/framework-migration.integration.test.ts).
test.describe("moving people to a new framework version", () => {
  test("an admin finds nobody to move while everyone is on the latest version, on a laptop and a phone", async ({ page, signInAs, visit }) => {
    await signInAs("alex");
    await visit("/frameworks");
    await expect(page.getByRole("link", { name: /^Move \d+ (person|people) to version/ })).toHaveCount(0);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await visit("/frameworks/engineering/move");
      await expect(page.getByRole("heading", { level: 1, name: "Move people to version 1 of Engineering career path" })).toBeVisible();
      await expect(page.getByText("Nobody is on an older version of Engineering career path")).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
    await visit("/frameworks/engineering/move?from=abc");
    await expect(page.getByText("Nobody can be moved from that version")).toBeVisible();
  });

  test("is not found for anyone but an admin, and for a framework that does not exist", async ({ page, signInAs, signInElsewhere }) => {
    for (const who of ["priya", "sam"] as const) {
      const other = await signInElsewhere(who);
      expect((await other.goto("/frameworks/engineering/move"))?.status()).toBe(404);
    }
    await signInAs("alex");
    expect((await page.goto("/frameworks/no-such-framework/move"))?.status()).toBe(404);
  });
});
