DROP INDEX "audit_events_actor_idx";--> statement-breakpoint
DROP INDEX "audit_events_at_idx";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "entity_id" SET DATA TYPE uuid USING "entity_id"::uuid;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "subject_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_subject_id_users_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
UPDATE "audit_events" e SET "subject_id" = u."id"
FROM "users" u
WHERE u."id" = CASE e."entity_type"
  WHEN 'user' THEN e."entity_id"
  WHEN 'placement' THEN coalesce(
    (SELECT p."user_id" FROM "placements" p WHERE p."id" = e."entity_id"),
    CASE WHEN e."after"->>'personId' ~ '^[0-9a-f-]{36}$' THEN (e."after"->>'personId')::uuid END)
  WHEN 'assessment' THEN (SELECT a."subject_id" FROM "assessments" a WHERE a."id" = e."entity_id")
  WHEN 'promotion_case' THEN coalesce(
    (SELECT c."subject_id" FROM "promotion_cases" c WHERE c."id" = e."entity_id"),
    CASE WHEN e."before"->>'subjectId' ~ '^[0-9a-f-]{36}$' THEN (e."before"->>'subjectId')::uuid END)
  WHEN 'evidence' THEN coalesce((SELECT v."owner_id" FROM "evidence" v WHERE v."id" = e."entity_id"), e."actor_id")
END;--> statement-breakpoint
CREATE INDEX "audit_events_newest_idx" ON "audit_events" USING btree ("at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_events_actor_newest_idx" ON "audit_events" USING btree ("actor_id","at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_events_subject_newest_idx" ON "audit_events" USING btree ("subject_id","at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_events_action_newest_idx" ON "audit_events" USING btree ("action","at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_events_entity_newest_idx" ON "audit_events" USING btree ("entity_type","at" DESC NULLS FIRST,"id" DESC NULLS FIRST);