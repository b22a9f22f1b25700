import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cells, evidence, evidenceCells, frameworks, frameworkVersions, dimensions, steps } from "@/db/schema";
import { createDemoDatabase } from "@/test/people";
import type { TestDatabase } from "@/test/database";
import type { Viewer } from "@/lib/auth/policy";
import { ConflictError, InvalidInputError, NotAllowedError, NotFoundError } from "@/lib/errors";
import { listAuditEvents } from "./audit";
import { countEvidenceByCell, createEvidence, deleteEvidence, EVIDENCE_PAGE_SIZE, getEvidence, listEvidence, listEvidencePage, updateEvidence } from "./evidence";

let handle: TestDatabase;
let as: (key: string) => Promise<Viewer>;
let engineer: Viewer;
let cellIds: string[];

beforeEach(async () => {
  let versionId: string;
  ({ handle, as, versionId } = await createDemoDatabase());
  // Lena has no seeded evidence.
  engineer = await as("lena");
  cellIds = (await handle.db.select({ id: cells.id }).from(cells).where(eq(cells.versionId, versionId))).map((c) => c.id);
});
afterEach(async () => {
  await handle.close();
});

const rejection = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as Error);
const item = (patch: object = {}) => ({
  title: "Billing migration design",
  kind: "design-doc" as const,
  occurredOn: "2026-03-02",
  link: "https://docs.example.com/billing",
  body: "Proposed the **double-write** plan and the rollback.",
  cellIds: [cellIds[0]!, cellIds[1]!],
  ...patch,
});

describe("evidence", () => {
  it("is created, linked to cells, counted per cell, edited and deleted by its owner, each change audited", async () => {
    const { id } = await createEvidence(engineer, item());
    await createEvidence(engineer, item({ title: "Incident review: queue outage", kind: "incident-review", cellIds: [cellIds[0]!], body: "Wrote the review." }));
    const counts = await countEvidenceByCell(engineer, engineer.id);
    expect(counts.get(cellIds[0]!)).toBe(2);
    expect(counts.get(cellIds[1]!)).toBe(1);

    await updateEvidence(engineer, { ...item({ title: "Billing migration: design and rollout", cellIds: [cellIds[2]!] }), id, revision: 1 });
    expect(await getEvidence(engineer, id)).toMatchObject({ title: "Billing migration: design and rollout", revision: 2, cellIds: [cellIds[2]!] });
    expect(await rejection(updateEvidence(engineer, { ...item(), id, revision: 1 }))).toBeInstanceOf(ConflictError);
    await deleteEvidence(engineer, { id, revision: 2 });
    expect(await rejection(getEvidence(engineer, id))).toBeInstanceOf(NotFoundError);
    const actions = (await listAuditEvents(await as("alex"), { entityType: "evidence" })).events.map((e) => e.action);
    expect(actions.slice(0, 4)).toEqual(["evidence.delete", "evidence.update", "evidence.create", "evidence.create"]);
  });

  it("is found by words in its title or body, and filtered by kind, date and cell", async () => {
    await createEvidence(engineer, item());
    await createEvidence(engineer, item({ title: "Talk at the platform guild", kind: "talk", occurredOn: "2026-06-10", body: "About migrations and queues.", cellIds: [cellIds[3]!] }));
    await createEvidence(engineer, item({ title: "Mentored Lena", kind: "mentoring", occurredOn: "2025-11-01", body: "Weekly pairing.", cellIds: [] }));
    const titles = async (filter: object) => (await listEvidence(engineer, engineer.id, filter)).map((e) => e.title);
    expect(await titles({ q: "migration" })).toEqual(["Talk at the platform guild", "Billing migration design"]);
    expect(await titles({ q: "rollback" })).toEqual(["Billing migration design"]);
    expect(await titles({ q: "pairing" })).toEqual(["Mentored Lena"]);
    expect(await titles({ kind: "talk" })).toEqual(["Talk at the platform guild"]);
    expect(await titles({ from: "2026-01-01", to: "2026-04-01" })).toEqual(["Billing migration design"]);
    expect(await titles({ cellId: cellIds[3]! })).toEqual(["Talk at the platform guild"]);
    expect(await titles({ q: "'; drop table evidence; --" })).toEqual([]);
  });

  it("is read a page at a time, newest first, with the count of everything that matches", async () => {
    // 120 items, one a day back from 2026-06-30, the talks every third day; each proves the first cell.
    const rows = await handle.db
      .insert(evidence)
      .values(
        Array.from({ length: 120 }, (_, i) => ({
          ownerId: engineer.id,
          title: `Item ${i}`,
          kind: i % 3 === 0 ? ("talk" as const) : ("other" as const),
          occurredOn: new Date(Date.UTC(2026, 5, 30 - i)).toISOString().slice(0, 10),
        })),
      )
      .returning({ id: evidence.id });
    await handle.db.insert(evidenceCells).values(rows.map((r) => ({ evidenceId: r.id, cellId: cellIds[0]! })));

    const first = await listEvidencePage(engineer, engineer.id);
    expect(first).toMatchObject({ total: 120, page: 1, pages: 3 });
    expect(first.items).toHaveLength(EVIDENCE_PAGE_SIZE);
    expect(first.items[0]).toMatchObject({ title: "Item 0", cellIds: [cellIds[0]], canEdit: true });
    const last = await listEvidencePage(engineer, engineer.id, {}, "3");
    expect(last.items.map((e) => e.title)).toEqual(Array.from({ length: 20 }, (_, i) => `Item ${100 + i}`));
    // A page past the end is the last one; a page that is not a number, the first.
    expect((await listEvidencePage(engineer, engineer.id, {}, 99)).page).toBe(3);
    expect((await listEvidencePage(engineer, engineer.id, {}, "2; drop table evidence")).page).toBe(1);
    expect(await listEvidencePage(engineer, engineer.id, { kind: "talk" }, 2)).toMatchObject({ total: 40, page: 1, pages: 1 });
    expect(await listEvidencePage(engineer, engineer.id, { kind: "mentoring" }, 2)).toMatchObject({ items: [], total: 0, page: 1, pages: 1 });

    const manager = await as("priya");
    expect((await listEvidencePage(manager, engineer.id, {}, 2)).items.every((e) => !e.canEdit)).toBe(true);
    expect(await rejection(listEvidencePage(await as("aisha"), engineer.id))).toBeInstanceOf(NotFoundError);
  });

  it("is read by the owner's manager chain and admins, and by nobody else; changed by the owner alone", async () => {
    const { id } = await createEvidence(engineer, item());
    expect(await getEvidence(await as("priya"), id)).toMatchObject({ title: "Billing migration design", canEdit: false });
    expect(await getEvidence(await as("alex"), id)).toMatchObject({ canEdit: false });
    expect((await listEvidence(await as("alex"), engineer.id)).map((e) => e.canEdit)).toEqual([false]);
    expect(await getEvidence(engineer, id)).toMatchObject({ canEdit: true });
    expect((await listEvidence(engineer, engineer.id)).map((e) => e.canEdit)).toEqual([true]);
    for (const who of ["sam", "marcus", "aisha"]) {
      expect(await rejection(getEvidence(await as(who), id))).toBeInstanceOf(NotFoundError);
      expect(await rejection(listEvidence(await as(who), engineer.id))).toBeInstanceOf(NotFoundError);
      expect(await rejection(updateEvidence(await as(who), { ...item({ title: "Mine now" }), id, revision: 1 }))).toBeInstanceOf(NotFoundError);
      expect(await rejection(deleteEvidence(await as(who), { id, revision: 1 }))).toBeInstanceOf(NotFoundError);
    }
    expect(await rejection(updateEvidence(await as("priya"), { ...item({ title: "Edited by manager" }), id, revision: 1 }))).toBeInstanceOf(NotAllowedError);
    expect((await getEvidence(engineer, id)).title).toBe("Billing migration design");
  });

  it("refuses cells of another framework version, forged cell ids, bad links and future dates, changing nothing", async () => {
    const [fw] = await handle.db.select().from(frameworks);
    const [v2] = await handle.db.insert(frameworkVersions).values({ frameworkId: fw!.id, number: 2, status: "draft" }).returning();
    const [s] = await handle.db.insert(steps).values({ versionId: v2!.id, key: "x", name: "X", position: 0 }).returning();
    const [d] = await handle.db.insert(dimensions).values({ versionId: v2!.id, key: "y", name: "Y", position: 0 }).returning();
    const [foreign] = await handle.db.insert(cells).values({ versionId: v2!.id, stepId: s!.id, dimensionId: d!.id, summary: "Other" }).returning();
    expect(await rejection(createEvidence(engineer, item({ cellIds: [foreign!.id] })))).toBeInstanceOf(InvalidInputError);
    expect(await rejection(createEvidence(engineer, item({ cellIds: [randomUUID()] })))).toBeInstanceOf(InvalidInputError);
    expect(await rejection(createEvidence(engineer, item({ link: "javascript:alert(1)" })))).toBeInstanceOf(InvalidInputError);
    expect(await rejection(createEvidence(engineer, item({ occurredOn: "2999-01-01" })))).toBeInstanceOf(InvalidInputError);
    expect(await rejection(createEvidence(engineer, item({ title: "" })))).toBeInstanceOf(InvalidInputError);
    expect(await listEvidence(engineer, engineer.id)).toEqual([]);
    // A manager with no placement links to the published path, and not to a draft.
    expect(await rejection(createEvidence(await as("priya"), item({ cellIds: [foreign!.id] })))).toBeInstanceOf(InvalidInputError);
    await expect(createEvidence(await as("priya"), item())).resolves.toMatchObject({ id: expect.any(String) });
    expect(await handle.db.$count(cells, eq(cells.versionId, v2!.id))).toBe(1);
  });
});
