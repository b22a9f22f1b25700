import { describe, expect, it } from "vitest";
import { DEFAULT_QUERY, groupPage, isFiltered, parseTeamQuery, sortedBy, TEAM_SEARCH_MAX, teamHref, type TeamMember } from "./overview";

describe("parseTeamQuery", () => {
  it("reads a shared view", () => {
    expect(parseTeamQuery({ q: " mei ", sort: "time", dir: "asc", step: "software-engineer", overdue: "1", status: "assessed", group: "direct", page: "3" })).toEqual({
      query: { q: "mei", sort: "time", dir: "asc", step: "software-engineer", overdue: true, status: "assessed", group: "direct", page: 3 },
      notes: { ignored: [], searchCut: false },
    });
    // A column's own first direction when the address gives none.
    expect(parseTeamQuery({ sort: "gap" }).query.dir).toBe("desc");
    expect(parseTeamQuery({ group: "6F1C2B9E-3D4A-4C5B-8E7F-0A1B2C3D4E5F" }).query.group).toBe("6f1c2b9e-3d4a-4c5b-8e7f-0a1b2c3d4e5f");
  });

  it("falls back to the default view on anything malformed, and says which parameters it left out", () => {
    const { query, notes } = parseTeamQuery({ sort: "salary", dir: "up", step: "<script>", overdue: "yes", status: "self-draft", group: "../../etc", page: "-2" });
    expect(query).toEqual(DEFAULT_QUERY);
    expect(notes).toEqual({ ignored: ["sort", "dir", "step", "overdue", "status", "group"], searchCut: false });
    expect(parseTeamQuery({})).toEqual({ query: DEFAULT_QUERY, notes: { ignored: [], searchCut: false } });
    // Empty fields, as the filter form sends them, are "any", not mistakes.
    expect(parseTeamQuery({ q: "", step: "", status: "", group: "", sort: "", dir: "" }).notes.ignored).toEqual([]);
  });

  it("brings any page to at least 1 and leaves a huge one for the data layer to bring down to the last", () => {
    for (const page of ["0", "-1", "-1e9", "abc", "", "NaN"]) expect(parseTeamQuery({ page }).query.page, page).toBe(1);
    expect(parseTeamQuery({ page: "2.7" }).query.page).toBe(2);
    expect(parseTeamQuery({ page: "1e9" }).query.page).toBe(1e9);
    expect(parseTeamQuery({ page: "1e400" }).query.page).toBe(Number.MAX_SAFE_INTEGER);
  });

  it("cleans a hostile search: control characters and NUL bytes become spaces, a long one is cut and said so", () => {
    expect(parseTeamQuery({ q: "mei\u0000\u0007 \t chen\u007f" })).toMatchObject({ query: { q: "mei chen" }, notes: { searchCut: false } });
    const long = parseTeamQuery({ q: "x".repeat(10_000) });
    expect([long.query.q.length, long.notes.searchCut]).toEqual([TEAM_SEARCH_MAX, true]);
    expect(parseTeamQuery({ q: "\u0000\u0000" }).query.q).toBe("");
  });

  it("reads the first of repeated parameters", () => {
    expect(parseTeamQuery({ sort: ["gap", "name"], q: ["a", "b"], page: ["2", "5"] }).query).toMatchObject({ sort: "gap", dir: "desc", q: "a", page: 2 });
  });
});

describe("teamHref", () => {
  it("leaves the defaults out and round-trips the rest", () => {
    expect(teamHref(DEFAULT_QUERY)).toBe("/team");
    const query = { ...DEFAULT_QUERY, q: "a b", sort: "gap" as const, dir: "desc" as const, overdue: true, page: 2 };
    const href = teamHref(query);
    expect(href).toBe("/team?q=a+b&sort=gap&overdue=1&page=2");
    expect(parseTeamQuery(Object.fromEntries(new URL(href, "http://x").searchParams)).query).toEqual(query);
  });

  it("turns a column's direction on a second click, from the first page", () => {
    expect(sortedBy(DEFAULT_QUERY, "name").dir).toBe("desc");
    expect(sortedBy(DEFAULT_QUERY, "evidence").dir).toBe("desc");
    expect(sortedBy({ ...DEFAULT_QUERY, sort: "evidence", dir: "desc" }, "evidence").dir).toBe("asc");
    expect(sortedBy({ ...DEFAULT_QUERY, page: 4 }, "gap").page).toBe(1);
  });

  it("tells a filtered view from the whole team", () => {
    expect(isFiltered(DEFAULT_QUERY)).toBe(false);
    expect(isFiltered({ ...DEFAULT_QUERY, sort: "gap", page: 3 })).toBe(false);
    expect(isFiltered({ ...DEFAULT_QUERY, overdue: true })).toBe(true);
  });
});

describe("groupPage", () => {
  const member = (name: string): TeamMember => ({
    id: name.toLowerCase(),
    name,
    manager: { id: "v", name: "Viewer" },
    depth: 1,
    step: null,
    time: null,
    review: null,
    evidenceCount: 0,
    status: null,
  });
  const rows = [
    { name: "Ada", group: "direct", head: "", total: 2 },
    { name: "Bo", group: "direct", head: "", total: 2 },
    { name: "Priya", group: "p", head: "Priya", total: 9 },
    { name: "Mei", group: "p", head: "Priya", total: 9 },
  ];

  it("heads consecutive people of one group once, with how many of the group the view holds", () => {
    const groups = groupPage(rows, (r) => ({ id: r.group, headName: r.head, total: r.total }), (r) => member(r.name));
    expect(groups.map((g) => [g.id, g.title, g.total, g.members.map((m) => m.name)])).toEqual([
      ["direct", "Reporting to you", 2, ["Ada", "Bo"]],
      ["p", "Priya's team", 9, ["Priya", "Mei"]],
    ]);
    expect(groupPage([], () => ({ id: "x", headName: "", total: 0 }), () => member("x"))).toEqual([]);
  });
});
