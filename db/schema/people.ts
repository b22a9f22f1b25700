import { relations, sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";

export const teams = pgTable(
  "teams",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** The person who leads the team; any active person, whatever their role or team. */
    leadId: uuid("lead_id").references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    revision: integer("revision").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("teams_name_uq").on(sql`lower(${t.name})`)],
);

export const userRole = pgEnum("user_role", ["engineer", "manager", "admin"]);

/** People. Also the Auth.js user table: id, name, email, emailVerified and image follow its adapter. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull().default(""),
    email: text("email").notNull(),
    emailVerified: timestamp("email_verified", { withTimezone: true, mode: "date" }),
    image: text("image"),
    role: userRole("role").notNull().default("engineer"),
    managerId: uuid("manager_id").references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "set null" }),
    active: boolean("active").notNull().default(true),
    /** argon2id hash; null for people who only sign in through an outside provider. */
    passwordHash: text("password_hash"),
    /**
     * Sessions carry the version they were issued under; raising it ends every session of the
     * person on their next request (sign-out, a new password, a role change, deactivation).
     */
    sessionVersion: integer("session_version").notNull().default(1),
    revision: integer("revision").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_uq").on(sql`lower(${t.email})`),
    index("users_manager_idx").on(t.managerId),
    index("users_team_idx").on(t.teamId),
    check("users_not_own_manager", sql`${t.managerId} is null or ${t.managerId} <> ${t.id}`),
  ],
);

// Auth.js adapter tables, shaped as @auth/drizzle-adapter expects them.
export const accounts = pgTable(
  "accounts",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index("accounts_user_idx").on(t.userId)],
);

export const sessions = pgTable("sessions", {
  sessionToken: text("session_token").primaryKey(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
});

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

export const teamsRelations = relations(teams, ({ one, many }) => ({
  members: many(users, { relationName: "members" }),
  lead: one(users, { fields: [teams.leadId], references: [users.id], relationName: "leads" }),
}));

export const usersRelations = relations(users, ({ one, many }) => ({
  manager: one(users, { fields: [users.managerId], references: [users.id], relationName: "reports" }),
  reports: many(users, { relationName: "reports" }),
  team: one(teams, { fields: [users.teamId], references: [teams.id], relationName: "members" }),
  leads: many(teams, { relationName: "leads" }),
}));
