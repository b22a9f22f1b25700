import { PathMatrix, type CellMark } from "@/components/path-matrix/path-matrix";
import { Markdown } from "@/components/ui/markdown";
import { computeGaps, describeGap, describeGapCount, type GapFramework } from "@/lib/assessments/gaps";
import type { AssessmentView } from "@/lib/data/assessments";
import type { FrameworkVersionView } from "@/lib/data/frameworks";
import { firstName } from "@/lib/people/names";
import { stackedBlock, stackedCell, stackedHead, stackedTable } from "@/components/ui/stacked-table";

export type Rating = { dimensionId: string; stepId: string | null; rationale: string };
/** One side of a review: whose picks these are, as a short label for the matrix ("You", "Priya"). */
export type Side = { who: "self" | "manager"; label: string; ratings: Rating[] };

/** A manager assessment as one side of a review, labelled for whoever is looking. */
export function managerSide(assessment: Pick<AssessmentView, "author" | "ratings">, viewerId: string): Side {
  const label = assessment.author.id === viewerId ? "You (manager)" : `${firstName(assessment.author.name)} (manager)`;
  return { who: "manager", label, ratings: assessment.ratings };
}

/** The picks of one or two assessments as marks on the matrix cells. */
export function marksFor(sides: Side[]): Record<string, CellMark[]> {
  const marks: Record<string, CellMark[]> = {};
  for (const side of sides) {
    for (const r of side.ratings) {
      if (!r.stepId) continue;
      (marks[`${r.stepId}:${r.dimensionId}`] ??= []).push({ who: side.who, label: side.label });
    }
  }
  return marks;
}

/** Per dimension: the engineer's pick, the manager's, and how far apart they are on the path. */
export function GapSummary({ framework, self, manager }: { framework: GapFramework; self: Side; manager: Side }) {
  const report = computeGaps(framework, self.ratings, manager.ratings);
  return (
    <section aria-labelledby="gap-heading" className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="gap-heading" className="text-lg font-semibold">
          Self-placement beside the manager&apos;s
        </h2>
        <p data-testid="gap-count" className="text-sm text-stone-700">
          {describeGapCount(report.gapCount)}
        </p>
      </div>
      <table className={`${stackedTable} mt-3`}>
        <thead className={`${stackedHead} text-xs uppercase tracking-wide text-stone-600`}>
          <tr>
            <th scope="col" className="py-2 pr-4 font-semibold">Dimension</th>
            <th scope="col" className="py-2 pr-4 font-semibold">{self.label}</th>
            <th scope="col" className="py-2 pr-4 font-semibold">{manager.label}</th>
            <th scope="col" className="py-2 font-semibold">Gap</th>
          </tr>
        </thead>
        <tbody className={stackedBlock}>
          {report.dimensions.map((r) => {
            const gap = describeGap(r.comparison);
            return (
              <tr key={r.dimension.id} className="border-t border-stone-200 max-sm:block max-sm:py-2">
                <th scope="row" className="py-2 pr-4 font-medium max-sm:block max-sm:py-0.5">{r.dimension.name}</th>
                <td data-label={self.label} className={`${stackedCell} sm:pl-0 sm:pr-4`}>
                  <span className="min-w-0">{r.self?.name ?? "—"}</span>
                </td>
                <td data-label={manager.label} className={`${stackedCell} sm:pl-0 sm:pr-4`}>
                  <span className="min-w-0">{r.manager?.name ?? "—"}</span>
                </td>
                <td data-label="Gap" className={`${stackedCell} sm:px-0`}>
                  <span
                    className={`inline-block min-w-0 rounded-full px-2 py-0.5 text-xs font-semibold ${
                      gap.tone === "agree" ? "bg-emerald-100 text-emerald-900" : gap.tone === "gap" ? "bg-amber-200 text-amber-950" : "bg-stone-100 text-stone-700"
                    }`}
                  >
                    {gap.text}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/**
 * A submitted review, read-only: the gaps first, then both sets of picks marked on the matrix, then
 * each dimension's reasons side by side. `manager` is absent until the manager has submitted.
 */
export function ReviewComparison({
  framework,
  self,
  manager,
  evidence,
}: {
  framework: FrameworkVersionView;
  self: Side | null;
  manager: Side | null;
  evidence?: { counts: Record<string, number>; personId: string; own: boolean };
}) {
  const sides = [self, manager].filter((s): s is Side => !!s);
  const stepName = (id: string | null | undefined) => framework.steps.find((s) => s.id === id)?.name ?? "—";
  return (
    <div className="space-y-6">
      {self && manager && <GapSummary framework={framework} self={self} manager={manager} />}
      <section aria-labelledby="reasons-heading" className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
        <h2 id="reasons-heading" className="text-lg font-semibold">
          Reasons
        </h2>
        <div className="mt-3 space-y-5">
          {framework.dimensions.map((d) => (
            <div key={d.id}>
              <h3 className="text-xs font-semibold uppercase tracking-wide text-stone-600">{d.name}</h3>
              <div className={`mt-2 grid gap-4 ${sides.length > 1 ? "md:grid-cols-2" : ""}`}>
                {sides.map((side) => {
                  const rating = side.ratings.find((r) => r.dimensionId === d.id);
                  return (
                    <div key={side.who} className={`border-l-4 pl-3 ${side.who === "self" ? "border-path" : "border-amber-400"}`}>
                      <p className="text-sm">
                        <span className="font-semibold">{side.label}:</span> {stepName(rating?.stepId)}
                      </p>
                      {rating?.rationale ? <Markdown>{rating.rationale}</Markdown> : <p className="text-sm text-stone-500">No reason given.</p>}
                    </div>
                  );
                })}
              </div>
            </div>
          ))}
        </div>
      </section>
      <section aria-labelledby="review-matrix-heading" className="space-y-3">
        <h2 id="review-matrix-heading" className="text-lg font-semibold">
          On the path
        </h2>
        <PathMatrix framework={framework} marks={marksFor(sides)} evidence={evidence} label="Picks on the career path matrix" />
      </section>
    </div>
  );
}
