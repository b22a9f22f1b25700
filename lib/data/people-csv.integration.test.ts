import { eq } from "drizzle-orm";
import Papa from "papaparse";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditEvents, placements, teams, users } from "@/db/schema";
import { createDemoDatabase } from "@/test/people";
import { installCountingDatabase } from "@/test/statement-counter";
import type { TestDatabase } from "@/test/database";
import type { Viewer } from "@/lib/auth/policy";
import { ConflictError, NotAllowedError } from "@/lib/errors";
import { isoDate } from "@/lib/dates";
import { applyPeopleImport, exportPeopleCsv, previewPeopleImport } from "./people-csv";
import { listPlacementHistory } from "./placements";

let handle: TestDatabase;
let admin: Viewer;
let manager: Viewer;

beforeEach(async () => {
  const demo = await createDemoDatabase();
  handle = demo.handle;
  admin = await demo.as("alex");
  manager = await demo.as("priya");
});
afterEach(async () => {
  await handle.close();
});

const header = "email,name,role,manager_email,team\n";
const withStep = "email,name,role,manager_email,team,step\n";

describe("importing people from CSV", () => {
  it("previews, then applies creates and changes in one go, with audit events", async () => {
    const csv =
      header +
      [
        "kim.lee@example.com,Kim Lee,engineer,lead@example.com,Data",
        "lead@example.com,Lea Lead,manager,alex.morgan@example.com,Data",
        "sam.okafor@example.com,Sam Okafor,engineer,marcus.bell@example.com,Product",
        "lena.fischer@example.com,Lena Fischer,engineer,priya.raman@example.com,Platform",
      ].join("\n");
    const preview = await previewPeopleImport(admin, csv);
    expect(preview.errors).toEqual([]);
    expect(preview.creates.map((c) => c.email)).toEqual(["kim.lee@example.com", "lead@example.com"]);
    expect(preview.updates.map((u) => [u.email, u.changes.map((c) => c.field)])).toEqual([["sam.okafor@example.com", ["manager", "team"]]]);
    expect(preview.unchanged).toBe(1);
    expect(await handle.db.$count(users)).toBe(13);

    await applyPeopleImport(admin, csv, preview.fingerprint);
    const [kim] = await handle.db.select().from(users).where(eq(users.email, "kim.lee@example.com"));
    const [lead] = await handle.db.select().from(users).where(eq(users.email, "lead@example.com"));
    const [data] = await handle.db.select().from(teams).where(eq(teams.name, "Data"));
    expect(kim).toMatchObject({ managerId: lead!.id, teamId: data!.id, role: "engineer", passwordHash: null });
    const imported = await handle.db.select().from(auditEvents).where(eq(auditEvents.actorId, admin.id));
    expect(imported.map((e) => e.action).sort()).toEqual(["team.create", "user.create", "user.create", "user.update"]);
  });

  it("applies a file of hundreds of rows in as many statements as a file of a few", async () => {
    const counter = installCountingDatabase(handle);
    const file = (from: number, n: number) =>
      withStep +
      Array.from({ length: n }, (_, i) => {
        const k = from + i;
        // Every tenth person leads the nine after them, in a team of their own, created by the file.
        const lead = k - (k % 10);
        return k === lead
          ? `lead${k}@example.com,Lead ${k},manager,alex.morgan@example.com,Team ${k},`
          : `eng${k}@example.com,Engineer ${k},engineer,lead${lead}@example.com,Team ${lead},software-engineer`;
      }).join("\n") +
      // A role change on someone who exists, so the update and the sign-out are in both files.
      `\nsam.okafor@example.com,Sam Okafor,${from === 0 ? "manager" : "engineer"},priya.raman@example.com,Platform,`;
    const apply = async (csv: string) => {
      const preview = await previewPeopleImport(admin, csv);
      expect(preview.errors).toEqual([]);
      return counter.count(() => applyPeopleImport(admin, csv, preview.fingerprint));
    };
    const small = await apply(file(0, 20));
    const large = await apply(file(1000, 900));
    expect(large.result.creates).toHaveLength(900);
    expect(large.result.placements).toHaveLength(810);
    expect(large.statements).toBe(small.statements);

    const [eng] = await handle.db.select().from(users).where(eq(users.email, "eng1897@example.com"));
    const [lead] = await handle.db.select().from(users).where(eq(users.email, "lead1890@example.com"));
    const [team] = await handle.db.select().from(teams).where(eq(teams.name, "Team 1890"));
    expect(eng).toMatchObject({ managerId: lead!.id, teamId: team!.id, role: "engineer" });
    expect(lead).toMatchObject({ managerId: (await handle.db.select().from(users).where(eq(users.email, "alex.morgan@example.com")))[0]!.id, role: "manager" });
    const [sam] = await handle.db.select().from(users).where(eq(users.email, "sam.okafor@example.com"));
    // Made a manager by the first file and an engineer again by the second: signed out each time.
    expect(sam).toMatchObject({ role: "engineer", revision: 3 });
    expect(await handle.db.$count(auditEvents, eq(auditEvents.action, "user.create"))).toBe(920);
    expect(await handle.db.$count(auditEvents, eq(auditEvents.action, "team.create"))).toBe(92);
    // Each event names whom it concerns, and a creation has nothing before it.
    const [created] = await handle.db.select().from(auditEvents).where(eq(auditEvents.entityId, eng!.id));
    expect(created).toMatchObject({ action: "user.create", subjectId: eng!.id, before: null, after: { email: "eng1897@example.com", via: "import" } });
    const [placed] = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "placement.create")).limit(1);
    expect(placed!.subjectId).not.toBeNull();
  });

  it("changes nothing when any row is bad, and says which and why", async () => {
    const csv = header + ["ok@example.com,Okay,engineer,,", "bad,Bad,engineer,,", "loop@example.com,Loop,manager,loop@example.com,"].join("\n");
    const result = await applyPeopleImport(admin, csv, "whatever the preview said");
    expect(result.errors.map((e) => e.line)).toEqual([3, 4]);
    expect(await handle.db.$count(users)).toBe(13);
  });

  it("refuses to apply a plan that differs from the preview, such as after someone else's edit", async () => {
    const csv = header + "sam.okafor@example.com,Sam Okafor,engineer,marcus.bell@example.com,Platform\n";
    const preview = await previewPeopleImport(admin, csv);
    // Another admin moves Sam to Marcus in the meantime: the file would now change nothing.
    await handle.db.update(users).set({ managerId: (await handle.db.select().from(users).where(eq(users.email, "marcus.bell@example.com")))[0]!.id }).where(eq(users.email, "sam.okafor@example.com"));
    const error = await applyPeopleImport(admin, csv, preview.fingerprint).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "user.update"))).toEqual([]);
  });

  it("is for admins only", async () => {
    expect(await previewPeopleImport(manager, header).catch((e: unknown) => e)).toBeInstanceOf(NotAllowedError);
    expect(await applyPeopleImport(manager, header + "x@example.com,X,engineer,,\n", "").catch((e: unknown) => e)).toBeInstanceOf(
      NotAllowedError,
    );
    expect(await exportPeopleCsv(manager).catch((e: unknown) => e)).toBeInstanceOf(NotAllowedError);
    expect(await handle.db.$count(users)).toBe(13);
  });
});

describe("the step column", () => {

  it("places people whose step differs, by key or name, in one go, with audit events; an empty cell changes nothing", async () => {
    const csv =
      withStep +
      [
        "kim.lee@example.com,Kim Lee,engineer,priya.raman@example.com,Platform,software-engineer",
        "lena.fischer@example.com,Lena Fischer,engineer,priya.raman@example.com,Platform,software engineer iii",
        "sam.okafor@example.com,Sam Okafor,engineer,priya.raman@example.com,Platform,Senior Engineer",
        "mei.chen@example.com,Mei Chen,engineer,priya.raman@example.com,Platform,",
        "marcus.bell@example.com,Marcus Bell,manager,alex.morgan@example.com,Product,Senior Engineer II",
      ].join("\n");
    const preview = await previewPeopleImport(admin, csv);
    expect(preview.errors).toEqual([]);
    expect(preview.placements.map((p) => [p.email, p.from, p.to, p.reason])).toEqual([
      ["kim.lee@example.com", null, "Software Engineer", "initial"],
      ["lena.fischer@example.com", "Software Engineer II", "Software Engineer III", "correction"],
      ["marcus.bell@example.com", null, "Senior Engineer II", "initial"],
    ]);
    expect(preview).toMatchObject({ creates: [{ email: "kim.lee@example.com" }], updates: [], unchanged: 2 });
    expect(await handle.db.$count(placements)).toBe(10);

    await applyPeopleImport(admin, csv, preview.fingerprint);
    const lena = (await handle.db.select().from(users).where(eq(users.email, "lena.fischer@example.com")))[0]!;
    const [latest] = await listPlacementHistory(admin, lena.id);
    expect(latest).toMatchObject({ step: { name: "Software Engineer III" }, effectiveOn: isoDate(new Date()), reason: "correction", decidedBy: { name: "Alex Morgan" } });
    expect(await handle.db.$count(placements)).toBe(13);
    const events = await handle.db.select().from(auditEvents).where(eq(auditEvents.entityType, "placement"));
    expect(events.map((e) => [e.action, (e.after as { via?: string }).via])).toEqual([
      ["placement.create", "import"],
      ["placement.create", "import"],
      ["placement.create", "import"],
    ]);
    // Applied, the same file changes nothing more.
    expect(await previewPeopleImport(admin, csv)).toMatchObject({ errors: [], creates: [], updates: [], placements: [], unchanged: 5 });
  });

  it("names a step that matches no step, and changes nothing at all", async () => {
    const csv = withStep + ["kim.lee@example.com,Kim Lee,engineer,,,software-engineer", "lena.fischer@example.com,Lena Fischer,engineer,priya.raman@example.com,Platform,Principal Wizard"].join("\n");
    const result = await applyPeopleImport(admin, csv, (await previewPeopleImport(admin, csv)).fingerprint);
    expect(result.errors).toEqual([{ line: 3, message: 'Row 3, column step: no step called "Principal Wizard".' }]);
    expect(await handle.db.$count(users)).toBe(13);
    expect(await handle.db.$count(placements)).toBe(10);
  });
});

describe("exporting people to CSV", () => {
  it("lists everyone with their manager's email, and neutralises formula-like cells", async () => {
    await handle.db.update(users).set({ name: "=cmd|' /C calc'!A0" }).where(eq(users.email, "tom.becker@example.com"));
    const csv = await exportPeopleCsv(admin);
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(13);
    expect(rows.find((r) => r.email === "sam.okafor@example.com")).toMatchObject({ role: "engineer", manager_email: "priya.raman@example.com", team: "Platform", step: "senior-engineer", active: "yes" });
    expect(rows.find((r) => r.email === "alex.morgan@example.com")!.step).toBe("");
    expect(rows.find((r) => r.email === "tom.becker@example.com")!.name).toBe("'=cmd|' /C calc'!A0");
    // What was exported imports again with no change.
    const again = await previewPeopleImport(admin, csv);
    expect(again).toMatchObject({ errors: [], creates: [], updates: [], unchanged: 13 });
  });
});
