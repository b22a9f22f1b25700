CREATE TYPE "public"."calibration_status" AS ENUM('preparing', 'in_session', 'closed');--> statement-breakpoint
CREATE TYPE "public"."vote_stance" AS ENUM('support', 'question', 'against');--> statement-breakpoint
ALTER TYPE "public"."case_status" ADD VALUE 'withdrawn' BEFORE 'approved';--> statement-breakpoint
CREATE TABLE "calibration_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_cycle_id" uuid NOT NULL,
	"name" text NOT NULL,
	"held_on" date NOT NULL,
	"status" "calibration_status" DEFAULT 'preparing' NOT NULL,
	"started_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_by_id" uuid,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calibrators" (
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "calibrators_session_id_user_id_pk" PRIMARY KEY("session_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "case_votes" (
	"case_id" uuid NOT NULL,
	"voter_id" uuid NOT NULL,
	"stance" "vote_stance" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_votes_case_id_voter_id_pk" PRIMARY KEY("case_id","voter_id")
);
--> statement-breakpoint
DROP TABLE "calibration_cycles" CASCADE;--> statement-breakpoint
DROP TABLE "case_assessments" CASCADE;--> statement-breakpoint
ALTER TABLE "promotion_cases" DROP CONSTRAINT IF EXISTS "promotion_cases_calibration_cycle_id_calibration_cycles_id_fk";
--> statement-breakpoint
DROP INDEX "promotion_cases_cycle_idx";--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "case_id" uuid;--> statement-breakpoint
ALTER TABLE "promotion_cases" ADD COLUMN "review_cycle_id" uuid NOT NULL;--> statement-breakpoint
ALTER TABLE "promotion_cases" ADD COLUMN "version_id" uuid NOT NULL;--> statement-breakpoint
ALTER TABLE "promotion_cases" ADD COLUMN "proposed_by_id" uuid;--> statement-breakpoint
ALTER TABLE "promotion_cases" ADD COLUMN "proposed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "promotion_cases" ADD COLUMN "effective_on" date;--> statement-breakpoint
ALTER TABLE "calibration_sessions" ADD CONSTRAINT "calibration_sessions_review_cycle_id_review_cycles_id_fk" FOREIGN KEY ("review_cycle_id") REFERENCES "public"."review_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_sessions" ADD CONSTRAINT "calibration_sessions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibrators" ADD CONSTRAINT "calibrators_session_id_calibration_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."calibration_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibrators" ADD CONSTRAINT "calibrators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_votes" ADD CONSTRAINT "case_votes_case_id_promotion_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."promotion_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_votes" ADD CONSTRAINT "case_votes_voter_id_users_id_fk" FOREIGN KEY ("voter_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calibration_sessions_cycle_uq" ON "calibration_sessions" USING btree ("review_cycle_id");--> statement-breakpoint
CREATE INDEX "calibrators_user_idx" ON "calibrators" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_case_id_promotion_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."promotion_cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_cases" ADD CONSTRAINT "promotion_cases_review_cycle_id_review_cycles_id_fk" FOREIGN KEY ("review_cycle_id") REFERENCES "public"."review_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_cases" ADD CONSTRAINT "promotion_cases_version_id_framework_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_cases" ADD CONSTRAINT "promotion_cases_proposed_by_id_users_id_fk" FOREIGN KEY ("proposed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_evidence_evidence_idx" ON "case_evidence" USING btree ("evidence_id");--> statement-breakpoint
CREATE UNIQUE INDEX "promotion_cases_one_open_uq" ON "promotion_cases" USING btree ("subject_id","review_cycle_id") WHERE "promotion_cases"."status" in ('draft', 'proposed');--> statement-breakpoint
CREATE INDEX "promotion_cases_cycle_idx" ON "promotion_cases" USING btree ("review_cycle_id","status");--> statement-breakpoint
ALTER TABLE "promotion_cases" DROP COLUMN "calibration_cycle_id";--> statement-breakpoint
ALTER TABLE "promotion_cases" DROP COLUMN "published_at";