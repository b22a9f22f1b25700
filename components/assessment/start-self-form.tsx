"use client";

import { useActionState } from "react";
import { startSelfAssessmentAction } from "@/app/(app)/assessment/actions";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions";

/** Starts the viewer's self-assessment for the open cycle; a cycle that is gone or closed answers with a message. */
export function StartSelfAssessmentForm({ cycleId, cycleName }: { cycleId: string; cycleName: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(startSelfAssessmentAction, { status: "idle" });
  return (
    <form action={action} className="space-y-3 rounded-xl border border-dashed border-stone-300 bg-white p-6">
      <input type="hidden" name="cycleId" value={cycleId} />
      <p className="text-stone-700">You have not started a self-assessment for {cycleName} yet.</p>
      <SubmitButton pending={pending}>Start my self-assessment</SubmitButton>
      {state.status === "error" && <FormMessage state={state} />}
    </form>
  );
}
