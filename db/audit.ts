import type { Tx } from "./client";
import { auditEvents } from "./schema";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entityType: "user" | "team" | "framework_version" | "assessment" | "evidence" | "promotion_case" | "review_cycle" | "placement" | "calibration_session";
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
      before: e.before ?? null,
      after: e.after ?? null,
    })),
  );
}
