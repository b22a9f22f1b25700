import "server-only";
import { and, asc, count, desc, eq, exists, ilike, isNull, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { inReportingTree } from "@/db/people-store";
import { getDatabase } from "@/db/runtime";
import { frameworks, frameworkVersions, placements, reviewCycles, steps, teams, users } from "@/db/schema";
import type { ReviewState } from "@/lib/assessments/review-state";
import { canListPeople, canManagePeople, type Role, type Viewer } from "@/lib/auth/policy";
import { NotAllowedError } from "@/lib/errors";
import { NOT_PLACED } from "@/lib/list-query";
import { clampPage } from "@/lib/paging";
import { FILTER_CHOICES_LIMIT, NO_TEAM, PAGE_SIZE, type DirectoryQuery, type DirectorySort } from "@/lib/people/directory";
import { containing, openCycleId, reviewStateOf } from "./people-sql";

/**
 * The people directory (/people): one page of the people the viewer may list, searched, filtered
 * and sorted in SQL. What the viewer may see is a condition of the query itself (admins:
 * everyone; managers: their reporting tree, walked in the query), and every filter is added to it
 * with AND, so a filter only ever narrows. The page costs the same few statements whatever the
 * size of the organisation.
 */

export type DirectoryPerson = {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  team: { id: string; name: string } | null;
  manager: { id: string; name: string } | null;
  /** The step of their latest placement; null when not placed. */
  step: { key: string; name: string } | null;
  /** Where their review stands in the open cycle, as far as the viewer may know; null with no open cycle, and for admins. */
  review: ReviewState | null;
};

export type DirectoryOptions = {
  /** The steps of each framework's current published version, in path order. */
  steps: { key: string; name: string; framework: string }[];
};

/** A team or manager the view is narrowed to, named as far as the viewer may know it: null when they may not. */
export type DirectoryFilterName = { id: string; name: string | null };

export type PeopleDirectory = {
  people: DirectoryPerson[];
  /** How many people match the view, on every page. */
  total: number;
  /** The page shown: the page asked for, brought within 1..pages. */
  page: number;
  pages: number;
  pageSize: number;
  cycle: { id: string; name: string } | null;
  options: DirectoryOptions;
  /** The team and manager filters of the view, with their names (teams: not for "no team"). */
  filters: { team: DirectoryFilterName | null; manager: DirectoryFilterName | null };
};

/** What a search for a team or a manager to filter by found: the first matches by name, and whether there are more. */
export type FilterChoices = { matches: { id: string; name: string }[]; more: boolean };


/** The most people a list of managers to choose from holds; an organisation has dozens of managers, not thousands. */
export const MANAGER_OPTIONS_LIMIT = 500;

const managers = alias(users, "managers");

/** Where a person's review stands, by the rule every list of people shares. */
const reviewState = (viewer: Viewer) => reviewStateOf(viewer.id, { id: users.id, role: users.role });

/** The step of a person's latest placement (see db/placement-store.ts: latest effective date, then latest recorded). */
function currentStep(db: Db) {
  return db
    .select({ key: steps.key, name: steps.name, position: steps.position })
    .from(placements)
    .innerJoin(steps, eq(steps.id, placements.stepId))
    .where(eq(placements.userId, users.id))
    .orderBy(desc(placements.effectiveOn), desc(placements.createdAt))
    .limit(1)
    .as("current_step");
}

/** The people the viewer may list: admins everyone, managers the people below them (never themselves). */
function visibleTo(viewer: Viewer): SQL | undefined {
  return canManagePeople(viewer) ? undefined : inReportingTree(users.id, viewer.id);
}

/** The view's conditions on top of what the viewer may see: everything is ANDed, so filters only narrow. */
function conditions(viewer: Viewer, query: DirectoryQuery, step: ReturnType<typeof currentStep>): SQL | undefined {
  const where: (SQL | undefined)[] = [visibleTo(viewer)];
  if (query.q) where.push(or(ilike(users.name, containing(query.q)), ilike(users.email, containing(query.q))));
  if (query.team) where.push(query.team === NO_TEAM ? isNull(users.teamId) : eq(users.teamId, query.team));
  if (query.role) where.push(eq(users.role, query.role));
  if (query.manager) where.push(eq(users.managerId, query.manager));
  if (query.step) where.push(query.step === NOT_PLACED ? isNull(step.key) : eq(step.key, query.step));
  // With no cycle open there is no review status to filter by: the filter is left out, not made to match nobody.
  if (query.status) where.push(sql`(${openCycleId} is null or ${reviewState(viewer)} = ${query.status})`);
  if (query.active !== "all") where.push(eq(users.active, query.active === "active"));
  return and(...where);
}

function ordering(query: DirectoryQuery, step: ReturnType<typeof currentStep>): SQL[] {
  const by: Record<DirectorySort, SQL> = {
    name: sql`lower(${users.name})`,
    email: sql`lower(${users.email})`,
    team: sql`lower(${teams.name})`,
    step: sql`${step.position}`,
    role: sql`${users.role}`,
  };
  // People without a value (no team, not placed) come last whichever way; then by name, then id, so pages never overlap.
  const direction = query.dir === "asc" ? sql`asc` : sql`desc`;
  return [sql`${by[query.sort]} ${direction} nulls last`, sql`lower(${users.name}) asc`, asc(users.id)];
}

async function openCycle(db: Db) {
  const [row] = await db.select({ id: reviewCycles.id, name: reviewCycles.name }).from(reviewCycles).where(eq(reviewCycles.status, "open")).limit(1);
  return row ?? null;
}

/** The teams a viewer may name: admins every team, managers those of the people they may list. */
function teamInScope(db: Db, viewer: Viewer): SQL | undefined {
  if (canManagePeople(viewer)) return undefined;
  return exists(db.select({ one: sql`1` }).from(users).where(and(eq(users.teamId, teams.id), visibleTo(viewer))));
}

/** The people a viewer may name: admins anyone, managers themselves and the people below them. */
function personInScope(viewer: Viewer): SQL | undefined {
  return canManagePeople(viewer) ? undefined : or(eq(users.id, viewer.id), inReportingTree(users.id, viewer.id));
}

/** People with a report the viewer may list: whom the manager filter can name. */
function managesSomeoneInScope(db: Db, viewer: Viewer): SQL {
  const reports = alias(users, "reports");
  const inScope = canManagePeople(viewer) ? undefined : inReportingTree(reports.id, viewer.id);
  return exists(db.select({ one: sql`1` }).from(reports).where(and(eq(reports.managerId, users.id), inScope)));
}

/** The name of the team the view is narrowed to, when the viewer may know it; none for "no team". */
async function teamFilterName(db: Db, viewer: Viewer, team: string | null): Promise<DirectoryFilterName | null> {
  if (!team || team === NO_TEAM) return null;
  const [row] = await db
    .select({ name: teams.name })
    .from(teams)
    .where(and(eq(teams.id, team), teamInScope(db, viewer)));
  return { id: team, name: row?.name ?? null };
}

/** The name of the manager the view is narrowed to, when the viewer may know it. */
async function managerFilterName(db: Db, viewer: Viewer, manager: string | null): Promise<DirectoryFilterName | null> {
  if (!manager) return null;
  const [row] = await db
    .select({ name: users.name })
    .from(users)
    .where(and(eq(users.id, manager), personInScope(viewer)));
  return { id: manager, name: row?.name ?? null };
}

/** Matches of a typed name first where the name starts with it, then by name; one more than shown, to know whether there are more. */
async function firstMatches(rows: Promise<{ id: string; name: string }[]>): Promise<FilterChoices> {
  const found = await rows;
  return { matches: found.slice(0, FILTER_CHOICES_LIMIT), more: found.length > FILTER_CHOICES_LIMIT };
}

const byMatch = (column: AnyColumn, text: string) => [sql`case when strpos(lower(${column}), lower(${text}::text)) = 1 then 0 else 1 end`, sql`lower(${column})`];

/**
 * The teams and managers whose name holds what the viewer typed, to narrow the directory by: at
 * most FILTER_CHOICES_LIMIT of each, in one statement each, from what the viewer may see (a
 * manager is offered the teams of their own reports and the managers in their own tree, never
 * anyone else's). Managers and admins only.
 */
export async function findDirectoryChoices(viewer: Viewer, search: { team: string; manager: string }): Promise<{ team: FilterChoices | null; manager: FilterChoices | null }> {
  if (!canListPeople(viewer)) throw new NotAllowedError("Only managers and admins can list people.");
  const { db } = await getDatabase();
  const team = search.team.trim();
  const manager = search.manager.trim();
  const [teamChoices, managerChoices] = await Promise.all([
    team
      ? firstMatches(
          db
            .select({ id: teams.id, name: teams.name })
            .from(teams)
            .where(and(ilike(teams.name, containing(team)), teamInScope(db, viewer)))
            .orderBy(...byMatch(teams.name, team), asc(teams.id))
            .limit(FILTER_CHOICES_LIMIT + 1),
        )
      : null,
    manager
      ? firstMatches(
          db
            .select({ id: users.id, name: users.name })
            .from(users)
            .where(and(ilike(users.name, containing(manager)), managesSomeoneInScope(db, viewer)))
            .orderBy(...byMatch(users.name, manager), asc(users.id))
            .limit(FILTER_CHOICES_LIMIT + 1),
        )
      : null,
  ]);
  return { team: teamChoices, manager: managerChoices };
}

async function stepOptions(db: Db) {
  const rows = await db
    .select({ key: steps.key, name: steps.name, framework: frameworks.name })
    .from(steps)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, steps.versionId))
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(
      and(
        eq(frameworkVersions.status, "published"),
        eq(
          frameworkVersions.number,
          sql`(select max(v.number) from framework_versions v where v.framework_id = ${frameworkVersions.frameworkId} and v.status = 'published')`,
        ),
      ),
    )
    .orderBy(asc(frameworks.createdAt), asc(steps.position));
  // Step keys are stable within a framework; two frameworks sharing a key share its filter.
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.key) && seen.add(r.key));
}

/**
 * One page of the directory. Managers and admins only. At most five statements before the page and
 * one for it, whatever the number of people: the open cycle, the steps to filter by, the names of
 * the team and manager the view is narrowed to (when it is) and the count, then the page, asked
 * for once the count says which pages exist.
 */
export async function getPeopleDirectory(viewer: Viewer, query: DirectoryQuery): Promise<PeopleDirectory> {
  if (!canListPeople(viewer)) throw new NotAllowedError("Only managers and admins can list people.");
  const { db } = await getDatabase();
  const step = currentStep(db);
  const where = conditions(viewer, query, step);

  // A person's current step is looked up for everyone only when the view filters or sorts by it;
  // otherwise only for the fifty people on the page.
  const stepNeeded = query.step !== null || query.sort === "step";
  const counted = db.select({ n: count() }).from(users).$dynamic();
  const [cycle, teamFilter, managerFilter, stepRows, [counts]] = await Promise.all([
    openCycle(db),
    teamFilterName(db, viewer, query.team),
    managerFilterName(db, viewer, query.manager),
    stepOptions(db),
    (stepNeeded ? counted.leftJoinLateral(step, sql`true`) : counted).where(where),
  ]);
  const total = counts?.n ?? 0;
  const { page, pages } = clampPage(query.page, total, PAGE_SIZE);

  const onPage = db.select({ id: users.id }).from(users).leftJoin(teams, eq(teams.id, users.teamId)).$dynamic();
  const pageIds = (stepNeeded ? onPage.leftJoinLateral(step, sql`true`) : onPage)
    .where(where)
    .orderBy(...ordering(query, step))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .as("page_ids");
  const rows =
    total === 0
      ? []
      : await db
          .select({
            id: users.id,
            name: users.name,
            email: users.email,
            role: users.role,
            active: users.active,
            teamId: teams.id,
            teamName: teams.name,
            managerId: managers.id,
            managerName: managers.name,
            stepKey: step.key,
            stepName: step.name,
            review: reviewState(viewer),
          })
          .from(pageIds)
          .innerJoin(users, eq(users.id, pageIds.id))
          .leftJoin(teams, eq(teams.id, users.teamId))
          .leftJoin(managers, eq(managers.id, users.managerId))
          .leftJoinLateral(step, sql`true`)
          .orderBy(...ordering(query, step));

  return {
    people: rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      role: r.role,
      active: r.active,
      team: r.teamId ? { id: r.teamId, name: r.teamName! } : null,
      manager: r.managerId ? { id: r.managerId, name: r.managerName! } : null,
      step: r.stepKey ? { key: r.stepKey, name: r.stepName! } : null,
      review: cycle ? r.review : null,
    })),
    total,
    page,
    pages,
    pageSize: PAGE_SIZE,
    cycle,
    options: { steps: stepRows },
    filters: { team: teamFilter, manager: managerFilter },
  };
}
