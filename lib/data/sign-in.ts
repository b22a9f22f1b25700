import "server-only";
import { and, count, eq, gt, inArray, lt, max, or, sql } from "drizzle-orm";
import { getDatabase } from "@/db/runtime";
import { signInAttempts, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";

/**
 * How password guessing is throttled, with every count kept in the database so the limits hold
 * across instances:
 * - per account and address: 5 failures in 15 minutes stop that address from trying that account
 *   (counted from the pair's last success). A stranger's failures therefore never lock the owner
 *   out: the owner signs in from their own address.
 * - per address: 30 failures in 15 minutes across any accounts stop that address (password spraying).
 * - per account, from every address together: 50 failures in 15 minutes close the account to every
 *   address that has not signed in to it in the last 30 days, so guessing from many addresses is
 *   capped too, while the owner's known addresses still get in.
 */
export const SIGN_IN_LIMITS = { windowMinutes: 15, perPair: 5, perAddress: 30, perAccount: 50, knownAddressDays: 30 } as const;

export type SignInResult =
  | { ok: true; user: { id: string; name: string; email: string } }
  | { ok: false; reason: "invalid" | "rate-limited" | "deactivated" };

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

/**
 * Checks an email and password under the limits above. "No such person" and "wrong password" give
 * the same answer and take about as long; a deactivated account is only revealed to someone who
 * knows its password.
 */
export async function attemptPasswordSignIn(input: { email: string; password: string; address: string }): Promise<SignInResult> {
  const { db } = await getDatabase();
  const email = input.email.trim().toLowerCase();
  const keys = { pair: `pair:${email}|${input.address}`, account: `account:${email}`, address: `address:${input.address}` };
  const windowStart = minutesAgo(SIGN_IN_LIMITS.windowMinutes);

  // Record the attempt as failed before looking at the counts, so that requests sent in parallel
  // each see the others: no more than the limit get as far as the password check.
  const recorded = await db
    .insert(signInAttempts)
    .values(Object.values(keys).map((key) => ({ key, succeeded: false })))
    .returning({ id: signInAttempts.id });

  const [pairSuccess] = await db
    .select({ at: max(signInAttempts.at) })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.key, keys.pair), eq(signInAttempts.succeeded, true)));
  const pairSince = pairSuccess?.at && pairSuccess.at > windowStart ? pairSuccess.at : windowStart;
  const failuresSince = async (key: string, since: Date) => {
    const [row] = await db
      .select({ n: count() })
      .from(signInAttempts)
      .where(and(eq(signInAttempts.key, key), eq(signInAttempts.succeeded, false), gt(signInAttempts.at, since)));
    return row?.n ?? 0;
  };
  const [pairFailures, addressFailures, accountFailures] = await Promise.all([
    failuresSince(keys.pair, pairSince),
    failuresSince(keys.address, windowStart),
    failuresSince(keys.account, windowStart),
  ]);
  // This attempt is among the counted ones: a limit is reached when it is over the allowance.
  const knownAddress = !!pairSuccess?.at && pairSuccess.at > minutesAgo(SIGN_IN_LIMITS.knownAddressDays * 24 * 60);
  if (
    pairFailures > SIGN_IN_LIMITS.perPair ||
    addressFailures > SIGN_IN_LIMITS.perAddress ||
    (accountFailures > SIGN_IN_LIMITS.perAccount && !knownAddress)
  ) {
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
  // Old failures say nothing any more, and successes only tell known addresses for a while: keep the table small.
  await db
    .delete(signInAttempts)
    .where(
      or(
        and(eq(signInAttempts.succeeded, false), lt(signInAttempts.at, minutesAgo(24 * 60))),
        lt(signInAttempts.at, minutesAgo(SIGN_IN_LIMITS.knownAddressDays * 24 * 60)),
      ),
    );

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
