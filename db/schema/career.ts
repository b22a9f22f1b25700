import { relations, sql } from "drizzle-orm";
import { type AnyPgColumn, check, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cells, dimensions, frameworkVersions, steps } from "./framework";
import { users } from "./people";
import { promotionCases } from "./promotion";

export const placementReason = pgEnum("placement_reason", ["initial", "promotion", "migration", "correction"]);

/** An engineer's official step over time; the latest row is "where you are now". */
export const placements = pgTable(
  "placements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    versionId: uuid("version_id")
      .notNull()
      .references(() => frameworkVersions.id),
    stepId: uuid("step_id")
      .notNull()
      .references(() => steps.id),
    effectiveOn: date("effective_on", { mode: "string" }).notNull(),
    reason: placementReason("reason").notNull(),
    note: text("note").notNull().default(""),
    decidedById: uuid("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    /** The promotion case whose approval wrote this placement. */
    caseId: uuid("case_id").references((): AnyPgColumn => promotionCases.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("placements_user_idx").on(t.userId, t.effectiveOn)],
);

export const cycleStatus = pgEnum("cycle_status", ["open", "closed"]);

export const reviewCycles = pgTable(
  "review_cycles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    status: cycleStatus("status").notNull().default("open"),
    revision: integer("revision").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("review_cycles_dates", sql`${t.startsOn} <= ${t.endsOn}`),
    // One cycle is open at a time: it is the one self- and manager assessments are written in.
    uniqueIndex("review_cycles_one_open_uq").on(t.status).where(sql`${t.status} = 'open'`),
  ],
);

export const assessmentKind = pgEnum("assessment_kind", ["self", "manager"]);
export const assessmentStatus = pgEnum("assessment_status", ["draft", "submitted"]);

export const assessments = pgTable(
  "assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: assessmentKind("kind").notNull(),
    subjectId: uuid("subject_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    versionId: uuid("version_id")
      .notNull()
      .references(() => frameworkVersions.id),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => reviewCycles.id),
    status: assessmentStatus("status").notNull().default("draft"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    revision: integer("revision").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("assessments_one_per_cycle_uq").on(t.kind, t.subjectId, t.cycleId),
    index("assessments_subject_idx").on(t.subjectId),
  ],
);

/** One rating per dimension: the step whose description fits now, and why. */
export const ratings = pgTable(
  "ratings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    dimensionId: uuid("dimension_id")
      .notNull()
      .references(() => dimensions.id),
    stepId: uuid("step_id").references(() => steps.id),
    rationale: text("rationale").notNull().default(""),
  },
  (t) => [uniqueIndex("ratings_dimension_uq").on(t.assessmentId, t.dimensionId)],
);

export const evidenceKind = pgEnum("evidence_kind", [
  "design-doc",
  "incident-review",
  "talk",
  "mentoring",
  "shipped-feature",
  "other",
]);

export const evidence = pgTable(
  "evidence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    link: text("link"),
    kind: evidenceKind("kind").notNull(),
    occurredOn: date("occurred_on", { mode: "string" }).notNull(),
    revision: integer("revision").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("evidence_owner_idx").on(t.ownerId, t.occurredOn),
    // Full-text search over title and body.
    index("evidence_search_idx").using("gin", sql`to_tsvector('english', ${t.title} || ' ' || ${t.body})`),
  ],
);

export const evidenceCells = pgTable(
  "evidence_cells",
  {
    evidenceId: uuid("evidence_id")
      .notNull()
      .references(() => evidence.id, { onDelete: "cascade" }),
    cellId: uuid("cell_id")
      .notNull()
      .references(() => cells.id),
  },
  (t) => [primaryKey({ columns: [t.evidenceId, t.cellId] }), index("evidence_cells_cell_idx").on(t.cellId)],
);

export const placementsRelations = relations(placements, ({ one }) => ({
  user: one(users, { fields: [placements.userId], references: [users.id] }),
  version: one(frameworkVersions, { fields: [placements.versionId], references: [frameworkVersions.id] }),
  step: one(steps, { fields: [placements.stepId], references: [steps.id] }),
}));

export const assessmentsRelations = relations(assessments, ({ one, many }) => ({
  subject: one(users, { fields: [assessments.subjectId], references: [users.id] }),
  cycle: one(reviewCycles, { fields: [assessments.cycleId], references: [reviewCycles.id] }),
  version: one(frameworkVersions, { fields: [assessments.versionId], references: [frameworkVersions.id] }),
  ratings: many(ratings),
}));

export const ratingsRelations = relations(ratings, ({ one }) => ({
  assessment: one(assessments, { fields: [ratings.assessmentId], references: [assessments.id] }),
}));

export const evidenceRelations = relations(evidence, ({ many }) => ({ cells: many(evidenceCells) }));

export const evidenceCellsRelations = relations(evidenceCells, ({ one }) => ({
  evidence: one(evidence, { fields: [evidenceCells.evidenceId], references: [evidence.id] }),
  cell: one(cells, { fields: [evidenceCells.cellId], references: [cells.id] }),
}));
