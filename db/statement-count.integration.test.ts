import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statementCount } from "@/lib/data/health";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { installDatabase } from "./runtime";
import { teams } from "./schema";

/** The benchmark's statement count: every statement the driver sends, and nothing when it is off. */

describe("counting statements", () => {
  let counting: TestDatabase;
  let plain: TestDatabase;
  beforeAll(async () => {
    [counting, plain] = await Promise.all([createTestDatabase({ countStatements: true }), createTestDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([counting.close(), plain.close()]);
  });

  /** The statements `run` sends, after one query has opened a connection (postgres.js looks its types up on each new one). */
  async function sent(run: () => Promise<unknown>): Promise<number> {
    await counting.db.select().from(teams);
    const before = counting.statements!();
    await run();
    return counting.statements!() - before;
  }

  it("counts each query, and a transaction's begin and commit", async () => {
    const { db } = counting;
    expect(await sent(() => db.select().from(teams))).toBe(1);
    expect(await sent(() => db.execute(sql`select 1`))).toBe(1);
    expect(await sent(async () => (await db.select().from(teams), await db.select().from(teams)))).toBe(2);
    expect(
      await sent(() =>
        db.transaction(async (tx) => {
          const [row] = await tx.insert(teams).values({ name: "Counted" }).returning({ id: teams.id });
          await tx.update(teams).set({ name: "Counted again" }).where(eq(teams.id, row!.id));
        }),
      ),
    ).toBe(4);
    expect(await sent(() => counting.ping())).toBe(1);
  });

  it("answers through the health check's count, and wraps nothing when it is off", async () => {
    installDatabase(counting);
    const first = await statementCount();
    await counting.db.select().from(teams);
    expect((await statementCount())! - first!).toBe(1);

    expect(plain.statements).toBeUndefined();
    installDatabase(plain);
    expect(await statementCount()).toBeNull();
  });
});
