import { randomUUID } from "node:crypto";
import { asc } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditEvents, growthExperiments } from "@/db/schema";
import { createDemoDatabase } from "@/test/people";
import type { TestDatabase } from "@/test/database";
import type { Viewer } from "@/lib/auth/policy";
import { isoDate } from "@/lib/dates";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { addDays, EXPERIMENTS_SHOWN } from "@/lib/plan/experiments";
import { listAuditEvents } from "./audit";
import { closeExperiment, countOverdueExperiments, createExperiment, listExperiments, updateExperiment } from "./plan-experiments";

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
const today = () => isoDate(new Date());
const day = (n: number) => addDays(today(), n);

/** An experiment's form as a browser posts it: nine weeks from today. */
const form = (patch: Record<string, string | string[]> = {}) => ({
  hypothesis: "Leading the on-call rota makes me the person teams ask about reliability.",
  startsOn: day(0),
  endsOn: day(63),
  actions: "Run the rota for a quarter; write the handover guide.",
  metrics: "Pages per week down from 12 to 6.",
  rollback: "If my design work slips two sprints running.",
  ...patch,
});

/** Everything a change may touch: every experiment and the audit log. */
async function stored() {
  return { experiments: await handle.db.select().from(growthExperiments).orderBy(asc(growthExperiments.id)), audit: await handle.db.$count(auditEvents) };
}

describe("the experiment log", () => {
  it("logs an experiment, changes it while open, closes it with outcome and next step, each change audited in words", async () => {
    const { id } = await createExperiment(lena, form());
    let log = await listExperiments(lena, lena.id);
    expect(log).toMatchObject({ total: 1, overdue: 0, canEdit: true });
    expect(log.items[0]).toMatchObject({ id, startsOn: day(0), endsOn: day(63), closedAt: null, revision: 1, overdue: false, outcome: "", nextStep: "" });

    await updateExperiment(lena, form({ id, revision: "1", endsOn: day(84), metrics: "Pages per week down to 5." }));
    await closeExperiment(lena, { id, revision: "2", outcome: "Pages halved; teams now ask me first.", nextStep: "Keep the rota, hand half of it on." });
    log = await listExperiments(lena, lena.id);
    expect(log.items[0]).toMatchObject({ endsOn: day(84), metrics: "Pages per week down to 5.", outcome: "Pages halved; teams now ask me first.", nextStep: "Keep the rota, hand half of it on.", revision: 3 });
    expect(log.items[0]!.closedAt).toBeInstanceOf(Date);

    const audit = await listAuditEvents(await as("alex"), { entityType: "growth_experiment" });
    expect(audit.events.map((e) => [e.action, e.actor?.name, e.subject?.name])).toEqual([
      ["plan.experiment.close", "Lena Fischer", "Lena Fischer"],
      ["plan.experiment.update", "Lena Fischer", "Lena Fischer"],
      ["plan.experiment.create", "Lena Fischer", "Lena Fischer"],
    ]);
    const text = (e: (typeof audit.events)[number]) => e.description.phrase.map((p) => (typeof p === "string" ? p : p.text)).join("");
    expect(text(audit.events[2]!)).toBe("logged an experiment on their growth plan");
    expect(text(audit.events[1]!)).toBe("changed the experiment “Leading the on-call rota makes me the person teams ask about reliability.” on their growth plan");
    expect(audit.events[1]!.description.changes.map((c) => c.field)).toEqual(["Ends", "Success metrics"]);
    expect(audit.events[0]!.description.notes).toEqual([
      { label: "Outcome", text: "Pages halved; teams now ask me first." },
      { label: "Next step", text: "Keep the rota, hand half of it on." },
    ]);
  });

  it("keeps a closed experiment as it was closed", async () => {
    const { id } = await createExperiment(lena, form());
    await closeExperiment(lena, { id, revision: "1", outcome: "It worked.", nextStep: "Keep it." });
    const before = await stored();
    expect(await rejection(updateExperiment(lena, form({ id, revision: "2", hypothesis: "Rewritten." })))).toBeInstanceOf(InvalidInputError);
    expect(await rejection(closeExperiment(lena, { id, revision: "2", outcome: "Again.", nextStep: "Again." }))).toBeInstanceOf(InvalidInputError);
    expect(await stored()).toEqual(before);
  });

  it("flags open experiments past their end date, on the plan and for the home page, and not closed ones", async () => {
    const { id: overdue } = await createExperiment(lena, form({ startsOn: day(-70), endsOn: day(-7) }));
    await createExperiment(lena, form({ startsOn: day(-70), endsOn: day(-1) }));
    const { id: closed } = await createExperiment(lena, form({ startsOn: day(-80), endsOn: day(-20) }));
    await closeExperiment(lena, { id: closed, revision: "1", outcome: "Done.", nextStep: "Next." });
    await createExperiment(lena, form({ startsOn: day(-56), endsOn: day(0) }));
    const log = await listExperiments(lena, lena.id);
    expect(log.overdue).toBe(2);
    expect(log.items.filter((e) => e.overdue).map((e) => e.endsOn)).toEqual([day(-1), day(-7)]);
    expect(log.items.find((e) => e.id === overdue)!.overdue).toBe(true);
    expect(log.items.find((e) => e.id === closed)!.overdue).toBe(false);
    expect(await countOverdueExperiments(lena)).toBe(2);
    expect(await countOverdueExperiments(await as("priya"))).toBe(0);
  });

  it("refuses a change made on a revision it has moved past, changing nothing", async () => {
    const { id } = await createExperiment(lena, form());
    await updateExperiment(lena, form({ id, revision: "1", hypothesis: "Saved in the first tab." }));
    const before = await stored();
    for (const revision of ["1", "3"]) {
      const err = await rejection(updateExperiment(lena, form({ id, revision, hypothesis: "Saved in a stale tab." })));
      expect(err, revision).toBeInstanceOf(ConflictError);
      expect(err!.message).toMatch(/saved elsewhere \(another tab\?\)/);
      expect(await rejection(closeExperiment(lena, { id, revision, outcome: "Stale.", nextStep: "Stale." })), revision).toBeInstanceOf(ConflictError);
    }
    expect(await stored()).toEqual(before);
  });

  it("answers each kind of bad input on its field, storing nothing", async () => {
    const { id } = await createExperiment(lena, form());
    const cases: [string, Record<string, unknown>, string][] = [
      ["no hypothesis", form({ hypothesis: "  " }), "hypothesis"],
      ["a hypothesis too long", form({ hypothesis: "h".repeat(1_001) }), "hypothesis"],
      ["a NUL in the hypothesis", form({ hypothesis: "Lead\u0000on-call" }), "hypothesis"],
      ["actions with an escape code", form({ actions: "\u001b[31mred" }), "actions"],
      ["metrics too long", form({ metrics: "m".repeat(2_001) }), "metrics"],
      ["rollback criteria too long", form({ rollback: "r".repeat(2_001) }), "rollback"],
      ["no start", form({ startsOn: "" }), "startsOn"],
      ["an impossible start", form({ startsOn: "2026-02-30" }), "startsOn"],
      ["a start that is not a date", form({ startsOn: "tomorrow" }), "startsOn"],
      ["an impossible end", form({ endsOn: "2026-13-01" }), "endsOn"],
      ["an end before the start", form({ endsOn: day(-3) }), "endsOn"],
      ["an end on the start", form({ endsOn: day(0) }), "endsOn"],
      ["shorter than a week", form({ endsOn: day(6) }), "endsOn"],
      ["longer than twelve weeks", form({ endsOn: day(85) }), "endsOn"],
      ["a start years back", form({ startsOn: day(-1_000), endsOn: day(-940) }), "startsOn"],
      ["a start years ahead", form({ startsOn: day(800), endsOn: day(860) }), "startsOn"],
      ["a field sent twice", form({ hypothesis: ["one", "two"] }), "hypothesis"],
    ];
    const before = await stored();
    for (const [name, input, field] of cases) {
      const err = await rejection(createExperiment(lena, input));
      expect(err, name).toBeInstanceOf(InvalidInputError);
      expect(Object.keys((err as InvalidInputError).fieldErrors), name).toEqual([field]);
      const edit = await rejection(updateExperiment(lena, { ...input, id, revision: "1" }));
      expect(Object.keys((edit as InvalidInputError).fieldErrors), `edit: ${name}`).toEqual([field]);
    }
    for (const [name, input, field] of [
      ["no outcome", { id, revision: "1", outcome: "", nextStep: "Keep it." }, "outcome"],
      ["no next step", { id, revision: "1", outcome: "It worked.", nextStep: " " }, "nextStep"],
      ["an outcome too long", { id, revision: "1", outcome: "o".repeat(2_001), nextStep: "Keep it." }, "outcome"],
      ["a next step with a NUL", { id, revision: "1", outcome: "It worked.", nextStep: "\u0000" }, "nextStep"],
    ] as const) {
      const err = await rejection(closeExperiment(lena, input));
      expect(Object.keys((err as InvalidInputError).fieldErrors), name).toEqual([field]);
    }
    expect(await stored()).toEqual(before);
  });

  it("is written by its owner alone: another person's experiment, a made-up id or ids sent along are answered not found or not read", async () => {
    const { id } = await createExperiment(lena, form({ hypothesis: "Lena's own." }));
    const before = await stored();
    for (const who of ["priya", "alex", "sam"]) {
      const viewer = await as(who);
      expect(await rejection(updateExperiment(viewer, form({ id, revision: "1", hypothesis: "Forged." }))), who).toBeInstanceOf(NotFoundError);
      expect(await rejection(closeExperiment(viewer, { id, revision: "1", outcome: "Forged.", nextStep: "Forged." })), who).toBeInstanceOf(NotFoundError);
    }
    for (const forged of [randomUUID(), "not-an-id", "", `${id}\u0000`, "x".repeat(100)]) {
      expect(await rejection(updateExperiment(lena, form({ id: forged, revision: "1" }))), forged.slice(0, 20)).toBeInstanceOf(NotFoundError);
    }
    expect(await stored()).toEqual(before);
    // Ids sent with a new experiment are not read: it is the viewer's own.
    const sam = await as("sam");
    await createExperiment(sam, { ...form({ hypothesis: "Sam's own." }), ownerId: lena.id, personId: lena.id, id });
    expect((await listExperiments(lena, lena.id)).items.map((e) => e.hypothesis)).toEqual(["Lena's own."]);
    expect((await listExperiments(sam, sam.id)).items.map((e) => e.hypothesis)).toEqual(["Sam's own."]);
  });

  it("is read by its owner, their manager chain and admins; not found for anyone else, a malformed id and nobody", async () => {
    // Ravi reports to Jonas, who reports to Marcus, who reports to Alex (an admin).
    const ravi = await as("ravi");
    await createExperiment(ravi, form());
    for (const who of ["ravi", "jonas", "marcus", "alex"]) {
      expect(await listExperiments(await as(who), ravi.id), who).toMatchObject({ total: 1, canEdit: who === "ravi" });
    }
    for (const who of ["tom", "priya", "lena"]) expect(await rejection(listExperiments(await as(who), ravi.id)), who).toBeInstanceOf(NotFoundError);
    for (const id of ["not-an-id", "", `${ravi.id}\u0000`, "x".repeat(10_000)]) expect(await rejection(listExperiments(await as("alex"), id))).toBeInstanceOf(NotFoundError);
  });

  it("lists the newest experiments, bounded, with how many there are", async () => {
    const rows = Array.from({ length: EXPERIMENTS_SHOWN + 5 }, (_, i) => ({ ownerId: lena.id, hypothesis: `Experiment ${i}`, startsOn: day(-300 + i), endsOn: day(-240 + i) }));
    await handle.db.insert(growthExperiments).values(rows);
    const log = await listExperiments(lena, lena.id);
    expect(log.total).toBe(EXPERIMENTS_SHOWN + 5);
    expect(log.items).toHaveLength(EXPERIMENTS_SHOWN);
    expect(log.items[0]!.hypothesis).toBe(`Experiment ${EXPERIMENTS_SHOWN + 4}`);
    expect(log.overdue).toBe(EXPERIMENTS_SHOWN + 5);
  });
});
