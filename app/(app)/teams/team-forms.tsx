"use client";

import { useActionState } from "react";
import { Field, FormMessage, inputClass, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions";
import { createTeamAction, renameTeamAction, setTeamLeadAction } from "./actions";

export function CreateTeamForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(createTeamAction, { status: "idle" });
  return (
    <form action={action} className="flex flex-col gap-3 sm:flex-row sm:items-start" noValidate>
      <div className="sm:w-72">
        <Field id="new-team" label="New team" errors={state.status === "error" ? state.fieldErrors.name : undefined}>
          {(a) => (
            <input
              {...a}
              key={state.status === "ok" ? state.message : "draft"}
              name="name"
              required
              maxLength={80}
              defaultValue={state.status === "error" ? state.values.name : ""}
              className={inputClass}
            />
          )}
        </Field>
      </div>
      <div className="sm:pt-6">
        <SubmitButton pending={pending}>Create team</SubmitButton>
      </div>
      <div className="sm:pt-6">
        <FormMessage state={state} />
      </div>
    </form>
  );
}

export function RenameTeamForm({ team }: { team: { id: string; name: string; revision: number } }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(renameTeamAction, { status: "idle" });
  const id = `team-name-${team.id}`;
  return (
    <form key={team.revision} action={action} className="flex flex-wrap items-start gap-2" noValidate>
      <input type="hidden" name="id" value={team.id} />
      <input type="hidden" name="revision" value={team.revision} />
      <label htmlFor={id} className="sr-only">
        Name of {team.name}
      </label>
      <input
        id={id}
        name="name"
        required
        maxLength={80}
        defaultValue={state.status === "error" ? state.values.name : team.name}
        aria-invalid={state.status === "error"}
        className={`${inputClass} w-auto max-w-full min-w-0 flex-1 sm:max-w-64`}
      />
      <SubmitButton pending={pending} variant="secondary">
        Rename
      </SubmitButton>
      <div className="basis-full">
        <FormMessage state={state} />
      </div>
    </form>
  );
}

/** Chooses a team's lead among the choices, or none; the current lead stays offered even when not among them. */
export function TeamLeadForm({
  team,
  choices,
}: {
  team: { id: string; name: string; revision: number; lead: { id: string; name: string } | null };
  choices: { id: string; name: string }[];
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(setTeamLeadAction, { status: "idle" });
  const id = `lead-${team.id}`;
  const errors = state.status === "error" ? state.fieldErrors.leadId : undefined;
  const options = team.lead && !choices.some((c) => c.id === team.lead!.id) ? [team.lead, ...choices] : choices;
  return (
    <form key={team.revision} action={action} className="flex flex-wrap items-start gap-2" noValidate>
      <input type="hidden" name="id" value={team.id} />
      <input type="hidden" name="revision" value={team.revision} />
      <label htmlFor={id} className="sr-only">
        Lead of {team.name}
      </label>
      <select
        id={id}
        name="leadId"
        defaultValue={state.status === "error" ? state.values.leadId : (team.lead?.id ?? "")}
        aria-invalid={!!errors?.length}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
        className={`${inputClass} w-auto max-w-full min-w-0 flex-1 sm:max-w-64`}
      >
        <option value="">No lead</option>
        {options.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <SubmitButton pending={pending} variant="secondary">
        Save<span className="sr-only"> the lead of {team.name}</span>
      </SubmitButton>
      {errors?.length ? (
        <p id={`${id}-error`} className="basis-full text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
      <div className="basis-full">
        <FormMessage state={state} />
      </div>
    </form>
  );
}
