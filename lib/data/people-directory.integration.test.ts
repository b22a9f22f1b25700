import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reportingTreeIds } from "@/db/people-store";
import { assessments, placements, reviewCycles, steps, teams, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/policy";
import { NotAllowedError } from "@/lib/errors";
import { DEFAULT_DIRECTORY_QUERY, FILTER_CHOICES_LIMIT, PAGE_SIZE, parseDirectoryQuery, SEARCH_MAX, type DirectoryQuery } from "@/lib/people/directory";
import type { TestDatabase } from "@/test/database";
import { createDemoDatabase } from "@/test/people";
import { installCountingDatabase } from "@/test/statement-counter";
import { findDirectoryChoices, getPeopleDirectory, type PeopleDirectory } from "./people-directory";

/**
 * The people directory against a real database: paging, search, filters and sorting in SQL,
 * out-of-range and malformed views, and the viewer's scope, which no filter widens.
 */

let handle: TestDatabase;
let as: (key: string) => Promise<Viewer>;
let idOf: (key: string) => Promise<string>;

beforeEach(async () => {
  ({ handle, as, idOf } = await createDemoDatabase());
});
afterEach(async () => {
  await handle.close();
});

const view = (over: Partial<DirectoryQuery> = {}): DirectoryQuery => ({ ...DEFAULT_DIRECTORY_QUERY, ...over });
const names = (d: PeopleDirectory) => d.people.map((p) => p.name);

/** Every page of a view, in order, as the pager would walk them. */
async function allPages(viewer: Viewer, query: DirectoryQuery): Promise<PeopleDirectory["people"]> {
  const first = await getPeopleDirectory(viewer, { ...query, page: 1 });
  const rest = await Promise.all(Array.from({ length: first.pages - 1 }, (_, i) => getPeopleDirectory(viewer, { ...query, page: i + 2 })));
  return [first, ...rest].flatMap((d) => d.people);
}

/**
 * `n` more people under a new manager who reports to Marcus, in two new teams, alternately placed
 * on Software Engineer and Software Engineer II, every tenth deactivated. Names sort after the demo's.
 */
async function addPeople(n: number) {
  const marcus = await idOf("marcus");
  const [dora] = await handle.db
    .insert(users)
    .values({ email: "dora.directory@example.com", name: "Dora Directory", role: "manager", managerId: marcus })
    .returning({ id: users.id });
  const [red, blue] = await handle.db.insert(teams).values([{ name: "Directory red" }, { name: "Directory blue" }]).returning({ id: teams.id });
  const people = await handle.db
    .insert(users)
    .values(
      Array.from({ length: n }, (_, i) => ({
        email: `zed.${String(i).padStart(4, "0")}@directory.example.com`,
        name: `Zed Person ${String(i).padStart(4, "0")}`,
        managerId: dora!.id,
        teamId: i % 2 === 0 ? red!.id : blue!.id,
        active: i % 10 !== 9,
      })),
    )
    .returning({ id: users.id });
  const stepRows = await handle.db.select({ id: steps.id, key: steps.key, versionId: steps.versionId }).from(steps);
  const se = stepRows.find((s) => s.key === "software-engineer")!;
  const se2 = stepRows.find((s) => s.key === "software-engineer-2")!;
  await handle.db.insert(placements).values(
    people.map((p, i) => {
      const step = i % 3 === 0 ? se2 : se;
      return { userId: p.id, versionId: step.versionId, stepId: step.id, effectiveOn: "2025-01-01", reason: "initial" as const };
    }),
  );
  return { dora: dora!.id, red: red!.id, blue: blue!.id, ids: people.map((p) => p.id) };
}

describe("who the directory lists", () => {
  it("lists everyone active to an admin, and a manager's reporting tree (without them) to a manager", async () => {
    const admin = await getPeopleDirectory(await as("alex"), view());
    expect(admin.total).toBe(13);
    expect(names(admin)[0]).toBe("Aisha Khan");
    expect(admin.pages).toBe(1);

    expect(names(await getPeopleDirectory(await as("priya"), view()))).toEqual(["Diego Alvarez", "Lena Fischer", "Mei Chen", "Sam Okafor"]);
    // Marcus sees Ravi, who reports to him through Jonas.
    expect(names(await getPeopleDirectory(await as("marcus"), view()))).toEqual(["Aisha Khan", "Ines Duarte", "Jonas Berg", "Noah Williams", "Ravi Patel", "Tom Becker"]);
  });

  it("refuses engineers", async () => {
    await expect(getPeopleDirectory(await as("sam"), view())).rejects.toBeInstanceOf(NotAllowedError);
  });

  it("no filter widens a manager's view: other teams, other managers, searches and every status stay outside", async () => {
    const { dora, red } = await addPeople(30);
    const priya = await as("priya");
    const marcus = await idOf("marcus");
    const product = (await handle.db.select({ id: teams.id }).from(teams).where(eq(teams.name, "Product")))[0]!.id;
    const tries: Partial<DirectoryQuery>[] = [
      {},
      { active: "all" },
      { active: "deactivated" },
      { team: product },
      { team: red },
      { team: "none" },
      { manager: marcus },
      { manager: dora },
      { manager: priya.id },
      { q: "aisha" },
      { q: "example.com", active: "all" },
      { q: "%" },
      { role: "admin" },
      { role: "manager" },
      { step: "software-engineer", active: "all" },
      { step: "not-placed", active: "all" },
      { status: "assessed" },
      { status: "not-submitted", active: "all" },
      { sort: "team", dir: "desc", active: "all", page: 1e9 },
    ];
    const tree = new Set(await reportingTreeIds(handle.db, priya.id));
    for (const t of tries) {
      for (const p of await allPages(priya, view(t))) expect(tree.has(p.id), JSON.stringify(t)).toBe(true);
    }
    expect((await getPeopleDirectory(priya, view({ manager: marcus }))).total).toBe(0);
    expect((await getPeopleDirectory(priya, view({ q: "aisha" }))).total).toBe(0);
    // Her own direct reports, by the manager filter.
    expect(names(await getPeopleDirectory(priya, view({ manager: priya.id })))).toEqual(["Diego Alvarez", "Lena Fischer", "Mei Chen", "Sam Okafor"]);
  });

  it("offers a manager, searching for a team or a manager by name, only the teams and managers of their own tree", async () => {
    await addPeople(10);
    const priya = await as("priya");
    const admin = await as("alex");
    const found = async (viewer: Viewer, search: { team?: string; manager?: string }) => {
      const { team, manager } = await findDirectoryChoices(viewer, { team: search.team ?? "", manager: search.manager ?? "" });
      return { team: team?.matches.map((t) => t.name), manager: manager?.matches.map((m) => m.name) };
    };
    // Every team and everyone with reports for the admin, matched on part of the name, ignoring case.
    expect(await found(admin, { team: "R" })).toEqual({ team: ["Directory blue", "Directory red", "Platform", "Product"], manager: undefined });
    expect(await found(admin, { team: "directory", manager: "ORA" })).toEqual({ team: ["Directory blue", "Directory red"], manager: ["Dora Directory"] });
    expect(await found(admin, { manager: "a" })).toEqual({ team: undefined, manager: ["Alex Morgan", "Dora Directory", "Jonas Berg", "Marcus Bell", "Priya Raman"] });
    // A name that starts with the search comes before one that holds it further on.
    await handle.db.insert(teams).values({ name: "Redwood" });
    expect((await found(admin, { team: "red" })).team).toEqual(["Redwood", "Directory red"]);
    // Priya: her team and herself, never Product, Marcus or Dora, whatever she types.
    expect(await found(priya, { team: "r" })).toEqual({ team: ["Platform"], manager: undefined });
    expect(await found(priya, { team: "product", manager: "marcus" })).toEqual({ team: [], manager: [] });
    expect(await found(priya, { team: "directory", manager: "dora" })).toEqual({ team: [], manager: [] });
    expect((await found(priya, { manager: "a" })).manager).toEqual(["Priya Raman"]);
    // What ILIKE treats specially is taken literally.
    expect(await found(admin, { team: "%", manager: "_" })).toEqual({ team: [], manager: [] });
    await expect(findDirectoryChoices(await as("sam"), { team: "a", manager: "" })).rejects.toBeInstanceOf(NotAllowedError);
  });

  it("offers at most a few matches, and says when there are more", async () => {
    await handle.db.insert(teams).values(Array.from({ length: FILTER_CHOICES_LIMIT + 5 }, (_, i) => ({ name: `Guild ${String(i).padStart(2, "0")}` })));
    const admin = await as("alex");
    const { team } = await findDirectoryChoices(admin, { team: "guild", manager: "" });
    expect(team!.matches).toHaveLength(FILTER_CHOICES_LIMIT);
    expect(team!.matches[0]!.name).toBe("Guild 00");
    expect(team!.more).toBe(true);
    const narrower = (await findDirectoryChoices(admin, { team: "guild 1", manager: "" })).team!;
    expect([narrower.matches.map((t) => t.name), narrower.more]).toEqual([["Guild 10", "Guild 11", "Guild 12"], false]);
  });

  it("names the team and manager a view is narrowed to only when the viewer may know them", async () => {
    const { dora, red } = await addPeople(4);
    const priya = await as("priya");
    const admin = await as("alex");
    const platform = (await handle.db.select({ id: teams.id }).from(teams).where(eq(teams.name, "Platform")))[0]!.id;
    const named = async (viewer: Viewer, over: Partial<DirectoryQuery>) => (await getPeopleDirectory(viewer, view(over))).filters;
    expect(await named(admin, { team: red, manager: dora })).toEqual({ team: { id: red, name: "Directory red" }, manager: { id: dora, name: "Dora Directory" } });
    expect(await named(priya, { team: platform, manager: priya.id })).toEqual({ team: { id: platform, name: "Platform" }, manager: { id: priya.id, name: "Priya Raman" } });
    expect(await named(priya, { manager: await idOf("sam") })).toMatchObject({ manager: { name: "Sam Okafor" } });
    // Another tree's team and manager: neither their names nor their people.
    const outside = await getPeopleDirectory(priya, view({ team: red, manager: dora, active: "all" }));
    expect([outside.filters, outside.total]).toEqual([{ team: { id: red, name: null }, manager: { id: dora, name: null } }, 0]);
    expect(await named(priya, { manager: await idOf("marcus") })).toEqual({ team: null, manager: { id: await idOf("marcus"), name: null } });
    expect(await named(admin, { team: "none" })).toEqual({ team: null, manager: null });
    expect(await named(admin, { team: crypto.randomUUID() })).toMatchObject({ team: { name: null } });
  });
});

describe("paging", () => {
  it("pages in fifties with a total, the pages never overlap, and together they hold everyone", async () => {
    const { ids } = await addPeople(120);
    const admin = await as("alex");
    const first = await getPeopleDirectory(admin, view());
    // 13 demo people, Dora and the 108 active of the 120.
    expect(first.total).toBe(13 + 1 + 108);
    expect(first.pages).toBe(3);
    expect(first.people).toHaveLength(PAGE_SIZE);
    const third = await getPeopleDirectory(admin, view({ page: 3 }));
    expect(third.page).toBe(3);
    expect(third.people).toHaveLength(122 - 2 * PAGE_SIZE);
    const every = await allPages(admin, view({ active: "all" }));
    expect(every).toHaveLength(13 + 1 + 120);
    expect(new Set(every.map((p) => p.id)).size).toBe(every.length);
    for (const id of ids) expect(every.some((p) => p.id === id)).toBe(true);
  });

  it("brings a page out of range to the nearest page that exists", async () => {
    await addPeople(120);
    const admin = await as("alex");
    for (const raw of ["-5", "0", "abc", "", "1.7", "%00"]) {
      const { query } = parseDirectoryQuery({ page: raw });
      expect((await getPeopleDirectory(admin, query)).page, raw).toBe(1);
    }
    for (const raw of ["4", "1000000000", "1e9", "99999999999999999999999", "1e400", "Infinity"]) {
      const { query } = parseDirectoryQuery({ page: raw });
      const last = await getPeopleDirectory(admin, query);
      expect([last.page, last.pages, last.people.length], raw).toEqual([3, 3, 22]);
    }
    // An empty view still has its page 1.
    const none = await getPeopleDirectory(admin, view({ q: "nobody-has-this", page: 7 }));
    expect([none.total, none.page, none.pages, none.people]).toEqual([0, 1, 1, []]);
  });
});

describe("search, filters and sorting", () => {
  it("searches names and emails, ignoring case, with % and _ taken literally", async () => {
    await addPeople(20);
    const admin = await as("alex");
    expect(names(await getPeopleDirectory(admin, view({ q: "FISCHER" })))).toEqual(["Lena Fischer"]);
    expect(names(await getPeopleDirectory(admin, view({ q: "sam.okafor@" })))).toEqual(["Sam Okafor"]);
    expect((await getPeopleDirectory(admin, view({ q: "directory.example" }))).total).toBe(18);
    expect((await getPeopleDirectory(admin, view({ q: "%" }))).total).toBe(0);
    expect((await getPeopleDirectory(admin, view({ q: "_" }))).total).toBe(0);
    expect((await getPeopleDirectory(admin, view({ q: "\\" }))).total).toBe(0);
    // A 10,000-character search is cut and answered, not a failure.
    const { query, notes } = parseDirectoryQuery({ q: `  ${"x".repeat(10_000)}  ` });
    expect([query.q.length, notes.searchCut]).toEqual([SEARCH_MAX, true]);
    expect((await getPeopleDirectory(admin, query)).total).toBe(0);
    const nul = parseDirectoryQuery({ q: "Lena\u0000" }).query;
    expect(names(await getPeopleDirectory(admin, nul))).toEqual(["Lena Fischer"]);
  });

  it("filters by team, role, manager (direct reports only), step and whether people are active", async () => {
    const { dora, red } = await addPeople(30);
    const admin = await as("alex");
    const all = await allPages(admin, view({ team: red, active: "all" }));
    expect(all).toHaveLength(15);
    expect(all.every((p) => p.team?.name === "Directory red")).toBe(true);
    expect(names(await getPeopleDirectory(admin, view({ team: "none" })))).toEqual(["Alex Morgan", "Dora Directory"]);
    expect(names(await getPeopleDirectory(admin, view({ role: "manager" })))).toEqual(["Dora Directory", "Jonas Berg", "Marcus Bell", "Priya Raman"]);
    // Marcus's direct reports: not Ravi, who reports to Jonas, nor Dora's people.
    expect(names(await getPeopleDirectory(admin, view({ manager: await idOf("marcus") })))).toEqual([
      "Aisha Khan",
      "Dora Directory",
      "Ines Duarte",
      "Jonas Berg",
      "Noah Williams",
      "Tom Becker",
    ]);
    expect((await getPeopleDirectory(admin, view({ manager: dora }))).total).toBe(27);
    expect((await getPeopleDirectory(admin, view({ manager: dora, active: "deactivated" }))).total).toBe(3);
    expect((await getPeopleDirectory(admin, view({ manager: dora, active: "all" }))).total).toBe(30);
    const se2 = await allPages(admin, view({ step: "software-engineer-2", active: "all" }));
    expect(se2.map((p) => p.name)).toContain("Lena Fischer");
    expect(se2.every((p) => p.step?.key === "software-engineer-2")).toBe(true);
    expect(se2.filter((p) => p.name.startsWith("Zed "))).toHaveLength(10);
    expect(names(await getPeopleDirectory(admin, view({ step: "not-placed" })))).toEqual(["Alex Morgan", "Dora Directory", "Jonas Berg", "Marcus Bell", "Priya Raman"]);
    expect((await getPeopleDirectory(admin, view({ step: "no-such-step" }))).total).toBe(0);
    // Filters combine: all of them narrow.
    const combined = await getPeopleDirectory(admin, view({ manager: dora, team: red, step: "software-engineer", q: "person 000" }));
    expect(combined.people.every((p) => p.team?.name === "Directory red" && p.step?.key === "software-engineer" && p.manager?.id === dora)).toBe(true);
    expect(names(combined)).toEqual(["Zed Person 0002", "Zed Person 0004", "Zed Person 0008"]);
  });

  it("sorts by name, email, team, step and role, either way, with people lacking a value last", async () => {
    await addPeople(6);
    const admin = await as("alex");
    const desc = await getPeopleDirectory(admin, view({ sort: "name", dir: "desc" }));
    expect(names(desc).slice(0, 2)).toEqual(["Zed Person 0005", "Zed Person 0004"]);
    expect(names(desc).at(-1)).toBe("Aisha Khan");
    const byEmail = await getPeopleDirectory(admin, view({ sort: "email" }));
    expect(byEmail.people.map((p) => p.email)).toEqual([...byEmail.people.map((p) => p.email)].sort());
    for (const dir of ["asc", "desc"] as const) {
      const byTeam = await getPeopleDirectory(admin, view({ sort: "team", dir }));
      expect(names(byTeam).slice(-2), dir).toEqual(["Alex Morgan", "Dora Directory"]);
      const teamsInOrder = byTeam.people.flatMap((p) => (p.team ? [p.team.name.toLowerCase()] : []));
      const sorted = [...teamsInOrder].sort();
      expect(teamsInOrder).toEqual(dir === "asc" ? sorted : sorted.reverse());

      const byStep = await getPeopleDirectory(admin, view({ sort: "step", dir }));
      expect(byStep.people.slice(-5).map((p) => p.step)).toEqual([null, null, null, null, null]);
    }
    const byStep = await getPeopleDirectory(admin, view({ sort: "step" }));
    expect(byStep.people[0]!.step?.name).toBe("Software Engineer");
    expect(byStep.people.find((p) => p.step?.key === "staff-engineer")).toBeDefined();
    const byStepDesc = await getPeopleDirectory(admin, view({ sort: "step", dir: "desc" }));
    expect(byStepDesc.people[0]!.name).toBe("Diego Alvarez");
    const byRole = await getPeopleDirectory(admin, view({ sort: "role", dir: "desc" }));
    expect(byRole.people.map((p) => p.role).slice(0, 5)).toEqual(["admin", "manager", "manager", "manager", "manager"]);
  });

  it("says where each review stands in the open cycle, as the viewer may know it, and filters by it", async () => {
    const priya = await as("priya");
    const mine = await getPeopleDirectory(priya, view());
    expect(mine.cycle?.name).toBeTruthy();
    const status = (d: PeopleDirectory, name: string) => d.people.find((p) => p.name === name)?.review;
    expect(status(mine, "Sam Okafor")).toBe("assessed");
    expect(names(await getPeopleDirectory(priya, view({ status: "assessed" })))).toEqual(["Sam Okafor"]);

    // Priya's draft of Lena's assessment is hers: the admin does not see it.
    const [cycle] = await handle.db.select({ id: reviewCycles.id }).from(reviewCycles).where(eq(reviewCycles.status, "open"));
    const [version] = await handle.db.select({ id: placements.versionId }).from(placements).limit(1);
    const lena = await idOf("lena");
    await handle.db.insert(assessments).values({ kind: "manager", subjectId: lena, authorId: priya.id, versionId: version!.id, cycleId: cycle!.id, status: "draft" });
    expect(status(await getPeopleDirectory(priya, view()), "Lena Fischer")).toBe("manager-draft");
    const admin = await as("alex");
    const adminView = await getPeopleDirectory(admin, view());
    expect(status(adminView, "Lena Fischer")).not.toBe("manager-draft");
    // Admins are not reviewed.
    expect(status(adminView, "Alex Morgan")).toBeNull();
    expect((await getPeopleDirectory(admin, view({ status: "manager-draft" }))).total).toBe(0);

    // With no cycle open there are no statuses, and a status filter is left out rather than matching nobody.
    await handle.db.update(reviewCycles).set({ status: "closed" });
    const closed = await getPeopleDirectory(priya, view({ status: "assessed" }));
    expect([closed.cycle, closed.total, closed.people.every((p) => p.review === null)]).toEqual([null, 4, true]);
  });
});

describe("the directory at scale", () => {
  it("reads a page in the same number of statements with 13 people and with 513", async () => {
    const counter = installCountingDatabase(handle);
    const admin = await as("alex");
    const priya = await as("priya");
    const heavy = view({ q: "e", step: "software-engineer", sort: "step", dir: "desc", status: "not-submitted", active: "all" });

    const platform = (await handle.db.select({ id: teams.id }).from(teams).where(eq(teams.name, "Platform")))[0]!.id;
    const narrowed = view({ team: platform, manager: priya.id });
    const search = { team: "o", manager: "a" };

    const small = await counter.count(() => getPeopleDirectory(admin, view()));
    const smallHeavy = await counter.count(() => getPeopleDirectory(admin, heavy));
    const smallManager = await counter.count(() => getPeopleDirectory(priya, view()));
    const smallNarrowed = await counter.count(() => getPeopleDirectory(priya, narrowed));
    const smallSearch = await counter.count(() => findDirectoryChoices(admin, search));
    await addPeople(500);
    const large = await counter.count(() => getPeopleDirectory(admin, view({ page: 4 })));
    const largeHeavy = await counter.count(() => getPeopleDirectory(admin, heavy));
    const largeManager = await counter.count(() => getPeopleDirectory(priya, view()));
    const largeNarrowed = await counter.count(() => getPeopleDirectory(priya, narrowed));
    const largeSearch = await counter.count(() => findDirectoryChoices(admin, search));
    expect(large.result.total).toBe(13 + 1 + 450);
    expect(large.result.people).toHaveLength(PAGE_SIZE);
    expect(largeHeavy.result.total).toBeGreaterThan(smallHeavy.result.total);
    expect(large.statements).toBe(small.statements);
    expect(largeHeavy.statements).toBe(smallHeavy.statements);
    expect(largeManager.statements).toBe(smallManager.statements);
    expect(largeNarrowed.statements).toBe(smallNarrowed.statements);
    expect(largeSearch.statements).toBe(smallSearch.statements);
    expect(largeSearch.result.manager!.matches.length).toBeGreaterThan(smallSearch.result.manager!.matches.length);
    console.log(`people directory: ${small.statements} statements with 13 people, ${large.statements} with 514`);
  });
});
