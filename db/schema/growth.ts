import { relations, sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { evidence } from "./career";
import { users } from "./people";

/** Growth plans: a north star, lanes, milestones, one plan per person; an experiment log and check-ins, per person. */

/** A staff engineer's archetypes in whole percent, summing to 100 (see lib/plan/archetypes.ts). */
export type ArchetypeMix = { techLead: number; architect: number; solver: number; rightHand: number };

export const growthPlans = pgTable("growth_plans", {
  id: uuid("id").primaryKey().defaultRandom(),
  ownerId: uuid("owner_id")
    .notNull()
    .unique()
    .references(() => users.id, { onDelete: "cascade" }),
  northStar: text("north_star").notNull().default(""),
  /** The month the north star is meant for, stored as its first day. */
  horizon: date("horizon", { mode: "string" }),
  revision: integer("revision").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A lane of a plan: one outcome that supports the north star, with how it is measured. The plan's revision stands for its lanes. */
export const growthLanes = pgTable(
  "growth_lanes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => growthPlans.id, { onDelete: "cascade" }),
    /** 1, 2 or 3: where the lane stands on the plan. */
    position: integer("position").notNull(),
    name: text("name").notNull(),
    outcome: text("outcome").notNull().default(""),
    metrics: text("metrics").notNull().default(""),
  },
  (t) => [uniqueIndex("growth_lanes_position_uq").on(t.planId, t.position), check("growth_lanes_position", sql`${t.position} between 1 and 3`)],
);

/** What a milestone leaves behind; the same list as lib/plan/choices.ts (a unit test holds them together). */
export const milestoneArtifact = pgEnum("milestone_artifact", [
  "design-doc",
  "talk",
  "postmortem",
  "reusable-tool",
  "dashboard",
  "mentoring-plan",
  "written-playbook",
  "other",
]);

/**
 * A step of a lane's 90-day plan: due in a week of one calendar quarter, leaving an artifact behind,
 * with how its success is measured, and optionally the owner's evidence that shows it done. A lane
 * removed from the plan leaves its earlier milestones without a lane rather than taking them along.
 */
export const growthMilestones = pgTable(
  "growth_milestones",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => growthPlans.id, { onDelete: "cascade" }),
    laneId: uuid("lane_id").references(() => growthLanes.id, { onDelete: "set null" }),
    /** The first day of the quarter the milestone belongs to. */
    quarter: date("quarter", { mode: "string" }).notNull(),
    /** The week of that quarter it is due in, 1 to 13. */
    targetWeek: integer("target_week").notNull(),
    title: text("title").notNull(),
    artifact: milestoneArtifact("artifact").notNull(),
    success: text("success").notNull().default(""),
    done: boolean("done").notNull().default(false),
    evidenceId: uuid("evidence_id").references(() => evidence.id, { onDelete: "set null" }),
    revision: integer("revision").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("growth_milestones_quarter_idx").on(t.planId, t.quarter), check("growth_milestones_week", sql`${t.targetWeek} between 1 and 13`)],
);

/**
 * A career move tried as a reversible experiment, in its owner's log: what they expect, from when
 * to when, what they will do, how they will know, and when they would turn back. Closed with the
 * outcome and the next step; changed only while open, each change on the revision it was made on.
 */
export const growthExperiments = pgTable(
  "growth_experiments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    hypothesis: text("hypothesis").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    actions: text("actions").notNull().default(""),
    metrics: text("metrics").notNull().default(""),
    rollback: text("rollback").notNull().default(""),
    outcome: text("outcome").notNull().default(""),
    nextStep: text("next_step").notNull().default(""),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    revision: integer("revision").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("growth_experiments_owner_idx").on(t.ownerId, t.startsOn), check("growth_experiments_dates", sql`${t.startsOn} < ${t.endsOn}`)],
);

/** The half-yearly check-in: four questions, each a short answer and a feeling from 1 to 5, kept as answered. */
export const growthCheckIns = pgTable(
  "growth_check_ins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    learning: text("learning").notNull(),
    learningRating: integer("learning_rating").notNull(),
    lookingForward: text("looking_forward").notNull(),
    lookingForwardRating: integer("looking_forward_rating").notNull(),
    connected: text("connected").notNull(),
    connectedRating: integer("connected_rating").notNull(),
    impact: text("impact").notNull(),
    impactRating: integer("impact_rating").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("growth_check_ins_owner_idx").on(t.ownerId, t.createdAt),
    check(
      "growth_check_ins_ratings",
      sql`${t.learningRating} between 1 and 5 and ${t.lookingForwardRating} between 1 and 5 and ${t.connectedRating} between 1 and 5 and ${t.impactRating} between 1 and 5`,
    ),
  ],
);

/**
 * A person's skills inventory: its revision stands for the owner's skills, ratings, targets and
 * gap actions; the manager's ratings beside them have a revision of their own, so neither side's
 * save is refused for the other's.
 */
export const growthSkillInventories = pgTable("growth_skill_inventories", {
  id: uuid("id").primaryKey().defaultRandom(),
  ownerId: uuid("owner_id")
    .notNull()
    .unique()
    .references(() => users.id, { onDelete: "cascade" }),
  revision: integer("revision").notNull().default(1),
  managerRevision: integer("manager_revision").notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One skill of an inventory: its area by name, the owner's rating and target, the manager's rating, and actions for a gap. */
export const growthSkills = pgTable(
  "growth_skills",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    inventoryId: uuid("inventory_id")
      .notNull()
      .references(() => growthSkillInventories.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    area: text("area").notNull(),
    name: text("name").notNull(),
    rating: integer("rating"),
    target: integer("target"),
    managerRating: integer("manager_rating"),
    managerRatedBy: uuid("manager_rated_by").references(() => users.id, { onDelete: "set null" }),
    actionRead: text("action_read").notNull().default(""),
    actionPractise: text("action_practise").notNull().default(""),
    actionShow: text("action_show").notNull().default(""),
  },
  (t) => [
    index("growth_skills_inventory_idx").on(t.inventoryId, t.position),
    check("growth_skills_rating", sql`${t.rating} is null or ${t.rating} between 1 and 5`),
    check("growth_skills_target", sql`${t.target} is null or ${t.target} between 1 and 5`),
    check("growth_skills_manager_rating", sql`${t.managerRating} is null or ${t.managerRating} between 1 and 5`),
  ],
);

export const directionLean = pgEnum("direction_lean", ["staff", "management", "product", "framework", "undecided"]);

/** Where a person leans past senior and why, and for the staff path their archetype mix now and wanted. */
export const growthDirections = pgTable("growth_directions", {
  id: uuid("id").primaryKey().defaultRandom(),
  ownerId: uuid("owner_id")
    .notNull()
    .unique()
    .references(() => users.id, { onDelete: "cascade" }),
  lean: directionLean("lean").notNull().default("undecided"),
  /** The framework leaned towards, by key, when the lean is "framework". */
  frameworkKey: text("framework_key"),
  reason: text("reason").notNull().default(""),
  currentMix: jsonb("current_mix").$type<ArchetypeMix>(),
  wantedMix: jsonb("wanted_mix").$type<ArchetypeMix>(),
  revision: integer("revision").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const growthPlansRelations = relations(growthPlans, ({ many }) => ({
  lanes: many(growthLanes),
  milestones: many(growthMilestones),
}));
