import { asc, desc, eq } from "drizzle-orm";
import type { ParsedFrameworkDefinition } from "@/lib/framework/definition";
import type { Db, Tx } from "./client";
import { cells, dimensions, frameworks, frameworkVersions, steps, transitions } from "./schema";

/**
 * Writing and reading whole framework versions. Callers authorize first; these functions only
 * move rows. Keys, not ids, tie the parts of a definition together.
 */

export async function insertFrameworkVersion(
  tx: Tx,
  opts: { frameworkId: string; number: number; status: "draft" | "published"; definition: ParsedFrameworkDefinition },
): Promise<{ versionId: string; stepIds: Map<string, string>; dimensionIds: Map<string, string> }> {
  const [version] = await tx
    .insert(frameworkVersions)
    .values({
      frameworkId: opts.frameworkId,
      number: opts.number,
      status: opts.status,
      publishedAt: opts.status === "published" ? new Date() : null,
    })
    .returning({ id: frameworkVersions.id });
  const versionId = version!.id;
  return { versionId, ...(await insertVersionContent(tx, versionId, opts.definition)) };
}

/** The parts of a version: dimensions, steps, transitions and cells. */
export type VersionContent = Pick<ParsedFrameworkDefinition, "dimensions" | "steps" | "transitions" | "cells">;

/** Writes a version's parts in four statements, whatever their number; keys resolve to the new ids. */
export async function insertVersionContent(
  tx: Tx,
  versionId: string,
  def: VersionContent,
): Promise<{ stepIds: Map<string, string>; dimensionIds: Map<string, string> }> {
  const dimensionRows =
    def.dimensions.length > 0
      ? await tx
          .insert(dimensions)
          .values(def.dimensions.map((d, position) => ({ versionId, position, ...d })))
          .returning({ id: dimensions.id, key: dimensions.key })
      : [];
  const stepRows =
    def.steps.length > 0
      ? await tx
          .insert(steps)
          .values(def.steps.map((s, position) => ({ versionId, position, ...s })))
          .returning({ id: steps.id, key: steps.key })
      : [];

  const dimensionIds = new Map(dimensionRows.map((r) => [r.key, r.id]));
  const stepIds = new Map(stepRows.map((r) => [r.key, r.id]));

  if (def.transitions.length > 0) {
    await tx.insert(transitions).values(
      def.transitions.map((t) => ({
        versionId,
        fromStepId: stepIds.get(t.from)!,
        toStepId: stepIds.get(t.to)!,
        label: t.label,
      })),
    );
  }
  if (def.cells.length > 0) {
    await tx.insert(cells).values(
      def.cells.map((c) => ({
        versionId,
        stepId: stepIds.get(c.step)!,
        dimensionId: dimensionIds.get(c.dimension)!,
        summary: c.summary,
        expectations: c.expectations,
      })),
    );
  }
  return { stepIds, dimensionIds };
}

/**
 * Replaces a draft's parts with new ones. Only drafts are rewritten this way: nothing refers to
 * a draft's steps or cells (placements, assessments and evidence point at published versions).
 * Removing the steps and dimensions takes their transitions and cells with them.
 */
export async function replaceVersionContent(tx: Tx, versionId: string, def: VersionContent): Promise<void> {
  await tx.delete(steps).where(eq(steps.versionId, versionId));
  await tx.delete(dimensions).where(eq(dimensions.versionId, versionId));
  await insertVersionContent(tx, versionId, def);
}

export type FrameworkVersionView = {
  framework: { id: string; key: string; name: string; description: string };
  version: { id: string; number: number; status: "draft" | "published" | "retired"; publishedAt: Date | null };
  dimensions: { id: string; key: string; name: string; description: string; group: string | null }[];
  steps: {
    id: string;
    key: string;
    name: string;
    summary: string;
    timeframeMinMonths: number | null;
    timeframeMaxMonths: number | null;
  }[];
  transitions: { fromStepId: string; toStepId: string; label: string }[];
  cells: { id: string; stepId: string; dimensionId: string; summary: string; expectations: { text: string; examples: string[] }[] }[];
};

/** The newest published version of each framework, oldest framework first, in one statement. */
export async function listPublishedVersionIds(db: Db | Tx): Promise<{ frameworkId: string; frameworkKey: string; frameworkName: string; versionId: string }[]> {
  const rows = await db
    .select({ frameworkKey: frameworks.key, frameworkName: frameworks.name, versionId: frameworkVersions.id, frameworkId: frameworks.id })
    .from(frameworkVersions)
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(eq(frameworkVersions.status, "published"))
    .orderBy(asc(frameworks.createdAt), asc(frameworks.key), desc(frameworkVersions.number));
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.frameworkId) ? false : (seen.add(r.frameworkId), true)));
}

type VersionContentView = Pick<FrameworkVersionView, "dimensions" | "steps" | "transitions" | "cells">;

/**
 * The content of published and retired versions, kept in process: it never changes once published
 * (only the status moves on, from published to retired, and that is read every time), so every
 * instance may keep its own copy. Keyed by version and publication time, so that content read
 * inside a publish that was then rolled back never stands for the draft it stayed. Bounded: the
 * least recently read version goes first.
 */
const CACHED_VERSIONS = 32;
const publishedContent = new Map<string, VersionContentView>();

function freezeContent(content: VersionContentView): VersionContentView {
  for (const cell of content.cells) {
    for (const expectation of cell.expectations) {
      Object.freeze(expectation.examples);
      Object.freeze(expectation);
    }
    Object.freeze(cell.expectations);
  }
  for (const rows of Object.values(content)) {
    for (const row of rows) Object.freeze(row);
    Object.freeze(rows);
  }
  return Object.freeze(content);
}

export async function loadFrameworkVersion(db: Db | Tx, versionId: string): Promise<FrameworkVersionView | null> {
  const [head] = await db
    .select({
      framework: { id: frameworks.id, key: frameworks.key, name: frameworks.name, description: frameworks.description },
      version: {
        id: frameworkVersions.id,
        number: frameworkVersions.number,
        status: frameworkVersions.status,
        publishedAt: frameworkVersions.publishedAt,
      },
    })
    .from(frameworkVersions)
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(eq(frameworkVersions.id, versionId));
  if (!head) return null;

  const { status, publishedAt } = head.version;
  const key = status !== "draft" && publishedAt ? `${versionId}@${publishedAt.toISOString()}` : null;
  const cached = key ? publishedContent.get(key) : undefined;
  if (key && cached) {
    publishedContent.delete(key);
    publishedContent.set(key, cached);
    return { ...head, ...cached };
  }
  const content = await loadVersionContent(db, versionId);
  if (!key) return { ...head, ...content };
  publishedContent.set(key, freezeContent(content));
  if (publishedContent.size > CACHED_VERSIONS) publishedContent.delete(publishedContent.keys().next().value!);
  return { ...head, ...content };
}

async function loadVersionContent(db: Db | Tx, versionId: string): Promise<VersionContentView> {
  const [dimensionRows, stepRows, transitionRows, cellRows] = await Promise.all([
    db
      .select({
        id: dimensions.id,
        key: dimensions.key,
        name: dimensions.name,
        description: dimensions.description,
        group: dimensions.group,
      })
      .from(dimensions)
      .where(eq(dimensions.versionId, versionId))
      .orderBy(asc(dimensions.position)),
    db
      .select({
        id: steps.id,
        key: steps.key,
        name: steps.name,
        summary: steps.summary,
        timeframeMinMonths: steps.timeframeMinMonths,
        timeframeMaxMonths: steps.timeframeMaxMonths,
      })
      .from(steps)
      .where(eq(steps.versionId, versionId))
      .orderBy(asc(steps.position)),
    db
      .select({ fromStepId: transitions.fromStepId, toStepId: transitions.toStepId, label: transitions.label })
      .from(transitions)
      .where(eq(transitions.versionId, versionId)),
    db
      .select({
        id: cells.id,
        stepId: cells.stepId,
        dimensionId: cells.dimensionId,
        summary: cells.summary,
        expectations: cells.expectations,
      })
      .from(cells)
      .where(eq(cells.versionId, versionId)),
  ]);
  return { dimensions: dimensionRows, steps: stepRows, transitions: transitionRows, cells: cellRows };
}

/** The id of a step in a version by its stable key, or null. */

