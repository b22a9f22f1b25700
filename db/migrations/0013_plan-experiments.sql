CREATE TABLE "growth_check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"learning" text NOT NULL,
	"learning_rating" integer NOT NULL,
	"looking_forward" text NOT NULL,
	"looking_forward_rating" integer NOT NULL,
	"connected" text NOT NULL,
	"connected_rating" integer NOT NULL,
	"impact" text NOT NULL,
	"impact_rating" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "growth_check_ins_ratings" CHECK ("growth_check_ins"."learning_rating" between 1 and 5 and "growth_check_ins"."looking_forward_rating" between 1 and 5 and "growth_check_ins"."connected_rating" between 1 and 5 and "growth_check_ins"."impact_rating" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "growth_experiments" DROP CONSTRAINT "growth_experiments_plan_id_growth_plans_id_fk";
--> statement-breakpoint
ALTER TABLE "growth_experiments" ADD COLUMN "owner_id" uuid NOT NULL;--> statement-breakpoint
ALTER TABLE "growth_experiments" ADD COLUMN "starts_on" date NOT NULL;--> statement-breakpoint
ALTER TABLE "growth_experiments" ADD COLUMN "ends_on" date NOT NULL;--> statement-breakpoint
ALTER TABLE "growth_experiments" ADD COLUMN "rollback" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "growth_experiments" ADD COLUMN "next_step" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "growth_experiments" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "growth_experiments" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "growth_experiments" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "growth_check_ins" ADD CONSTRAINT "growth_check_ins_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "growth_check_ins_owner_idx" ON "growth_check_ins" USING btree ("owner_id","created_at");--> statement-breakpoint
ALTER TABLE "growth_experiments" ADD CONSTRAINT "growth_experiments_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "growth_experiments_owner_idx" ON "growth_experiments" USING btree ("owner_id","starts_on");--> statement-breakpoint
ALTER TABLE "growth_experiments" DROP COLUMN "plan_id";--> statement-breakpoint
ALTER TABLE "growth_experiments" ADD CONSTRAINT "growth_experiments_dates" CHECK ("growth_experiments"."starts_on" < "growth_experiments"."ends_on");