import type { Env } from "@/lib/env";

/**
 * Security headers for every response. Scripts run only with this response's nonce (Next adds it
 * to its own scripts); styles allow inline attributes, which the path drawing uses for geometry.
 * Forms post only here, but a "Continue with" button's post is answered with a redirect to the
 * provider's sign-in page, which the browser checks against form-action too (when the button is
 * clicked before the page's scripts run, or without them): those origins are allowed as well.
 */
export function contentSecurityPolicy(nonce: string, { dev, formTargets = [] }: { dev: boolean; formTargets?: string[] }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    ["form-action 'self'", ...formTargets].join(" "),
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The origins of the sign-in pages of the outside providers that are switched on. */
export function outsideSignInOrigins(auth: Env["auth"]): string[] {
  return [auth.oidc && new URL(auth.oidc.issuer).origin, auth.github && "https://github.com", auth.google && "https://accounts.google.com"].filter(
    (origin): origin is string => !!origin,
  );
}

export const staticSecurityHeaders: Record<string, string> = {
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};
