"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions";
import { deleteEvidenceAction } from "../actions";

export function DeleteEvidence({ id, revision }: { id: string; revision: number }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(deleteEvidenceAction, { status: "idle" });
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm("Delete this evidence? This cannot be undone.")) e.preventDefault();
      }}
      className="space-y-2"
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="revision" value={revision} />
      <FormMessage state={state} />
      <SubmitButton pending={pending} variant="danger">
        Delete evidence
      </SubmitButton>
    </form>
  );
}
