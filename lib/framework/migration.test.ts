import { describe, expect, it } from "vitest";
import { defaultFromVersion, keepsTimeAtStep, mappingProblems, suggestTargets } from "./migration";

const oldSteps = [
  { key: "junior", name: "Junior Engineer" },
  { key: "senior", name: "Senior Engineer" },
  { key: "lead", name: "Tech Lead" },
  { key: "staff", name: "Staff  engineer " },
  { key: "wizard", name: "Wizard" },
];
const newSteps = [
  { key: "junior", name: "Engineer I" },
  { key: "senior-1", name: "senior engineer" },
  { key: "senior", name: "Tech Lead" },
  { key: "staff-engineer", name: "Staff Engineer" },
  { key: "staff-2", name: "STAFF ENGINEER" },
];

describe("suggestTargets", () => {
  const suggested = suggestTargets(oldSteps, newSteps);

  it("suggests the step with the same key first, even when it was renamed", () => {
    expect(suggested.get("junior")).toEqual({ key: "junior", by: "key" });
    // "Senior Engineer" also has a namesake, but the key wins.
    expect(suggested.get("senior")).toEqual({ key: "senior", by: "key" });
  });

  it("then the first step with the same name, ignoring case and spacing", () => {
    expect(suggested.get("lead")).toEqual({ key: "senior", by: "name" });
    expect(suggested.get("staff")).toEqual({ key: "staff-engineer", by: "name" });
  });

  it("suggests nothing when neither matches", () => {
    expect(suggested.get("wizard")).toBeNull();
  });

  it("answers for every old step, and for none when the new version is empty", () => {
    expect([...suggestTargets(oldSteps, []).values()]).toEqual([null, null, null, null, null]);
    expect([...suggested.keys()]).toEqual(oldSteps.map((s) => s.key));
  });
});

describe("defaultFromVersion", () => {
  it("picks the older version most people are on", () => {
    expect(
      defaultFromVersion(
        [
          { number: 1, people: 3 },
          { number: 2, people: 9 },
          { number: 3, people: 40 },
        ],
        3,
      ),
    ).toBe(2);
  });

  it("prefers the newer of two versions with as many people", () => {
    expect(
      defaultFromVersion(
        [
          { number: 1, people: 4 },
          { number: 2, people: 4 },
        ],
        3,
      ),
    ).toBe(2);
  });

  it("answers none when nobody is on an older version", () => {
    expect(defaultFromVersion([{ number: 1, people: 0 }, { number: 2, people: 12 }], 2)).toBeNull();
    expect(defaultFromVersion([], 1)).toBeNull();
  });
});

describe("keepsTimeAtStep", () => {
  it("keeps time at step only for a step that keeps its key", () => {
    expect(keepsTimeAtStep("senior", "senior")).toBe(true);
    expect(keepsTimeAtStep("senior", "senior-1")).toBe(false);
  });
});

describe("mappingProblems", () => {
  const withPeople = [
    { key: "junior", name: "Junior Engineer", people: 2 },
    { key: "senior", name: "Senior Engineer", people: 1 },
    { key: "wizard", name: "Wizard", people: 0 },
  ];

  it("accepts a mapping of every step that has people to a step of the new version", () => {
    expect(mappingProblems(withPeople, newSteps, { junior: "junior", senior: "senior-1" }, 2)).toEqual({});
    expect(mappingProblems(withPeople, newSteps, { junior: "junior", senior: "senior-1", wizard: "staff-2" }, 2)).toEqual({});
  });

  it("names each step with people that goes nowhere, or to a step the new version lacks", () => {
    expect(mappingProblems(withPeople, newSteps, { junior: "", senior: "missing" }, 2)).toEqual({
      "mapping.junior": ["Choose a step of version 2 for the 2 people on Junior Engineer."],
      "mapping.senior": ['Version 2 has no step with the key "missing": choose one of its steps.'],
    });
    expect(mappingProblems(withPeople, newSteps, {}, 2)).toEqual({
      "mapping.junior": ["Choose a step of version 2 for the 2 people on Junior Engineer."],
      "mapping.senior": ["Choose a step of version 2 for the person on Senior Engineer."],
    });
  });

  it("checks a step nobody is on when it is mapped anyway, and reports keys the old version lacks", () => {
    expect(mappingProblems(withPeople, newSteps, { junior: "junior", senior: "senior", wizard: "nope", ghost: "junior" }, 2)).toEqual({
      "mapping.wizard": ['Version 2 has no step with the key "nope": choose one of its steps.'],
      mapping: ['The old version has no step with the key "ghost".'],
    });
  });

  it("reads only the mapping's own keys", () => {
    const steps = [{ key: "constructor", name: "Builder", people: 1 }];
    expect(mappingProblems(steps, newSteps, {}, 2)).toEqual({ "mapping.constructor": ["Choose a step of version 2 for the person on Builder."] });
  });
});
