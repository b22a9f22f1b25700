ALTER TABLE "growth_lanes" ADD COLUMN "name" text NOT NULL;--> statement-breakpoint
ALTER TABLE "growth_lanes" ADD COLUMN "outcome" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "growth_lanes" ADD COLUMN "metrics" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "growth_plans" ADD COLUMN "horizon" date;--> statement-breakpoint
CREATE UNIQUE INDEX "growth_lanes_position_uq" ON "growth_lanes" USING btree ("plan_id","position");--> statement-breakpoint
ALTER TABLE "growth_lanes" DROP COLUMN "title";--> statement-breakpoint
ALTER TABLE "growth_lanes" DROP COLUMN "description";--> statement-breakpoint
ALTER TABLE "growth_lanes" ADD CONSTRAINT "growth_lanes_position" CHECK ("growth_lanes"."position" between 1 and 3);