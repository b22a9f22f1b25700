import { describe, expect, it } from "vitest";
import { DEFAULT_QUERY, groupOptions, pageOfTeam, parseTeamQuery, sortedBy, stepOptions, teamHref, viewTeam, type TeamMember } from "./overview";

function member(name: string, over: Partial<TeamMember> = {}): TeamMember {
  const id = name.toLowerCase();
  return {
    id,
    name,
    manager: { id: "viewer", name: "Viewer" },
    headId: id,
    depth: 1,
    hasReports: false,
    step: null,
    time: null,
    review: null,
    evidenceCount: 0,
    status: "not-submitted",
    ...over,
  };
}

const se = { key: "software-engineer", name: "Software Engineer", position: 0 };
const senior = { key: "senior-engineer", name: "Senior Engineer", position: 3 };

const team: TeamMember[] = [
  member("Priya", { hasReports: true, step: null }),
  member("Mei", { headId: "priya", depth: 2, manager: { id: "priya", name: "Priya" }, step: se, time: { months: 15, expected: "6–12 months", status: "beyond" }, evidenceCount: 2 }),
  member("Sam", {
    headId: "priya",
    depth: 2,
    manager: { id: "priya", name: "Priya" },
    step: senior,
    time: { months: 30, expected: "2–3 years", status: "within" },
    evidenceCount: 3,
    status: "assessed",
    review: { cycleName: "H2", picks: [], gapCount: 1, gapSteps: 1 },
  }),
  member("Ada", { step: se, time: { months: 4, expected: "6–12 months", status: "early" }, status: "self-submitted" }),
  member("Bo", { step: senior, time: { months: 2, expected: "2–3 years", status: "early" }, evidenceCount: 7 }),
];

const shown = (query = DEFAULT_QUERY) => viewTeam(team, query).groups.map((g) => [g.title, g.members.map((m) => m.name)]);

describe("parseTeamQuery", () => {
  it("reads a shared view", () => {
    expect(parseTeamQuery({ q: " mei ", sort: "time", dir: "asc", step: "software-engineer", overdue: "1", status: "assessed", group: "direct" })).toEqual({
      q: "mei",
      sort: "time",
      dir: "asc",
      step: "software-engineer",
      overdue: true,
      status: "assessed",
      group: "direct",
      page: 1,
    });
    expect(parseTeamQuery({ page: "3" })).toMatchObject({ page: 3 });
  });

  it("falls back to the defaults on anything malformed", () => {
    expect(parseTeamQuery({ q: "x".repeat(500), sort: "salary", dir: "up", step: "<script>", overdue: "yes", status: "self-draft", group: "../../etc", page: "-2" })).toEqual(DEFAULT_QUERY);
    for (const page of ["0", "1.5", "1e400", "abc", "999999999"]) expect(parseTeamQuery({ page }).page).toBe(1);
    expect(parseTeamQuery({ sort: ["gap", "name"], q: ["a", "b"] })).toMatchObject({ sort: "gap", dir: "desc", q: "a" });
  });
});

describe("teamHref", () => {
  it("leaves the defaults out and round-trips the rest", () => {
    expect(teamHref(DEFAULT_QUERY)).toBe("/team");
    const query = { ...DEFAULT_QUERY, q: "a b", sort: "gap" as const, dir: "desc" as const, overdue: true };
    const href = teamHref(query);
    expect(href).toBe("/team?q=a+b&sort=gap&overdue=1");
    expect(parseTeamQuery(Object.fromEntries(new URL(href, "http://x").searchParams))).toEqual(query);
  });

  it("turns a column's direction on a second click", () => {
    expect(sortedBy(DEFAULT_QUERY, "name").dir).toBe("desc");
    expect(sortedBy(DEFAULT_QUERY, "evidence").dir).toBe("desc");
    expect(sortedBy({ ...DEFAULT_QUERY, sort: "evidence", dir: "desc" }, "evidence").dir).toBe("asc");
  });
});

describe("viewTeam", () => {
  it("groups the direct reports without reports together, and each other direct report with their subtree, head first", () => {
    expect(groupOptions(team)).toEqual([
      { id: "direct", title: "Reporting to you" },
      { id: "priya", title: "Priya's team" },
    ]);
    expect(shown()).toEqual([
      ["Reporting to you", ["Ada", "Bo"]],
      ["Priya's team", ["Priya", "Mei", "Sam"]],
    ]);
  });

  it("sorts within each group, people without a value last either way", () => {
    expect(shown({ ...DEFAULT_QUERY, sort: "evidence", dir: "desc" })).toEqual([
      ["Reporting to you", ["Bo", "Ada"]],
      ["Priya's team", ["Priya", "Sam", "Mei"]],
    ]);
    expect(shown({ ...DEFAULT_QUERY, sort: "gap", dir: "asc" })[1]).toEqual(["Priya's team", ["Priya", "Sam", "Mei"]]);
    expect(shown({ ...DEFAULT_QUERY, sort: "step", dir: "desc" })[0]).toEqual(["Reporting to you", ["Bo", "Ada"]]);
  });

  it("filters by name, step, overdue, review status and group, dropping empty groups", () => {
    expect(shown({ ...DEFAULT_QUERY, q: "MEI" })).toEqual([["Priya's team", ["Mei"]]]);
    expect(shown({ ...DEFAULT_QUERY, step: "senior-engineer" })).toEqual([
      ["Reporting to you", ["Bo"]],
      ["Priya's team", ["Sam"]],
    ]);
    expect(shown({ ...DEFAULT_QUERY, step: "not-placed" })).toEqual([["Priya's team", ["Priya"]]]);
    expect(shown({ ...DEFAULT_QUERY, overdue: true })).toEqual([["Priya's team", ["Mei"]]]);
    expect(shown({ ...DEFAULT_QUERY, status: "self-submitted" })).toEqual([["Reporting to you", ["Ada"]]]);
    expect(shown({ ...DEFAULT_QUERY, group: "direct" })).toEqual([["Reporting to you", ["Ada", "Bo"]]]);
    expect(viewTeam(team, { ...DEFAULT_QUERY, group: "nobody" }).shown).toBe(0);
  });

  it("offers the steps the team is at, in path order", () => {
    expect(stepOptions(team)).toEqual([
      { key: "software-engineer", name: "Software Engineer" },
      { key: "senior-engineer", name: "Senior Engineer" },
    ]);
  });
});

describe("pageOfTeam", () => {
  const names = (groups: ReturnType<typeof pageOfTeam>["groups"]) => groups.map((g) => [g.title, g.members.map((m) => m.name)]);
  const { groups } = viewTeam(team, DEFAULT_QUERY);

  it("cuts the view into pages across groups, heading a split group on each page", () => {
    const all = viewTeam(team, DEFAULT_QUERY).groups.flatMap((g) => g.members.map((m) => m.name));
    const first = pageOfTeam(groups, 1, 2);
    const second = pageOfTeam(groups, 2, 2);
    const third = pageOfTeam(groups, 3, 2);
    expect([first.pages, second.pages, third.pages]).toEqual([3, 3, 3]);
    expect([...names(first.groups), ...names(second.groups), ...names(third.groups)].flatMap(([, m]) => m as string[])).toEqual(all);
    // Priya's group holds three people: with two to a page it is split over pages 2 and 3, and headed on both.
    expect(names(second.groups)).toEqual([["Priya's team", ["Priya", "Mei"]]]);
    expect(names(third.groups)).toEqual([["Priya's team", ["Sam"]]]);
  });

  it("shows the last page for a page past the end, and one page for a short view", () => {
    expect(pageOfTeam(groups, 99, 2)).toMatchObject({ page: 3, pages: 3 });
    expect(pageOfTeam(groups, 1)).toMatchObject({ page: 1, pages: 1 });
    expect(names(pageOfTeam(groups, 1).groups)).toEqual(names(groups));
  });

  it("keeps the page in the shared address, and a new sort starts again at the first page", () => {
    expect(teamHref({ ...DEFAULT_QUERY, page: 2 })).toBe("/team?page=2");
    expect(sortedBy({ ...DEFAULT_QUERY, page: 4 }, "gap").page).toBe(1);
  });
});
