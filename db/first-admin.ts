import crypto from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { emailSchema, personNameSchema } from "@/lib/people/schemas";
import { recordAudit } from "./audit";
import type { DatabaseHandle } from "./client";
import { StartupError } from "./errors";
import { passwordTokens, users } from "./schema";

/**
 * The first admin of a new organisation, created from the command line: nobody can sign in yet to
 * do it through the app. Refused once an active admin exists. Returns a one-time set-password token.
 */
export async function createFirstAdmin(handle: DatabaseHandle, input: { email: string; name: string }): Promise<{ id: string; token: string }> {
  const email = emailSchema.safeParse(input.email);
  const name = personNameSchema.safeParse(input.name);
  if (!email.success) throw new StartupError(`"${input.email}" is not an email address.`);
  if (!name.success) throw new StartupError("Give the admin a name of 1 to 120 characters.");
  return handle.db.transaction(async (tx) => {
    const [admin] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "admin"), eq(users.active, true)))
      .limit(1);
    if (admin) throw new StartupError("Waymark already has an active admin; they can add more people on the People page.");
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email.data));
    if (taken) throw new StartupError(`Someone already has the email ${email.data}.`);
    const [row] = await tx.insert(users).values({ email: email.data, name: name.data, role: "admin" }).returning({ id: users.id });
    const token = crypto.randomBytes(32).toString("base64url");
    await tx.insert(passwordTokens).values({
      userId: row!.id,
      tokenHash: crypto.createHash("sha256").update(token).digest("hex"),
      expiresAt: new Date(Date.now() + 7 * 24 * 3600_000),
    });
    await recordAudit(tx, { actorId: null, action: "user.create-first-admin", entityType: "user", entityId: row!.id, after: { email: email.data, name: name.data, role: "admin" } });
    return { id: row!.id, token };
  });
}
