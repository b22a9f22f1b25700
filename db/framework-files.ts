import { and, asc, desc, eq, max } from "drizzle-orm";
import { frameworkDefinitionSchema, type ParsedFrameworkDefinition } from "@/lib/framework/definition";
import { fileToDefinition, parseFrameworkFile, toFrameworkFile, type FileProblem, type FrameworkFile } from "@/lib/framework/format";
import { keyFromName, parseFrameworkSpreadsheet } from "@/lib/framework/spreadsheet";
import { publishProblems } from "@/lib/framework/draft";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { recordAudit } from "./audit";
import type { Db, Tx } from "./client";
import { insertFrameworkVersion, loadFrameworkVersion } from "./framework-store";
import { frameworks, frameworkVersions } from "./schema";

/**
 * Framework files against the database: listing versions, exporting one, importing a file as a
 * draft and publishing a draft. Shared by the data-access layer (which authorizes first) and the
 * command line (which runs as nobody in particular, and says so in the audit log).
 */

/** Who made a change, for the audit log: a person in the app, or nobody (the command line, the seed). */
export type FrameworkActor = { id: string | null; via: "app" | "cli" | "seed" };

export type FrameworkVersionSummary = {
  id: string;
  number: number;
  status: "draft" | "published" | "retired";
  publishedAt: Date | null;
  notes: string;
};

export type FrameworkSummary = { id: string; key: string; name: string; versions: FrameworkVersionSummary[] };

/** Every framework, oldest first, with its versions, newest first. */
export async function listFrameworkVersions(db: Db | Tx): Promise<FrameworkSummary[]> {
  const rows = await db
    .select({
      framework: { id: frameworks.id, key: frameworks.key, name: frameworks.name },
      version: {
        id: frameworkVersions.id,
        number: frameworkVersions.number,
        status: frameworkVersions.status,
        publishedAt: frameworkVersions.publishedAt,
        notes: frameworkVersions.notes,
      },
    })
    .from(frameworks)
    .innerJoin(frameworkVersions, eq(frameworkVersions.frameworkId, frameworks.id))
    .orderBy(asc(frameworks.createdAt), asc(frameworks.key), desc(frameworkVersions.number));
  const byId = new Map<string, FrameworkSummary>();
  for (const { framework, version } of rows) {
    const entry = byId.get(framework.id) ?? { ...framework, versions: [] };
    entry.versions.push(version);
    byId.set(framework.id, entry);
  }
  return [...byId.values()];
}

/** A framework's version by number, or its latest published one when no number is given. */
export async function findFrameworkVersion(
  db: Db | Tx,
  key: string,
  number?: number,
): Promise<{ id: string; status: "draft" | "published" | "retired" } | null> {
  const [row] = await db
    .select({ id: frameworkVersions.id, status: frameworkVersions.status })
    .from(frameworkVersions)
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(
      and(
        eq(frameworks.key, key),
        number === undefined ? eq(frameworkVersions.status, "published") : eq(frameworkVersions.number, number),
      ),
    )
    .orderBy(desc(frameworkVersions.number))
    .limit(1);
  return row ?? null;
}

/** A version as a framework file, or null when there is no such version. */
export async function exportVersion(db: Db | Tx, versionId: string): Promise<FrameworkFile | null> {
  const view = await loadFrameworkVersion(db, versionId);
  if (!view) return null;
  const [{ notes } = { notes: "" }] = await db.select({ notes: frameworkVersions.notes }).from(frameworkVersions).where(eq(frameworkVersions.id, versionId));
  return toFrameworkFile({ ...view, version: { ...view.version, notes } });
}

export type ImportInput = {
  text: string;
  kind: "json" | "csv";
  /** The framework the file becomes a draft of (new or existing); a JSON file names its own otherwise. */
  frameworkKey?: string;
  /** A new framework's name, for a spreadsheet (which has no place for it). */
  name?: string;
};

export type ImportResult =
  | { ok: true; frameworkKey: string; versionId: string; number: number; status: "draft" | "published"; created: boolean }
  | { ok: false; problems: FileProblem[] };

const frameworkKeySchema = frameworkDefinitionSchema.shape.key;

/** A file's text as a definition for the framework it goes to; nothing is written. */
async function readImport(db: Db | Tx, input: ImportInput): Promise<{ ok: true; definition: ParsedFrameworkDefinition } | { ok: false; problems: FileProblem[] }> {
  const key = input.frameworkKey?.trim() || undefined;
  if (key !== undefined && !frameworkKeySchema.safeParse(key).success) {
    return { ok: false, problems: [{ at: "framework key", message: `"${key}" is not a key: use lower-case letters, digits and dashes, starting with a letter (at most 48).` }] };
  }
  if (input.kind === "json") {
    const parsed = parseFrameworkFile(input.text);
    if (!parsed.ok) return parsed;
    return { ok: true, definition: key ? { ...parsed.value.definition, key } : parsed.value.definition };
  }
  const name = input.name?.trim() || undefined;
  const existing = key ? (await db.select({ name: frameworks.name, description: frameworks.description }).from(frameworks).where(eq(frameworks.key, key)))[0] : undefined;
  if (!existing && !name) return { ok: false, problems: [{ at: "", message: "Give the framework the spreadsheet becomes a name, or choose an existing framework." }] };
  const frameworkName = name ?? existing!.name;
  const parsed = parseFrameworkSpreadsheet(input.text, {
    key: key ?? keyFromName(frameworkName, "framework", 1),
    name: frameworkName,
    description: existing?.description ?? "",
  });
  return parsed.ok ? { ok: true, definition: parsed.value } : parsed;
}

/**
 * Imports a file as a draft: of a new framework (version 1) or of an existing one (numbered after
 * its latest version). A framework has one draft at a time, so an import onto a framework with a
 * draft is refused. An invalid file changes nothing. With `publish`, the draft is published in the
 * same transaction.
 */
export async function importFrameworkFile(db: Db, actor: FrameworkActor, input: ImportInput & { publish?: { note: string } }): Promise<ImportResult> {
  const read = await readImport(db, input);
  if (!read.ok) return read;
  const { definition } = read;

  try {
    return await db.transaction(async (tx) => importInto(tx, actor, input, definition));
  } catch (err) {
    if (err instanceof PublishRefused) return { ok: false, problems: err.problems };
    throw err;
  }
}

async function importInto(tx: Tx, actor: FrameworkActor, input: ImportInput & { publish?: { note: string } }, definition: ParsedFrameworkDefinition): Promise<ImportResult> {
  const [existing] = await tx.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.key, definition.key)).for("update");
  let frameworkId = existing?.id;
  let number = 1;
  if (frameworkId) {
    const [draft] = await tx
      .select({ number: frameworkVersions.number })
      .from(frameworkVersions)
      .where(and(eq(frameworkVersions.frameworkId, frameworkId), eq(frameworkVersions.status, "draft")));
    if (draft) {
      throw new ConflictError(
        `The framework "${definition.key}" already has a draft (version ${draft.number}); publish or discard it before importing another, or import under a new key.`,
      );
    }
    const [latest] = await tx.select({ number: max(frameworkVersions.number) }).from(frameworkVersions).where(eq(frameworkVersions.frameworkId, frameworkId));
    number = (latest?.number ?? 0) + 1;
  } else {
    const [created] = await tx
      .insert(frameworks)
      .values({ key: definition.key, name: definition.name, description: definition.description })
      .returning({ id: frameworks.id });
    frameworkId = created!.id;
  }
  const { versionId } = await insertFrameworkVersion(tx, { frameworkId, number, status: "draft", definition });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "framework.import",
    entityType: "framework_version",
    entityId: versionId,
    after: {
      framework: definition.key,
      number,
      status: "draft",
      kind: input.kind,
      newFramework: !existing,
      steps: definition.steps.length,
      dimensions: definition.dimensions.length,
      via: actor.via,
    },
  });
  const published = input.publish ? await publishVersion(tx, actor, { versionId, note: input.publish.note }) : null;
  if (published && !published.ok) throw new PublishRefused(published.problems);
  return { ok: true, frameworkKey: definition.key, versionId, number, status: published ? "published" : "draft", created: !existing };
}

/** Thrown inside a transaction to roll it back while still answering the list of problems. */
class PublishRefused extends Error {
  constructor(readonly problems: FileProblem[]) {
    super("The draft cannot be published.");
  }
}

/** What stops a draft from being published, each problem with its place in words. */
export function checkPublishable(definition: ParsedFrameworkDefinition): FileProblem[] {
  return publishProblems(definition).map((p) => ({ at: p.at, message: `${p.where}: ${p.message}` }));
}

/**
 * Publishes a draft as it stands, with a change note: it becomes the framework's latest published
 * version. Older versions stay as they are. Refused with the list of problems when the draft breaks
 * a rule; nothing changes then.
 */
export async function publishVersion(
  tx: Tx,
  actor: FrameworkActor,
  input: { versionId: string; note: string; revision?: number },
): Promise<{ ok: true; number: number } | { ok: false; problems: FileProblem[] }> {
  const [version] = await tx
    .select({
      id: frameworkVersions.id,
      frameworkId: frameworkVersions.frameworkId,
      status: frameworkVersions.status,
      number: frameworkVersions.number,
      revision: frameworkVersions.revision,
    })
    .from(frameworkVersions)
    .where(eq(frameworkVersions.id, input.versionId))
    .for("update");
  if (!version) throw new NotFoundError("That draft");
  // The framework row too: moving people to its latest version waits for a publish, and the other way round.
  await tx.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.id, version.frameworkId)).for("update");
  if (version.status !== "draft") throw new ConflictError(`Version ${version.number} is already ${version.status}; only a draft can be published.`);
  // Published from the editor, the draft must be the one its author last saw.
  if (input.revision !== undefined && input.revision !== version.revision)
    throw new ConflictError("The draft was changed elsewhere since you last saw it. Reload to see the latest version; nothing was published.");
  const file = await exportVersion(tx, version.id);
  const problems = checkPublishable(fileToDefinition(file!));
  if (problems.length > 0) return { ok: false, problems };
  const now = new Date();
  await tx
    .update(frameworkVersions)
    .set({ status: "published", publishedAt: now, publishedById: actor.id, notes: input.note.trim(), updatedAt: now })
    .where(eq(frameworkVersions.id, version.id));
  await recordAudit(tx, {
    actorId: actor.id,
    action: "framework.publish",
    entityType: "framework_version",
    entityId: version.id,
    before: { status: "draft" },
    after: { framework: file!.framework.key, number: version.number, status: "published", notes: input.note.trim(), via: actor.via },
  });
  return { ok: true, number: version.number };
}

/** Publishes a draft in a transaction of its own; a refusal rolls everything back. */
export async function publishDraftVersion(db: Db, actor: FrameworkActor, input: { versionId: string; note: string; revision?: number }) {
  try {
    return await db.transaction(async (tx) => {
      const result = await publishVersion(tx, actor, input);
      if (!result.ok) throw new PublishRefused(result.problems);
      return result;
    });
  } catch (err) {
    if (err instanceof PublishRefused) return { ok: false as const, problems: err.problems };
    throw err;
  }
}
