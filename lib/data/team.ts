import "server-only";
import { and, asc, desc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { queryRows, type Db } from "@/db/client";
import { inReportingTree, reportingTree, reportingTreeCounts, reportingTreeQuery } from "@/db/people-store";
import { latestPlacements, type PlacedStep } from "@/db/placement-store";
import { getDatabase } from "@/db/runtime";
import {
  assessments,
  calibrationSessions,
  calibrators,
  dimensions,
  evidence,
  promotionCases,
  ratings,
  reviewCycles,
  steps,
  transitions,
  users,
} from "@/db/schema";
import { canManagePeople, canSeeTeam, type Viewer } from "@/lib/auth/policy";
import { computeGaps, gapSteps, type GapFramework } from "@/lib/assessments/gaps";
import { timeAtStep, type TimeAtStep } from "@/lib/career/where-now";
import { isoDate, parseIsoDate, wholeMonthsBetween } from "@/lib/dates";
import { NotAllowedError } from "@/lib/errors";
import type { ReviewState, TeamMember } from "@/lib/team/overview";

/**
 * A manager's view of their reporting tree: the team overview (/team) and what waits for them on
 * the home page. Managers and admins alike see their own tree here, never anyone else's (an admin
 * reads the whole organisation on the people list). Each read is a fixed number of set-based
 * queries, however many people the tree holds, and every list is bounded.
 */

/** The most people the team overview loads; a tree larger than this is cut, and says so. */
export const TEAM_LIMIT = 500;
/** The most items of each kind the home page lists; the count says how many there are in all. */
export const WAITING_LIMIT = 8;

export type TeamOverview = {
  cycle: { id: string; name: string } | null;
  members: TeamMember[];
  /** Whether the tree held more than TEAM_LIMIT people, so that some are left out. */
  truncated: boolean;
};

function assertCanSeeTeam(viewer: Viewer) {
  if (!canSeeTeam(viewer)) throw new NotAllowedError("Only managers and admins have a team overview.");
}

async function openCycle(db: Db): Promise<{ id: string; name: string } | null> {
  const [row] = await db.select({ id: reviewCycles.id, name: reviewCycles.name }).from(reviewCycles).where(eq(reviewCycles.status, "open")).limit(1);
  return row ?? null;
}

const timeAt = (placement: PlacedStep, today: Date): TimeAtStep => timeAtStep(wholeMonthsBetween(parseIsoDate(placement.effectiveOn), today), placement);

/** Everyone below the viewer in the reporting tree, with their step, review picks, evidence and review status. */
export async function getTeamOverview(viewer: Viewer, opts: { today?: Date } = {}): Promise<TeamOverview> {
  assertCanSeeTeam(viewer);
  const today = opts.today ?? new Date();
  const { db } = await getDatabase();
  const [tree, cycle] = await Promise.all([reportingTree(db, viewer.id, TEAM_LIMIT + 1), openCycle(db)]);
  const nodes = tree.slice(0, TEAM_LIMIT);
  if (nodes.length === 0) return { cycle, members: [], truncated: false };
  const ids = nodes.map((n) => n.id);
  const [placed, submitted, evidenceCounts, inCycle] = await Promise.all([
    latestPlacements(db, ids),
    latestSubmittedPicks(db, ids),
    countEvidence(db, ids),
    cycle ? cycleAssessments(db, cycle.id, ids) : Promise.resolve([]),
  ]);
  const frameworks = await gapFrameworks(db, [...new Set(submitted.map((r) => r.versionId))]);
  const managers = new Set(nodes.map((n) => n.managerId));
  // Rows grouped by person once, so building each member is a lookup rather than a scan of everyone's rows.
  const picksOf = groupBy(submitted, (r) => r.subjectId);
  const cycleRowsOf = groupBy(inCycle, (r) => r.subjectId);
  const members = nodes.map((node): TeamMember => {
    const placement = placed.get(node.id);
    return {
      id: node.id,
      name: node.name,
      manager: { id: node.managerId, name: node.managerName },
      headId: node.headId,
      depth: node.depth,
      hasReports: managers.has(node.id),
      step: placement ? { key: placement.stepKey, name: placement.stepName, position: placement.stepPosition } : null,
      time: placement ? timeAt(placement, today) : null,
      review: reviewPicks(picksOf.get(node.id) ?? [], frameworks),
      evidenceCount: evidenceCounts.get(node.id) ?? 0,
      status: cycle ? reviewState(cycleRowsOf.get(node.id) ?? [], viewer.id) : null,
    };
  });
  return { cycle, members, truncated: tree.length > TEAM_LIMIT };
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list) list.push(row);
    else out.set(key(row), [row]);
  }
  return out;
}

/** The picks of each person's latest submitted self- and manager assessment, one row per rating. */
async function latestSubmittedPicks(db: Db, ids: string[]) {
  const latest = db
    .selectDistinctOn([assessments.subjectId, assessments.kind], {
      id: assessments.id,
      subjectId: assessments.subjectId,
      kind: assessments.kind,
      versionId: assessments.versionId,
      cycleId: assessments.cycleId,
      cycleName: sql<string>`${reviewCycles.name}`.as("cycle_name"),
      cycleStartsOn: sql<string>`${reviewCycles.startsOn}`.as("cycle_starts_on"),
    })
    .from(assessments)
    .innerJoin(reviewCycles, eq(reviewCycles.id, assessments.cycleId))
    .where(and(eq(assessments.status, "submitted"), inArray(assessments.subjectId, ids)))
    .orderBy(assessments.subjectId, assessments.kind, desc(reviewCycles.startsOn), desc(assessments.submittedAt))
    .as("latest");
  return db
    .select({
      subjectId: latest.subjectId,
      kind: latest.kind,
      versionId: latest.versionId,
      cycleId: latest.cycleId,
      cycleName: latest.cycleName,
      cycleStartsOn: latest.cycleStartsOn,
      dimensionId: ratings.dimensionId,
      stepId: ratings.stepId,
    })
    .from(latest)
    .leftJoin(ratings, eq(ratings.assessmentId, latest.id));
}

type SubmittedPick = Awaited<ReturnType<typeof latestSubmittedPicks>>[number];

/** The dimensions, steps and transitions of the versions the picks were made on: three queries whatever their number. */
async function gapFrameworks(db: Db, versionIds: string[]): Promise<Map<string, GapFramework>> {
  const [dimensionRows, stepRows, transitionRows] = await Promise.all([
    db
      .select({ id: dimensions.id, versionId: dimensions.versionId, name: dimensions.name })
      .from(dimensions)
      .where(inArray(dimensions.versionId, versionIds))
      .orderBy(asc(dimensions.position)),
    db.select({ id: steps.id, versionId: steps.versionId, name: steps.name }).from(steps).where(inArray(steps.versionId, versionIds)),
    db
      .select({ versionId: transitions.versionId, fromStepId: transitions.fromStepId, toStepId: transitions.toStepId })
      .from(transitions)
      .where(inArray(transitions.versionId, versionIds)),
  ]);
  return new Map(
    versionIds.map((v) => [
      v,
      {
        dimensions: dimensionRows.filter((d) => d.versionId === v),
        steps: stepRows.filter((s) => s.versionId === v),
        transitions: transitionRows.filter((t) => t.versionId === v),
      },
    ]),
  );
}

/**
 * Both sides of the latest cycle in which anything about the person was submitted: the gap is only
 * worth showing between picks of one cycle, so an older manager assessment is not set against a
 * newer self-assessment.
 */
function reviewPicks(rows: SubmittedPick[], frameworks: Map<string, GapFramework>): TeamMember["review"] {
  const latest = rows.reduce<SubmittedPick | null>((a, r) => (!a || r.cycleStartsOn > a.cycleStartsOn ? r : a), null);
  if (!latest) return null;
  const inCycle = rows.filter((r) => r.cycleId === latest.cycleId);
  const side = (kind: "self" | "manager") => inCycle.filter((r) => r.kind === kind && r.dimensionId).map((r) => ({ dimensionId: r.dimensionId!, stepId: r.stepId }));
  const hasSide = (kind: "self" | "manager") => inCycle.some((r) => r.kind === kind);
  // Both sides of a cycle are made on one version; the self-assessment's, when there is one.
  const framework = frameworks.get((inCycle.find((r) => r.kind === "self") ?? latest).versionId);
  if (!framework) return null;
  const report = computeGaps(framework, side("self"), side("manager"));
  const both = hasSide("self") && hasSide("manager");
  return {
    cycleName: latest.cycleName,
    picks: report.dimensions.map((d) => ({ dimension: d.dimension.name, self: d.self?.name ?? null, manager: d.manager?.name ?? null, comparison: d.comparison })),
    gapCount: both ? report.gapCount : null,
    gapSteps: report.dimensions.reduce((n, d) => n + gapSteps(d.comparison), 0),
  };
}

async function countEvidence(db: Db, ids: string[]): Promise<Map<string, number>> {
  const rows = await db
    .select({ ownerId: evidence.ownerId, count: sql<number>`count(*)::int` })
    .from(evidence)
    .where(inArray(evidence.ownerId, ids))
    .groupBy(evidence.ownerId);
  return new Map(rows.map((r) => [r.ownerId, r.count]));
}

function cycleAssessments(db: Db, cycleId: string, ids: string[]) {
  return db
    .select({ subjectId: assessments.subjectId, kind: assessments.kind, status: assessments.status, authorId: assessments.authorId })
    .from(assessments)
    .where(and(eq(assessments.cycleId, cycleId), inArray(assessments.subjectId, ids)));
}

/**
 * A self-assessment counts once it is submitted (its draft is its author's alone, so whether one
 * was started is not told); a manager assessment draft counts for its author only.
 */
function reviewState(rows: { kind: "self" | "manager"; status: "draft" | "submitted"; authorId: string }[], viewerId: string): ReviewState {
  const self = rows.find((r) => r.kind === "self");
  const manager = rows.find((r) => r.kind === "manager");
  if (manager?.status === "submitted") return "assessed";
  if (manager?.status === "draft" && manager.authorId === viewerId) return "manager-draft";
  if (self?.status === "submitted") return "self-submitted";
  return "not-submitted";
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
          select l.*, (extract(year from age(${day}::date, l.effective_on)) * 12 + extract(month from age(${day}::date, l.effective_on)))::int as months
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
