import type { ReactNode } from "react";
import { Markdown } from "@/components/ui/markdown";

/**
 * The other side's reasons, rendered from Markdown on the server and handed to the assessment
 * editor as finished elements, so the editor's JavaScript does not carry a Markdown renderer.
 */
export function counterpartReasons(side: { ratings: { dimensionId: string; rationale: string }[] } | null): Record<string, ReactNode> {
  if (!side) return {};
  return Object.fromEntries(side.ratings.filter((r) => r.rationale).map((r) => [r.dimensionId, <Markdown key={r.dimensionId}>{r.rationale}</Markdown>]));
}
