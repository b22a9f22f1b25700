import { NextResponse, type NextRequest } from "next/server";
import { readEnv } from "@/lib/env";
import { ACTION_BODY_LIMIT, ACTION_BODY_TOO_LARGE } from "@/lib/request-limits";
import { contentSecurityPolicy, outsideSignInOrigins, staticSecurityHeaders } from "@/lib/security-headers";

/**
 * Runs before every page: sends visitors without a session cookie to the sign-in page and sets the
 * security headers. It only looks for the cookie: whether the session is valid, and who it is, is
 * decided in the data-access layer against the database, on every request. (Reading the session
 * here would also re-issue its cookie on every request, and a late prefetch could then bring a
 * session back to life just after signing out.)
 */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;
const PUBLIC_PATHS = [/^\/sign-in(\/|$)/, /^\/set-password(\/|$)/, /^\/api\/health$/, /^\/api\/auth(\/|$)/, /^\/api\/frameworks\/schema$/];

let signInOrigins: string[] | undefined;

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (request.method === "POST" && request.headers.has("next-action") && Number(request.headers.get("content-length")) > ACTION_BODY_LIMIT) {
    return new NextResponse(ACTION_BODY_TOO_LARGE, { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const isPublic = PUBLIC_PATHS.some((p) => p.test(pathname));
  const hasSession = request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name));

  if (!hasSession && !isPublic) {
    const signIn = new URL("/sign-in", request.nextUrl);
    if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  // Settings do not change while the process runs: read the providers' origins once, not per request.
  signInOrigins ??= outsideSignInOrigins(readEnv().auth);
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", formTargets: signInOrigins });
  const requestHeaders = new Headers(request.headers);
  // Next reads the nonce for its own scripts from the request's policy header.
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(staticSecurityHeaders)) response.headers.set(name, value);
  // A set-password link carries its token in the path: never send it on as a referrer.
  if (pathname.startsWith("/set-password")) response.headers.set("Referrer-Policy", "no-referrer");
  if (request.nextUrl.protocol === "https:") response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
