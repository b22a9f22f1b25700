"use client";

import { useActionState } from "react";
import { Field, FormMessage, inputClass, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions";
import { createTeamAction, renameTeamAction } from "./actions";

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
  const id = `team-${team.id}`;
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
        className={`${inputClass} w-56`}
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
