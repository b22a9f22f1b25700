import "server-only";
import type { Viewer } from "@/lib/auth/policy";
import { getWhereNow } from "./career";
import { getPublishedFrameworks, type FrameworkVersionView } from "./frameworks";

/** The framework version a person's evidence and assessments refer to: their own, else the published one. */
export async function frameworkFor(viewer: Viewer): Promise<FrameworkVersionView | null> {
  const now = await getWhereNow(viewer, viewer.id);
  if (now) return now.version;
  const [published] = await getPublishedFrameworks();
  return published ?? null;
}
