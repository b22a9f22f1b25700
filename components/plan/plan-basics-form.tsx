"use client";

import { useActionState } from "react";
import { Field, FormMessage, inputClass, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions";
import { monthLabel, PLAN_LIMITS } from "@/lib/plan/choices";

type Lane = { name: string; outcome: string; metrics: string };

type Props = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  /** The plan as saved, its lanes by position (1 to 3); a new plan comes with the default lanes. */
  plan: { revision: number; northStar: string; horizon: string; lanes: Lane[] };
  /** The months a horizon may take, YYYY-MM. */
  range: { min: string; max: string };
};

/** Field names as the form posts them, the same keys its errors come back under. */
const laneField = (i: number, part: keyof Lane) => `lanes.${i}.${part}`;

/** The engineer's north star, the month it is meant for, and three lanes, saved in one go. */
export function PlanBasicsForm({ action: save, plan, range }: Props) {
  const [state, action, pending] = useActionState<ActionState, FormData>(save, { status: "idle" });
  const errors = state.status === "error" ? state.fieldErrors : {};
  const typed = state.status === "error" ? state.values : null;
  const value = (name: string, saved: string) => typed?.[name] ?? saved;
  // What the form as a whole got wrong (a forged revision, a list of lanes too long) has no field of its own.
  const formErrors = [...(errors.revision ?? []), ...(errors.lanes ?? []), ...(errors.form ?? [])];

  return (
    // Remount with what was typed after a refused save (React resets a form after its action), and
    // with the saved plan after a save.
    <form key={typed ? JSON.stringify(typed) : `revision-${plan.revision}`} action={action} className="space-y-6" noValidate>
      <input type="hidden" name="revision" value={typed?.revision ?? plan.revision} />
      <FormMessage state={state} />
      {formErrors.length > 0 && <p className="text-sm text-red-700">{formErrors.join(" ")}</p>}

      <section aria-labelledby="north-star-heading" className="space-y-4 rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
        <div>
          <h2 id="north-star-heading" className="text-lg font-semibold text-stone-900">
            North star
          </h2>
          <p className="text-sm text-stone-600">One concrete outcome you can measure, two or three years out: “the go-to owner of the payments platform”.</p>
        </div>
        <div className="grid gap-4 md:grid-cols-[minmax(0,1fr)_14rem]">
          <Field id="northStar" label="Where you are heading" errors={errors.northStar} hint={`At most ${PLAN_LIMITS.northStar.toLocaleString("en")} characters.`}>
            {(a) => <textarea {...a} name="northStar" rows={4} maxLength={PLAN_LIMITS.northStar} defaultValue={value("northStar", plan.northStar)} className={inputClass} />}
          </Field>
          <Field id="horizon" label="By when" errors={errors.horizon} hint={`A month from ${monthLabel(range.min)} to ${monthLabel(range.max)}.`}>
            {(a) => <input {...a} name="horizon" type="month" min={range.min} max={range.max} placeholder="YYYY-MM" defaultValue={value("horizon", plan.horizon)} className={inputClass} />}
          </Field>
        </div>
      </section>

      <section aria-labelledby="lanes-heading" className="space-y-3">
        <div>
          <h2 id="lanes-heading" className="text-lg font-semibold text-stone-900">
            Three lanes
          </h2>
          <p className="max-w-3xl text-sm text-stone-600">
            What supports the north star: each lane an outcome, and the metrics that will tell you it is true. Rename a lane to fit you; clear one to leave it out.
          </p>
        </div>
        <div className="grid gap-4 lg:grid-cols-3">
          {plan.lanes.map((lane, i) => (
            <fieldset key={i} className="min-w-0 rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
              {/* Floated, the legend sits inside the card rather than on its border. */}
              <legend className="float-left w-full text-xs font-semibold uppercase tracking-wide text-path">Lane {i + 1}</legend>
              <div className="clear-left space-y-3 pt-2">
                <Field id={`lane-${i + 1}-name`} label="Name" errors={errors[laneField(i, "name")]}>
                  {(a) => <input {...a} name={laneField(i, "name")} maxLength={PLAN_LIMITS.laneName} defaultValue={value(laneField(i, "name"), lane.name)} className={inputClass} />}
                </Field>
                <Field id={`lane-${i + 1}-outcome`} label="Outcome" hint="What will be true when you get there." errors={errors[laneField(i, "outcome")]}>
                  {(a) => (
                    <textarea {...a} name={laneField(i, "outcome")} rows={4} maxLength={PLAN_LIMITS.outcome} defaultValue={value(laneField(i, "outcome"), lane.outcome)} className={inputClass} />
                  )}
                </Field>
                <Field id={`lane-${i + 1}-metrics`} label="Metrics" hint="How you will know: numbers, artifacts, what others say." errors={errors[laneField(i, "metrics")]}>
                  {(a) => (
                    <textarea {...a} name={laneField(i, "metrics")} rows={3} maxLength={PLAN_LIMITS.metrics} defaultValue={value(laneField(i, "metrics"), lane.metrics)} className={inputClass} />
                  )}
                </Field>
              </div>
            </fieldset>
          ))}
        </div>
      </section>

      <SubmitButton pending={pending}>{pending ? "Saving…" : "Save plan"}</SubmitButton>
    </form>
  );
}
