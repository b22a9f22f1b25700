import { expect, test } from "./fixtures";

test.describe("framework versions", () => {
  test("everyone reads the versions of each framework from the header", async ({ page, signInAs, visit }) => {
    await signInAs("sam");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Frameworks" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Frameworks" })).toBeVisible();
    await visit("/frameworks");
    const versions = page.getByRole("list", { name: "Versions of Engineering career path, newest first" });
    await expect(versions.getByRole("listitem")).toHaveCount(1);
    await expect(versions.getByRole("listitem").first()).toContainText("Version 1");
    await expect(versions.getByRole("listitem").first()).toContainText("Published");
    // A single version has nothing before it to compare with.
    await expect(versions.getByRole("link", { name: /Compare/ })).toHaveCount(0);
  });

  test("the diff page says when there is nothing to compare yet, whatever the query", async ({ page, signInAs, visit }) => {
    await signInAs("alex");
    for (const query of ["", "?from=1&to=2", "?from=abc&to=-1", "?from=1&from=2&to=%00"]) {
      await visit(`/frameworks/engineering/diff${query}`);
      await expect(page.getByText("There is only one version of this framework so far")).toBeVisible();
    }
  });

  test("a framework that does not exist is not found", async ({ page, signInAs }) => {
    await signInAs("sam");
    const response = await page.goto("/frameworks/no-such-framework/diff");
    expect(response?.status()).toBe(404);
  });
});
