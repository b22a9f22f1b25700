/**
 * Why a sign-in through an outside provider (OpenID Connect, GitHub, Google) is refused. The
 * refusal travels to the sign-in page as `?error=<code>`, where it becomes one of these sentences.
 * They say no more than the person at the provider may know: the provider has shown that the email
 * is theirs before Waymark says anything about an account with it.
 */
export const OUTSIDE_REFUSALS = {
  "unverified-email":
    "Your sign-in provider has not verified the email address on your account, so Waymark cannot match it to a person here. Verify it there, or ask an admin.",
  "unknown-email": "No active Waymark account has this email. Ask an admin to add you, with the same email.",
  deactivated: "This account has been deactivated. Ask an admin if you need access again.",
} as const;

export type OutsideRefusal = keyof typeof OUTSIDE_REFUSALS;

/** What the sign-in callback answers: yes, or the sign-in page with the reason. */
export function outsideSignInAnswer({
  emailVerified,
  person,
}: {
  emailVerified: boolean;
  person: "active" | "deactivated" | "unknown" | null;
}): true | `/sign-in?error=${OutsideRefusal}` {
  if (!emailVerified) return "/sign-in?error=unverified-email";
  if (person === "active") return true;
  return person === "deactivated" ? "/sign-in?error=deactivated" : "/sign-in?error=unknown-email";
}

/** The sentence for an `error` code on the sign-in page, if it is one of these refusals. */
export function outsideRefusalMessage(code: string): string | null {
  return Object.hasOwn(OUTSIDE_REFUSALS, code) ? OUTSIDE_REFUSALS[code as OutsideRefusal] : null;
}
