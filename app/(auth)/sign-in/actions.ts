"use server";

import { AuthError } from "next-auth";
import { publicFormAction, type ActionState } from "@/lib/actions";
import { enabledProviders, signIn, SignInRefused } from "@/lib/auth/config";
import { NotAllowedError } from "@/lib/errors";

const MESSAGES: Record<SignInRefused["reason"], string> = {
  invalid: "The email or password is not right.",
  "rate-limited": "Too many attempts to sign in. Wait 15 minutes, then try again.",
  deactivated: "This account has been deactivated. Ask an admin if you need access again.",
};

/** Only paths on this site, so a crafted link cannot send someone elsewhere after signing in. */
function safeCallback(value: FormDataEntryValue | string[] | null | undefined): string {
  const s = typeof value === "string" ? value : "";
  return s.startsWith("/") && !s.startsWith("//") && !s.startsWith("/\\") ? s : "/";
}

const signInAction = publicFormAction(async (fields) => {
  const text = (key: string) => (typeof fields[key] === "string" ? fields[key] : "");
  try {
    // A successful sign-in answers with a redirect, which the wrapper lets through for Next to follow.
    await signIn("credentials", { email: text("email").slice(0, 254), password: text("password"), redirectTo: safeCallback(fields.callbackUrl) });
  } catch (err) {
    if (err instanceof SignInRefused) throw new NotAllowedError(MESSAGES[err.reason]);
    if (err instanceof AuthError) {
      const code = (err as { code?: string }).code;
      throw new NotAllowedError(code && code in MESSAGES ? MESSAGES[code as SignInRefused["reason"]] : "Signing in did not work. Try again.");
    }
    throw err;
  }
  return { message: "Signed in." };
});

export async function signInWithPassword(prev: ActionState, form: FormData) {
  return signInAction(prev, form);
}

export async function signInWithProvider(form: FormData) {
  const provider = String(form.get("provider") ?? "");
  // Only the outside providers that are switched on; never the password provider this way.
  if (!enabledProviders().some((p) => p.id === provider)) return;
  await signIn(provider, { redirectTo: safeCallback(form.get("callbackUrl")) });
}
