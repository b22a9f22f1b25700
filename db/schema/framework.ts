import { relations } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { users } from "./people";

/** A framework is a family of versions; only the versions carry content. */
export const frameworks = pgTable("frameworks", {
  id: uuid("id").primaryKey().defaultRandom(),
  key: text("key").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const frameworkVersionStatus = pgEnum("framework_version_status", ["draft", "published", "retired"]);

export const frameworkVersions = pgTable(
  "framework_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    frameworkId: uuid("framework_id")
      .notNull()
      .references(() => frameworks.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    status: frameworkVersionStatus("status").notNull().default("draft"),
    notes: text("notes").notNull().default(""),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    /** Who published the version; null for the seeded first version and once that person is deleted. */
    publishedById: uuid("published_by_id").references(() => users.id, { onDelete: "set null" }),
    /** Optimistic-concurrency counter for draft edits. */
    revision: integer("revision").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("framework_versions_number_uq").on(t.frameworkId, t.number),
    // At most one draft per framework at a time.
    uniqueIndex("framework_versions_one_draft_uq").on(t.frameworkId).where(sql`${t.status} = 'draft'`),
  ],
);

export const dimensions = pgTable(
  "dimensions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    versionId: uuid("version_id")
      .notNull()
      .references(() => frameworkVersions.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** Optional pillar the dimension belongs to, e.g. "Craft". */
    group: text("group"),
    position: integer("position").notNull(),
  },
  (t) => [uniqueIndex("dimensions_key_uq").on(t.versionId, t.key)],
);

export const steps = pgTable(
  "steps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    versionId: uuid("version_id")
      .notNull()
      .references(() => frameworkVersions.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    name: text("name").notNull(),
    summary: text("summary").notNull().default(""),
    position: integer("position").notNull(),
    timeframeMinMonths: integer("timeframe_min_months"),
    timeframeMaxMonths: integer("timeframe_max_months"),
  },
  (t) => [
    uniqueIndex("steps_key_uq").on(t.versionId, t.key),
    check(
      "steps_timeframe_order",
      sql`${t.timeframeMinMonths} is null or ${t.timeframeMaxMonths} is null or ${t.timeframeMinMonths} <= ${t.timeframeMaxMonths}`,
    ),
  ],
);

export const transitions = pgTable(
  "transitions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    versionId: uuid("version_id")
      .notNull()
      .references(() => frameworkVersions.id, { onDelete: "cascade" }),
    fromStepId: uuid("from_step_id")
      .notNull()
      .references(() => steps.id, { onDelete: "cascade" }),
    toStepId: uuid("to_step_id")
      .notNull()
      .references(() => steps.id, { onDelete: "cascade" }),
    label: text("label").notNull().default(""),
  },
  (t) => [
    uniqueIndex("transitions_edge_uq").on(t.fromStepId, t.toStepId),
    index("transitions_version_idx").on(t.versionId),
    check("transitions_not_self", sql`${t.fromStepId} <> ${t.toStepId}`),
  ],
);

export type CellExpectation = { text: string; examples: string[] };

export const cells = pgTable(
  "cells",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    versionId: uuid("version_id")
      .notNull()
      .references(() => frameworkVersions.id, { onDelete: "cascade" }),
    stepId: uuid("step_id")
      .notNull()
      .references(() => steps.id, { onDelete: "cascade" }),
    dimensionId: uuid("dimension_id")
      .notNull()
      .references(() => dimensions.id, { onDelete: "cascade" }),
    summary: text("summary").notNull(),
    expectations: jsonb("expectations").$type<CellExpectation[]>().notNull().default([]),
  },
  (t) => [uniqueIndex("cells_step_dimension_uq").on(t.stepId, t.dimensionId), index("cells_version_idx").on(t.versionId)],
);

export const frameworksRelations = relations(frameworks, ({ many }) => ({ versions: many(frameworkVersions) }));

export const frameworkVersionsRelations = relations(frameworkVersions, ({ one, many }) => ({
  framework: one(frameworks, { fields: [frameworkVersions.frameworkId], references: [frameworks.id] }),
  dimensions: many(dimensions),
  steps: many(steps),
  transitions: many(transitions),
  cells: many(cells),
}));

export const dimensionsRelations = relations(dimensions, ({ one }) => ({
  version: one(frameworkVersions, { fields: [dimensions.versionId], references: [frameworkVersions.id] }),
}));

export const stepsRelations = relations(steps, ({ one }) => ({
  version: one(frameworkVersions, { fields: [steps.versionId], references: [frameworkVersions.id] }),
}));

export const transitionsRelations = relations(transitions, ({ one }) => ({
  version: one(frameworkVersions, { fields: [transitions.versionId], references: [frameworkVersions.id] }),
  from: one(steps, { fields: [transitions.fromStepId], references: [steps.id], relationName: "outgoing" }),
  to: one(steps, { fields: [transitions.toStepId], references: [steps.id], relationName: "incoming" }),
}));

export const cellsRelations = relations(cells, ({ one }) => ({
  version: one(frameworkVersions, { fields: [cells.versionId], references: [frameworkVersions.id] }),
  step: one(steps, { fields: [cells.stepId], references: [steps.id] }),
  dimension: one(dimensions, { fields: [cells.dimensionId], references: [dimensions.id] }),
}));
