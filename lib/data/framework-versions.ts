import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { loadFrameworkVersion } from "@/db/framework-store";
import { getDatabase } from "@/db/runtime";
import { frameworks, frameworkVersions, users } from "@/db/schema";
import { canReadFrameworkVersion, type Viewer } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { definitionOf, diffVersions, type VersionDiff } from "@/lib/framework/diff";

/**
 * The history of each framework: its versions, who published them and why, and what changed
 * between two of them. Published and retired versions are everyone's to read; drafts the admins'.
 */

type Status = "draft" | "published" | "retired";

export type VersionSummary = {
  number: number;
  status: Status;
  publishedAt: Date | null;
  notes: string;
  /** The publisher's name, where it was recorded and the person still exists. */
  publishedBy: string | null;
};

export type FrameworkHistory = { key: string; name: string; description: string; versions: VersionSummary[] };

const STATUSES: readonly Status[] = ["draft", "published", "retired"];
const readableStatuses = (viewer: Viewer) => STATUSES.filter((s) => canReadFrameworkVersion(viewer, s));

/** The columns of a VersionSummary; the queries join `users` on the publisher for the name. */
const summaryColumns = {
  number: frameworkVersions.number,
  status: frameworkVersions.status,
  publishedAt: frameworkVersions.publishedAt,
  notes: frameworkVersions.notes,
  publishedBy: users.name,
};

/** Every framework with the versions the viewer may read, newest version first; a framework with none is left out. */
export async function listFrameworkVersions(viewer: Viewer): Promise<FrameworkHistory[]> {
  const { db } = await getDatabase();
  const rows = await db
    .select({
      frameworkId: frameworks.id,
      key: frameworks.key,
      name: frameworks.name,
      description: frameworks.description,
      ...summaryColumns,
    })
    .from(frameworkVersions)
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .leftJoin(users, eq(users.id, frameworkVersions.publishedById))
    .where(inArray(frameworkVersions.status, readableStatuses(viewer)))
    .orderBy(asc(frameworks.createdAt), asc(frameworks.key), desc(frameworkVersions.number));

  const byFramework = new Map<string, FrameworkHistory>();
  for (const { frameworkId, key, name, description, ...version } of rows) {
    let history = byFramework.get(frameworkId);
    if (!history) byFramework.set(frameworkId, (history = { key, name, description, versions: [] }));
    history.versions.push(version);
  }
  return [...byFramework.values()];
}

export type VersionComparison = {
  framework: { key: string; name: string };
  from: VersionSummary;
  to: VersionSummary;
  diff: VersionDiff;
};

const FRAMEWORK_KEY = /^[a-z][a-z0-9-]{0,47}$/;
/** Far beyond any real history; keeps a hostile number out of the query. */
const MAX_VERSION_NUMBER = 100_000;

/**
 * What changed from one version of a framework to another (in either direction). Both versions
 * must be readable by the viewer: a draft, to anyone but an admin, does not exist.
 */
export async function getVersionDiff(viewer: Viewer, frameworkKey: string, fromNumber: number, toNumber: number): Promise<VersionComparison> {
  const valid = (n: number) => Number.isSafeInteger(n) && n >= 1 && n <= MAX_VERSION_NUMBER;
  if (!FRAMEWORK_KEY.test(frameworkKey) || !valid(fromNumber) || !valid(toNumber)) throw new NotFoundError("That version");

  const { db } = await getDatabase();
  const rows = await db
    .select({ id: frameworkVersions.id, ...summaryColumns })
    .from(frameworkVersions)
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .leftJoin(users, eq(users.id, frameworkVersions.publishedById))
    .where(
      and(
        eq(frameworks.key, frameworkKey),
        inArray(frameworkVersions.number, [fromNumber, toNumber]),
        inArray(frameworkVersions.status, readableStatuses(viewer)),
      ),
    );
  const from = rows.find((r) => r.number === fromNumber);
  const to = rows.find((r) => r.number === toNumber);
  if (!from || !to) throw new NotFoundError("That version");

  const [before, after] = await Promise.all([loadFrameworkVersion(db, from.id), loadFrameworkVersion(db, to.id)]);
  if (!before || !after) throw new NotFoundError("That version");
  const summary = ({ number, status, publishedAt, notes, publishedBy }: (typeof rows)[number]): VersionSummary => ({ number, status, publishedAt, notes, publishedBy });
  return {
    framework: { key: after.framework.key, name: after.framework.name },
    from: summary(from),
    to: summary(to),
    diff: diffVersions(definitionOf(before), definitionOf(after)),
  };
}
