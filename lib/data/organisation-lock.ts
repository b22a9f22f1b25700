import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";

/**
 * Changes to roles, reporting lines, the active flag and placements take turns, so that checks
 * spanning several people (no loops, a last admin, no engineer with reports) and an import's plan
 * hold under concurrent edits.
 */
export const ORGANISATION_LOCK = 727_1993_0003;

export async function lockOrganisation(tx: Tx) {
  await tx.execute(sql`select pg_advisory_xact_lock(${ORGANISATION_LOCK})`);
}
