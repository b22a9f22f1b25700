import { getViewer } from "@/lib/auth/session";
import { getCase } from "@/lib/data/cases";
import { NotFoundError } from "@/lib/errors";
import { packetMarkdown, statusWord } from "@/lib/promotion/packet";

/** The packet as Markdown, for whoever may read the case. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return new Response("Sign in to download this packet.\n", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  const { id } = await params;
  try {
    const c = await getCase(viewer, id);
    if (!c.packet) return new Response("This case's steps are no longer in its framework version.\n", { status: 404 });
    const decision = c.visibleDecision;
    const text = packetMarkdown(
      {
        subject: { name: c.subject.name, team: c.subject.team?.name ?? null },
        cycle: c.cycle.name,
        status: statusWord[c.status],
        proposedBy: c.proposedBy?.name ?? null,
        narrative: c.narrative,
        decision: decision ? { outcome: decision.outcome, rationale: decision.rationale, by: decision.by?.name ?? null, at: decision.at, effectiveOn: decision.effectiveOn } : null,
      },
      c.packet,
      new URL(request.url).origin,
    );
    const slug = c.subject.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "case";
    return new Response(text, {
      headers: {
        "content-type": "text/markdown; charset=utf-8",
        "content-disposition": `attachment; filename="promotion-case-${slug}.md"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (err) {
    if (err instanceof NotFoundError) return new Response("Not found.\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
    throw err;
  }
}
