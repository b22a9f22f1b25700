import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDatabase } from "@/db/runtime";
import { users } from "@/db/schema";
import { demoPassword, demoPeople } from "@/db/seed/demo-organisation";
import { readEnv } from "@/lib/env";

/** One demo person of each role, shown on the sign-in page of the embedded demo only. */
const SHOWN = ["alex", "priya", "sam"];

export async function demoSignIns(): Promise<{ name: string; email: string; role: string; password: string }[]> {
  if (readEnv().databaseUrl) return [];
  const people = demoPeople.filter((p) => SHOWN.includes(p.key));
  const { db } = await getDatabase();
  const present = await db
    .select({ email: users.email })
    .from(users)
    .where(and(inArray(users.email, people.map((p) => p.email)), eq(users.active, true)));
  const emails = new Set(present.map((p) => p.email));
  return people.filter((p) => emails.has(p.email)).map((p) => ({ name: p.name, email: p.email, role: p.role, password: demoPassword(p) }));
}
