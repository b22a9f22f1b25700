import { count, eq, isNotNull } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { exportVersion } from "./framework-files";
import { listPublishedVersionIds, loadFrameworkVersion } from "./framework-store";
import { migrateDatabase } from "./migrate";
import { assessments, auditEvents, calibrationSessions, cells, dimensions, evidence, evidenceCells, frameworks, frameworkVersions, placements, promotionCases, steps, teams, transitions, users } from "./schema";
import { seedDatabase } from "./seed";
import engineeringManagement from "./seed/frameworks/engineering-management.json";

let handle: TestDatabase;
beforeEach(async () => {
  handle = await createTestDatabase();
});
afterEach(async () => {
  await handle.close();
});

type Counted = typeof frameworks | typeof frameworkVersions | typeof steps | typeof dimensions | typeof transitions | typeof cells | typeof users | typeof teams | typeof placements | typeof auditEvents;

async function countOf(table: Counted) {
  const [row] = await handle.db.select({ n: count() }).from(table);
  return row!.n;
}

const today = new Date("2026-11-23T12:00:00Z");

describe("seeding an empty database", () => {
  it("loads the default framework as published version 1", async () => {
    expect(await seedDatabase(handle, { demo: false, today })).toEqual({ seeded: true, people: 0 });
    const [published] = await listPublishedVersionIds(handle.db);
    const view = (await loadFrameworkVersion(handle.db, published!.versionId))!;
    expect(view.framework.key).toBe("engineering");
    expect(view.version).toMatchObject({ number: 1, status: "published" });
    expect(view.steps.map((s) => s.key)).toEqual([
      "software-engineer",
      "software-engineer-2",
      "software-engineer-3",
      "senior-engineer",
      "senior-engineer-2",
      "staff-engineer",
      "principal-engineer",
      "engineer-of-distinction",
    ]);
    expect(view.dimensions.map((d) => d.key)).toEqual(["scope-of-influence", "how-work-is-conducted", "ownership"]);
    expect(view.transitions).toHaveLength(8);
    expect(view.cells).toHaveLength(24);
    expect(view.cells.every((c) => c.expectations.length > 0)).toBe(true);
    expect(await countOf(users)).toBe(0);
  });

  it("loads the demo organisation: an admin, three managers, nine engineers in two teams, each engineer placed", async () => {
    expect(await seedDatabase(handle, { demo: true, today })).toEqual({ seeded: true, people: 13 });
    const people = await handle.db.select().from(users);
    const byRole = (role: string) => people.filter((p) => p.role === role);
    expect(byRole("admin")).toHaveLength(1);
    expect(byRole("manager")).toHaveLength(3);
    expect(byRole("engineer")).toHaveLength(9);
    expect(await countOf(teams)).toBe(2);

    const managerIds = new Set(byRole("manager").map((m) => m.id));
    for (const engineer of byRole("engineer")) {
      expect(managerIds.has(engineer.managerId!)).toBe(true);
      expect(engineer.teamId).not.toBeNull();
    }
    // Managers report to the admin, or to another manager.
    for (const manager of byRole("manager")) expect([byRole("admin")[0]!.id, ...managerIds]).toContain(manager.managerId);

    const placed = await handle.db
      .select({ userId: placements.userId, effectiveOn: placements.effectiveOn, step: steps.key })
      .from(placements)
      .innerJoin(steps, eq(steps.id, placements.stepId));
    // Ines has two placements: the initial one and the promotion that the previous cycle's calibration approved.
    expect(placed).toHaveLength(10);
    expect(new Set(placed.map((p) => p.userId))).toEqual(new Set(byRole("engineer").map((e) => e.id)));
    const mei = people.find((p) => p.email === "mei.chen@example.com")!;
    expect(placed.find((p) => p.userId === mei.id)).toMatchObject({ step: "software-engineer", effectiveOn: "2025-08-23" });

    // Work already under way: evidence linked to cells, one submitted and one draft self-assessment,
    // and the manager's assessment beside the submitted one.
    expect(await handle.db.$count(evidence)).toBe(8);
    expect(await handle.db.$count(evidenceCells)).toBe(11);
    const seededAssessments = await handle.db.select({ kind: assessments.kind, status: assessments.status }).from(assessments);
    expect(seededAssessments.map((a) => `${a.kind}:${a.status}`).sort()).toEqual(["manager:submitted", "manager:submitted", "self:draft", "self:submitted", "self:submitted"]);

    // The open cycle's calibration prepares five proposed cases; the previous cycle's is published.
    const sessions = await handle.db.select({ status: calibrationSessions.status, publishedAt: calibrationSessions.publishedAt }).from(calibrationSessions);
    expect(sessions.map((x) => `${x.status}:${x.publishedAt ? "published" : "-"}`).sort()).toEqual(["closed:published", "preparing:-"]);
    const cases = await handle.db.select({ status: promotionCases.status, toStepId: promotionCases.toStepId }).from(promotionCases);
    expect(cases.filter((c) => c.status === "proposed")).toHaveLength(5);
    expect(cases.filter((c) => c.status === "approved")).toHaveLength(1);
    const promoted = await handle.db.select({ caseId: placements.caseId, reason: placements.reason }).from(placements).where(eq(placements.reason, "promotion"));
    expect(promoted).toHaveLength(1);
    expect(promoted[0]!.caseId).not.toBeNull();

    // The seed is a change to HR data like any other: it leaves audit events.
    const audited = await handle.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.entityType, "user"));
    expect(audited[0]!.n).toBe(13);
  });
});

describe("the demo's second framework", () => {
  it("is Engineering management, published from its framework file after the default framework, with nobody placed on it", async () => {
    await seedDatabase(handle, { demo: true, today });
    const published = await listPublishedVersionIds(handle.db);
    expect(published.map((p) => p.frameworkKey)).toEqual(["engineering", "engineering-management"]);
    const view = (await loadFrameworkVersion(handle.db, published[1]!.versionId))!;
    expect(view.version).toMatchObject({ number: 1, status: "published" });
    expect(view.steps).toHaveLength(14);
    expect(view.dimensions).toHaveLength(16);
    expect([...new Set(view.dimensions.map((d) => d.group))]).toEqual(["People", "Delivery", "Strategy", "Craft"]);
    // Ragged: organisation design and budget start at later steps, so some cells are missing.
    expect(view.cells.length).toBeLessThan(14 * 16);
    expect(view.cells.some((c) => c.expectations.length > 1 && c.expectations.some((e) => e.examples.length > 0))).toBe(true);
    const onIt = await handle.db.select({ n: count() }).from(placements).where(eq(placements.versionId, view.version.id));
    expect(onIt[0]!.n).toBe(0);

    // The file is an example of the format: exporting what was seeded gives the file back.
    const exported = (await exportVersion(handle.db, view.version.id))!;
    expect({ ...exported, version: undefined }).toEqual({ ...engineeringManagement, $schema: undefined });

    // Imported and published through the framework files, as the audit log says.
    const events = await handle.db.select({ action: auditEvents.action, after: auditEvents.after }).from(auditEvents).where(eq(auditEvents.entityId, view.version.id));
    expect(events.map((e) => [e.action, (e.after as { via: string }).via]).sort()).toEqual([
      ["framework.import", "seed"],
      ["framework.publish", "seed"],
    ]);
  });

  it("is not loaded without the demo organisation", async () => {
    await seedDatabase(handle, { demo: false, today });
    expect((await listPublishedVersionIds(handle.db)).map((p) => p.frameworkKey)).toEqual(["engineering"]);
  });
});

describe("seeding again", () => {
  it("neither duplicates nor overwrites anything", async () => {
    await seedDatabase(handle, { demo: true, today });
    const tallies = async () => Promise.all([frameworks, frameworkVersions, steps, cells, users, teams, placements, auditEvents].map(countOf));
    const before = await tallies();
    const [sam] = await handle.db.select().from(users).where(eq(users.email, "sam.okafor@example.com"));
    await handle.db.update(users).set({ name: "Samuel Okafor" }).where(eq(users.id, sam!.id));

    expect(await seedDatabase(handle, { demo: true, today })).toEqual({ seeded: false });
    await migrateDatabase(handle);
    expect(await seedDatabase(handle, { demo: true, today })).toEqual({ seeded: false });

    expect(await tallies()).toEqual(before);
    const [after] = await handle.db.select({ name: users.name }).from(users).where(eq(users.id, sam!.id));
    expect(after!.name).toBe("Samuel Okafor");
  });

  it("leaves a database that has people but no framework alone", async () => {
    await handle.db.insert(users).values({ email: "first@example.com", name: "First" });
    expect(await seedDatabase(handle, { demo: true, today })).toEqual({ seeded: false });
    expect(await countOf(frameworks)).toBe(0);
  });

  it("seeds exactly once when several instances start together", async () => {
    const results = await Promise.all([1, 2, 3].map(() => seedDatabase(handle, { demo: true, today })));
    expect(results.filter((r) => r.seeded)).toHaveLength(1);
    // The default framework and the demo's example framework, once each.
    expect(await countOf(frameworks)).toBe(2);
    expect(await countOf(users)).toBe(13);
    const [withManager] = await handle.db.select({ n: count() }).from(users).where(isNotNull(users.managerId));
    expect(withManager!.n).toBe(12);
  });
});

describe("the first admin of a new organisation", () => {
  it("is created once, with a set-password link, and refused once an admin exists", async () => {
    const { createFirstAdmin } = await import("./first-admin");
    await seedDatabase(handle, { demo: false, today });
    const { id, token } = await createFirstAdmin(handle, { email: "Ada@Example.com", name: "Ada Lovelace" });
    const [ada] = await handle.db.select().from(users).where(eq(users.id, id));
    expect(ada).toMatchObject({ email: "ada@example.com", role: "admin", active: true, passwordHash: null });
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    await expect(createFirstAdmin(handle, { email: "bob@example.com", name: "Bob" })).rejects.toThrow("Waymark already has an active admin");
    await expect(createFirstAdmin(handle, { email: "not-an-email", name: "X" })).rejects.toThrow('"not-an-email" is not an email address.');
    expect(await countOf(users)).toBe(1);
  });
});
