"use client";

import { useActionState } from "react";
import { Field, FormMessage, inputClass, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions";
import { CASE_LIMITS, caseOutcomes, outcomeLabel, stanceLabel, voteStances } from "@/lib/promotion/choices";
import { closeSessionAction, createSessionAction, decideAction, publishSessionAction, startSessionAction, voteAction } from "./actions";

const idle: ActionState = { status: "idle" };

export function CreateSessionForm({
  cycles,
  people,
  suggestion,
}: {
  cycles: { id: string; name: string; status: string }[];
  people: { id: string; name: string; role: string }[];
  suggestion: { name: string; heldOn: string; cycleId: string | null };
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(createSessionAction, idle);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : { name: suggestion.name, heldOn: suggestion.heldOn, reviewCycleId: suggestion.cycleId ?? "" };
  const picked = new Set(state.status === "error" ? (state.lists.calibratorIds ?? []) : []);
  return (
    <form action={action} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-[1.3fr_1fr_0.8fr]">
        <Field id="session-cycle" label="Review cycle" errors={errors.reviewCycleId}>
          {(a) => (
            <select {...a} name="reviewCycleId" defaultValue={values.reviewCycleId} className={inputClass}>
              {cycles.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                  {c.status === "open" ? " (open)" : ""}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="session-name" label="Name" errors={errors.name}>
          {(a) => <input {...a} name="name" maxLength={CASE_LIMITS.sessionName} defaultValue={values.name} className={inputClass} />}
        </Field>
        <Field id="session-date" label="Held on" errors={errors.heldOn}>
          {(a) => <input {...a} type="date" name="heldOn" defaultValue={values.heldOn} className={inputClass} />}
        </Field>
      </div>
      <fieldset aria-describedby={errors.calibratorIds ? "calibrators-error" : "calibrators-hint"}>
        <legend className="text-sm font-medium text-stone-800">Calibrators</legend>
        <p id="calibrators-hint" className="text-xs text-stone-600">
          Managers and admins. You sit in the session yourself.
        </p>
        <div className="mt-2 grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
          {people.map((p) => (
            <label key={p.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="calibratorIds" value={p.id} defaultChecked={picked.has(p.id)} />
              {p.name} <span className="text-stone-600">({p.role})</span>
            </label>
          ))}
        </div>
        {errors.calibratorIds && (
          <p id="calibrators-error" className="mt-1 text-sm text-red-700">
            {errors.calibratorIds.join(" ")}
          </p>
        )}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending}>Open the session</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

const controls = {
  start: { action: startSessionAction, label: "Start the session", confirm: "Start the session? Everyone's pre-votes become visible, and proposed cases can no longer be withdrawn." },
  close: { action: closeSessionAction, label: "Close the session", confirm: "Close the session? Its decisions are locked." },
  publish: { action: publishSessionAction, label: "Publish the outcomes", confirm: "Publish? Each engineer sees their outcome and rationale, and approvals become placements." },
} as const;

export function SessionControl({ kind, session }: { kind: keyof typeof controls; session: { id: string; revision: number } }) {
  const spec = controls[kind];
  const [state, action, pending] = useActionState<ActionState, FormData>(spec.action, idle);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(spec.confirm)) e.preventDefault();
      }}
      className="flex flex-wrap items-center gap-3"
    >
      <input type="hidden" name="id" value={session.id} />
      <input type="hidden" name="revision" value={session.revision} />
      <SubmitButton pending={pending}>{spec.label}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function VoteForm({ sessionId, caseId, subject, mine }: { sessionId: string; caseId: string; subject: string; mine: { stance: string; note: string } | null }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(voteAction, idle);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const stance = state.status === "error" ? state.values.stance : mine?.stance;
  const note = state.status === "error" ? (state.values.note ?? "") : (mine?.note ?? "");
  return (
    <form action={action} className="space-y-2" noValidate>
      <input type="hidden" name="sessionId" value={sessionId} />
      <input type="hidden" name="caseId" value={caseId} />
      <fieldset aria-describedby={errors.stance ? `stance-error-${caseId}` : undefined}>
        <legend className="text-sm font-medium text-stone-800">Your pre-vote on {subject}</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {voteStances.map((s) => (
            <label key={s} className="flex items-center gap-1.5 text-sm">
              <input type="radio" name="stance" value={s} defaultChecked={stance === s} />
              {stanceLabel[s]}
            </label>
          ))}
        </div>
        {errors.stance && (
          <p id={`stance-error-${caseId}`} className="text-sm text-red-700">
            {errors.stance.join(" ")}
          </p>
        )}
      </fieldset>
      <Field id={`vote-note-${caseId}`} label="Note (optional)" errors={errors.note}>
        {(a) => <textarea {...a} name="note" rows={2} maxLength={CASE_LIMITS.voteNote} defaultValue={note} className={inputClass} />}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} variant="secondary">
          {mine ? "Change pre-vote" : "Record pre-vote"}
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

export function DecideForm({ sessionId, c, defaultDate }: { sessionId: string; c: { id: string; revision: number; subject: string; to: string }; defaultDate: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(decideAction, idle);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : {};
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="sessionId" value={sessionId} />
      <input type="hidden" name="id" value={c.id} />
      <input type="hidden" name="revision" value={c.revision} />
      <fieldset aria-describedby={errors.outcome ? `outcome-error-${c.id}` : undefined}>
        <legend className="text-sm font-medium text-stone-800">
          Decision on {c.subject} → {c.to}
        </legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {caseOutcomes.map((o) => (
            <label key={o} className="flex items-center gap-1.5 text-sm">
              <input type="radio" name="outcome" value={o} defaultChecked={values.outcome === o} />
              {outcomeLabel[o]}
            </label>
          ))}
        </div>
        {errors.outcome && (
          <p id={`outcome-error-${c.id}`} className="text-sm text-red-700">
            {errors.outcome.join(" ")}
          </p>
        )}
      </fieldset>
      <Field id={`rationale-${c.id}`} label="Rationale" hint="Required. The engineer reads it with the outcome." errors={errors.rationale}>
        {(a) => <textarea {...a} name="rationale" rows={3} maxLength={CASE_LIMITS.rationale} defaultValue={values.rationale ?? ""} className={inputClass} />}
      </Field>
      <Field id={`effective-${c.id}`} label="Effective on (for an approval)" errors={errors.effectiveOn}>
        {(a) => <input {...a} type="date" name="effectiveOn" defaultValue={values.effectiveOn ?? defaultDate} className={`${inputClass} max-w-48`} />}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending}>Record decision</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
