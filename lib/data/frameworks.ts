import "server-only";
import { listPublishedVersionIds, loadFrameworkVersion, type FrameworkVersionView } from "@/db/framework-store";
import { versionIdFor } from "@/db/placement-store";
import { getDatabase } from "@/db/runtime";
import { canReadPerson, canReadFrameworkVersion, type Viewer } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/validation";

/**
 * Reading frameworks. A published (or retired) version is the organisation's shared map: every
 * signed-in person may read it. A draft is read by admins only.
 */

export type { FrameworkVersionView };

/** The current published version of each framework, first framework first. */
export async function getPublishedFrameworks(): Promise<FrameworkVersionView[]> {
  const { db } = await getDatabase();
  const ids = await listPublishedVersionIds(db);
  const views = await Promise.all(ids.map((v) => loadFrameworkVersion(db, v.versionId)));
  return views.filter((v): v is FrameworkVersionView => v !== null);
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
  if (!canReadPerson(viewer, personId)) throw new NotFoundError("That person");
  const { db } = await getDatabase();
  const versionId = await versionIdFor(db, personId);
  return versionId ? loadFrameworkVersion(db, versionId) : null;
}
