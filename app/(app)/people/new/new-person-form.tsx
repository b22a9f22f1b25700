"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { PersonFields, type Choice } from "@/components/people/person-fields";
import { StepSelect } from "@/components/placements/step-select";
import { Field, FormMessage, inputClass, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions";
import type { StepChoiceGroup } from "@/lib/data/placements";
import { createPersonAction } from "../actions";

type Created = { id: string; setPasswordPath: string | null };

export function NewPersonForm({ managers, teams, stepGroups, today }: { managers: Choice[]; teams: Choice[]; stepGroups: StepChoiceGroup[]; today: string }) {
  const [state, action, pending] = useActionState<ActionState<Created>, FormData>(createPersonAction, { status: "idle" });
  const [mode, setMode] = useState<"link" | "password">("link");
  const values = state.status === "error" ? state.values : {};
  const errors = state.status === "error" ? state.fieldErrors : {};

  if (state.status === "ok" && state.data) {
    // Rendered on the server too when the form was sent without JavaScript: the path is enough there.
    const origin = typeof window === "undefined" ? "" : window.location.origin;
    const link = state.data.setPasswordPath ? `${origin}${state.data.setPasswordPath}` : null;
    return (
      <div className="space-y-4">
        <FormMessage state={state} />
        {link && (
          <div className="space-y-1">
            <p className="text-sm text-stone-700">Send them this link to choose a password. It works once, for 7 days, and is not shown again:</p>
            <p data-testid="set-password-link" className="break-all rounded-md border border-stone-300 bg-stone-50 p-2 font-mono text-xs">
              {link}
            </p>
          </div>
        )}
        <Link href={`/people/${state.data.id}`} className="inline-block text-path hover:underline">
          Open their page
        </Link>
      </div>
    );
  }

  return (
    <form key={state.status === "error" ? JSON.stringify(state.values) : "form"} action={action} className="max-w-lg space-y-4" noValidate>
      <FormMessage state={state} />
      <Field id="email" label="Email" errors={errors.email}>
        {(a) => <input {...a} name="email" type="email" required maxLength={254} defaultValue={values.email} autoComplete="off" className={inputClass} />}
      </Field>
      <PersonFields values={values} errors={errors} managers={managers} teams={teams} />
      <fieldset className="space-y-4">
        <legend className="text-sm font-medium text-stone-800">Where they start on the path (optional)</legend>
        <Field id="stepId" label="Step" hint="Leave it for now to place them later from their page." errors={errors.stepId}>
          {(a) => <StepSelect field={a} groups={stepGroups} defaultValue={values.stepId ?? ""} placeholder="Not placed yet" />}
        </Field>
        <Field id="effectiveOn" label="Effective from" errors={errors.effectiveOn}>
          {(a) => <input {...a} name="effectiveOn" type="date" defaultValue={values.effectiveOn ?? today} className={inputClass} />}
        </Field>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-stone-800">Password</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="passwordMode" value="link" checked={mode === "link"} onChange={() => setMode("link")} />
          Give me a one-time link to send them
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="passwordMode" value="password" checked={mode === "password"} onChange={() => setMode("password")} />
          Set an initial password now
        </label>
      </fieldset>
      {mode === "password" && (
        <Field id="password" label="Initial password" hint="At least 10 characters. Tell it to them in person." errors={errors.password}>
          {(a) => <input {...a} name="password" type="password" required minLength={10} maxLength={200} autoComplete="new-password" className={inputClass} />}
        </Field>
      )}
      <SubmitButton pending={pending}>{pending ? "Adding…" : "Add person"}</SubmitButton>
    </form>
  );
}
