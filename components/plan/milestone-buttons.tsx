"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** What went wrong, beside the button: a conflict from another tab, a milestone no longer there. */
function Problem({ state }: { state: ActionState }) {
  return state.status === "error" ? (
    <p role="alert" className="text-sm text-red-700">
      {state.message}
    </p>
  ) : null;
}

/** Marks a milestone done, or not done again. */
export function MilestoneDoneButton({ action: save, id, revision, done, title }: { action: Action; id: string; revision: number; done: boolean; title: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(save, { status: "idle" });
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="revision" value={revision} />
      {!done && <input type="hidden" name="done" value="on" />}
      <SubmitButton pending={pending} variant="secondary">
        {done ? "Mark not done" : "Mark done"}
        <span className="sr-only"> “{title}”</span>
      </SubmitButton>
      <Problem state={state} />
    </form>
  );
}

export function DeleteMilestoneButton({ action: save, id, revision, title }: { action: Action; id: string; revision: number; title: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(save, { status: "idle" });
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(`Delete the milestone “${title}”? This cannot be undone.`)) e.preventDefault();
      }}
      className="space-y-1"
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="revision" value={revision} />
      <SubmitButton pending={pending} variant="danger">
        Delete milestone<span className="sr-only"> “{title}”</span>
      </SubmitButton>
      <Problem state={state} />
    </form>
  );
}
