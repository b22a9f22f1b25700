import "server-only";
import { and, count, eq, gt, inArray, lt, max, sql } from "drizzle-orm";
import { getDatabase } from "@/db/runtime";
import { signInAttempts, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";

/** Failed attempts allowed in the window, per account and per address. */
export const SIGN_IN_LIMITS = { windowMinutes: 15, perAccount: 5, perAddress: 30 } as const;

export type SignInResult =
  | { ok: true; user: { id: string; name: string; email: string } }
  | { ok: false; reason: "invalid" | "rate-limited" | "deactivated" };

/**
 * Checks an email and password, limited per account and per address. "No such person" and "wrong
 * password" give the same answer and take about as long; a deactivated account is only revealed
 * to someone who knows its password.
 */
export async function attemptPasswordSignIn(input: { email: string; password: string; address: string }): Promise<SignInResult> {
  const { db } = await getDatabase();
  const email = input.email.trim().toLowerCase();
  const keys = { account: `account:${email}`, address: `address:${input.address}` };
  const windowStart = new Date(Date.now() - SIGN_IN_LIMITS.windowMinutes * 60_000);

  // Record the attempt as failed before looking at the count, so that requests sent in parallel
  // each see the others: no more than the limit get as far as the password check.
  const recorded = await db
    .insert(signInAttempts)
    .values([
      { key: keys.account, succeeded: false },
      { key: keys.address, succeeded: false },
    ])
    .returning({ id: signInAttempts.id });

  // Failures count from the window's start or the account's last success, whichever is later.
  const [lastSuccess] = await db
    .select({ at: max(signInAttempts.at) })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.key, keys.account), eq(signInAttempts.succeeded, true)));
  const accountSince = lastSuccess?.at && lastSuccess.at > windowStart ? lastSuccess.at : windowStart;
  const failuresSince = async (key: string, since: Date) => {
    const [row] = await db
      .select({ n: count() })
      .from(signInAttempts)
      .where(and(eq(signInAttempts.key, key), eq(signInAttempts.succeeded, false), gt(signInAttempts.at, since)));
    return row?.n ?? 0;
  };
  const [accountFailures, addressFailures] = await Promise.all([
    failuresSince(keys.account, accountSince),
    failuresSince(keys.address, windowStart),
  ]);
  // This attempt is among the counted ones: the limit is reached when it is over the allowance.
  if (accountFailures > SIGN_IN_LIMITS.perAccount || addressFailures > SIGN_IN_LIMITS.perAddress) {
    return { ok: false, reason: "rate-limited" };
  }

  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, active: users.active, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
  const succeeded = passwordOk && !!user?.active;

  if (succeeded) {
    await db
      .update(signInAttempts)
      .set({ succeeded: true })
      .where(inArray(signInAttempts.id, recorded.map((r) => r.id)));
  }
  // Old attempts say nothing any more; keep the table small.
  await db.delete(signInAttempts).where(lt(signInAttempts.at, new Date(Date.now() - 24 * 3600_000)));

  if (succeeded) return { ok: true, user: { id: user.id, name: user.name, email: user.email } };
  return { ok: false, reason: passwordOk && user && !user.active ? "deactivated" : "invalid" };
}

/**
 * Whether an outside provider's verified email belongs to an active person here, a deactivated one,
 * or nobody (outside providers never create people).
 */
export async function personStatusByEmail(email: string | null | undefined): Promise<"active" | "deactivated" | "unknown"> {
  if (!email) return "unknown";
  const { db } = await getDatabase();
  const [user] = await db
    .select({ active: users.active })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
  if (!user) return "unknown";
  return user.active ? "active" : "deactivated";
}
