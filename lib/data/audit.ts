import "server-only";
import { and, count, desc, eq, gte, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDatabase } from "@/db/runtime";
import { auditEvents, teams, users } from "@/db/schema";
import { canReadAuditLog, type Viewer } from "@/lib/auth/policy";
import { parseIsoDate } from "@/lib/dates";
import { NotAllowedError } from "@/lib/errors";

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilter = {
  /** Events done by this person or done to them (their record, their placements). */
  personId?: string;
  entityType?: string;
  /** Calendar dates, inclusive. */
  from?: string;
  to?: string;
  page?: number;
};

export type AuditEventView = {
  id: number;
  at: Date;
  actor: { id: string; name: string } | null;
  action: string;
  entityType: string;
  entityId: string;
  entityName: string | null;
  before: unknown;
  after: unknown;
};

const actors = alias(users, "actors");
const subjects = alias(users, "subjects");

export async function listAuditEvents(
  viewer: Viewer,
  filter: AuditFilter,
): Promise<{ events: AuditEventView[]; total: number; page: number; pages: number }> {
  if (!canReadAuditLog(viewer)) throw new NotAllowedError("Only admins can read the audit log.");
  const { db } = await getDatabase();
  const conditions: SQL[] = [];
  if (filter.personId) {
    conditions.push(
      or(
        eq(auditEvents.actorId, filter.personId),
        and(eq(auditEvents.entityType, "user"), eq(auditEvents.entityId, filter.personId)),
        and(eq(auditEvents.entityType, "placement"), sql`${auditEvents.after}->>'personId' = ${filter.personId}`),
      )!,
    );
  }
  if (filter.entityType) conditions.push(eq(auditEvents.entityType, filter.entityType));
  if (filter.from) conditions.push(gte(auditEvents.at, parseIsoDate(filter.from)));
  if (filter.to) {
    const end = parseIsoDate(filter.to);
    end.setUTCDate(end.getUTCDate() + 1);
    conditions.push(lt(auditEvents.at, end));
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [{ total }] = (await db.select({ total: count() }).from(auditEvents).where(where)) as [{ total: number }];
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page ?? 1), pages);
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorId: actors.id,
      actorName: actors.name,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      subjectName: subjects.name,
      teamName: teams.name,
      before: auditEvents.before,
      after: auditEvents.after,
    })
    .from(auditEvents)
    .leftJoin(actors, eq(actors.id, auditEvents.actorId))
    // A placement's event is about the person placed: it names them.
    .leftJoin(
      subjects,
      or(
        and(eq(auditEvents.entityType, "user"), eq(auditEvents.entityId, sql`${subjects.id}::text`)),
        and(eq(auditEvents.entityType, "placement"), sql`${auditEvents.after}->>'personId' = ${subjects.id}::text`),
      ),
    )
    .leftJoin(teams, and(eq(auditEvents.entityType, "team"), eq(auditEvents.entityId, sql`${teams.id}::text`)))
    .where(where)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE);
  return {
    total,
    page,
    pages,
    events: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actorId ? { id: r.actorId, name: r.actorName! } : null,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      entityName: r.subjectName ?? r.teamName,
      before: r.before,
      after: r.after,
    })),
  };
}

