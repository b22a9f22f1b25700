"use client";

import { useActionState } from "react";
import { TargetStepChoices } from "@/components/cases/target-step-choices";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions";
import { createCaseAction } from "@/app/(app)/cases/actions";

export function NewCaseForm({ subjectId, targets }: { subjectId: string; targets: { id: string; name: string; label: string }[] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(createCaseAction, { status: "idle" });
  const errors = state.status === "error" ? state.fieldErrors : {};
  const chosen = state.status === "error" ? state.values.toStepId : targets.length === 1 ? targets[0]!.id : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="subjectId" value={subjectId} />
      <fieldset aria-describedby={errors.toStepId ? "target-error" : undefined}>
        <legend className="sr-only">Target step</legend>
        <TargetStepChoices targets={targets} checked={chosen} errors={errors.toStepId} errorId="target-error" />
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending}>Open the case</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
