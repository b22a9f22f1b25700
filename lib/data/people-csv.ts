import "server-only";
import crypto from "node:crypto";
import { asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { recordAuditRows, type AuditEntry } from "@/db/audit";
import { jsonRecordset, type Db, type Tx } from "@/db/client";
import { getDatabase } from "@/db/runtime";
import { frameworkVersions, placements, steps, teams, users } from "@/db/schema";
import { canManagePeople, type Viewer } from "@/lib/auth/policy";
import { isoDate } from "@/lib/dates";
import { ConflictError, NotAllowedError } from "@/lib/errors";
import { managersFirst, parsePeopleCsv, peopleToCsv, planImport, type ExistingPerson, type ImportPlan } from "@/lib/people/csv";
import { lockOrganisation } from "./organisation-lock";
import { insertPlacements, loadCurrentSteps } from "./placements";

/** Importing and exporting people as CSV. Admins only; an import applies whole or not at all. */

const managers = alias(users, "managers");

/** Everyone, the teams, and the steps a `step` cell may name: a fixed number of queries, whatever the size of the file. */
async function loadOrganisation(db: Db | Tx) {
  const [people, teamRows, current, stepRows] = await Promise.all([
    db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        managerEmail: managers.email,
        team: teams.name,
        active: users.active,
      })
      .from(users)
      .leftJoin(managers, eq(managers.id, users.managerId))
      .leftJoin(teams, eq(teams.id, users.teamId))
      .orderBy(asc(users.email)),
    db.select({ id: teams.id, name: teams.name }).from(teams),
    // Each person's latest placement (see db/placement-store.ts), for everyone at once.
    db
      .selectDistinctOn([placements.userId], {
        userId: placements.userId,
        stepId: steps.id,
        stepKey: steps.key,
        stepName: steps.name,
        versionId: placements.versionId,
        frameworkId: frameworkVersions.frameworkId,
      })
      .from(placements)
      .innerJoin(steps, eq(steps.id, placements.stepId))
      .innerJoin(frameworkVersions, eq(frameworkVersions.id, placements.versionId))
      .orderBy(placements.userId, desc(placements.effectiveOn), desc(placements.createdAt)),
    loadCurrentSteps(db),
  ]);
  const placementOf = new Map(current.map(({ userId, ...p }) => [userId, p]));
  return { people: people.map((p): ExistingPerson => ({ ...p, placement: placementOf.get(p.id) ?? null })), teams: teamRows, steps: stepRows };
}

export async function exportPeopleCsv(viewer: Viewer): Promise<string> {
  if (!canManagePeople(viewer)) throw new NotAllowedError("Only admins can export people.");
  const { db } = await getDatabase();
  const { people } = await loadOrganisation(db);
  return peopleToCsv(people);
}

export type PlannedImport = ImportPlan & {
  /** Identifies exactly what the preview showed, so that applying can insist on the same. */
  fingerprint: string;
};

type Organisation = Awaited<ReturnType<typeof loadOrganisation>>;

/** The plan, and the organisation it was made against (none when the file cannot be read). */
async function plan(db: Db | Tx, text: string): Promise<{ planned: PlannedImport; org: Organisation | null }> {
  const { rows, errors } = parsePeopleCsv(text);
  const org = errors.length > 0 ? null : await loadOrganisation(db);
  const result: ImportPlan = org
    ? planImport(rows, org.people, org.teams.map((t) => t.name), org.steps)
    : { creates: [], updates: [], placements: [], unchanged: 0, newTeams: [], errors };
  const fingerprint = crypto
    .createHash("sha256")
    .update(JSON.stringify([result.creates, result.updates, result.newTeams, result.placements]))
    .digest("hex");
  return { planned: { ...result, fingerprint }, org };
}

/** What the file would change, without changing anything. */
export async function previewPeopleImport(viewer: Viewer, text: string): Promise<PlannedImport> {
  if (!canManagePeople(viewer)) throw new NotAllowedError("Only admins can import people.");
  const { db } = await getDatabase();
  return (await plan(db, text)).planned;
}

/**
 * Applies the file in one transaction, planned again against the data as it is then. A file with
 * any bad row changes nothing, and neither does a file whose plan differs from the preview shown.
 */
export async function applyPeopleImport(viewer: Viewer, text: string, previewed: string): Promise<PlannedImport> {
  if (!canManagePeople(viewer)) throw new NotAllowedError("Only admins can import people.");
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    await lockOrganisation(tx);
    const { planned, org } = await plan(tx, text);
    if (!org || planned.errors.length > 0) return planned;
    if (planned.fingerprint !== previewed) {
      throw new ConflictError("People changed since the preview. Look at the new preview, then apply again.");
    }
    await applyPlan(tx, viewer, planned, org);
    return planned;
  });
}

/** Rows a single statement carries: each statement sends its rows as one JSON parameter. */
const ROWS_PER_STATEMENT = 2_500;

function inChunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += ROWS_PER_STATEMENT) out.push(items.slice(i, i + ROWS_PER_STATEMENT));
  return out;
}

/**
 * Writes a plan in set-based statements: a fixed number for every 2,500 rows of the file (new
 * teams, new people with their managers, changed people, placements, and the audit events of
 * each), never one per person. Rows travel as one JSON parameter per statement, so sending and
 * parsing a thousand rows costs little more than a few.
 */
async function applyPlan(tx: Tx, viewer: Viewer, plan: ImportPlan, org: Organisation) {
  const audit: (AuditEntry & { subjectId: string | null })[] = [];
  // Ids as the plan read them in this transaction; people cannot change meanwhile (the organisation lock).
  const teamIds = new Map(org.teams.map((t) => [t.name.toLowerCase(), t.id]));
  if (plan.newTeams.length > 0) {
    const made = plan.newTeams.map((name) => ({ id: crypto.randomUUID(), name }));
    await tx.execute(sql`insert into teams (id, name) select r.id, r.name from ${jsonRecordset(made, "id uuid, name text")}`);
    for (const t of made) {
      teamIds.set(t.name.toLowerCase(), t.id);
      audit.push({ actorId: viewer.id, subjectId: null, action: "team.create", entityType: "team", entityId: t.id, after: { name: t.name, via: "import" } });
    }
  }
  const teamId = (name: string | null) => (name ? teamIds.get(name.toLowerCase())! : null);

  // New people get their ids here, so each row is written once, with its manager.
  const idByEmail = new Map(org.people.map((p) => [p.email.toLowerCase(), p.id]));
  for (const c of plan.creates) idByEmail.set(c.email.toLowerCase(), crypto.randomUUID());
  const idOf = (email: string) => idByEmail.get(email.toLowerCase())!;
  const managerId = (email: string | null) => (email ? idOf(email) : null);
  for (const chunk of inChunks(managersFirst(plan.creates))) {
    await tx.execute(sql`insert into users (id, email, name, role, team_id, manager_id)
      select r.id, r.email, r.name, r.role::user_role, r.team_id, r.manager_id
      from ${jsonRecordset(
        chunk.map((c) => ({ id: idOf(c.email), email: c.email, name: c.name, role: c.role, team_id: teamId(c.team), manager_id: managerId(c.managerEmail) })),
        "id uuid, email text, name text, role text, team_id uuid, manager_id uuid",
      )}`);
  }
  for (const c of plan.creates) {
    const id = idOf(c.email);
    audit.push({
      actorId: viewer.id,
      subjectId: id,
      action: "user.create",
      entityType: "user",
      entityId: id,
      after: { email: c.email, name: c.name, role: c.role, manager: c.managerEmail, team: c.team, via: "import" },
    });
  }

  for (const chunk of inChunks(plan.updates)) {
    const rows = chunk.map((u) => ({
      id: u.id,
      name: u.name,
      role: u.role,
      manager_id: managerId(u.managerEmail),
      team_id: teamId(u.team),
      // A new role takes effect through a fresh sign-in, like a role changed by hand.
      sign_out: u.changes.some((ch) => ch.field === "role") ? 1 : 0,
    }));
    await tx.execute(sql`update users
      set name = r.name, role = r.role::user_role, manager_id = r.manager_id, team_id = r.team_id,
        session_version = users.session_version + r.sign_out, revision = users.revision + 1, updated_at = now()
      from ${jsonRecordset(rows, "id uuid, name text, role text, manager_id uuid, team_id uuid, sign_out int")}
      where users.id = r.id`);
  }
  for (const u of plan.updates) {
    audit.push({
      actorId: viewer.id,
      subjectId: u.id,
      action: "user.update",
      entityType: "user",
      entityId: u.id,
      before: Object.fromEntries(u.changes.map((ch) => [ch.field, ch.from])),
      after: { ...Object.fromEntries(u.changes.map((ch) => [ch.field, ch.to])), via: "import" },
    });
  }
  for (const chunk of inChunks(audit)) await recordAuditRows(tx, chunk);

  const today = isoDate(new Date());
  for (const chunk of inChunks(plan.placements)) {
    await insertPlacements(
      tx,
      viewer,
      chunk.map((p) => ({ personId: idOf(p.email), step: p.step, effectiveOn: today, reason: p.reason, note: "", via: "import" as const })),
    );
  }
}
