// The benchmark's large organisation, made the same way on every run: a CSV of people loaded through
// the people import (the code behind /people/import), then evidence, assessments and audit history
// added with set-based inserts. `npm run bench -- --people N` runs it on the bench's own database:
//   node --conditions=react-server --import tsx scripts/bench-organisation.ts <data folder> <people>
// (with DATABASE_URL set, on that PostgreSQL database instead). It prints one JSON line: who to sign
// in as, and what was made.
import { sql } from "drizzle-orm";
import { queryRows, openDatabase, type DatabaseHandle, type Db } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { installDatabase } from "../db/runtime";
import { seedDatabase } from "../db/seed";
import { hashPassword } from "../lib/auth/password";
import { isoDate } from "../lib/dates";
import { applyPeopleImport, previewPeopleImport } from "../lib/data/people-csv";
import { loadViewer } from "../lib/data/viewer";

/** The domain of every generated person, so the inserts below can tell them from the demo's people. */
export const BENCH_DOMAIN = "bench.example.com";
/** The password of the generated people the benchmark signs in as. */
export const BENCH_PASSWORD = "bench-waymark";

const FIRST = [
  "Ada", "Alan", "Amara", "Anika", "Ben", "Bruno", "Camila", "Chen", "Chloe", "Dara", "David", "Elif", "Emeka", "Emma", "Farah", "Felix",
  "Gabriel", "Grace", "Hana", "Hugo", "Ibrahim", "Ingrid", "Isla", "Jamal", "Jin", "Julia", "Kai", "Keiko", "Kofi", "Lars", "Layla", "Leo",
  "Lucia", "Malik", "Maya", "Mateo", "Nadia", "Nia", "Niko", "Olga", "Omar", "Oscar", "Paolo", "Priti", "Quinn", "Rosa", "Rui", "Sana",
  "Sven", "Tariq", "Thea", "Uma", "Victor", "Wen", "Yara", "Yusuf", "Zara", "Zeynep",
];
const LAST = [
  "Abe", "Adeyemi", "Almeida", "Andersen", "Bauer", "Bianchi", "Brown", "Castro", "Costa", "Dubois", "Eriksson", "Fernandes", "Garcia", "Gupta",
  "Haddad", "Hansen", "Ito", "Jansen", "Kaur", "Kim", "Kowalski", "Larsen", "Lopez", "Mensah", "Meyer", "Moreau", "Nakamura", "Novak", "Nunes",
  "Ochieng", "Okoye", "Olsen", "Park", "Petrov", "Quinlan", "Rahman", "Rossi", "Sato", "Schmidt", "Silva", "Singh", "Tanaka", "Torres", "Usman",
  "Varga", "Wagner", "Walsh", "Wang", "Weber", "Yilmaz", "Zhang", "Zimmer",
];
const AREAS = [
  "Payments", "Search", "Identity", "Billing", "Mobile", "Data", "Infrastructure", "Growth", "Checkout", "Messaging", "Reliability", "Insights",
  "Onboarding", "Catalogue", "Pricing", "Security", "Developer Tools", "Notifications", "Storage", "Maps",
];
/** Steps of the default framework, weighted as a real organisation is: many early, few late. */
const STEP_WEIGHTS: [string, number][] = [
  ["software-engineer", 20],
  ["software-engineer-2", 25],
  ["software-engineer-3", 20],
  ["senior-engineer", 20],
  ["senior-engineer-2", 6],
  ["staff-engineer", 6],
  ["principal-engineer", 2.5],
  ["engineer-of-distinction", 0.5],
];

/** A small seeded generator (mulberry32): the same seed, the same organisation. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type BenchPerson = { email: string; name: string; role: "engineer" | "manager"; managerEmail: string; team: string; step: string };

/**
 * `count` people below `topEmail`: directors, each with managers of six to ten engineers. The first
 * director is the large one (44 managers, about 400 people below); the others have 20 managers.
 */
export function benchOrganisation(count: number, topEmail: string, seed = 2000): BenchPerson[] {
  const next = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const totalWeight = STEP_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  const step = () => {
    let r = next() * totalWeight;
    for (const [key, w] of STEP_WEIGHTS) if ((r -= w) < 0) return key;
    return STEP_WEIGHTS[0]![0];
  };
  const people: BenchPerson[] = [];
  const add = (role: BenchPerson["role"], managerEmail: string, team: string, stepKey: string) => {
    const first = pick(FIRST);
    const last = pick(LAST);
    const n = String(people.length + 1).padStart(4, "0");
    const person = { email: `${first}.${last}.${n}@${BENCH_DOMAIN}`.toLowerCase(), name: `${first} ${last}`, role, managerEmail, team, step: stepKey };
    people.push(person);
    return person;
  };
  let teams = 0;
  for (let d = 0; people.length < count; d++) {
    const director = add("manager", topEmail, "", "");
    for (let m = 0; m < (d === 0 ? 44 : 20) && people.length < count; m++) {
      const team = `${AREAS[teams % AREAS.length]} ${Math.floor(teams / AREAS.length) + 1}`;
      teams++;
      const manager = add("manager", director.email, team, "");
      const engineers = 6 + Math.floor(next() * 5);
      for (let e = 0; e < engineers && people.length < count; e++) add("engineer", manager.email, team, step());
    }
  }
  return people;
}

const cell = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

export function benchOrganisationCsv(people: BenchPerson[]): string {
  const lines = people.map((p) => [p.email, p.name, p.role, p.managerEmail, p.team, p.step].map(cell).join(","));
  return ["email,name,role,manager_email,team,step", ...lines].join("\n") + "\n";
}

export type BenchOrganisation = {
  people: number;
  imported: number;
  evidence: number;
  assessments: number;
  auditEvents: number;
  importMs: number;
  /** The import's two halves: the preview (parse and plan), then applying it (planned again, then written). */
  previewMs: number;
  applyMs: number;
  totalMs: number;
  /** The large director, a person two levels below them, and the engineer with the most evidence. */
  director: { email: string; below: number; deepReportId: string };
  heavyEngineer: { email: string; evidence: number };
};

/**
 * Makes the organisation `people` strong in a database that holds the seeded demo: the rest of the
 * people through the import as its admin (Alex), then 10 evidence items, one assessment and 12.5
 * audit events per person (20,000, 2,000 and 25,000 at 2,000 people; the import adds its own events).
 */
export async function loadBenchOrganisation(handle: DatabaseHandle, opts: { people: number; today?: Date }): Promise<BenchOrganisation> {
  const started = performance.now();
  const { db } = handle;
  const today = isoDate(opts.today ?? new Date());
  installDatabase(handle);
  const [admin] = await queryRows<{ id: string; email: string }>(db, sql`select id, email from users where role = 'admin' order by created_at limit 1`);
  const [{ existing }] = (await queryRows<{ existing: number }>(db, sql`select count(*)::int as existing from users`)) as [{ existing: number }];
  if (!admin) throw new Error("the database holds no admin to import as");
  const viewer = (await loadViewer(admin.id))!;
  const generated = benchOrganisation(Math.max(0, opts.people - existing), admin.email);
  const csv = benchOrganisationCsv(generated);

  const importStarted = performance.now();
  const preview = await previewPeopleImport(viewer, csv);
  const previewMs = performance.now() - importStarted;
  if (preview.errors.length > 0) throw new Error(`the generated file was refused: ${JSON.stringify(preview.errors.slice(0, 3))}`);
  await applyPeopleImport(viewer, csv, preview.fingerprint);
  const importMs = performance.now() - importStarted;
  const applyMs = importMs - previewMs;

  const evidenceCount = opts.people * 10;
  const assessmentCount = opts.people;
  const auditTarget = Math.round(opts.people * 12.5);
  await addWork(db, { today, evidence: evidenceCount, assessments: assessmentCount, auditTarget });

  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const director = generated.find((p) => p.managerEmail === admin.email)!;
  const [deep] = await queryRows<{ id: string; below: number }>(
    db,
    sql`with recursive tree(id, depth) as (
          select id, 1 from users where manager_id = (select id from users where email = ${director.email})
          union all select u.id, t.depth + 1 from users u join tree t on u.manager_id = t.id
        )
        select (select id from tree where depth = 2 order by id limit 1) as id, (select count(*)::int from tree) as below`,
  );
  const [heavy] = await queryRows<{ email: string; evidence: number }>(
    db,
    sql`select u.email, count(*)::int as evidence from evidence e join users u on u.id = e.owner_id
        group by u.email order by count(*) desc, u.email limit 1`,
  );
  await db.execute(sql`update users set password_hash = ${passwordHash} where email in (${director.email}, ${heavy!.email})`);

  const [counts] = await queryRows<{ people: number; evidence: number; assessments: number; audit: number }>(
    db,
    sql`select (select count(*)::int from users) as people, (select count(*)::int from evidence) as evidence,
          (select count(*)::int from assessments) as assessments, (select count(*)::int from audit_events) as audit`,
  );
  return {
    people: counts!.people,
    imported: generated.length,
    evidence: counts!.evidence,
    assessments: counts!.assessments,
    auditEvents: counts!.audit,
    importMs: Math.round(importMs),
    previewMs: Math.round(previewMs),
    applyMs: Math.round(applyMs),
    totalMs: Math.round(performance.now() - started),
    director: { email: director.email, below: deep!.below, deepReportId: deep!.id },
    heavyEngineer: heavy!,
  };
}

/**
 * Evidence, assessments and audit history for the generated engineers, in a handful of set-based
 * statements. Everything follows from the engineers' order by email, so every run makes the same.
 */
async function addWork(db: Db, opts: { today: string; evidence: number; assessments: number; auditTarget: number }) {
  const like = `%@${BENCH_DOMAIN}`;
  const [{ engineers }] = (await queryRows<{ engineers: number }>(
    db,
    sql`select count(*)::int as engineers from users where email like ${like} and role = 'engineer'`,
  )) as [{ engineers: number }];
  if (engineers === 0) return;
  const eng = sql`select id, manager_id, (row_number() over (order by email) - 1)::int as n from users where email like ${like} and role = 'engineer'`;
  // One engineer keeps 600 items (more than a page of evidence shows at once); the rest are spread evenly.
  const heavy = Math.min(600, Math.floor(opts.evidence / 10));
  const today = sql`${opts.today}::date`;

  await db.transaction(async (tx) => {
    // Time at step: the import places everyone today; spread the dates over the last three years.
    await tx.execute(sql`update placements p set effective_on = ${today} - ((e.n * 37) % 1100)
      from (${eng}) e where p.user_id = e.id`);

    await tx.execute(sql`with e as (${eng}),
        g as (select g, case when g < ${heavy} then 0 else (g - ${heavy}) % ${engineers} end as n from generate_series(0, ${opts.evidence - 1}) g)
      insert into evidence (owner_id, title, body, link, kind, occurred_on, created_at, updated_at)
      select e.id,
        (array['Design review of', 'Incident review:', 'Shipped', 'Mentored a colleague on', 'Talk on', 'Rebuilt', 'Migrated', 'Wrote the runbook for',
               'Led the rollout of', 'Cut the cost of'])[1 + g % 10] || ' ' ||
        (array['retries in payments', 'search ranking', 'the sign-in flow', 'invoice exports', 'the mobile release train', 'the data pipeline',
               'service discovery', 'the onboarding funnel', 'checkout latency', 'message delivery', 'the on-call rota', 'usage dashboards',
               'the catalogue API', 'feature flags'])[1 + (g / 10) % 14],
        'What was done, with whom, and what changed because of it. ' ||
          (array['Cut the error rate by half in a month.', 'Two other teams now build on it.', 'Reviewed by the whole group before it shipped.',
                 'Owned from the first draft to the follow-ups.'])[1 + g % 4],
        case when g % 3 = 0 then 'https://docs.example.com/work/' || g end,
        (array['design-doc', 'incident-review', 'talk', 'mentoring', 'shipped-feature', 'other'])[1 + g % 6]::evidence_kind,
        ${today} - (g % 540),
        timestamptz '2025-01-01 00:00:00+00' + g * interval '1 minute',
        timestamptz '2025-01-01 00:00:00+00' + g * interval '1 minute'
      from g join e on e.n = g.n`);

    // Each item proves one or two cells at its owner's step.
    await tx.execute(sql`with ev as (
          select ev.id, ev.owner_id, (row_number() over (order by ev.created_at) - 1)::int as g
          from evidence ev join users u on u.id = ev.owner_id where u.email like ${like}
        )
      insert into evidence_cells (evidence_id, cell_id)
      select ev.id, c.id from ev
        join placements p on p.user_id = ev.owner_id
        join dimensions d on d.version_id = p.version_id
        join cells c on c.step_id = p.step_id and c.dimension_id = d.id
      where d.position = ev.g % 3 or (ev.g % 4 = 0 and d.position = (ev.g + 1) % 3)`);

    // Half as many engineers as assessments: a submitted self-assessment and manager assessment each.
    await tx.execute(sql`with e as (${eng}), cycle as (select id from review_cycles where status = 'open')
      insert into assessments (kind, subject_id, author_id, version_id, cycle_id, status, submitted_at, created_at, updated_at)
      select k.kind::assessment_kind, e.id, case when k.kind = 'self' then e.id else e.manager_id end, p.version_id, cycle.id, 'submitted',
        ${today} - (e.n % 60) + interval '9 hours', ${today} - (e.n % 60), ${today} - (e.n % 60) + interval '9 hours'
      from e join placements p on p.user_id = e.id cross join cycle cross join (values ('self'), ('manager')) k(kind)
      where e.n < ${Math.floor(opts.assessments / 2)}`);

    // One rating per dimension: the person's step, a step higher on the first dimension in every fourth self-assessment.
    await tx.execute(sql`with e as (${eng})
      insert into ratings (assessment_id, dimension_id, step_id, rationale)
      select a.id, d.id, coalesce(case when a.kind = 'self' and e.n % 4 = 0 and d.position = 0 then up.id end, s.id),
        'Seen in the work of this half: ' || (array['the design reviews', 'the incident follow-ups', 'the mentoring', 'what shipped'])[1 + (e.n + d.position) % 4] || '.'
      from assessments a join e on e.id = a.subject_id
        join placements p on p.user_id = a.subject_id
        join steps s on s.id = p.step_id
        left join steps up on up.version_id = s.version_id and up.position = s.position + 1
        join dimensions d on d.version_id = a.version_id`);

    // Audit history, on top of the import's own: each item and assessment above, then evidence edits up to the target.
    await tx.execute(sql`insert into audit_events (actor_id, subject_id, action, entity_type, entity_id, after, at)
      select ev.owner_id, ev.owner_id, 'evidence.create', 'evidence', ev.id, jsonb_build_object('title', ev.title, 'kind', ev.kind, 'occurredOn', ev.occurred_on), ev.created_at
      from evidence ev join users u on u.id = ev.owner_id where u.email like ${like}`);
    await tx.execute(sql`insert into audit_events (actor_id, subject_id, action, entity_type, entity_id, after, at)
      select a.author_id, a.subject_id, 'assessment.submit', 'assessment', a.id, jsonb_build_object('kind', a.kind), a.submitted_at
      from assessments a join users u on u.id = a.subject_id where u.email like ${like}`);
    const [{ made }] = (await queryRows<{ made: number }>(
      tx,
      sql`select count(*)::int as made from audit_events where action in ('evidence.create', 'assessment.submit') and at >= timestamptz '2025-01-01 00:00:00+00'`,
    )) as [{ made: number }];
    const more = opts.auditTarget - made;
    if (more > 0) {
      await tx.execute(sql`with ev as (
            select ev.id, ev.owner_id, ev.title, (row_number() over (order by ev.created_at) - 1)::int as g
            from evidence ev join users u on u.id = ev.owner_id where u.email like ${like}
          )
        insert into audit_events (actor_id, subject_id, action, entity_type, entity_id, before, after, at)
        select ev.owner_id, ev.owner_id, 'evidence.update', 'evidence', ev.id, jsonb_build_object('title', ev.title), jsonb_build_object('title', ev.title || ' (revised)'),
          timestamptz '2025-06-01 00:00:00+00' + g.g * interval '7 minutes'
        from generate_series(0, ${more - 1}) g(g) join ev on ev.g = (g.g * 7919) % (select count(*) from ev)`);
    }
  });
}

async function main() {
  const [dataDir, people] = process.argv.slice(2);
  if (!dataDir || !Number(people)) throw new Error("usage: bench-organisation.ts <data folder> <people>");
  const url = process.env.DATABASE_URL;
  const handle = await openDatabase(url ? { kind: "postgres", url } : { kind: "pglite", dataDir });
  try {
    await migrateDatabase(handle);
    await seedDatabase(handle, { demo: true });
    console.log(JSON.stringify(await loadBenchOrganisation(handle, { people: Number(people) })));
  } finally {
    await handle.close();
  }
}

if (process.argv[1]?.endsWith("bench-organisation.ts")) await main();
