import { longDate } from "@/lib/dates";
import { markdownInline as inline } from "@/lib/markdown-text";
import { milestoneArtifactLabel, monthLabel, type MilestoneArtifact } from "./choices";
import { CHECK_IN_QUESTIONS, feelingLabel, ratingField, type CheckInQuestion } from "./check-ins";
import { weekStart, type Quarter } from "./quarters";

/**
 * The quarter's narrative: the milestones of each lane, the experiments that ran in the quarter,
 * the evidence dated in it and the last check-in, against the north star. For the conversation
 * with a manager, or a promotion packet. Pure: the data layer gathers what it reads.
 */

export type NarrativeInput = {
  owner: { name: string };
  quarter: Quarter;
  northStar: string;
  horizon: string | null;
  lanes: { position: number; name: string; outcome: string; metrics: string }[];
  milestones: { lane: number | null; title: string; targetWeek: number; artifact: MilestoneArtifact; success: string; done: boolean; evidence: { title: string } | null }[];
  experiments: { hypothesis: string; startsOn: string; endsOn: string; outcome: string; nextStep: string; closedAt: Date | null; overdue: boolean }[];
  evidence: { title: string; kind: string; occurredOn: string }[];
  /** How many evidence items the quarter holds in all, when more than `evidence` lists. */
  evidenceTotal: number;
  checkIn: ({ createdAt: Date } & Record<CheckInQuestion, string> & Record<`${CheckInQuestion}Rating`, number>) | null;
};

/** The experiments that ran at some point in the quarter: started by its end, ended after its start. */
export function inQuarter<T extends { startsOn: string; endsOn: string }>(quarter: Quarter, experiments: T[]): T[] {
  return experiments.filter((e) => e.startsOn <= quarter.end && e.endsOn >= quarter.start);
}

export function narrativeMarkdown(n: NarrativeInput): string {
  const out: string[] = [];
  out.push(`# ${inline(n.owner.name)}: ${n.quarter.label}`, "");
  out.push(`${longDate(n.quarter.start)} to ${longDate(n.quarter.end)}.`, "");

  out.push("## North star", "");
  out.push(n.northStar.trim() ? inline(n.northStar) + (n.horizon ? ` (by ${monthLabel(n.horizon)})` : "") : "_No north star written yet._", "");

  out.push("## Lanes and milestones", "");
  if (n.lanes.length === 0) out.push("_No lanes yet._", "");
  for (const lane of n.lanes) {
    out.push(`### ${inline(lane.name)}`, "");
    if (lane.outcome.trim()) out.push(`- **Outcome:** ${inline(lane.outcome)}`);
    if (lane.metrics.trim()) out.push(`- **Measured by:** ${inline(lane.metrics)}`);
    if (lane.outcome.trim() || lane.metrics.trim()) out.push("");
    const mine = n.milestones.filter((m) => m.lane === lane.position);
    if (mine.length === 0) out.push("_No milestones this quarter._", "");
    for (const m of mine) {
      const parts = [`week ${m.targetWeek} (from ${longDate(weekStart(n.quarter, m.targetWeek))})`, milestoneArtifactLabel[m.artifact].toLowerCase()];
      out.push(`- [${m.done ? "x" : " "}] ${inline(m.title)}: ${parts.join(", ")}`);
      if (m.success.trim()) out.push(`  - Success: ${inline(m.success)}`);
      if (m.evidence) out.push(`  - Evidence: ${inline(m.evidence.title)}`);
    }
    if (mine.length) out.push("");
  }

  out.push("## Experiments", "");
  if (n.experiments.length === 0) out.push("_No experiment ran this quarter._", "");
  for (const e of n.experiments) {
    const state = e.closedAt ? "closed" : e.overdue ? "open, past its end" : "open";
    out.push(`- ${inline(e.hypothesis)} (${longDate(e.startsOn)} to ${longDate(e.endsOn)}; ${state})`);
    if (e.outcome.trim()) out.push(`  - Outcome: ${inline(e.outcome)}`);
    if (e.nextStep.trim()) out.push(`  - Next step: ${inline(e.nextStep)}`);
  }
  if (n.experiments.length) out.push("");

  out.push("## Evidence", "");
  if (n.evidence.length === 0) out.push("_No evidence dated this quarter._", "");
  for (const e of n.evidence) out.push(`- ${longDate(e.occurredOn)}: ${inline(e.title)} (${inline(e.kind)})`);
  if (n.evidenceTotal > n.evidence.length) out.push(`- And ${n.evidenceTotal - n.evidence.length} more.`);
  if (n.evidence.length) out.push("");

  out.push("## Last check-in", "");
  if (!n.checkIn) out.push("_No check-in yet._", "");
  else {
    out.push(`${longDate(n.checkIn.createdAt)}.`, "");
    for (const q of CHECK_IN_QUESTIONS) {
      const answer = n.checkIn[q.key];
      const feeling = n.checkIn[ratingField(q.key)];
      out.push(`- **${q.question}** ${feelingLabel(feeling)} (${feeling} of 5).${answer.trim() ? ` ${inline(answer)}` : ""}`);
    }
    out.push("");
  }
  return out.join("\n");
}
