import { describe, expect, it } from "vitest";
import { milestoneArtifact } from "@/db/schema";
import { addMonths, horizonRange, isMonth, laneSlots, MILESTONE_ARTIFACTS, milestoneArtifactLabel, monthLabel, monthOf } from "./choices";

describe("months", () => {
  it("are real months written YYYY-MM", () => {
    for (const month of ["2028-01", "2028-12", "1999-06"]) expect(isMonth(month)).toBe(true);
    for (const month of ["2028-00", "2028-13", "2028-1", "28-01", "2028-01-01", "2028/01", "", " 2028-01", "2028-01\u0000"]) expect(isMonth(month)).toBe(false);
  });

  it("are counted across years, either way", () => {
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2026-12", 120)).toBe("2036-12");
    expect(monthOf(new Date("2026-12-31T23:59:59Z"))).toBe("2026-12");
  });

  it("read as people say them", () => {
    expect(monthLabel("2028-06")).toBe("June 2028");
    expect(monthLabel("nope")).toBe("nope");
  });
});

describe("horizonRange", () => {
  it("runs from this month to ten years ahead", () => {
    expect(horizonRange(new Date("2026-12-08T12:00:00Z"))).toEqual({ min: "2026-12", max: "2036-12" });
  });

  it("gives a day's slack at the turn of a month, for calendars either side of UTC", () => {
    // Early on 1 January in UTC it is still 31 December west of it; late on 31 December it is already January east of it.
    expect(horizonRange(new Date("2027-01-01T03:00:00Z"))).toEqual({ min: "2026-12", max: "2037-01" });
    expect(horizonRange(new Date("2026-12-31T20:00:00Z"))).toEqual({ min: "2026-12", max: "2037-01" });
  });
});

describe("laneSlots", () => {
  it("offers the default lanes for a plan never saved", () => {
    expect(laneSlots({ saved: false, lanes: [] }).map((l) => l.name)).toEqual(["Technical depth", "Systems thinking and impact", "Leadership and influence"]);
  });

  it("puts a saved plan's lanes in their cards by position, with an empty card where it has none", () => {
    const slots = laneSlots({ saved: true, lanes: [{ position: 3, name: "Influence", outcome: "Lead the guild.", metrics: "" }, { position: 1, name: "Depth", outcome: "", metrics: "Two RFCs." }] });
    expect(slots).toEqual([
      { name: "Depth", outcome: "", metrics: "Two RFCs." },
      { name: "", outcome: "", metrics: "" },
      { name: "Influence", outcome: "Lead the guild.", metrics: "" },
    ]);
    expect(laneSlots({ saved: true, lanes: [] }).every((l) => l.name === "")).toBe(true);
  });
});

describe("milestone artifacts", () => {
  it("are the database's list, each with a label", () => {
    expect([...MILESTONE_ARTIFACTS]).toEqual(milestoneArtifact.enumValues);
    expect(MILESTONE_ARTIFACTS.map((a) => milestoneArtifactLabel[a])).toEqual(["Design doc", "Talk", "Postmortem", "Reusable tool", "Dashboard", "Mentoring plan", "Written playbook", "Other"]);
  });
});
