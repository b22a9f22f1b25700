"use client";

import { useActionState } from "react";
import { Field, inputClass } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions";
import { signInWithPassword } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(signInWithPassword, { status: "idle" });
  const message = state.status === "error" ? state.message : null;
  return (
    <form action={action} className="space-y-4" aria-describedby={message ? "sign-in-error" : undefined}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field id="email" label="Email">
        {(a) => (
          <input {...a} name="email" type="email" autoComplete="username" required maxLength={254} defaultValue={state.status === "error" ? state.values.email : ""} className={inputClass} />
        )}
      </Field>
      <Field id="password" label="Password">
        {(a) => <input {...a} name="password" type="password" autoComplete="current-password" required maxLength={200} className={inputClass} />}
      </Field>
      {message && (
        <p id="sign-in-error" role="alert" data-testid="sign-in-error" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-path px-3 py-2 font-medium text-white shadow-sm hover:bg-path/90 disabled:opacity-60"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
