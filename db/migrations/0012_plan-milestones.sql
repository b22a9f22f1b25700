CREATE TYPE "public"."milestone_artifact" AS ENUM('design-doc', 'talk', 'postmortem', 'reusable-tool', 'dashboard', 'mentoring-plan', 'written-playbook', 'other');--> statement-breakpoint
ALTER TABLE "growth_milestones" ADD COLUMN "quarter" date NOT NULL;--> statement-breakpoint
ALTER TABLE "growth_milestones" ADD COLUMN "target_week" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "growth_milestones" ADD COLUMN "artifact" "milestone_artifact" NOT NULL;--> statement-breakpoint
ALTER TABLE "growth_milestones" ADD COLUMN "success" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "growth_milestones" ADD COLUMN "done" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "growth_milestones" ADD COLUMN "evidence_id" uuid;--> statement-breakpoint
ALTER TABLE "growth_milestones" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "growth_milestones" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "growth_milestones" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "growth_milestones" ADD CONSTRAINT "growth_milestones_evidence_id_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "growth_milestones_quarter_idx" ON "growth_milestones" USING btree ("plan_id","quarter");--> statement-breakpoint
ALTER TABLE "growth_milestones" DROP COLUMN "due_on";--> statement-breakpoint
ALTER TABLE "growth_milestones" DROP COLUMN "status";--> statement-breakpoint
ALTER TABLE "growth_milestones" ADD CONSTRAINT "growth_milestones_week" CHECK ("growth_milestones"."target_week" between 1 and 13);--> statement-breakpoint
DROP TYPE "public"."milestone_status";