import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, frameworkVersions, placements, promotionCases, reviewCycles, steps } from "@/db/schema";
import { createDemoDatabase } from "@/test/people";
import type { TestDatabase } from "@/test/database";
import type { Viewer } from "@/lib/auth/policy";
import { isoDate } from "@/lib/dates";
import { ConflictError, InvalidInputError, NotAllowedError, NotFoundError } from "@/lib/errors";
import { listAuditEvents } from "./audit";
import { createPerson, getPerson } from "./people";
import { correctPlacement, listPlacementHistory, listStepChoices, placePerson } from "./placements";

let handle: TestDatabase;
let admin: Viewer;
let manager: Viewer;
let engineer: Viewer;
let idOf: (key: string) => Promise<string>;
let as: (key: string) => Promise<Viewer>;
/** The published default framework's steps, by key. */
let step: Record<string, { id: string; name: string; versionId: string }>;
const today = isoDate(new Date());

beforeAll(async () => {
  const demo = await createDemoDatabase();
  handle = demo.handle;
  ({ idOf, as } = demo);
  [admin, manager, engineer] = await Promise.all([demo.as("alex"), demo.as("priya"), demo.as("sam")]);
  const rows = await handle.db
    .select({ id: steps.id, key: steps.key, name: steps.name, versionId: steps.versionId })
    .from(steps)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, steps.versionId))
    .where(eq(frameworkVersions.status, "published"));
  step = Object.fromEntries(rows.map((r) => [r.key, r]));
});
afterAll(async () => {
  await handle.close();
});

/** What a refused call threw, with the field errors of an invalid input. */
async function refusal(promise: Promise<unknown>) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, "the call should have been refused").not.toBeNull();
  return { err, fieldErrors: err instanceof InvalidInputError ? err.fieldErrors : {} };
}

const placementsOf = (personId: string) => handle.db.select().from(placements).where(eq(placements.userId, personId)).orderBy(asc(placements.createdAt));

describe("placing a person on a step", () => {
  it("lets an admin place someone not placed yet, shows it as where they are now, and records it", async () => {
    const marcus = await idOf("marcus");
    expect((await getPerson(admin, marcus)).placement).toBeNull();
    const { id } = await placePerson(admin, { personId: marcus, stepId: step["senior-engineer"]!.id, effectiveOn: "2026-03-01", reason: "initial", note: "Joined as a senior." });
    expect((await getPerson(admin, marcus)).placement).toEqual({ step: "Senior Engineer", effectiveOn: "2026-03-01" });
    const [event] = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, "placement"), eq(auditEvents.entityId, id)));
    expect(event).toMatchObject({
      actorId: admin.id,
      action: "placement.create",
      after: { personId: marcus, step: "Senior Engineer", stepKey: "senior-engineer", version: 1, effectiveOn: "2026-03-01", reason: "initial", note: "Joined as a senior." },
    });
    // The audit log finds it under the person placed, and names them.
    const { events } = await listAuditEvents(admin, { personId: marcus, entityType: "placement" });
    expect(events.map((e) => [e.action, e.entityName])).toEqual([["placement.create", "Marcus Bell"]]);
  });

  it("lists the history newest first, with who decided, the framework version and the case, for whoever may read the person", async () => {
    const mei = await idOf("mei");
    await placePerson(admin, { personId: mei, stepId: step["software-engineer-2"]!.id, effectiveOn: "2026-11-01", reason: "correction", note: "" });
    // The same day again, recorded later: it is the newer one.
    await placePerson(admin, { personId: mei, stepId: step["software-engineer-3"]!.id, effectiveOn: "2026-11-01", reason: "correction", note: "Fixed a slip." });
    const history = await listPlacementHistory(manager, mei);
    expect(history.map((h) => [h.step.name, h.effectiveOn, h.reason, h.decidedBy?.name ?? null])).toEqual([
      ["Software Engineer III", "2026-11-01", "correction", "Alex Morgan"],
      ["Software Engineer II", "2026-11-01", "correction", "Alex Morgan"],
      ["Software Engineer", "2025-08-23", "initial", null],
    ]);
    expect(history[0]).toMatchObject({ framework: { name: expect.any(String), versionNumber: 1, versionStatus: "published" }, note: "Fixed a slip.", caseId: null, canCorrect: false });
    expect((await listPlacementHistory(admin, mei))[0]!.canCorrect).toBe(true);
    // Mei herself reads it; an engineer elsewhere does not even learn she exists.
    expect(await listPlacementHistory(await as("mei"), mei)).toHaveLength(3);
    expect((await refusal(listPlacementHistory(engineer, mei))).err).toBeInstanceOf(NotFoundError);
    expect((await refusal(listPlacementHistory(admin, randomUUID()))).err).toBeInstanceOf(NotFoundError);
    expect((await refusal(listPlacementHistory(admin, "not-an-id"))).err).toBeInstanceOf(NotFoundError);
  });

  it("offers the steps of the current published version, to admins only", async () => {
    const [group] = await listStepChoices(admin);
    expect(group!.versionNumber).toBe(1);
    expect(group!.steps[0]!.name).toBe("Software Engineer");
    expect((await refusal(listStepChoices(manager))).err).toBeInstanceOf(NotAllowedError);
  });

  it("is refused to anyone but an admin, and changes nothing", async () => {
    const lena = await idOf("lena");
    const before = await placementsOf(lena);
    for (const viewer of [manager, engineer]) {
      const { err } = await refusal(placePerson(viewer, { personId: lena, stepId: step["software-engineer-3"]!.id, effectiveOn: today, reason: "correction", note: "" }));
      expect(err).toBeInstanceOf(NotAllowedError);
    }
    expect(await placementsOf(lena)).toEqual(before);
  });

  it("refuses promotion as a reason, an impossible or future date, and a step that is no step, beside their fields", async () => {
    const lena = await idOf("lena");
    const before = await placementsOf(lena);
    const promotion = await refusal(placePerson(admin, { personId: lena, stepId: step["software-engineer-3"]!.id, effectiveOn: today, reason: "promotion", note: "" }));
    expect(promotion.fieldErrors.reason).toEqual(["Promotions are recorded by approved promotion cases: choose initial, correction or migration."]);
    const dates = await refusal(placePerson(admin, { personId: lena, stepId: step["software-engineer-3"]!.id, effectiveOn: "2026-02-30", reason: "correction", note: "" }));
    expect(dates.fieldErrors.effectiveOn).toEqual(["Use a real date, like 2026-12-31."]);
    const future = await refusal(placePerson(admin, { personId: lena, stepId: step["software-engineer-3"]!.id, effectiveOn: "2199-01-01", reason: "correction", note: "" }));
    expect(future.fieldErrors.effectiveOn![0]).toMatch(/takes effect on its date/);
    for (const stepId of [randomUUID(), "senior-engineer"]) {
      const unknown = await refusal(placePerson(admin, { personId: lena, stepId, effectiveOn: today, reason: "correction", note: "" }));
      expect(unknown.fieldErrors.stepId).toEqual(["Choose a step."]);
    }
    const note = await refusal(placePerson(admin, { personId: lena, stepId: step["software-engineer-3"]!.id, effectiveOn: today, reason: "correction", note: "x".repeat(2_001) }));
    expect(note.fieldErrors.note).toHaveLength(1);
    expect(await placementsOf(lena)).toEqual(before);
  });

  it("refuses a step of a draft or retired version", async () => {
    const lena = await idOf("lena");
    const [framework] = await handle.db.select({ frameworkId: frameworkVersions.frameworkId }).from(frameworkVersions).limit(1);
    const [draft] = await handle.db.insert(frameworkVersions).values({ frameworkId: framework!.frameworkId, number: 2, status: "draft" }).returning({ id: frameworkVersions.id });
    const [draftStep] = await handle.db.insert(steps).values({ versionId: draft!.id, key: "draft-step", name: "Draft Step", position: 0 }).returning({ id: steps.id });
    const { fieldErrors } = await refusal(placePerson(admin, { personId: lena, stepId: draftStep!.id, effectiveOn: today, reason: "migration", note: "" }));
    expect(fieldErrors.stepId![0]).toMatch(/^Draft Step is on a draft version of .+: choose a step of the published version\.$/);
    await handle.db.update(frameworkVersions).set({ status: "retired" }).where(eq(frameworkVersions.id, draft!.id));
    expect((await refusal(placePerson(admin, { personId: lena, stepId: draftStep!.id, effectiveOn: today, reason: "migration", note: "" }))).fieldErrors.stepId![0]).toMatch(/retired version/);
    await handle.db.delete(frameworkVersions).where(eq(frameworkVersions.id, draft!.id));
  });

  it("refuses a reason that does not fit the history, and a date before the current placement", async () => {
    const lena = await idOf("lena");
    const initial = await refusal(placePerson(admin, { personId: lena, stepId: step["software-engineer-3"]!.id, effectiveOn: today, reason: "initial", note: "" }));
    expect(initial.fieldErrors.reason![0]).toMatch(/placed already/);
    const migration = await refusal(placePerson(admin, { personId: lena, stepId: step["software-engineer-3"]!.id, effectiveOn: today, reason: "migration", note: "" }));
    expect(migration.fieldErrors.reason![0]).toMatch(/another framework version/);
    const earlier = await refusal(placePerson(admin, { personId: lena, stepId: step["software-engineer-3"]!.id, effectiveOn: "2020-01-01", reason: "correction", note: "" }));
    expect(earlier.fieldErrors.effectiveOn![0]).toMatch(/^Lena Fischer has been on Software Engineer II since \d{4}-\d{2}-\d{2}/);
  });

  it("answers not found for a person who does not exist", async () => {
    for (const personId of [randomUUID(), "not-an-id"]) {
      const { err } = await refusal(placePerson(admin, { personId, stepId: step["software-engineer"]!.id, effectiveOn: today, reason: "initial", note: "" }));
      expect(err).toBeInstanceOf(NotFoundError);
    }
  });

  it("places a new person when they are created with a step", async () => {
    const created = await createPerson(admin, {
      email: "new.starter@example.com",
      name: "New Starter",
      role: "engineer",
      managerId: null,
      teamId: null,
      passwordMode: "link",
      stepId: step["software-engineer"]!.id,
      effectiveOn: "2026-11-02",
    });
    expect(await placementsOf(created.id)).toEqual([expect.objectContaining({ stepId: step["software-engineer"]!.id, effectiveOn: "2026-11-02", reason: "initial", decidedById: admin.id })]);
    const actions = await handle.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.actorId, admin.id));
    expect(actions.map((a) => a.action)).toContain("placement.create");
    const refused = await refusal(
      createPerson(admin, { email: "nobody.yet@example.com", name: "Nobody", role: "engineer", managerId: null, teamId: null, passwordMode: "link", stepId: randomUUID() }),
    );
    expect(refused.fieldErrors.stepId).toEqual(["Choose a step."]);
    expect(await handle.db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, "nobody.yet@example.com") })).toBeUndefined();
  });
});

describe("correcting a placement", () => {
  it("changes the step, date and note in place, makes it a correction, and records before and after", async () => {
    const tom = await idOf("tom");
    const [entry] = await listPlacementHistory(admin, tom);
    const result = await correctPlacement(admin, { id: entry!.id, revision: entry!.revision, stepId: step["software-engineer-3"]!.id, effectiveOn: "2026-08-01", note: "Was entered one step low." });
    expect(result).toEqual({ personId: tom, changed: true });
    const [after] = await listPlacementHistory(admin, tom);
    expect(after).toMatchObject({ id: entry!.id, step: { name: "Software Engineer III" }, effectiveOn: "2026-08-01", reason: "correction", note: "Was entered one step low.", decidedBy: { name: "Alex Morgan" } });
    const [event] = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, "placement"), eq(auditEvents.action, "placement.correct"), eq(auditEvents.entityId, entry!.id)));
    expect(event!.before).toMatchObject({ personId: tom, step: "Software Engineer II", effectiveOn: entry!.effectiveOn, reason: "initial" });
    expect(event!.after).toMatchObject({ personId: tom, step: "Software Engineer III", effectiveOn: "2026-08-01", reason: "correction", note: "Was entered one step low." });
    // The same values again change nothing.
    expect(await correctPlacement(admin, { id: after!.id, revision: after!.revision, stepId: after!.step.id, effectiveOn: after!.effectiveOn, note: after!.note })).toEqual({ personId: tom, changed: false });
  });

  it("refuses a correction made on a copy someone else changed since, and overwrites nothing", async () => {
    const noah = await idOf("noah");
    const [seen] = await listPlacementHistory(admin, noah);
    await correctPlacement(admin, { id: seen!.id, revision: seen!.revision, stepId: seen!.step.id, effectiveOn: seen!.effectiveOn, note: "First admin's note." });
    const { err } = await refusal(correctPlacement(admin, { id: seen!.id, revision: seen!.revision, stepId: seen!.step.id, effectiveOn: seen!.effectiveOn, note: "Second admin's note." }));
    expect(err).toBeInstanceOf(ConflictError);
    expect((await listPlacementHistory(admin, noah))[0]!.note).toBe("First admin's note.");
  });

  it("is refused to anyone but an admin, for an unknown placement, and for one a promotion case wrote", async () => {
    const sam = await idOf("sam");
    const [entry] = await listPlacementHistory(admin, sam);
    const input = { id: entry!.id, revision: entry!.revision, stepId: entry!.step.id, effectiveOn: entry!.effectiveOn, note: "Changed" };
    expect((await refusal(correctPlacement(manager, input))).err).toBeInstanceOf(NotAllowedError);
    expect((await refusal(correctPlacement(admin, { ...input, id: randomUUID() }))).err).toBeInstanceOf(NotFoundError);

    const [cycle] = await handle.db.select({ id: reviewCycles.id }).from(reviewCycles).limit(1);
    const [promotion] = await handle.db
      .insert(promotionCases)
      .values({ subjectId: sam, reviewCycleId: cycle!.id, versionId: step["staff-engineer"]!.versionId, fromStepId: step["senior-engineer"]!.id, toStepId: step["staff-engineer"]!.id, status: "approved", createdById: manager.id })
      .returning({ id: promotionCases.id });
    await handle.db.insert(placements).values({ userId: sam, versionId: step["staff-engineer"]!.versionId, stepId: step["staff-engineer"]!.id, effectiveOn: "2026-11-20", reason: "promotion", caseId: promotion!.id, decidedById: admin.id });
    const [promoted] = await listPlacementHistory(admin, sam);
    expect(promoted).toMatchObject({ reason: "promotion", caseId: promotion!.id, canCorrect: false });
    const { err } = await refusal(correctPlacement(admin, { id: promoted!.id, revision: promoted!.revision, stepId: step["senior-engineer"]!.id, effectiveOn: promoted!.effectiveOn, note: "" }));
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as Error).message).toMatch(/promotion case and cannot be corrected in place/);
  });
});
