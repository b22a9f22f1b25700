import type { ReactNode } from "react";
import type { ActionState } from "@/lib/actions";
import type { MilestoneView, PlanView } from "@/lib/data/plans";
import { isoDate, longDate } from "@/lib/dates";
import { MILESTONE_LIMITS } from "@/lib/plan/choices";
import { weekOf } from "@/lib/plan/quarters";
import { DeleteMilestoneButton, MilestoneDoneButton } from "./milestone-buttons";
import { MilestoneForm, type MilestoneChoices } from "./milestone-form";
import { MilestoneSummary } from "./milestone-summary";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

type Props = {
  plan: PlanView;
  choices: MilestoneChoices;
  actions: { add: Action; update: Action; done: Action; remove: Action };
};

const disclosure = "cursor-pointer text-sm font-medium text-path hover:underline";

/** The quarter's milestones in the owner's hands: each lane's list, marked done, edited or deleted in place, and a form to add one. */
export function QuarterPlan({ plan, choices, actions }: Props) {
  const { quarter } = plan;
  const week = weekOf(quarter, isoDate(new Date()));
  const inLane = (position: number) => plan.milestones.filter((m) => m.lane === position);
  // Milestones whose lane was removed before this rule held, or moved away since: shown so that they can be moved.
  const withoutLane = plan.milestones.filter((m) => m.lane === null || !plan.lanes.some((l) => l.position === m.lane));

  const item = (m: MilestoneView): ReactNode => (
    <li key={m.id} className="space-y-2 py-3">
      <MilestoneSummary milestone={m} quarter={quarter} />
      <div className="flex flex-wrap items-start gap-3">
        <MilestoneDoneButton action={actions.done} id={m.id} revision={m.revision} done={m.done} title={m.title} />
        <details className="min-w-0 basis-full">
          <summary className={disclosure}>
            Edit<span className="sr-only"> the milestone {m.title}</span>
          </summary>
          <div className="mt-3 space-y-4 rounded-lg border border-stone-200 p-3">
            <MilestoneForm
              action={actions.update}
              choices={choices}
              idPrefix={`milestone-${m.id}`}
              lane={m.lane ?? 0}
              existing={m}
            />
            <DeleteMilestoneButton action={actions.remove} id={m.id} revision={m.revision} title={m.title} />
          </div>
        </details>
      </div>
    </li>
  );

  return (
    <section aria-labelledby="quarter-heading" className="space-y-3">
      <div>
        <h2 id="quarter-heading" className="text-lg font-semibold text-stone-900">
          This quarter: {quarter.label}
        </h2>
        <p className="max-w-3xl text-sm text-stone-600">
          {longDate(quarter.start)} to {longDate(quarter.end)}
          {week && <> · this is week {week} of 13</>}. A few milestones in each lane: the week each is due, what it leaves behind and how you will know it worked. Update
          them as the weeks go by.
        </p>
      </div>
      {plan.lanes.length === 0 ? (
        <p className="text-sm text-stone-600">Save your north star and lanes first; then plan this quarter&apos;s milestones in each lane.</p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-3">
          {plan.lanes.map((lane) => {
            const milestones = inLane(lane.position);
            return (
              <article key={lane.position} aria-labelledby={`quarter-lane-${lane.position}`} className="min-w-0 rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
                <p className="text-xs font-semibold uppercase tracking-wide text-path">Lane {lane.position}</p>
                <h3 id={`quarter-lane-${lane.position}`} className="mt-1 text-base font-semibold text-stone-950 [overflow-wrap:anywhere]">
                  {lane.name}
                </h3>
                {milestones.length === 0 ? (
                  <p className="mt-2 text-sm text-stone-600">No milestones this quarter yet.</p>
                ) : (
                  <ol aria-label={`Milestones of ${lane.name}`} className="mt-1 divide-y divide-stone-200">
                    {milestones.map(item)}
                  </ol>
                )}
                {milestones.length < MILESTONE_LIMITS.perLane ? (
                  <details className="mt-3 border-t border-stone-200 pt-3">
                    <summary className={disclosure}>
                      Add a milestone<span className="sr-only"> to {lane.name}</span>
                    </summary>
                    <div className="mt-3">
                      <MilestoneForm action={actions.add} choices={choices} idPrefix={`add-${lane.position}`} lane={lane.position} count={milestones.length} />
                    </div>
                  </details>
                ) : (
                  <p className="mt-3 border-t border-stone-200 pt-3 text-sm text-stone-600">This lane has its {MILESTONE_LIMITS.perLane} milestones for the quarter.</p>
                )}
              </article>
            );
          })}
        </div>
      )}
      {withoutLane.length > 0 && (
        <section aria-labelledby="without-lane-heading" className="rounded-xl border border-amber-200 bg-amber-50 p-5">
          <h3 id="without-lane-heading" className="text-base font-semibold text-stone-950">
            Milestones without a lane
          </h3>
          <p className="text-sm text-stone-700">Their lane is no longer on the plan: edit one to move it to a lane.</p>
          <ol className="mt-1 divide-y divide-amber-200">{withoutLane.map(item)}</ol>
        </section>
      )}
    </section>
  );
}
