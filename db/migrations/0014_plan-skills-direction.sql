CREATE TYPE "public"."direction_lean" AS ENUM('staff', 'management', 'product', 'framework', 'undecided');--> statement-breakpoint
CREATE TABLE "growth_directions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"lean" "direction_lean" DEFAULT 'undecided' NOT NULL,
	"framework_key" text,
	"reason" text DEFAULT '' NOT NULL,
	"current_mix" jsonb,
	"wanted_mix" jsonb,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "growth_directions_owner_id_unique" UNIQUE("owner_id")
);
--> statement-breakpoint
CREATE TABLE "growth_skill_inventories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"manager_revision" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "growth_skill_inventories_owner_id_unique" UNIQUE("owner_id")
);
--> statement-breakpoint
CREATE TABLE "growth_skills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inventory_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"area" text NOT NULL,
	"name" text NOT NULL,
	"rating" integer,
	"target" integer,
	"manager_rating" integer,
	"manager_rated_by" uuid,
	"action_read" text DEFAULT '' NOT NULL,
	"action_practise" text DEFAULT '' NOT NULL,
	"action_show" text DEFAULT '' NOT NULL,
	CONSTRAINT "growth_skills_rating" CHECK ("growth_skills"."rating" is null or "growth_skills"."rating" between 1 and 5),
	CONSTRAINT "growth_skills_target" CHECK ("growth_skills"."target" is null or "growth_skills"."target" between 1 and 5),
	CONSTRAINT "growth_skills_manager_rating" CHECK ("growth_skills"."manager_rating" is null or "growth_skills"."manager_rating" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "growth_directions" ADD CONSTRAINT "growth_directions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_skill_inventories" ADD CONSTRAINT "growth_skill_inventories_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_skills" ADD CONSTRAINT "growth_skills_inventory_id_growth_skill_inventories_id_fk" FOREIGN KEY ("inventory_id") REFERENCES "public"."growth_skill_inventories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_skills" ADD CONSTRAINT "growth_skills_manager_rated_by_users_id_fk" FOREIGN KEY ("manager_rated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "growth_skills_inventory_idx" ON "growth_skills" USING btree ("inventory_id","position");--> statement-breakpoint
ALTER TABLE "growth_plans" DROP COLUMN "archetype_mix";