"use server";

import { AuthError } from "next-auth";
import { enabledProviders, signIn, SignInRefused } from "@/lib/auth/config";

export type SignInState = { message: string | null; email: string };

const MESSAGES: Record<SignInRefused["reason"], string> = {
  invalid: "The email or password is not right.",
  "rate-limited": "Too many attempts to sign in. Wait 15 minutes, then try again.",
  deactivated: "This account has been deactivated. Ask an admin if you need access again.",
};

/** Only paths on this site, so a crafted link cannot send someone elsewhere after signing in. */
function safeCallback(value: FormDataEntryValue | null): string {
  const s = typeof value === "string" ? value : "";
  return s.startsWith("/") && !s.startsWith("//") && !s.startsWith("/\\") ? s : "/";
}

export async function signInWithPassword(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "").slice(0, 254);
  try {
    await signIn("credentials", {
      email,
      password: String(form.get("password") ?? ""),
      redirectTo: safeCallback(form.get("callbackUrl")),
    });
    return { message: null, email };
  } catch (err) {
    if (err instanceof SignInRefused) return { message: MESSAGES[err.reason], email };
    if (err instanceof AuthError) {
      const code = (err as { code?: string }).code;
      if (code && code in MESSAGES) return { message: MESSAGES[code as SignInRefused["reason"]], email };
      return { message: "Signing in did not work. Try again.", email };
    }
    // signIn answers a successful sign-in with a redirect, thrown for Next to follow.
    throw err;
  }
}

export async function signInWithProvider(form: FormData) {
  const provider = String(form.get("provider") ?? "");
  // Only the outside providers that are switched on; never the password provider this way.
  if (!enabledProviders().some((p) => p.id === provider)) return;
  await signIn(provider, { redirectTo: safeCallback(form.get("callbackUrl")) });
}
