import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { isEmptyLane, milestoneFieldsSchema, planBasicsSchema, PLAN_LIMITS, readPlanBasicsForm } from "./schemas";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-12-08T12:00:00Z"));
});
afterEach(() => {
  vi.useRealTimers();
});

/** What the plan form sends: each field flat, as a browser posts it. */
const form = (patch: Record<string, string | string[]> = {}) => ({
  revision: "3",
  northStar: "The go-to owner of the payments platform.",
  horizon: "2029-06",
  "lanes.0.name": "Technical depth",
  "lanes.0.outcome": "I design the ledger's next storage layer.",
  "lanes.0.metrics": "Two design docs accepted.",
  "lanes.1.name": "Systems thinking and impact",
  "lanes.1.outcome": "",
  "lanes.1.metrics": "",
  "lanes.2.name": "",
  "lanes.2.outcome": "",
  "lanes.2.metrics": "",
  ...patch,
});

/** Each field's errors, keyed as the form names its fields. */
function errorsOf(input: unknown): Record<string, string[]> {
  const result = planBasicsSchema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (errors[issue.path.join(".") || "form"] ??= []).push(issue.message);
  return errors;
}

describe("readPlanBasicsForm", () => {
  it("reads the form's flat fields as the plan, lane by lane in order", () => {
    expect(readPlanBasicsForm(form())).toEqual({
      revision: "3",
      northStar: "The go-to owner of the payments platform.",
      horizon: "2029-06",
      lanes: [
        { name: "Technical depth", outcome: "I design the ledger's next storage layer.", metrics: "Two design docs accepted." },
        { name: "Systems thinking and impact", outcome: "", metrics: "" },
        { name: "", outcome: "", metrics: "" },
      ],
    });
  });

  it("reads three lanes whatever else is sent, and leaves an object that has its lanes as it is", () => {
    const read = readPlanBasicsForm(form({ "lanes.3.name": "A fourth", "lanes.-1.name": "x", ownerId: "someone-else" })) as { lanes: unknown[] };
    expect(read.lanes).toHaveLength(3);
    expect(read).not.toHaveProperty("ownerId");
    const object = { revision: 0, northStar: "x", horizon: "2029-06", lanes: [] };
    expect(readPlanBasicsForm(object)).toBe(object);
    for (const odd of [null, "text", ["a"], 42]) expect(readPlanBasicsForm(odd)).toBe(odd);
  });
});

describe("planBasicsSchema", () => {
  it("takes the form's fields: trimmed, line breaks as typed, the revision as a number", () => {
    const plan = planBasicsSchema.parse(form({ northStar: "  Own payments.\r\nEnd to end.  ", "lanes.0.name": "  Depth  " }));
    expect(plan).toEqual({
      revision: 3,
      northStar: "Own payments.\nEnd to end.",
      horizon: "2029-06",
      lanes: [
        { name: "Depth", outcome: "I design the ledger's next storage layer.", metrics: "Two design docs accepted." },
        { name: "Systems thinking and impact", outcome: "", metrics: "" },
        { name: "", outcome: "", metrics: "" },
      ],
    });
    expect(plan.lanes.map(isEmptyLane)).toEqual([false, false, true]);
    // Parsing what it gave back gives the same plan: the data layer parses again what an action parsed.
    expect(planBasicsSchema.parse(plan)).toEqual(plan);
  });

  it("takes a plan as an object, with no id of anyone's plan or person in what it keeps", () => {
    const plan = planBasicsSchema.parse({ revision: 0, northStar: "Staff engineer.", horizon: "2028-01", lanes: [{ name: "Depth" }], ownerId: "x", planId: "y", personId: "z" });
    expect(plan).toEqual({ revision: 0, northStar: "Staff engineer.", horizon: "2028-01", lanes: [{ name: "Depth", outcome: "", metrics: "" }] });
  });

  it("holds each text to its limit, a line break counting as one character", () => {
    const lines = (n: number) => Array.from({ length: n / 10 }, () => "123456789").join("\r\n") + "x";
    expect(lines(PLAN_LIMITS.northStar).replace(/\r\n/g, "\n")).toHaveLength(PLAN_LIMITS.northStar);
    expect(errorsOf(form({ northStar: lines(PLAN_LIMITS.northStar), "lanes.0.outcome": "o".repeat(PLAN_LIMITS.outcome), "lanes.0.metrics": "m".repeat(PLAN_LIMITS.metrics) }))).toEqual({});
    expect(errorsOf(form({ "lanes.2.name": "n".repeat(PLAN_LIMITS.laneName) }))).toEqual({});
    expect(
      errorsOf(
        form({
          northStar: "n".repeat(PLAN_LIMITS.northStar + 1),
          "lanes.0.name": "n".repeat(PLAN_LIMITS.laneName + 1),
          "lanes.0.outcome": "o".repeat(PLAN_LIMITS.outcome + 1),
          "lanes.1.metrics": "m".repeat(PLAN_LIMITS.metrics + 1),
        }),
      ),
    ).toEqual({
      northStar: ["Keep the north star under 1,000 characters."],
      "lanes.0.name": ["Use at most 80 characters."],
      "lanes.0.outcome": ["Keep the outcome under 1,000 characters."],
      "lanes.1.metrics": ["Keep the metrics under 1,000 characters."],
    });
  });

  it("asks for a north star, and for a name on a lane that has anything in it", () => {
    expect(errorsOf(form({ northStar: "  \r\n " }))).toEqual({ northStar: ["Say where you are heading: one outcome, two or three years out."] });
    expect(errorsOf(form({ "lanes.0.name": "" }))).toEqual({ "lanes.0.name": ["Name this lane, or clear it to leave it out."] });
    expect(errorsOf(form({ "lanes.2.metrics": "p99 under 200 ms" }))).toEqual({ "lanes.2.name": ["Name this lane, or clear it to leave it out."] });
  });

  it("refuses two lanes of the same name, whatever their case", () => {
    expect(errorsOf(form({ "lanes.1.name": "technical DEPTH" }))).toEqual({ "lanes.1.name": ["Another lane has this name: give each lane its own."] });
  });

  it("takes a horizon from this month to ten years ahead, and no other", () => {
    for (const horizon of ["2026-12", "2031-06", "2036-12"]) expect(errorsOf(form({ horizon }))).toEqual({});
    expect(errorsOf(form({ horizon: " 2029-06 " }))).toEqual({});
    expect(errorsOf(form({ horizon: "" }))).toEqual({ horizon: ["Choose the month you aim for."] });
    for (const horizon of ["2029-13", "2029-00", "2029-6", "June 2029", "2029-06-01", "2029-06\u0000"]) expect(errorsOf(form({ horizon }))).toEqual({ horizon: ["Use a month, like 2028-06."] });
    expect(errorsOf(form({ horizon: "2026-11" }))).toEqual({ horizon: ["A north star lies ahead: choose December 2026 or later."] });
    expect(errorsOf(form({ horizon: "2037-01" }))).toEqual({ horizon: ["Choose a month within ten years, up to December 2036."] });
    expect(errorsOf(form({ horizon: "9999-12" }))).toEqual({ horizon: ["Choose a month within ten years, up to December 2036."] });
  });

  it("refuses control characters, which PostgreSQL refuses in text (a NUL) or nobody types, and line breaks in a name", () => {
    expect(
      errorsOf(form({ northStar: "Own\u0000payments", "lanes.0.outcome": "bell\u0007", "lanes.0.metrics": "esc\u001b[31m", "lanes.1.name": "Two\nlines", "lanes.2.name": "Tab\tbed" })),
    ).toEqual({
      northStar: ["Use text, not control characters."],
      "lanes.0.outcome": ["Use text, not control characters."],
      "lanes.0.metrics": ["Use text, not control characters."],
      "lanes.1.name": ["Use letters, not line breaks or control characters."],
      "lanes.2.name": ["Use letters, not line breaks or control characters."],
    });
    // Tabs and line breaks are text in the longer fields; markup is text too, shown as typed.
    expect(errorsOf(form({ "lanes.0.outcome": "a\tb\nc", northStar: "<script>alert(1)</script> **bold** ‮evil" }))).toEqual({});
  });

  it("refuses values of the wrong shape: a field sent twice, four lanes, a revision that is not a count", () => {
    expect(errorsOf(form({ northStar: ["one", "two"] }))).toEqual({ northStar: ["Use text."] });
    expect(errorsOf({ revision: 1, northStar: "x", horizon: "2029-06", lanes: [{}, {}, {}, {}] })).toEqual({ lanes: ["A plan has 3 lanes at most."] });
    expect(errorsOf({ revision: 1, northStar: "x", horizon: "2029-06", lanes: "all of them" })).toEqual({ lanes: ["Send the lanes as a list."] });
    for (const revision of ["-1", "1.5", "abc", "1e400", "99999999999"]) expect(Object.keys(errorsOf(form({ revision })))).toEqual(["revision"]);
    const without: Record<string, unknown> = form();
    delete without.revision;
    expect(Object.keys(errorsOf(without))).toEqual(["revision"]);
    expect(errorsOf({ revision: 1, northStar: "x", horizon: "2029-06", lanes: [1] })).toEqual({ "lanes.0": ["Send each lane as its name, outcome and metrics."] });
  });
});

describe("milestoneFieldsSchema", () => {
  const EVIDENCE = "5b0ff0a4-9f59-4e7c-8f33-3c1b9a1c3f10";
  const fields = (patch: Record<string, unknown> = {}) => ({
    lane: "2",
    title: "Write the retry design doc",
    targetWeek: "5",
    artifact: "design-doc",
    success: "Reviewed by two teams and accepted.",
    evidenceId: "",
    ...patch,
  });
  const milestoneErrors = (input: unknown) => {
    const result = milestoneFieldsSchema.safeParse(input);
    if (result.success) return {};
    const errors: Record<string, string[]> = {};
    for (const issue of result.error.issues) (errors[issue.path.join(".")] ??= []).push(issue.message);
    return errors;
  };

  it("takes the form's fields: the lane and week as numbers, no evidence as null, an unticked box as not done", () => {
    expect(milestoneFieldsSchema.parse(fields())).toEqual({
      lane: 2,
      title: "Write the retry design doc",
      targetWeek: 5,
      artifact: "design-doc",
      success: "Reviewed by two teams and accepted.",
      evidenceId: null,
      done: false,
    });
    expect(milestoneFieldsSchema.parse(fields({ evidenceId: ` ${EVIDENCE} `, done: "on" }))).toMatchObject({ evidenceId: EVIDENCE, done: true });
    expect(milestoneFieldsSchema.parse(fields({ done: "yes please" })).done).toBe(false);
  });

  it("keeps a milestone within the quarter's 13 weeks and the plan's three lanes", () => {
    for (const targetWeek of ["1", "13"]) expect(milestoneErrors(fields({ targetWeek }))).toEqual({});
    for (const targetWeek of ["0", "14", "-1", "2.5", "", "week 3", "1e400"]) {
      expect(milestoneErrors(fields({ targetWeek })), targetWeek).toEqual({ targetWeek: ["Choose a week within the quarter, 1 to 13."] });
    }
    for (const lane of ["0", "4", "", "x"]) expect(milestoneErrors(fields({ lane })), lane).toEqual({ lane: ["Choose one of your plan's lanes."] });
  });

  it("asks for a title, a kind of artifact from the list and how success is measured, each within its limit", () => {
    expect(milestoneErrors(fields({ title: " ", artifact: "novel", success: "" }))).toEqual({
      title: ["Give the milestone a title."],
      artifact: ["Choose what it leaves behind."],
      success: ["Say how you will know it worked."],
    });
    expect(milestoneErrors(fields({ title: "t".repeat(161), success: "s".repeat(1_001) }))).toEqual({
      title: ["Use at most 160 characters."],
      success: ["Keep how success is measured under 1,000 characters."],
    });
    expect(milestoneErrors(fields({ title: "Two\nlines", success: "nul\u0000" }))).toEqual({
      title: ["Use letters, not line breaks or control characters."],
      success: ["Use text, not control characters."],
    });
    expect(milestoneErrors(fields({ evidenceId: "not-an-id" }))).toEqual({ evidenceId: ["Choose one of your evidence items."] });
  });
});
