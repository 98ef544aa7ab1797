CREATE TABLE "demand_scenarios" (
	"id" serial PRIMARY KEY NOT NULL,
	"icb_code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"author_user_id" integer NOT NULL,
	"parameter_overrides" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"capacity_changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"annual_growth_rate" double precision DEFAULT 0 NOT NULL,
	"projection_years" integer DEFAULT 5 NOT NULL,
	"shared_with_vcse" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "demand_scenarios_growth" CHECK ("demand_scenarios"."annual_growth_rate" between -0.05 and 0.05 and "demand_scenarios"."projection_years" between 1 and 30)
);
--> statement-breakpoint
ALTER TABLE "demand_scenarios" ADD CONSTRAINT "demand_scenarios_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "demand_scenarios_icb_name_key" ON "demand_scenarios" USING btree ("icb_code",lower("name"));--> statement-breakpoint
CREATE INDEX "demand_scenarios_icb_idx" ON "demand_scenarios" USING btree ("icb_code");