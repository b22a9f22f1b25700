"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions";
import { startManagerAssessmentAction } from "./actions";

/** Starts (or takes over) the manager assessment of a direct report for a cycle. */
export function StartManagerAssessmentForm({ subjectId, cycleId, label }: { subjectId: string; cycleId: string; label: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(startManagerAssessmentAction, { status: "idle" });
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="subjectId" value={subjectId} />
      <input type="hidden" name="cycleId" value={cycleId} />
      <SubmitButton pending={pending}>{label}</SubmitButton>
      {state.status === "error" && <FormMessage state={state} />}
    </form>
  );
}
