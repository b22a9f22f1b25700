import "server-only";
import { listPublishedVersionIds, loadFrameworkVersion, type FrameworkVersionView } from "@/db/framework-store";
import { latestPlacement, versionIdFor } from "@/db/placement-store";
import { getDatabase } from "@/db/runtime";
import { canReadFrameworkVersion, type Viewer } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/validation";
import { mayReadPerson } from "./viewer";

/**
 * Reading frameworks. A published (or retired) version is the organisation's shared map: every
 * signed-in person may read it. A draft is read by admins only.
 */

export type { FrameworkVersionView };

/** A framework with a published version, as a switcher lists it. */
export type PublishedFramework = { key: string; name: string };

/** The viewer's own place: the framework and version of their latest placement, and its step. */
export type OwnPlacement = { frameworkKey: string; frameworkName: string; versionId: string; stepId: string };

export type PathView =
  /** Nothing is published yet. */
  | { kind: "empty" }
  /** The key asked for names no framework with a published version. */
  | { kind: "unknown"; key: string; frameworks: PublishedFramework[]; own: OwnPlacement | null }
  | { kind: "shown"; framework: FrameworkVersionView; frameworks: PublishedFramework[]; own: OwnPlacement | null };

/**
 * The career path page: the latest published version of one framework (the one asked for by key,
 * else the viewer's own, else the first), the list of every published framework by name, and where
 * the viewer is placed. Published versions are everyone's to read. Costs the same number of
 * statements however many frameworks there are: one for the list, one for the placement, and the
 * shown version's own reads.
 */
export async function getPathView(viewer: Viewer, opts: { frameworkKey?: string } = {}): Promise<PathView> {
  const { db } = await getDatabase();
  const [published, placement] = await Promise.all([listPublishedVersionIds(db), latestPlacement(db, viewer.id)]);
  if (published.length === 0) return { kind: "empty" };
  const frameworks = published.map((p) => ({ key: p.frameworkKey, name: p.frameworkName }));
  const placedOn = placement && published.find((p) => p.frameworkId === placement.frameworkId);
  const own = placement && placedOn ? { frameworkKey: placedOn.frameworkKey, frameworkName: placedOn.frameworkName, versionId: placement.versionId, stepId: placement.stepId } : null;

  const wanted = opts.frameworkKey === undefined ? (placedOn ?? published[0]!) : published.find((p) => p.frameworkKey === opts.frameworkKey);
  if (!wanted) return { kind: "unknown", key: opts.frameworkKey ?? "", frameworks, own };
  const framework = await loadFrameworkVersion(db, wanted.versionId);
  // Published a moment ago and gone since: the page answers as for a key it does not know.
  if (!framework) return { kind: "unknown", key: wanted.frameworkKey, frameworks, own };
  return { kind: "shown", framework, frameworks, own };
}

/** One framework version by id, for reading assessments made against it. */
export async function getFrameworkVersion(viewer: Viewer, versionId: string): Promise<FrameworkVersionView> {
  if (!isUuid(versionId)) throw new NotFoundError("That framework version");
  const { db } = await getDatabase();
  const view = await loadFrameworkVersion(db, versionId);
  if (!view || !canReadFrameworkVersion(viewer, view.version.status)) throw new NotFoundError("That framework version");
  return view;
}

/** The framework version a person's evidence and assessments refer to (see db/placement-store.ts). */
export async function getFrameworkFor(viewer: Viewer, personId: string): Promise<FrameworkVersionView | null> {
  const { db } = await getDatabase();
  if (!(await mayReadPerson(viewer, db, personId))) throw new NotFoundError("That person");
  const versionId = await versionIdFor(db, personId);
  return versionId ? loadFrameworkVersion(db, versionId) : null;
}
