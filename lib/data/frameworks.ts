import "server-only";
import { listPublishedVersionIds, loadFrameworkVersion, type FrameworkVersionView } from "@/db/framework-store";
import { getDatabase } from "@/db/runtime";
import { NotFoundError } from "@/lib/errors";

/**
 * Reading frameworks. The published framework is the organisation's shared map: every signed-in
 * person may read it.
 */

export type { FrameworkVersionView };

/** The current published version of each framework, first framework first. */
export async function getPublishedFrameworks(): Promise<FrameworkVersionView[]> {
  const { db } = await getDatabase();
  const ids = await listPublishedVersionIds(db);
  const views = await Promise.all(ids.map((v) => loadFrameworkVersion(db, v.versionId)));
  return views.filter((v): v is FrameworkVersionView => v !== null);
}

/** One framework version by id, for reading assessments made against it. Any signed-in person may read frameworks. */
export async function getFrameworkVersion(versionId: string): Promise<FrameworkVersionView> {
  const { db } = await getDatabase();
  const view = await loadFrameworkVersion(db, versionId);
  if (!view) throw new NotFoundError("That framework version");
  return view;
}
