import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./people";

/** Append-only record of every change to HR data, written in the same transaction as the change. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** Null when the system itself acted (seed, migration of placements). */
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    /** Every entity has a uuid key: typed alike, a join on it uses the entity's primary key. */
    entityId: uuid("entity_id").notNull(),
    /**
     * The person the event is about, when it is about one: the person changed, placed, assessed, or
     * whose evidence or promotion case it is. Kept as a column so "everything about Sam" reads an
     * index instead of every event's JSON.
     */
    subjectId: uuid("subject_id").references(() => users.id, { onDelete: "set null" }),
    before: jsonb("before"),
    after: jsonb("after"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The log is read newest first, 50 at a time, whole or narrowed to a person, an action or a
    // kind of entity: each index hands those rows over in that order, so a page stops after 50.
    index("audit_events_newest_idx").on(t.at.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("audit_events_actor_newest_idx").on(t.actorId, t.at.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("audit_events_subject_newest_idx").on(t.subjectId, t.at.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("audit_events_action_newest_idx").on(t.action, t.at.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("audit_events_entity_newest_idx").on(t.entityType, t.at.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("audit_events_entity_idx").on(t.entityType, t.entityId),
  ],
);
