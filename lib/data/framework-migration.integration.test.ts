import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exportVersion, findFrameworkVersion, importFrameworkFile } from "@/db/framework-files";
import { auditEvents, cells, dimensions, evidence, evidenceCells, frameworkVersions, placements, promotionCases, steps, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/policy";
import { isoDate, parseIsoDate, wholeMonthsBetween } from "@/lib/dates";
import { ConflictError, InvalidInputError, NotAllowedError, NotFoundError } from "@/lib/errors";
import { formatFrameworkFile, type FrameworkFile } from "@/lib/framework/format";
import type { TestDatabase } from "@/test/database";
import { createDemoDatabase } from "@/test/people";
import { installCountingDatabase } from "@/test/statement-counter";
import { getAssessment, listAssessmentsFor } from "./assessments";
import { getWhereNow } from "./career";
import { getCase } from "./cases";
import { listEvidence, updateEvidence } from "./evidence";
import { applyMigration, getMigrationPlan, listPendingMoves, type ApplyMigrationInput, type MigrationPlan } from "./framework-migration";
import { getFrameworkVersion } from "./frameworks";
import { placePerson } from "./placements";

/**
 * Moving people from one framework version to the next, on the demo organisation: version 2 of the
 * default framework renames a step (same key), re-keys another (same name), replaces a third (new
 * key and name) and re-keys a dimension.
 */

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

/** Re-keys a step or dimension throughout a framework file. */
function rekey(file: FrameworkFile, part: "step" | "dimension", from: string, to: string): FrameworkFile {
  const swap = (k: string) => (k === from ? to : k);
  return part === "step"
    ? {
        ...file,
        steps: file.steps.map((s) => ({ ...s, key: swap(s.key) })),
        transitions: file.transitions.map((t) => ({ ...t, from: swap(t.from), to: swap(t.to) })),
        cells: file.cells.map((c) => ({ ...c, step: swap(c.step) })),
      }
    : { ...file, dimensions: file.dimensions.map((d) => ({ ...d, key: swap(d.key) })), cells: file.cells.map((c) => ({ ...c, dimension: swap(c.dimension) })) };
}

/** Imports and publishes a new version of a framework from a file, as the command line does. */
async function publish(file: FrameworkFile, key = file.framework.key) {
  const result = await importFrameworkFile(handle.db, { id: admin.id, via: "app" }, { text: formatFrameworkFile(file), kind: "json", frameworkKey: key, publish: { note: "Next version." } });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}

async function latestFile(key = "engineering"): Promise<FrameworkFile> {
  const version = (await findFrameworkVersion(handle.db, key))!;
  return (await exportVersion(handle.db, version.id))!;
}

/** Version 2: Software Engineer renamed (key kept), Senior Engineer re-keyed (name kept), Software Engineer III replaced, "ownership" re-keyed. */
async function publishVersion2() {
  let file = await latestFile();
  file = { ...file, steps: file.steps.map((s) => (s.key === "software-engineer" ? { ...s, name: "Engineer I" } : s)) };
  file = rekey(file, "step", "senior-engineer", "senior");
  file = rekey(file, "step", "software-engineer-3", "engineer-3");
  file = { ...file, steps: file.steps.map((s) => (s.key === "engineer-3" ? { ...s, name: "Engineer III" } : s)) };
  file = rekey(file, "dimension", "ownership", "accountability");
  return publish(file);
}

/** The suggested mapping of a plan, with every step that has no suggestion sent to `fallback`. */
const suggested = (plan: MigrationPlan, fallback: string) =>
  Object.fromEntries(plan.oldSteps.map((s) => [s.key, s.suggestion?.key ?? fallback]));

const applyInput = (plan: MigrationPlan, overrides: Partial<ApplyMigrationInput> = {}): ApplyMigrationInput => ({
  frameworkKey: plan.framework.key,
  from: plan.from!.number,
  to: plan.to.number,
  mapping: suggested(plan, "engineer-3"),
  note: "Moved to the new path.",
  fingerprint: plan.fingerprint,
  ...overrides,
});

/** Everything a move writes or could write. */
async function state() {
  return {
    placements: await handle.db.select().from(placements).orderBy(placements.id),
    links: await handle.db.select().from(evidenceCells).orderBy(evidenceCells.evidenceId, evidenceCells.cellId),
    audit: await handle.db.$count(auditEvents),
  };
}

/** Each active person's latest placement, by the rule every page reads. */
async function current() {
  const rows = await handle.db
    .selectDistinctOn([placements.userId], { userId: placements.userId, versionId: placements.versionId, stepKey: steps.key, effectiveOn: placements.effectiveOn, reason: placements.reason, note: placements.note, decidedById: placements.decidedById })
    .from(placements)
    .innerJoin(steps, eq(steps.id, placements.stepId))
    .orderBy(placements.userId, desc(placements.effectiveOn), desc(placements.createdAt));
  return new Map(rows.map(({ userId, ...p }) => [userId, p]));
}

async function cellId(versionNumber: number, stepKey: string, dimensionKey: string) {
  const [row] = await handle.db
    .select({ id: cells.id })
    .from(cells)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, cells.versionId))
    .innerJoin(steps, eq(steps.id, cells.stepId))
    .innerJoin(dimensions, eq(dimensions.id, cells.dimensionId))
    .where(and(eq(frameworkVersions.number, versionNumber), eq(steps.key, stepKey), eq(dimensions.key, dimensionKey), sql`${frameworkVersions.frameworkId} = (select id from frameworks where key = 'engineering')`));
  return row!.id;
}

describe("the plan of a move", () => {
  it("suggests the same key first, then the same name, and lists who would move", async () => {
    await publishVersion2();
    const plan = await getMigrationPlan(admin, "engineering");
    expect(plan.to.number).toBe(2);
    expect(plan.from).toMatchObject({ number: 1, status: "published" });
    expect(plan.fellBack).toBe(false);
    const byKey = new Map(plan.oldSteps.map((s) => [s.key, s]));
    expect(byKey.get("software-engineer")).toMatchObject({ people: 1, suggestion: { key: "software-engineer", by: "key" } });
    expect(byKey.get("senior-engineer")).toMatchObject({ people: 3, suggestion: { key: "senior", by: "name" } });
    expect(byKey.get("software-engineer-3")).toMatchObject({ people: 1, suggestion: null });
    expect(byKey.get("principal-engineer")).toMatchObject({ people: 0, suggestion: { key: "principal-engineer", by: "key" } });
    expect(plan.newSteps.map((s) => s.key)).toContain("engineer-3");
    // The demo's nine engineers are placed; managers and admins are not.
    expect(plan.movers.total).toBe(9);
    expect(plan.oldSteps.reduce((n, s) => n + s.people, 0)).toBe(9);
    expect(plan.movers.sample.map((m) => m.name)).toEqual([...plan.movers.sample.map((m) => m.name)].sort((a, b) => a.localeCompare(b)));
    expect(plan.movers.sample.find((m) => m.name === "Sam Okafor")).toMatchObject({ stepKey: "senior-engineer" });
    // The demo's open cycle has five proposed cases on version 1.
    expect(plan.openCases).toBe(5);
    expect(await listPendingMoves(admin)).toEqual(new Map([["engineering", { people: 9, to: 2 }]]));
  });

  it("has nobody to move when everyone is on the latest version, and falls back from a version it cannot move from", async () => {
    const only = await getMigrationPlan(admin, "engineering");
    expect(only).toMatchObject({ to: { number: 1 }, from: null, versions: [], movers: { total: 0 } });
    await publishVersion2();
    const asked = await getMigrationPlan(admin, "engineering", { from: 2 });
    expect(asked).toMatchObject({ from: { number: 1 }, fellBack: true });
    expect((await getMigrationPlan(admin, "engineering", { from: 1 })).fellBack).toBe(false);
  });

  it("is for admins only, and not found for a framework that does not exist", async () => {
    await publishVersion2();
    for (const who of ["priya", "sam"]) await expect(getMigrationPlan(await as(who), "engineering")).rejects.toBeInstanceOf(NotAllowedError);
    for (const key of ["nope", "'; drop table users; --", "", "Engineering"]) await expect(getMigrationPlan(admin, key)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listPendingMoves(await as("priya"))).toEqual(new Map());
  });
});

describe("applying a move", () => {
  it("moves everyone on the old version to the mapped steps, keeping time at step where the key carried over", async () => {
    await publishVersion2();
    const plan = await getMigrationPlan(admin, "engineering");
    const before = await current();
    const mei = await idOf("mei"); // software-engineer: renamed, same key
    const sam = await idOf("sam"); // senior-engineer: re-keyed
    const noah = await idOf("noah"); // software-engineer-3: replaced
    const today = new Date("2026-11-23T12:00:00Z");
    const meiBefore = await getWhereNow(admin, mei, today);

    const result = await applyMigration(admin, applyInput(plan), today);
    expect(result).toMatchObject({ from: 1, to: 2, moved: 9, keptTimeAtStep: 5 });

    const after = await current();
    const v2 = (await findFrameworkVersion(handle.db, "engineering"))!.id;
    for (const [userId, was] of before) {
      const now = after.get(userId)!;
      expect(now).toMatchObject({ versionId: v2, reason: "migration", note: "Moved to the new path.", decidedById: admin.id });
      const target = plan.oldSteps.find((s) => s.key === was.stepKey)!.suggestion?.key ?? "engineer-3";
      expect(now.stepKey).toBe(target);
      expect(now.effectiveOn).toBe(target === was.stepKey ? was.effectiveOn : "2026-11-23");
    }
    // Time at step as the pages read it: kept for Mei, started again for Sam and Noah.
    const meiAfter = (await getWhereNow(admin, mei, today))!;
    expect(meiAfter.time.months).toBe(meiBefore!.time.months);
    expect(meiAfter.since).toBe(meiBefore!.since);
    expect(meiAfter).toMatchObject({ step: { name: "Engineer I" }, framework: { versionNumber: 2 }, reason: "migration" });
    expect((await getWhereNow(admin, sam, today))!.time.months).toBe(0);
    expect((await getWhereNow(admin, noah, today))!).toMatchObject({ step: { key: "engineer-3" }, since: "2026-11-23" });
    expect(wholeMonthsBetween(parseIsoDate(before.get(sam)!.effectiveOn), today)).toBeGreaterThan(0);

    // One event for the move, one per placement as for any placement.
    const events = await handle.db.select().from(auditEvents).where(inArray(auditEvents.action, ["framework.migrate", "placement.create"])).orderBy(asc(auditEvents.id));
    const move = events.filter((e) => e.action === "framework.migrate");
    expect(move).toHaveLength(1);
    expect(move[0]).toMatchObject({ actorId: admin.id, entityType: "framework_version", entityId: v2 });
    expect(move[0]!.after).toMatchObject({ framework: "engineering", from: 1, to: 2, moved: 9, keptTimeAtStep: 5, note: "Moved to the new path." });
    expect((move[0]!.after as { mapping: Record<string, string> }).mapping).toEqual({
      "software-engineer": "software-engineer",
      "software-engineer-2": "software-engineer-2",
      "software-engineer-3": "engineer-3",
      "senior-engineer": "senior",
      "senior-engineer-2": "senior-engineer-2",
      "staff-engineer": "staff-engineer",
    });
    const perPerson = events.filter((e) => e.action === "placement.create");
    expect(perPerson).toHaveLength(9);
    expect(perPerson.find((e) => (e.after as { personId: string }).personId === sam)).toMatchObject({
      actorId: admin.id,
      entityType: "placement",
      before: { personId: sam, stepKey: "senior-engineer", version: 1 },
      after: { personId: sam, stepKey: "senior", step: "Senior Engineer", version: 2, reason: "migration", effectiveOn: "2026-11-23" },
    });
    expect(await listPendingMoves(admin)).toEqual(new Map());
    expect((await getMigrationPlan(admin, "engineering")).from).toBeNull();
  });

  it("leaves deactivated people, people on other versions and people not placed where they are", async () => {
    const lena = await idOf("lena");
    await handle.db.update(users).set({ active: false }).where(eq(users.id, lena));
    await publishVersion2();
    const v2 = (await findFrameworkVersion(handle.db, "engineering"))!.id;
    // Tom moves by hand first.
    const [tomStep] = await handle.db.select({ id: steps.id }).from(steps).where(and(eq(steps.versionId, v2), eq(steps.key, "software-engineer-2")));
    await placePerson(admin, { personId: await idOf("tom"), stepId: tomStep!.id, effectiveOn: "2026-11-01", reason: "migration", note: "" });
    const before = await current();
    const plan = await getMigrationPlan(admin, "engineering");
    expect(plan.movers.total).toBe(7);
    await applyMigration(admin, applyInput(plan));
    const after = await current();
    expect(after.get(lena)).toEqual(before.get(lena));
    expect(after.get(await idOf("tom"))).toEqual(before.get(await idOf("tom")));
    expect(after.has(await idOf("priya"))).toBe(false);
  });

  it("links evidence to the new version's cells where step and dimension keep their keys, and keeps the old links", async () => {
    await publishVersion2();
    const mei = await idOf("mei");
    const priya = await idOf("priya");
    const kept = await cellId(1, "software-engineer", "scope-of-influence");
    const dimensionRekeyed = await cellId(1, "software-engineer", "ownership");
    const stepRekeyed = await cellId(1, "senior-engineer", "scope-of-influence");
    const items = await handle.db
      .insert(evidence)
      .values([
        { ownerId: mei, title: "Ran the on-call handbook", kind: "other", occurredOn: "2026-05-01" },
        { ownerId: mei, title: "Shipped the billing export", kind: "shipped-feature", occurredOn: "2026-06-01" },
        // A manager is not placed, and does not move: her links stay as they are.
        { ownerId: priya, title: "Mentored Lena", kind: "mentoring", occurredOn: "2026-06-01" },
      ])
      .returning({ id: evidence.id });
    const [handbook, billing, mentoring] = items.map((i) => i.id) as [string, string, string];
    await handle.db.insert(evidenceCells).values([
      { evidenceId: handbook, cellId: kept },
      { evidenceId: handbook, cellId: dimensionRekeyed },
      { evidenceId: billing, cellId: stepRekeyed },
      { evidenceId: billing, cellId: kept },
      { evidenceId: mentoring, cellId: kept },
    ]);
    const linksBefore = await handle.db.select().from(evidenceCells);

    const plan = await getMigrationPlan(admin, "engineering");
    const result = await applyMigration(admin, applyInput(plan));

    const newKept = await cellId(2, "software-engineer", "scope-of-influence");
    const linksOf = async (id: string) => (await handle.db.select({ cellId: evidenceCells.cellId }).from(evidenceCells).where(eq(evidenceCells.evidenceId, id))).map((l) => l.cellId).sort();
    expect(await linksOf(handbook)).toEqual([kept, dimensionRekeyed, newKept].sort());
    expect(await linksOf(billing)).toEqual([stepRekeyed, kept, newKept].sort());
    expect(await linksOf(mentoring)).toEqual([kept]);
    // Every link there was is still there.
    const linksAfter = await handle.db.select().from(evidenceCells);
    for (const link of linksBefore) expect(linksAfter).toContainEqual(link);
    expect(linksAfter.length - linksBefore.length).toBe(result.evidenceLinks);
    // The demo's own evidence of movers on cells that kept their keys came along too.
    expect(result.evidenceLinks).toBeGreaterThan(2);
    // Mei's evidence list reads both links.
    const meiViewer = await as("mei");
    const listed = await listEvidence(meiViewer, mei);
    const item = listed.find((e) => e.id === handbook)!;
    expect(item.cellIds.sort()).toEqual([kept, dimensionRekeyed, newKept].sort());

    // Editing it afterwards changes its links to version 2's cells (the ones the form shows), and leaves those to version 1's.
    const newOther = await cellId(2, "software-engineer", "accountability");
    await updateEvidence(meiViewer, { id: handbook, revision: item.revision, title: item.title, kind: item.kind, occurredOn: item.occurredOn, link: "", body: item.body, cellIds: [newOther] });
    expect(await linksOf(handbook)).toEqual([kept, dimensionRekeyed, newOther].sort());
  });

  it("leaves assessments and cases made on the old version readable against it", async () => {
    await publishVersion2();
    const sam = await as("sam");
    const [self] = (await listAssessmentsFor(sam, sam.id)).filter((a) => a.kind === "self" && a.status === "submitted");
    const [openCase] = await handle.db.select({ id: promotionCases.id }).from(promotionCases).where(eq(promotionCases.subjectId, sam.id));
    const caseBefore = await getCase(admin, openCase!.id);
    const plan = await getMigrationPlan(admin, "engineering");
    await applyMigration(admin, applyInput(plan));

    const v1 = (await findFrameworkVersion(handle.db, "engineering", 1))!.id;
    const again = await getAssessment(sam, self!.id);
    expect(again.versionId).toBe(v1);
    expect(again.versionNumber).toBe(1);
    expect(again.ratings).toEqual(self!.ratings);
    const version = await getFrameworkVersion(sam, again.versionId);
    const stepIds = new Set(version.steps.map((s) => s.id));
    expect(again.ratings.every((r) => r.stepId === null || stepIds.has(r.stepId))).toBe(true);
    expect(version.steps.map((s) => s.key)).toContain("senior-engineer");

    const caseAfter = await getCase(admin, openCase!.id);
    expect(caseAfter.versionId).toBe(v1);
    expect(caseAfter.packet).toMatchObject({ framework: { versionNumber: 1 }, from: { key: "senior-engineer" }, since: caseBefore.packet!.since });
    expect(caseAfter.packet!.cells).toEqual(caseBefore.packet!.cells);
  });
});

describe("a refused move changes nothing", () => {
  it("refuses anyone but an admin", async () => {
    await publishVersion2();
    const plan = await getMigrationPlan(admin, "engineering");
    const before = await state();
    for (const who of ["priya", "sam", "jonas"]) await expect(applyMigration(await as(who), applyInput(plan))).rejects.toBeInstanceOf(NotAllowedError);
    expect(await state()).toEqual(before);
  });

  it("refuses a mapping that leaves a step with people unmapped, or maps to a step the new version lacks", async () => {
    await publishVersion2();
    const plan = await getMigrationPlan(admin, "engineering");
    const before = await state();
    const unmapped = { ...suggested(plan, "engineer-3"), "software-engineer-3": "" };
    const refused = await applyMigration(admin, applyInput(plan, { mapping: unmapped })).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(InvalidInputError);
    expect((refused as InvalidInputError).fieldErrors).toEqual({ "mapping.software-engineer-3": ["Choose a step of version 2 for the person on Software Engineer III."] });
    const missing = Object.fromEntries(Object.entries(suggested(plan, "engineer-3")).filter(([key]) => key !== "software-engineer-3"));
    await expect(applyMigration(admin, applyInput(plan, { mapping: missing }))).rejects.toMatchObject({ fieldErrors: { "mapping.software-engineer-3": [expect.any(String)] } });
    // "senior-engineer" is a step of version 1, not of version 2.
    await expect(applyMigration(admin, applyInput(plan, { mapping: { ...suggested(plan, "engineer-3"), "senior-engineer": "senior-engineer" } }))).rejects.toMatchObject({
      fieldErrors: { "mapping.senior-engineer": ['Version 2 has no step with the key "senior-engineer": choose one of its steps.'] },
    });
    await expect(applyMigration(admin, applyInput(plan, { mapping: { ...suggested(plan, "engineer-3"), ghost: "senior" } }))).rejects.toMatchObject({ fieldErrors: { mapping: [expect.any(String)] } });
    expect(await state()).toEqual(before);
  });

  it("refuses a preview that no longer holds", async () => {
    await publishVersion2();
    const plan = await getMigrationPlan(admin, "engineering");
    await expect(applyMigration(admin, applyInput(plan, { fingerprint: "made-up" }))).rejects.toBeInstanceOf(ConflictError);
    await expect(applyMigration(admin, applyInput(plan, { fingerprint: "" }))).rejects.toBeInstanceOf(ConflictError);
    // Someone is placed on version 1 after the preview.
    const [step] = await handle.db.select({ id: steps.id }).from(steps).where(and(eq(steps.versionId, (await findFrameworkVersion(handle.db, "engineering", 1))!.id), eq(steps.key, "staff-engineer")));
    await placePerson(admin, { personId: await idOf("lena"), stepId: step!.id, effectiveOn: isoDate(new Date()), reason: "correction", note: "" });
    const before = await state();
    await expect(applyMigration(admin, applyInput(plan))).rejects.toBeInstanceOf(ConflictError);
    expect(await state()).toEqual(before);
    // A new preview moves them.
    await expect(applyMigration(admin, applyInput(await getMigrationPlan(admin, "engineering")))).resolves.toMatchObject({ moved: 9 });
  });

  it("refuses versions that cannot be moved from or to", async () => {
    await publishVersion2();
    const plan = await getMigrationPlan(admin, "engineering");
    // A third version, and a draft of a fourth.
    await publish(await latestFile());
    await importFrameworkFile(handle.db, { id: admin.id, via: "app" }, { text: formatFrameworkFile(await latestFile()), kind: "json" });
    const before = await state();
    const refusals: [Partial<ApplyMigrationInput>, new (...args: never[]) => Error][] = [
      [{}, InvalidInputError], // version 2 is no longer the latest published
      [{ from: 2, to: 2 }, InvalidInputError],
      [{ from: 3, to: 3 }, InvalidInputError],
      [{ from: 3, to: 2 }, InvalidInputError],
      [{ to: 4 }, NotFoundError], // a draft
      [{ to: 9 }, NotFoundError],
      [{ from: 9, to: 3 }, NotFoundError],
      [{ frameworkKey: "nope" }, NotFoundError],
      [{ frameworkKey: "Engineering" }, NotFoundError],
    ];
    for (const [overrides, error] of refusals) await expect(applyMigration(admin, applyInput(plan, overrides)), JSON.stringify(overrides)).rejects.toBeInstanceOf(error);
    expect(await state()).toEqual(before);
  });

  it("refuses another framework's versions", async () => {
    await publishVersion2();
    const plan = await getMigrationPlan(admin, "engineering");
    // "data" has three published versions; "engineering" only two.
    const data = rekey({ ...(await latestFile()), framework: { key: "data", name: "Data", description: "" } }, "step", "senior", "senior-data");
    for (let i = 0; i < 3; i++) await publish(data, "data");
    const before = await state();
    await expect(applyMigration(admin, applyInput(plan, { from: 1, to: 3 }))).rejects.toBeInstanceOf(NotFoundError);
    // On "data" nobody is on version 1, and the preview was of "engineering".
    await expect(applyMigration(admin, applyInput(plan, { frameworkKey: "data", from: 1, to: 3 }))).rejects.toBeInstanceOf(ConflictError);
    expect(await state()).toEqual(before);
  });

  it("refuses malformed input", async () => {
    await publishVersion2();
    const plan = await getMigrationPlan(admin, "engineering");
    const before = await state();
    const malformed: Record<string, unknown>[] = [
      { ...applyInput(plan), from: "one" },
      { ...applyInput(plan), to: 2.5 },
      { ...applyInput(plan), from: -1 },
      { ...applyInput(plan), mapping: "senior-engineer=senior" },
      { ...applyInput(plan), mapping: ["senior"] },
      { ...applyInput(plan), mapping: { "senior-engineer": 7 } },
      { ...applyInput(plan), mapping: Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`step-${i}`, "senior"])) },
      { ...applyInput(plan), note: "x".repeat(2_001) },
      { ...applyInput(plan), note: "bell\u0007" },
      { ...applyInput(plan), fingerprint: "x".repeat(300) },
      { ...applyInput(plan), frameworkKey: 42 },
      {},
    ];
    for (const input of malformed) await expect(applyMigration(admin, input), JSON.stringify(input).slice(0, 80)).rejects.toBeInstanceOf(InvalidInputError);
    await expect(applyMigration(admin, { ...applyInput(plan), frameworkKey: "'; drop table placements; --" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await state()).toEqual(before);
  });
});

describe("a move at scale", () => {
  it("costs the same number of statements for nine people as for two thousand", async () => {
    await publishVersion2();
    const counter = installCountingDatabase(handle);

    const smallPlan = await counter.count(() => getMigrationPlan(admin, "engineering"));
    const small = await counter.count(() => applyMigration(admin, applyInput(smallPlan.result)));
    expect(small.result.moved).toBe(9);

    // Version 3 keeps version 2's keys; two thousand more people on version 2, each with evidence.
    await publish(await latestFile());
    const v2 = (await findFrameworkVersion(handle.db, "engineering", 2))!.id;
    const v2Steps = await handle.db.select({ id: steps.id, key: steps.key }).from(steps).where(eq(steps.versionId, v2));
    const v2Cell = await cellId(2, "senior", "scope-of-influence");
    const people = await handle.db
      .insert(users)
      .values(Array.from({ length: 2_000 }, (_, i) => ({ email: `mover-${i}@example.com`, name: `Mover ${String(i).padStart(4, "0")}` })))
      .returning({ id: users.id });
    await handle.db.insert(placements).values(people.map((p, i) => ({ userId: p.id, versionId: v2, stepId: v2Steps[i % v2Steps.length]!.id, effectiveOn: "2025-01-01", reason: "initial" as const })));
    const items = await handle.db
      .insert(evidence)
      .values(people.map((p) => ({ ownerId: p.id, title: "Shipped it", kind: "shipped-feature" as const, occurredOn: "2026-01-01" })))
      .returning({ id: evidence.id });
    await handle.db.insert(evidenceCells).values(items.map((e) => ({ evidenceId: e.id, cellId: v2Cell })));

    const largePlan = await counter.count(() => getMigrationPlan(admin, "engineering"));
    expect(largePlan.result.movers.total).toBe(2_009);
    expect(largePlan.result.movers.sample).toHaveLength(50);
    const large = await counter.count(() => applyMigration(admin, applyInput(largePlan.result, { mapping: suggested(largePlan.result, "engineer-3") })));
    expect(large.result).toMatchObject({ moved: 2_009, keptTimeAtStep: 2_009 });
    expect(large.result.evidenceLinks).toBeGreaterThanOrEqual(2_000);

    expect(largePlan.statements).toBe(smallPlan.statements);
    expect(large.statements).toBe(small.statements);
    expect(await handle.db.$count(auditEvents, eq(auditEvents.action, "placement.create"))).toBe(9 + 2_009);
    console.log(
      `moving people: the preview takes ${smallPlan.statements} statements for 9 people and ${largePlan.statements} for 2,009; the move ${small.statements} and ${large.statements}`,
    );
  });
});
