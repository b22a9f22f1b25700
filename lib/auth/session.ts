import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/lib/auth/config";
import type { Viewer } from "@/lib/auth/policy";
import { loadViewer } from "@/lib/data/viewer";
import { isUuid } from "@/lib/validation";


/** The signed-in viewer for this request, or null. Read once per request, from the database. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const id = session?.user?.id;
  const version = session?.user?.sessionVersion;
  // A session from before session versions, or one whose person's sessions were ended, is over.
  if (!id || !isUuid(id) || typeof version !== "number") return null;
  return loadViewer(id, { version });
});

/** The signed-in viewer, or a redirect to the sign-in page. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in");
  return viewer;
}
