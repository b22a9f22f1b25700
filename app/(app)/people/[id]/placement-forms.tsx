"use client";

import { useActionState } from "react";
import { StepSelect } from "@/components/placements/step-select";
import { Field, FormMessage, inputClass, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions";
import type { PlacementEntry, StepChoiceGroup } from "@/lib/data/placements";
import { adminReasons, PLACEMENT_NOTE_MAX, placementReasonLabel } from "@/lib/placements/choices";
import { correctPlacementAction, placePersonAction } from "./actions";
import { longDate } from "@/lib/dates";

function NoteField({ id, value, errors }: { id: string; value: string; errors?: string[] }) {
  return (
    <Field id={id} label="Note" hint="Why, in a sentence or two. Everyone who may read this person's page reads it." errors={errors}>
      {(a) => <textarea {...a} name="note" rows={2} maxLength={PLACEMENT_NOTE_MAX} defaultValue={value} className={inputClass} />}
    </Field>
  );
}

/** Places a person on a step, as a new row of their history. */
export function PlaceForm({ personId, groups, today, placed }: { personId: string; groups: StepChoiceGroup[]; today: string; placed: boolean }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(placePersonAction, { status: "idle" });
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : { stepId: "", effectiveOn: today, reason: placed ? "correction" : "initial", note: "" };
  return (
    <form key={state.status === "error" ? JSON.stringify(state.values) : "form"} action={action} className="space-y-4" noValidate>
      <input type="hidden" name="personId" value={personId} />
      <FormMessage state={state} />
      <Field id="place-stepId" label="Step" errors={errors.stepId}>
        {(a) => <StepSelect field={a} groups={groups} defaultValue={values.stepId ?? ""} placeholder="Choose a step" />}
      </Field>
      <Field id="place-effectiveOn" label="Effective from" errors={errors.effectiveOn}>
        {(a) => <input {...a} name="effectiveOn" type="date" required defaultValue={values.effectiveOn} className={inputClass} />}
      </Field>
      <Field id="place-reason" label="Reason" hint="Promotions are recorded by approved promotion cases." errors={errors.reason}>
        {(a) => (
          <select {...a} name="reason" defaultValue={values.reason} className={inputClass}>
            {adminReasons.map((r) => (
              <option key={r} value={r}>
                {placementReasonLabel[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <NoteField id="place-note" value={values.note ?? ""} errors={errors.note} />
      <SubmitButton pending={pending}>{pending ? "Placing…" : "Place on this step"}</SubmitButton>
    </form>
  );
}

/** Corrects one placement in place, behind a disclosure; a placement a promotion case wrote is only explained. */
export function CorrectPlacement({ entry, groups }: { entry: PlacementEntry; groups: StepChoiceGroup[] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(correctPlacementAction, { status: "idle" });
  if (!entry.canCorrect) {
    return <p className="text-xs text-stone-600">Written by a promotion case, so it is not corrected here: to change where they are, place them on a step.</p>;
  }
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : { stepId: entry.step.id, effectiveOn: entry.effectiveOn, note: entry.note };
  const id = (field: string) => `correct-${entry.id}-${field}`;
  // The disclosure is keyed by the row as it is now: after a correction the page brings the new row, and it starts closed.
  return (
    <>
      {state.status === "ok" && <FormMessage state={state} />}
      <details key={entry.revision}>
        <summary className="w-fit cursor-pointer text-sm font-medium text-path hover:underline">
          Correct<span className="sr-only"> the placement on {entry.step.name} from {longDate(entry.effectiveOn)}</span>
        </summary>
        <form key={state.status === "error" ? JSON.stringify(state.values) : "form"} action={action} className="mt-3 max-w-lg space-y-4" noValidate>
          <input type="hidden" name="id" value={entry.id} />
          <input type="hidden" name="revision" value={entry.revision} />
          {state.status === "error" && <FormMessage state={state} />}
          <Field id={id("stepId")} label="Step" errors={errors.stepId}>
            {(a) => <StepSelect field={a} groups={groups} defaultValue={values.stepId ?? ""} extra={{ id: entry.step.id, name: entry.step.name }} />}
          </Field>
          <Field id={id("effectiveOn")} label="Effective from" errors={errors.effectiveOn}>
            {(a) => <input {...a} name="effectiveOn" type="date" required defaultValue={values.effectiveOn} className={inputClass} />}
          </Field>
          <NoteField id={id("note")} value={values.note ?? ""} errors={errors.note} />
          <p className="text-xs text-stone-600">A corrected placement is recorded as a correction, decided by you; the audit log keeps what it said before.</p>
          <SubmitButton pending={pending} variant="secondary">
            {pending ? "Saving…" : "Save correction"}
          </SubmitButton>
        </form>
      </details>
    </>
  );
}
