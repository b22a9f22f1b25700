import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditEvents, teams, users } from "@/db/schema";
import { createDemoDatabase } from "@/test/people";
import type { TestDatabase } from "@/test/database";
import { installCountingDatabase } from "@/test/statement-counter";
import type { Viewer } from "@/lib/auth/policy";
import { ConflictError, InvalidInputError, NotAllowedError, NotFoundError } from "@/lib/errors";
import { listAuditEvents } from "./audit";
import { createTeam, listLeadChoices, listTeams, setPersonActive, setTeamLead, TEAM_MEMBERS_SHOWN, TEAMS_PAGE_SIZE } from "./people";

let handle: TestDatabase;
let as: (key: string) => Promise<Viewer>;
let idOf: (key: string) => Promise<string>;
let admin: Viewer;

beforeEach(async () => {
  ({ handle, as, idOf } = await createDemoDatabase());
  admin = await as("alex");
});
afterEach(async () => {
  await handle.close();
});

const rejection = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as Error);
const teamNamed = async (name: string) => (await handle.db.select().from(teams).where(eq(teams.name, name)))[0]!;
const teamEvents = async (id: string) => (await handle.db.select().from(auditEvents).where(eq(auditEvents.entityId, id))).filter((e) => e.action === "team.lead");

describe("a team's lead", () => {
  it("is set and cleared by an admin, each change audited with the lead's name", async () => {
    const platform = await teamNamed("Platform");
    const priya = await idOf("priya");
    expect(await setTeamLead(admin, { id: platform.id, revision: platform.revision, leadId: priya })).toEqual({ team: "Platform", lead: { id: priya, name: "Priya Raman" } });
    const led = (await listTeams(admin)).teams.find((t) => t.id === platform.id)!;
    expect(led.lead).toEqual({ id: priya, name: "Priya Raman", active: true });
    expect(led.revision).toBe(platform.revision + 1);

    // Any active person may lead, whatever their role or team.
    const aisha = await idOf("aisha");
    await setTeamLead(admin, { id: platform.id, revision: led.revision, leadId: aisha });
    await setTeamLead(admin, { id: platform.id, revision: led.revision + 1, leadId: "" });
    expect((await teamNamed("Platform")).leadId).toBeNull();

    const events = await teamEvents(platform.id);
    expect(events.map((e) => [e.actorId, e.before, e.after])).toEqual([
      [admin.id, { name: "Platform", leadId: null, leadName: null }, { name: "Platform", leadId: priya, leadName: "Priya Raman" }],
      [admin.id, { name: "Platform", leadId: priya, leadName: "Priya Raman" }, { name: "Platform", leadId: aisha, leadName: "Aisha Khan" }],
      [admin.id, { name: "Platform", leadId: aisha, leadName: "Aisha Khan" }, { name: "Platform", leadId: null, leadName: null }],
    ]);
    const { events: described } = await listAuditEvents(admin, { action: "team.lead" });
    expect(described).toHaveLength(3);
  });

  it("is refused to anyone but an admin, changing nothing", async () => {
    const platform = await teamNamed("Platform");
    for (const who of ["priya", "sam"]) {
      const viewer = await as(who);
      expect(await rejection(setTeamLead(viewer, { id: platform.id, revision: platform.revision, leadId: viewer.id }))).toBeInstanceOf(NotAllowedError);
      expect(await rejection(listTeams(viewer))).toBeInstanceOf(NotAllowedError);
      expect(await rejection(listLeadChoices(viewer))).toBeInstanceOf(NotAllowedError);
    }
    expect(await teamNamed("Platform")).toEqual(platform);
    expect(await teamEvents(platform.id)).toEqual([]);
  });

  it("must be an active person: a deactivated or unknown one is refused beside the field, changing nothing", async () => {
    const platform = await teamNamed("Platform");
    const mei = await idOf("mei");
    const [meiRow] = await handle.db.select().from(users).where(eq(users.id, mei));
    await setPersonActive(admin, { id: mei, active: false, revision: meiRow!.revision });
    for (const leadId of [mei, randomUUID()]) {
      const err = await rejection(setTeamLead(admin, { id: platform.id, revision: platform.revision, leadId }));
      expect(err).toBeInstanceOf(InvalidInputError);
      expect((err as InvalidInputError).fieldErrors.leadId).toEqual(["Choose an active person: this one does not exist or has been deactivated."]);
    }
    const notAnId = await rejection(setTeamLead(admin, { id: platform.id, revision: platform.revision, leadId: "someone" }));
    expect((notAnId as InvalidInputError).fieldErrors.leadId).toBeDefined();
    expect(await teamNamed("Platform")).toEqual(platform);
    expect(await teamEvents(platform.id)).toEqual([]);
  });

  it("is cleared when the lead is deactivated, each team's change audited, and stays cleared on reactivation", async () => {
    const [platform, product] = [await teamNamed("Platform"), await teamNamed("Product")];
    const mei = await idOf("mei");
    await setTeamLead(admin, { id: platform.id, revision: platform.revision, leadId: mei });
    await setTeamLead(admin, { id: product.id, revision: product.revision, leadId: mei });
    const [meiRow] = await handle.db.select().from(users).where(eq(users.id, mei));
    await setPersonActive(admin, { id: mei, active: false, revision: meiRow!.revision });

    for (const team of [platform, product]) {
      const after = await teamNamed(team.name);
      expect(after.leadId).toBeNull();
      // A form open on the team from before is now stale.
      expect(after.revision).toBe(team.revision + 2);
      expect((await teamEvents(team.id)).at(-1)).toMatchObject({
        actorId: admin.id,
        before: { name: team.name, leadId: mei, leadName: "Mei Chen" },
        after: { name: team.name, leadId: null, leadName: null },
      });
    }
    const [again] = await handle.db.select().from(users).where(eq(users.id, mei));
    await setPersonActive(admin, { id: mei, active: true, revision: again!.revision });
    expect((await teamNamed("Platform")).leadId).toBeNull();
  });

  it("answers not found for a team that is not there, and a conflict for a stale revision", async () => {
    const priya = await idOf("priya");
    expect(await rejection(setTeamLead(admin, { id: randomUUID(), revision: 1, leadId: priya }))).toBeInstanceOf(NotFoundError);
    const platform = await teamNamed("Platform");
    await setTeamLead(admin, { id: platform.id, revision: platform.revision, leadId: priya });
    // Another admin's page, loaded before that change, tries to clear the lead.
    expect(await rejection(setTeamLead(admin, { id: platform.id, revision: platform.revision, leadId: null }))).toBeInstanceOf(ConflictError);
    expect((await teamNamed("Platform")).leadId).toBe(priya);
    expect(await teamEvents(platform.id)).toHaveLength(1);
  });
});

describe("the list of teams", () => {
  it("gives each team its lead, its active members counted and the first of them by name", async () => {
    const platform = await teamNamed("Platform");
    await setTeamLead(admin, { id: platform.id, revision: platform.revision, leadId: await idOf("priya") });
    const { id: empty } = await createTeam(admin, { name: "Data" });
    const { teams: list, total, pages } = await listTeams(admin);
    expect([total, pages]).toEqual([3, 1]);
    expect(list.map((t) => [t.name, t.lead?.name ?? null, t.members, t.firstMembers.map((m) => m.name)])).toEqual([
      ["Data", null, 0, []],
      ["Platform", "Priya Raman", 5, ["Diego Alvarez", "Lena Fischer", "Mei Chen", "Priya Raman", "Sam Okafor"]],
      // Seven members, six of them named: the rest are a link away, in the people directory.
      ["Product", null, 7, ["Aisha Khan", "Ines Duarte", "Jonas Berg", "Marcus Bell", "Noah Williams", "Ravi Patel"]],
    ]);
    expect(list[0]!.id).toBe(empty);
  });

  it("names at most six members, and costs the same statements for 2 teams as for 40 with many people, 25 to a page", async () => {
    const counter = installCountingDatabase(handle);
    const two = await counter.count(() => listTeams(admin));
    expect(two.result.teams).toHaveLength(2);

    for (let i = 0; i < 38; i++) await createTeam(admin, { name: `Guild ${String(i).padStart(2, "0")}` });
    const guild = await teamNamed("Guild 00");
    await handle.db.insert(users).values(Array.from({ length: 30 }, (_, i) => ({ email: `guild${i}@example.com`, name: `Guild Member ${String(i).padStart(2, "0")}`, teamId: guild.id })));
    const twenty = await counter.count(() => listTeams(admin));
    expect(twenty.result).toMatchObject({ total: 40, page: 1, pages: 2 });
    expect(twenty.result.teams).toHaveLength(TEAMS_PAGE_SIZE);
    expect(twenty.statements).toBe(two.statements);
    // The count, the page of teams, and their first members.
    expect(twenty.statements).toBe(3);
    const second = await listTeams(admin, { page: 2 });
    expect(second.teams.map((t) => t.name)).toEqual([...Array.from({ length: 13 }, (_, i) => `Guild ${String(i + 25)}`), "Platform", "Product"]);
    expect((await listTeams(admin, { page: 99 })).page).toBe(2);

    const guild00 = twenty.result.teams.find((t) => t.id === guild.id)!;
    expect(guild00.members).toBe(30);
    expect(TEAM_MEMBERS_SHOWN).toBe(6);
    expect(guild00.firstMembers.map((m) => m.name)).toEqual(Array.from({ length: 6 }, (_, i) => `Guild Member 0${i}`));
  });

  it("offers active managers and admins as leads, by name", async () => {
    const choices = await listLeadChoices(admin);
    expect(choices.map((c) => c.name)).toEqual(["Alex Morgan", "Jonas Berg", "Marcus Bell", "Priya Raman"]);
  });
});
