import { relations } from "drizzle-orm";
import { date, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./people";

/** Growth plans: a north star, lanes, milestones and an experiment log, one plan per person. */

export type ArchetypeMix = { techLead: number; architect: number; solver: number; rightHand: number };

export const growthPlans = pgTable("growth_plans", {
  id: uuid("id").primaryKey().defaultRandom(),
  ownerId: uuid("owner_id")
    .notNull()
    .unique()
    .references(() => users.id, { onDelete: "cascade" }),
  northStar: text("north_star").notNull().default(""),
  archetypeMix: jsonb("archetype_mix").$type<ArchetypeMix>(),
  revision: integer("revision").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const growthLanes = pgTable("growth_lanes", {
  id: uuid("id").primaryKey().defaultRandom(),
  planId: uuid("plan_id")
    .notNull()
    .references(() => growthPlans.id, { onDelete: "cascade" }),
  position: integer("position").notNull(),
  title: text("title").notNull(),
  description: text("description").notNull().default(""),
});

export const milestoneStatus = pgEnum("milestone_status", ["planned", "in-progress", "done", "dropped"]);

export const growthMilestones = pgTable("growth_milestones", {
  id: uuid("id").primaryKey().defaultRandom(),
  planId: uuid("plan_id")
    .notNull()
    .references(() => growthPlans.id, { onDelete: "cascade" }),
  laneId: uuid("lane_id").references(() => growthLanes.id, { onDelete: "set null" }),
  title: text("title").notNull(),
  dueOn: date("due_on", { mode: "string" }),
  status: milestoneStatus("status").notNull().default("planned"),
});

export const growthExperiments = pgTable("growth_experiments", {
  id: uuid("id").primaryKey().defaultRandom(),
  planId: uuid("plan_id")
    .notNull()
    .references(() => growthPlans.id, { onDelete: "cascade" }),
  hypothesis: text("hypothesis").notNull(),
  actions: text("actions").notNull().default(""),
  metrics: text("metrics").notNull().default(""),
  outcome: text("outcome").notNull().default(""),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const growthPlansRelations = relations(growthPlans, ({ many }) => ({
  lanes: many(growthLanes),
  milestones: many(growthMilestones),
  experiments: many(growthExperiments),
}));
