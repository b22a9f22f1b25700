import type { Viewer } from "@/lib/auth/policy";
import { getNarrativeMarkdown } from "@/lib/data/plan-narrative";
import { NotFoundError } from "@/lib/errors";

const plain = (text: string, status: number) => new Response(`${text}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** The quarterly narrative of a person's plan as a Markdown download; "not found" for anyone who may not read it. */
export async function narrativeResponse(viewer: Viewer | null, personId: string): Promise<Response> {
  if (!viewer) return plain("Sign in to download this narrative.", 401);
  try {
    const { owner, quarter, markdown } = await getNarrativeMarkdown(viewer, personId);
    const slug = `${owner}-${quarter}`.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "narrative";
    return new Response(markdown, {
      headers: {
        "content-type": "text/markdown; charset=utf-8",
        "content-disposition": `attachment; filename="growth-narrative-${slug}.md"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (err) {
    if (err instanceof NotFoundError) return plain("Not found.", 404);
    throw err;
  }
}
