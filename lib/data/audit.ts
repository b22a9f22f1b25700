import "server-only";
import { and, asc, count, desc, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { alias } from "drizzle-orm/pg-core";
import { queryRows } from "@/db/client";
import { getDatabase } from "@/db/runtime";
import {
  assessments,
  auditEvents,
  calibrationSessions,
  dimensions,
  evidence,
  frameworks,
  frameworkVersions,
  promotionCases,
  reviewCycles,
  steps,
  teams,
  users,
} from "@/db/schema";
import { auditReferences, describeAuditEvent, emptyAuditNames, auditActionLabel, type AuditDescription, type AuditNames, type AuditRefs } from "@/lib/audit/describe";
import { AUDIT_PAGE_SIZE, cleanAuditFilter, type AuditFilter, type AuditSort } from "@/lib/audit/query";
import { canReadAuditLog, canReadCase, canReadPerson, type CaseStatus, type Viewer } from "@/lib/auth/policy";
import { parseIsoDate } from "@/lib/dates";
import { NotAllowedError } from "@/lib/errors";

export { AUDIT_PAGE_SIZE, type AuditFilter };

/** At most this many people match a search; the page asks for more letters beyond it. */
export const PERSON_MATCHES = 10;
/** Beyond this many events a page says "more than 10,000" rather than count them all. */
export const COUNT_LIMIT = 10_000;

export type AuditPerson = { id: string; name: string; email: string; active: boolean };

export type AuditEventView = {
  id: number;
  at: Date;
  actor: { id: string; name: string } | null;
  action: string;
  actionLabel: string;
  entityType: string;
  entityId: string;
  /** The person the event is about, or else the team, cycle or calibration it concerns. */
  entityName: string | null;
  subject: { id: string; name: string } | null;
  before: unknown;
  after: unknown;
  description: AuditDescription;
};

export type AuditPage = {
  events: AuditEventView[];
  /** The events that match, counted up to COUNT_LIMIT + 1 when the page is within the first COUNT_LIMIT. */
  total: number;
  /** Whether total is every matching event, or a lower bound ("more than 10,000"). */
  exact: boolean;
  page: number;
  /** Pages known to hold events: the last page when the count is exact. */
  pages: number;
  sort: AuditSort;
  /** The person the log is narrowed to, when it is narrowed to one (null if no one has that id). */
  person: AuditPerson | null;
  /** People whose name or email matched the search (the first PERSON_MATCHES), when there is one. */
  matches: AuditPerson[] | null;
  moreMatches: boolean;
};

const actors = alias(users, "actors");
const subjects = alias(users, "subjects");

/**
 * A page of the audit log, newest (or oldest) first, with every event in words. Whatever the size
 * of the log, a page costs the same statements: the people a search matches (when searching), the
 * count, the page's 50 events with their actor and subject, and one lookup of every other name
 * those 50 events mention. Each reads an index in the order it is wanted.
 */
export async function listAuditEvents(viewer: Viewer, input: AuditFilter): Promise<AuditPage> {
  if (!canReadAuditLog(viewer)) throw new NotAllowedError("Only admins can read the audit log.");
  const { filter } = cleanAuditFilter(input as Record<string, unknown>);
  const { db } = await getDatabase();

  let people: string[] | null = null;
  let matches: AuditPerson[] | null = null;
  let moreMatches = false;
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, "\\$&")}%`;
    const found = await db
      .select({ id: users.id, name: users.name, email: users.email, active: users.active })
      .from(users)
      .where(or(sql`${users.name} ilike ${pattern}`, sql`${users.email} ilike ${pattern}`))
      .orderBy(sql`lower(${users.email}) = lower(${filter.q}) desc`, asc(users.name), asc(users.id))
      .limit(PERSON_MATCHES + 1);
    moreMatches = found.length > PERSON_MATCHES;
    matches = found.slice(0, PERSON_MATCHES);
    people = matches.map((p) => p.id);
  } else if (filter.personId) {
    people = [filter.personId];
  }

  const conditions: SQL[] = [];
  if (people) conditions.push(people.length ? or(inArray(auditEvents.actorId, people), inArray(auditEvents.subjectId, people))! : sql`false`);
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  if (filter.entityType) conditions.push(eq(auditEvents.entityType, filter.entityType));
  if (filter.from) conditions.push(gte(auditEvents.at, parseIsoDate(filter.from)));
  if (filter.to) {
    const end = parseIsoDate(filter.to);
    end.setUTCDate(end.getUTCDate() + 1);
    conditions.push(lt(auditEvents.at, end));
  }
  const where = conditions.length ? and(...conditions) : undefined;

  // The log only grows: counting all of it on every view would cost more each month. The count
  // stops past COUNT_LIMIT ("more than 10,000"), unless the page asked for lies beyond it, when it
  // counts on (as far as that page's own offset would read anyway) to find the last page.
  const wanted = filter.page ?? 1;
  const bound = wanted * AUDIT_PAGE_SIZE <= COUNT_LIMIT ? COUNT_LIMIT + 1 : null;
  const matching = db.select({ one: sql`1` }).from(auditEvents).where(where);
  const [{ total }] = (await db.select({ total: count() }).from((bound ? matching.limit(bound) : matching).as("matching"))) as [{ total: number }];
  const exact = bound === null || total < bound;
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(wanted, pages);
  const sort = filter.sort ?? "newest";
  const order = sort === "oldest" ? [asc(auditEvents.at), asc(auditEvents.id)] : [desc(auditEvents.at), desc(auditEvents.id)];

  // The page's ids come off an index alone; only those 50 rows are read and joined to their people.
  const pageIds = db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(where)
    .orderBy(...order)
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .as("page_ids");
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      before: auditEvents.before,
      after: auditEvents.after,
      actorId: actors.id,
      actorName: actors.name,
      subjectId: subjects.id,
      subjectName: subjects.name,
    })
    .from(pageIds)
    .innerJoin(auditEvents, eq(auditEvents.id, pageIds.id))
    .leftJoin(actors, eq(actors.id, auditEvents.actorId))
    .leftJoin(subjects, eq(subjects.id, auditEvents.subjectId))
    .orderBy(...order);

  const refs = auditReferences(rows);
  if (filter.personId && !filter.q) refs.people.add(filter.personId);
  const { names, people: known } = await lookUpNames(viewer, refs);

  const person = filter.personId && !filter.q ? (known.get(filter.personId) ?? null) : null;
  return {
    total,
    exact,
    page,
    pages,
    sort,
    person,
    matches,
    moreMatches,
    events: rows.map((r) => {
      const subject = r.subjectId ? { id: r.subjectId, name: r.subjectName! } : null;
      return {
        id: r.id,
        at: r.at,
        actor: r.actorId ? { id: r.actorId, name: r.actorName! } : null,
        action: r.action,
        actionLabel: auditActionLabel(r.action),
        entityType: r.entityType,
        entityId: r.entityId,
        entityName: subject?.name ?? names.teams.get(r.entityId) ?? names.cycles.get(r.entityId) ?? names.sessions.get(r.entityId) ?? null,
        subject,
        before: r.before,
        after: r.after,
        description: describeAuditEvent({ ...r, subject }, names),
      };
    }),
  };
}

type NameRow = { kind: keyof AuditNames; id: string; label: string | null; a: string | null; b: string | null; c: string | null; num: number | null };

/** `column in (ids)`, or false for none: every branch of the lookup runs, so a page always costs one statement for it. */
function among(column: AnyPgColumn, ids: Set<string>): SQL {
  return ids.size ? inArray(column, [...ids]) : sql`false`;
}

/**
 * Every name a page of events mentions, in one statement of primary-key lookups, one branch per
 * kind of thing. What the viewer may not open (someone's evidence, a case) is named but not linked.
 */
async function lookUpNames(viewer: Viewer, refs: AuditRefs): Promise<{ names: AuditNames; people: Map<string, AuditPerson> }> {
  const { db } = await getDatabase();
  const rows = await queryRows<NameRow>(
    db,
    sql`select 'people' as kind, ${users.id}::text as id, ${users.name} as label, ${users.email} as a, ${users.active}::text as b, null::text as c, null::int as num
          from ${users} where ${among(users.id, refs.people)}
        union all select 'teams', ${teams.id}::text, ${teams.name}, null, null, null, null from ${teams} where ${among(teams.id, refs.teams)}
        union all select 'steps', ${steps.id}::text, ${steps.name}, null, null, null, null from ${steps} where ${among(steps.id, refs.steps)}
        union all select 'dimensions', ${dimensions.id}::text, ${dimensions.name}, null, null, null, null from ${dimensions} where ${among(dimensions.id, refs.dimensions)}
        union all select 'cycles', ${reviewCycles.id}::text, ${reviewCycles.name}, null, null, null, null from ${reviewCycles} where ${among(reviewCycles.id, refs.cycles)}
        union all select 'sessions', ${calibrationSessions.id}::text, ${calibrationSessions.name}, null, null, null, null
          from ${calibrationSessions} where ${among(calibrationSessions.id, refs.sessions)}
        union all select 'cases', ${promotionCases.id}::text, ${promotionCases.status}::text, ${promotionCases.subjectId}::text, ${promotionCases.createdById}::text,
            ${promotionCases.proposedById}::text, null
          from ${promotionCases} where ${among(promotionCases.id, refs.cases)}
        union all select 'evidence', ${evidence.id}::text, ${evidence.title}, ${evidence.ownerId}::text, null, null, null from ${evidence} where ${among(evidence.id, refs.evidence)}
        union all select 'assessments', ${assessments.id}::text, null, ${assessments.kind}::text, ${assessments.cycleId}::text, null, null
          from ${assessments} where ${among(assessments.id, refs.assessments)}
        union all select 'versions', ${frameworkVersions.id}::text, ${frameworks.name}, ${frameworks.key}, ${frameworkVersions.status}::text, null, ${frameworkVersions.number}
          from ${frameworkVersions} join ${frameworks} on ${frameworks.id} = ${frameworkVersions.frameworkId} where ${among(frameworkVersions.id, refs.versions)}
        union all select 'frameworks', ${frameworks.key}, ${frameworks.name}, null, null, null, null from ${frameworks} where ${among(frameworks.key, refs.frameworks)}`,
  );
  const names = emptyAuditNames();
  const people = new Map<string, AuditPerson>();
  const put = <K extends keyof AuditNames>(kind: K, id: string, value: AuditNames[K] extends ReadonlyMap<string, infer V> ? V : never) =>
    (names[kind] as Map<string, typeof value>).set(id, value);
  for (const r of rows) {
    switch (r.kind) {
      case "people":
        put("people", r.id, r.label!);
        people.set(r.id, { id: r.id, name: r.label!, email: r.a!, active: r.b === "true" });
        break;
      case "cases": {
        const access = { subjectId: r.a!, status: r.label as CaseStatus, createdById: r.b!, proposedById: r.c };
        if (canReadCase(viewer, access)) put("cases", r.id, true);
        break;
      }
      case "evidence":
        put("evidence", r.id, { title: r.label!, visible: canReadPerson(viewer, r.a!) });
        break;
      case "assessments":
        put("assessments", r.id, { kind: r.a!, cycleId: r.b! });
        break;
      case "versions":
        put("versions", r.id, { key: r.a!, name: r.label!, number: Number(r.num), status: r.b! });
        break;
      default:
        put(r.kind, r.id, r.label!);
    }
  }
  return { names, people };
}
