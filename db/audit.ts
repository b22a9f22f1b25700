import { sql, type SQL } from "drizzle-orm";
import { jsonRecordset, type Tx } from "./client";
import {
  assessments,
  auditEvents,
  evidence,
  growthCheckIns,
  growthDirections,
  growthExperiments,
  growthMilestones,
  growthPlans,
  growthSkillInventories,
  placements,
  promotionCases,
} from "./schema";

export type AuditEntityType =
  | "user"
  | "team"
  | "framework_version"
  | "assessment"
  | "evidence"
  | "growth_plan"
  | "growth_milestone"
  | "growth_experiment"
  | "growth_check_in"
  | "skill_inventory"
  | "growth_direction"
  | "promotion_case"
  | "review_cycle"
  | "placement"
  | "calibration_session";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entityType: AuditEntityType;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/** Writes audit events inside the caller's transaction, so a change and its record land together. */
export async function recordAudit(tx: Tx, ...entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(auditEvents).values(
    entries.map((e) => ({
      actorId: e.actorId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      subjectId: subjectOf(e),
      before: e.before ?? null,
      after: e.after ?? null,
    })),
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function field(value: unknown, key: string): string | null {
  const v = value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  return typeof v === "string" && UUID.test(v) ? v : null;
}

/**
 * The person an event is about, read in the same statement as the insert: from the entry when it
 * says, else from the entity's own row (a placement's person, an assessment's subject, a case's
 * subject, the owner of an evidence item, a growth plan, its milestone, an experiment or a
 * check-in). Evidence and milestones are changed by their owner alone, so a deleted one's owner is
 * the actor.
 */
function subjectOf(e: AuditEntry): string | SQL | null {
  const id = e.entityId;
  switch (e.entityType) {
    case "user":
      return id;
    case "placement":
      return field(e.after, "personId") ?? field(e.before, "personId") ?? sql`(select ${placements.userId} from ${placements} where ${placements.id} = ${id})`;
    case "assessment":
      return field(e.after, "subjectId") ?? sql`(select ${assessments.subjectId} from ${assessments} where ${assessments.id} = ${id})`;
    case "promotion_case":
      return field(e.after, "subjectId") ?? field(e.before, "subjectId") ?? sql`(select ${promotionCases.subjectId} from ${promotionCases} where ${promotionCases.id} = ${id})`;
    case "evidence":
      return sql`coalesce((select ${evidence.ownerId} from ${evidence} where ${evidence.id} = ${id}), ${e.actorId}::uuid)`;
    case "growth_plan":
      return sql`(select ${growthPlans.ownerId} from ${growthPlans} where ${growthPlans.id} = ${id})`;
    case "growth_milestone":
      return sql`coalesce((select ${growthPlans.ownerId} from ${growthMilestones} join ${growthPlans} on ${growthPlans.id} = ${growthMilestones.planId} where ${growthMilestones.id} = ${id}), ${e.actorId}::uuid)`;
    case "growth_experiment":
      return sql`(select ${growthExperiments.ownerId} from ${growthExperiments} where ${growthExperiments.id} = ${id})`;
    case "growth_check_in":
      return sql`(select ${growthCheckIns.ownerId} from ${growthCheckIns} where ${growthCheckIns.id} = ${id})`;
    case "skill_inventory":
      return sql`(select ${growthSkillInventories.ownerId} from ${growthSkillInventories} where ${growthSkillInventories.id} = ${id})`;
    case "growth_direction":
      return sql`(select ${growthDirections.ownerId} from ${growthDirections} where ${growthDirections.id} = ${id})`;
    default:
      return null;
  }
}

/**
 * Many audit events whose subject the caller knows, in one statement with one parameter: the rows
 * travel as a JSON array and are read back with jsonb_to_recordset, so a thousand events cost what
 * a few do to send. For bulk changes (an import); `recordAudit` is the rule elsewhere.
 */
export async function recordAuditRows(tx: Tx, entries: (AuditEntry & { subjectId: string | null })[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((e) => ({
    actor_id: e.actorId,
    subject_id: e.subjectId,
    action: e.action,
    entity_type: e.entityType,
    entity_id: e.entityId,
    before: e.before ?? null,
    after: e.after ?? null,
  }));
  await tx.execute(sql`insert into audit_events (actor_id, subject_id, action, entity_type, entity_id, before, after)
    select r.actor_id, r.subject_id, r.action, r.entity_type, r.entity_id, r.before, r.after
    from ${jsonRecordset(rows, "actor_id uuid, subject_id uuid, action text, entity_type text, entity_id uuid, before jsonb, after jsonb")}`);
}
