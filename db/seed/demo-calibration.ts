import { and, eq } from "drizzle-orm";
import { isoDate, monthsBefore } from "@/lib/dates";
import { recordAudit, type AuditEntry } from "../audit";
import type { Tx } from "../client";
import {
  assessments,
  calibrationSessions,
  calibrators,
  caseEvidence,
  caseVotes,
  cells,
  evidence,
  evidenceCells,
  placements,
  promotionCases,
  ratings,
  reviewCycles,
} from "../schema";

/**
 * Promotion cases and calibration in the demo organisation, so that the first visit of each demo
 * person shows the whole flow:
 * - the open cycle's calibration, preparing, with five proposed cases across both teams: two to
 *   Staff Engineer, one whose self- and manager assessments are far apart, several target cells
 *   that no evidence backs yet, and a first pre-vote;
 * - the previous cycle's calibration, closed and published, whose approved case put Ines on her
 *   current step.
 */

type Ctx = {
  versionId: string;
  cycleId: string;
  userIds: Map<string, string>;
  stepIds: Map<string, string>;
  dimensionIds: Map<string, string>;
  today: Date;
};

const proposed: { subject: string; to: string; by: string; narrative: string; evidence: string[] }[] = [
  {
    subject: "sam",
    to: "staff-engineer",
    by: "priya",
    narrative:
      "Sam's retry design became the reference for **both Platform and Product**, and Sam led the review of the checkout outage across teams.\n\n- Other teams now build on Sam's designs without Sam in the room\n- Mentors Lena through on-call",
    evidence: ["Payments retry redesign", "Checkout outage review"],
  },
  {
    subject: "aisha",
    to: "staff-engineer",
    by: "marcus",
    narrative: "Aisha set the two-year direction for search relevance, adopted by Product and Data, and teaches offline evaluation across the organisation.",
    evidence: ["Search relevance roadmap", "Talk: ranking without regressions"],
  },
  {
    subject: "diego",
    to: "principal-engineer",
    by: "priya",
    narrative: "Diego sees himself at principal scope already. I see staff-level scope today; the committee should weigh the difference.",
    evidence: [],
  },
  {
    subject: "mei",
    to: "software-engineer-2",
    by: "priya",
    narrative: "Mei shipped the account CSV export end to end, tests and help article included, and has been at her step longer than expected.",
    evidence: ["Shipped the CSV export"],
  },
  {
    subject: "lena",
    to: "software-engineer-3",
    by: "priya",
    narrative: "Lena now leads the on-call handover and owns the alert runbooks for Platform.",
    evidence: [],
  },
];

/** The half-year before the one `today` falls in. */
export function previousHalfYear(today: Date): { name: string; startsOn: string; endsOn: string } {
  const year = today.getUTCFullYear();
  return today.getUTCMonth() >= 6
    ? { name: `${year} H1 review`, startsOn: `${year}-01-01`, endsOn: `${year}-06-30` }
    : { name: `${year - 1} H2 review`, startsOn: `${year - 1}-07-01`, endsOn: `${year - 1}-12-31` };
}

export async function seedDemoCalibration(tx: Tx, ctx: Ctx) {
  const user = (key: string) => ctx.userIds.get(key)!;
  const step = (key: string) => ctx.stepIds.get(key)!;
  const dim = (key: string) => ctx.dimensionIds.get(key)!;
  const audit: AuditEntry[] = [];

  // The previous cycle: closed, with Diego's assessments far apart and Ines's published promotion.
  const previous = previousHalfYear(ctx.today);
  const [earlier] = await tx.insert(reviewCycles).values({ ...previous, status: "closed" }).returning({ id: reviewCycles.id });
  const submittedAt = new Date(`${previous.endsOn}T12:00:00Z`);
  const diegoRatings = {
    self: { "scope-of-influence": "principal-engineer", "how-work-is-conducted": "staff-engineer", ownership: "principal-engineer" },
    manager: { "scope-of-influence": "senior-engineer", "how-work-is-conducted": "staff-engineer", ownership: "staff-engineer" },
  } as const;
  for (const kind of ["self", "manager"] as const) {
    const [row] = await tx
      .insert(assessments)
      .values({
        kind,
        subjectId: user("diego"),
        authorId: kind === "self" ? user("diego") : user("priya"),
        versionId: ctx.versionId,
        cycleId: earlier!.id,
        status: "submitted",
        submittedAt,
      })
      .returning({ id: assessments.id });
    await tx.insert(ratings).values(
      Object.entries(diegoRatings[kind]).map(([dimension, stepKey]) => ({
        assessmentId: row!.id,
        dimensionId: dim(dimension),
        stepId: step(stepKey),
        rationale: kind === "self" ? "The platform roadmap I wrote is followed across the company." : "Staff-level scope and ownership today; the roadmap is Platform's, not yet the company's.",
      })),
    );
    audit.push({ actorId: null, action: "assessment.seed", entityType: "assessment", entityId: row!.id, after: { kind, submitted: true } });
  }

  const [ines] = await tx
    .select({ id: placements.id, effectiveOn: placements.effectiveOn })
    .from(placements)
    .where(eq(placements.userId, user("ines")));
  const [earlierSession] = await tx
    .insert(calibrationSessions)
    .values({
      reviewCycleId: earlier!.id,
      name: `${previous.name.replace(" review", "")} calibration`,
      heldOn: previous.endsOn,
      status: "closed",
      startedAt: submittedAt,
      closedAt: submittedAt,
      publishedAt: submittedAt,
      createdById: user("alex"),
    })
    .returning({ id: calibrationSessions.id });
  await tx.insert(calibrators).values(["alex", "priya", "marcus"].map((k) => ({ sessionId: earlierSession!.id, userId: user(k) })));
  const [inesCase] = await tx
    .insert(promotionCases)
    .values({
      subjectId: user("ines"),
      reviewCycleId: earlier!.id,
      versionId: ctx.versionId,
      fromStepId: step("software-engineer-3"),
      toStepId: step("senior-engineer"),
      narrative: "Ines owns the billing integrations end to end and leads their design reviews.",
      status: "approved",
      createdById: user("marcus"),
      proposedById: user("marcus"),
      proposedAt: submittedAt,
      decisionRationale: "Senior-level ownership shown across two quarters; the billing reviews are hers.",
      effectiveOn: ines!.effectiveOn,
      decidedById: user("alex"),
      decidedAt: submittedAt,
    })
    .returning({ id: promotionCases.id });
  // Ines was placed at Software Engineer III first; the case moved her to Senior Engineer.
  await tx.insert(placements).values({
    userId: user("ines"),
    versionId: ctx.versionId,
    stepId: step("software-engineer-3"),
    effectiveOn: isoDate(monthsBefore(ctx.today, 30)),
    reason: "initial",
    note: "Placed when the team adopted Waymark.",
  });
  await tx.update(placements).set({ reason: "promotion", note: "", caseId: inesCase!.id, decidedById: user("alex") }).where(eq(placements.id, ines!.id));
  audit.push(
    { actorId: null, action: "calibration.seed", entityType: "calibration_session", entityId: earlierSession!.id, after: { status: "closed", published: true } },
    { actorId: null, action: "case.seed", entityType: "promotion_case", entityId: inesCase!.id, after: { status: "approved" } },
  );

  // The open cycle: a calibration preparing, five cases proposed into it.
  const [session] = await tx
    .insert(calibrationSessions)
    .values({ reviewCycleId: ctx.cycleId, name: `${currentName(ctx.today)} calibration`, heldOn: isoDate(new Date(ctx.today.getTime() + 14 * 86_400_000)), createdById: user("alex") })
    .returning({ id: calibrationSessions.id });
  await tx.insert(calibrators).values(["alex", "priya", "marcus", "jonas"].map((k) => ({ sessionId: session!.id, userId: user(k) })));
  audit.push({ actorId: null, action: "calibration.seed", entityType: "calibration_session", entityId: session!.id, after: { status: "preparing" } });

  const titles = await tx.select({ id: evidence.id, title: evidence.title }).from(evidence);
  const fromStep = await tx.select({ userId: placements.userId, stepId: placements.stepId }).from(placements).where(and(eq(placements.versionId, ctx.versionId)));
  const currentStep = (key: string) => fromStep.filter((p) => p.userId === user(key)).map((p) => p.stepId).at(-1)!;
  for (const [i, c] of proposed.entries()) {
    const at = new Date(ctx.today.getTime() - (proposed.length - i) * 86_400_000);
    const [row] = await tx
      .insert(promotionCases)
      .values({
        subjectId: user(c.subject),
        reviewCycleId: ctx.cycleId,
        versionId: ctx.versionId,
        fromStepId: currentStep(c.subject),
        toStepId: step(c.to),
        narrative: c.narrative,
        status: "proposed",
        createdById: user(c.by),
        proposedById: user(c.by),
        proposedAt: at,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: promotionCases.id });
    const ids = c.evidence.map((t) => titles.find((e) => e.title === t)!.id);
    if (ids.length) await tx.insert(caseEvidence).values(ids.map((evidenceId) => ({ caseId: row!.id, evidenceId })));
    if (c.subject === "sam") await tx.insert(caseVotes).values({ caseId: row!.id, voterId: user("alex"), stance: "support", note: "The retry design is used well beyond Platform." });
    audit.push({ actorId: null, action: "case.seed", entityType: "promotion_case", entityId: row!.id, after: { status: "proposed", subject: c.subject, to: c.to } });
  }

  // Ravi's evidence already proves a Staff Engineer cell: his manager can build a case on it.
  const [staffScope] = await tx
    .select({ id: cells.id })
    .from(cells)
    .where(and(eq(cells.stepId, step("staff-engineer")), eq(cells.dimensionId, dim("scope-of-influence"))));
  const [raviItem] = await tx
    .insert(evidence)
    .values({
      ownerId: user("ravi"),
      title: "Event bus RFC adopted by four teams",
      kind: "design-doc",
      occurredOn: isoDate(monthsBefore(ctx.today, 4)),
      body: "Wrote the RFC for the shared event bus and ran its review with Platform, Product, Data and Mobile; all four now publish through it.",
    })
    .returning({ id: evidence.id });
  await tx.insert(evidenceCells).values({ evidenceId: raviItem!.id, cellId: staffScope!.id });
  audit.push({ actorId: null, action: "evidence.seed", entityType: "evidence", entityId: raviItem!.id, after: { title: "Event bus RFC adopted by four teams" } });

  await recordAudit(tx, ...audit);
}

function currentName(today: Date) {
  return `${today.getUTCFullYear()} ${today.getUTCMonth() >= 6 ? "H2" : "H1"}`;
}
