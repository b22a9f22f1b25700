import { describe, expect, it } from "vitest";
import { auditHref, cleanAuditFilter, pageNumbers, parseAuditQuery, showingLine } from "./query";

const ID = "6f1c2a7e-0b5d-4c3a-9e8f-1a2b3c4d5e6f";

describe("reading the audit page's URL", () => {
  it("reads every filter it offers", () => {
    expect(
      parseAuditQuery({ person: ID, action: "user.update", type: "user", from: "2026-01-01", to: "2026-01-31", sort: "oldest", page: "3" }),
    ).toEqual({ filter: { personId: ID, action: "user.update", entityType: "user", from: "2026-01-01", to: "2026-01-31", sort: "oldest", page: 3 }, problems: [] });
    expect(parseAuditQuery({})).toEqual({ filter: {}, problems: [] });
    expect(parseAuditQuery({ q: "  sam  ", page: "", sort: "" })).toEqual({ filter: { q: "sam" }, problems: [] });
  });

  it("moves a page out of range to the nearest page, and says so", () => {
    expect(parseAuditQuery({ page: "-1" })).toEqual({ filter: { page: 1 }, problems: ["Pages start at 1: this is the first page."] });
    expect(parseAuditQuery({ page: "0" }).filter).toEqual({ page: 1 });
    // Past the last page is settled once the log is counted.
    expect(parseAuditQuery({ page: "1000000000" }).filter).toEqual({ page: 1_000_000_000 });
    expect(parseAuditQuery({ page: "99999999999999999999999" }).filter.page).toBeGreaterThan(1e22);
    for (const page of ["1e400", "2.5", "abc", "%00", "0x10"]) {
      const { filter, problems } = parseAuditQuery({ page });
      expect(filter, page).toEqual({});
      expect(problems, page).toHaveLength(1);
    }
    expect(parseAuditQuery({ page: ["2", "7"] }).filter).toEqual({ page: 2 });
  });

  it("leaves out what it cannot use, with a sentence for each", () => {
    const long = "x".repeat(10_000);
    const { filter, problems } = parseAuditQuery({
      person: "not-a-uuid",
      q: long,
      action: "user.explode",
      type: "widget",
      from: "2026-02-30",
      to: "9999-99-99",
      sort: "sideways",
    });
    expect(filter).toEqual({});
    expect(problems).toHaveLength(7);
    // A long value is quoted short.
    expect(problems.join(" ").length).toBeLessThan(1_500);
  });

  it("swaps dates given the wrong way round, and keeps dates within the range Waymark takes", () => {
    expect(parseAuditQuery({ from: "2026-12-31", to: "2026-01-01" })).toEqual({
      filter: { from: "2026-01-01", to: "2026-12-31" },
      problems: ["The start date was after the end date: they have been swapped."],
    });
    expect(parseAuditQuery({ from: "0001-01-01", to: "9999-12-31" }).filter).toEqual({});
    expect(parseAuditQuery({ from: "1900-01-01", to: "2200-12-31" }).filter).toEqual({ from: "1900-01-01", to: "2200-12-31" });
  });

  it("drops control characters, which PostgreSQL refuses in text", () => {
    expect(cleanAuditFilter({ q: "sa\u0000m" }).filter).toEqual({ q: "sam" });
    expect(cleanAuditFilter({ q: "\u0000" }).filter).toEqual({});
  });

  it("takes a caller's typed filter unchanged, so the data layer can check it again", () => {
    const filter = { personId: ID, action: "case.decide", entityType: "promotion_case", from: "2026-01-01", sort: "newest", page: 2 } as const;
    expect(cleanAuditFilter(filter)).toEqual({ filter, problems: [] });
  });
});

describe("the audit page's address", () => {
  it("holds only what differs from the plain log, and prefers a search to a chosen person", () => {
    expect(auditHref({})).toBe("/audit");
    expect(auditHref({ page: 1, sort: "newest" })).toBe("/audit");
    expect(auditHref({ personId: ID, action: "user.update", page: 2, sort: "oldest" })).toBe(`/audit?person=${ID}&action=user.update&sort=oldest&page=2`);
    expect(auditHref({ personId: ID, q: "sam & co" })).toBe("/audit?q=sam+%26+co");
    expect(parseAuditQuery(Object.fromEntries(new URLSearchParams(auditHref({ entityType: "team", from: "2026-01-01", to: "2026-02-01" }).split("?")[1])))).toEqual({
      filter: { entityType: "team", from: "2026-01-01", to: "2026-02-01" },
      problems: [],
    });
  });
});

describe("the page's counts and page numbers", () => {
  it("says which events are shown, of how many", () => {
    expect(showingLine({ page: 2, total: 25_003, shown: 50 })).toBe("Showing 51–100 of 25,003 events");
    expect(showingLine({ page: 501, total: 25_003, shown: 3 })).toBe("Showing 25,001–25,003 of 25,003 events");
    expect(showingLine({ page: 1, total: 7, shown: 7 })).toBe("Showing all 7 events");
    expect(showingLine({ page: 1, total: 1, shown: 1 })).toBe("Showing all 1 event");
    expect(showingLine({ page: 1, total: 0, shown: 0 })).toBe("No events");
    expect(showingLine({ page: 3, total: 10_001, exact: false, shown: 50 })).toBe("Showing 101–150 of more than 10,000 events");
  });

  it("offers the first and last pages and those around this one", () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(1, 3)).toEqual([1, 2, 3]);
    expect(pageNumbers(5, 501)).toEqual([1, null, 4, 5, 6, null, 501]);
    expect(pageNumbers(3, 501)).toEqual([1, 2, 3, 4, null, 501]);
    expect(pageNumbers(501, 501)).toEqual([1, null, 500, 501]);
    expect(pageNumbers(4, 201, { lastKnown: false })).toEqual([1, 2, 3, 4, 5, null]);
  });
});
