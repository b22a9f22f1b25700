import { getViewer } from "@/lib/auth/session";
import { narrativeResponse } from "../narrative-response";

/** The viewer's own quarterly narrative, as Markdown. */
export async function GET() {
  const viewer = await getViewer();
  return narrativeResponse(viewer, viewer?.id ?? "");
}
