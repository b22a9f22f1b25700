import { asc } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditEvents, growthCheckIns } from "@/db/schema";
import { createDemoDatabase } from "@/test/people";
import type { TestDatabase } from "@/test/database";
import type { Viewer } from "@/lib/auth/policy";
import { monthsBefore } from "@/lib/dates";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import { CHECK_INS_SHOWN } from "@/lib/plan/check-ins";
import { listAuditEvents } from "./audit";
import { listCheckIns, saveCheckIn } from "./plan-check-ins";

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

/** The check-in form as a browser posts it. */
const form = (patch: Record<string, string | string[]> = {}) => ({
  learning: "Yes: the ledger rewrite taught me storage engines.",
  learningRating: "4",
  lookingForward: "Mostly, less so on on-call weeks.",
  lookingForwardRating: "3",
  connected: "The payments team, yes; the rest of the company less.",
  connectedRating: "3",
  impact: "The checkout incidents halved.",
  impactRating: "5",
  ...patch,
});

async function stored() {
  return { checkIns: await handle.db.select().from(growthCheckIns).orderBy(asc(growthCheckIns.id)), audit: await handle.db.$count(auditEvents) };
}

describe("the half-yearly check-in", () => {
  it("is asked for when there is none, saved dated now and audited, and asked for again six months after the last", async () => {
    expect(await listCheckIns(lena, lena.id)).toMatchObject({ items: [], total: 0, due: true, canEdit: true });
    const before = Date.now();
    await saveCheckIn(lena, form());
    let log = await listCheckIns(lena, lena.id);
    expect(log).toMatchObject({ total: 1, due: false });
    expect(log.items[0]).toMatchObject({ learning: "Yes: the ledger rewrite taught me storage engines.", learningRating: 4, lookingForwardRating: 3, connectedRating: 3, impactRating: 5 });
    expect(log.items[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1_000);

    // A check-in made seven months ago and one eight months ago: the last is over six months old.
    await handle.db.delete(growthCheckIns);
    const ago = (months: number) => monthsBefore(new Date(), months);
    await handle.db.insert(growthCheckIns).values(
      [7, 8].map((m) => ({ ownerId: lena.id, learning: `${m} months ago`, learningRating: 3, lookingForward: "a", lookingForwardRating: 3, connected: "b", connectedRating: 3, impact: "c", impactRating: 3, createdAt: ago(m) })),
    );
    log = await listCheckIns(lena, lena.id);
    expect(log.due).toBe(true);
    expect(log.items.map((c) => c.learning)).toEqual(["7 months ago", "8 months ago"]);
    await handle.db.insert(growthCheckIns).values({ ownerId: lena.id, learning: "5 months ago", learningRating: 3, lookingForward: "a", lookingForwardRating: 3, connected: "b", connectedRating: 3, impact: "c", impactRating: 3, createdAt: ago(5) });
    expect((await listCheckIns(lena, lena.id)).due).toBe(false);

    const audit = await listAuditEvents(await as("alex"), { action: "plan.check-in.create" });
    expect(audit.events).toHaveLength(1);
    expect(audit.events[0]!.subject?.name).toBe("Lena Fischer");
    expect(audit.events[0]!.description.phrase.map((p) => (typeof p === "string" ? p : p.text)).join("")).toBe("answered the half-yearly check-in on their growth plan");
    expect(audit.events[0]!.description.changes).toEqual([
      { field: "Learning", to: "4 of 5" },
      { field: "Looking forward to work", to: "3 of 5" },
      { field: "Feeling connected", to: "3 of 5" },
      { field: "Making an impact", to: "5 of 5" },
    ]);
  });

  it("answers each kind of bad input on its field, storing nothing", async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ["a missing answer", form({ learning: " " }), "learning"],
      ["an answer too long", form({ impact: "i".repeat(1_001) }), "impact"],
      ["an answer with a NUL", form({ connected: "yes\u0000" }), "connected"],
      ["no feeling", form({ learningRating: "" }), "learningRating"],
      ["a feeling of 0", form({ impactRating: "0" }), "impactRating"],
      ["a feeling of 6", form({ connectedRating: "6" }), "connectedRating"],
      ["a feeling of 2.5", form({ lookingForwardRating: "2.5" }), "lookingForwardRating"],
      ["a feeling that is not a number", form({ learningRating: "very" }), "learningRating"],
      ["a feeling sent twice", form({ learningRating: ["1", "5"] }), "learningRating"],
    ];
    const missing: Record<string, unknown> = form();
    delete missing.impact;
    cases.push(["an answer not sent", missing, "impact"]);
    const before = await stored();
    for (const [name, input, field] of cases) {
      const err = await rejection(saveCheckIn(lena, input));
      expect(err, name).toBeInstanceOf(InvalidInputError);
      expect(Object.keys((err as InvalidInputError).fieldErrors), name).toEqual([field]);
    }
    expect(await stored()).toEqual(before);
  });

  it("is always the viewer's own, read by their manager chain and admins, not found for anyone else", async () => {
    const ravi = await as("ravi");
    await saveCheckIn(ravi, { ...form(), ownerId: lena.id, personId: lena.id });
    expect((await listCheckIns(lena, lena.id)).total).toBe(0);
    for (const who of ["ravi", "jonas", "marcus", "alex"]) expect(await listCheckIns(await as(who), ravi.id), who).toMatchObject({ total: 1, canEdit: who === "ravi" });
    for (const who of ["tom", "priya", "lena"]) expect(await rejection(listCheckIns(await as(who), ravi.id)), who).toBeInstanceOf(NotFoundError);
    expect(await rejection(listCheckIns(await as("alex"), "not-an-id"))).toBeInstanceOf(NotFoundError);
  });

  it("lists the newest check-ins, bounded, with how many there are", async () => {
    const rows = Array.from({ length: CHECK_INS_SHOWN + 3 }, (_, i) => ({
      ownerId: lena.id,
      learning: `Check-in ${i}`,
      learningRating: 3,
      lookingForward: "a",
      lookingForwardRating: 3,
      connected: "b",
      connectedRating: 3,
      impact: "c",
      impactRating: 3,
      createdAt: monthsBefore(new Date(), 100 - i),
    }));
    await handle.db.insert(growthCheckIns).values(rows);
    const log = await listCheckIns(lena, lena.id);
    expect(log.total).toBe(CHECK_INS_SHOWN + 3);
    expect(log.items).toHaveLength(CHECK_INS_SHOWN);
    expect(log.items[0]!.learning).toBe(`Check-in ${CHECK_INS_SHOWN + 2}`);
  });
});
