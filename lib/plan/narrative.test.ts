import { describe, expect, it } from "vitest";
import { inQuarter, narrativeMarkdown, type NarrativeInput } from "./narrative";
import { quarterOf } from "./quarters";

const quarter = quarterOf(new Date("2026-11-15T12:00:00Z"));
const base: NarrativeInput = {
  owner: { name: "Sam Okafor" },
  quarter,
  northStar: "",
  horizon: null,
  lanes: [],
  milestones: [],
  experiments: [],
  evidence: [],
  evidenceTotal: 0,
  checkIn: null,
};

describe("the quarterly narrative", () => {
  it("keeps the experiments that ran at some point in the quarter", () => {
    const runs = [
      { startsOn: "2026-08-01", endsOn: "2026-09-30" },
      { startsOn: "2026-09-01", endsOn: "2026-10-01" },
      { startsOn: "2026-12-31", endsOn: "2027-02-01" },
      { startsOn: "2027-01-01", endsOn: "2027-02-01" },
    ];
    expect(inQuarter(quarter, runs)).toEqual([runs[1], runs[2]]);
  });

  it("says what is missing rather than leaving a section empty", () => {
    const md = narrativeMarkdown(base);
    expect(md.startsWith("# Sam Okafor: Q4 2026\n\n1 October 2026 to 31 December 2026.")).toBe(true);
    for (const line of ["_No north star written yet._", "_No lanes yet._", "_No experiment ran this quarter._", "_No evidence dated this quarter._", "_No check-in yet._"]) expect(md).toContain(line);
  });

  it("marks milestones done, experiments by where they stand, counts evidence left out, and escapes every text", () => {
    const md = narrativeMarkdown({
      ...base,
      northStar: "Own *payments*",
      horizon: "2028-12",
      lanes: [{ position: 1, name: "Depth # one", outcome: "", metrics: "" }],
      milestones: [{ lane: 1, title: "[link](javascript:alert(1))", targetWeek: 2, artifact: "talk", success: "", done: true, evidence: null }],
      experiments: [
        { hypothesis: "A", startsOn: "2026-10-05", endsOn: "2026-11-02", outcome: "", nextStep: "", closedAt: null, overdue: true },
        { hypothesis: "B", startsOn: "2026-10-05", endsOn: "2026-12-28", outcome: "It worked.", nextStep: "Keep it.", closedAt: new Date(), overdue: false },
      ],
      evidence: [{ title: "RFC", kind: "Design doc", occurredOn: "2026-10-20" }],
      evidenceTotal: 31,
    });
    expect(md).toContain("Own \\*payments\\* (by December 2028)");
    expect(md).toContain("### Depth \\# one");
    expect(md).toContain("- [x] \\[link\\](javascript:alert(1)): week 2 (from 8 October 2026), talk");
    expect(md).toContain("- A (5 October 2026 to 2 November 2026; open, past its end)");
    expect(md).toContain("- B (5 October 2026 to 28 December 2026; closed)\n  - Outcome: It worked.\n  - Next step: Keep it.");
    expect(md).toContain("- 20 October 2026: RFC (Design doc)\n- And 30 more.");
  });
});
