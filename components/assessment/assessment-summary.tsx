import { Markdown } from "@/components/ui/markdown";
import type { AssessmentView } from "@/lib/data/assessments";

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
