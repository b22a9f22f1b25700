import "server-only";
import crypto from "node:crypto";
import { and, asc, count, eq, inArray, isNotNull, lte, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { recordAudit } from "@/db/audit";
import type { Db, Tx } from "@/db/client";
import { reportingTreeIds } from "@/db/people-store";
import { getDatabase } from "@/db/runtime";
import { passwordTokens, placements, steps, teams, users } from "@/db/schema";
import { hashPassword, passwordSchema } from "@/lib/auth/password";
import { canManagePeople, canWriteManagerAssessment, canWritePlacements, type Role, type Viewer } from "@/lib/auth/policy";
import { isoDate } from "@/lib/dates";
import { InvalidInputError, NotAllowedError, NotFoundError } from "@/lib/errors";
import {
  createPersonSchema,
  renameTeamSchema,
  setActiveSchema,
  setPasswordSchema,
  setTeamLeadSchema,
  teamNameSchema,
  updatePersonSchema,
  type CreatePersonInput,
  type UpdatePersonInput,
} from "@/lib/people/schemas";
import { isUuid, parseInput, type FormFields } from "@/lib/validation";
import { lockOrganisation } from "./organisation-lock";
import { MANAGER_OPTIONS_LIMIT } from "./people-directory";
import { findPlaceableStep, insertPlacements } from "./placements";
import { lockForEdit } from "./revision";
import { z } from "zod";
import { clampPage } from "@/lib/paging";
import { mayReadPerson } from "./viewer";

/**
 * People, teams and reporting lines. Every function takes the viewer first and checks what the
 * viewer may do before it touches a row; every change writes its audit event in the same
 * transaction.
 */

export type PersonSummary = {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  team: { id: string; name: string } | null;
  manager: { id: string; name: string } | null;
};

export type PersonDetail = PersonSummary & {
  revision: number;
  /** What the viewer may do with this person, decided here so pages do not re-derive the policy. */
  can: { manage: boolean; place: boolean; writeManagerAssessment: boolean };
  /** The person's direct reports by name, at most REPORTS_SHOWN; `reportCount` counts them all. */
  reports: { id: string; name: string; active: boolean }[];
  reportCount: number;
  placement: { step: string; effectiveOn: string } | null;
};

/** How many direct reports a person's page names; the directory lists them all. */
export const REPORTS_SHOWN = 25;

const managers = alias(users, "managers");

function summarySelect() {
  return {
    id: users.id,
    name: users.name,
    email: users.email,
    role: users.role,
    active: users.active,
    teamId: teams.id,
    teamName: teams.name,
    managerId: managers.id,
    managerName: managers.name,
  };
}

type SummaryRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  teamId: string | null;
  teamName: string | null;
  managerId: string | null;
  managerName: string | null;
};

const toSummary = (r: SummaryRow): PersonSummary => ({
  id: r.id,
  name: r.name,
  email: r.email,
  role: r.role,
  active: r.active,
  team: r.teamId ? { id: r.teamId, name: r.teamName! } : null,
  manager: r.managerId ? { id: r.managerId, name: r.managerName! } : null,
});

export async function getPerson(viewer: Viewer, personId: string): Promise<PersonDetail> {
  // A person the viewer may not see is "not found", so ids cannot be probed.
  const { db } = await getDatabase();
  if (!(await mayReadPerson(viewer, db, personId))) throw new NotFoundError("That person");
  // The person, their first reports and their latest placement, in one statement.
  const [row] = await db
    .select({
      ...summarySelect(),
      revision: users.revision,
      reports: sql<PersonDetail["reports"]>`coalesce((
        select json_agg(json_build_object('id', r.id, 'name', r.name, 'active', r.active) order by r.name, r.id)
        from (select id, name, active from ${users} r where r.manager_id = ${users.id} order by r.name, r.id limit ${REPORTS_SHOWN}) r
      ), '[]')`,
      reportCount: sql<number>`(select count(*)::int from ${users} r where r.manager_id = ${users.id})`,
      placement: sql<PersonDetail["placement"]>`(
        select json_build_object('step', s.name, 'effectiveOn', p.effective_on)
        from ${placements} p join ${steps} s on s.id = p.step_id
        where p.user_id = ${users.id}
        order by p.effective_on desc, p.created_at desc
        limit 1
      )`,
    })
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .leftJoin(managers, eq(managers.id, users.managerId))
    .where(eq(users.id, personId));
  if (!row) throw new NotFoundError("That person");
  const can = { manage: canManagePeople(viewer), place: canWritePlacements(viewer), writeManagerAssessment: canWriteManagerAssessment(viewer, { managerId: row.managerId, active: row.active }) };
  return { ...toSummary(row), revision: row.revision, can, reports: row.reports, reportCount: row.reportCount, placement: row.placement };
}

/** People who may be chosen as someone's manager: active managers and admins. */
export async function listManagerChoices(viewer: Viewer): Promise<{ id: string; name: string }[]> {
  assertCanManage(viewer);
  const { db } = await getDatabase();
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, ["manager", "admin"])))
    .orderBy(asc(users.name));
}

/** Teams to choose from on a person's form. */
export async function listTeamChoices(viewer: Viewer): Promise<{ id: string; name: string }[]> {
  assertCanManage(viewer);
  const { db } = await getDatabase();
  return db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name));
}

/** People who may be offered as a team's lead: active managers and admins, a bounded list. */
export async function listLeadChoices(viewer: Viewer): Promise<{ id: string; name: string }[]> {
  assertCanManage(viewer);
  const { db } = await getDatabase();
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, ["manager", "admin"])))
    .orderBy(asc(users.name), asc(users.id))
    .limit(MANAGER_OPTIONS_LIMIT);
}

/** The most teams the teams page lists; an organisation has dozens, not thousands. */
/** Teams to a page of the teams list. */
export const TEAMS_PAGE_SIZE = 25;
/** The members named on each team; the rest are a link away, in the people directory. */
export const TEAM_MEMBERS_SHOWN = 6;

export type TeamSummary = {
  id: string;
  name: string;
  revision: number;
  lead: { id: string; name: string; active: boolean } | null;
  /** Active members. */
  members: number;
  /** The first active members by name, at most TEAM_MEMBERS_SHOWN. */
  firstMembers: { id: string; name: string }[];
};

/**
 * A page of the teams by name (TEAMS_PAGE_SIZE to a page; a page past the end gives the last), each
 * with its lead, how many active members it has and the first of them by name: three statements,
 * however many teams and people there are.
 */
export async function listTeams(viewer: Viewer, opts: { page?: number } = {}): Promise<{ teams: TeamSummary[]; total: number; page: number; pages: number }> {
  assertCanManage(viewer);
  const { db } = await getDatabase();
  const leads = alias(users, "leads");
  const memberCount = db
    .select({ teamId: users.teamId, n: count().as("n") })
    .from(users)
    .where(and(eq(users.active, true), isNotNull(users.teamId)))
    .groupBy(users.teamId)
    .as("member_count");
  const total = await db.$count(teams);
  const { page, pages } = clampPage(opts.page ?? 1, total, TEAMS_PAGE_SIZE);
  const shown = await db
    .select({
      id: teams.id,
      name: teams.name,
      revision: teams.revision,
      leadId: leads.id,
      leadName: leads.name,
      leadActive: leads.active,
      members: sql<number>`coalesce(${memberCount.n}, 0)`.mapWith(Number),
    })
    .from(teams)
    .leftJoin(leads, eq(leads.id, teams.leadId))
    .leftJoin(memberCount, eq(memberCount.teamId, teams.id))
    .orderBy(asc(teams.name), asc(teams.id))
    .limit(TEAMS_PAGE_SIZE)
    .offset((page - 1) * TEAMS_PAGE_SIZE);
  const byTeam = new Map<string, { id: string; name: string }[]>();
  for (const m of shown.length ? await firstMembersOf(db, shown.map((t) => t.id)) : []) {
    const list = byTeam.get(m.teamId!) ?? [];
    list.push({ id: m.id, name: m.name });
    byTeam.set(m.teamId!, list);
  }
  return {
    teams: shown.map((t) => ({
      id: t.id,
      name: t.name,
      revision: t.revision,
      lead: t.leadId ? { id: t.leadId, name: t.leadName!, active: t.leadActive! } : null,
      members: t.members,
      firstMembers: byTeam.get(t.id) ?? [],
    })),
    total,
    page,
    pages,
  };
}

export type CreatedPerson = { id: string; name: string; setPasswordToken: string | null };

export async function createPerson(viewer: Viewer, raw: z.input<typeof createPersonSchema> | CreatePersonInput | FormFields): Promise<CreatedPerson> {
  assertCanManage(viewer);
  const input = parseInput(createPersonSchema, raw);
  const passwordHash = input.passwordMode === "password" ? await hashPassword(passwordSchema.parse(input.password)) : null;
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    await lockOrganisation(tx);
    await assertEmailFree(tx, input.email);
    await assertValidManager(tx, { personId: null, managerId: input.managerId });
    await assertTeamExists(tx, input.teamId);
    const placement = input.stepId ? await findPlaceableStep(tx, input.stepId) : null;
    if (placement && "problem" in placement) throw new InvalidInputError("Check the highlighted fields.", { stepId: [placement.problem] });
    const [row] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, role: input.role, managerId: input.managerId, teamId: input.teamId, passwordHash })
      .returning({ id: users.id });
    const id = row!.id;
    const token = input.passwordMode === "link" ? await issuePasswordToken(tx, { userId: id, createdById: viewer.id }) : null;
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "user.create",
      entityType: "user",
      entityId: id,
      after: { email: input.email, name: input.name, role: input.role, managerId: input.managerId, teamId: input.teamId, password: input.passwordMode },
    });
    if (placement) {
      await insertPlacements(tx, viewer, [{ personId: id, step: placement.step, effectiveOn: input.effectiveOn ?? isoDate(new Date()), reason: "initial", note: "" }]);
    }
    return { id, name: input.name, setPasswordToken: token };
  });
}

export async function updatePerson(viewer: Viewer, raw: z.input<typeof updatePersonSchema> | UpdatePersonInput | FormFields): Promise<void> {
  assertCanManage(viewer);
  const input = parseInput(updatePersonSchema, raw);
  const { db } = await getDatabase();
  await db.transaction(async (tx) => {
    await lockOrganisation(tx);
    const before = await lockPerson(tx, input.id, input.revision);
    if (before.role === "admin" && input.role !== "admin" && before.active) await assertAnotherActiveAdmin(tx, input.id, "demote");
    if (input.role === "engineer" && before.role !== "engineer") await assertNoReports(tx, input.id, before.name);
    if (input.managerId !== before.managerId) await assertValidManager(tx, { personId: input.id, managerId: input.managerId });
    if (input.teamId !== before.teamId) await assertTeamExists(tx, input.teamId);
    const changed = { name: input.name, role: input.role, managerId: input.managerId, teamId: input.teamId };
    await tx
      .update(users)
      .set({
        ...changed,
        // Someone whose role changes signs in again: every open session ends.
        ...(input.role !== before.role ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
      })
      .where(eq(users.id, input.id));
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "user.update",
      entityType: "user",
      entityId: input.id,
      before: { name: before.name, role: before.role, managerId: before.managerId, teamId: before.teamId },
      after: changed,
    });
  });
}

export async function setPersonActive(viewer: Viewer, raw: z.input<typeof setActiveSchema> | FormFields): Promise<{ active: boolean }> {
  assertCanManage(viewer);
  const input = parseInput(setActiveSchema, raw);
  const { db } = await getDatabase();
  await db.transaction(async (tx) => {
    await lockOrganisation(tx);
    const before = await lockPerson(tx, input.id, input.revision);
    if (before.active === input.active) return;
    if (!input.active) {
      if (input.id === viewer.id) throw new NotAllowedError("You cannot deactivate yourself.");
      if (before.role === "admin") await assertAnotherActiveAdmin(tx, input.id, "deactivate");
      await assertNoReports(tx, input.id, before.name);
      // A link sent earlier must not let a deactivated person back in later.
      await tx
        .update(passwordTokens)
        .set({ usedAt: new Date() })
        .where(and(eq(passwordTokens.userId, input.id), sql`${passwordTokens.usedAt} is null`));
    } else if (before.managerId) {
      // Their manager may have left or changed role meanwhile.
      await assertValidManager(tx, { personId: input.id, managerId: before.managerId }).catch(() => {
        throw new InvalidInputError("Their manager is no longer an active manager: choose another manager first, then reactivate.");
      });
    }
    await tx
      .update(users)
      .set({ active: input.active, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, input.id));
    // Someone who has left leads no team: each team they led is left without a lead, as an edit of the team.
    const led = input.active
      ? []
      : await tx
          .update(teams)
          .set({ leadId: null, revision: sql`${teams.revision} + 1`, updatedAt: new Date() })
          .where(eq(teams.leadId, input.id))
          .returning({ id: teams.id, name: teams.name });
    await recordAudit(
      tx,
      {
        actorId: viewer.id,
        action: input.active ? "user.reactivate" : "user.deactivate",
        entityType: "user",
        entityId: input.id,
        before: { active: before.active },
        after: { active: input.active },
      },
      ...led.map((team) => ({
        actorId: viewer.id,
        action: "team.lead" as const,
        entityType: "team" as const,
        entityId: team.id,
        before: { name: team.name, leadId: input.id, leadName: before.name },
        after: { name: team.name, leadId: null, leadName: null },
      })),
    );
  });
  return { active: input.active };
}

export async function createTeam(viewer: Viewer, raw: { name: string } | FormFields): Promise<{ id: string; name: string }> {
  assertCanManage(viewer);
  const { name } = parseInput(z.object({ name: teamNameSchema }), raw);
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    await assertTeamNameFree(tx, name, null);
    const [row] = await tx.insert(teams).values({ name }).returning({ id: teams.id });
    await recordAudit(tx, { actorId: viewer.id, action: "team.create", entityType: "team", entityId: row!.id, after: { name } });
    return { id: row!.id, name };
  });
}

export async function renameTeam(viewer: Viewer, raw: z.input<typeof renameTeamSchema> | FormFields): Promise<{ name: string }> {
  assertCanManage(viewer);
  const input = parseInput(renameTeamSchema, raw);
  const { db } = await getDatabase();
  await db.transaction(async (tx) => {
    const before = await lockForEdit(tx, {
      table: teams,
      id: input.id,
      revision: input.revision,
      what: "That team",
      load: async (id) => (await tx.select({ name: teams.name, revision: teams.revision }).from(teams).where(eq(teams.id, id)).for("update"))[0],
    });
    await assertTeamNameFree(tx, input.name, input.id);
    await tx.update(teams).set({ name: input.name }).where(eq(teams.id, input.id));
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "team.rename",
      entityType: "team",
      entityId: input.id,
      before: { name: before.name },
      after: { name: input.name },
    });
  });
  return { name: input.name };
}

/** The first active members by name of each of these teams, in one statement. */
function firstMembersOf(db: Db, teamIds: string[]) {
  const ranked = db
    .select({
      teamId: users.teamId,
      id: users.id,
      name: users.name,
      rank: sql<number>`row_number() over (partition by ${users.teamId} order by ${users.name}, ${users.id})`.as("rank"),
    })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.teamId, teamIds)))
    .as("ranked");
  return db
    .select({ teamId: ranked.teamId, id: ranked.id, name: ranked.name })
    .from(ranked)
    .where(lte(ranked.rank, TEAM_MEMBERS_SHOWN))
    .orderBy(ranked.teamId, ranked.rank);
}

/**
 * Gives a team its lead, or none. The lead may be any active person, whatever their role and
 * whichever team they are in; an edit made on an older revision of the team is refused.
 */
export async function setTeamLead(viewer: Viewer, raw: z.input<typeof setTeamLeadSchema> | FormFields): Promise<{ team: string; lead: { id: string; name: string } | null }> {
  assertCanManage(viewer);
  const input = parseInput(setTeamLeadSchema, raw);
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    const leads = alias(users, "leads");
    const before = await lockForEdit(tx, {
      table: teams,
      id: input.id,
      revision: input.revision,
      what: "That team",
      load: async (id) =>
        (
          await tx
            .select({ name: teams.name, revision: teams.revision, leadId: teams.leadId, leadName: leads.name })
            .from(teams)
            .leftJoin(leads, eq(leads.id, teams.leadId))
            .where(eq(teams.id, id))
            .for("update", { of: teams })
        )[0],
    });
    let lead: { id: string; name: string } | null = null;
    if (input.leadId) {
      const [person] = await tx.select({ id: users.id, name: users.name, active: users.active }).from(users).where(eq(users.id, input.leadId)).for("share");
      if (!person || !person.active) {
        const message = "Choose an active person: this one does not exist or has been deactivated.";
        throw new InvalidInputError(message, { leadId: [message] });
      }
      lead = { id: person.id, name: person.name };
    }
    await tx.update(teams).set({ leadId: lead?.id ?? null }).where(eq(teams.id, input.id));
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "team.lead",
      entityType: "team",
      entityId: input.id,
      before: { name: before.name, leadId: before.leadId, leadName: before.leadName },
      after: { name: before.name, leadId: lead?.id ?? null, leadName: lead?.name ?? null },
    });
    return { team: before.name, lead };
  });
}

/** A new one-time link for a person to set their password; earlier unused links stop working. */
export async function createPasswordLink(viewer: Viewer, personId: string): Promise<string> {
  assertCanManage(viewer);
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    // Not an edit of the person: their revision stays, so an open edit form is not made stale.
    const person = await selectPersonForUpdate(tx, personId);
    if (!person) throw new NotFoundError("That person");
    if (!person.active) throw new InvalidInputError("Reactivate this person before sending a password link.");
    const token = await issuePasswordToken(tx, { userId: personId, createdById: viewer.id });
    await recordAudit(tx, { actorId: viewer.id, action: "user.password-link", entityType: "user", entityId: personId });
    return token;
  });
}

/** Who a set-password link is for, if it is still good. Needs no sign-in: the token is the proof. */
export async function describePasswordToken(token: string): Promise<{ name: string; email: string } | null> {
  const { db } = await getDatabase();
  const [row] = await db
    .select({ name: users.name, email: users.email })
    .from(passwordTokens)
    .innerJoin(users, eq(users.id, passwordTokens.userId))
    .where(and(eq(passwordTokens.tokenHash, hashToken(token)), sql`${passwordTokens.usedAt} is null`, sql`${passwordTokens.expiresAt} > now()`, eq(users.active, true)));
  return row ?? null;
}

const usedLink = () => new NotFoundError("That link", "This link has been used or has expired. Ask an admin for a new one.");

/** Sets a password through a one-time link; every earlier session of the person ends. */
export async function setPasswordWithToken(raw: z.input<typeof setPasswordSchema> | FormFields): Promise<void> {
  const token = typeof raw.token === "string" ? raw.token.slice(0, 200) : "";
  // A cheap look first: hashing a password costs real memory and time, and this needs no sign-in.
  if (!(await describePasswordToken(token))) throw usedLink();
  const input = parseInput(setPasswordSchema, raw);
  const passwordHash = await hashPassword(input.password);
  const { db } = await getDatabase();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(passwordTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordTokens.tokenHash, hashToken(token)), sql`${passwordTokens.usedAt} is null`, sql`${passwordTokens.expiresAt} > now()`))
      .returning({ userId: passwordTokens.userId });
    if (!row) throw usedLink();
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, revision: sql`${users.revision} + 1`, updatedAt: new Date() })
      .where(and(eq(users.id, row.userId), eq(users.active, true)))
      .returning({ id: users.id });
    if (!user) throw usedLink();
    await recordAudit(tx, { actorId: row.userId, action: "user.set-password", entityType: "user", entityId: row.userId });
  });
}

// ── checks ──────────────────────────────────────────────────────────────────────────────────

function assertCanManage(viewer: Viewer) {
  if (!canManagePeople(viewer)) throw new NotAllowedError("Only admins can change people and teams.");
}


async function selectPersonForUpdate(tx: Tx, id: string) {
  if (!isUuid(id)) return undefined;
  const [row] = await tx
    .select({ name: users.name, role: users.role, active: users.active, managerId: users.managerId, teamId: users.teamId, revision: users.revision })
    .from(users)
    .where(eq(users.id, id))
    .for("update");
  return row;
}

/** Locks a person's row for an edit made on `revision` (see lockForEdit). */
function lockPerson(tx: Tx, id: string, revision: number) {
  return lockForEdit(tx, { table: users, id, revision, what: "That person", load: (id) => selectPersonForUpdate(tx, id) });
}

async function assertEmailFree(tx: Tx, email: string) {
  const [taken] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  if (taken) throw new InvalidInputError("Someone already has this email.", { email: ["Someone already has this email."] });
}

async function assertTeamExists(tx: Tx, teamId: string | null) {
  if (!teamId) return;
  const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
  if (!team) throw new InvalidInputError("That team does not exist.", { teamId: ["That team does not exist."] });
}

async function assertTeamNameFree(tx: Tx, name: string, exceptId: string | null) {
  const [taken] = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(sql`lower(${teams.name})`, name.toLowerCase()), exceptId ? ne(teams.id, exceptId) : undefined));
  if (taken) throw new InvalidInputError("A team with this name exists already.", { name: ["A team with this name exists already."] });
}

/** A manager must be an active manager or admin, and must not sit below the person (no cycles). */
async function assertValidManager(tx: Tx, { personId, managerId }: { personId: string | null; managerId: string | null }) {
  if (!managerId) return;
  const refuse = (message: string) => new InvalidInputError(message, { managerId: [message] });
  if (managerId === personId) throw refuse("A person cannot be their own manager.");
  const [manager] = await tx.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, managerId));
  if (!manager || !manager.active) throw refuse("That manager does not exist or is deactivated.");
  if (manager.role === "engineer") throw refuse("The manager must be a manager or an admin.");
  if (personId && (await reportingTreeIds(tx, personId)).includes(managerId)) {
    throw refuse("That would make a loop: the chosen manager already reports to this person.");
  }
}

/** Refuses to leave the organisation without an active admin. Locks the admins, so two demotions cannot race. */
async function assertAnotherActiveAdmin(tx: Tx, personId: string, verb: "demote" | "deactivate") {
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true)))
    .for("update");
  if (!admins.some((a) => a.id !== personId)) {
    throw new NotAllowedError(`You cannot ${verb} the last active admin: make someone else an admin first.`);
  }
}

async function assertNoReports(tx: Tx, personId: string, name: string) {
  const [row] = await tx.select({ n: count() }).from(users).where(and(eq(users.managerId, personId), eq(users.active, true)));
  if (row && row.n > 0) {
    const message = `${name} still has ${row.n} ${row.n === 1 ? "report" : "reports"}; give them another manager first.`;
    throw new InvalidInputError(message, { role: [message] });
  }
}

const TOKEN_DAYS = 7;

function hashToken(token: string) {
  return crypto.createHash("sha256").update(token).digest("hex");
}

async function issuePasswordToken(tx: Tx, { userId, createdById }: { userId: string; createdById: string }): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  await tx
    .update(passwordTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(passwordTokens.userId, userId), sql`${passwordTokens.usedAt} is null`));
  await tx.insert(passwordTokens).values({
    userId,
    createdById,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + TOKEN_DAYS * 24 * 3600_000),
  });
  return token;
}
