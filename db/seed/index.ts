import { eq, ne, sql } from "drizzle-orm";
import { frameworkDefinitionSchema } from "@/lib/framework/definition";
import { hashPassword } from "@/lib/auth/password";
import { isoDate, monthsBefore } from "@/lib/dates";
import { recordAudit } from "../audit";
import type { DatabaseHandle, Tx } from "../client";
import { importFrameworkFile } from "../framework-files";
import { insertFrameworkVersion } from "../framework-store";
import { assessments, cells, evidence, evidenceCells, frameworks, placements, ratings, reviewCycles, teams, users } from "../schema";
import { seedDemoCalibration } from "./demo-calibration";
import { defaultFramework } from "./default-framework";
import { demoEvidence, demoPassword, demoPeople, demoManagerAssessments, demoSelfAssessments, demoTeams } from "./demo-organisation";
import engineeringManagement from "./frameworks/engineering-management.json";

/** Shares the advisory-lock space with migrations; see db/migrate.ts. */
const SEED_LOCK_ID = 727_1993_0002;

export type SeedResult = { seeded: false } | { seeded: true; people: number };

/**
 * Loads the default framework, and the demo organisation when asked, into an empty database.
 * The demo also has a second framework, Engineering management, read from its framework file.
 * A database that already holds a framework or a person is left exactly as it is.
 */
export async function seedDatabase(handle: DatabaseHandle, opts: { demo: boolean; today?: Date }): Promise<SeedResult> {
  const definition = frameworkDefinitionSchema.parse(defaultFramework);
  const today = opts.today ?? new Date();

  return handle.db.transaction(async (tx) => {
    if (handle.kind === "postgres") await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_ID})`);
    if (!(await isEmpty(tx))) return { seeded: false } as const;

    const [framework] = await tx
      .insert(frameworks)
      .values({ key: definition.key, name: definition.name, description: definition.description })
      .returning({ id: frameworks.id });
    const { versionId, stepIds, dimensionIds } = await insertFrameworkVersion(tx, {
      frameworkId: framework!.id,
      number: 1,
      status: "published",
      definition,
    });
    const cycle = currentHalfYear(today);
    const [cycleRow] = await tx.insert(reviewCycles).values(cycle).returning({ id: reviewCycles.id });
    await recordAudit(tx, {
      actorId: null,
      action: "cycle.seed",
      entityType: "review_cycle",
      entityId: cycleRow!.id,
      after: cycle,
    });
    await recordAudit(tx, {
      actorId: null,
      action: "framework.seed",
      entityType: "framework_version",
      entityId: versionId,
      after: { framework: definition.key, number: 1, status: "published" },
    });

    if (!opts.demo) return { seeded: true, people: 0 } as const;

    const teamRows = await tx
      .insert(teams)
      .values(demoTeams.map((name) => ({ name })))
      .returning({ id: teams.id, name: teams.name });
    const teamIds = new Map(teamRows.map((t) => [t.name, t.id]));

    const passwordHashes = await Promise.all(demoPeople.map((p) => hashPassword(demoPassword(p))));
    // Managers come before their reports in the list, so one pass can link each person upwards.
    const userIds = new Map<string, string>();
    for (const [i, person] of demoPeople.entries()) {
      const [row] = await tx
        .insert(users)
        .values({
          name: person.name,
          email: person.email,
          role: person.role,
          teamId: person.team ? teamIds.get(person.team)! : null,
          managerId: person.manager ? userIds.get(person.manager)! : null,
          passwordHash: passwordHashes[i],
        })
        .returning({ id: users.id });
      userIds.set(person.key, row!.id);
    }

    const placementRows = demoPeople.flatMap((p) =>
      p.placement
        ? [
            {
              userId: userIds.get(p.key)!,
              versionId,
              stepId: stepIds.get(p.placement.step)!,
              effectiveOn: isoDate(monthsBefore(today, p.placement.monthsAgo)),
              reason: "initial" as const,
              note: "Placed when the team adopted Waymark.",
            },
          ]
        : [],
    );
    await tx.insert(placements).values(placementRows);

    await recordAudit(
      tx,
      ...teamRows.map((t) => ({
        actorId: null,
        action: "team.seed",
        entityType: "team" as const,
        entityId: t.id,
        after: { name: t.name },
      })),
      ...demoPeople.map((p) => ({
        actorId: null,
        action: "user.seed",
        entityType: "user" as const,
        entityId: userIds.get(p.key)!,
        after: { name: p.name, email: p.email, role: p.role, team: p.team, manager: p.manager, placement: p.placement ?? null },
      })),
    );
    await seedDemoWork(tx, { versionId, cycleId: cycleRow!.id, userIds, stepIds, dimensionIds, today });
    await seedDemoCalibration(tx, { versionId, cycleId: cycleRow!.id, userIds, stepIds, dimensionIds, today });
    await seedExampleFramework(tx);
    return { seeded: true, people: demoPeople.length } as const;
  });
}

/**
 * A second framework, imported and published the way a team would import its own file, so the
 * file in db/seed/frameworks/ doubles as an example of the format. Nobody is placed on it.
 */
async function seedExampleFramework(tx: Tx) {
  const result = await importFrameworkFile(tx, { id: null, via: "seed" }, {
    text: JSON.stringify(engineeringManagement),
    kind: "json",
    publish: { note: "The example framework that comes with the demo." },
  });
  if (!result.ok) throw new Error(`The example framework does not import: ${result.problems.map((p) => `${p.at} ${p.message}`).join("; ")}`);
  // Both frameworks are created in this one transaction, at the same now(): dating the default one
  // a second earlier keeps it first wherever frameworks are listed oldest first, and leaves any
  // framework made after the seed after both.
  await tx
    .update(frameworks)
    .set({ createdAt: sql`${frameworks.createdAt} - interval '1 second'` })
    .where(ne(frameworks.key, result.frameworkKey));
}

async function isEmpty(tx: Tx): Promise<boolean> {
  const [framework] = await tx.select({ id: frameworks.id }).from(frameworks).limit(1);
  const [user] = await tx.select({ id: users.id }).from(users).limit(1);
  return !framework && !user;
}

/** The review cycle the seed opens: the half-year that `today` falls in. */
export function currentHalfYear(today: Date): { name: string; startsOn: string; endsOn: string; status: "open" } {
  const year = today.getUTCFullYear();
  const second = today.getUTCMonth() >= 6;
  return {
    name: `${year} ${second ? "H2" : "H1"} review`,
    startsOn: `${year}-${second ? "07-01" : "01-01"}`,
    endsOn: `${year}-${second ? "12-31" : "06-30"}`,
    status: "open",
  };
}

/** Evidence and self-assessments, so that a first visit shows the organisation in use. */
async function seedDemoWork(
  tx: Tx,
  ctx: { versionId: string; cycleId: string; userIds: Map<string, string>; stepIds: Map<string, string>; dimensionIds: Map<string, string>; today: Date },
) {
  const cellRows = await tx.select({ id: cells.id, stepId: cells.stepId, dimensionId: cells.dimensionId }).from(cells).where(eq(cells.versionId, ctx.versionId));
  const cellId = (step: string, dimension: string) =>
    cellRows.find((c) => c.stepId === ctx.stepIds.get(step) && c.dimensionId === ctx.dimensionIds.get(dimension))!.id;

  for (const item of demoEvidence) {
    const [row] = await tx
      .insert(evidence)
      .values({
        ownerId: ctx.userIds.get(item.owner)!,
        title: item.title,
        kind: item.kind,
        occurredOn: isoDate(monthsBefore(ctx.today, item.monthsAgo)),
        link: item.link,
        body: item.body,
      })
      .returning({ id: evidence.id });
    await tx.insert(evidenceCells).values(item.cells.map(([step, dimension]) => ({ evidenceId: row!.id, cellId: cellId(step, dimension) })));
    await recordAudit(tx, { actorId: null, action: "evidence.seed", entityType: "evidence", entityId: row!.id, after: { title: item.title } });
  }

  const demoAssessments = [
    ...demoSelfAssessments.map((a) => ({ ...a, kind: "self" as const, author: a.owner, subject: a.owner })),
    ...demoManagerAssessments.map((a) => ({ ...a, kind: "manager" as const })),
  ];
  for (const a of demoAssessments) {
    const [row] = await tx
      .insert(assessments)
      .values({
        kind: a.kind,
        subjectId: ctx.userIds.get(a.subject)!,
        authorId: ctx.userIds.get(a.author)!,
        versionId: ctx.versionId,
        cycleId: ctx.cycleId,
        status: a.submitted ? "submitted" : "draft",
        submittedAt: a.submitted ? ctx.today : null,
      })
      .returning({ id: assessments.id });
    await tx.insert(ratings).values(
      Object.entries(a.ratings).map(([dimension, [step, rationale]]) => ({
        assessmentId: row!.id,
        dimensionId: ctx.dimensionIds.get(dimension)!,
        stepId: ctx.stepIds.get(step)!,
        rationale,
      })),
    );
    await recordAudit(tx, { actorId: null, action: "assessment.seed", entityType: "assessment", entityId: row!.id, after: { kind: a.kind, submitted: a.submitted } });
  }
}
