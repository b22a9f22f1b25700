"use client";

import { useActionState } from "react";
import { Field, inputClass, SubmitButton } from "@/components/ui/form";
import { setPasswordAction, type SetPasswordState } from "./actions";

export function SetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<SetPasswordState, FormData>(setPasswordAction, { message: null, fieldErrors: {} });
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {state.message && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      )}
      <Field id="password" label="New password" hint="At least 10 characters." errors={state.fieldErrors.password}>
        {(a) => <input {...a} name="password" type="password" required minLength={10} maxLength={200} autoComplete="new-password" className={inputClass} />}
      </Field>
      <Field id="confirm" label="The same password again" errors={state.fieldErrors.confirm}>
        {(a) => <input {...a} name="confirm" type="password" required maxLength={200} autoComplete="new-password" className={inputClass} />}
      </Field>
      <SubmitButton pending={pending}>Set password</SubmitButton>
    </form>
  );
}
