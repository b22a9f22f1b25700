import { describe, expect, it } from "vitest";
import { ARCHETYPES, isMix, mixGapWords, mixTotal } from "./archetypes";
import { directionSchema } from "./direction-schemas";
import { byArea, STARTER_SKILLS, topGaps } from "./skills";
import { managerRatingsSchema, skillsSchema } from "./skills-schemas";

const skill = (id: string, rating: number | null, target: number | null, area = "Core") => ({ id, area, name: `Skill ${id}`, rating, target });

describe("top gaps", () => {
  it("takes the three largest target − rating gaps, largest first, ties in inventory order, leaving out the unrated and the met", () => {
    const skills = [skill("a", 2, 3), skill("b", 1, 5), skill("c", null, 5), skill("d", 4, 4), skill("e", 2, 4), skill("f", 1, 3), skill("g", 5, 2)];
    expect(topGaps(skills).map((s) => [s.id, s.gap])).toEqual([
      ["b", 4],
      ["e", 2],
      ["f", 2],
    ]);
    expect(topGaps([skill("x", 3, 3)])).toEqual([]);
  });

  it("groups skills by area in the order areas first appear", () => {
    const groups = byArea([skill("a", 1, 1, "Domain"), skill("b", 1, 1, "Core"), skill("c", 1, 1, "Domain")]);
    expect(groups.map((g) => [g.area, g.skills.map((s) => s.id)])).toEqual([
      ["Domain", ["a", "c"]],
      ["Core", ["b"]],
    ]);
    expect(STARTER_SKILLS.map((a) => a.area)).toEqual(["Core coding and design", "Platform and tooling", "Architecture", "Collaboration", "Domain"]);
  });
});

describe("archetype mixes", () => {
  const mix = (techLead: number, architect: number, solver: number, rightHand: number) => ({ techLead, architect, solver, rightHand });

  it("sums to 100 in whole percent", () => {
    expect(mixTotal(mix(40, 30, 20, 10))).toBe(100);
    expect(isMix(mix(40, 30, 20, 10))).toBe(true);
    expect(isMix(mix(40, 30, 20, 0))).toBe(false);
    expect(isMix(mix(40.5, 29.5, 20, 10))).toBe(false);
    expect(ARCHETYPES.map((a) => a.label)).toEqual(["Tech Lead", "Architect", "Solver", "Right Hand"]);
  });

  it("words the gap between now and wanted, largest moves first", () => {
    expect(mixGapWords(mix(30, 20, 40, 10), mix(30, 40, 20, 10))).toBe("wants 20 points more Architect, 20 fewer Solver");
    expect(mixGapWords(mix(25, 25, 25, 25), mix(24, 25, 25, 26))).toBe("wants 1 point more Right Hand, 1 fewer Tech Lead");
    expect(mixGapWords(mix(50, 50, 0, 0), mix(50, 50, 0, 0))).toBe("wants the mix as it is");
  });

  it("refuses a mix that does not sum to 100, naming the mix, and a share that is not a whole percentage, on its field", () => {
    const form = { revision: "0", lean: "staff", frameworkKey: "", reason: "Depth.", "current.techLead": "40", "current.architect": "30", "current.solver": "20", "current.rightHand": "0", "wanted.techLead": "20", "wanted.architect": "x", "wanted.solver": "", "wanted.rightHand": "" };
    const r = directionSchema.safeParse(form);
    expect(r.success).toBe(false);
    const issues = r.error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues).toContainEqual(["current", "Your mix now adds up to 90%: make the four shares add up to 100."]);
    expect(issues).toContainEqual(["wanted.architect", "Use a whole number from 0 to 100."]);
    const ok = directionSchema.parse({ ...form, "current.rightHand": "10", "wanted.architect": "80", "reason": "a\r\nb" });
    expect(ok).toMatchObject({ lean: "staff", frameworkKey: null, reason: "a\nb", current: mix(40, 30, 20, 10), wanted: mix(20, 80, 0, 0) });
    expect(directionSchema.parse({ revision: "0", lean: "management", reason: "" })).toMatchObject({ current: null, wanted: null });
    expect(directionSchema.safeParse({ revision: "0", lean: "boss", reason: "" }).error!.issues[0]!.path).toEqual(["lean"]);
    expect(directionSchema.safeParse({ revision: "0", lean: "undecided", reason: "x".repeat(1001) }).error!.issues[0]!.path).toEqual(["reason"]);
  });
});

describe("the inventory form", () => {
  const base = { revision: "3", "areas.0.name": "Core", "areas.1.name": "", "skills.0.id": "", "skills.0.area": "0", "skills.0.name": "Testing", "skills.0.rating": "2", "skills.0.target": "4" };

  it("reads areas and skills from the flat form, dropping skills without a name", () => {
    const parsed = skillsSchema.parse({ ...base, "skills.1.area": "1", "skills.1.name": "", "skills.1.rating": "3" });
    expect(parsed).toEqual({ revision: 3, skills: [{ slot: 0, id: null, area: "Core", name: "Testing", rating: 2, target: 4 }] });
  });

  it("answers each bad value beside its field", () => {
    const bad = (patch: Record<string, string>) => skillsSchema.safeParse({ ...base, ...patch }).error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(bad({ "skills.0.rating": "6" })).toEqual([["skills.0.rating", "Rate from 1 to 5."]]);
    expect(bad({ "skills.0.target": "2.5" })).toEqual([["skills.0.target", "Rate from 1 to 5."]]);
    expect(bad({ "skills.0.name": "x".repeat(81) })).toEqual([["skills.0.name", "Use at most 80 characters."]]);
    expect(bad({ "skills.0.name": "Te\u0000st" })).toEqual([["skills.0.name", "Use letters, not line breaks or control characters."]]);
    expect(bad({ "skills.0.area": "7" })).toEqual([["skills.0.name", "Reload the page: this skill's area is not on the form."]]);
    expect(bad({ "skills.0.area": "9999" })).toEqual([["skills.0.area", "Reload the page: this skill has no area."]]);
    expect(bad({ "areas.0.name": "" })).toEqual([["areas.0.name", "Name this area, or clear the names of its skills to remove them."]]);
    const many = Object.fromEntries(Array.from({ length: 61 }, (_, j) => [[`skills.${j}.area`, "0"], [`skills.${j}.name`, `Skill ${j}`]]).flat());
    expect(bad(many)).toEqual([["skills", "An inventory holds 60 skills at most: you sent 61. Remove some."]]);
  });

  it("reads a manager's ratings keyed by skill", () => {
    const id = "00000000-0000-4000-8000-000000000001";
    expect(managerRatingsSchema.parse({ revision: "0", personId: id, [`rating.${id}`]: "4" })).toEqual({ revision: 0, personId: id, ratings: [{ skillId: id, rating: 4 }] });
    expect(managerRatingsSchema.safeParse({ revision: "0", personId: id, [`rating.${id}`]: "0" }).error!.issues[0]!.path).toEqual(["ratings", 0, "rating"]);
  });
});
