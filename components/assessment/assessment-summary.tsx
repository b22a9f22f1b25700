import { Markdown } from "@/components/ui/markdown";
import type { AssessmentView, CycleView } from "@/lib/data/assessments";

type Names = { dimensions: { id: string; name: string }[]; steps: { id: string; name: string }[] };

/** A submitted assessment, read-only: each dimension's chosen step and the reason given. */
export function AssessmentSummary({ assessment, names }: { assessment: AssessmentView; names: Names }) {
  const stepName = (id: string | null) => names.steps.find((s) => s.id === id)?.name ?? "—";
  return (
    <dl className="space-y-4">
      {names.dimensions.map((d) => {
        const rating = assessment.ratings.find((r) => r.dimensionId === d.id);
        return (
          <div key={d.id} className="border-l-2 border-path-soft pl-3">
            <dt className="text-xs font-semibold uppercase tracking-wide text-stone-600">{d.name}</dt>
            <dd className="mt-1 space-y-1">
              <p className="font-medium text-stone-900">{stepName(rating?.stepId ?? null)}</p>
              {rating?.rationale ? <Markdown>{rating.rationale}</Markdown> : <p className="text-sm text-stone-500">No reason given.</p>}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** How a draft that was never submitted reads: once its cycle has closed it stays as it was left. */
export function notSubmitted(cycle: Pick<CycleView, "status">): string {
  return cycle.status === "closed" ? "Not submitted; the cycle closed" : "Not submitted yet";
}

/** The note above a draft shown read-only, for its author alone. */
export function UnsubmittedNote({ cycle }: { cycle: Pick<CycleView, "status"> }) {
  return (
    <p data-testid="unsubmitted-note" className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      {notSubmitted(cycle)}. {cycle.status === "closed" ? "Only you can read this draft; it can no longer be changed." : "Only you can read this draft."}
    </p>
  );
}
