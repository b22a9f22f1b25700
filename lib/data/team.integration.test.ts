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
import { DEFAULT_DIRECTORY_QUERY } from "@/lib/people/directory";
import type { ReviewState } from "@/lib/assessments/review-state";
import { isoDate } from "@/lib/dates";
import { NOT_PLACED } from "@/lib/list-query";
import { DEFAULT_QUERY, parseTeamQuery, SORTS, TEAM_PAGE_SIZE, type TeamQuery } from "@/lib/team/overview";
import { getOpenCycle, saveAssessmentDraft, startManagerAssessment, startSelfAssessment, submitAssessment } from "./assessments";
import { getPeopleDirectory } from "./people-directory";
import { getManagerHome, getTeamPage, type TeamPage } from "./team";
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
const teamPage = (viewer: Viewer, query: Partial<TeamQuery> = {}) => getTeamPage(viewer, { ...DEFAULT_QUERY, ...query }, { today: TODAY });
const members = (page: TeamPage) => page.onPage.flatMap((g) => g.members);

describe("who has a team overview", () => {
  it("engineers have none, and nothing waits for them here", async () => {
    const sam = await as("sam");
    expect(await rejection(teamPage(sam))).toBeInstanceOf(NotAllowedError);
    expect(await rejection(getManagerHome(sam))).toBeInstanceOf(NotAllowedError);
  });

  it("a manager sees their reporting tree, and nobody else", async () => {
    const page = await teamPage(await as("priya"));
    expect(names(members(page)).sort()).toEqual(["Diego Alvarez", "Lena Fischer", "Mei Chen", "Sam Okafor"]);
    expect(page).toMatchObject({ size: 4, shown: 4, page: 1, pages: 1 });
  });

  it("an admin sees their own reporting tree, not people outside it", async () => {
    await handle.db.insert(users).values({ email: "zoe.outside@example.com", name: "Zoe Outside" });
    const page = await teamPage(await as("alex"));
    expect(page.size).toBe(12);
    expect(names(members(page))).not.toContain("Zoe Outside");
    expect(names(members(page))).not.toContain("Alex Morgan");
    expect((await teamPage(await as("alex"), { q: "Zoe" })).shown).toBe(0);
  });
});

describe("the team overview", () => {
  it("groups people by the direct report whose subtree they are in, the group's head first", async () => {
    const page = await teamPage(await as("alex"));
    expect(page.onPage.map((g) => [g.title, g.total, names(g.members)])).toEqual([
      ["Marcus Bell's team", 7, ["Marcus Bell", "Aisha Khan", "Ines Duarte", "Jonas Berg", "Noah Williams", "Ravi Patel", "Tom Becker"]],
      ["Priya Raman's team", 5, ["Priya Raman", "Diego Alvarez", "Lena Fischer", "Mei Chen", "Sam Okafor"]],
    ]);
    expect(page.groups).toEqual([
      { id: await idOf("marcus"), title: "Marcus Bell's team" },
      { id: await idOf("priya"), title: "Priya Raman's team" },
    ]);
    const ravi = members(page).find((m) => m.name === "Ravi Patel")!;
    expect(ravi).toMatchObject({ depth: 3, manager: { name: "Jonas Berg" } });
    const mei = members(page).find((m) => m.name === "Mei Chen")!;
    expect(mei).toMatchObject({ depth: 2, manager: { name: "Priya Raman" } });

    const priyas = await teamPage(await as("priya"));
    expect(priyas.onPage.map((g) => g.title)).toEqual(["Reporting to you"]);
    expect(priyas.groups).toEqual([{ id: "direct", title: "Reporting to you" }]);
    expect(members(priyas)[0]!.manager.name).toBe("Priya Raman");
  });

  it("gives each person's step and time at it, and counts who is past the expected time", async () => {
    const page = await teamPage(await as("priya"));
    const byName = new Map(members(page).map((m) => [m.name, m]));
    expect(byName.get("Mei Chen")).toMatchObject({ step: { key: "software-engineer", name: "Software Engineer" }, time: { months: 15, status: "beyond", expected: "6–12 months" } });
    expect(byName.get("Sam Okafor")).toMatchObject({ step: { name: "Senior Engineer" }, time: { months: 30, status: "within" } });
    expect(byName.get("Diego Alvarez")!.time).toMatchObject({ months: 20, status: "early" });
    expect(page.overdue).toBe(1);
    expect(names(members(await teamPage(await as("priya"), { overdue: true })))).toEqual(["Mei Chen"]);
    // The steps to filter by are those the team is at, in path order.
    expect(page.steps.map((s) => s.key)).toEqual(["software-engineer", "software-engineer-2", "senior-engineer", "staff-engineer"]);
  });

  it("shows the latest submitted picks of both sides, per dimension, and the gaps between them", async () => {
    const page = await teamPage(await as("priya"));
    const sam = members(page).find((m) => m.name === "Sam Okafor")!;
    expect(sam.review).toMatchObject({ cycleName: "2026 H2 review", gapCount: 1 });
    expect(sam.review!.picks).toEqual([
      { dimension: "Scope of influence", self: "Senior Engineer", manager: "Senior Engineer", comparison: { kind: "same" } },
      { dimension: "How work is conducted", self: "Staff Engineer", manager: "Senior Engineer", comparison: { kind: "ahead", by: 1 } },
      { dimension: "Ownership", self: "Senior Engineer", manager: "Senior Engineer", comparison: { kind: "same" } },
    ]);
    expect(sam.evidenceCount).toBe(3);
    expect(members(page).find((m) => m.name === "Lena Fischer")).toMatchObject({ review: null, evidenceCount: 0 });
  });

  it("tells where each review stands in the open cycle, drafts only to their author", async () => {
    const priya = await as("priya");
    const lena = await as("lena");
    const statusOf = async (viewer: Viewer, name: string) => members(await teamPage(viewer, { q: name }))[0]!.status;

    // A self-assessment draft is Lena's alone: her manager is not told it exists.
    const own = await startSelfAssessment(lena, cycleId);
    expect(await statusOf(priya, "Lena Fischer")).toBe("not-submitted");
    expect(await statusOf(priya, "Sam Okafor")).toBe("assessed");

    await saveAssessmentDraft(lena, { assessmentId: own.id, revision: own.revision, ratings: fullRatings("software-engineer-3") });
    await submitAssessment(lena, { assessmentId: own.id, revision: own.revision + 1 });
    expect(await statusOf(priya, "Lena Fischer")).toBe("self-submitted");

    await startManagerAssessment(priya, lena.id, cycleId);
    expect(await statusOf(priya, "Lena Fischer")).toBe("manager-draft");
    expect(names(members(await teamPage(priya, { status: "manager-draft" })))).toEqual(["Lena Fischer"]);
    // Priya's draft is hers: Alex, further up, still reads "self-assessment submitted".
    expect(await statusOf(await as("alex"), "Lena Fischer")).toBe("self-submitted");
  });

  it("says the same of a review as the people directory", async () => {
    const priya = await as("priya");
    const directory = await getPeopleDirectory(priya, DEFAULT_DIRECTORY_QUERY);
    const team = members(await teamPage(priya));
    expect(team.map((m) => [m.name, m.status]).sort()).toEqual(directory.people.map((p) => [p.name, p.review]).sort());
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


describe("a large tree, in one statement", () => {
  /** One generated person and what the page should say of them, worked out here rather than read back. */
  type Person = {
    id: string;
    name: string;
    group: string;
    groupName: string;
    head: boolean;
    stepKey: string | null;
    position: number | null;
    months: number | null;
    overdue: boolean;
    evidence: number;
    gaps: number | null;
    distance: number | null;
    status: ReviewState;
  };
  let path: { id: string; key: string; position: number; max: number | null }[];
  let kim: Viewer;
  let big: Person[];

  /** `months` whole months before TODAY (the 23rd, so every month has the day). */
  const monthsAgo = (months: number) => isoDate(new Date(Date.UTC(2026, 10 - months, 23)));

  /**
   * People below `managerId`, each made from their number: a step (every ninth not placed), time
   * at it, evidence, and a review in the open cycle that is missing, self only, both sides (with
   * 0–2 dimensions apart, by one or two steps) or the viewer's manager draft.
   */
  async function addPeople(opts: { managerId: string; viewerId: string; names: string[]; role?: "engineer" | "manager"; from: number }): Promise<Omit<Person, "group" | "groupName" | "head">[]> {
    const rows = await handle.db
      .insert(users)
      .values(opts.names.map((name, k) => ({ email: `${name.toLowerCase().replaceAll(" ", ".")}.${opts.from + k}@example.com`, name, managerId: opts.managerId, role: opts.role ?? "engineer" })))
      .returning({ id: users.id, name: users.name });
    const made = rows.map((r, k) => {
      const i = opts.from + k;
      const step = i % 9 === 8 ? null : path[i % 8]!;
      const months = step ? (i * 7) % 50 : null;
      const kind = i % 5;
      const base = i % 6;
      const apart = kind === 2 || kind === 3 ? i % 3 : 0;
      const by = 1 + (i % 2);
      const selfPicks = dims.map((_, d) => path[base + (d < apart ? by : 0)]!);
      const managerPicks = dims.map(() => path[base]!);
      return {
        id: r.id,
        name: r.name,
        i,
        step,
        kind,
        selfPicks,
        managerPicks,
        person: {
          id: r.id,
          name: r.name,
          stepKey: step?.key ?? null,
          position: step?.position ?? null,
          months,
          overdue: step !== null && step.max !== null && months! > step.max,
          evidence: i % 4,
          gaps: kind === 2 || kind === 3 ? apart : null,
          distance: kind === 2 || kind === 3 ? selfPicks.reduce((n, s, d) => n + Math.abs(s.position - managerPicks[d]!.position), 0) : null,
          status: (["not-submitted", "self-submitted", "assessed", "assessed", "manager-draft"] as const)[kind]!,
        },
      };
    });
    const placed = made.filter((m) => m.step);
    if (placed.length > 0) {
      await handle.db.insert(placements).values(placed.map((m) => ({ userId: m.id, versionId, stepId: m.step!.id, effectiveOn: monthsAgo(m.person.months!), reason: "initial" as const })));
    }
    const items = made.flatMap((m) => Array.from({ length: m.person.evidence }, (_, k) => ({ ownerId: m.id, title: `Shipped ${k}`, kind: "shipped-feature" as const, occurredOn: "2026-03-01" })));
    if (items.length > 0) await handle.db.insert(evidence).values(items);
    const written = made.flatMap((m) => [
      ...(m.kind > 0 ? [{ who: m, kind: "self" as const, authorId: m.id, status: "submitted" as const }] : []),
      ...(m.kind === 2 || m.kind === 3 ? [{ who: m, kind: "manager" as const, authorId: opts.managerId, status: "submitted" as const }] : []),
      ...(m.kind === 4 ? [{ who: m, kind: "manager" as const, authorId: opts.viewerId, status: "draft" as const }] : []),
    ]);
    if (written.length > 0) {
      const ids = await handle.db
        .insert(assessments)
        .values(written.map((w) => ({ kind: w.kind, subjectId: w.who.id, authorId: w.authorId, versionId, cycleId, status: w.status, submittedAt: w.status === "submitted" ? new Date() : null })))
        .returning({ id: assessments.id });
      await handle.db.insert(ratings).values(
        written.flatMap((w, k) =>
          dims.map((d, n) => ({ assessmentId: ids[k]!.id, dimensionId: d.id, stepId: (w.kind === "self" ? w.who.selfPicks : w.who.managerPicks)[n]!.id, rationale: "Because." })),
        ),
      );
    }
    return made.map((m) => m.person);
  }

  const numbered = (prefix: string, from: number, n: number) => Array.from({ length: n }, (_, k) => `${prefix} ${String(from + k).padStart(4, "0")}`);

  /**
   * Kim leads three managers (about two hundred people each, one of them a manager of five) and
   * fifteen direct reports of her own: 623 people, more than the overview ever loaded before.
   */
  async function buildTree(): Promise<Person[]> {
    const [lead] = await handle.db.insert(users).values({ email: "kim.large@example.com", name: "Kim Large", role: "manager" }).returning({ id: users.id });
    const viewerId = lead!.id;
    const out: Person[] = [];
    const add = (people: Omit<Person, "group" | "groupName" | "head">[], group: string, groupName: string, headId?: string) =>
      out.push(...people.map((p) => ({ ...p, group, groupName, head: p.id === headId })));
    const heads = await addPeople({ managerId: viewerId, viewerId, names: ["Lead Alpha", "Lead Beta", "Lead Gamma"], role: "manager", from: 0 });
    let from = 3;
    for (const h of heads) {
      add([h], h.id, h.name, h.id);
      const reports = await addPeople({ managerId: h.id, viewerId, names: numbered("Member", from, 200), from });
      from += 200;
      add(reports, h.id, h.name);
      if (h.name === "Lead Alpha") {
        await handle.db.update(users).set({ role: "manager" }).where(eq(users.id, reports[0]!.id));
        add(await addPeople({ managerId: reports[0]!.id, viewerId, names: numbered("Member", from, 5), from }), h.id, h.name);
        from += 5;
      }
    }
    add(await addPeople({ managerId: viewerId, viewerId, names: numbered("Direct", from, 15), from }), "direct", "");
    kim = (await loadViewer(viewerId))!;
    return out;
  }

  /** The view worked out from what was made: the filters, then groups in order, each head first, then the sort with people without a value last. */
  function expected(people: Person[], query: TeamQuery): string[] {
    const kept = people.filter(
      (p) =>
        (!query.q || p.name.toLowerCase().includes(query.q.toLowerCase())) &&
        (!query.step || (query.step === NOT_PLACED ? p.stepKey === null : p.stepKey === query.step)) &&
        (!query.overdue || p.overdue) &&
        (!query.status || p.status === query.status) &&
        (!query.group || p.group === query.group),
    );
    const sign = query.dir === "asc" ? 1 : -1;
    const values = (p: Person): (number | string | null)[] =>
      ({ name: [p.name.toLowerCase()], step: [p.position], time: [p.months], gap: [p.gaps, p.distance], evidence: [p.evidence] })[query.sort];
    const cmp = (a: number | string | null, b: number | string | null) => {
      if (a === b) return 0;
      if (a === null) return 1;
      if (b === null) return -1;
      return (a < b ? -1 : 1) * sign;
    };
    return kept
      .sort((a, b) => {
        const group = Number(a.group !== "direct") - Number(b.group !== "direct") || (a.groupName < b.groupName ? -1 : a.groupName > b.groupName ? 1 : 0);
        if (group !== 0) return group;
        if (a.head !== b.head) return a.head ? -1 : 1;
        const [va, vb] = [values(a), values(b)];
        for (let k = 0; k < va.length; k++) {
          const c = cmp(va[k]!, vb[k]!);
          if (c !== 0) return c;
        }
        return a.name < b.name ? -1 : 1;
      })
      .map((p) => p.name);
  }

  /** Every page of a view, one after the other. */
  async function allPages(viewer: Viewer, query: TeamQuery): Promise<{ names: string[]; pages: number; sizes: number[] }> {
    const first = await teamPage(viewer, { ...query, page: 1 });
    const out = [...names(members(first))];
    const sizes = [members(first).length];
    for (let page = 2; page <= first.pages; page++) {
      const next = await teamPage(viewer, { ...query, page });
      expect(next.page).toBe(page);
      out.push(...names(members(next)));
      sizes.push(members(next).length);
    }
    return { names: out, pages: first.pages, sizes };
  }

  beforeAll(async () => {
    const rows = await handle.db.select({ id: steps.id, key: steps.key, position: steps.position, max: steps.timeframeMaxMonths }).from(steps).where(eq(steps.versionId, versionId)).orderBy(steps.position);
    path = rows;
    big = await buildTree();
  });

  it("reads the whole tree, however large, and sums it up: size, overdue, steps and groups", async () => {
    const page = await teamPage(kim);
    expect(page.size).toBe(big.length);
    expect(big.length).toBe(623);
    expect(page.overdue).toBe(big.filter((p) => p.overdue).length);
    expect(page.overdue).toBeGreaterThan(0);
    expect(page.steps.map((s) => s.key)).toEqual(path.map((s) => s.key));
    expect(page.groups.map((g) => g.title)).toEqual(["Reporting to you", "Lead Alpha's team", "Lead Beta's team", "Lead Gamma's team"]);
    expect(page).toMatchObject({ shown: 623, page: 1, pages: Math.ceil(623 / TEAM_PAGE_SIZE) });
    // The third level is there too: the people of the manager below Lead Alpha.
    expect((await teamPage(kim, { q: "Member 0203" })).onPage[0]!.members[0]).toMatchObject({ depth: 3, manager: { name: "Member 0003" } });
  });

  it("pages through the view: each person once, in order, 25 to a page, a split group headed on each page with its count", async () => {
    const view = await allPages(kim, DEFAULT_QUERY);
    expect(view.names).toEqual(expected(big, DEFAULT_QUERY));
    expect(view.sizes.slice(0, -1).every((n) => n === TEAM_PAGE_SIZE)).toBe(true);
    // Page 1: the fifteen direct reports, then the start of Lead Alpha's 206, who head it.
    const first = await teamPage(kim);
    expect(first.onPage.map((g) => [g.title, g.members.length, g.total])).toEqual([
      ["Reporting to you", 15, 15],
      ["Lead Alpha's team", 10, 206],
    ]);
    expect(first.onPage[1]!.members[0]!.name).toBe("Lead Alpha");
    const second = await teamPage(kim, { page: 2 });
    expect(second.onPage.map((g) => [g.title, g.members.length, g.total])).toEqual([["Lead Alpha's team", 25, 206]]);
  });

  it("sorts within each group by any column either way, people without a value last, gaps by their count and then their distance", async () => {
    for (const [sort, dir] of [["gap", "desc"], ["time", "asc"]] as const) {
      const query = { ...DEFAULT_QUERY, sort, dir };
      expect((await allPages(kim, query)).names, `${sort} ${dir}`).toEqual(expected(big, query));
    }
    for (const sort of SORTS) {
      for (const dir of ["asc", "desc"] as const) {
        const query = { ...DEFAULT_QUERY, sort, dir };
        const want = expected(big, query);
        for (const page of [1, 9, 25]) {
          expect(names(members(await teamPage(kim, { ...query, page }))), `${sort} ${dir} page ${page}`).toEqual(want.slice((page - 1) * 25, page * 25));
        }
      }
    }
    // The number shown is the number sorted by.
    const byGap = members(await teamPage(kim, { sort: "gap", dir: "desc", page: 2 }));
    const made = new Map(big.map((p) => [p.id, p]));
    for (const m of byGap) expect(m.review?.gapCount ?? null).toBe(made.get(m.id)!.gaps);
  });

  it("filters by name, step, overdue, review status and group, alone and together", async () => {
    const alpha = big.find((p) => p.name === "Lead Alpha")!.id;
    const queries: Partial<TeamQuery>[] = [
      { q: "member 01" },
      { q: "0_1" },
      { q: "%" },
      { step: "senior-engineer" },
      { step: NOT_PLACED },
      { overdue: true },
      { status: "manager-draft" },
      { status: "assessed", sort: "gap" },
      { group: alpha },
      { group: "direct", sort: "evidence", dir: "asc" },
      { q: "member", step: "software-engineer-2", overdue: true, status: "self-submitted", group: alpha, sort: "time" },
    ];
    for (const q of queries) {
      const query = { ...DEFAULT_QUERY, ...q };
      const view = await allPages(kim, query);
      expect(view.names, JSON.stringify(q)).toEqual(expected(big, query));
    }
    expect((await teamPage(kim, { q: "%" })).shown).toBe(0);
  });

  it("never reaches past the viewer's tree, whatever the filters", async () => {
    const outside = [await idOf("priya"), await idOf("marcus")];
    for (const group of [...outside, "not-a-group"]) expect((await teamPage(kim, { group })).shown).toBe(0);
    expect((await teamPage(kim, { q: "Priya" })).shown).toBe(0);
    // A lead sees their own subtree only, even when asking for a sibling's group.
    const beta = (await loadViewer(big.find((p) => p.name === "Lead Beta")!.id))!;
    const gamma = big.find((p) => p.name === "Lead Gamma")!.id;
    expect((await teamPage(beta, { group: gamma })).shown).toBe(0);
    const betas = await allPages(beta, DEFAULT_QUERY);
    expect(betas.names).toHaveLength(200);
    expect(betas.names.every((n) => big.find((p) => p.name === n)!.group === big.find((p) => p.name === "Lead Beta")!.id)).toBe(true);
    expect(betas.names).not.toContain("Lead Beta");
  });

  it("ends the walk should the reporting lines hold a loop, and never shows the viewer", async () => {
    const alpha = big.find((p) => p.name === "Lead Alpha")!;
    await handle.db.update(users).set({ managerId: alpha.id }).where(eq(users.id, kim.id));
    try {
      const page = await teamPage(kim, { q: "Kim" });
      expect([page.size, page.shown]).toEqual([623, 0]);
      // Lead Alpha, below Kim and now above her too, sees Kim and everyone below her but themselves, each once.
      const alphas = await teamPage((await loadViewer(alpha.id))!, { q: "Lead" });
      expect(alphas.size).toBe(623);
      expect(names(members(alphas))).toEqual(["Lead Beta", "Lead Gamma"]);
    } finally {
      await handle.db.update(users).set({ managerId: null }).where(eq(users.id, kim.id));
    }
  });

  it("shows the nearest page there is for a page out of range, and reads a hostile address without failing", async () => {
    const pages = Math.ceil(623 / TEAM_PAGE_SIZE);
    for (const page of ["1e9", "99999999999999999999999", "-3", "0", "abc"]) {
      const { query } = parseTeamQuery({ page });
      const shown = await teamPage(kim, query);
      expect(shown.page, page).toBe(page.startsWith("-") || page === "0" || page === "abc" ? 1 : pages);
      expect(members(shown).length).toBeGreaterThan(0);
    }
    const { query, notes } = parseTeamQuery({ q: `Member\u0000 00${"x".repeat(10_000)}`, sort: "salary", dir: "up", step: "\u0007", status: "x", group: "../..", overdue: "yes", page: "-1" });
    expect(notes).toEqual({ ignored: ["sort", "dir", "step", "overdue", "status", "group"], searchCut: true });
    const shown = await teamPage(kim, query);
    expect(shown).toMatchObject({ shown: 0, page: 1, pages: 1, onPage: [] });
    // Control characters and runs of spaces are searched as one space.
    expect(names(members(await teamPage(kim, parseTeamQuery({ q: "member\u0000\u001f0042" }).query)))).toEqual(["Member 0042"]);
    expect(names(members(await teamPage(kim, parseTeamQuery({ q: "  member   0042 " }).query)))).toEqual(["Member 0042"]);
  });

  it("costs the same statements for a tree of 6 as for one of 623, however the view is filtered and sorted", async () => {
    const [small] = await handle.db.insert(users).values({ email: "sol.small@example.com", name: "Sol Small", role: "manager" }).returning({ id: users.id });
    const [lead] = await addPeople({ managerId: small!.id, viewerId: small!.id, names: ["Small Lead"], role: "manager", from: 1000 });
    await addPeople({ managerId: lead!.id, viewerId: small!.id, names: numbered("Small", 1001, 4), from: 1001 });
    await addPeople({ managerId: small!.id, viewerId: small!.id, names: ["Small Direct"], from: 1005 });
    const sol = (await loadViewer(small!.id))!;
    const views: Partial<TeamQuery>[] = [{}, { sort: "gap", status: "assessed" }, { sort: "evidence", dir: "asc", overdue: true, page: 3 }, { q: "0", step: "senior-engineer" }];
    for (const view of views) {
      const few = await counter.count(() => teamPage(sol, view));
      const many = await counter.count(() => teamPage(kim, view));
      expect(few.result.size).toBe(6);
      expect(many.result.size).toBe(623);
      expect([few.statements, many.statements], JSON.stringify(view)).toEqual([1, 1]);
    }
  });
});
