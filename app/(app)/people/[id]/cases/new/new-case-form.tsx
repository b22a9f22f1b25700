"use client";

import { useActionState } from "react";
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
        <div className="grid gap-2 sm:grid-cols-2">
          {targets.map((t) => (
            <label key={t.id} className="flex items-start gap-2 rounded-md border border-stone-300 p-3 text-sm has-[:checked]:border-path has-[:checked]:bg-path-soft">
              <input type="radio" name="toStepId" value={t.id} defaultChecked={t.id === chosen} className="mt-1" />
              <span>
                <span className="font-medium">{t.name}</span>
                {t.label && <span className="block text-stone-600">{t.label}</span>}
              </span>
            </label>
          ))}
        </div>
        {errors.toStepId && (
          <p id="target-error" className="mt-1 text-sm text-red-700">
            {errors.toStepId.join(" ")}
          </p>
        )}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending}>Open the case</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
