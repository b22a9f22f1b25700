import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { seedDatabase } from "@/db/seed";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { BENCH_DOMAIN, benchOrganisation, loadBenchOrganisation } from "./bench-organisation";

/** The benchmark's organisation: the same people on every run, loaded through the people import. */

describe("the benchmark's organisation", () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDatabase(handle, { demo: true });
  });
  afterAll(async () => {
    await handle.close();
  });

  it("is the same on every run, a tree of directors, managers and their engineers", () => {
    const people = benchOrganisation(500, "top@example.com");
    expect(benchOrganisation(500, "top@example.com")).toEqual(people);
    expect(people).toHaveLength(500);
    const directors = people.filter((p) => p.managerEmail === "top@example.com");
    const managers = people.filter((p) => directors.some((d) => d.email === p.managerEmail));
    expect(managers.length).toBeGreaterThanOrEqual(44);
    expect(people.filter((p) => p.role === "engineer").every((p) => managers.some((m) => m.email === p.managerEmail && m.team === p.team) && p.step)).toBe(true);
  });

  it("grows the demo to the size asked for through the import, with evidence, assessments and history", async () => {
    const made = await loadBenchOrganisation(handle, { people: 150 });
    expect(made).toMatchObject({ people: 150, imported: 137 });
    expect(made.evidence).toBeGreaterThanOrEqual(1500);
    expect(made.assessments).toBeGreaterThanOrEqual(150);
    expect(made.director.below).toBeGreaterThan(100);
    const [row] = await queryRows<{ placed: number; linked: number; created: number; unplaced: number }>(
      handle.db,
      sql`select
          (select count(*)::int from placements p join users u on u.id = p.user_id where u.email like ${`%@${BENCH_DOMAIN}`}) as placed,
          (select count(distinct evidence_id)::int from evidence_cells) as linked,
          (select count(*)::int from audit_events where action = 'user.create' and after->>'via' = 'import') as created,
          (select count(*)::int from audit_events where action like 'evidence.%' and subject_id is null) as unplaced`,
    );
    expect(row!.created).toBe(137);
    expect(row!.placed).toBeGreaterThan(100);
    expect(row!.linked).toBe(made.evidence);
    // The generated history concerns someone, as the app's own events do, so the log's person filter finds it.
    expect(row!.unplaced).toBe(0);
  });
});
