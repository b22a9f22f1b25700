import { describe, expect, it } from "vitest";
import { DEFAULT_QUERY, groupOptions, parseTeamQuery, sortedBy, stepOptions, teamHref, viewTeam, type TeamMember } from "./overview";

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
    });
  });

  it("falls back to the defaults on anything malformed", () => {
    expect(parseTeamQuery({ q: "x".repeat(500), sort: "salary", dir: "up", step: "<script>", overdue: "yes", status: "self-draft", group: "../../etc" })).toEqual(DEFAULT_QUERY);
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
