import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDatabase } from "@/db/runtime";
import { users } from "@/db/schema";
import type { TestDatabase } from "@/test/database";
import { createDemoDatabase } from "@/test/people";
import { installCountingDatabase } from "@/test/statement-counter";
import { loadViewer, mayReadPerson, readablePeople, resolveReports } from "./viewer";

/**
 * The person behind every request: one statement, with no one's reporting tree, which would grow
 * with the organisation. A check asks the tree about the people it concerns, once a request.
 */

let handle: TestDatabase;
let idOf: (key: string) => Promise<string>;

beforeEach(async () => {
  ({ handle, idOf } = await createDemoDatabase());
});
afterEach(async () => {
  await handle.close();
});

describe("the viewer of a request", () => {
  it("is read in one statement, carrying no reporting tree, with whether anyone reports to them", async () => {
    const ids = { marcus: await idOf("marcus"), alex: await idOf("alex"), sam: await idOf("sam") };
    const counter = installCountingDatabase(handle);
    const expected = { marcus: ["manager", true], alex: ["admin", true], sam: ["engineer", false] } as const;
    for (const key of ["marcus", "alex", "sam"] as const) {
      const read = await counter.count(() => loadViewer(ids[key]));
      expect(read.statements, key).toBe(1);
      expect(read.result, key).toMatchObject({ role: expected[key][0], hasReports: expected[key][1] });
      expect(read.result!.reportIds.size, key).toBe(0);
    }
  });

  it("asks the tree about the people concerned, in one statement, and never twice about the same person", async () => {
    const [ravi, sam, aisha] = [await idOf("ravi"), await idOf("sam"), await idOf("aisha")];
    const marcus = (await loadViewer(await idOf("marcus")))!;
    const counter = installCountingDatabase(handle);
    const { db } = await getDatabase();

    // Marcus leads a manager: his tree reaches two levels down, and Sam is not in it.
    const first = await counter.count(() => resolveReports(marcus, db, [ravi, sam, marcus.id, "not-an-id"]));
    expect(first.statements).toBe(1);
    expect(first.result).toBe(marcus);
    expect(marcus.reportIds.has(ravi)).toBe(true);
    expect(marcus.reportIds.has(sam)).toBe(false);

    // Asked again, alone or at once from two places: nothing more is read.
    const again = await counter.count(() => Promise.all([mayReadPerson(marcus, db, ravi), mayReadPerson(marcus, db, sam), readablePeople(marcus, db, [ravi, sam])]));
    expect(again.statements).toBe(0);
    expect(again.result).toEqual([true, false, [ravi]]);

    // Two questions about a new person on their way together share one statement.
    const together = await counter.count(() => Promise.all([mayReadPerson(marcus, db, aisha), mayReadPerson(marcus, db, aisha)]));
    expect(together.statements).toBe(1);
  });

  it("reads nothing for an admin's reads, an engineer, a manager without reports, or a malformed id", async () => {
    const [alex, sam, priya] = [(await loadViewer(await idOf("alex")))!, (await loadViewer(await idOf("sam")))!, await idOf("priya")];
    // A manager nobody reports to yet.
    await handle.db.update(users).set({ role: "manager" }).where(eq(users.id, sam.id));
    const newManager = (await loadViewer(sam.id))!;
    const counter = installCountingDatabase(handle);
    const { db } = await getDatabase();
    const none = await counter.count(() =>
      Promise.all([mayReadPerson(alex, db, priya), mayReadPerson(newManager, db, priya), mayReadPerson(sam, db, priya), mayReadPerson(alex, db, "x' or 1=1")]),
    );
    expect(none.statements).toBe(0);
    expect(none.result).toEqual([true, false, false, false]);
  });

  it("asks an admin's tree where they act as a manager, for the people asked about", async () => {
    const alex = (await loadViewer(await idOf("alex")))!;
    const below = [await idOf("priya"), await idOf("sam")];
    const counter = installCountingDatabase(handle);
    const { db } = await getDatabase();
    const asked = await counter.count(() => resolveReports(alex, db, [...below, alex.id]));
    expect(asked.statements).toBe(1);
    expect([...alex.reportIds].sort()).toEqual([...below].sort());
  });
});
