import "server-only";
import { and, count, desc, eq, isNull, lt, sql } from "drizzle-orm";
import { recordAudit } from "@/db/audit";
import type { Tx } from "@/db/client";
import { getDatabase } from "@/db/runtime";
import { growthExperiments } from "@/db/schema";
import type { Viewer } from "@/lib/auth/policy";
import { isoDate } from "@/lib/dates";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import { experimentCloseSchema, experimentEditSchema, newExperimentSchema } from "@/lib/plan/experiment-schemas";
import { EXPERIMENTS_SHOWN, isOverdue } from "@/lib/plan/experiments";
import { parseInput } from "@/lib/validation";
import { lockForEdit } from "./revision";
import { mayReadPerson } from "./viewer";

/**
 * The experiment log of a growth plan: career moves tried for eight to twelve weeks, then closed
 * with what came of them. Read like the plan (the person, their manager chain, admins) and written
 * by its owner alone: a new experiment is always the viewer's, and an edit or a close of anyone
 * else's experiment is answered "not found", as if it were not there.
 */

export type ExperimentView = {
  id: string;
  hypothesis: string;
  startsOn: string;
  endsOn: string;
  actions: string;
  metrics: string;
  rollback: string;
  outcome: string;
  nextStep: string;
  closedAt: Date | null;
  revision: number;
  overdue: boolean;
};

export type ExperimentLog = {
  /** The newest EXPERIMENTS_SHOWN, by start date, newest first. */
  items: ExperimentView[];
  total: number;
  /** Open experiments past their end date, among all of them. */
  overdue: number;
  canEdit: boolean;
};

const CONFLICT = "This experiment was saved elsewhere (another tab?) since you opened it. Nothing was saved: reload to see the latest version, then make your change again.";
const WHAT = "That experiment";

const columns = {
  id: growthExperiments.id,
  hypothesis: growthExperiments.hypothesis,
  startsOn: growthExperiments.startsOn,
  endsOn: growthExperiments.endsOn,
  actions: growthExperiments.actions,
  metrics: growthExperiments.metrics,
  rollback: growthExperiments.rollback,
  outcome: growthExperiments.outcome,
  nextStep: growthExperiments.nextStep,
  closedAt: growthExperiments.closedAt,
  revision: growthExperiments.revision,
};

const overdueWhere = (ownerId: string, today: string) => and(eq(growthExperiments.ownerId, ownerId), isNull(growthExperiments.closedAt), lt(growthExperiments.endsOn, today));

/** A person's experiments, for whoever may read their plan; "not found" for anyone else. Two statements whatever the log's length. */
export async function listExperiments(viewer: Viewer, personId: string): Promise<ExperimentLog> {
  const { db } = await getDatabase();
  if (!(await mayReadPerson(viewer, db, personId))) throw new NotFoundError("That growth plan");
  const today = isoDate(new Date());
  const [rows, [totals]] = await Promise.all([
    db
      .select(columns)
      .from(growthExperiments)
      .where(eq(growthExperiments.ownerId, personId))
      .orderBy(desc(growthExperiments.startsOn), desc(growthExperiments.createdAt), desc(growthExperiments.id))
      .limit(EXPERIMENTS_SHOWN),
    db
      .select({ total: count(), overdue: sql<number>`count(*) filter (where ${growthExperiments.closedAt} is null and ${growthExperiments.endsOn} < ${today})`.mapWith(Number) })
      .from(growthExperiments)
      .where(eq(growthExperiments.ownerId, personId)),
  ]);
  return {
    items: rows.map((r) => ({ ...r, overdue: isOverdue(r, today) })),
    total: totals?.total ?? 0,
    overdue: totals?.overdue ?? 0,
    canEdit: viewer.id === personId,
  };
}

/** How many of the viewer's own experiments are open past their end date: for the home page's notice. */
export async function countOverdueExperiments(viewer: Viewer): Promise<number> {
  const { db } = await getDatabase();
  return db.$count(growthExperiments, overdueWhere(viewer.id, isoDate(new Date())));
}

/** What the audit log keeps of an experiment. */
const snapshot = (e: { hypothesis: string; startsOn: string; endsOn: string; actions: string; metrics: string; rollback: string }) => ({
  hypothesis: e.hypothesis,
  startsOn: e.startsOn,
  endsOn: e.endsOn,
  actions: e.actions,
  metrics: e.metrics,
  rollback: e.rollback,
});

/** Logs a new experiment on the viewer's own plan. Whatever ids come with the input are not read. */
export async function createExperiment(viewer: Viewer, raw: unknown): Promise<{ id: string }> {
  const input = parseInput(newExperimentSchema, raw);
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(growthExperiments)
      .values({ ownerId: viewer.id, ...input })
      .returning({ id: growthExperiments.id });
    await recordAudit(tx, { actorId: viewer.id, action: "plan.experiment.create", entityType: "growth_experiment", entityId: row!.id, after: snapshot(input) });
    return { id: row!.id };
  });
}

/** Locks one of the viewer's own open experiments for a change made on `revision`. */
async function lockOwnOpen(tx: Tx, viewer: Viewer, id: string, revision: number) {
  return lockForEdit(tx, {
    table: growthExperiments,
    id,
    revision,
    what: WHAT,
    conflict: CONFLICT,
    load: async (experimentId) => {
      const [row] = await tx.select({ ownerId: growthExperiments.ownerId, ...columns }).from(growthExperiments).where(eq(growthExperiments.id, experimentId)).for("update");
      return row;
    },
    authorize: (row) => {
      // Someone else's experiment is not there for the viewer, whoever they are.
      if (row.ownerId !== viewer.id) throw new NotFoundError(WHAT);
      if (row.closedAt) throw new InvalidInputError("This experiment is closed: it stays as it was closed. Log a new one to try again.", { form: ["This experiment is closed and can no longer change."] });
    },
  });
}

/** Changes one of the viewer's open experiments, on the revision the form was loaded on. */
export async function updateExperiment(viewer: Viewer, raw: unknown): Promise<{ revision: number }> {
  const input = parseInput(experimentEditSchema, raw);
  const { id, revision, ...fields } = input;
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    const locked = await lockOwnOpen(tx, viewer, id, revision);
    await tx.update(growthExperiments).set(fields).where(eq(growthExperiments.id, id));
    await recordAudit(tx, { actorId: viewer.id, action: "plan.experiment.update", entityType: "growth_experiment", entityId: id, before: snapshot(locked), after: snapshot(fields) });
    return { revision: locked.revision };
  });
}

/** Closes one of the viewer's open experiments with its outcome and next step. */
export async function closeExperiment(viewer: Viewer, raw: unknown): Promise<{ revision: number }> {
  const input = parseInput(experimentCloseSchema, raw);
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    const locked = await lockOwnOpen(tx, viewer, input.id, input.revision);
    await tx.update(growthExperiments).set({ outcome: input.outcome, nextStep: input.nextStep, closedAt: locked.touchedAt }).where(eq(growthExperiments.id, input.id));
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "plan.experiment.close",
      entityType: "growth_experiment",
      entityId: input.id,
      before: { hypothesis: locked.hypothesis, endsOn: locked.endsOn },
      after: { hypothesis: locked.hypothesis, endsOn: locked.endsOn, outcome: input.outcome, nextStep: input.nextStep },
    });
    return { revision: locked.revision };
  });
}
