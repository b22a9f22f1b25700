import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assessments,
  calibrationSessions,
  calibrators,
  dimensions,
  evidence,
  placements,
  promotionCases,
  ratings,
  reviewCycles,
  steps,
  users,
} from "@/db/schema";
import { createDemoDatabase } from "@/test/people";
import type { TestDatabase } from "@/test/database";
import { installCountingDatabase } from "@/test/statement-counter";
import type { Viewer } from "@/lib/auth/policy";
import { NotAllowedError } from "@/lib/errors";
import { DEFAULT_QUERY, viewTeam } from "@/lib/team/overview";
import { getOpenCycle, saveAssessmentDraft, startManagerAssessment, startSelfAssessment, submitAssessment } from "./assessments";
import { getManagerHome, getTeamOverview } from "./team";
import { loadViewer } from "./viewer";

const TODAY = new Date("2026-11-23T12:00:00Z");

let handle: TestDatabase;
let as: (key: string) => Promise<Viewer>;
let idOf: (key: string) => Promise<string>;
let counter: ReturnType<typeof installCountingDatabase>;
let cycleId: string;
let versionId: string;
let stepId: (key: string) => string;
let dims: { id: string }[];

beforeAll(async () => {
  ({ handle, as, idOf, versionId } = await createDemoDatabase());
  // These tests open their own cases and calibrations; the demo's are set aside.
  await handle.db.delete(promotionCases);
  await handle.db.delete(calibrationSessions);
  counter = installCountingDatabase(handle);
  cycleId = (await getOpenCycle())!.id;
  const stepRows = await handle.db.select({ id: steps.id, key: steps.key }).from(steps).where(eq(steps.versionId, versionId));
  stepId = (key) => stepRows.find((s) => s.key === key)!.id;
  dims = await handle.db.select({ id: dimensions.id }).from(dimensions).where(eq(dimensions.versionId, versionId)).orderBy(dimensions.position);
});
afterAll(async () => {
  await handle.close();
});

const rejection = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);
const names = (people: { name: string }[]) => people.map((p) => p.name);

describe("who has a team overview", () => {
  it("engineers have none, and nothing waits for them here", async () => {
    const sam = await as("sam");
    expect(await rejection(getTeamOverview(sam))).toBeInstanceOf(NotAllowedError);
    expect(await rejection(getManagerHome(sam))).toBeInstanceOf(NotAllowedError);
  });

  it("a manager sees their reporting tree, and nobody else", async () => {
    const { members } = await getTeamOverview(await as("priya"), { today: TODAY });
    expect(names(members).sort()).toEqual(["Diego Alvarez", "Lena Fischer", "Mei Chen", "Sam Okafor"]);
  });

  it("an admin sees their own reporting tree, not people outside it", async () => {
    await handle.db.insert(users).values({ email: "zoe.outside@example.com", name: "Zoe Outside" });
    const { members } = await getTeamOverview(await as("alex"), { today: TODAY });
    expect(members).toHaveLength(12);
    expect(names(members)).not.toContain("Zoe Outside");
    expect(names(members)).not.toContain("Alex Morgan");
  });
});

describe("the team overview", () => {
  it("groups people by the direct report whose subtree they are in, the group's head first", async () => {
    const overview = await getTeamOverview(await as("alex"), { today: TODAY });
    const { groups } = viewTeam(overview.members, DEFAULT_QUERY);
    expect(groups.map((g) => [g.title, names(g.members)])).toEqual([
      ["Marcus Bell's team", ["Marcus Bell", "Aisha Khan", "Ines Duarte", "Jonas Berg", "Noah Williams", "Ravi Patel", "Tom Becker"]],
      ["Priya Raman's team", ["Priya Raman", "Diego Alvarez", "Lena Fischer", "Mei Chen", "Sam Okafor"]],
    ]);
    const mei = overview.members.find((m) => m.name === "Mei Chen")!;
    expect(mei).toMatchObject({ depth: 2, manager: { name: "Priya Raman" }, headId: await idOf("priya") });

    const priyas = viewTeam((await getTeamOverview(await as("priya"), { today: TODAY })).members, DEFAULT_QUERY);
    expect(priyas.groups.map((g) => g.title)).toEqual(["Reporting to you"]);
  });

  it("gives each person's step and time at it, and marks who is past the expected time", async () => {
    const { members } = await getTeamOverview(await as("priya"), { today: TODAY });
    const byName = new Map(members.map((m) => [m.name, m]));
    expect(byName.get("Mei Chen")).toMatchObject({ step: { key: "software-engineer", name: "Software Engineer" }, time: { months: 15, status: "beyond", expected: "6–12 months" } });
    expect(byName.get("Sam Okafor")).toMatchObject({ step: { name: "Senior Engineer" }, time: { months: 30, status: "within" } });
    expect(byName.get("Diego Alvarez")!.time).toMatchObject({ months: 20, status: "early" });
    const overdue = members.filter((m) => m.time?.status === "beyond");
    expect(names(overdue)).toEqual(["Mei Chen"]);
  });

  it("shows the latest submitted picks of both sides, per dimension, and the gaps between them", async () => {
    const { members } = await getTeamOverview(await as("priya"), { today: TODAY });
    const sam = members.find((m) => m.name === "Sam Okafor")!;
    expect(sam.review).toMatchObject({ cycleName: "2026 H2 review", gapCount: 1, gapSteps: 1 });
    expect(sam.review!.picks).toEqual([
      { dimension: "Scope of influence", self: "Senior Engineer", manager: "Senior Engineer", comparison: { kind: "same" } },
      { dimension: "How work is conducted", self: "Staff Engineer", manager: "Senior Engineer", comparison: { kind: "ahead", by: 1 } },
      { dimension: "Ownership", self: "Senior Engineer", manager: "Senior Engineer", comparison: { kind: "same" } },
    ]);
    expect(sam.evidenceCount).toBe(3);
    expect(members.find((m) => m.name === "Lena Fischer")).toMatchObject({ review: null, evidenceCount: 0 });
  });

  it("tells where each review stands in the open cycle, drafts only to their author", async () => {
    const priya = await as("priya");
    const lena = await as("lena");
    const statusOf = async (viewer: Viewer, name: string) => (await getTeamOverview(viewer, { today: TODAY })).members.find((m) => m.name === name)!.status;

    // A self-assessment draft is Lena's alone: her manager is not told it exists.
    const own = await startSelfAssessment(lena, cycleId);
    expect(await statusOf(priya, "Lena Fischer")).toBe("not-submitted");
    expect(await statusOf(priya, "Sam Okafor")).toBe("assessed");

    await saveAssessmentDraft(lena, { assessmentId: own.id, revision: own.revision, ratings: fullRatings("software-engineer-3") });
    await submitAssessment(lena, { assessmentId: own.id, revision: own.revision + 1 });
    expect(await statusOf(priya, "Lena Fischer")).toBe("self-submitted");

    await startManagerAssessment(priya, lena.id, cycleId);
    expect(await statusOf(priya, "Lena Fischer")).toBe("manager-draft");
    // Priya's draft is hers: Alex, further up, still reads "self-assessment submitted".
    expect(await statusOf(await as("alex"), "Lena Fischer")).toBe("self-submitted");
  });
});

function fullRatings(step: string) {
  return dims.map((d) => ({ dimensionId: d.id, stepId: stepId(step), rationale: "Seen in the last half-year." }));
}

describe("what waits for a manager", () => {
  it("lists self-assessments to assess, own drafts, draft cases, open calibrations and overdue reports", async () => {
    const priya = await as("priya");
    // From the test above: Lena submitted, and Priya's assessment of her is a draft.
    const [mei, lena, sam] = await Promise.all([idOf("mei"), idOf("lena"), idOf("sam")]);
    const [earlier] = await handle.db
      .insert(reviewCycles)
      .values({ name: "2026 H1 review", startsOn: "2026-01-01", endsOn: "2026-06-30", status: "closed" })
      .returning({ id: reviewCycles.id });
    const cases = await handle.db
      .insert(promotionCases)
      .values([
        { subjectId: mei, reviewCycleId: cycleId, versionId, fromStepId: stepId("software-engineer"), toStepId: stepId("software-engineer-2"), createdById: priya.id },
        { subjectId: sam, reviewCycleId: earlier!.id, versionId, fromStepId: stepId("senior-engineer"), toStepId: stepId("staff-engineer"), createdById: priya.id, status: "proposed" },
      ])
      .returning({ id: promotionCases.id });
    const sessions = await handle.db
      .insert(calibrationSessions)
      .values([
        { reviewCycleId: cycleId, name: "Platform calibration", heldOn: "2026-12-10" },
        { reviewCycleId: earlier!.id, name: "Spring calibration", heldOn: "2026-06-20", status: "closed" },
      ])
      .returning({ id: calibrationSessions.id });
    await handle.db.insert(calibrators).values(sessions.map((s) => ({ sessionId: s.id, userId: priya.id })));

    const home = await getManagerHome(priya, { today: TODAY });
    expect(home).toMatchObject({ cycle: { name: "2026 H2 review" }, directReports: 4, reports: 4 });
    expect(home.toAssess).toMatchObject({ total: 1, items: [{ person: { id: lena, name: "Lena Fischer" }, draftStarted: true }] });
    expect(home.drafts).toMatchObject({ total: 1, items: [{ kind: "manager", person: { id: lena }, cycleId }] });
    expect(home.cases).toEqual({ total: 1, items: [expect.objectContaining({ id: cases[0]!.id, person: { id: mei, name: "Mei Chen" }, fromStep: "Software Engineer", toStep: "Software Engineer II" })] });
    expect(home.calibrations).toEqual({ total: 1, items: [{ id: sessions[0]!.id, name: "Platform calibration", heldOn: "2026-12-10", status: "preparing" }] });
    expect(home.overdue).toMatchObject({ total: 1, items: [{ person: { id: mei }, step: "Software Engineer", time: { months: 15 } }] });
  });

  it("drops a self-assessment from the list once the manager assessment is submitted", async () => {
    const priya = await as("priya");
    const draft = await startManagerAssessment(priya, await idOf("lena"), cycleId);
    await saveAssessmentDraft(priya, { assessmentId: draft.id, revision: draft.revision, ratings: fullRatings("software-engineer-2") });
    await submitAssessment(priya, { assessmentId: draft.id, revision: draft.revision + 1 });
    const home = await getManagerHome(priya, { today: TODAY });
    expect(home.toAssess.total).toBe(0);
    expect(home.drafts.total).toBe(0);
  });

  it("gives an admin who manages nobody directly what applies: calibrations, cases and overdue people in their tree", async () => {
    const alex = await as("alex");
    const home = await getManagerHome(alex, { today: TODAY });
    expect(home).toMatchObject({ directReports: 2, reports: 12, toAssess: { total: 0 }, drafts: { total: 0 }, cases: { total: 0 }, calibrations: { total: 0 } });
    expect(home.overdue.items.map((o) => o.person.name)).toEqual(["Mei Chen"]);
  });

  it("bounds each list, and counts all of it", async () => {
    const alex = await as("alex");
    const marcus = await idOf("marcus");
    // Eleven people three years at the first step (6–12 months): all overdue.
    const rows = await handle.db
      .insert(users)
      .values(Array.from({ length: 11 }, (_, i) => ({ email: `late${i}@example.com`, name: `Late ${String(i).padStart(2, "0")}`, managerId: marcus })))
      .returning({ id: users.id });
    await handle.db.insert(placements).values(rows.map((r) => ({ userId: r.id, versionId, stepId: stepId("software-engineer"), effectiveOn: "2023-09-01", reason: "initial" as const })));
    const home = await getManagerHome(alex, { today: TODAY });
    expect(home.overdue.total).toBe(12);
    expect(home.overdue.items).toHaveLength(8);
    expect(home.overdue.items[0]!.person.name).toBe("Late 00");
    await handle.db.delete(users).where(inArray(users.id, rows.map((r) => r.id)));
  });
});

describe("the number of queries", () => {
  /** Adds `n` reports to a manager, each placed, with evidence, a submitted self-assessment, and every other one assessed. */
  async function addReports(managerId: string, from: number, n: number) {
    const people = await handle.db
      .insert(users)
      .values(Array.from({ length: n }, (_, i) => ({ email: `report${from + i}@example.com`, name: `Report ${from + i}`, managerId })))
      .returning({ id: users.id });
    await handle.db.insert(placements).values(people.map((p, i) => ({ userId: p.id, versionId, stepId: stepId(i % 2 ? "software-engineer" : "senior-engineer"), effectiveOn: "2025-01-15", reason: "initial" as const })));
    await handle.db.insert(evidence).values(people.flatMap((p) => [1, 2].map((k) => ({ ownerId: p.id, title: `Shipped ${k}`, kind: "shipped-feature" as const, occurredOn: "2026-03-01" }))));
    const written = await handle.db
      .insert(assessments)
      .values(
        people.flatMap((p, i) => [
          { kind: "self" as const, subjectId: p.id, authorId: p.id, versionId, cycleId, status: "submitted" as const, submittedAt: new Date() },
          ...(i % 2 ? [] : [{ kind: "manager" as const, subjectId: p.id, authorId: managerId, versionId, cycleId, status: "submitted" as const, submittedAt: new Date() }]),
        ]),
      )
      .returning({ id: assessments.id, kind: assessments.kind });
    await handle.db.insert(ratings).values(
      written.flatMap((a) => dims.map((d) => ({ assessmentId: a.id, dimensionId: d.id, stepId: stepId(a.kind === "self" ? "staff-engineer" : "senior-engineer"), rationale: "Because." }))),
    );
    return people.map((p) => p.id);
  }

  it("is the same for a team of 5 and a team of 40", async () => {
    const [kim] = await handle.db.insert(users).values({ email: "kim.lead@example.com", name: "Kim Lead", role: "manager" }).returning({ id: users.id });
    // A second level, so the tree is walked too.
    const [lead] = await addReports(kim!.id, 0, 1);
    await handle.db.update(users).set({ role: "manager" }).where(eq(users.id, lead!));
    await addReports(lead!, 1, 4);
    const measure = async () => {
      const viewer = (await loadViewer(kim!.id))!;
      const team = await counter.count(() => getTeamOverview(viewer, { today: TODAY }));
      const home = await counter.count(() => getManagerHome(viewer, { today: TODAY }));
      return { people: team.result.members.length, team: team.statements, home: home.statements };
    };
    const five = await measure();
    await addReports(kim!.id, 5, 20);
    await addReports(lead!, 25, 15);
    const forty = await measure();

    expect(five.people).toBe(5);
    expect(forty.people).toBe(40);
    expect(forty.team).toBe(five.team);
    expect(forty.home).toBe(five.home);
    // Tree, open cycle, placements, picks, evidence, cycle statuses, and the versions' dimensions, steps and transitions.
    expect(five.team).toBe(9);
    // Open cycle, tree, own drafts, cases, calibrations, self-assessments to assess, placements.
    expect(five.home).toBe(7);
  });
});
