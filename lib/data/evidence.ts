import "server-only";
import { and, count, desc, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "@/db/audit";
import type { Tx } from "@/db/client";
import { versionIdFor } from "@/db/placement-store";
import { getDatabase } from "@/db/runtime";
import { cells, evidence, evidenceCells } from "@/db/schema";
import { canChangeEvidence, type Viewer } from "@/lib/auth/policy";
import { InvalidInputError, NotAllowedError, NotFoundError } from "@/lib/errors";
import {
  deleteEvidenceSchema,
  evidenceFieldsSchema,
  evidenceFilterSchema,
  updateEvidenceSchema,
  type EvidenceFilter,
  type evidenceKinds,
} from "@/lib/evidence/schemas";
import { isUuid, parseInput } from "@/lib/validation";
import { lockForEdit } from "./revision";
import { mayReadPerson } from "./viewer";

/**
 * Evidence: what an engineer did, linked to the cells of the matrix it proves. Read by the
 * engineer, their manager chain and admins; written by the engineer alone.
 */

export type EvidenceView = {
  id: string;
  ownerId: string;
  title: string;
  body: string;
  link: string | null;
  kind: (typeof evidenceKinds)[number];
  occurredOn: string;
  revision: number;
  cellIds: string[];
  /** Whether the viewer may edit or delete this item (its owner), or only read it (manager chain, admins). */
  canEdit: boolean;
};

const columns = {
  id: evidence.id,
  ownerId: evidence.ownerId,
  title: evidence.title,
  body: evidence.body,
  link: evidence.link,
  kind: evidence.kind,
  occurredOn: evidence.occurredOn,
  revision: evidence.revision,
};

/** Rows as the viewer sees them: with the cells each proves and what the viewer may do with it. */
async function toViews(viewer: Viewer, db: Tx | Awaited<ReturnType<typeof getDatabase>>["db"], rows: Omit<EvidenceView, "cellIds" | "canEdit">[]): Promise<EvidenceView[]> {
  if (rows.length === 0) return [];
  const links = await db
    .select({ evidenceId: evidenceCells.evidenceId, cellId: evidenceCells.cellId })
    .from(evidenceCells)
    .where(inArray(evidenceCells.evidenceId, rows.map((r) => r.id)));
  return rows.map((r) => ({ ...r, cellIds: links.filter((l) => l.evidenceId === r.id).map((l) => l.cellId), canEdit: canChangeEvidence(viewer, r.ownerId) }));
}

/** How many items a page of evidence shows. */
export const EVIDENCE_PAGE_SIZE = 50;

export type EvidencePage = {
  items: EvidenceView[];
  /** Every item that matches the filter, on this page or another. */
  total: number;
  /** This page (from 1) and how many there are (at least 1). */
  page: number;
  pages: number;
};

/** The rows that match a filter, as conditions on the evidence table. */
function matching(ownerId: string, filter: EvidenceFilter): SQL | undefined {
  const conditions: SQL[] = [eq(evidence.ownerId, ownerId)];
  if (filter.q) {
    conditions.push(sql`to_tsvector('english', ${evidence.title} || ' ' || ${evidence.body}) @@ websearch_to_tsquery('english', ${filter.q})`);
  }
  if (filter.kind) conditions.push(eq(evidence.kind, filter.kind));
  if (filter.from) conditions.push(gte(evidence.occurredOn, filter.from));
  if (filter.to) conditions.push(lte(evidence.occurredOn, filter.to));
  if (filter.cellId) {
    conditions.push(sql`exists (select 1 from ${evidenceCells} where ${evidenceCells.evidenceId} = ${evidence.id} and ${evidenceCells.cellId} = ${filter.cellId})`);
  }
  return and(...conditions);
}

/** Items with the cells each proves and, on every row, how many match in all: one statement. */
function selectMatching(db: Awaited<ReturnType<typeof getDatabase>>["db"], where: SQL | undefined) {
  return db
    .select({
      ...columns,
      cellIds: sql<string[]>`array(select ${evidenceCells.cellId}::text from ${evidenceCells} where ${evidenceCells.evidenceId} = ${evidence.id})`,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(evidence)
    .where(where)
    .orderBy(desc(evidence.occurredOn), desc(evidence.createdAt), desc(evidence.id));
}

/** A row as the viewer sees it: with what the viewer may do with it, without the count. */
const asView =
  (viewer: Viewer) =>
  (r: Omit<EvidenceView, "canEdit"> & { total: number }): EvidenceView => ({
    id: r.id,
    ownerId: r.ownerId,
    title: r.title,
    body: r.body,
    link: r.link,
    kind: r.kind,
    occurredOn: r.occurredOn,
    revision: r.revision,
    cellIds: r.cellIds,
    canEdit: canChangeEvidence(viewer, r.ownerId),
  });

/** A person's evidence, newest first: searched in title and body, filtered by kind, dates and cell; at most 500 items. */
export async function listEvidence(viewer: Viewer, ownerId: string, rawFilter: EvidenceFilter = {}): Promise<EvidenceView[]> {
  const { db } = await getDatabase();
  if (!(await mayReadPerson(viewer, db, ownerId))) throw new NotFoundError("That person");
  const filter = parseInput(evidenceFilterSchema, rawFilter);
  const rows = await selectMatching(db, matching(ownerId, filter)).limit(500);
  return rows.map(asView(viewer));
}

/**
 * One page of a person's evidence, as `listEvidence` orders and filters it. A page past the last
 * (a link from before items were deleted) shows the last page.
 */
export async function listEvidencePage(viewer: Viewer, ownerId: string, rawFilter: EvidenceFilter = {}, rawPage: unknown = 1): Promise<EvidencePage> {
  const { db } = await getDatabase();
  if (!(await mayReadPerson(viewer, db, ownerId))) throw new NotFoundError("That person");
  const filter = parseInput(evidenceFilterSchema, rawFilter);
  const wanted = pageSchema.parse(rawPage);
  const where = matching(ownerId, filter);
  const read = (page: number) =>
    selectMatching(db, where)
      .limit(EVIDENCE_PAGE_SIZE)
      .offset((page - 1) * EVIDENCE_PAGE_SIZE);
  let page = wanted;
  let rows = await read(page);
  if (rows.length === 0 && page > 1) {
    const [{ n }] = (await db.select({ n: count() }).from(evidence).where(where)) as [{ n: number }];
    page = Math.max(1, Math.ceil(n / EVIDENCE_PAGE_SIZE));
    rows = n > 0 ? await read(page) : [];
  }
  const total = rows[0]?.total ?? 0;
  return { items: rows.map(asView(viewer)), total, page, pages: Math.max(1, Math.ceil(total / EVIDENCE_PAGE_SIZE)) };
}

/** A page number from a URL: anything that is not a whole number from 1 is the first page. */
const pageSchema = z.coerce.number().int().min(1).max(1_000_000).catch(1);

/** One evidence item, for whoever may read its owner's evidence. */
export async function getEvidence(viewer: Viewer, id: string): Promise<EvidenceView> {
  const { db } = await getDatabase();
  const [row] = isUuid(id) ? await db.select(columns).from(evidence).where(eq(evidence.id, id)) : [];
  if (!row || !(await mayReadPerson(viewer, db, row.ownerId))) throw new NotFoundError("That evidence");
  return (await toViews(viewer, db, [row]))[0]!;
}

/** How many evidence items back each cell, for one person. */
export async function countEvidenceByCell(viewer: Viewer, ownerId: string): Promise<Map<string, number>> {
  const { db } = await getDatabase();
  if (!(await mayReadPerson(viewer, db, ownerId))) throw new NotFoundError("That person");
  const rows = await db
    .select({ cellId: evidenceCells.cellId, n: count() })
    .from(evidenceCells)
    .innerJoin(evidence, eq(evidence.id, evidenceCells.evidenceId))
    .where(eq(evidence.ownerId, ownerId))
    .groupBy(evidenceCells.cellId);
  return new Map(rows.map((r) => [r.cellId, r.n]));
}

export async function createEvidence(viewer: Viewer, raw: z.input<typeof evidenceFieldsSchema> | Record<string, unknown>): Promise<{ id: string }> {
  const input = parseInput(evidenceFieldsSchema, raw);
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    await assertOwnCells(tx, viewer.id, input.cellIds);
    const { cellIds, ...fields } = input;
    const [row] = await tx.insert(evidence).values({ ...fields, ownerId: viewer.id }).returning({ id: evidence.id });
    if (cellIds.length > 0) await tx.insert(evidenceCells).values(unique(cellIds).map((cellId) => ({ evidenceId: row!.id, cellId })));
    await recordAudit(tx, { actorId: viewer.id, action: "evidence.create", entityType: "evidence", entityId: row!.id, after: summary(input) });
    return row!;
  });
}

export async function updateEvidence(viewer: Viewer, raw: z.input<typeof updateEvidenceSchema> | Record<string, unknown>): Promise<void> {
  const input = parseInput(updateEvidenceSchema, raw);
  const { db } = await getDatabase();
  await db.transaction(async (tx) => {
    const before = await lockOwn(tx, viewer, input.id, input.revision);
    const versionId = await assertOwnCells(tx, viewer.id, input.cellIds);
    const { id, cellIds, title, kind, occurredOn, link, body } = input;
    await tx
      .update(evidence)
      .set({ title, kind, occurredOn, link, body })
      .where(eq(evidence.id, id));
    // The form shows the cells of the owner's version only. Links to cells of an older version (made
    // before the owner moved to a new one) stay: cases and assessments made on it still read them.
    await tx
      .delete(evidenceCells)
      .where(
        and(
          eq(evidenceCells.evidenceId, id),
          versionId ? inArray(evidenceCells.cellId, tx.select({ id: cells.id }).from(cells).where(eq(cells.versionId, versionId))) : undefined,
        ),
      );
    if (cellIds.length > 0) await tx.insert(evidenceCells).values(unique(cellIds).map((cellId) => ({ evidenceId: id, cellId })));
    await recordAudit(tx, { actorId: viewer.id, action: "evidence.update", entityType: "evidence", entityId: id, before: summary(before), after: summary(input) });
  });
}

export async function deleteEvidence(viewer: Viewer, raw: z.input<typeof deleteEvidenceSchema> | Record<string, unknown>): Promise<void> {
  const input = parseInput(deleteEvidenceSchema, raw);
  const { db } = await getDatabase();
  await db.transaction(async (tx) => {
    const before = await lockOwn(tx, viewer, input.id, input.revision);
    await tx.delete(evidence).where(eq(evidence.id, input.id));
    await recordAudit(tx, { actorId: viewer.id, action: "evidence.delete", entityType: "evidence", entityId: input.id, before: summary(before) });
  });
}

function lockOwn(tx: Tx, viewer: Viewer, id: string, revision: number) {
  return lockForEdit(tx, {
    table: evidence,
    id,
    revision,
    what: "That evidence",
    load: async (id) => (await tx.select(columns).from(evidence).where(eq(evidence.id, id)).for("update"))[0],
    authorize: async (row) => {
      if (!(await mayReadPerson(viewer, tx, row.ownerId))) throw new NotFoundError("That evidence");
      if (!canChangeEvidence(viewer, row.ownerId)) throw new NotAllowedError("Only its owner can change evidence.");
    },
    conflict: "This evidence was changed elsewhere (another tab?). Reload to see the latest version; nothing was overwritten.",
  });
}

/**
 * Evidence links to cells of the framework version that applies to its owner (see versionIdFor), and
 * no other. Answers that version.
 */
async function assertOwnCells(tx: Tx, ownerId: string, cellIds: string[]): Promise<string | null> {
  const versionId = await versionIdFor(tx, ownerId);
  if (cellIds.length === 0) return versionId;
  const found = versionId
    ? await tx
        .select({ id: cells.id })
        .from(cells)
        .where(and(inArray(cells.id, unique(cellIds)), eq(cells.versionId, versionId)))
    : [];
  if (found.length !== unique(cellIds).length) {
    throw new InvalidInputError("Link evidence to cells of the career path you are on.", { cellIds: ["Some of these cells are not on your career path."] });
  }
  return versionId;
}

const summary = (e: { title: string; kind: string; occurredOn: string; link: string | null; body?: string; cellIds?: string[] }) => ({
  title: e.title,
  kind: e.kind,
  occurredOn: e.occurredOn,
  link: e.link,
  bodyLength: e.body?.length ?? 0,
  cells: e.cellIds?.length,
});
const unique = (ids: string[]) => [...new Set(ids)];

/** At most this many of the viewer's own evidence items are offered to link to (newest first). */
export const EVIDENCE_CHOICES = 200;

/** The viewer's own evidence as choices to link to: title and date, newest first. */
export async function listOwnEvidenceChoices(viewer: Viewer): Promise<{ id: string; title: string; occurredOn: string }[]> {
  const { db } = await getDatabase();
  return db
    .select({ id: evidence.id, title: evidence.title, occurredOn: evidence.occurredOn })
    .from(evidence)
    .where(eq(evidence.ownerId, viewer.id))
    .orderBy(desc(evidence.occurredOn), desc(evidence.createdAt), desc(evidence.id))
    .limit(EVIDENCE_CHOICES);
}
