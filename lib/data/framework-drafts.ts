import "server-only";
import { and, desc, eq, max } from "drizzle-orm";
import { recordAudit } from "@/db/audit";
import type { Tx } from "@/db/client";
import { publishDraftVersion } from "@/db/framework-files";
import { insertFrameworkVersion, loadFrameworkVersion, replaceVersionContent } from "@/db/framework-store";
import { getDatabase } from "@/db/runtime";
import { frameworks, frameworkVersions } from "@/db/schema";
import { canManageFrameworks, type Viewer } from "@/lib/auth/policy";
import { ConflictError, InvalidInputError, NotAllowedError, NotFoundError } from "@/lib/errors";
import { keySchema } from "@/lib/framework/definition";
import { draftSchema, placeOf, type Draft } from "@/lib/framework/draft";
import { fileToDefinition, toFrameworkFile, type FileProblem } from "@/lib/framework/format";
import { isUuid } from "@/lib/validation";
import { lockForEdit } from "./revision";

/**
 * Drafts of a framework, edited in the app. A framework has at most one draft; it starts as a copy
 * of the latest published version and is saved whole on every edit, on top of the revision its
 * editor last saw, so two admins never overwrite each other silently. Published versions never
 * change. Drafts are the admins' alone.
 */

export type DraftEditor = {
  framework: { key: string; name: string; description: string };
  /** The newest published version, which a new draft copies; null before the first. */
  latestPublished: number | null;
  draft: { versionId: string; number: number; revision: number; updatedAt: Date; content: Draft } | null;
};

const notFound = () => new NotFoundError("That framework");
const onlyAdmins = (what: string) => new NotAllowedError(`Only admins can ${what} a framework draft.`);

async function findFramework(tx: Pick<Tx, "select">, key: string, lock = false) {
  if (!keySchema.safeParse(key).success) throw notFound();
  const query = tx
    .select({ id: frameworks.id, key: frameworks.key, name: frameworks.name, description: frameworks.description })
    .from(frameworks)
    .where(eq(frameworks.key, key));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  return row;
}

/** A framework's draft as the editor opens it, or why there is none yet. Admins only. */
export async function getDraftEditor(viewer: Viewer, frameworkKey: string): Promise<DraftEditor> {
  if (!canManageFrameworks(viewer)) throw notFound();
  const { db } = await getDatabase();
  const framework = await findFramework(db, frameworkKey);
  const versions = await db
    .select({ id: frameworkVersions.id, number: frameworkVersions.number, status: frameworkVersions.status, revision: frameworkVersions.revision, updatedAt: frameworkVersions.updatedAt })
    .from(frameworkVersions)
    .where(eq(frameworkVersions.frameworkId, framework.id))
    .orderBy(desc(frameworkVersions.number));
  const latestPublished = versions.find((v) => v.status === "published")?.number ?? null;
  const draftRow = versions.find((v) => v.status === "draft");
  const view = draftRow && (await loadFrameworkVersion(db, draftRow.id));
  const { key, name, description } = framework;
  if (!draftRow || !view) return { framework: { key, name, description }, latestPublished, draft: null };
  const file = toFrameworkFile(view);
  return {
    framework: { key, name, description },
    latestPublished,
    draft: {
      versionId: draftRow.id,
      number: draftRow.number,
      revision: draftRow.revision,
      updatedAt: draftRow.updatedAt,
      content: { dimensions: file.dimensions, steps: file.steps, transitions: file.transitions, cells: file.cells },
    },
  };
}

/**
 * Opens the framework's draft: the one already open, or a new one copied from the latest published
 * version (a framework has one draft at a time). Admins only.
 */
export async function openDraft(viewer: Viewer, frameworkKey: string): Promise<{ versionId: string; number: number; created: boolean }> {
  if (!canManageFrameworks(viewer)) throw onlyAdmins("open");
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    // The framework row is the lock that keeps two admins from opening two drafts at once.
    const framework = await findFramework(tx, frameworkKey, true);
    const [existing] = await tx
      .select({ id: frameworkVersions.id, number: frameworkVersions.number })
      .from(frameworkVersions)
      .where(and(eq(frameworkVersions.frameworkId, framework.id), eq(frameworkVersions.status, "draft")));
    if (existing) return { versionId: existing.id, number: existing.number, created: false };
    const [latest] = await tx
      .select({ id: frameworkVersions.id, number: frameworkVersions.number })
      .from(frameworkVersions)
      .where(and(eq(frameworkVersions.frameworkId, framework.id), eq(frameworkVersions.status, "published")))
      .orderBy(desc(frameworkVersions.number))
      .limit(1);
    if (!latest) throw new ConflictError("This framework has no published version to start a draft from; import a framework file instead.");
    const view = await loadFrameworkVersion(tx, latest.id);
    const [{ highest } = { highest: 0 }] = await tx
      .select({ highest: max(frameworkVersions.number) })
      .from(frameworkVersions)
      .where(eq(frameworkVersions.frameworkId, framework.id));
    const number = (highest ?? 0) + 1;
    const definition = fileToDefinition(toFrameworkFile(view!));
    const { versionId } = await insertFrameworkVersion(tx, { frameworkId: framework.id, number, status: "draft", definition });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "framework.draft.open",
      entityType: "framework_version",
      entityId: versionId,
      after: { framework: framework.key, number, copiedFrom: latest.number },
    });
    return { versionId, number, created: true };
  });
}

function lockDraft(tx: Tx, viewer: Viewer, versionId: string, revision: number | undefined, what: string) {
  return lockForEdit(tx, {
    table: frameworkVersions,
    id: versionId,
    revision,
    what: "That draft",
    load: async (id) =>
      (
        await tx
          .select({ id: frameworkVersions.id, number: frameworkVersions.number, status: frameworkVersions.status, revision: frameworkVersions.revision, framework: frameworks.key })
          .from(frameworkVersions)
          .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
          .where(eq(frameworkVersions.id, id))
          .for("update", { of: frameworkVersions })
      )[0],
    authorize: (row) => {
      if (!canManageFrameworks(viewer)) throw onlyAdmins(what);
      if (row.status !== "draft") throw new ConflictError(`Version ${row.number} is ${row.status}; published versions never change. Open a new draft to edit it.`);
    },
    conflict: "Someone else changed this draft since you opened it. Reload to see their changes; nothing of yours was saved over them.",
  });
}

const isRevision = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 1;

/**
 * Saves the whole draft on top of the revision its editor last saw. A draft may break the rules of
 * publishing (they are shown as problems) but never the rules of storage: keys unique, every part
 * pointing at parts that exist, sizes bounded. One audit event a save, with the draft's size.
 */
export async function saveDraft(viewer: Viewer, input: { versionId: string; revision: number; content: unknown }): Promise<{ revision: number; updatedAt: Date }> {
  if (!canManageFrameworks(viewer)) throw onlyAdmins("edit");
  if (!isRevision(input?.revision)) throw new InvalidInputError("That save came without a revision; reload the editor.");
  const parsed = draftSchema.safeParse(input.content);
  if (!parsed.success) {
    const content = (typeof input.content === "object" && input.content ? input.content : {}) as Draft;
    const [first] = parsed.error.issues;
    const place = first && Array.isArray(content.steps) && Array.isArray(content.dimensions) ? `${placeOf(content, first.path as (string | number)[])}: ` : "";
    throw new InvalidInputError(`The draft was not saved: ${place}${first?.message ?? "it is not a framework draft."}`);
  }
  const content = trimmed(parsed.data);
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    const row = await lockDraft(tx, viewer, String(input.versionId), input.revision, "edit");
    await replaceVersionContent(tx, row.id, content);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "framework.draft.save",
      entityType: "framework_version",
      entityId: row.id,
      after: {
        framework: row.framework,
        number: row.number,
        revision: row.revision,
        steps: content.steps.length,
        dimensions: content.dimensions.length,
        transitions: content.transitions.length,
        cells: content.cells.length,
      },
    });
    return { revision: row.revision, updatedAt: row.touchedAt };
  });
}

/** Text as stored: without the spaces at either end an editor leaves while typing. */
function trimmed(draft: Draft): Draft {
  return {
    dimensions: draft.dimensions.map((d) => ({ ...d, name: d.name.trim(), description: d.description.trim(), group: d.group?.trim() || null })),
    steps: draft.steps.map((s) => ({ ...s, name: s.name.trim(), summary: s.summary.trim() })),
    transitions: draft.transitions.map((t) => ({ ...t, label: t.label.trim() })),
    cells: draft.cells.map((c) => ({
      ...c,
      summary: c.summary.trim(),
      expectations: c.expectations.map((e) => ({ text: e.text.trim(), examples: e.examples.map((x) => x.trim()).filter(Boolean) })),
    })),
  };
}

/** Throws the draft away, on top of the revision its editor last saw. Published versions are untouched. */
export async function discardDraft(viewer: Viewer, input: { versionId: string; revision: number }): Promise<{ framework: string; number: number }> {
  if (!canManageFrameworks(viewer)) throw onlyAdmins("discard");
  if (!isRevision(input?.revision)) throw new InvalidInputError("That request came without a revision; reload the editor.");
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    const row = await lockDraft(tx, viewer, String(input.versionId), input.revision, "discard");
    await tx.delete(frameworkVersions).where(eq(frameworkVersions.id, row.id));
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "framework.draft.discard",
      entityType: "framework_version",
      entityId: row.id,
      before: { framework: row.framework, number: row.number, status: "draft" },
    });
    return { framework: row.framework, number: row.number };
  });
}

/**
 * Publishes the draft the editor shows, with a change note: refused as a conflict when someone
 * saved it since, and with the list of what to fix when it breaks a rule.
 */
export async function publishEditedDraft(
  viewer: Viewer,
  input: { versionId: string; revision: number; note: string },
): Promise<{ ok: true; number: number } | { ok: false; problems: FileProblem[] }> {
  if (!canManageFrameworks(viewer)) throw new NotAllowedError("Only admins can publish a framework.");
  if (!isUuid(input?.versionId)) throw new NotFoundError("That draft");
  if (!isRevision(input?.revision)) throw new InvalidInputError("That request came without a revision; reload the editor.");
  const note = String(input.note ?? "").trim();
  if (!note) throw new InvalidInputError("Say what changed in this version.", { note: ["Write a change note: people read it beside the version."] });
  if (note.length > 4000) throw new InvalidInputError("Keep the change note under 4,000 characters.", { note: ["At most 4,000 characters."] });
  const { db } = await getDatabase();
  return publishDraftVersion(db, { id: viewer.id, via: "app" }, { versionId: String(input.versionId), note, revision: input.revision });
}
