"use client";

import { useActionState } from "react";
import { PasswordFields } from "@/components/account/password-fields";
import { Field, FormMessage, inputClass, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(changePasswordAction, { status: "idle" });
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form action={action} className="max-w-md space-y-4" noValidate>
      <FormMessage state={state} />
      <Field id="current" label="Current password" errors={errors.current}>
        {(a) => <input {...a} name="current" type="password" required maxLength={200} autoComplete="current-password" className={inputClass} />}
      </Field>
      <PasswordFields errors={errors} />
      <SubmitButton pending={pending}>Change password</SubmitButton>
    </form>
  );
}
