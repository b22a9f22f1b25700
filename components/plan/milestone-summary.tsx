import type { MilestoneView } from "@/lib/data/plans";
import { milestoneArtifactLabel } from "@/lib/plan/choices";
import { weekLabel, type Quarter } from "@/lib/plan/quarters";

/** One milestone to read: done or not, its title, the week it is due, what it leaves behind, how success is measured, its evidence. */
export function MilestoneSummary({ milestone: m, quarter }: { milestone: MilestoneView; quarter: Quarter }) {
  return (
    <div className="min-w-0 space-y-1 [overflow-wrap:anywhere]">
      <p className="flex items-start gap-2">
        <span
          className={`mt-0.5 shrink-0 rounded-full px-2 py-0.5 text-xs font-semibold ${m.done ? "bg-emerald-100 text-emerald-900" : "bg-stone-100 text-stone-700"}`}
        >
          {m.done ? "Done" : "Not done"}
        </span>
        <span className="font-medium text-stone-950">{m.title}</span>
      </p>
      <p className="text-xs text-stone-600">
        {weekLabel(quarter, m.targetWeek)} · {milestoneArtifactLabel[m.artifact]}
      </p>
      <p className="whitespace-pre-line text-sm text-stone-800">{m.success}</p>
      {m.evidence && (
        <p className="text-sm">
          <span className="text-stone-600">Evidence: </span>
          <a href={`/evidence/${m.evidence.id}`} className="font-medium text-path hover:underline">
            {m.evidence.title}
          </a>
        </p>
      )}
    </div>
  );
}
