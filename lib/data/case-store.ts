import "server-only";
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, Tx } from "@/db/client";
import { loadFrameworkVersion, type FrameworkVersionView } from "@/db/framework-store";
import {
  assessments,
  calibrationSessions,
  caseEvidence,
  evidence,
  evidenceCells,
  placements,
  promotionCases,
  ratings,
  reviewCycles,
  teams,
  users,
} from "@/db/schema";
import type { CaseStatus } from "@/lib/auth/policy";
import { evidenceKinds } from "@/lib/evidence/schemas";

/**
 * Reading promotion cases in sets: one case for its page, or every case of a calibration. Each
 * loader runs a fixed number of statements whatever the number of cases (no query per case or per
 * person). Callers authorize first; nothing here checks who is asking.
 */

const creators = alias(users, "creators");
const proposers = alias(users, "proposers");
const deciders = alias(users, "deciders");

export type CaseRow = {
  id: string;
  status: CaseStatus;
  revision: number;
  narrative: string;
  versionId: string;
  fromStepId: string;
  toStepId: string;
  subject: { id: string; name: string; email: string; active: boolean; managerId: string | null; team: { id: string; name: string } | null };
  cycle: { id: string; name: string; status: "open" | "closed" };
  createdBy: { id: string; name: string };
  createdById: string;
  proposedById: string | null;
  proposedBy: { id: string; name: string } | null;
  proposedAt: Date | null;
  decision: { outcome: "approved" | "deferred" | "declined"; rationale: string; by: { id: string; name: string } | null; at: Date; effectiveOn: string | null } | null;
  session: { id: string; name: string; status: "preparing" | "in_session" | "closed"; publishedAt: Date | null } | null;
  createdAt: Date;
  updatedAt: Date;
};

export async function selectCases(db: Db | Tx, where: SQL | undefined, limit = 500): Promise<CaseRow[]> {
  const rows = await db
    .select({
      id: promotionCases.id,
      status: promotionCases.status,
      revision: promotionCases.revision,
      narrative: promotionCases.narrative,
      versionId: promotionCases.versionId,
      fromStepId: promotionCases.fromStepId,
      toStepId: promotionCases.toStepId,
      subjectId: users.id,
      subjectName: users.name,
      subjectEmail: users.email,
      subjectActive: users.active,
      subjectManagerId: users.managerId,
      teamId: teams.id,
      teamName: teams.name,
      cycleId: reviewCycles.id,
      cycleName: reviewCycles.name,
      cycleStatus: reviewCycles.status,
      createdById: promotionCases.createdById,
      creatorName: creators.name,
      proposedById: promotionCases.proposedById,
      proposerName: proposers.name,
      proposedAt: promotionCases.proposedAt,
      rationale: promotionCases.decisionRationale,
      decidedById: promotionCases.decidedById,
      deciderName: deciders.name,
      decidedAt: promotionCases.decidedAt,
      effectiveOn: promotionCases.effectiveOn,
      sessionId: calibrationSessions.id,
      sessionName: calibrationSessions.name,
      sessionStatus: calibrationSessions.status,
      publishedAt: calibrationSessions.publishedAt,
      createdAt: promotionCases.createdAt,
      updatedAt: promotionCases.updatedAt,
    })
    .from(promotionCases)
    .innerJoin(users, eq(users.id, promotionCases.subjectId))
    .leftJoin(teams, eq(teams.id, users.teamId))
    .innerJoin(reviewCycles, eq(reviewCycles.id, promotionCases.reviewCycleId))
    .innerJoin(creators, eq(creators.id, promotionCases.createdById))
    .leftJoin(proposers, eq(proposers.id, promotionCases.proposedById))
    .leftJoin(deciders, eq(deciders.id, promotionCases.decidedById))
    .leftJoin(calibrationSessions, eq(calibrationSessions.reviewCycleId, promotionCases.reviewCycleId))
    .where(where)
    .orderBy(desc(promotionCases.createdAt))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    revision: r.revision,
    narrative: r.narrative,
    versionId: r.versionId,
    fromStepId: r.fromStepId,
    toStepId: r.toStepId,
    subject: {
      id: r.subjectId,
      name: r.subjectName,
      email: r.subjectEmail,
      active: r.subjectActive,
      managerId: r.subjectManagerId,
      team: r.teamId ? { id: r.teamId, name: r.teamName! } : null,
    },
    cycle: { id: r.cycleId, name: r.cycleName, status: r.cycleStatus },
    createdById: r.createdById,
    createdBy: { id: r.createdById, name: r.creatorName },
    proposedById: r.proposedById,
    proposedBy: r.proposedById ? { id: r.proposedById, name: r.proposerName! } : null,
    proposedAt: r.proposedAt,
    decision:
      (r.status === "approved" || r.status === "deferred" || r.status === "declined") && r.decidedAt
        ? {
            outcome: r.status,
            rationale: r.rationale ?? "",
            by: r.decidedById ? { id: r.decidedById, name: r.deciderName! } : null,
            at: r.decidedAt,
            effectiveOn: r.effectiveOn,
          }
        : null,
    session: r.sessionId ? { id: r.sessionId, name: r.sessionName!, status: r.sessionStatus!, publishedAt: r.publishedAt } : null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

/** The cells an evidence item proves, aggregated over a left join on evidence_cells. */
export const evidenceCellIds = () => sql<string[]>`coalesce(array_agg(${evidenceCells.cellId}::text) filter (where ${evidenceCells.cellId} is not null), '{}')`;

/** One case's row, locked for a change in the caller's transaction: what the checks of any change read. */
export async function selectCaseForUpdate(tx: Tx, id: string) {
  const [row] = await tx
    .select({
      id: promotionCases.id,
      revision: promotionCases.revision,
      subjectId: promotionCases.subjectId,
      status: promotionCases.status,
      createdById: promotionCases.createdById,
      proposedById: promotionCases.proposedById,
      reviewCycleId: promotionCases.reviewCycleId,
      versionId: promotionCases.versionId,
      fromStepId: promotionCases.fromStepId,
      toStepId: promotionCases.toStepId,
      narrative: promotionCases.narrative,
    })
    .from(promotionCases)
    .where(eq(promotionCases.id, id))
    .for("update");
  return row;
}

export type CaseEvidenceItem = {
  id: string;
  title: string;
  kind: (typeof evidenceKinds)[number];
  occurredOn: string;
  link: string | null;
  cellIds: string[];
};

export type SubmittedAssessment = {
  id: string;
  kind: "self" | "manager";
  submittedAt: Date;
  cycleName: string;
  versionId: string;
  ratings: { dimensionId: string; stepId: string | null }[];
};

export type CaseDetails = {
  evidence: Map<string, CaseEvidenceItem[]>;
  /** Per subject: their latest submitted self and manager assessments. */
  assessments: Map<string, { self: SubmittedAssessment | null; manager: SubmittedAssessment | null }>;
  /** Per subject and step ("subject:step"): the effective date of their latest placement on that step. */
  placedOn: Map<string, string>;
  versions: Map<string, FrameworkVersionView>;
};

/** The evidence, assessments, placements and framework versions a set of cases reads. */
export async function loadCaseDetails(db: Db | Tx, cases: Pick<CaseRow, "id" | "versionId" | "subject">[]): Promise<CaseDetails> {
  const details: CaseDetails = { evidence: new Map(), assessments: new Map(), placedOn: new Map(), versions: new Map() };
  if (cases.length === 0) return details;
  const caseIds = cases.map((c) => c.id);
  const subjectIds = [...new Set(cases.map((c) => c.subject.id))];
  const versionIds = [...new Set(cases.map((c) => c.versionId))];

  const [evidenceRows, latest, placedRows, versions] = await Promise.all([
    db
      .select({
        caseId: caseEvidence.caseId,
        id: evidence.id,
        title: evidence.title,
        kind: evidence.kind,
        occurredOn: evidence.occurredOn,
        link: evidence.link,
        cellIds: evidenceCellIds(),
      })
      .from(caseEvidence)
      .innerJoin(evidence, eq(evidence.id, caseEvidence.evidenceId))
      .leftJoin(evidenceCells, eq(evidenceCells.evidenceId, evidence.id))
      .where(inArray(caseEvidence.caseId, caseIds))
      .groupBy(caseEvidence.caseId, evidence.id)
      .orderBy(desc(evidence.occurredOn)),
    db
      .selectDistinctOn([assessments.subjectId, assessments.kind], {
        id: assessments.id,
        subjectId: assessments.subjectId,
        kind: assessments.kind,
        submittedAt: assessments.submittedAt,
        cycleName: reviewCycles.name,
        versionId: assessments.versionId,
        // The ratings come along, so an assessment and its ratings are one statement.
        ratings: sql<{ dimensionId: string; stepId: string | null }[]>`coalesce((
          select json_agg(json_build_object('dimensionId', r.dimension_id, 'stepId', r.step_id))
          from ${ratings} r where r.assessment_id = ${assessments.id}
        ), '[]')`,
      })
      .from(assessments)
      .innerJoin(reviewCycles, eq(reviewCycles.id, assessments.cycleId))
      .where(and(inArray(assessments.subjectId, subjectIds), eq(assessments.status, "submitted")))
      .orderBy(assessments.subjectId, assessments.kind, desc(assessments.submittedAt)),
    db
      .selectDistinctOn([placements.userId, placements.stepId], { userId: placements.userId, stepId: placements.stepId, effectiveOn: placements.effectiveOn })
      .from(placements)
      .where(inArray(placements.userId, subjectIds))
      .orderBy(placements.userId, placements.stepId, desc(placements.effectiveOn), desc(placements.createdAt)),
    Promise.all(versionIds.map((id) => loadFrameworkVersion(db, id))),
  ]);

  for (const r of evidenceRows) {
    const list = details.evidence.get(r.caseId) ?? [];
    list.push({ id: r.id, title: r.title, kind: r.kind, occurredOn: r.occurredOn, link: r.link, cellIds: r.cellIds });
    details.evidence.set(r.caseId, list);
  }
  for (const a of latest) {
    const entry = details.assessments.get(a.subjectId) ?? { self: null, manager: null };
    entry[a.kind] = {
      id: a.id,
      kind: a.kind,
      submittedAt: a.submittedAt!,
      cycleName: a.cycleName,
      versionId: a.versionId,
      ratings: a.ratings,
    };
    details.assessments.set(a.subjectId, entry);
  }
  for (const p of placedRows) details.placedOn.set(`${p.userId}:${p.stepId}`, p.effectiveOn);
  for (const v of versions) if (v) details.versions.set(v.version.id, v);
  return details;
}
