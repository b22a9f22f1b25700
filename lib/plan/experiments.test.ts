import { describe, expect, it } from "vitest";
import { isCheckInDue } from "./check-ins";
import { addDays, daysBetween, durationLabel, durationProblem, isOverdue, startRange } from "./experiments";

describe("experiment dates", () => {
  it("counts days across months, leap days and years", () => {
    expect(addDays("2028-02-27", 2)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(daysBetween("2026-01-01", "2026-03-01")).toBe(59);
    expect(daysBetween("2026-03-01", "2026-01-01")).toBe(-59);
  });

  it("takes one to twelve weeks, and says what is wrong otherwise", () => {
    expect(durationProblem("2026-01-05", "2026-03-02")).toBeNull();
    expect(durationProblem("2026-01-05", "2026-01-12")).toBeNull();
    expect(durationProblem("2026-01-05", "2026-03-30")).toBeNull();
    expect(durationProblem("2026-01-05", "2026-01-05")).toBe("End the experiment after the day it starts.");
    expect(durationProblem("2026-01-05", "2026-01-01")).toBe("End the experiment after the day it starts.");
    expect(durationProblem("2026-01-05", "2026-01-11")).toBe("Give it a week at least: end it on 2026-01-12 or later.");
    expect(durationProblem("2026-01-05", "2026-03-31")).toMatch(/^Twelve weeks at most: end it by 2026-03-30/);
  });

  it("says how long in weeks when it is whole weeks", () => {
    expect(durationLabel("2026-01-05", "2026-03-02")).toBe("8 weeks");
    expect(durationLabel("2026-01-05", "2026-01-12")).toBe("1 week");
    expect(durationLabel("2026-01-05", "2026-01-15")).toBe("10 days");
  });

  it("starts up to two years back and a year ahead", () => {
    expect(startRange("2026-06-01")).toEqual({ min: "2024-06-01", max: "2027-06-01" });
  });

  it("is overdue when open past its end date, not on it and not once closed", () => {
    expect(isOverdue({ endsOn: "2026-03-01", closedAt: null }, "2026-03-02")).toBe(true);
    expect(isOverdue({ endsOn: "2026-03-01", closedAt: null }, "2026-03-01")).toBe(false);
    expect(isOverdue({ endsOn: "2026-03-01", closedAt: new Date("2026-03-05T00:00:00Z") }, "2026-03-09")).toBe(false);
  });
});

describe("the check-in's rhythm", () => {
  const now = new Date("2026-12-08T10:00:00Z");
  it("is due with none yet, and six months after the last", () => {
    expect(isCheckInDue(null, now)).toBe(true);
    expect(isCheckInDue(new Date("2026-06-08T10:00:00Z"), now)).toBe(true);
    expect(isCheckInDue(new Date("2026-06-08T10:00:01Z"), now)).toBe(false);
    expect(isCheckInDue(new Date("2026-11-01T00:00:00Z"), now)).toBe(false);
    expect(isCheckInDue(new Date("2025-01-01T00:00:00Z"), now)).toBe(true);
  });
});
