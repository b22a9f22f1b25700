import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditEvents, evidence, growthLanes, growthMilestones, growthPlans } from "@/db/schema";
import { createDemoDatabase } from "@/test/people";
import type { TestDatabase } from "@/test/database";
import type { Viewer } from "@/lib/auth/policy";
import { ConflictError, InvalidInputError, NotAllowedError, NotFoundError } from "@/lib/errors";
import { addMonths, monthOf } from "@/lib/plan/choices";
import { quarterOf } from "@/lib/plan/quarters";
import { listAuditEvents } from "./audit";
import { createEvidence, deleteEvidence } from "./evidence";
import { addMilestone, deleteMilestone, getPlan, savePlanBasics, setMilestoneDone, updateMilestone } from "./plans";

let handle: TestDatabase;
let as: (key: string) => Promise<Viewer>;
let idOf: (key: string) => Promise<string>;
let engineer: Viewer;

beforeEach(async () => {
  ({ handle, as, idOf } = await createDemoDatabase());
  engineer = await as("lena");
});
afterEach(async () => {
  await handle.close();
});

const rejection = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as Error);
/** Months from now, so the horizon stays within what the form allows whenever the test runs. */
const inMonths = (n: number) => addMonths(monthOf(new Date()), n);

/** The plan form's fields as a browser posts them. */
const form = (patch: Record<string, string | string[]> = {}) => ({
  revision: "0",
  northStar: "The go-to owner of the payments platform.",
  horizon: inMonths(30),
  "lanes.0.name": "Technical depth",
  "lanes.0.outcome": "I design the ledger's next storage layer.",
  "lanes.0.metrics": "Two design docs accepted; p99 under 200 ms.",
  "lanes.1.name": "Systems thinking and impact",
  "lanes.1.outcome": "Incidents in payments halve.",
  "lanes.1.metrics": "",
  "lanes.2.name": "Leadership and influence",
  "lanes.2.outcome": "",
  "lanes.2.metrics": "",
  ...patch,
});

/** Everything a save may change: every plan, every lane and the audit log. */
async function stored() {
  return {
    plans: await handle.db.select().from(growthPlans).orderBy(asc(growthPlans.id)),
    lanes: await handle.db.select().from(growthLanes).orderBy(asc(growthLanes.planId), asc(growthLanes.position)),
    milestones: await handle.db.select().from(growthMilestones).orderBy(asc(growthMilestones.id)),
    audit: await handle.db.$count(auditEvents),
  };
}

describe("a growth plan", () => {
  it("starts empty, is saved on top of revision 0, then of each revision it reaches, every save audited", async () => {
    expect(await getPlan(engineer, engineer.id)).toMatchObject({ saved: false, northStar: "", horizon: null, lanes: [], revision: 0, updatedAt: null, canEdit: true });

    expect(await savePlanBasics(engineer, form())).toEqual({ revision: 1 });
    const first = await getPlan(engineer, engineer.id);
    expect(first).toMatchObject({
      owner: { id: engineer.id, name: "Lena Fischer" },
      saved: true,
      northStar: "The go-to owner of the payments platform.",
      horizon: inMonths(30),
      revision: 1,
      canEdit: true,
    });
    expect(first.lanes).toEqual([
      { position: 1, name: "Technical depth", outcome: "I design the ledger's next storage layer.", metrics: "Two design docs accepted; p99 under 200 ms." },
      { position: 2, name: "Systems thinking and impact", outcome: "Incidents in payments halve.", metrics: "" },
      { position: 3, name: "Leadership and influence", outcome: "", metrics: "" },
    ]);
    const [laneOne] = await handle.db.select({ id: growthLanes.id }).from(growthLanes).where(eq(growthLanes.position, 1));

    // The second save renames lane 1, leaves lane 3 out, and moves the horizon.
    const second = form({ revision: "1", horizon: inMonths(36), "lanes.0.name": "Payments depth", "lanes.2.name": "" });
    expect(await savePlanBasics(engineer, second)).toEqual({ revision: 2 });
    const read = await getPlan(engineer, engineer.id);
    expect(read).toMatchObject({ horizon: inMonths(36), revision: 2 });
    expect(read.lanes.map((l) => [l.position, l.name])).toEqual([
      [1, "Payments depth"],
      [2, "Systems thinking and impact"],
    ]);
    // A lane changed in place keeps its row, for what hangs off it.
    expect((await handle.db.select({ id: growthLanes.id }).from(growthLanes).where(eq(growthLanes.position, 1)))[0]).toEqual(laneOne);
    expect(read.updatedAt!.getTime()).toBeGreaterThanOrEqual(first.updatedAt!.getTime());

    const log = await listAuditEvents(await as("alex"), { action: "plan.update" });
    expect(log.events.map((e) => [e.actor?.name, e.subject?.name, e.entityType])).toEqual([
      ["Lena Fischer", "Lena Fischer", "growth_plan"],
      ["Lena Fischer", "Lena Fischer", "growth_plan"],
    ]);
    const [changed, wrote] = log.events;
    expect(wrote!.before).toBeNull();
    expect(wrote!.after).toMatchObject({ northStar: "The go-to owner of the payments platform.", horizon: inMonths(30) });
    expect(changed!.before).toEqual(wrote!.after);
    expect(changed!.description.phrase.map((p) => (typeof p === "string" ? p : p.text)).join("")).toBe("changed their growth plan");
    expect(changed!.description.changes.map((c) => c.field)).toEqual(["Horizon", "Lane 1 name", "Lane 3"]);
    expect(wrote!.description.phrase.at(-1)).toEqual({ text: "growth plan", href: `/people/${engineer.id}/plan` });
  });

  it("refuses a save made on a revision it has moved past: another tab's, or a second first save, changing nothing", async () => {
    await savePlanBasics(engineer, form());
    await savePlanBasics(engineer, form({ revision: "1", northStar: "Saved in the first tab." }));
    const before = await stored();
    for (const revision of ["1", "0", "7"]) {
      const err = await rejection(savePlanBasics(engineer, form({ revision, northStar: "Saved in a stale tab." })));
      expect(err, revision).toBeInstanceOf(ConflictError);
      expect(err!.message).toMatch(/saved elsewhere \(another tab\?\)/);
    }
    expect(await stored()).toEqual(before);
    expect((await getPlan(engineer, engineer.id)).northStar).toBe("Saved in the first tab.");
  });

  it("takes one of two first saves made at once, and refuses the other", async () => {
    const mei = await as("mei");
    const results = await Promise.allSettled([savePlanBasics(mei, form({ northStar: "First tab." })), savePlanBasics(mei, form({ northStar: "Second tab." }))]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect(await handle.db.$count(growthPlans, eq(growthPlans.ownerId, mei.id))).toBe(1);
    expect(await handle.db.$count(auditEvents, eq(auditEvents.action, "plan.update"))).toBe(1);
  });

  it("answers each kind of bad input on its field, storing nothing", async () => {
    await savePlanBasics(engineer, form());
    const cases: [string, Record<string, unknown>, string][] = [
      ["no north star", form({ revision: "1", northStar: " " }), "northStar"],
      ["a north star too long", form({ revision: "1", northStar: "x".repeat(1_001) }), "northStar"],
      ["a NUL in the north star", form({ revision: "1", northStar: "Own\u0000payments" }), "northStar"],
      ["no horizon", form({ revision: "1", horizon: "" }), "horizon"],
      ["a month that is not one", form({ revision: "1", horizon: "2029-13" }), "horizon"],
      ["a horizon in the past", form({ revision: "1", horizon: inMonths(-2) }), "horizon"],
      ["a horizon past ten years", form({ revision: "1", horizon: inMonths(122) }), "horizon"],
      ["a lane name too long", form({ revision: "1", "lanes.1.name": "n".repeat(81) }), "lanes.1.name"],
      ["a line break in a lane name", form({ revision: "1", "lanes.1.name": "Two\nlines" }), "lanes.1.name"],
      ["a lane with an outcome and no name", form({ revision: "1", "lanes.2.name": "", "lanes.2.outcome": "Mentor two people." }), "lanes.2.name"],
      ["two lanes of one name", form({ revision: "1", "lanes.2.name": "technical depth" }), "lanes.2.name"],
      ["an outcome too long", form({ revision: "1", "lanes.0.outcome": "o".repeat(1_001) }), "lanes.0.outcome"],
      ["metrics with a control character", form({ revision: "1", "lanes.0.metrics": "\u001b[31mred" }), "lanes.0.metrics"],
      ["a field sent twice", form({ revision: "1", northStar: ["one", "two"] }), "northStar"],
      ["a revision that is not a count", form({ revision: "-1" }), "revision"],
      ["four lanes", { revision: 1, northStar: "x", horizon: inMonths(30), lanes: [{ name: "a" }, { name: "b" }, { name: "c" }, { name: "d" }] }, "lanes"],
    ];
    const before = await stored();
    for (const [name, input, field] of cases) {
      const err = await rejection(savePlanBasics(engineer, input));
      expect(err, name).toBeInstanceOf(InvalidInputError);
      expect(Object.keys((err as InvalidInputError).fieldErrors), name).toEqual([field]);
    }
    expect(await stored()).toEqual(before);
  });

  it("stores hostile text as written and reads it back unchanged, and refuses what PostgreSQL cannot hold", async () => {
    const hostile = {
      northStar: "<script>alert('x')</script> **Owner** of [payments](javascript:alert(1)) ‮gnp.exe 🚀\n\n> quoted",
      "lanes.0.name": "'; drop table growth_plans; --",
      "lanes.0.outcome": "<img src=x onerror=alert(1)>\ttabbed\nand on two lines",
      "lanes.0.metrics": "{{constructor.constructor('alert(1)')()}} ${process.env.SECRET}",
      "lanes.1.name": "Ünïcödé ✓ 日本語",
    };
    await savePlanBasics(engineer, form(hostile));
    const read = await getPlan(await as("priya"), engineer.id);
    expect(read.northStar).toBe(hostile.northStar);
    expect(read.lanes[0]).toMatchObject({ name: hostile["lanes.0.name"], outcome: hostile["lanes.0.outcome"], metrics: hostile["lanes.0.metrics"] });
    expect(read.lanes[1]!.name).toBe(hostile["lanes.1.name"]);
    expect(await handle.db.$count(growthPlans)).toBe(1);

    const before = await stored();
    const patches: Record<string, string>[] = [{ northStar: "x".repeat(100_000) }, { "lanes.0.outcome": "\u0000" }, { "lanes.0.name": "x".repeat(100_000) }, { horizon: "x".repeat(100_000) }];
    for (const patch of patches) {
      expect(await rejection(savePlanBasics(engineer, form({ revision: "1", ...patch })))).toBeInstanceOf(InvalidInputError);
    }
    expect(await stored()).toEqual(before);
  });

  it("is always the viewer's own: ids of another person's plan sent with a save are not read", async () => {
    await savePlanBasics(engineer, form({ northStar: "Lena's own." }));
    const [lenas] = await handle.db.select({ id: growthPlans.id }).from(growthPlans);
    const before = await stored();
    const sam = await as("sam");
    await savePlanBasics(sam, form({ northStar: "Sam's own.", ownerId: engineer.id, planId: lenas!.id, personId: engineer.id, id: lenas!.id }));
    expect((await getPlan(engineer, engineer.id)).northStar).toBe("Lena's own.");
    expect((await getPlan(sam, sam.id)).northStar).toBe("Sam's own.");
    const after = await stored();
    expect(after.plans.find((p) => p.id === lenas!.id)).toEqual(before.plans.find((p) => p.id === lenas!.id));
    expect(after.plans).toHaveLength(2);
  });

  it("is read by its owner, their manager, the manager above and admins; not found for anyone else, a malformed id and nobody", async () => {
    // Ravi reports to Jonas, who reports to Marcus, who reports to Alex (an admin).
    const ravi = await as("ravi");
    await savePlanBasics(ravi, form({ northStar: "Staff engineer for the data platform." }));
    for (const who of ["ravi", "jonas", "marcus", "alex"]) {
      const plan = await getPlan(await as(who), ravi.id);
      expect(plan, who).toMatchObject({ northStar: "Staff engineer for the data platform.", canEdit: who === "ravi" });
      expect(plan.lanes, who).toHaveLength(3);
    }
    for (const who of ["tom", "priya", "lena"]) expect(await rejection(getPlan(await as(who), ravi.id)), who).toBeInstanceOf(NotFoundError);
    const admin = await as("alex");
    for (const id of ["not-an-id", "", randomUUID(), `${ravi.id}\u0000`, "x".repeat(10_000)]) {
      expect(await rejection(getPlan(admin, id)), id.slice(0, 20)).toBeInstanceOf(NotFoundError);
    }
    // A report who has not written one yet: an empty plan, read-only for the manager.
    expect(await getPlan(await as("marcus"), await idOf("tom"))).toMatchObject({ saved: false, lanes: [], canEdit: false, owner: { name: "Tom Becker" } });
  });
});

/** A milestone as its form sends it. */
const milestone = (patch: Record<string, string> = {}) => ({
  lane: "1",
  title: "Write the ledger storage design doc",
  targetWeek: "5",
  artifact: "design-doc",
  success: "Accepted by the payments and data teams.",
  evidenceId: "",
  ...patch,
});

describe("a plan's milestones", () => {
  it("are added to a lane for this quarter, edited, moved, marked done and deleted by the owner, each change audited", async () => {
    await savePlanBasics(engineer, form());
    const { id: evidenceId } = await createEvidence(engineer, { title: "Ledger storage RFC", kind: "design-doc", occurredOn: "2026-11-02", link: null, body: "", cellIds: [] });
    const { id } = await addMilestone(engineer, milestone({ evidenceId }));
    await addMilestone(engineer, milestone({ lane: "2", title: "Run the payments game day", targetWeek: "9", artifact: "postmortem", success: "Two failure modes found and fixed." }));

    const plan = await getPlan(engineer, engineer.id);
    expect(plan.quarter).toEqual(quarterOf(new Date()));
    expect(plan.milestones).toEqual([
      {
        id,
        lane: 1,
        title: "Write the ledger storage design doc",
        targetWeek: 5,
        artifact: "design-doc",
        success: "Accepted by the payments and data teams.",
        done: false,
        evidence: { id: evidenceId, title: "Ledger storage RFC" },
        revision: 1,
      },
      expect.objectContaining({ lane: 2, title: "Run the payments game day", targetWeek: 9, evidence: null }),
    ]);
    const [stored] = await handle.db.select({ quarter: growthMilestones.quarter }).from(growthMilestones).where(eq(growthMilestones.id, id));
    expect(stored!.quarter).toBe(quarterOf(new Date()).start);

    expect(await updateMilestone(engineer, { ...milestone({ lane: "3", title: "Ledger storage RFC, reviewed", targetWeek: "6", evidenceId }), id, revision: "1" })).toEqual({ revision: 2 });
    expect(await setMilestoneDone(engineer, { id, revision: "2", done: "on" })).toEqual({ revision: 3 });
    expect((await getPlan(await as("priya"), engineer.id)).milestones[0]).toMatchObject({ id, lane: 3, title: "Ledger storage RFC, reviewed", targetWeek: 6, done: true, revision: 3 });
    // Each is changed on the revision it was loaded on.
    expect(await rejection(setMilestoneDone(engineer, { id, revision: "2" }))).toBeInstanceOf(ConflictError);
    expect(await rejection(deleteMilestone(engineer, { id, revision: "1" }))).toBeInstanceOf(ConflictError);
    await deleteMilestone(engineer, { id, revision: "3" });
    expect((await getPlan(engineer, engineer.id)).milestones.map((m) => m.title)).toEqual(["Run the payments game day"]);

    const log = await listAuditEvents(await as("alex"), { entityType: "growth_milestone" });
    expect(log.events.map((e) => [e.action, e.subject?.name])).toEqual([
      ["plan.milestone.delete", "Lena Fischer"],
      ["plan.milestone.update", "Lena Fischer"],
      ["plan.milestone.update", "Lena Fischer"],
      ["plan.milestone.create", "Lena Fischer"],
      ["plan.milestone.create", "Lena Fischer"],
    ]);
    const text = (e: (typeof log.events)[number]) => e.description.phrase.map((p) => (typeof p === "string" ? p : p.text)).join("");
    expect(log.events.map(text)).toEqual([
      "deleted the milestone “Ledger storage RFC, reviewed” from their growth plan",
      "marked the milestone “Ledger storage RFC, reviewed” done on their growth plan",
      "changed the milestone “Ledger storage RFC, reviewed” of their growth plan",
      "added the milestone “Run the payments game day” to their growth plan",
      "added the milestone “Write the ledger storage design doc” to their growth plan",
    ]);
    expect(log.events.at(-1)!.description.changes).toContainEqual({ field: "Evidence", to: "“Ledger storage RFC”" });
  });

  it("answer each kind of bad input on its field, and refuse other people's evidence and lanes the plan does not have, storing nothing", async () => {
    await savePlanBasics(engineer, form({ "lanes.2.name": "" }));
    const sams = (await createEvidence(await as("sam"), { title: "Sam's own design", kind: "design-doc", occurredOn: "2026-11-02", link: null, body: "", cellIds: [] })).id;
    const cases: [string, Record<string, string>, string][] = [
      ["a week before the quarter", milestone({ targetWeek: "0" }), "targetWeek"],
      ["a week past the quarter", milestone({ targetWeek: "14" }), "targetWeek"],
      ["a week that is not a number", milestone({ targetWeek: "soon" }), "targetWeek"],
      ["no title", milestone({ title: "" }), "title"],
      ["a title too long", milestone({ title: "t".repeat(161) }), "title"],
      ["an artifact not on the list", milestone({ artifact: "novel" }), "artifact"],
      ["no success measure", milestone({ success: " " }), "success"],
      ["a NUL in the success measure", milestone({ success: "a\u0000b" }), "success"],
      ["a lane the plan does not have", milestone({ lane: "3" }), "lane"],
      ["a lane past three", milestone({ lane: "4" }), "lane"],
      ["another person's evidence", milestone({ evidenceId: sams }), "evidenceId"],
      ["evidence that does not exist", milestone({ evidenceId: randomUUID() }), "evidenceId"],
      ["an evidence id that is none", milestone({ evidenceId: "../../etc" }), "evidenceId"],
    ];
    const before = await stored();
    for (const [name, input, field] of cases) {
      const err = await rejection(addMilestone(engineer, input));
      expect(err, name).toBeInstanceOf(InvalidInputError);
      expect(Object.keys((err as InvalidInputError).fieldErrors), name).toEqual([field]);
    }
    expect(await stored()).toEqual(before);

    // An edit is held to the same rules, and to the milestone's own plan.
    const { id } = await addMilestone(engineer, milestone());
    const afterAdd = await stored();
    expect(await rejection(updateMilestone(engineer, { ...milestone({ evidenceId: sams }), id, revision: "1" }))).toBeInstanceOf(InvalidInputError);
    expect(await rejection(updateMilestone(engineer, { ...milestone({ targetWeek: "20" }), id, revision: "1" }))).toBeInstanceOf(InvalidInputError);
    for (const bad of ["not-an-id", "", randomUUID(), "x".repeat(100)]) expect(await rejection(updateMilestone(engineer, { ...milestone(), id: bad, revision: "1" }))).toBeInstanceOf(NotFoundError);
    expect(await stored()).toEqual(afterAdd);

    // Someone without a plan has no lanes to add to.
    expect(Object.keys(((await rejection(addMilestone(await as("mei"), milestone()))) as InvalidInputError).fieldErrors)).toEqual(["lane"]);
  });

  it("hold at most ten a lane this quarter, and keep a lane from being cleared while it has any", async () => {
    await savePlanBasics(engineer, form());
    for (let i = 1; i <= 10; i++) await addMilestone(engineer, milestone({ title: `Milestone ${i}`, targetWeek: String(i) }));
    const full = await rejection(addMilestone(engineer, milestone({ title: "One too many" })));
    expect((full as InvalidInputError).fieldErrors).toEqual({ lane: ["This lane has 10 milestones this quarter already: finish or delete one first."] });
    const moved = await addMilestone(engineer, milestone({ lane: "2", title: "In lane 2" }));
    expect(await rejection(updateMilestone(engineer, { ...milestone({ lane: "1", title: "In lane 2" }), id: moved.id, revision: "1" }))).toBeInstanceOf(InvalidInputError);

    const before = await stored();
    const cleared = await rejection(savePlanBasics(engineer, form({ revision: "1", "lanes.0.name": "", "lanes.0.outcome": "", "lanes.0.metrics": "", "lanes.1.name": "", "lanes.1.outcome": "" })));
    expect((cleared as InvalidInputError).fieldErrors).toEqual({
      "lanes.0.name": ["This lane has 10 milestones this quarter: move or delete them before you clear the lane."],
      "lanes.1.name": ["This lane has a milestone this quarter: move or delete it before you clear the lane."],
    });
    expect(await stored()).toEqual(before);
    // Renaming a lane keeps its milestones with it; clearing an empty lane is fine.
    await savePlanBasics(engineer, form({ revision: "1", "lanes.0.name": "Ledger depth", "lanes.2.name": "" }));
    expect((await getPlan(engineer, engineer.id)).milestones.filter((m) => m.lane === 1)).toHaveLength(10);
  });

  it("are changed by their plan's owner alone: read-only for the manager chain and admins, not found for anyone else", async () => {
    const ravi = await as("ravi");
    await savePlanBasics(ravi, form());
    const { id } = await addMilestone(ravi, milestone());
    const before = await stored();
    for (const who of ["jonas", "marcus", "alex"]) {
      expect(await rejection(updateMilestone(await as(who), { ...milestone({ title: "Theirs now" }), id, revision: "1" })), who).toBeInstanceOf(NotAllowedError);
      expect(await rejection(setMilestoneDone(await as(who), { id, revision: "1", done: "on" })), who).toBeInstanceOf(NotAllowedError);
      expect(await rejection(deleteMilestone(await as(who), { id, revision: "1" })), who).toBeInstanceOf(NotAllowedError);
    }
    for (const who of ["tom", "priya", "lena"]) {
      expect(await rejection(updateMilestone(await as(who), { ...milestone({ title: "Theirs now" }), id, revision: "1" })), who).toBeInstanceOf(NotFoundError);
      expect(await rejection(deleteMilestone(await as(who), { id, revision: "1" })), who).toBeInstanceOf(NotFoundError);
    }
    expect(await stored()).toEqual(before);
  });

  it("lose the link to evidence its owner deletes, and keep the rest", async () => {
    await savePlanBasics(engineer, form());
    const item = await createEvidence(engineer, { title: "Game day notes", kind: "incident-review", occurredOn: "2026-11-02", link: null, body: "", cellIds: [] });
    await addMilestone(engineer, milestone({ evidenceId: item.id }));
    await deleteEvidence(engineer, { id: item.id, revision: 1 });
    expect(await handle.db.$count(evidence, eq(evidence.id, item.id))).toBe(0);
    expect((await getPlan(engineer, engineer.id)).milestones).toEqual([expect.objectContaining({ title: "Write the ledger storage design doc", evidence: null })]);
  });
});
