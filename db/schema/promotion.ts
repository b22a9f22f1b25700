import { relations } from "drizzle-orm";
import { date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { assessments, cycleStatus, evidence, reviewCycles } from "./career";
import { steps } from "./framework";
import { users } from "./people";

export const calibrationCycles = pgTable("calibration_cycles", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  reviewCycleId: uuid("review_cycle_id").references(() => reviewCycles.id),
  startsOn: date("starts_on", { mode: "string" }).notNull(),
  endsOn: date("ends_on", { mode: "string" }).notNull(),
  status: cycleStatus("status").notNull().default("open"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const caseStatus = pgEnum("case_status", ["draft", "proposed", "approved", "deferred", "declined"]);

export const promotionCases = pgTable(
  "promotion_cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subjectId: uuid("subject_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    fromStepId: uuid("from_step_id")
      .notNull()
      .references(() => steps.id),
    toStepId: uuid("to_step_id")
      .notNull()
      .references(() => steps.id),
    calibrationCycleId: uuid("calibration_cycle_id").references(() => calibrationCycles.id),
    narrative: text("narrative").notNull().default(""),
    status: caseStatus("status").notNull().default("draft"),
    decisionRationale: text("decision_rationale"),
    decidedById: uuid("decided_by_id").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** When the outcome became visible to the subject. */
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdById: uuid("created_by_id")
      .notNull()
      .references(() => users.id),
    revision: integer("revision").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("promotion_cases_subject_idx").on(t.subjectId), index("promotion_cases_cycle_idx").on(t.calibrationCycleId)],
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
  (t) => [primaryKey({ columns: [t.caseId, t.evidenceId] })],
);

export const caseAssessments = pgTable(
  "case_assessments",
  {
    caseId: uuid("case_id")
      .notNull()
      .references(() => promotionCases.id, { onDelete: "cascade" }),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.assessmentId] })],
);

export const promotionCasesRelations = relations(promotionCases, ({ one, many }) => ({
  subject: one(users, { fields: [promotionCases.subjectId], references: [users.id] }),
  calibrationCycle: one(calibrationCycles, {
    fields: [promotionCases.calibrationCycleId],
    references: [calibrationCycles.id],
  }),
  evidence: many(caseEvidence),
  assessments: many(caseAssessments),
}));

export const caseEvidenceRelations = relations(caseEvidence, ({ one }) => ({
  case: one(promotionCases, { fields: [caseEvidence.caseId], references: [promotionCases.id] }),
  evidence: one(evidence, { fields: [caseEvidence.evidenceId], references: [evidence.id] }),
}));

export const caseAssessmentsRelations = relations(caseAssessments, ({ one }) => ({
  case: one(promotionCases, { fields: [caseAssessments.caseId], references: [promotionCases.id] }),
  assessment: one(assessments, { fields: [caseAssessments.assessmentId], references: [assessments.id] }),
}));
