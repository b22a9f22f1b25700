"use client";

import { useActionState } from "react";
import { PasswordFields } from "@/components/account/password-fields";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions";
import { setPasswordAction } from "./actions";

export function SetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(setPasswordAction, { status: "idle" });
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <PasswordFields errors={state.status === "error" ? state.fieldErrors : {}} />
      <SubmitButton pending={pending}>Set password</SubmitButton>
    </form>
  );
}
