import "server-only";
import { and, asc, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "@/db/audit";
import { queryRows, type Db, type Tx } from "@/db/client";
import { latestPlacement } from "@/db/placement-store";
import { reportingTreeQuery } from "@/db/people-store";
import { getDatabase } from "@/db/runtime";
import { calibrationSessions, calibrators, caseVotes, placements, promotionCases, reviewCycles, steps, users } from "@/db/schema";
import {
  canCalibrate,
  canDecideCase,
  canReadCase,
  canRunCalibration,
  canVoteOnCase,
  type CaseAccess,
  type Viewer,
} from "@/lib/auth/policy";
import { InvalidInputError, isUniqueViolation, NotAllowedError, NotFoundError } from "@/lib/errors";
import type { voteStances } from "@/lib/promotion/choices";
import { createSessionSchema, decideCaseSchema, sessionStepSchema, voteSchema } from "@/lib/promotion/schemas";
import { isUuid, parseInput, type FormFields } from "@/lib/validation";
import { selectCaseForUpdate, selectCases } from "./case-store";
import { toCaseViews, type CaseView } from "./cases";
import { lockForEdit } from "./revision";
import { resolveReports } from "./viewer";

/**
 * Calibration: one session per review cycle decides its proposed cases. Admins open, start, close
 * and publish it; the calibrators (admins and managers) pre-vote before it starts and decide while
 * it runs. Pre-votes stay private until the session starts, so that nobody anchors the room.
 */

export type SessionStatus = "preparing" | "in_session" | "closed";

export type SessionSummary = {
  id: string;
  name: string;
  heldOn: string;
  status: SessionStatus;
  publishedAt: Date | null;
  revision: number;
  cycle: { id: string; name: string };
  /** Cases in the session (not drafts or withdrawn); null for viewers who may not read them all. */
  cases: number | null;
};

/** A small aggregate is not shown, except to admins. */
export const SMALLEST_GROUP = 4;

const summaryColumns = {
  id: calibrationSessions.id,
  name: calibrationSessions.name,
  heldOn: calibrationSessions.heldOn,
  status: calibrationSessions.status,
  publishedAt: calibrationSessions.publishedAt,
  revision: calibrationSessions.revision,
  cycleId: reviewCycles.id,
  cycleName: reviewCycles.name,
  cases: sql<number>`(select count(*)::int from ${promotionCases} where ${promotionCases.reviewCycleId} = ${calibrationSessions.reviewCycleId} and ${promotionCases.status} not in ('draft', 'withdrawn'))`,
};

const toSummary = (r: { id: string; name: string; heldOn: string; status: SessionStatus; publishedAt: Date | null; revision: number; cycleId: string; cycleName: string; cases: number }): SessionSummary => ({
  id: r.id,
  name: r.name,
  heldOn: r.heldOn,
  status: r.status,
  publishedAt: r.publishedAt,
  revision: r.revision,
  cycle: { id: r.cycleId, name: r.cycleName },
  cases: r.cases,
});

/** Admins: every session. Managers: the sessions they sit in. Engineers: none. */
export async function listSessions(viewer: Viewer): Promise<SessionSummary[]> {
  if (!canCalibrate(viewer)) throw new NotAllowedError("Calibration is for managers and admins.");
  const { db } = await getDatabase();
  const mine = canRunCalibration(viewer)
    ? undefined
    : sql`exists (select 1 from ${calibrators} where ${calibrators.sessionId} = ${calibrationSessions.id} and ${calibrators.userId} = ${viewer.id})`;
  const rows = await db
    .select(summaryColumns)
    .from(calibrationSessions)
    .innerJoin(reviewCycles, eq(reviewCycles.id, calibrationSessions.reviewCycleId))
    .where(mine)
    .orderBy(desc(calibrationSessions.heldOn))
    .limit(50);
  // A manager's count would include cases of people they may not read: admins only.
  return rows.map((r) => ({ ...toSummary(r), cases: canRunCalibration(viewer) ? r.cases : null }));
}

/** What opening a session needs: the cycles with no session yet, and who may calibrate. */
export async function getSessionChoices(viewer: Viewer) {
  if (!canRunCalibration(viewer)) throw new NotAllowedError("Only admins open calibration sessions.");
  const { db } = await getDatabase();
  const [cycles, people] = await Promise.all([
    db
      .select({ id: reviewCycles.id, name: reviewCycles.name, status: reviewCycles.status })
      .from(reviewCycles)
      .leftJoin(calibrationSessions, eq(calibrationSessions.reviewCycleId, reviewCycles.id))
      .where(isNull(calibrationSessions.id))
      .orderBy(desc(reviewCycles.startsOn))
      .limit(20),
    db
      .select({ id: users.id, name: users.name, role: users.role })
      .from(users)
      .where(and(eq(users.active, true), inArray(users.role, ["admin", "manager"])))
      .orderBy(asc(users.name))
      .limit(300),
  ]);
  return { cycles, people };
}

export async function createSession(viewer: Viewer, raw: z.input<typeof createSessionSchema> | FormFields): Promise<{ id: string }> {
  if (!canRunCalibration(viewer)) throw new NotAllowedError("Only admins open calibration sessions.");
  const input = parseInput(createSessionSchema, raw);
  const { db } = await getDatabase();
  const create = db.transaction(async (tx) => {
    const [cycle] = await tx.select({ id: reviewCycles.id }).from(reviewCycles).where(eq(reviewCycles.id, input.reviewCycleId));
    if (!cycle) throw new InvalidInputError("Unknown cycle.", { reviewCycleId: ["Choose a review cycle from the list."] });
    // The admin who opens the session sits in it.
    const ids = [...new Set([viewer.id, ...input.calibratorIds])];
    const people = await tx
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(and(inArray(users.id, ids), eq(users.active, true)));
    if (people.length !== ids.length || !people.every(canCalibrate)) {
      throw new InvalidInputError("Not calibrators.", { calibratorIds: ["Calibrators are active managers and admins: pick them from the list."] });
    }
    const [row] = await tx
      .insert(calibrationSessions)
      .values({ reviewCycleId: input.reviewCycleId, name: input.name, heldOn: input.heldOn, createdById: viewer.id })
      .returning({ id: calibrationSessions.id });
    await tx.insert(calibrators).values(ids.map((userId) => ({ sessionId: row!.id, userId })));
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "calibration.create",
      entityType: "calibration_session",
      entityId: row!.id,
      after: { name: input.name, heldOn: input.heldOn, reviewCycleId: input.reviewCycleId, calibratorIds: ids },
    });
    return { id: row!.id };
  });
  return create.catch((err: unknown) => {
    if (isUniqueViolation(err)) throw new InvalidInputError("Taken.", { reviewCycleId: ["This review cycle already has its calibration session."] });
    throw err;
  });
}

type SessionHead = SessionSummary & { calibrators: { id: string; name: string; role: string }[]; isCalibrator: boolean };

async function loadSession(db: Db | Tx, viewer: Viewer, id: string): Promise<SessionHead> {
  if (!isUuid(id)) throw new NotFoundError("That calibration");
  // The session and its calibrators in one statement.
  const [row] = await db
    .select({
      ...summaryColumns,
      members: sql<SessionHead["calibrators"]>`coalesce((
        select json_agg(json_build_object('id', u.id, 'name', u.name, 'role', u.role) order by u.name, u.id)
        from ${calibrators} k join ${users} u on u.id = k.user_id
        where k.session_id = ${calibrationSessions.id}
      ), '[]')`,
    })
    .from(calibrationSessions)
    .innerJoin(reviewCycles, eq(reviewCycles.id, calibrationSessions.reviewCycleId))
    .where(eq(calibrationSessions.id, id));
  const members = row?.members ?? [];
  const isCalibrator = members.some((m) => m.id === viewer.id);
  if (!row || !(isCalibrator || canRunCalibration(viewer))) throw new NotFoundError("That calibration");
  return { ...toSummary(row), calibrators: members, isCalibrator };
}

export type Vote = { voter: { id: string; name: string }; stance: (typeof voteStances)[number]; note: string; updatedAt: Date };

export type BoardCase = CaseView & {
  votes: Vote[];
  myVote: Vote | null;
  can: CaseView["can"] & { vote: boolean; decide: boolean };
};

export type Reference = {
  stepId: string;
  /** People whose current step is this one; null when a small group of people the viewer may not read would show. */
  people: number | null;
  /** How many of them the viewer may not read (listed as "and N more"), or null when that group is small. */
  others: number | null;
  /** The readable ones by name (bounded); the others are counted only. */
  names: { id: string; name: string }[];
  /** Per dimension: how their latest manager assessments placed them, step by step; null when the group is too small to show. */
  placedAs: Map<string, { stepId: string; count: number }[]> | null;
};

export type Distribution = {
  versionId: string | null;
  /** Per team (null: no team) and step: people now. */
  now: { teamId: string | null; teamName: string | null; stepId: string; count: number }[];
  /** Proposed cases still open: each would move one person from one step to another. */
  moves: { caseId: string; teamId: string | null; fromStepId: string; toStepId: string }[];
  /** Whether groups under SMALLEST_GROUP are shown as they are (admins) or hidden. */
  showSmall: boolean;
};

export type Board = {
  session: SessionHead;
  cases: BoardCase[];
  /** Before filtering: the teams and target steps there are, for the filters. */
  teams: { id: string; name: string }[];
  targets: { id: string; name: string }[];
  totalCases: number;
  references: Reference[];
  distribution: Distribution;
};

export type BoardFilter = { team?: string; step?: string };

const caseAccess = (c: CaseView): CaseAccess => ({ subjectId: c.subject.id, status: c.status, createdById: c.createdById, proposedById: c.proposedById });

/**
 * Everything the session page shows, in a fixed number of statements whatever the number of cases:
 * the cases the viewer may read (admins: all), with their packets, votes, the reference placements
 * of the people already at each target step, and the distribution now and if every case passed.
 */
export async function getBoard(viewer: Viewer, id: string, filter: BoardFilter = {}, today = new Date()): Promise<Board> {
  const { db } = await getDatabase();
  const session = await loadSession(db, viewer, id);
  const inCycle = await selectCases(db, and(eq(promotionCases.reviewCycleId, session.cycle.id), inArray(promotionCases.status, ["proposed", "approved", "deferred", "declined"])), 1000);
  await resolveReports(viewer, db, inCycle.map((c) => c.subject.id));
  const rows = inCycle.filter((c) => canReadCase(viewer, { subjectId: c.subject.id, status: c.status, createdById: c.createdById, proposedById: c.proposedById }));

  const teams = new Map<string, string>();
  const targetIds = new Set<string>();
  for (const c of rows) {
    if (c.subject.team) teams.set(c.subject.team.id, c.subject.team.name);
    targetIds.add(c.toStepId);
  }
  const visible = rows.filter((c) => (!filter.team || c.subject.team?.id === filter.team) && (!filter.step || c.toStepId === filter.step));
  const [views, votes, targetNames, references, distribution] = await Promise.all([
    toCaseViews(viewer, db, visible, today),
    visible.length
      ? db
          .select({ caseId: caseVotes.caseId, voterId: users.id, voterName: users.name, stance: caseVotes.stance, note: caseVotes.note, updatedAt: caseVotes.updatedAt })
          .from(caseVotes)
          .innerJoin(users, eq(users.id, caseVotes.voterId))
          .where(inArray(caseVotes.caseId, visible.map((c) => c.id)))
          .orderBy(asc(users.name))
      : Promise.resolve([]),
    targetIds.size ? db.select({ id: steps.id, name: steps.name }).from(steps).where(inArray(steps.id, [...targetIds])) : Promise.resolve([]),
    loadReferences(db, viewer, [...targetIds]),
    loadDistribution(db, viewer, session.cycle.id, new Set(rows.map((c) => c.id))),
  ]);
  const open = session.status === "preparing";
  const cases = views.map((c): BoardCase => {
    const all = votes
      .filter((v) => v.caseId === c.id)
      .map((v): Vote => ({ voter: { id: v.voterId, name: v.voterName }, stance: v.stance, note: v.note, updatedAt: v.updatedAt }));
    const mine = all.find((v) => v.voter.id === viewer.id) ?? null;
    return {
      ...c,
      // Before the session starts, each calibrator sees their own vote only.
      votes: viewer.id === c.subject.id ? [] : open ? (mine ? [mine] : []) : all,
      myVote: mine,
      can: {
        ...c.can,
        vote: open && c.status === "proposed" && canVoteOnCase(viewer, caseAccess(c), session.isCalibrator),
        decide: session.status === "in_session" && c.status === "proposed" && canDecideCase(viewer, caseAccess(c), session.isCalibrator),
      },
    };
  });
  return {
    session,
    cases,
    teams: [...teams].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    targets: targetNames.sort((a, b) => a.name.localeCompare(b.name)),
    totalCases: rows.length,
    references,
    distribution,
  };
}

const NAMES_PER_STEP = 12;

/** The people already at each target step, and how their latest manager assessments placed them. */
async function loadReferences(db: Db | Tx, viewer: Viewer, stepIds: string[]): Promise<Reference[]> {
  if (stepIds.length === 0) return [];
  const current = sql`select distinct on (p.user_id) p.user_id, p.step_id
      from ${placements} p join ${users} u on u.id = p.user_id and u.active
      order by p.user_id, p.effective_on desc, p.created_at desc`;
  const idList = sql.join(
    stepIds.map((s) => sql`${s}::uuid`),
    sql`, `,
  );
  const readable = canRunCalibration(viewer) ? sql`true` : sql`c.user_id in (${reportingTreeQuery(viewer.id)})`;
  const latestManager = sql`select distinct on (a.subject_id) a.id, a.subject_id from assessments a
      where a.kind = 'manager' and a.status = 'submitted'
      order by a.subject_id, a.submitted_at desc`;
  // Who stands at each step and how they were placed, in one statement.
  const people = await queryRows<{
    step_id: string;
    people: number;
    unreadable: number;
    unreadable_assessed: number;
    names: { id: string; name: string }[];
    placed_as: { dimension_id: string; rated: string; n: number }[];
  }>(
    db,
    sql`with cur as (${current}), latest as (${latestManager}),
          at_step as (
            select c.step_id, u.id, u.name, (${readable}) as readable,
              exists (select 1 from latest l where l.subject_id = c.user_id) as assessed,
              row_number() over (partition by c.step_id, (${readable}) order by u.name) as rn
            from cur c join ${users} u on u.id = c.user_id
            where c.step_id in (${idList})
          ),
          placed as (
            select c.step_id, r.dimension_id, r.step_id as rated, count(*)::int as n
            from cur c join latest l on l.subject_id = c.user_id join ratings r on r.assessment_id = l.id
            where c.step_id in (${idList}) and r.step_id is not null
            group by c.step_id, r.dimension_id, r.step_id
          )
          select a.step_id, count(*)::int as people,
            (count(*) filter (where not a.readable))::int as unreadable,
            (count(*) filter (where not a.readable and a.assessed))::int as unreadable_assessed,
            coalesce(json_agg(json_build_object('id', a.id, 'name', a.name) order by a.name) filter (where a.readable and a.rn <= ${NAMES_PER_STEP}), '[]') as names,
            coalesce((
              select json_agg(json_build_object('dimension_id', p.dimension_id, 'rated', p.rated, 'n', p.n) order by p.dimension_id, p.rated)
              from placed p where p.step_id = a.step_id
            ), '[]') as placed_as
          from at_step a
          group by a.step_id`,
  );
  const admin = canRunCalibration(viewer);
  // A small group of people the viewer may not read is never shown as a number, nor as an
  // aggregate from which, less the viewer's own reports, their ratings could be read back.
  const small = (n: number) => n > 0 && n < SMALLEST_GROUP;
  return stepIds.map((stepId) => {
    const row = people.find((p) => p.step_id === stepId);
    const byDimension = new Map<string, { stepId: string; count: number }[]>();
    for (const r of row?.placed_as ?? []) {
      const list = byDimension.get(r.dimension_id) ?? [];
      list.push({ stepId: r.rated, count: r.n });
      byDimension.set(r.dimension_id, list);
    }
    const unreadable = row?.unreadable ?? 0;
    return {
      stepId,
      people: admin || !small(unreadable) ? (row?.people ?? 0) : null,
      others: admin || !small(unreadable) ? unreadable : null,
      names: (row?.names ?? []).filter(Boolean),
      placedAs: admin || !small(row?.unreadable_assessed ?? 0) ? byDimension : null,
    };
  });
}

/** People per team and step now (active people on their latest placement), and the moves proposed. */
async function loadDistribution(db: Db | Tx, viewer: Viewer, cycleId: string, readableCaseIds: ReadonlySet<string>): Promise<Distribution> {
  // The counts now and the proposed moves, in one statement.
  const [row] = await queryRows<{
    now: { team_id: string | null; team_name: string | null; step_id: string; version_id: string; n: number }[];
    moves: { caseId: string; teamId: string | null; fromStepId: string; toStepId: string }[];
  }>(
    db,
    sql`with cur as (
          select distinct on (p.user_id) p.user_id, p.step_id, p.version_id
          from ${placements} p join ${users} u on u.id = p.user_id and u.active
          order by p.user_id, p.effective_on desc, p.created_at desc
        ),
        counted as (
          select t.id as team_id, t.name as team_name, c.step_id, c.version_id, count(*)::int as n
          from cur c join ${users} u on u.id = c.user_id left join teams t on t.id = u.team_id
          group by t.id, t.name, c.step_id, c.version_id
        )
        select
          coalesce((select json_agg(counted) from counted), '[]') as now,
          coalesce((
            select json_agg(json_build_object('caseId', pc.id, 'teamId', u.team_id, 'fromStepId', pc.from_step_id, 'toStepId', pc.to_step_id))
            from ${promotionCases} pc join ${users} u on u.id = pc.subject_id
            where pc.review_cycle_id = ${cycleId} and pc.status = 'proposed'
          ), '[]') as moves`,
  );
  const now = row?.now ?? [];
  const moves = row?.moves ?? [];
  // The version most people stand on is the one the chart draws.
  const perVersion = new Map<string, number>();
  for (const r of now) perVersion.set(r.version_id, (perVersion.get(r.version_id) ?? 0) + r.n);
  const versionId = [...perVersion].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return {
    versionId,
    now: now.filter((r) => r.version_id === versionId).map((r) => ({ teamId: r.team_id, teamName: r.team_name, stepId: r.step_id, count: r.n })),
    // The projection counts only the cases the viewer may read (admins: all of them).
    moves: moves.filter((m) => canRunCalibration(viewer) || readableCaseIds.has(m.caseId)),
    showSmall: canRunCalibration(viewer),
  };
}

async function lockSession(tx: Tx, viewer: Viewer, input: { id: string; revision: number }) {
  return lockForEdit(tx, {
    table: calibrationSessions,
    id: input.id,
    revision: input.revision,
    what: "That calibration",
    load: async (id) =>
      (
        await tx
          .select({ id: calibrationSessions.id, revision: calibrationSessions.revision, status: calibrationSessions.status, publishedAt: calibrationSessions.publishedAt, reviewCycleId: calibrationSessions.reviewCycleId })
          .from(calibrationSessions)
          .where(eq(calibrationSessions.id, id))
          .for("update")
      )[0],
    authorize: () => {
      if (!canRunCalibration(viewer)) throw new NotAllowedError("Only admins run calibration sessions.");
    },
  });
}

/** Starting shows everyone's pre-votes and opens the decisions; proposed cases can no longer be withdrawn. */
export async function startSession(viewer: Viewer, raw: z.input<typeof sessionStepSchema> | FormFields): Promise<void> {
  const input = parseInput(sessionStepSchema, raw);
  const { db } = await getDatabase();
  await db.transaction(async (tx) => {
    const s = await lockSession(tx, viewer, input);
    if (s.status !== "preparing") throw new NotAllowedError("This session has already started.");
    await tx.update(calibrationSessions).set({ status: "in_session", startedAt: s.touchedAt }).where(eq(calibrationSessions.id, s.id));
    await recordAudit(tx, { actorId: viewer.id, action: "calibration.start", entityType: "calibration_session", entityId: s.id, before: { status: "preparing" }, after: { status: "in_session" } });
  });
}

/** Closing locks the session: every case must be decided first. */
export async function closeSession(viewer: Viewer, raw: z.input<typeof sessionStepSchema> | FormFields): Promise<void> {
  const input = parseInput(sessionStepSchema, raw);
  const { db } = await getDatabase();
  await db.transaction(async (tx) => {
    const s = await lockSession(tx, viewer, input);
    if (s.status !== "in_session") throw new NotAllowedError(s.status === "closed" ? "This session is already closed." : "Start the session before closing it.");
    const [{ open }] = (await tx
      .select({ open: count() })
      .from(promotionCases)
      .where(and(eq(promotionCases.reviewCycleId, s.reviewCycleId), eq(promotionCases.status, "proposed")))) as [{ open: number }];
    if (open > 0) throw new NotAllowedError(`${open === 1 ? "One case is" : `${open} cases are`} not decided yet: approve, defer or decline ${open === 1 ? "it" : "them"} first.`);
    await tx.update(calibrationSessions).set({ status: "closed", closedAt: s.touchedAt }).where(eq(calibrationSessions.id, s.id));
    await recordAudit(tx, { actorId: viewer.id, action: "calibration.close", entityType: "calibration_session", entityId: s.id, before: { status: "in_session" }, after: { status: "closed" } });
  });
}

/**
 * Publishing shows each engineer their outcome and rationale, and writes the placement of every
 * approved case (reason "promotion", on the date chosen at decision, linked to the case).
 */
export async function publishSession(viewer: Viewer, raw: z.input<typeof sessionStepSchema> | FormFields): Promise<{ placed: number }> {
  const input = parseInput(sessionStepSchema, raw);
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    const s = await lockSession(tx, viewer, input);
    if (s.status !== "closed") throw new NotAllowedError("Close the session before publishing its outcomes.");
    if (s.publishedAt) throw new NotAllowedError("These outcomes are already published.");
    const approved = await tx
      .select({
        id: promotionCases.id,
        subjectId: promotionCases.subjectId,
        versionId: promotionCases.versionId,
        toStepId: promotionCases.toStepId,
        effectiveOn: promotionCases.effectiveOn,
        decidedById: promotionCases.decidedById,
      })
      .from(promotionCases)
      .where(and(eq(promotionCases.reviewCycleId, s.reviewCycleId), eq(promotionCases.status, "approved")));
    // Each approval still starts from where its person stands, or publishing would write a step out of order.
    const stale = approved.length
      ? await queryRows<{ name: string }>(
          tx,
          sql`select u.name from ${promotionCases} pc join ${users} u on u.id = pc.subject_id
              where pc.id in (${sql.join(
                approved.map((a) => sql`${a.id}::uuid`),
                sql`, `,
              )})
              and (not u.active or pc.from_step_id is distinct from (
                select p.step_id from ${placements} p where p.user_id = pc.subject_id
                order by p.effective_on desc, p.created_at desc limit 1))
              order by u.name`,
        )
      : [];
    if (stale.length) {
      throw new NotAllowedError(
        `Nothing was published: ${stale.map((r) => r.name).join(", ")} ${stale.length === 1 ? "has" : "have"} been deactivated or placed elsewhere since the decision. Place them by hand, then publish.`,
      );
    }
    await tx.update(calibrationSessions).set({ publishedAt: s.touchedAt }).where(eq(calibrationSessions.id, s.id));
    const written = approved.length
      ? await tx
          .insert(placements)
          .values(
            approved.map((c) => ({
              userId: c.subjectId,
              versionId: c.versionId,
              stepId: c.toStepId,
              effectiveOn: c.effectiveOn!,
              reason: "promotion" as const,
              decidedById: c.decidedById,
              caseId: c.id,
            })),
          )
          .returning({ id: placements.id, caseId: placements.caseId, userId: placements.userId, stepId: placements.stepId, effectiveOn: placements.effectiveOn })
      : [];
    await recordAudit(
      tx,
      { actorId: viewer.id, action: "calibration.publish", entityType: "calibration_session", entityId: s.id, after: { publishedAt: s.touchedAt.toISOString(), approved: approved.length } },
      ...written.map((p) => ({
        actorId: viewer.id,
        action: "placement.promote",
        entityType: "placement" as const,
        entityId: p.id,
        after: { personId: p.userId, stepId: p.stepId, effectiveOn: p.effectiveOn, reason: "promotion", caseId: p.caseId },
      })),
    );
    return { placed: written.length };
  });
}

/**
 * Locks a case and its session for a calibrator's act. A decision is an edit of the case (its
 * revision is checked and raised); a vote is not, so it locks without touching the revision.
 */
async function lockBoardCase(tx: Tx, viewer: Viewer, caseId: string, revision: number | undefined) {
  const authorize = async (row: CaseAccess) => {
    if (!canReadCase(await resolveReports(viewer, tx, [row.subjectId]), row)) throw new NotFoundError("That case");
  };
  type Locked = NonNullable<Awaited<ReturnType<typeof selectCaseForUpdate>>>;
  let c: Locked;
  if (revision === undefined) {
    const row = isUuid(caseId) ? await selectCaseForUpdate(tx, caseId) : undefined;
    if (!row) throw new NotFoundError("That case");
    await authorize(row);
    c = row;
  } else {
    c = await lockForEdit<Locked>(tx, { table: promotionCases, id: caseId, revision, what: "That case", load: (id) => selectCaseForUpdate(tx, id), authorize });
  }
  const [session] = await tx
    .select({ id: calibrationSessions.id, status: calibrationSessions.status, isCalibrator: sql<boolean>`exists (select 1 from ${calibrators} where ${calibrators.sessionId} = ${calibrationSessions.id} and ${calibrators.userId} = ${viewer.id})` })
    .from(calibrationSessions)
    .where(eq(calibrationSessions.reviewCycleId, c.reviewCycleId))
    .for("update");
  return { c, session: session ?? null };
}

/** A calibrator's pre-vote on a proposed case, while the session prepares; voting again replaces it. */
export async function castVote(viewer: Viewer, raw: z.input<typeof voteSchema> | FormFields): Promise<void> {
  const input = parseInput(voteSchema, raw);
  const { db } = await getDatabase();
  await db.transaction(async (tx) => {
    const { c, session } = await lockBoardCase(tx, viewer, input.caseId, undefined);
    if (!session || !canVoteOnCase(viewer, c, session.isCalibrator)) throw new NotAllowedError("Only the calibrators of this case's session vote on it, and never on a case about themselves.");
    if (session.status !== "preparing") throw new NotAllowedError("The session has started: pre-votes are closed.");
    if (c.status !== "proposed") throw new NotAllowedError(`This case is ${c.status}: there is nothing to vote on.`);
    const now = new Date();
    const [before] = await tx.select({ stance: caseVotes.stance, note: caseVotes.note }).from(caseVotes).where(and(eq(caseVotes.caseId, c.id), eq(caseVotes.voterId, viewer.id)));
    await tx
      .insert(caseVotes)
      .values({ caseId: c.id, voterId: viewer.id, stance: input.stance, note: input.note, updatedAt: now })
      .onConflictDoUpdate({ target: [caseVotes.caseId, caseVotes.voterId], set: { stance: input.stance, note: input.note, updatedAt: now } });
    // The vote itself stays private until the session starts: the audit log says only that one was recorded.
    await recordAudit(tx, { actorId: viewer.id, action: before ? "case.vote.change" : "case.vote", entityType: "promotion_case", entityId: c.id, after: { sessionId: session.id } });
  });
}

/** Approve, defer or decline a proposed case while its session runs; a decided case is locked. */
export async function decideCase(viewer: Viewer, raw: z.input<typeof decideCaseSchema> | FormFields): Promise<void> {
  const input = parseInput(decideCaseSchema, raw);
  const { db } = await getDatabase();
  await db.transaction(async (tx) => {
    const { c, session } = await lockBoardCase(tx, viewer, input.id, input.revision);
    if (viewer.id === c.subjectId) throw new NotAllowedError("Nobody decides a case about themselves.");
    if (viewer.id === c.createdById || viewer.id === c.proposedById) throw new NotAllowedError("Nobody decides a case they opened or proposed.");
    if (!session || !canDecideCase(viewer, c, session.isCalibrator)) throw new NotAllowedError("Only the calibrators of this case's session decide it.");
    if (session.status !== "in_session") throw new NotAllowedError(session.status === "closed" ? "The session is closed: its decisions are locked." : "Decisions are made once the session has started.");
    if (c.status !== "proposed") throw new NotAllowedError(`This case is already ${c.status}: a decided case is locked.`);
    const effectiveOn = input.outcome === "approved" ? input.effectiveOn! : null;
    if (effectiveOn) {
      // An approval moves the person on from the step the case started at, after they reached it.
      const current = await latestPlacement(tx, c.subjectId);
      if (current?.stepId !== c.fromStepId) {
        throw new NotAllowedError("This person's step has changed since the case was opened: decline or defer it, and open a new case from their current step.");
      }
      if (effectiveOn <= current.effectiveOn) {
        throw new InvalidInputError("Too early.", { effectiveOn: [`Choose a date after ${current.effectiveOn}, when they reached ${current.stepName}.`] });
      }
    }
    await tx
      .update(promotionCases)
      .set({ status: input.outcome, decisionRationale: input.rationale, decidedById: viewer.id, decidedAt: new Date(), effectiveOn })
      .where(eq(promotionCases.id, c.id));
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "case.decide",
      entityType: "promotion_case",
      entityId: c.id,
      before: { status: "proposed", toStepId: c.toStepId },
      after: { status: input.outcome, rationale: input.rationale, effectiveOn },
    });
  });
}
