import { describe, expect, it } from "vitest";
import { quarterOf, quarterStarting, weekLabel, weekOf, weekStart } from "./quarters";

describe("quarters", () => {
  it("are the calendar's, in UTC", () => {
    expect(quarterOf(new Date("2026-12-08T12:00:00Z"))).toEqual({ start: "2026-10-01", end: "2026-12-31", label: "Q4 2026" });
    expect(quarterOf(new Date("2027-01-01T00:00:00Z"))).toEqual({ start: "2027-01-01", end: "2027-03-31", label: "Q1 2027" });
    expect(quarterOf(new Date("2028-02-29T23:59:59Z")).end).toBe("2028-03-31");
    expect(quarterOf(new Date("2026-06-30T23:59:59Z"))).toEqual({ start: "2026-04-01", end: "2026-06-30", label: "Q2 2026" });
  });

  it("start only on the first of January, April, July and October", () => {
    expect(quarterStarting("2026-07-01")?.label).toBe("Q3 2026");
    for (const day of ["2026-07-02", "2026-08-01", "2026-13-01", "nope", ""]) expect(quarterStarting(day)).toBeNull();
  });

  it("hold thirteen weeks, the last running to the quarter's end", () => {
    const q4 = quarterOf(new Date("2026-11-01T00:00:00Z"));
    expect(weekStart(q4, 1)).toBe("2026-10-01");
    expect(weekStart(q4, 5)).toBe("2026-10-29");
    expect(weekStart(q4, 13)).toBe("2026-12-24");
    expect(weekOf(q4, "2026-10-07")).toBe(1);
    expect(weekOf(q4, "2026-10-08")).toBe(2);
    expect(weekOf(q4, "2026-12-31")).toBe(13);
    expect(weekOf(q4, "2027-01-01")).toBeNull();
    expect(weekOf(q4, "2026-09-30")).toBeNull();
    expect(weekLabel(q4, 5)).toBe("Week 5, from 29 October");
  });
});
