import { asc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditEvents, growthSkillInventories, growthSkills } from "@/db/schema";
import { createDemoDatabase } from "@/test/people";
import type { TestDatabase } from "@/test/database";
import type { Viewer } from "@/lib/auth/policy";
import { ConflictError, InvalidInputError, NotAllowedError, NotFoundError } from "@/lib/errors";
import { listAuditEvents } from "./audit";
import { getSkills, saveGapActions, saveManagerRatings, saveSkills } from "./plan-skills";

let handle: TestDatabase;
let as: (key: string) => Promise<Viewer>;
let lena: Viewer;

beforeEach(async () => {
  ({ handle, as } = await createDemoDatabase());
  lena = await as("lena");
});
afterEach(async () => {
  await handle.close();
});

const rejection = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as Error);

/** The inventory form as a browser posts it: two areas, three skills. */
const form = (patch: Record<string, string> = {}) => ({
  revision: "0",
  "areas.0.name": "Core coding and design",
  "areas.1.name": "Architecture",
  "areas.2.name": "",
  "skills.0.id": "",
  "skills.0.area": "0",
  "skills.0.name": "Testing",
  "skills.0.rating": "2",
  "skills.0.target": "4",
  "skills.1.id": "",
  "skills.1.area": "0",
  "skills.1.name": "Debugging",
  "skills.1.rating": "3",
  "skills.1.target": "3",
  "skills.2.id": "",
  "skills.2.area": "1",
  "skills.2.name": "System design",
  "skills.2.rating": "1",
  "skills.2.target": "5",
  "skills.3.id": "",
  "skills.3.area": "2",
  "skills.3.name": "",
  "skills.3.rating": "",
  "skills.3.target": "",
  ...patch,
});

async function stored() {
  return {
    inventories: await handle.db.select().from(growthSkillInventories).orderBy(asc(growthSkillInventories.id)),
    skills: await handle.db.select().from(growthSkills).orderBy(asc(growthSkills.id)),
    audit: await handle.db.$count(auditEvents),
  };
}

/** The form for the inventory as it is now, each skill with its id, on its revision. */
async function current(viewer: Viewer) {
  const inv = await getSkills(viewer, viewer.id);
  const areas = [...new Set(inv.skills.map((s) => s.area))];
  const fields: Record<string, string> = { revision: String(inv.revision) };
  areas.forEach((a, i) => (fields[`areas.${i}.name`] = a));
  inv.skills.forEach((s, j) => Object.assign(fields, { [`skills.${j}.id`]: s.id, [`skills.${j}.area`]: String(areas.indexOf(s.area)), [`skills.${j}.name`]: s.name, [`skills.${j}.rating`]: String(s.rating ?? ""), [`skills.${j}.target`]: String(s.target ?? "") }));
  return { inv, fields };
}

describe("a skills inventory", () => {
  it("is saved, edited in place by id, its top gaps worked out, each save audited in words", async () => {
    expect(await getSkills(lena, lena.id)).toMatchObject({ saved: false, skills: [], revision: 0, canEdit: true, canRate: false });
    expect(await saveSkills(lena, form())).toEqual({ revision: 1 });
    const { inv, fields } = await current(lena);
    expect(inv.skills.map((s) => [s.area, s.name, s.rating, s.target])).toEqual([
      ["Core coding and design", "Testing", 2, 4],
      ["Core coding and design", "Debugging", 3, 3],
      ["Architecture", "System design", 1, 5],
    ]);
    expect(inv.gaps.map((g) => [g.name, g.gap])).toEqual([
      ["System design", 4],
      ["Testing", 2],
    ]);
    const testingId = inv.skills[0]!.id;
    // Rename the area and a skill, rate one higher, remove Debugging, add one.
    await saveSkills(lena, { ...fields, "areas.0.name": "Craft", "skills.0.name": "Testing well", "skills.0.rating": "3", "skills.1.name": "", "skills.9.area": "1", "skills.9.name": "Security", "skills.9.rating": "2", "skills.9.target": "3" });
    const after = await getSkills(lena, lena.id);
    expect(after.revision).toBe(2);
    expect(after.skills.map((s) => [s.area, s.name, s.rating])).toEqual([
      ["Craft", "Testing well", 3],
      ["Architecture", "System design", 1],
      ["Architecture", "Security", 2],
    ]);
    expect(after.skills[0]!.id).toBe(testingId);

    const log = await listAuditEvents(await as("alex"), { action: "plan.skills.update" });
    expect(log.events).toHaveLength(2);
    const [changed] = log.events;
    expect(changed!.entityType).toBe("skill_inventory");
    expect(changed!.subject?.name).toBe("Lena Fischer");
    expect(changed!.description.changes.map((c) => `${c.field}: ${c.from ? `${c.from} → ` : ""}${c.to}`)).toEqual([
      "Testing: renamed “Testing well”",
      "Testing well: moved to Craft",
      "Testing well rating: 2 → 3",
      "Security: added in Architecture, rated 2, target 3",
      "Debugging: removed",
    ]);
  });

  it("refuses bad input beside its field — ratings outside 1–5, long names, control characters, too many skills, another person's skill — changing nothing", async () => {
    await saveSkills(lena, form());
    await saveSkills(await as("mei"), form());
    const meiSkill = (await getSkills(await as("mei"), (await as("mei")).id)).skills[0]!.id;
    const { fields } = await current(lena);
    const before = await stored();
    const cases: [Record<string, string>, string][] = [
      [{ "skills.0.rating": "6" }, "skills.0.rating"],
      [{ "skills.0.target": "0" }, "skills.0.target"],
      [{ "skills.1.name": "x".repeat(81) }, "skills.1.name"],
      [{ "skills.2.name": "Sys\u0007tem" }, "skills.2.name"],
      [{ "areas.1.name": "A\nB" }, "areas.1.name"],
      [{ "skills.5.id": meiSkill, "skills.5.area": "0", "skills.5.name": "Stolen" }, "skills.5.name"],
      [Object.fromEntries(Array.from({ length: 60 }, (_, k) => [[`skills.${k + 10}.area`, "0"], [`skills.${k + 10}.name`, `Extra ${k}`]]).flat()), "skills"],
    ];
    for (const [patch, field] of cases) {
      const err = await rejection(saveSkills(lena, { ...fields, ...patch }));
      expect(err, field).toBeInstanceOf(InvalidInputError);
      expect(Object.keys((err as InvalidInputError).fieldErrors), field).toEqual([field]);
    }
    expect(await stored()).toEqual(before);
  });

  it("refuses a save on a revision it has moved past: another tab's", async () => {
    await saveSkills(lena, form());
    const { fields } = await current(lena);
    await saveSkills(lena, { ...fields, "skills.0.rating": "4" });
    const before = await stored();
    expect(await rejection(saveSkills(lena, { ...fields, "skills.0.rating": "1" }))).toBeInstanceOf(ConflictError);
    expect(await rejection(saveSkills(lena, form()))).toBeInstanceOf(ConflictError);
    expect(await stored()).toEqual(before);
  });

  it("keeps actions for the top gaps, refusing a skill that is not the viewer's", async () => {
    await saveSkills(lena, form());
    const inv = await getSkills(lena, lena.id);
    const gap = inv.gaps[0]!;
    await saveGapActions(lena, { revision: "1", "actions.0.skillId": gap.id, "actions.0.read": "Designing Data-Intensive Applications", "actions.0.practise": "Design the ledger split", "actions.0.show": "A design doc reviewed by staff" });
    const after = await getSkills(lena, lena.id);
    expect(after.revision).toBe(2);
    expect(after.gaps[0]!.actions).toEqual({ read: "Designing Data-Intensive Applications", practise: "Design the ledger split", show: "A design doc reviewed by staff" });
    await saveSkills(await as("mei"), form());
    const meiSkill = (await getSkills(await as("mei"), (await as("mei")).id)).skills[0]!.id;
    const before = await stored();
    const err = await rejection(saveGapActions(lena, { revision: "2", "actions.0.skillId": meiSkill, "actions.0.read": "x", "actions.0.practise": "", "actions.0.show": "" }));
    expect((err as InvalidInputError).fieldErrors).toHaveProperty(["actions.0.read"]);
    expect(await rejection(saveGapActions(lena, { revision: "1", "actions.0.skillId": gap.id, "actions.0.read": "stale", "actions.0.practise": "", "actions.0.show": "" }))).toBeInstanceOf(ConflictError);
    expect(await stored()).toEqual(before);
    const log = await listAuditEvents(await as("alex"), { action: "plan.skills.actions" });
    expect(log.events[0]!.description.changes.map((c) => c.field)).toEqual(["System design: read", "System design: practise", "System design: show"]);
  });

  it("takes the direct manager's rating beside the engineer's; the chain above reads it, nobody else does", async () => {
    await saveSkills(lena, form());
    const priya = await as("priya");
    const alex = await as("alex");
    const inv = await getSkills(priya, lena.id);
    expect(inv).toMatchObject({ canEdit: false, canRate: true, managerRevision: 0 });
    const [testing, debugging] = inv.skills;
    expect(await saveManagerRatings(priya, { revision: "0", personId: lena.id, [`rating.${testing!.id}`]: "3", [`rating.${debugging!.id}`]: "" })).toEqual({ revision: 1 });
    const seen = await getSkills(lena, lena.id);
    expect(seen.skills.map((s) => [s.name, s.rating, s.managerRating, s.managerRatedBy])).toEqual([
      ["Testing", 2, 3, "Priya Raman"],
      ["Debugging", 3, null, null],
      ["System design", 1, null, null],
    ]);
    // The engineer's revision is untouched: an open tab of theirs still saves.
    expect(seen.revision).toBe(1);

    expect((await getSkills(alex, lena.id)).canRate).toBe(false);
    const before = await stored();
    expect(await rejection(saveManagerRatings(alex, { revision: "1", personId: lena.id, [`rating.${testing!.id}`]: "5" }))).toBeInstanceOf(NotAllowedError);
    expect(await rejection(saveManagerRatings(lena, { revision: "1", personId: lena.id, [`rating.${testing!.id}`]: "5" }))).toBeInstanceOf(NotAllowedError);
    expect(await rejection(saveManagerRatings(await as("marcus"), { revision: "1", personId: lena.id, [`rating.${testing!.id}`]: "5" }))).toBeInstanceOf(NotFoundError);
    expect(await rejection(getSkills(await as("mei"), lena.id))).toBeInstanceOf(NotFoundError);
    const bad = await rejection(saveManagerRatings(priya, { revision: "1", personId: lena.id, [`rating.${testing!.id}`]: "9" }));
    expect((bad as InvalidInputError).fieldErrors).toEqual({ [`rating.${testing!.id}`]: ["Rate from 1 to 5."] });
    const forged = "00000000-0000-4000-8000-000000000001";
    const forgedErr = await rejection(saveManagerRatings(priya, { revision: "1", personId: lena.id, [`rating.${forged}`]: "2" }));
    expect(Object.keys((forgedErr as InvalidInputError).fieldErrors)).toEqual([`rating.${forged}`]);
    expect(await rejection(saveManagerRatings(priya, { revision: "0", personId: lena.id, [`rating.${testing!.id}`]: "4" }))).toBeInstanceOf(ConflictError);
    expect(await stored()).toEqual(before);

    const log = await listAuditEvents(alex, { action: "plan.skills.rate" });
    const phrase = log.events[0]!.description.phrase.map((p) => (typeof p === "string" ? p : p.text)).join("");
    expect(phrase).toBe("rated Lena Fischer’s skills");
    expect(log.events[0]!.description.changes).toEqual([{ field: "Testing", from: "not rated", to: "3" }]);
    expect(await handle.db.$count(growthSkills, eq(growthSkills.managerRating, 3))).toBe(1);
  });
});
