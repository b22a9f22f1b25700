import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import type { Provider } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { z } from "zod";
import { getDatabase } from "@/db/runtime";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { clientAddress } from "@/lib/auth/address";
import { resolveAuthSettings } from "@/lib/auth/settings";
import { outsideSignInAnswer } from "@/lib/auth/outside-sign-in";
import { attemptPasswordSignIn, personStatusByEmail } from "@/lib/data/sign-in";
import { currentSessionVersion } from "@/lib/data/viewer";
import { readEnv } from "@/lib/env";

declare module "next-auth" {
  interface Session {
    user: { id: string; name?: string | null; email?: string | null; sessionVersion?: number };
  }
}

/** The reasons a password sign-in fails, as codes the sign-in form turns into sentences. */
export class SignInRefused extends CredentialsSignin {
  constructor(readonly reason: "invalid" | "rate-limited" | "deactivated") {
    super();
    this.code = reason;
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

/** Outside sign-in providers that are switched on by their settings. */
export function enabledProviders(): { id: string; name: string }[] {
  const { auth } = readEnv();
  return [
    auth.oidc && { id: "oidc", name: auth.oidc.name },
    auth.github && { id: "github", name: "GitHub" },
    auth.google && { id: "google", name: "Google" },
  ].filter((p): p is { id: string; name: string } => !!p);
}

function outsideProviders(): Provider[] {
  const { auth } = readEnv();
  const providers: Provider[] = [];
  // People are created by admins; an outside account is linked to the person with the same email.
  if (auth.oidc) {
    providers.push({
      id: "oidc",
      name: auth.oidc.name,
      type: "oidc",
      issuer: auth.oidc.issuer,
      clientId: auth.oidc.id,
      clientSecret: auth.oidc.secret,
      allowDangerousEmailAccountLinking: true,
    });
  }
  if (auth.github) providers.push(GitHub({ clientId: auth.github.id, clientSecret: auth.github.secret, allowDangerousEmailAccountLinking: true }));
  if (auth.google) providers.push(Google({ clientId: auth.google.id, clientSecret: auth.google.secret, allowDangerousEmailAccountLinking: true }));
  return providers;
}

/** Whether GitHub lists the email as one of the account's verified addresses. */
async function githubEmailVerified(accessToken: string | undefined, email: string | null | undefined): Promise<boolean> {
  if (!accessToken || !email) return false;
  const res = await fetch("https://api.github.com/user/emails", {
    headers: { Authorization: `Bearer ${accessToken}`, "User-Agent": "Waymark", Accept: "application/vnd.github+json" },
  }).catch(() => null);
  if (!res?.ok) return false;
  const emails = (await res.json()) as { email: string; verified: boolean }[];
  return emails.some((e) => e.verified && e.email.toLowerCase() === email.toLowerCase());
}

export const { handlers, auth, signIn, signOut } = NextAuth(async (): Promise<NextAuthConfig> => {
  const env = readEnv();
  const settings = resolveAuthSettings(env);
  const { db } = await getDatabase();
  return {
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    secret: settings.secret,
    trustHost: settings.trustHost,
    useSecureCookies: settings.secureCookies,
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      Credentials({
        credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
        async authorize(raw, request) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) throw new SignInRefused("invalid");
          const address = clientAddress(request.headers.get("x-forwarded-for"), env.trustedProxyHops);
          const result = await attemptPasswordSignIn({ ...parsed.data, address });
          if (!result.ok) throw new SignInRefused(result.reason);
          return result.user;
        },
      }),
      ...outsideProviders(),
    ],
    callbacks: {
      async signIn({ account, user, profile }) {
        if (account?.provider === "credentials") return true;
        // An outside account is linked to a person by email, so the provider must vouch for that
        // email: otherwise anyone could claim an admin's address at their provider.
        const verified =
          account?.provider === "github"
            ? await githubEmailVerified(account.access_token, user.email)
            : (profile as { email_verified?: unknown } | undefined)?.email_verified === true;
        // Say whether a person has the email only once the provider has shown it is theirs.
        const person = verified ? await personStatusByEmail(user.email) : null;
        return outsideSignInAnswer({ emailVerified: verified, person });
      },
      // The session remembers the person's session version when it was issued; the viewer is only
      // loaded while the person's version is still the same (see lib/data/viewer.ts).
      async jwt({ token, user }) {
        if (user?.id) {
          const version = await currentSessionVersion(user.id);
          if (version !== null) token.sessionVersion = version;
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        if (typeof token.sessionVersion === "number") session.user.sessionVersion = token.sessionVersion;
        return session;
      },
    },
    logger: {
      // A refused sign-in is an answer to the user, not a server error.
      error(error) {
        if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
        console.error(error);
      },
    },
  };
});
