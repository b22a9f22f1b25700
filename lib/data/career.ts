import "server-only";
import { loadFrameworkVersion, type FrameworkVersionView } from "@/db/framework-store";
import { getDatabase } from "@/db/runtime";
import { personWithPlacement } from "@/db/placement-store";
import type { Viewer } from "@/lib/auth/policy";
import { nextStepsWithChanges, timeAtStep, type NextStepView, type TimeAtStep } from "@/lib/career/where-now";
import { parseIsoDate, wholeMonthsBetween } from "@/lib/dates";
import { NotFoundError } from "@/lib/errors";
import { mayReadPerson } from "./viewer";

/** An engineer's place on the path: readable by the engineer, their manager chain and admins. */

export type WhereNow = {
  person: { id: string; name: string };
  framework: { name: string; versionNumber: number; versionStatus: "draft" | "published" | "retired" };
  step: FrameworkVersionView["steps"][number];
  since: string;
  reason: string;
  time: TimeAtStep;
  next: NextStepView[];
  version: FrameworkVersionView;
};

export async function getWhereNow(viewer: Viewer, personId: string, today = new Date()): Promise<WhereNow | null> {
  const { db } = await getDatabase();
  if (!(await mayReadPerson(viewer, db, personId))) throw new NotFoundError("That person");
  const found = await personWithPlacement(db, personId);
  if (!found) throw new NotFoundError("That person");
  const { placement, ...person } = found;
  if (!placement) return null;
  const version = await loadFrameworkVersion(db, placement.versionId);
  const step = version?.steps.find((s) => s.id === placement.stepId);
  if (!version || !step) return null;
  const months = wholeMonthsBetween(parseIsoDate(placement.effectiveOn), today);
  return {
    person,
    framework: { name: version.framework.name, versionNumber: version.version.number, versionStatus: version.version.status },
    step,
    since: placement.effectiveOn,
    reason: placement.reason,
    time: timeAtStep(months, step),
    next: nextStepsWithChanges(version, step.id),
    version,
  };
}
