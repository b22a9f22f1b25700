import { and, eq } from "drizzle-orm";
import { installDatabase } from "@/db/runtime";
import { frameworks, frameworkVersions, users } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { demoPeople } from "@/db/seed/demo-organisation";
import { loadViewer } from "@/lib/data/viewer";
import type { Viewer } from "@/lib/auth/policy";
import { createTestDatabase, type TestDatabase } from "./database";

/**
 * A test database with the demo organisation, made the process's database so the data-access
 * layer runs against it, and a way to act as any demo person. `versionId` is the published version
 * of the default framework, the one the demo people are placed on (the demo has a second framework).
 */
export async function createDemoDatabase(): Promise<{
  handle: TestDatabase;
  as: (key: string) => Promise<Viewer>;
  idOf: (key: string) => Promise<string>;
  versionId: string;
}> {
  const handle = await createTestDatabase();
  await seedDatabase(handle, { demo: true, today: new Date("2026-11-23T12:00:00Z") });
  installDatabase(handle);
  const [version] = await handle.db
    .select({ id: frameworkVersions.id })
    .from(frameworkVersions)
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(and(eq(frameworks.key, "engineering"), eq(frameworkVersions.status, "published")));
  const idOf = async (key: string) => {
    const [row] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, emailOf(key)));
    if (!row) throw new Error(`no demo person ${key}`);
    return row.id;
  };
  const as = async (key: string) => {
    const viewer = await loadViewer(await idOf(key));
    if (!viewer) throw new Error(`demo person ${key} cannot sign in`);
    return viewer;
  };
  return { handle, as, idOf, versionId: version!.id };
}

const EMAILS = new Map(demoPeople.map((p) => [p.key, p.email]));

export const emailOf = (key: string) => EMAILS.get(key) ?? `${key}@example.com`;
