"use client";

import { useActionState } from "react";
import { Field, FormMessage, inputClass, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions";
import { EXPERIMENT_LIMITS as L } from "@/lib/plan/experiments";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

export type ExperimentFields = { hypothesis: string; startsOn: string; endsOn: string; actions: string; metrics: string; rollback: string };

/** What the form as a whole got wrong (a forged id, a stale revision) has no field of its own. */
const formErrors = (errors: Record<string, string[]>) => [...(errors.id ?? []), ...(errors.revision ?? []), ...(errors.form ?? [])];

function useForm(save: Action) {
  const [state, action, pending] = useActionState<ActionState, FormData>(save, { status: "idle" });
  const errors = state.status === "error" ? state.fieldErrors : {};
  const typed = state.status === "error" ? state.values : null;
  return { state, action, pending, errors, typed, value: (name: string, saved: string) => typed?.[name] ?? saved };
}

/**
 * An experiment's hypothesis, dates, actions, metrics and rollback criteria: a new one (no `editing`)
 * or an open one's changes, saved on the revision it was loaded on.
 */
export function ExperimentForm({
  action: save,
  experiment,
  editing,
  startRange,
}: {
  action: Action;
  experiment: ExperimentFields;
  editing?: { id: string; revision: number };
  startRange: { min: string; max: string };
}) {
  const { state, action, pending, errors, typed, value } = useForm(save);
  const p = editing ? `experiment-${editing.id}-` : "new-experiment-";
  const whole = formErrors(errors);
  return (
    <form key={typed ? JSON.stringify(typed) : `saved-${editing?.revision ?? 0}-${state.status}`} action={action} className="space-y-4" noValidate>
      {editing && (
        <>
          <input type="hidden" name="id" value={typed?.id ?? editing.id} />
          <input type="hidden" name="revision" value={typed?.revision ?? editing.revision} />
        </>
      )}
      <FormMessage state={state} />
      {whole.length > 0 && <p className="text-sm text-red-700">{whole.join(" ")}</p>}
      <Field id={`${p}hypothesis`} label="Hypothesis" hint="What you expect this move to show: “leading the on-call rota makes me the person teams ask about reliability”." errors={errors.hypothesis}>
        {(a) => <textarea {...a} name="hypothesis" rows={3} maxLength={L.hypothesis} defaultValue={value("hypothesis", experiment.hypothesis)} className={inputClass} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${p}startsOn`} label="Starts on" errors={errors.startsOn}>
          {(a) => <input {...a} type="date" name="startsOn" min={startRange.min} max={startRange.max} defaultValue={value("startsOn", experiment.startsOn)} className={inputClass} />}
        </Field>
        <Field id={`${p}endsOn`} label="Ends on" hint="Eight to twelve weeks gives a move time to show; a week at least." errors={errors.endsOn}>
          {(a) => <input {...a} type="date" name="endsOn" defaultValue={value("endsOn", experiment.endsOn)} className={inputClass} />}
        </Field>
      </div>
      <Field id={`${p}actions`} label="Actions" hint="What you will do, week by week." errors={errors.actions}>
        {(a) => <textarea {...a} name="actions" rows={3} maxLength={L.actions} defaultValue={value("actions", experiment.actions)} className={inputClass} />}
      </Field>
      <Field id={`${p}metrics`} label="Success metrics" hint="How you will know it worked." errors={errors.metrics}>
        {(a) => <textarea {...a} name="metrics" rows={2} maxLength={L.metrics} defaultValue={value("metrics", experiment.metrics)} className={inputClass} />}
      </Field>
      <Field id={`${p}rollback`} label="Rollback criteria" hint="What would make you stop and go back." errors={errors.rollback}>
        {(a) => <textarea {...a} name="rollback" rows={2} maxLength={L.rollback} defaultValue={value("rollback", experiment.rollback)} className={inputClass} />}
      </Field>
      <SubmitButton pending={pending}>{pending ? "Saving…" : editing ? "Save experiment" : "Log experiment"}</SubmitButton>
    </form>
  );
}

/** Closing an open experiment: the outcome and the next step, both asked for. */
export function ExperimentCloseForm({ action: save, id, revision }: { action: Action; id: string; revision: number }) {
  const { state, action, pending, errors, typed, value } = useForm(save);
  const p = `experiment-${id}-`;
  const whole = formErrors(errors);
  return (
    <form key={typed ? JSON.stringify(typed) : `saved-${revision}`} action={action} className="space-y-4" noValidate>
      <input type="hidden" name="id" value={typed?.id ?? id} />
      <input type="hidden" name="revision" value={typed?.revision ?? revision} />
      <FormMessage state={state} />
      {whole.length > 0 && <p className="text-sm text-red-700">{whole.join(" ")}</p>}
      <Field id={`${p}outcome`} label="Outcome" hint="What the metrics showed, and what you learnt." errors={errors.outcome}>
        {(a) => <textarea {...a} name="outcome" rows={3} maxLength={L.outcome} defaultValue={value("outcome", "")} className={inputClass} />}
      </Field>
      <Field id={`${p}nextStep`} label="Next step" hint="Keep it, change it, or roll it back." errors={errors.nextStep}>
        {(a) => <textarea {...a} name="nextStep" rows={2} maxLength={L.nextStep} defaultValue={value("nextStep", "")} className={inputClass} />}
      </Field>
      <SubmitButton pending={pending} variant="secondary">
        {pending ? "Closing…" : "Close experiment"}
      </SubmitButton>
    </form>
  );
}
