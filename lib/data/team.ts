import "server-only";
import { and, asc, desc, eq, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { queryRows, type Db } from "@/db/client";
import { inReportingTree, reportingTreeCounts, reportingTreeQuery } from "@/db/people-store";
import { getDatabase } from "@/db/runtime";
import { assessments, calibrationSessions, calibrators, promotionCases, reviewCycles, steps, users } from "@/db/schema";
import type { ReviewState } from "@/lib/assessments/review-state";
import { computeGaps, type GapFramework } from "@/lib/assessments/gaps";
import { canManagePeople, canSeeTeam, type Viewer } from "@/lib/auth/policy";
import { timeAtStep, type TimeAtStep } from "@/lib/career/where-now";
import { isoDate } from "@/lib/dates";
import { NotAllowedError } from "@/lib/errors";
import { NOT_PLACED } from "@/lib/list-query";
import { DIRECT_GROUP, groupPage, groupTitle, TEAM_PAGE_SIZE, type GroupOption, type SortKey, type StepOption, type TeamGroup, type TeamMember, type TeamQuery } from "@/lib/team/overview";
import { containing, monthsSince, openCycleId, reviewStateOf } from "./people-sql";

/**
 * A manager's view of their reporting tree: the team overview (/team) and what waits for them on
 * the home page. Managers and admins alike see their own tree here, never anyone else's (an admin
 * reads the whole organisation on the people list). Each read is a fixed number of set-based
 * queries, however many people the tree holds, and every list is bounded.
 */

/** The most items of each kind the home page lists; the count says how many there are in all. */
export const WAITING_LIMIT = 8;

function assertCanSeeTeam(viewer: Viewer) {
  if (!canSeeTeam(viewer)) throw new NotAllowedError("Only managers and admins have a team overview.");
}

async function openCycle(db: Db): Promise<{ id: string; name: string } | null> {
  const [row] = await db.select({ id: reviewCycles.id, name: reviewCycles.name }).from(reviewCycles).where(eq(reviewCycles.status, "open")).limit(1);
  return row ?? null;
}

export type TeamPage = {
  cycle: { id: string; name: string } | null;
  /** How many people are below the viewer, and how many of them are past their step's longest expected time. */
  size: number;
  overdue: number;
  /** The filters' choices, from the whole tree: the steps people are at, in path order, and the groups. */
  steps: StepOption[];
  groups: GroupOption[];
  /** How many people match the view. */
  shown: number;
  /** The page shown: the page asked for, brought within 1..pages. */
  page: number;
  pages: number;
  /** The page's people under their groups' headings, in the view's order; a group split across pages is headed on each. */
  onPage: TeamGroup[];
};

/** One person on the page, as the statement gives them. */
type PageRow = {
  id: string;
  name: string;
  managerId: string;
  managerName: string;
  depth: number;
  groupId: string;
  groupName: string;
  groupTotal: number;
  stepKey: string | null;
  stepName: string | null;
  stepPosition: number | null;
  minMonths: number | null;
  maxMonths: number | null;
  months: number | null;
  evidence: number;
  status: ReviewState | null;
  cycleName: string | null;
  versionId: string | null;
  hasSelf: boolean;
  hasManager: boolean;
  picks: { kind: "self" | "manager"; dimensionId: string; stepId: string | null }[] | null;
};

type PageStatement = {
  size: number;
  overdue: number;
  steps: StepOption[];
  groups: { id: string; name: string }[];
  shown: number;
  page: number;
  pages: number;
  cycleId: string | null;
  cycleName: string | null;
  rows: PageRow[];
  frameworks: (GapFramework & { id: string })[];
};

/**
 * The people below `viewerId`, walked down from them with what the overview carries along: each
 * person's name, their manager's, and the group head (the viewer's direct report whose subtree
 * they are in) with theirs. Never back to the viewer, and at most 64 levels, so that reporting
 * lines holding a loop still end.
 */
const walk = (viewerId: string) => sql`tree(id, name, role, active, manager_id, manager_name, head_id, head_name, depth) as (
    select u.id, u.name, u.role, u.active, u.manager_id, v.name, u.id, u.name, 1
    from users u join users v on v.id = u.manager_id
    where u.manager_id = ${viewerId}
    union all
    select u.id, u.name, u.role, u.active, u.manager_id, t.name, t.head_id, t.head_name, t.depth + 1
    from users u join tree t on u.manager_id = t.id
    where t.depth < 64 and u.id <> ${viewerId}
  )`;

/** How many evidence items a person has. */
const evidenceOf = (person: SQL) => sql`(select count(*)::int from evidence ev where ev.owner_id = ${person})`;

/**
 * A person's latest review: the latest cycle in which anything about them was submitted, and both
 * sides submitted in it (`sa`, `ma`): the gap is only worth showing between picks of one cycle, so
 * an older manager assessment is never set against a newer self-assessment.
 */
const latestReview = (person: SQL) => sql`
  left join lateral (
    select la.cycle_id, lrc.name as cycle_name
    from assessments la join review_cycles lrc on lrc.id = la.cycle_id
    where la.subject_id = ${person} and la.status = 'submitted'
    order by lrc.starts_on desc, la.submitted_at desc
    limit 1
  ) lc on true
  left join lateral (${submitted("self", person)}) sa on true
  left join lateral (${submitted("manager", person)}) ma on true`;

/**
 * A person's submitted assessment of one kind in the latest cycle `lc`: there is one of each kind
 * per cycle at most (a unique index says so); the limit keeps the lookup one index probe a person
 * rather than a join the planner may turn into a scan of the cycle.
 */
const submitted = (kind: "self" | "manager", person: SQL) =>
  sql`select id, version_id from assessments where kind = ${kind} and subject_id = ${person} and cycle_id = lc.cycle_id and status = 'submitted' limit 1`;

/**
 * The gap of the latest review, as the page counts it (lib/assessments/gaps.ts): the dimensions of
 * the self-assessment's version where both sides picked a step of that version and not the same
 * one; then, to sort by, how far apart the picks are by step position. Null unless both sides
 * submitted.
 */
const gapOfLatestReview = sql`
  left join lateral (
    select count(*)::int as gaps, coalesce(sum(abs(gs.position - gm.position)), 0)::int as distance
    from ratings rs
    join dimensions gd on gd.id = rs.dimension_id and gd.version_id = sa.version_id
    join steps gs on gs.id = rs.step_id and gs.version_id = sa.version_id
    join ratings rm on rm.assessment_id = ma.id and rm.dimension_id = rs.dimension_id
    join steps gm on gm.id = rm.step_id and gm.version_id = sa.version_id
    where rs.assessment_id = sa.id and rs.step_id <> rm.step_id
  ) g on sa.id is not null and ma.id is not null`;

/** Sort values: people without one (not placed, not both assessed) come last whichever way. */
function ordering(query: TeamQuery): SQL {
  const dir = query.dir === "asc" ? sql`asc` : sql`desc`;
  const by: Record<SortKey, SQL> = {
    name: sql`lower(m.name) ${dir}`,
    step: sql`m.step_position ${dir} nulls last`,
    time: sql`m.months ${dir} nulls last`,
    gap: sql`m.gaps ${dir} nulls last, m.distance ${dir} nulls last`,
    evidence: sql`m.evidence ${dir}`,
  };
  // Groups in the order of their heads' names ("Reporting to you" first), each group's head first
  // in it, and names and ids last, so that pages never overlap.
  return sql`m.group_id <> ${DIRECT_GROUP}, lower(m.group_name), m.group_id, m.id::text = m.group_id desc, ${by[query.sort]}, lower(m.name), m.name, m.id`;
}

/** The view's conditions, on the viewer's tree: every filter narrows it, none reaches past it. */
function conditions(query: TeamQuery): SQL {
  const where: SQL[] = [];
  if (query.q) where.push(sql`p.name ilike ${containing(query.q)}`);
  if (query.step) where.push(query.step === NOT_PLACED ? sql`p.step_key is null` : sql`p.step_key = ${query.step}`);
  if (query.overdue) where.push(sql`p.overdue`);
  // With no cycle open there is no review status to filter by: the filter is left out, not made to match nobody.
  if (query.status) where.push(sql`(${openCycleId} is null or p.status = ${query.status})`);
  if (query.group) where.push(sql`p.group_id = ${query.group}`);
  return where.length > 0 ? sql`where ${sql.join(where, sql` and `)}` : sql``;
}

/** The statement of one page of the team overview (see getTeamPage). */
export function teamPageStatement(viewer: Viewer, query: TeamQuery, day: string): SQL {
  const size = TEAM_PAGE_SIZE;
  const byStatus = query.status !== null;
  const byEvidence = query.sort === "evidence";
  const byGap = query.sort === "gap";
  const statusOf = (person: SQL) => reviewStateOf(viewer.id, { id: sql`${person}.id`, role: sql`${person}.role` });
  return sql`with recursive ${walk(viewer.id)},
        heads as (select distinct head_id from tree where depth > 1 and active),
        people as (
          select t.id, t.name, t.role, t.manager_id, t.manager_name, t.depth,
            case when t.depth > 1 or h.head_id is not null then t.head_id::text else ${DIRECT_GROUP} end as group_id,
            case when t.depth > 1 or h.head_id is not null then t.head_name else '' end as group_name,
            pl.step_key, pl.step_name, pl.step_position, pl.min_months, pl.max_months, pl.months,
            coalesce(pl.months > pl.max_months, false) as overdue
            ${byStatus ? sql`, ${statusOf(sql`t`)} as status` : sql``}
          from tree t
          left join heads h on h.head_id = t.id
          left join lateral (
            select s.key as step_key, s.name as step_name, s.position as step_position,
              s.timeframe_min_months as min_months, s.timeframe_max_months as max_months, ${monthsSince(day, sql`p.effective_on`)} as months
            from placements p join steps s on s.id = p.step_id
            where p.user_id = t.id
            order by p.effective_on desc, p.created_at desc
            limit 1
          ) pl on true
          where t.active
        ),
        matching as (
          select p.*
            ${byEvidence ? sql`, ${evidenceOf(sql`p.id`)} as evidence` : sql``}
            ${byGap ? sql`, g.gaps, g.distance` : sql``}
          from people p
          ${byGap ? sql`${latestReview(sql`p.id`)} ${gapOfLatestReview}` : sql``}
          ${conditions(query)}
        ),
        ranked as (
          select m.*, row_number() over (order by ${ordering(query)}) as rn, count(*) over (partition by m.group_id) as group_total
          from matching m
        ),
        bounds as (
          select count(*)::int as shown, greatest(1, (count(*)::int + ${size - 1}::int) / ${size}::int) as pages from matching
        ),
        shown_page as (
          select shown, pages, least(${Math.min(query.page, 2 ** 31 - 1)}::int, pages) as page from bounds
        ),
        page_rows as (
          select o.rn, o.id, o.name, o.manager_id, o.manager_name, o.depth, o.group_id, o.group_name, o.group_total,
            o.step_key, o.step_name, o.step_position, o.min_months, o.max_months, o.months,
            ${byEvidence ? sql`o.evidence` : evidenceOf(sql`o.id`)} as evidence,
            ${byStatus ? sql`o.status` : statusOf(sql`o`)} as status,
            lc.cycle_name, coalesce(sa.version_id, ma.version_id) as version_id, sa.id is not null as has_self, ma.id is not null as has_manager,
            (select json_agg(json_build_object('kind', pa.kind, 'dimensionId', pr.dimension_id, 'stepId', pr.step_id))
              from assessments pa join ratings pr on pr.assessment_id = pa.id where pa.id in (sa.id, ma.id)) as picks
          from ranked o
          join shown_page sp on o.rn > (sp.page - 1) * ${size}::int and o.rn <= sp.page * ${size}::int
          ${latestReview(sql`o.id`)}
        )
        select
          (select count(*)::int from people) as size,
          (select count(*)::int from people where overdue) as overdue,
          (select coalesce(json_agg(json_build_object('key', s.step_key, 'name', s.step_name) order by s.step_position, s.step_name, s.step_key), '[]'::json)
            from (select distinct on (step_key) step_key, step_name, step_position from people where step_key is not null order by step_key, step_position, step_name) s) as steps,
          (select coalesce(json_agg(json_build_object('id', gr.group_id, 'name', gr.group_name) order by gr.group_id <> ${DIRECT_GROUP}, lower(gr.group_name), gr.group_id), '[]'::json)
            from (select distinct group_id, group_name from people) gr) as groups,
          sp.shown, sp.page, sp.pages,
          c.id as "cycleId", c.name as "cycleName",
          (select coalesce(json_agg(json_build_object(
              'id', r.id, 'name', r.name, 'managerId', r.manager_id, 'managerName', r.manager_name, 'depth', r.depth,
              'groupId', r.group_id, 'groupName', r.group_name, 'groupTotal', r.group_total,
              'stepKey', r.step_key, 'stepName', r.step_name, 'stepPosition', r.step_position,
              'minMonths', r.min_months, 'maxMonths', r.max_months, 'months', r.months,
              'evidence', r.evidence, 'status', r.status, 'cycleName', r.cycle_name, 'versionId', r.version_id,
              'hasSelf', r.has_self, 'hasManager', r.has_manager, 'picks', r.picks
            ) order by r.rn), '[]'::json) from page_rows r) as rows,
          (select coalesce(json_agg(json_build_object(
              'id', v.id,
              'dimensions', (select coalesce(json_agg(json_build_object('id', d.id, 'name', d.name) order by d.position), '[]'::json) from dimensions d where d.version_id = v.id),
              'steps', (select coalesce(json_agg(json_build_object('id', s.id, 'name', s.name)), '[]'::json) from steps s where s.version_id = v.id),
              'transitions', (select coalesce(json_agg(json_build_object('fromStepId', tr.from_step_id, 'toStepId', tr.to_step_id)), '[]'::json) from transitions tr where tr.version_id = v.id)
            )), '[]'::json) from framework_versions v where v.id in (select version_id from page_rows)) as frameworks
        from shown_page sp
        left join review_cycles c on c.status = 'open'`;
}

/**
 * One page of the team overview: everyone below the viewer, filtered, sorted within their groups
 * and cut to a page, all in one statement whatever the size of the tree. The same row carries what
 * the page says of the whole tree (how many people, how many overdue, the steps and groups to
 * filter by), the open cycle, and the frameworks the page's picks were made on. Evidence counts,
 * review status and gaps are read for the page's people only, unless the view filters or sorts
 * by them.
 */
export async function getTeamPage(viewer: Viewer, query: TeamQuery, opts: { today?: Date } = {}): Promise<TeamPage> {
  assertCanSeeTeam(viewer);
  const day = isoDate(opts.today ?? new Date());
  const { db } = await getDatabase();
  const [row] = await queryRows<PageStatement>(db, teamPageStatement(viewer, query, day));
  const frameworks = new Map(row!.frameworks.map((f) => [f.id, f]));
  const cycle = row!.cycleId ? { id: row!.cycleId, name: row!.cycleName! } : null;
  return {
    cycle,
    size: row!.size,
    overdue: row!.overdue,
    steps: row!.steps,
    groups: row!.groups.map((g) => ({ id: g.id, title: groupTitle({ id: g.id, headName: g.name }) })),
    shown: row!.shown,
    page: row!.page,
    pages: row!.pages,
    onPage: groupPage(
      row!.rows,
      (r) => ({ id: r.groupId, headName: r.groupName, total: r.groupTotal }),
      (r): TeamMember => ({
        id: r.id,
        name: r.name,
        manager: { id: r.managerId, name: r.managerName },
        depth: r.depth,
        step: r.stepKey ? { key: r.stepKey, name: r.stepName!, position: r.stepPosition! } : null,
        time: r.stepKey && r.months !== null ? timeAtStep(r.months, { timeframeMinMonths: r.minMonths, timeframeMaxMonths: r.maxMonths }) : null,
        review: reviewPicks(r, frameworks),
        evidenceCount: r.evidence,
        status: cycle ? r.status : null,
      }),
    ),
  };
}

/** Both sides' picks of the latest review, per dimension of the version they were made on (the self-assessment's, when there is one). */
function reviewPicks(r: PageRow, frameworks: Map<string, GapFramework>): TeamMember["review"] {
  const framework = r.versionId ? frameworks.get(r.versionId) : undefined;
  if (!r.cycleName || !framework) return null;
  const side = (kind: "self" | "manager") => (r.picks ?? []).filter((p) => p.kind === kind).map((p) => ({ dimensionId: p.dimensionId, stepId: p.stepId }));
  const report = computeGaps(framework, side("self"), side("manager"));
  return {
    cycleName: r.cycleName,
    picks: report.dimensions.map((d) => ({ dimension: d.dimension.name, self: d.self?.name ?? null, manager: d.manager?.name ?? null, comparison: d.comparison })),
    gapCount: r.hasSelf && r.hasManager ? report.gapCount : null,
  };
}

export type Bounded<T> = { items: T[]; total: number };

export type ManagerHome = {
  cycle: { id: string; name: string } | null;
  /** How many people report to the viewer, directly and in all. */
  directReports: number;
  reports: number;
  /** Direct reports' self-assessments submitted in the open cycle that the viewer has not assessed yet. */
  toAssess: Bounded<{ person: { id: string; name: string }; submittedAt: Date; draftStarted: boolean }>;
  /** The viewer's own drafts in the open cycle: their self-assessment and the manager assessments they are writing. */
  drafts: Bounded<{ id: string; kind: "self" | "manager"; person: { id: string; name: string }; cycleId: string; updatedAt: Date }>;
  /** Promotion cases the viewer created that are still drafts. */
  cases: Bounded<{ id: string; person: { id: string; name: string }; fromStep: string; toStep: string; updatedAt: Date }>;
  /** Calibration sessions the viewer sits in that are not closed, soonest first. */
  calibrations: Bounded<{ id: string; name: string; heldOn: string; status: "preparing" | "in_session" | "closed" }>;
  /** People in the viewer's tree past the longest expected time at their step, furthest past first. */
  overdue: Bounded<{ person: { id: string; name: string }; step: string; time: TimeAtStep; /** Months beyond the step's longest expected time. */ monthsPast: number }>;
};

const total = sql<number>`(count(*) over ())::int`;

function bounded<R extends { total: number }, T>(rows: R[], map: (row: R) => T): Bounded<T> {
  return { items: rows.map(map), total: rows[0]?.total ?? 0 };
}

/** What waits for a manager or admin: reviews to write, drafts to finish, cases, calibrations and overdue reports. */
export async function getManagerHome(viewer: Viewer, opts: { today?: Date } = {}): Promise<ManagerHome> {
  assertCanSeeTeam(viewer);
  const today = opts.today ?? new Date();
  const { db } = await getDatabase();
  const [cycle, counts, drafts, cases, calibrations, overdue] = await Promise.all([
    openCycle(db),
    reportingTreeCounts(db, viewer.id),
    ownDrafts(db, viewer),
    draftCases(db, viewer),
    openCalibrations(db, viewer),
    overdueReports(db, viewer, today),
  ]);
  const toAssess = cycle ? await selfAssessmentsToAssess(db, viewer, cycle.id) : { items: [], total: 0 };
  return { cycle, directReports: counts.direct, reports: counts.all, toAssess, drafts, cases, calibrations, overdue };
}

/**
 * The active people below the viewer past their step's longest expected time, furthest past first,
 * and how many there are: picked in the query from the whole tree, whatever its size. Whole months
 * at the step are counted as the rest of Waymark counts them (a month counts once its day is reached).
 */
async function overdueReports(db: Db, viewer: Viewer, today: Date): Promise<ManagerHome["overdue"]> {
  const day = isoDate(today);
  const rows = await queryRows<{ id: string; name: string; stepName: string; min: number | null; max: number; months: number; total: number }>(
    db,
    sql`with latest as (
          select distinct on (p.user_id) p.user_id, p.effective_on, s.name as step_name, s.timeframe_min_months, s.timeframe_max_months
          from placements p join steps s on s.id = p.step_id
          where p.user_id in (${reportingTreeQuery(viewer.id)})
          order by p.user_id, p.effective_on desc, p.created_at desc
        ), timed as (
          select l.*, ${monthsSince(day, sql`l.effective_on`)} as months
          from latest l
          where l.timeframe_max_months is not null
        )
        select u.id, u.name, t.step_name as "stepName", t.timeframe_min_months as "min", t.timeframe_max_months as "max", t.months, (count(*) over ())::int as total
        from timed t join users u on u.id = t.user_id and u.active
        where t.months > t.timeframe_max_months
        order by t.months - t.timeframe_max_months desc, u.name, u.id
        limit ${WAITING_LIMIT}`,
  );
  return bounded(rows, (r) => ({
    person: { id: r.id, name: r.name },
    step: r.stepName,
    time: timeAtStep(r.months, { timeframeMinMonths: r.min, timeframeMaxMonths: r.max }),
    monthsPast: r.months - r.max,
  }));
}

async function selfAssessmentsToAssess(db: Db, viewer: Viewer, cycleId: string): Promise<ManagerHome["toAssess"]> {
  const manager = alias(assessments, "manager_assessment");
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      submittedAt: assessments.submittedAt,
      draftStarted: sql<boolean>`coalesce(${manager.authorId} = ${viewer.id}, false)`,
      total,
    })
    .from(assessments)
    .innerJoin(users, eq(users.id, assessments.subjectId))
    .leftJoin(manager, and(eq(manager.kind, "manager"), eq(manager.subjectId, assessments.subjectId), eq(manager.cycleId, assessments.cycleId)))
    .where(
      and(
        eq(assessments.cycleId, cycleId),
        eq(assessments.kind, "self"),
        eq(assessments.status, "submitted"),
        eq(users.managerId, viewer.id),
        eq(users.active, true),
        or(isNull(manager.id), eq(manager.status, "draft")),
      ),
    )
    .orderBy(asc(assessments.submittedAt), asc(users.name))
    .limit(WAITING_LIMIT);
  return bounded(rows, (r) => ({ person: { id: r.id, name: r.name }, submittedAt: r.submittedAt!, draftStarted: r.draftStarted }));
}

async function ownDrafts(db: Db, viewer: Viewer): Promise<ManagerHome["drafts"]> {
  const rows = await db
    .select({
      id: assessments.id,
      kind: assessments.kind,
      personId: users.id,
      personName: users.name,
      cycleId: assessments.cycleId,
      updatedAt: assessments.updatedAt,
      total,
    })
    .from(assessments)
    .innerJoin(users, eq(users.id, assessments.subjectId))
    .innerJoin(reviewCycles, eq(reviewCycles.id, assessments.cycleId))
    .where(
      and(
        eq(assessments.authorId, viewer.id),
        eq(assessments.status, "draft"),
        // Drafts left in a closed cycle can no longer be finished; a manager draft only while the person still reports to the viewer.
        eq(reviewCycles.status, "open"),
        or(eq(assessments.kind, "self"), and(eq(users.managerId, viewer.id), eq(users.active, true))),
      ),
    )
    .orderBy(desc(assessments.updatedAt))
    .limit(WAITING_LIMIT);
  return bounded(rows, (r) => ({ id: r.id, kind: r.kind, person: { id: r.personId, name: r.personName }, cycleId: r.cycleId, updatedAt: r.updatedAt }));
}

async function draftCases(db: Db, viewer: Viewer): Promise<ManagerHome["cases"]> {
  const fromSteps = alias(steps, "from_steps");
  const toSteps = alias(steps, "to_steps");
  // A case is read by its subject's manager chain: one the viewer wrote about someone who has left their tree is no longer theirs to finish.
  const scope = canManagePeople(viewer) ? undefined : inReportingTree(promotionCases.subjectId, viewer.id);
  const rows = await db
    .select({
      id: promotionCases.id,
      personId: users.id,
      personName: users.name,
      fromStep: fromSteps.name,
      toStep: toSteps.name,
      updatedAt: promotionCases.updatedAt,
      total,
    })
    .from(promotionCases)
    .innerJoin(users, eq(users.id, promotionCases.subjectId))
    .innerJoin(fromSteps, eq(fromSteps.id, promotionCases.fromStepId))
    .innerJoin(toSteps, eq(toSteps.id, promotionCases.toStepId))
    .where(and(eq(promotionCases.createdById, viewer.id), eq(promotionCases.status, "draft"), scope))
    .orderBy(desc(promotionCases.updatedAt))
    .limit(WAITING_LIMIT);
  return bounded(rows, (r) => ({ id: r.id, person: { id: r.personId, name: r.personName }, fromStep: r.fromStep, toStep: r.toStep, updatedAt: r.updatedAt }));
}

async function openCalibrations(db: Db, viewer: Viewer): Promise<ManagerHome["calibrations"]> {
  const rows = await db
    .select({ id: calibrationSessions.id, name: calibrationSessions.name, heldOn: calibrationSessions.heldOn, status: calibrationSessions.status, total })
    .from(calibrators)
    .innerJoin(calibrationSessions, eq(calibrationSessions.id, calibrators.sessionId))
    .where(and(eq(calibrators.userId, viewer.id), ne(calibrationSessions.status, "closed")))
    .orderBy(asc(calibrationSessions.heldOn), asc(calibrationSessions.name))
    .limit(WAITING_LIMIT);
  return bounded(rows, (r) => ({ id: r.id, name: r.name, heldOn: r.heldOn, status: r.status }));
}
