import { describe, expect, it } from "vitest";
import { calendarDateSchema } from "./validation";

const messageFor = (value: unknown) => {
  const r = calendarDateSchema.safeParse(value);
  return r.success ? null : r.error.issues.map((i) => i.message);
};

describe("calendarDateSchema", () => {
  it("takes real dates within the range", () => {
    for (const d of ["2026-02-28", "2024-02-29", "1900-01-01", "2200-12-31"]) expect(messageFor(d)).toBeNull();
    expect(calendarDateSchema.parse(" 2026-03-01 ")).toBe("2026-03-01");
  });

  it("refuses dates that do not exist, with one clear message", () => {
    for (const d of ["2026-02-30", "2025-02-29", "9999-99-99", "0000-00-00", "2026-13-01", "2026-1-1", "yesterday", "", "2026-02-28T00:00", "x".repeat(10_000)]) {
      expect(messageFor(d), d.slice(0, 20)).toEqual(["Use a real date, like 2026-12-31."]);
    }
    expect(messageFor(["2026-01-01", "2026-01-02"])).not.toBeNull();
  });

  it("refuses real dates far from now", () => {
    for (const d of ["0001-01-01", "1899-12-31", "2201-01-01", "9999-12-31"]) expect(messageFor(d)).toEqual(["Use a date between 1900 and 2200."]);
  });
});
