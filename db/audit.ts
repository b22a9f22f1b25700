import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "./client";
import { assessments, auditEvents, evidence, placements, promotionCases } from "./schema";

export type AuditEntityType =
  | "user"
  | "team"
  | "framework_version"
  | "assessment"
  | "evidence"
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
 * subject, an evidence item's owner). Evidence is changed by its owner alone, so a deleted item's
 * owner is the actor.
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
    default:
      return null;
  }
}
