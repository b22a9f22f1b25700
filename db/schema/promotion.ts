import { relations, sql } from "drizzle-orm";
import { date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { evidence, reviewCycles } from "./career";
import { frameworkVersions, steps } from "./framework";
import { users } from "./people";

/**
 * Promotion cases and the calibration that decides them. A case is proposed by the subject's
 * manager chain in a review cycle; the cycle's calibration session compares and decides the
 * cases, and publishing the session's outcomes shows them to the engineers and writes the
 * placements of the approved ones.
 */

export const calibrationStatus = pgEnum("calibration_status", ["preparing", "in_session", "closed"]);

export const calibrationSessions = pgTable(
  "calibration_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reviewCycleId: uuid("review_cycle_id")
      .notNull()
      .references(() => reviewCycles.id),
    name: text("name").notNull(),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    status: calibrationStatus("status").notNull().default("preparing"),
    startedAt: timestamp("started_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** When the decided outcomes became visible to the engineers. */
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    revision: integer("revision").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // One calibration per review cycle: it decides every case of that cycle.
  (t) => [uniqueIndex("calibration_sessions_cycle_uq").on(t.reviewCycleId)],
);

export const calibrators = pgTable(
  "calibrators",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => calibrationSessions.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] }), index("calibrators_user_idx").on(t.userId)],
);

export const caseStatus = pgEnum("case_status", ["draft", "proposed", "withdrawn", "approved", "deferred", "declined"]);

export const promotionCases = pgTable(
  "promotion_cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subjectId: uuid("subject_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reviewCycleId: uuid("review_cycle_id")
      .notNull()
      .references(() => reviewCycles.id),
    /** The framework version both steps belong to: the subject's placement's. */
    versionId: uuid("version_id")
      .notNull()
      .references(() => frameworkVersions.id),
    fromStepId: uuid("from_step_id")
      .notNull()
      .references(() => steps.id),
    toStepId: uuid("to_step_id")
      .notNull()
      .references(() => steps.id),
    narrative: text("narrative").notNull().default(""),
    status: caseStatus("status").notNull().default("draft"),
    createdById: uuid("created_by_id")
      .notNull()
      .references(() => users.id),
    proposedById: uuid("proposed_by_id").references(() => users.id),
    proposedAt: timestamp("proposed_at", { withTimezone: true }),
    decisionRationale: text("decision_rationale"),
    /** For an approval, the date the new step takes effect. */
    effectiveOn: date("effective_on", { mode: "string" }),
    decidedById: uuid("decided_by_id").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    revision: integer("revision").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("promotion_cases_subject_idx").on(t.subjectId),
    index("promotion_cases_cycle_idx").on(t.reviewCycleId, t.status),
    // One open case (draft or proposed) per person per review cycle.
    uniqueIndex("promotion_cases_one_open_uq")
      .on(t.subjectId, t.reviewCycleId)
      .where(sql`${t.status} in ('draft', 'proposed')`),
  ],
);

export const caseEvidence = pgTable(
  "case_evidence",
  {
    caseId: uuid("case_id")
      .notNull()
      .references(() => promotionCases.id, { onDelete: "cascade" }),
    evidenceId: uuid("evidence_id")
      .notNull()
      .references(() => evidence.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.evidenceId] }), index("case_evidence_evidence_idx").on(t.evidenceId)],
);

export const voteStance = pgEnum("vote_stance", ["support", "question", "against"]);

/** A calibrator's view of a case, recorded before the session starts. */
export const caseVotes = pgTable(
  "case_votes",
  {
    caseId: uuid("case_id")
      .notNull()
      .references(() => promotionCases.id, { onDelete: "cascade" }),
    voterId: uuid("voter_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    stance: voteStance("stance").notNull(),
    note: text("note").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.voterId] })],
);

export const promotionCasesRelations = relations(promotionCases, ({ one, many }) => ({
  subject: one(users, { fields: [promotionCases.subjectId], references: [users.id] }),
  reviewCycle: one(reviewCycles, { fields: [promotionCases.reviewCycleId], references: [reviewCycles.id] }),
  evidence: many(caseEvidence),
  votes: many(caseVotes),
}));

export const caseEvidenceRelations = relations(caseEvidence, ({ one }) => ({
  case: one(promotionCases, { fields: [caseEvidence.caseId], references: [promotionCases.id] }),
  evidence: one(evidence, { fields: [caseEvidence.evidenceId], references: [evidence.id] }),
}));

export const caseVotesRelations = relations(caseVotes, ({ one }) => ({
  case: one(promotionCases, { fields: [caseVotes.caseId], references: [promotionCases.id] }),
  voter: one(users, { fields: [caseVotes.voterId], references: [users.id] }),
}));

export const calibrationSessionsRelations = relations(calibrationSessions, ({ one, many }) => ({
  reviewCycle: one(reviewCycles, { fields: [calibrationSessions.reviewCycleId], references: [reviewCycles.id] }),
  calibrators: many(calibrators),
}));

export const calibratorsRelations = relations(calibrators, ({ one }) => ({
  session: one(calibrationSessions, { fields: [calibrators.sessionId], references: [calibrationSessions.id] }),
  user: one(users, { fields: [calibrators.userId], references: [users.id] }),
}));

