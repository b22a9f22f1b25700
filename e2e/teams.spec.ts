import { expect, expectAccessible, test } from "./fixtures";

/**
 * The admin's teams page: each team's lead, changed there, and its members, a link away from the
 * whole team in the people directory.
 */

test.describe("teams, their leads and their members", () => {
  test("an admin gives Platform a lead, sees its members, and follows them to the directory", async ({ page, signInAs, visit }) => {
    await signInAs("alex");
    await visit("/teams");
    const platform = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Platform", exact: true }) });
    await expect(platform.getByText("No lead yet")).toBeVisible();
    await expect(platform.getByRole("link", { name: "Sam Okafor" })).toBeVisible();

    // The list of people who may lead is shown for one team at a time.
    await expect(page.getByLabel(/^Lead of /)).toHaveCount(0);
    await platform.getByRole("link", { name: "Choose a lead of Platform" }).click();
    await expect(page).toHaveURL(/\/teams\?lead=[0-9a-f-]{36}#team-/);
    await expect(page.getByLabel(/^Lead of /)).toHaveCount(1);
    await platform.getByLabel("Lead of Platform").selectOption({ label: "Priya Raman" });
    await platform.getByRole("button", { name: "Save the lead of Platform" }).click();
    await expect(platform.getByText("Priya Raman now leads Platform.")).toBeVisible();
    const lead = platform.getByRole("link", { name: "Priya Raman" }).first();
    await expect(lead).toHaveAttribute("href", /^\/people\/[0-9a-f-]{36}$/);
    await expect(platform.getByLabel("Lead of Platform")).toHaveValue((await lead.getAttribute("href"))!.split("/").pop()!);

    await platform.getByRole("link", { name: "Done changing the lead of Platform" }).click();
    await expect(platform.getByText("No lead yet")).toHaveCount(0);
    await expect(platform.getByRole("link", { name: "Change the lead of Platform" })).toBeVisible();
    const members = platform.getByRole("link", { name: /^All \d+ members of Platform$/ });
    const count = Number((await members.textContent())!.match(/\d+/)![0]);
    expect(count).toBeGreaterThanOrEqual(5);
    await members.click();
    await expect(page).toHaveURL(/\/people\?team=[0-9a-f-]{36}$/);
    await expect(page.getByTestId("team-chip")).toHaveText("Platform");
    await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
    await expect(page.locator("table tbody tr")).toHaveCount(count);
  });

  test("names six members of a team, with the rest a link away", async ({ page, signInAs, visit }) => {
    await signInAs("alex");
    await visit("/teams");
    // Product has more than six members (the demo's seven, and whoever earlier walks added): six by
    // name, each a link to their page, then all of them in the directory.
    const product = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Product", exact: true }) });
    const named = product.getByRole("list").getByRole("link");
    await expect(named).toHaveCount(6);
    for (const href of await named.evaluateAll((links) => links.map((a) => a.getAttribute("href")))) expect(href).toMatch(/^\/people\/[0-9a-f-]{36}$/);
    const all = product.getByRole("link", { name: /^All \d+ members of Product$/ });
    expect(Number((await all.textContent())!.match(/\d+/)![0])).toBeGreaterThan(6);
    await all.click();
    await expect(page.getByTestId("team-chip")).toHaveText("Product");
  });

  test("renames one team at a time", async ({ page, signInAs, visit }) => {
    await signInAs("alex");
    await visit("/teams");
    await page.getByLabel("New team").fill("Release train");
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page.getByText("The team Release train was created.")).toBeVisible();
    // No rename form until one is asked for, and then only that team's.
    await expect(page.getByLabel(/^Name of /)).toHaveCount(0);
    const team = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Release train", exact: true }) });
    await team.getByRole("link", { name: "Rename Release train" }).click();
    await expect(page).toHaveURL(/\/teams\?rename=[0-9a-f-]{36}#team-/);
    await expect(page.getByLabel(/^Name of /)).toHaveCount(1);
    await expectAccessible(page);
    await team.getByLabel("Name of Release train").fill("");
    await team.getByRole("button", { name: "Rename" }).click();
    await expect(team.getByLabel("Name of Release train")).toHaveAttribute("aria-invalid", "true");
    await team.getByLabel("Name of Release train").fill("Release crew");
    await team.getByRole("button", { name: "Rename" }).click();
    const renamed = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Release crew", exact: true }) });
    await expect(renamed.getByText("Renamed to Release crew.")).toBeVisible();
    await renamed.getByRole("link", { name: "Done renaming Release crew" }).click();
    await expect(page.getByLabel(/^Name of /)).toHaveCount(0);
    await expect(renamed.getByRole("link", { name: "Rename Release crew" })).toBeVisible();
    // A malformed team in the address opens nothing.
    await visit("/teams?rename=not-a-team&lead=%00");
    await expect(page.getByLabel(/^Name of /)).toHaveCount(0);
  });

  test("an empty team says what to do next, and the page fits a phone", async ({ page, signInAs, visit }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs("alex");
    await visit("/teams");
    await page.getByLabel("New team").fill("Design Systems");
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page.getByText("The team Design Systems was created.")).toBeVisible();
    const team = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Design Systems", exact: true }) });
    await expect(team.getByText("No members yet — assign people to this team on their page.")).toBeVisible();
    await expect(team.getByText("No lead yet")).toBeVisible();
    await visit("/teams");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
