import { describe, expect, it } from "vitest";
import { isCalendarDate, isoDate, longDate, longDateTime, monthsBefore, parseIsoDate, wholeMonthsBetween } from "./dates";

describe("calendar dates", () => {
  it("round-trips an ISO date", () => {
    expect(isoDate(parseIsoDate("2026-02-28"))).toBe("2026-02-28");
  });

  it("refuses dates that do not exist", () => {
    expect(() => parseIsoDate("2026-02-30")).toThrow(RangeError);
    expect(() => parseIsoDate("yesterday")).toThrow(RangeError);
  });

  it("steps back whole months, clamping to the end of a shorter month", () => {
    expect(isoDate(monthsBefore(parseIsoDate("2026-11-23"), 14))).toBe("2025-09-23");
    expect(isoDate(monthsBefore(parseIsoDate("2026-03-31"), 1))).toBe("2026-02-28");
    expect(isoDate(monthsBefore(parseIsoDate("2024-03-31"), 1))).toBe("2024-02-29");
  });

  it("counts a month once its day is reached", () => {
    expect(wholeMonthsBetween(parseIsoDate("2025-09-23"), parseIsoDate("2026-11-22"))).toBe(13);
    expect(wholeMonthsBetween(parseIsoDate("2025-09-23"), parseIsoDate("2026-11-23"))).toBe(14);
    expect(wholeMonthsBetween(parseIsoDate("2026-11-23"), parseIsoDate("2026-01-01"))).toBe(0);
  });
});

describe("isCalendarDate", () => {
  it("knows which days exist", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-30")).toBe(false);
    expect(isCalendarDate("2026-13-01")).toBe(false);
    expect(isCalendarDate("26-01-01")).toBe(false);
  });
});

describe("longDate", () => {
  it("writes a calendar date and a moment the same way, in UTC", () => {
    expect(longDate("2026-12-10")).toBe("10 December 2026");
    expect(longDate(new Date("2026-11-23T23:30:00Z"))).toBe("23 November 2026");
  });
});

describe("longDateTime", () => {
  it("adds the time of day in UTC, to the minute", () => {
    expect(longDateTime(new Date("2024-05-25T14:03:59Z"))).toBe("25 May 2024, 14:03");
    expect(longDateTime(new Date("2026-11-23T23:30:00-02:00"))).toBe("24 November 2026, 01:30");
  });
});
