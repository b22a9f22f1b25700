import "server-only";
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "@/db/audit";
import { getDatabase } from "@/db/runtime";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import type { Viewer } from "@/lib/auth/policy";
import { InvalidInputError, NotAllowedError } from "@/lib/errors";
import { changePasswordSchema } from "@/lib/people/schemas";
import { parseInput, type FormFields } from "@/lib/validation";
import type { z } from "zod";
import { attemptPasswordSignIn } from "./sign-in";

/**
 * The signed-in person's own password. The current password is checked like a sign-in, under
 * the same limits, so a session left open on a shared computer cannot be used to guess it.
 * Every session of the person ends, this one included.
 */
export async function changeOwnPassword(viewer: Viewer, raw: z.input<typeof changePasswordSchema> | FormFields, { address }: { address: string }): Promise<void> {
  const input = parseInput(changePasswordSchema, raw);
  const check = await attemptPasswordSignIn({ email: viewer.email, password: input.current, address });
  if (!check.ok) {
    if (check.reason === "rate-limited") throw new NotAllowedError("Too many wrong passwords. Wait 15 minutes, then try again.");
    throw new InvalidInputError("Your current password is not right.", { current: ["This is not your current password."] });
  }
  const passwordHash = await hashPassword(input.password);
  const { db } = await getDatabase();
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, revision: sql`${users.revision} + 1`, updatedAt: new Date() })
      .where(eq(users.id, viewer.id));
    await recordAudit(tx, { actorId: viewer.id, action: "user.change-password", entityType: "user", entityId: viewer.id });
  });
}
