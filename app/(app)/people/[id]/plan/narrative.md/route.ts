import { getViewer } from "@/lib/auth/session";
import { narrativeResponse } from "../../../../plan/narrative-response";

/** A person's quarterly narrative, as Markdown, for their manager chain and admins (and themselves). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return narrativeResponse(await getViewer(), id);
}
