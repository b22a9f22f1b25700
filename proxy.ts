import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { auth } from "@/lib/auth/config";
import { contentSecurityPolicy, staticSecurityHeaders } from "@/lib/security-headers";

/**
 * Runs before every page: sends signed-out visitors to the sign-in page and sets the security
 * headers. This is only the first gate: every read and write is authorized again in the
 * data-access layer, against the database.
 */
const PUBLIC_PATHS = [/^\/sign-in(\/|$)/, /^\/set-password(\/|$)/, /^\/api\/health$/, /^\/api\/auth(\/|$)/];

const guarded = auth((request) => {
  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC_PATHS.some((p) => p.test(pathname));

  if (!request.auth && !isPublic) {
    const signIn = new URL("/sign-in", request.nextUrl);
    if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
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
});

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  // With its configuration read lazily, Auth.js hands back a promise of the wrapped handler.
  const handler = await guarded;
  return handler(request, event as never);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
