import { expect, test } from "./fixtures";

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
    await expect(page.getByLabel("Team", { exact: true })).toHaveValue(/[0-9a-f-]{36}/);
    await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
    await expect(page.locator("table tbody tr")).toHaveCount(count);
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
