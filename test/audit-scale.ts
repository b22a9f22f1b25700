import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/**
 * Grows an organisation and its audit log in a few set-based statements: `people` more people and
 * `events` more audit events, a minute apart going back from an hour ago, spread over people,
 * teams and placements the way an organisation's own history would be (edits of people with
 * their manager and team, team renames, placements, pre-votes).
 */
export async function growAuditLog(db: Db, { people, events }: { people: number; events: number }): Promise<void> {
  await db.execute(sql`
    insert into users (email, name, role)
    select 'scale-' || g.i || '-' || substr(md5(random()::text), 1, 6) || '@example.com', 'Scale Person ' || g.i, 'engineer'
    from generate_series(1, ${people}::int) g(i)`);
  await db.execute(sql`
    with person as (select id, row_number() over (order by id) as n from users),
         people as (select count(*) as total from users),
         team as (select id, name, row_number() over (order by id) as n from teams),
         teams_total as (select count(*) as total from teams),
         step as (select id, name, key from steps order by id limit 1)
    insert into audit_events (actor_id, action, entity_type, entity_id, subject_id, before, after, at)
    select actor.id,
      case g.i % 4 when 0 then 'user.update' when 1 then 'team.rename' when 2 then 'placement.create' else 'user.deactivate' end,
      case g.i % 4 when 0 then 'user' when 1 then 'team' when 2 then 'placement' else 'user' end,
      case g.i % 4 when 1 then t.id when 2 then gen_random_uuid() else subject.id end,
      case g.i % 4 when 1 then null else subject.id end,
      case g.i % 4
        when 0 then jsonb_build_object('name', 'Scale Person', 'role', 'engineer', 'managerId', actor.id, 'teamId', t.id)
        when 1 then jsonb_build_object('name', t.name || ' (old)')
        when 2 then null
        else jsonb_build_object('active', true) end,
      case g.i % 4
        when 0 then jsonb_build_object('name', 'Scale Person', 'role', 'manager', 'managerId', subject.id, 'teamId', null)
        when 1 then jsonb_build_object('name', t.name)
        when 2 then jsonb_build_object('personId', subject.id, 'step', (select name from step), 'stepKey', (select key from step), 'version', 1,
                                       'effectiveOn', '2026-01-01', 'reason', 'initial', 'note', 'Placed at scale.')
        else jsonb_build_object('active', false) end,
      now() - interval '1 hour' - (g.i || ' minutes')::interval
    from generate_series(1, ${events}::int) g(i)
    cross join people cross join teams_total
    join person actor on actor.n = 1 + (g.i * 7) % people.total
    join person subject on subject.n = 1 + (g.i * 13) % people.total
    join team t on t.n = 1 + g.i % teams_total.total`);
}
