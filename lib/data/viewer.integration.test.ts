import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDemoDatabase } from "@/test/people";
import type { TestDatabase } from "@/test/database";
import { installCountingDatabase } from "@/test/statement-counter";
import { getDatabase } from "@/db/runtime";
import { asManagerOf, loadViewer } from "./viewer";

/**
 * The person behind every request: one statement, carrying a manager's reporting tree and never an
 * admin's, which would grow with the organisation; an admin's tree is asked about where they act
 * as a manager, for the people concerned.
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
  it("is read in one statement, with a manager's tree, an admin's left out, and whether anyone reports to them", async () => {
    const [marcusId, alexId] = [await idOf("marcus"), await idOf("alex")];
    const counter = installCountingDatabase(handle);
    const marcus = await counter.count(() => loadViewer(marcusId));
    expect(marcus.statements).toBe(1);
    expect(marcus.result).toMatchObject({ role: "manager", hasReports: true });
    // Marcus leads a manager: his tree reaches two levels down.
    expect(marcus.result!.reportIds.has(await idOf("ravi"))).toBe(true);

    const alex = await counter.count(() => loadViewer(alexId));
    expect(alex.statements).toBe(1);
    expect(alex.result).toMatchObject({ role: "admin", hasReports: true });
    expect(alex.result!.reportIds.size).toBe(0);

    const sam = await loadViewer(await idOf("sam"));
    expect(sam).toMatchObject({ role: "engineer", hasReports: false });
    expect(sam!.reportIds.size).toBe(0);
  });

  it("as an admin's manager side, holds those of the people asked about who are below them, in one statement", async () => {
    const alex = (await loadViewer(await idOf("alex")))!;
    const below = [await idOf("priya"), await idOf("sam")];
    const counter = installCountingDatabase(handle);
    const { db } = await getDatabase();
    const asManager = await counter.count(() => asManagerOf(alex, db, [...below, alex.id, "not-an-id"]));
    expect(asManager.statements).toBe(1);
    expect([...asManager.result.reportIds].sort()).toEqual([...below].sort());
    // Anyone else is as they were, and nothing is asked.
    const priya = (await loadViewer(await idOf("priya")))!;
    const samId = await idOf("sam");
    const same = await counter.count(() => asManagerOf(priya, db, [samId]));
    expect(same.result).toBe(priya);
    expect(same.statements).toBe(0);
  });
});
