import "server-only";
import { z } from "zod";
import {
  exportVersion,
  findFrameworkVersion,
  importFrameworkFile,
  listFrameworkVersions,
  publishDraftVersion,
  type FrameworkSummary,
  type ImportResult,
} from "@/db/framework-files";
import { getDatabase } from "@/db/runtime";
import { canManageFrameworks, canReadFrameworkVersion, type Viewer } from "@/lib/auth/policy";
import { InvalidInputError, NotAllowedError, NotFoundError } from "@/lib/errors";
import { formatFrameworkFile, type FileProblem, type FrameworkFile } from "@/lib/framework/format";
import { isUuid } from "@/lib/validation";

/**
 * Frameworks as files. Everyone signed in reads (and exports) published and retired versions;
 * drafts, imports and publishing are for admins. An import always lands as a draft.
 */

export type { FrameworkSummary, ImportResult, FileProblem };

/** The frameworks and their versions the viewer may read, drafts for admins only. */
export async function listFrameworks(viewer: Viewer): Promise<FrameworkSummary[]> {
  const { db } = await getDatabase();
  const all = await listFrameworkVersions(db);
  return all
    .map((f) => ({ ...f, versions: f.versions.filter((v) => canReadFrameworkVersion(viewer, v.status)) }))
    .filter((f) => f.versions.length > 0);
}

const frameworkKey = z.string().regex(/^[a-z][a-z0-9-]{0,47}$/);

/**
 * One version of a framework as a file: the latest published one, or the one numbered. Unknown
 * frameworks and versions, and drafts for anyone but admins, are not found.
 */
export async function exportFrameworkVersion(viewer: Viewer, key: string, number?: number): Promise<{ file: FrameworkFile; text: string; filename: string }> {
  const notFound = new NotFoundError("That framework version");
  if (!frameworkKey.safeParse(key).success || (number !== undefined && !(Number.isSafeInteger(number) && number >= 1))) throw notFound;
  const { db } = await getDatabase();
  const version = await findFrameworkVersion(db, key, number);
  if (!version || !canReadFrameworkVersion(viewer, version.status)) throw notFound;
  const file = await exportVersion(db, version.id);
  if (!file) throw notFound;
  return { file, text: formatFrameworkFile(file), filename: `${key}-v${file.version!.number}.json` };
}

const importSchema = z.object({
  text: z.string(),
  kind: z.enum(["json", "csv"]),
  frameworkKey: z.string().max(100).optional(),
  name: z.string().max(200).optional(),
});

/**
 * Imports a JSON framework file or a spreadsheet as a draft, of a new framework or of an existing
 * one. Admins only. An invalid file changes nothing and answers the list of its problems; a
 * framework that already has a draft is refused as a conflict.
 */
export async function importFramework(viewer: Viewer, input: z.input<typeof importSchema>): Promise<ImportResult> {
  if (!canManageFrameworks(viewer)) throw new NotAllowedError("Only admins can import frameworks.");
  const parsed = importSchema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError("Choose a JSON or CSV file to import.");
  const { db } = await getDatabase();
  return importFrameworkFile(db, { id: viewer.id, via: "app" }, parsed.data);
}

/** Publishes a draft with a change note. Admins only; a draft that breaks a rule is refused with the list of problems. */
export async function publishDraft(viewer: Viewer, input: { versionId: string; note: string }): Promise<{ ok: true; number: number } | { ok: false; problems: FileProblem[] }> {
  if (!isUuid(input.versionId)) throw new NotFoundError("That draft");
  if (!canManageFrameworks(viewer)) throw new NotAllowedError("Only admins can publish a framework.");
  const note = String(input.note ?? "").trim();
  if (note.length > 4000) throw new InvalidInputError("Keep the change note under 4,000 characters.", { note: ["At most 4,000 characters."] });
  const { db } = await getDatabase();
  return publishDraftVersion(db, { id: viewer.id, via: "app" }, { versionId: input.versionId, note });
}
