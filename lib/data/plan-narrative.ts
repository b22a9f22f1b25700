import "server-only";
import type { Viewer } from "@/lib/auth/policy";
import { evidenceKindLabel } from "@/lib/evidence/schemas";
import { inQuarter, narrativeMarkdown } from "@/lib/plan/narrative";
import { listEvidence } from "./evidence";
import { listCheckIns } from "./plan-check-ins";
import { listExperiments } from "./plan-experiments";
import { getPlan } from "./plans";

/** How many of the quarter's evidence items the narrative names; the rest are counted. */
export const NARRATIVE_EVIDENCE_SHOWN = 30;

/**
 * A person's quarterly narrative as Markdown, for whoever may read their plan ("not found" for
 * anyone else, as each read it gathers says): the current quarter's milestones, the experiments
 * that ran in it, the evidence dated in it and the last check-in, against the north star.
 */
export async function getNarrativeMarkdown(viewer: Viewer, personId: string): Promise<{ owner: string; quarter: string; markdown: string }> {
  // The plan first: it answers "not found" for anyone who may not read it, before anything else is read.
  const plan = await getPlan(viewer, personId);
  const [experiments, checkIns, evidence] = await Promise.all([
    listExperiments(viewer, personId),
    listCheckIns(viewer, personId),
    listEvidence(viewer, personId, { from: plan.quarter.start, to: plan.quarter.end }),
  ]);
  const markdown = narrativeMarkdown({
    owner: plan.owner,
    quarter: plan.quarter,
    northStar: plan.northStar,
    horizon: plan.horizon,
    lanes: plan.lanes,
    milestones: plan.milestones,
    experiments: inQuarter(plan.quarter, experiments.items),
    evidence: evidence.slice(0, NARRATIVE_EVIDENCE_SHOWN).map((e) => ({ title: e.title, kind: evidenceKindLabel[e.kind], occurredOn: e.occurredOn })),
    evidenceTotal: evidence.length,
    checkIn: checkIns.items[0] ?? null,
  });
  return { owner: plan.owner.name, quarter: plan.quarter.label, markdown };
}
