import type { MilestoneView, PlanView as Plan } from "@/lib/data/plans";
import { monthLabel } from "@/lib/plan/choices";
import { MilestoneSummary } from "./milestone-summary";

/** What people wrote, as text: line breaks kept, nothing read as markup. */
function Text({ children, empty }: { children: string; empty: string }) {
  return children ? <p className="whitespace-pre-line [overflow-wrap:anywhere]">{children}</p> : <p className="text-stone-500">{empty}</p>;
}

/** A growth plan to read: the north star with its month, then each lane's outcome, metrics and milestones this quarter. */
export function PlanView({ plan }: { plan: Plan }) {
  const milestones = (list: MilestoneView[], label: string) =>
    list.length === 0 ? (
      <p className="text-stone-500">None this quarter.</p>
    ) : (
      <ol aria-label={label} className="divide-y divide-stone-200">
        {list.map((m) => (
          <li key={m.id} className="py-2 first:pt-0">
            <MilestoneSummary milestone={m} quarter={plan.quarter} />
          </li>
        ))}
      </ol>
    );
  const withoutLane = plan.milestones.filter((m) => !plan.lanes.some((l) => l.position === m.lane));
  return (
    <div className="space-y-6">
      <section aria-labelledby="north-star-heading" className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
        <h2 id="north-star-heading" className="text-sm font-medium text-path">
          North star{plan.horizon && <span className="text-stone-600"> · by {monthLabel(plan.horizon)}</span>}
        </h2>
        <div className="mt-2 max-w-3xl text-lg leading-relaxed text-stone-900">
          <Text empty="No north star yet.">{plan.northStar}</Text>
        </div>
      </section>
      <section aria-labelledby="lanes-heading" className="space-y-3">
        <h2 id="lanes-heading" className="text-lg font-semibold text-stone-900">
          Lanes
        </h2>
        {plan.lanes.length === 0 ? (
          <p className="text-sm text-stone-600">No lanes yet.</p>
        ) : (
          <div className="grid gap-4 lg:grid-cols-3">
            {plan.lanes.map((lane) => (
              <article key={lane.position} aria-labelledby={`lane-${lane.position}-heading`} className="min-w-0 rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
                <p className="text-xs font-semibold uppercase tracking-wide text-path">Lane {lane.position}</p>
                <h3 id={`lane-${lane.position}-heading`} className="mt-1 text-base font-semibold text-stone-950 [overflow-wrap:anywhere]">
                  {lane.name}
                </h3>
                <dl className="mt-3 space-y-3 text-sm text-stone-800">
                  {[
                    ["Outcome", lane.outcome],
                    ["Metrics", lane.metrics],
                  ].map(([term, text]) => (
                    <div key={term}>
                      <dt className="text-xs font-semibold uppercase tracking-wide text-stone-600">{term}</dt>
                      <dd className="mt-1">
                        <Text empty="Not written yet.">{text ?? ""}</Text>
                      </dd>
                    </div>
                  ))}
                  <div>
                    <dt className="text-xs font-semibold uppercase tracking-wide text-stone-600">Milestones, {plan.quarter.label}</dt>
                    <dd className="mt-1">{milestones(plan.milestones.filter((m) => m.lane === lane.position), `Milestones of ${lane.name}`)}</dd>
                  </div>
                </dl>
              </article>
            ))}
          </div>
        )}
        {withoutLane.length > 0 && (
          <div className="rounded-xl border border-stone-200 bg-white p-5 text-sm shadow-sm">
            <h3 className="mb-2 text-base font-semibold text-stone-950">Milestones of a lane since removed</h3>
            {milestones(withoutLane, "Milestones of a lane since removed")}
          </div>
        )}
      </section>
    </div>
  );
}
