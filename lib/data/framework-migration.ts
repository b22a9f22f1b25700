import "server-only";
import crypto from "node:crypto";
import { and, asc, desc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "@/db/audit";
import { queryRows, type Db, type Tx } from "@/db/client";
import { getDatabase } from "@/db/runtime";
import { auditEvents, cells, dimensions, evidence, evidenceCells, frameworks, frameworkVersions, placements, promotionCases, steps, users } from "@/db/schema";
import { canManageFrameworks, type Viewer } from "@/lib/auth/policy";
import { isoDate } from "@/lib/dates";
import { ConflictError, InvalidInputError, NotAllowedError, NotFoundError } from "@/lib/errors";
import { defaultFromVersion, mappingProblems, suggestTargets, type Suggestion } from "@/lib/framework/migration";
import { placementNoteSchema } from "@/lib/placements/schemas";
import { parseInput } from "@/lib/validation";
import { lockOrganisation } from "./organisation-lock";

/**
 * Moving people to a new framework version. Once a version is published, an admin maps each step
 * of an older version to a step of the new one and moves everyone whose current placement is on
 * the older version, in one transaction: a placement with the reason "migration" each, and their
 * evidence linked to the new version's cells too. Assessments, cases, plans and the old evidence
 * links stay on the old version, which stays readable. Admins only; drafts are never moved from or to.
 *
 * Every statement here works on the whole set of people at once: the number of statements is the
 * same for two people as for two thousand.
 */

export type MigrationVersion = { number: number; status: "published" | "retired"; people: number };

export type MigrationPlan = {
  framework: { key: string; name: string };
  /** The latest published version: the only one people move to. */
  to: { number: number; publishedAt: Date | null };
  /** The older published and retired versions, newest first, with how many people are on each now. */
  versions: MigrationVersion[];
  /** The version people move from: the one asked for, or the one most people are on; null when nobody is on an older version. */
  from: MigrationVersion | null;
  /** Whether the version asked for could not be moved from, so the default stands in for it. */
  fellBack: boolean;
  /** The old version's steps in path order, with how many people are on each and the suggested new step. */
  oldSteps: { key: string; name: string; people: number; suggestion: Suggestion | null }[];
  newSteps: { key: string; name: string }[];
  /** The first people who would move, by name, and how many move in all. */
  movers: { total: number; sample: { id: string; name: string; stepKey: string }[] };
  /** Draft and proposed promotion cases of the movers made on the old version: they can no longer be approved once their subject moves. */
  openCases: number;
  /** Who is on the old version, as this preview saw it: applying insists on the same. */
  fingerprint: string;
};

export type MigrationResult = {
  framework: { key: string; name: string };
  from: number;
  to: number;
  moved: number;
  /** People whose step kept its key, and so their time at it. */
  keptTimeAtStep: number;
  evidenceLinks: number;
};

/** How many names a preview lists: enough to check, never the whole organisation. */
export const MOVERS_SAMPLE = 50;
const FRAMEWORK_KEY = /^[a-z][a-z0-9-]{0,47}$/;
const MAX_VERSION_NUMBER = 100_000;

function assertCanMigrate(viewer: Viewer) {
  if (!canManageFrameworks(viewer)) throw new NotAllowedError("Only admins can move people to a new framework version.");
}

// ── reading ─────────────────────────────────────────────────────────────────────────────────

/**
 * Each active person's current placement (the latest by effective date, then the latest recorded:
 * the rule of db/placement-store.ts) when it is on `versionId`. Deactivated people stay where they
 * were: should one come back, they show up to be moved then.
 */
const currentOn = (versionId: string): SQL => sql`
  select c.user_id, c.step_id, c.effective_on
  from (
    select distinct on (p.user_id) p.user_id, p.version_id, p.step_id, p.effective_on
    from ${placements} p
    order by p.user_id, p.effective_on desc, p.created_at desc
  ) c
  join ${users} u on u.id = c.user_id and u.active
  where c.version_id = ${versionId}::uuid`;

/** The framework and its published and retired versions, newest first; drafts are never moved from or to. */
async function loadFramework(db: Db | Tx, key: string, options: { lock?: boolean } = {}) {
  const query = db.select({ id: frameworks.id, key: frameworks.key, name: frameworks.name }).from(frameworks).where(eq(frameworks.key, key));
  // Imports into the framework wait for the move, so "the latest published version" holds while it runs.
  const [framework] = options.lock ? await query.for("update") : await query;
  if (!framework) return null;
  const versions = await db
    .select({ id: frameworkVersions.id, number: frameworkVersions.number, status: frameworkVersions.status, publishedAt: frameworkVersions.publishedAt })
    .from(frameworkVersions)
    .where(and(eq(frameworkVersions.frameworkId, framework.id), ne(frameworkVersions.status, "draft")))
    .orderBy(desc(frameworkVersions.number));
  return { framework, versions: versions as ((typeof versions)[number] & { status: "published" | "retired" })[] };
}

/** How many active people are on each version now. */
async function peoplePerVersion(db: Db | Tx, versionIds: string[]): Promise<Map<string, number>> {
  if (versionIds.length === 0) return new Map();
  const rows = await queryRows<{ version_id: string; n: number }>(
    db,
    sql`select c.version_id, count(*)::int as n
        from (
          select distinct on (p.user_id) p.user_id, p.version_id
          from ${placements} p
          order by p.user_id, p.effective_on desc, p.created_at desc
        ) c
        join ${users} u on u.id = c.user_id and u.active
        where c.version_id in (${sql.join(
          versionIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
        group by c.version_id`,
  );
  return new Map(rows.map((r) => [r.version_id, Number(r.n)]));
}

async function loadSteps(db: Db | Tx, fromId: string, toId: string) {
  const rows = await db
    .select({ id: steps.id, key: steps.key, name: steps.name, versionId: steps.versionId })
    .from(steps)
    .where(inArray(steps.versionId, [fromId, toId]))
    .orderBy(asc(steps.position));
  return { oldSteps: rows.filter((s) => s.versionId === fromId), newSteps: rows.filter((s) => s.versionId === toId) };
}

/**
 * How many people are on each step of the old version, and who they are as one token: their ids,
 * steps and dates, with the two versions. A preview and the move it leads to must see the same.
 */
async function whoIsOn(db: Db | Tx, fromId: string, toId: string): Promise<{ perStep: Map<string, number>; total: number; fingerprint: string }> {
  const rows = await queryRows<{ step_id: string; n: number; digest: string }>(
    db,
    sql`select m.step_id, count(*)::int as n,
          md5(string_agg(m.user_id::text || ':' || m.effective_on::text, ',' order by m.user_id)) as digest
        from (${currentOn(fromId)}) m
        group by m.step_id
        order by m.step_id`,
  );
  const fingerprint = crypto
    .createHash("sha256")
    .update(JSON.stringify([fromId, toId, rows.map((r) => [r.step_id, Number(r.n), r.digest])]))
    .digest("base64url")
    .slice(0, 32);
  return { perStep: new Map(rows.map((r) => [r.step_id, Number(r.n)])), total: rows.reduce((sum, r) => sum + Number(r.n), 0), fingerprint };
}

/** The versions a move may go from and to: the latest published one, and an older published or retired one. */
function pickVersions(loaded: NonNullable<Awaited<ReturnType<typeof loadFramework>>>) {
  const to = loaded.versions.find((v) => v.status === "published") ?? null;
  const older = to ? loaded.versions.filter((v) => v.number < to.number) : [];
  return { to, older };
}

/**
 * What a move would do, without doing it: the people on an older version of the framework (the
 * one asked for, or the one most people are on), its steps with how many people are on each and
 * the suggested new step (the same key, else the same name), the new version's steps, and the
 * first names of the people who would move. Admins only.
 */
export async function getMigrationPlan(viewer: Viewer, frameworkKey: string, options: { from?: number } = {}): Promise<MigrationPlan> {
  assertCanMigrate(viewer);
  const notFound = new NotFoundError("That framework");
  if (!FRAMEWORK_KEY.test(frameworkKey)) throw notFound;
  const { db } = await getDatabase();
  const loaded = await loadFramework(db, frameworkKey);
  if (!loaded) throw notFound;
  const { to, older } = pickVersions(loaded);
  if (!to) throw new NotFoundError("That framework", "This framework has no published version yet: publish one before moving people to it.");

  const counts = await peoplePerVersion(
    db,
    older.map((v) => v.id),
  );
  const versions = older.map((v) => ({ ...v, people: counts.get(v.id) ?? 0 }));
  const asked = options.from === undefined ? undefined : versions.find((v) => v.number === options.from);
  const from = asked ?? versions.find((v) => v.number === defaultFromVersion(versions, to.number)) ?? null;
  const plan: MigrationPlan = {
    framework: { key: loaded.framework.key, name: loaded.framework.name },
    to: { number: to.number, publishedAt: to.publishedAt },
    versions: versions.map(({ number, status, people }) => ({ number, status, people })),
    from: from && { number: from.number, status: from.status, people: from.people },
    fellBack: options.from !== undefined && !asked,
    oldSteps: [],
    newSteps: [],
    movers: { total: 0, sample: [] },
    openCases: 0,
    fingerprint: "",
  };
  if (!from) return plan;

  const [{ oldSteps, newSteps }, who, sample, [cases]] = await Promise.all([
    loadSteps(db, from.id, to.id),
    whoIsOn(db, from.id, to.id),
    queryRows<{ id: string; name: string; step_key: string }>(
      db,
      sql`select u.id, u.name, s.key as step_key
          from (${currentOn(from.id)}) m
          join ${users} u on u.id = m.user_id
          join ${steps} s on s.id = m.step_id
          order by u.name, u.id
          limit ${MOVERS_SAMPLE}`,
    ),
    queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${promotionCases} pc
          join (${currentOn(from.id)}) m on m.user_id = pc.subject_id
          where pc.version_id = ${from.id}::uuid and pc.status in ('draft', 'proposed')`,
    ),
  ]);
  const suggestions = suggestTargets(oldSteps, newSteps);
  return {
    ...plan,
    oldSteps: oldSteps.map((s) => ({ key: s.key, name: s.name, people: who.perStep.get(s.id) ?? 0, suggestion: suggestions.get(s.key) ?? null })),
    newSteps: newSteps.map((s) => ({ key: s.key, name: s.name })),
    movers: { total: who.total, sample: sample.map((r) => ({ id: r.id, name: r.name, stepKey: r.step_key })) },
    openCases: Number(cases?.n ?? 0),
    fingerprint: who.fingerprint,
  };
}

/**
 * For each framework with people on a version older than its latest published one: how many, and
 * that latest version's number. Admins only; everyone else gets nothing to do.
 */
export async function listPendingMoves(viewer: Viewer): Promise<Map<string, { people: number; to: number }>> {
  if (!canManageFrameworks(viewer)) return new Map();
  const { db } = await getDatabase();
  const rows = await queryRows<{ key: string; to_number: number; n: number }>(
    db,
    sql`select f.key, l.number as to_number, count(*)::int as n
        from (
          select distinct on (p.user_id) p.user_id, p.version_id
          from ${placements} p
          order by p.user_id, p.effective_on desc, p.created_at desc
        ) c
        join ${users} u on u.id = c.user_id and u.active
        join ${frameworkVersions} v on v.id = c.version_id
        join (
          select distinct on (fv.framework_id) fv.framework_id, fv.number
          from ${frameworkVersions} fv
          where fv.status = 'published'
          order by fv.framework_id, fv.number desc
        ) l on l.framework_id = v.framework_id and v.number < l.number
        join ${frameworks} f on f.id = v.framework_id
        group by f.key, l.number`,
  );
  return new Map(rows.map((r) => [r.key, { people: Number(r.n), to: Number(r.to_number) }]));
}

// ── moving ──────────────────────────────────────────────────────────────────────────────────

const versionNumber = z.coerce.number("Choose a version.").int("Choose a version.").min(1, "Choose a version.").max(MAX_VERSION_NUMBER, "Choose a version.");

export const applyMigrationSchema = z.object({
  frameworkKey: z.string().trim().max(100),
  from: versionNumber,
  to: versionNumber,
  /** Old step key → new step key; an empty value leaves the step unmapped. */
  mapping: z
    .record(z.string().max(100), z.string().trim().max(100))
    .refine((m) => Object.keys(m).length <= 500, "A framework version has far fewer steps."),
  note: placementNoteSchema,
  fingerprint: z.string().trim().max(200),
});

export type ApplyMigrationInput = z.input<typeof applyMigrationSchema>;

/**
 * Moves everyone whose current placement is on version `from` to the latest published version, in
 * one transaction, as the preview showed it (the fingerprint): refused as a conflict when who is on
 * the old version has changed since. Every old step with people must be mapped to a step of the
 * new version. Each person gets a placement with the reason "migration" and the note; their
 * evidence linked to cells of the old version is linked to the new version's cells with the same
 * step and dimension keys as well (the old links stay, so whatever was made on the old version
 * reads as it did). One audit event records the move, and one per placement, as for any placement.
 * A refusal changes nothing.
 */
export async function applyMigration(viewer: Viewer, raw: ApplyMigrationInput | Record<string, unknown>, today = new Date()): Promise<MigrationResult> {
  assertCanMigrate(viewer);
  const input = parseInput(applyMigrationSchema, raw);
  if (!FRAMEWORK_KEY.test(input.frameworkKey)) throw new NotFoundError("That framework");
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    await lockOrganisation(tx);
    const loaded = await loadFramework(tx, input.frameworkKey, { lock: true });
    if (!loaded) throw new NotFoundError("That framework");
    const { framework } = loaded;
    const { to } = pickVersions(loaded);
    const target = loaded.versions.find((v) => v.number === input.to);
    const source = loaded.versions.find((v) => v.number === input.from);
    if (!target || !source || !to) throw new NotFoundError("That version");
    if (target.id !== to.id) {
      throw new InvalidInputError(`People move to the latest published version of ${framework.name}, version ${to.number}; version ${target.number} is not. Nothing was changed.`);
    }
    if (source.number >= target.number) {
      throw new InvalidInputError(`Move people from a version older than version ${target.number}. Nothing was changed.`);
    }

    const [{ oldSteps, newSteps }, who] = await Promise.all([loadSteps(tx, source.id, target.id), whoIsOn(tx, source.id, target.id)]);
    if (who.fingerprint !== input.fingerprint) {
      throw new ConflictError(`Who is on version ${source.number} has changed since this preview. Reload to see who would move now; nothing was changed.`);
    }
    if (who.total === 0) throw new InvalidInputError(`Nobody is on version ${source.number} of ${framework.name} now: there is nobody to move.`);
    const withPeople = oldSteps.map((s) => ({ key: s.key, name: s.name, people: who.perStep.get(s.id) ?? 0 }));
    const problems = mappingProblems(withPeople, newSteps, input.mapping, target.number);
    if (Object.keys(problems).length > 0) throw new InvalidInputError("Check the highlighted steps.", problems);

    // Only the steps people are on move anyone; the rest of the mapping is left out.
    const mapping = Object.fromEntries(withPeople.filter((s) => s.people > 0).map((s) => [s.key, input.mapping[s.key]!]));
    const moving = sql`
      select m.user_id, m.effective_on as since, os.key as old_key, os.name as old_name, ns.id as new_step_id, ns.key as new_key, ns.name as new_name
      from (${currentOn(source.id)}) m
      join ${steps} os on os.id = m.step_id
      join jsonb_each_text(${JSON.stringify(mapping)}::jsonb) mp on mp.key = os.key
      join ${steps} ns on ns.version_id = ${target.id}::uuid and ns.key = mp.value`;

    // Evidence first, while the movers' current placements are still on the old version.
    const [carried] = await queryRows<{ n: number }>(
      tx,
      sql`with moving as (${moving}),
          carried as (
            insert into ${evidenceCells} (evidence_id, cell_id)
            select distinct ec.evidence_id, nc.id
            from moving
            join ${evidence} e on e.owner_id = moving.user_id
            join ${evidenceCells} ec on ec.evidence_id = e.id
            join ${cells} oc on oc.id = ec.cell_id and oc.version_id = ${source.id}::uuid
            join ${steps} os on os.id = oc.step_id
            join ${dimensions} od on od.id = oc.dimension_id
            join ${steps} ns on ns.version_id = ${target.id}::uuid and ns.key = os.key
            join ${dimensions} nd on nd.version_id = ${target.id}::uuid and nd.key = od.key
            join ${cells} nc on nc.step_id = ns.id and nc.dimension_id = nd.id
            on conflict do nothing
            returning 1
          )
          select count(*)::int as n from carried`,
    );

    // Time at step is read from the latest placement's date everywhere (where-now, My team, a
    // person's page, cases, calibration), so a step that carries over keeps the date the person
    // reached it: the new row is dated like their current one and, recorded later, becomes the
    // latest. A step that changes starts today (or on the current row's date, should that be
    // later), as a new step does.
    const [placed] = await queryRows<{ moved: number; kept: number }>(
      tx,
      sql`with moving as (${moving}),
          inserted as (
            insert into ${placements} (user_id, version_id, step_id, effective_on, reason, note, decided_by_id)
            select user_id, ${target.id}::uuid, new_step_id,
              case when old_key = new_key then since else greatest(since, ${isoDate(today)}::date) end,
              'migration'::placement_reason, ${input.note}::text, ${viewer.id}::uuid
            from moving
            returning id, user_id, effective_on
          ),
          audited as (
            insert into ${auditEvents} (actor_id, action, entity_type, entity_id, subject_id, before, after)
            select ${viewer.id}::uuid, 'placement.create', 'placement', i.id, i.user_id,
              jsonb_build_object('personId', m.user_id, 'step', m.old_name, 'stepKey', m.old_key, 'version', ${source.number}::int, 'effectiveOn', m.since),
              jsonb_build_object('personId', m.user_id, 'step', m.new_name, 'stepKey', m.new_key, 'version', ${target.number}::int,
                'effectiveOn', i.effective_on, 'reason', 'migration', 'note', ${input.note}::text, 'via', 'migration')
            from inserted i join moving m on m.user_id = i.user_id
            returning (before ->> 'stepKey') = (after ->> 'stepKey') as kept
          )
          select count(*)::int as moved, (count(*) filter (where kept))::int as kept from audited`,
    );
    const result: MigrationResult = {
      framework: { key: framework.key, name: framework.name },
      from: source.number,
      to: target.number,
      moved: Number(placed?.moved ?? 0),
      keptTimeAtStep: Number(placed?.kept ?? 0),
      evidenceLinks: Number(carried?.n ?? 0),
    };
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "framework.migrate",
      entityType: "framework_version",
      entityId: target.id,
      before: { framework: framework.key, version: source.number, people: who.total },
      after: {
        framework: framework.key,
        from: source.number,
        to: target.number,
        moved: result.moved,
        keptTimeAtStep: result.keptTimeAtStep,
        evidenceLinks: result.evidenceLinks,
        mapping,
        note: input.note,
        via: "app",
      },
    });
    return result;
  });
}
