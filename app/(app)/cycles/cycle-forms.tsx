"use client";

import { useActionState } from "react";
import { Field, FormMessage, inputClass, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions";
import { createCycleAction, setCycleStatusAction } from "./actions";

export function CreateCycleForm({ suggestion }: { suggestion: { name: string; startsOn: string; endsOn: string } }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(createCycleAction, { status: "idle" });
  const errors = state.status === "error" ? state.fieldErrors : {};
  const value = (key: keyof typeof suggestion) => (state.status === "error" ? (state.values[key] ?? "") : suggestion[key]);
  return (
    <form key={state.status === "ok" ? state.message : "draft"} action={action} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr_1fr]">
        <Field id="cycle-name" label="Name" errors={errors.name}>
          {(a) => <input {...a} name="name" required maxLength={80} defaultValue={value("name")} className={inputClass} />}
        </Field>
        <Field id="cycle-starts" label="Starts on" errors={errors.startsOn}>
          {(a) => <input {...a} type="date" name="startsOn" required defaultValue={value("startsOn")} className={inputClass} />}
        </Field>
        <Field id="cycle-ends" label="Ends on" errors={errors.endsOn}>
          {(a) => <input {...a} type="date" name="endsOn" required defaultValue={value("endsOn")} className={inputClass} />}
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending}>Create cycle</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

export function CycleStatusForm({ cycle }: { cycle: { id: string; name: string; status: "open" | "closed"; revision: number } }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(setCycleStatusAction, { status: "idle" });
  const next = cycle.status === "open" ? "closed" : "open";
  return (
    <form
      key={cycle.revision}
      action={action}
      onSubmit={(e) => {
        if (next === "closed" && !window.confirm(`Close ${cycle.name}? Drafts left in it can no longer be changed or submitted.`)) e.preventDefault();
      }}
      className="flex flex-wrap items-center gap-2 sm:justify-end"
    >
      <input type="hidden" name="id" value={cycle.id} />
      <input type="hidden" name="status" value={next} />
      <input type="hidden" name="revision" value={cycle.revision} />
      {state.status === "error" && <FormMessage state={state} />}
      <SubmitButton pending={pending} variant={next === "open" ? "primary" : "secondary"}>
        {next === "open" ? "Open" : "Close"}
        <span className="sr-only"> {cycle.name}</span>
      </SubmitButton>
    </form>
  );
}
