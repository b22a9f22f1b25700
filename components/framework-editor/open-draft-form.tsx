"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/form";

/** Starts the framework's draft, or opens the one already there. */
export function OpenDraftForm({ frameworkKey, action }: { frameworkKey: string; action: (prev: { message: string } | null, form: FormData) => Promise<{ message: string } | null> }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="framework" value={frameworkKey} />
      {state && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      )}
      <SubmitButton pending={pending}>Start a draft</SubmitButton>
    </form>
  );
}
