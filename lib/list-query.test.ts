import { describe, expect, it } from "vitest";
import { cleanSearch, parsePage } from "./list-query";

const MAX = 200;

describe("parsePage", () => {
  it("makes any page at least 1, and leaves huge pages huge for the count to bring down", () => {
    expect(["", "abc", "-5", "0", "0.5", "-Infinity"].map(parsePage)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(parsePage(undefined)).toBe(1);
    expect(parsePage("2.9")).toBe(2);
    expect(parsePage("1e9")).toBe(1e9);
    expect(["1e400", "Infinity", "99999999999999999999999"].map(parsePage)).toEqual([Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER]);
  });
});

describe("cleanSearch", () => {
  it("trims, folds spaces and control characters, and cuts a long search", () => {
    expect(cleanSearch("  Lena \t Fischer\u0000 ", MAX)).toEqual({ q: "Lena Fischer", cut: false });
    expect(cleanSearch("x".repeat(MAX), MAX)).toEqual({ q: "x".repeat(MAX), cut: false });
    const long = cleanSearch("y".repeat(10_000), MAX);
    expect([long.q.length, long.cut]).toEqual([MAX, true]);
    // Cut between characters, never inside one.
    expect(Array.from(cleanSearch("😀".repeat(300), MAX).q)).toHaveLength(MAX);
  });
});
