"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions";

/** A button that starts (or takes over) an assessment; the action and its hidden fields come from the page. */
export function StartAssessmentForm({
  action: start,
  fields,
  label,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  fields: Record<string, string>;
  label: string;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(start, { status: "idle" });
  return (
    <form action={action} className="space-y-3">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton pending={pending}>{label}</SubmitButton>
      {state.status === "error" && <FormMessage state={state} />}
    </form>
  );
}
