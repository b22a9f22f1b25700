import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dimensions, evidence, reviewCycles, steps, teams, users } from "@/db/schema";
import { createDemoDatabase } from "@/test/people";
import type { TestDatabase } from "@/test/database";
import { hostileEvidenceBodies, hostileRationales } from "@/test/hostile-markdown";
import type { Viewer } from "@/lib/auth/policy";
import { InvalidInputError, NotFoundError, PublicError } from "@/lib/errors";
import { createCycle, getAssessment, getOpenCycle, saveAssessmentDraft, startSelfAssessment, submitAssessment } from "./assessments";
import { listAuditEvents } from "./audit";
import { createEvidence, deleteEvidence, getEvidence, listEvidence, updateEvidence } from "./evidence";
import { createPerson, createTeam, getPerson, renameTeam, updatePerson } from "./people";

let handle: TestDatabase;
let as: (key: string) => Promise<Viewer>;
let engineer: Viewer;
let admin: Viewer;

beforeEach(async () => {
  ({ handle, as } = await createDemoDatabase());
  engineer = await as("lena");
  admin = await as("alex");
});
afterEach(async () => {
  await handle.close();
});

const rejection = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as Error);
const huge = "x".repeat(100_000);
const item = (patch: object = {}) => ({ title: "Billing migration", kind: "design-doc" as const, occurredOn: "2026-03-02", link: null, body: "", cellIds: [], ...patch });
const count = async (table: typeof evidence | typeof teams | typeof users | typeof reviewCycles) => (await handle.db.select().from(table)).length;

describe("hostile Markdown", () => {
  it("is stored in evidence bodies as written and read back unchanged", async () => {
    for (const [name, body] of Object.entries(hostileEvidenceBodies)) {
      const { id } = await createEvidence(engineer, item({ title: name, body }));
      expect((await getEvidence(engineer, id)).body).toBe(body);
    }
    expect(await listEvidence(engineer, engineer.id)).toHaveLength(Object.keys(hostileEvidenceBodies).length);
    expect(await listEvidence(engineer, engineer.id, { q: "*_*_ > > -" })).toEqual([]);
  });

  it("is stored in self-assessment reasons, submitted, and read by the manager and admins", async () => {
    const cycle = (await getOpenCycle())!;
    const draft = await startSelfAssessment(engineer, cycle.id);
    const dims = await handle.db.select({ id: dimensions.id }).from(dimensions).where(eqVersion(draft.versionId));
    const [step] = await handle.db.select({ id: steps.id }).from(steps).where(eqStepVersion(draft.versionId));
    const texts = Object.values(hostileRationales);
    const ratings = dims.map((d, i) => ({ dimensionId: d.id, stepId: step!.id, rationale: texts[i % texts.length]! }));
    await saveAssessmentDraft(engineer, { assessmentId: draft.id, revision: 1, ratings });
    await submitAssessment(engineer, { assessmentId: draft.id, revision: 2 });
    for (const who of ["lena", "priya", "alex"]) {
      const read = await getAssessment(await as(who), draft.id);
      expect(read.ratings.map((r) => r.rationale).sort()).toEqual(ratings.map((r) => r.rationale).sort());
    }
  });
});

describe("100,000-character fields", () => {
  it("are refused in evidence, changing nothing", async () => {
    const before = await count(evidence);
    expect(await rejection(createEvidence(engineer, item({ title: huge })))).toBeInstanceOf(InvalidInputError);
    expect(await rejection(createEvidence(engineer, item({ body: huge })))).toBeInstanceOf(InvalidInputError);
    expect(await rejection(createEvidence(engineer, item({ link: `https://example.com/${huge}` })))).toBeInstanceOf(InvalidInputError);
    const { id } = await createEvidence(engineer, item());
    expect(await rejection(updateEvidence(engineer, { ...item({ body: huge }), id, revision: 1 }))).toBeInstanceOf(InvalidInputError);
    expect(await count(evidence)).toBe(before + 1);
    expect((await getEvidence(engineer, id)).revision).toBe(1);
  });

  it("are refused in reasons, people's names, team names and cycle names, changing nothing", async () => {
    const cycle = (await getOpenCycle())!;
    const draft = await startSelfAssessment(engineer, cycle.id);
    const [dim] = await handle.db.select({ id: dimensions.id }).from(dimensions).where(eqVersion(draft.versionId));
    expect(await rejection(saveAssessmentDraft(engineer, { assessmentId: draft.id, revision: 1, ratings: [{ dimensionId: dim!.id, stepId: null, rationale: huge }] }))).toBeInstanceOf(
      InvalidInputError,
    );
    expect((await getAssessment(engineer, draft.id)).revision).toBe(1);

    const [people, teamCount, cycles] = [await count(users), await count(teams), await count(reviewCycles)];
    const person = { name: huge, role: "engineer" as const, managerId: null, teamId: null, email: "rosa@example.com", passwordMode: "link" as const };
    expect(await rejection(createPerson(admin, person))).toBeInstanceOf(InvalidInputError);
    expect(await rejection(createPerson(admin, { ...person, name: "Rosa", email: `${huge}@example.com` }))).toBeInstanceOf(InvalidInputError);
    const sam = await getPerson(admin, (await as("sam")).id);
    expect(await rejection(updatePerson(admin, { id: sam.id, revision: sam.revision, name: huge, role: "engineer", managerId: null, teamId: null }))).toBeInstanceOf(InvalidInputError);
    expect(await rejection(createTeam(admin, { name: huge }))).toBeInstanceOf(InvalidInputError);
    const [team] = await handle.db.select().from(teams);
    expect(await rejection(renameTeam(admin, { id: team!.id, name: huge, revision: team!.revision }))).toBeInstanceOf(InvalidInputError);
    expect(await rejection(createCycle(admin, { name: huge, startsOn: "2030-01-01", endsOn: "2030-06-30" }))).toBeInstanceOf(InvalidInputError);
    expect([await count(users), await count(teams), await count(reviewCycles)]).toEqual([people, teamCount, cycles]);
    expect((await getPerson(admin, sam.id)).name).toBe(sam.name);
  });
});

describe("impossible dates", () => {
  it("are refused as evidence dates, filters and cycle dates before reaching the database", async () => {
    for (const occurredOn of ["2026-02-30", "9999-99-99", "0000-00-00", "0001-01-01", "9999-12-31"]) {
      expect(await rejection(createEvidence(engineer, item({ occurredOn }))), occurredOn).toBeInstanceOf(InvalidInputError);
    }
    for (const date of ["2026-02-30", "9999-99-99", "0000-00-00", "0001-01-01", "9999-12-31", "x".repeat(10_000)]) {
      expect(await rejection(listEvidence(engineer, engineer.id, { from: date })), date.slice(0, 12)).toBeInstanceOf(InvalidInputError);
      expect(await rejection(listEvidence(engineer, engineer.id, { to: date })), date.slice(0, 12)).toBeInstanceOf(InvalidInputError);
      expect(await rejection(createCycle(admin, { name: "Odd", startsOn: date, endsOn: "2030-06-30" })), date.slice(0, 12)).toBeInstanceOf(InvalidInputError);
    }
    expect(await listEvidence(engineer, engineer.id, { from: "1900-01-01", to: "2200-12-31" })).toEqual([]);
  });

  it("at the ends of the range are read by the audit log on both databases", async () => {
    const { events } = await listAuditEvents(admin, { from: "1900-01-01", to: "2200-12-31" });
    expect(events.length).toBeGreaterThan(0);
  });
});

describe("forged and malformed ids", () => {
  it("are answered with not found, changing nothing", async () => {
    const theirs = await createEvidence(await as("sam"), item({ title: "Sam's" }));
    for (const id of [theirs.id, randomUUID()]) {
      expect(await rejection(updateEvidence(engineer, { ...item(), id, revision: 1 }))).toBeInstanceOf(NotFoundError);
      expect(await rejection(deleteEvidence(engineer, { id, revision: 1 }))).toBeInstanceOf(NotFoundError);
    }
    for (const id of [theirs.id, randomUUID(), "not-an-id", "", "x".repeat(10_000), "00000000-0000-0000-0000-000000000000\u0000"]) {
      // A malformed id is refused as input; either way the message is one a person may read.
      expect(await rejection(updateEvidence(engineer, { ...item(), id, revision: 1 })), id.slice(0, 40)).toBeInstanceOf(PublicError);
      expect(await rejection(deleteEvidence(engineer, { id, revision: 1 })), id.slice(0, 40)).toBeInstanceOf(PublicError);
      expect(await rejection(getEvidence(engineer, id)), id.slice(0, 40)).toBeInstanceOf(NotFoundError);
      expect(await rejection(startSelfAssessment(engineer, id)), id.slice(0, 40)).toBeInstanceOf(NotFoundError);
      expect(await rejection(getAssessment(engineer, id)), id.slice(0, 40)).toBeInstanceOf(NotFoundError);
    }
    expect((await getEvidence(await as("sam"), theirs.id)).revision).toBe(1);
  });
});

function eqVersion(versionId: string) {
  return eq(dimensions.versionId, versionId);
}
function eqStepVersion(versionId: string) {
  return eq(steps.versionId, versionId);
}
