import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { calibrationSessions, placements, promotionCases, reviewCycles, steps, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/policy";
import type { TestDatabase } from "@/test/database";
import { createDemoDatabase } from "@/test/people";
import { installCountingDatabase } from "@/test/statement-counter";
import { getBoard } from "./calibration";

/**
 * The calibration page costs the same number of SQL statements with the demo's five cases as with
 * three hundred: nothing is read per case or per person.
 */

let handle: TestDatabase;
let as: (key: string) => Promise<Viewer>;

beforeEach(async () => {
  ({ handle, as } = await createDemoDatabase());
});
afterEach(async () => {
  await handle.close();
});

async function addCases(n: number) {
  const [cycle] = await handle.db.select({ id: reviewCycles.id }).from(reviewCycles).where(eq(reviewCycles.status, "open"));
  const [from] = await handle.db.select({ id: steps.id, versionId: steps.versionId }).from(steps).where(eq(steps.key, "senior-engineer"));
  const [to] = await handle.db.select({ id: steps.id }).from(steps).where(eq(steps.key, "staff-engineer"));
  const [alex] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, "alex.morgan@example.com"));
  const people = await handle.db
    .insert(users)
    .values(Array.from({ length: n }, (_, i) => ({ email: `scale-${i}@example.com`, name: `Scale Person ${i}`, managerId: alex!.id })))
    .returning({ id: users.id });
  await handle.db.insert(placements).values(people.map((p) => ({ userId: p.id, versionId: from!.versionId, stepId: from!.id, effectiveOn: "2024-01-01", reason: "initial" as const })));
  await handle.db.insert(promotionCases).values(
    people.map((p) => ({
      subjectId: p.id,
      reviewCycleId: cycle!.id,
      versionId: from!.versionId,
      fromStepId: from!.id,
      toStepId: to!.id,
      narrative: "Ready for staff.",
      status: "proposed" as const,
      createdById: alex!.id,
      proposedById: alex!.id,
      proposedAt: new Date(),
    })),
  );
}

describe("the calibration page at scale", () => {
  it("reads 5 and 305 cases in the same number of statements", async () => {
    const counter = installCountingDatabase(handle);
    const [session] = await handle.db.select({ id: calibrationSessions.id }).from(calibrationSessions).where(eq(calibrationSessions.status, "preparing"));
    // A viewer is read for each request, and what it learnt of the reporting tree goes with it.
    const admin = () => as("alex");

    // Once: the framework version's content is then read from the process, as on every later request.
    await getBoard(await admin(), session!.id);
    const small = await counter.count(async () => getBoard(await admin(), session!.id));
    expect(small.result.cases).toHaveLength(5);
    await addCases(300);
    const large = await counter.count(async () => getBoard(await admin(), session!.id));
    expect(large.result.cases).toHaveLength(305);
    expect(large.statements).toBe(small.statements);

    // Filtered to one target step, the board still answers in the same statements.
    const staff = large.result.targets.find((t) => t.name === "Staff Engineer")!;
    const filtered = await counter.count(async () => getBoard(await admin(), session!.id, { step: staff.id }));
    expect(filtered.result.cases).toHaveLength(302);
    expect(filtered.statements).toBe(small.statements);
    console.log(`calibration page: ${small.statements} statements with 5 cases, ${large.statements} with 305`);
  });
});
