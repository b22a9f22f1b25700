import { describe, expect, it } from "vitest";
import {
  DEFAULT_DIRECTORY_QUERY,
  directoryHref,
  isFiltered,
  parseDirectoryQuery,
  SEARCH_MAX,
  settledChoice,
  shorterHref,
  sortedBy,
  withManager,
  withTeam,
} from "./directory";

const ID = "6f1c2b9e-3d4a-4c5b-8e7f-0a1b2c3d4e5f";

describe("parseDirectoryQuery", () => {
  it("reads a full view", () => {
    const { query, notes } = parseDirectoryQuery({
      q: "  Lena  ",
      team: ID.toUpperCase(),
      role: "manager",
      manager: ID,
      step: "senior-engineer",
      status: "self-submitted",
      active: "all",
      sort: "step",
      dir: "desc",
      page: "3",
    });
    expect(query).toEqual({
      q: "Lena",
      team: ID,
      teamSearch: "",
      role: "manager",
      manager: ID,
      managerSearch: "",
      step: "senior-engineer",
      status: "self-submitted",
      active: "all",
      sort: "step",
      dir: "desc",
      page: 3,
    });
    expect(notes).toEqual({ ignored: [], searchCut: false });
  });

  it("reads a search for a team or a manager by name, cleaned like the search for people", () => {
    const { query, notes } = parseDirectoryQuery({ teamq: "  Plat\u0000form ", managerq: "marcus" });
    expect([query.teamSearch, query.managerSearch, query.team, query.manager]).toEqual(["Plat form", "marcus", null, null]);
    expect(notes.searchCut).toBe(false);
    expect(parseDirectoryQuery({ managerq: "m".repeat(SEARCH_MAX + 1) }).notes.searchCut).toBe(true);
  });

  it("falls back to the default view, and says which parameters it left out", () => {
    expect(parseDirectoryQuery({})).toEqual({ query: DEFAULT_DIRECTORY_QUERY, notes: { ignored: [], searchCut: false } });
    const { query, notes } = parseDirectoryQuery({
      sort: "nope",
      dir: "sideways",
      team: "%00",
      role: "wizard",
      manager: "not-an-id",
      step: "Senior Engineer",
      status: "done",
      active: "maybe",
      page: "-5",
    });
    expect(query).toEqual(DEFAULT_DIRECTORY_QUERY);
    expect(notes.ignored).toEqual(["sort", "team", "role", "manager", "step", "status", "active", "dir"]);
  });

  it("reads the first of repeated parameters, and empty ones as none", () => {
    const { query, notes } = parseDirectoryQuery({ sort: ["email", "name"], page: ["2", "9"], team: "", q: ["a", "b"] });
    expect([query.sort, query.page, query.team, query.q]).toEqual(["email", 2, null, "a"]);
    expect(notes.ignored).toEqual([]);
  });

  it("takes the team filter's 'no team' and the step filter's 'not placed'", () => {
    const { query } = parseDirectoryQuery({ team: "none", step: "not-placed" });
    expect([query.team, query.step]).toEqual(["none", "not-placed"]);
  });
});

describe("directoryHref", () => {
  it("leaves defaults out, so shared links stay short, and reads back as the same view", () => {
    expect(directoryHref(DEFAULT_DIRECTORY_QUERY)).toBe("/people");
    const view = { ...DEFAULT_DIRECTORY_QUERY, q: "a&b", team: ID, active: "all" as const, sort: "team" as const, dir: "desc" as const, page: 4 };
    const href = directoryHref(view);
    expect(href).toBe(`/people?q=a%26b&team=${ID}&active=all&sort=team&dir=desc&page=4`);
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(parseDirectoryQuery(params).query).toEqual(view);
  });

  it("sorts a column ascending first, then the other way, from the first page", () => {
    const page3 = { ...DEFAULT_DIRECTORY_QUERY, page: 3 };
    expect(sortedBy(page3, "step")).toMatchObject({ sort: "step", dir: "asc", page: 1 });
    expect(sortedBy({ ...page3, sort: "step" }, "step")).toMatchObject({ sort: "step", dir: "desc", page: 1 });
    expect(sortedBy({ ...page3, sort: "step", dir: "desc" }, "step")).toMatchObject({ dir: "asc" });
    expect(sortedBy(page3, "name")).toMatchObject({ sort: "name", dir: "desc" });
  });

  it("knows when a view narrows the directory", () => {
    expect(isFiltered(DEFAULT_DIRECTORY_QUERY)).toBe(false);
    expect(isFiltered({ ...DEFAULT_DIRECTORY_QUERY, sort: "email", page: 2 })).toBe(false);
    expect(isFiltered({ ...DEFAULT_DIRECTORY_QUERY, active: "all" })).toBe(true);
    // A search for a team to choose is not a filter yet.
    expect(isFiltered({ ...DEFAULT_DIRECTORY_QUERY, teamSearch: "plat" })).toBe(false);
  });

  it("sets and removes a team or manager filter from the first page, the search for it done", () => {
    const searching = { ...DEFAULT_DIRECTORY_QUERY, q: "a", teamSearch: "plat", managerSearch: "mar", page: 3 };
    expect(directoryHref(searching)).toBe("/people?q=a&teamq=plat&managerq=mar&page=3");
    expect(directoryHref(withTeam(searching, ID))).toBe(`/people?q=a&team=${ID}&managerq=mar`);
    expect(directoryHref(withManager(searching, ID))).toBe(`/people?q=a&teamq=plat&manager=${ID}`);
    expect(directoryHref(withTeam({ ...searching, team: ID }, null))).toBe("/people?q=a&managerq=mar");
    expect(directoryHref(withTeam(DEFAULT_DIRECTORY_QUERY, "none"))).toBe("/people?team=none");
  });
});

describe("settledChoice", () => {
  const team = (name: string) => ({ id: name.toLowerCase(), name });
  it("settles on the only match, or the only one named exactly what was typed", () => {
    expect(settledChoice("plat", [team("Platform")])).toEqual(team("Platform"));
    expect(settledChoice("PRODUCT", [team("Product"), team("Product ops")])).toEqual(team("Product"));
  });
  it("leaves the choice to the person when several match, or none", () => {
    expect(settledChoice("pro", [team("Product"), team("Product ops")])).toBeNull();
    expect(settledChoice("Alex Kim", [team("Alex Kim"), team("Alex Kim")])).toBeNull();
    expect(settledChoice("x", [])).toBeNull();
  });
});

describe("shorterHref", () => {
  it("sends what the form submits, empty and default fields included, to the short address", () => {
    const form = { q: "", team: "", role: "", manager: ID, step: "", status: "", active: "active", sort: "name", dir: "asc" };
    expect(shorterHref(form)).toBe(`/people?manager=${ID}`);
    expect(shorterHref({ q: "  Lena  ", active: "active" })).toBe("/people?q=Lena");
    expect(shorterHref({ page: "1" })).toBe("/people");
    expect(shorterHref({ page: ["2", "3"] })).toBe("/people?page=2");
  });

  it("leaves short addresses, and those whose parsing left something out, where they are", () => {
    expect(shorterHref({})).toBeNull();
    expect(shorterHref({ manager: ID, page: "2" })).toBeNull();
    expect(shorterHref({ q: "a b", sort: "email", dir: "desc" })).toBeNull();
    expect(shorterHref({ sort: "nope", q: "" })).toBeNull();
    expect(shorterHref({ q: "x".repeat(SEARCH_MAX + 1) })).toBeNull();
  });
});
