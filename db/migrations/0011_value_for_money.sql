CREATE TABLE "vfm_inflation_index" (
	"year" smallint PRIMARY KEY NOT NULL,
	"value" double precision NOT NULL,
	"source" text NOT NULL,
	"shipped" boolean DEFAULT false NOT NULL,
	"updated_by_user_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vfm_inflation_index_value" CHECK ("vfm_inflation_index"."value" > 0),
	CONSTRAINT "vfm_inflation_index_year" CHECK ("vfm_inflation_index"."year" between 1990 and 2100)
);
--> statement-breakpoint
CREATE TABLE "vfm_unit_costs" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"item" text NOT NULL,
	"value_pence" bigint NOT NULL,
	"unit" text NOT NULL,
	"source" text NOT NULL,
	"source_url" text,
	"price_year" smallint NOT NULL,
	"licence" text NOT NULL,
	"outcome" text,
	"icb_code" text,
	"updated_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vfm_unit_costs_code_key" UNIQUE NULLS NOT DISTINCT("icb_code","code"),
	CONSTRAINT "vfm_unit_costs_value" CHECK ("vfm_unit_costs"."value_pence" >= 0),
	CONSTRAINT "vfm_unit_costs_price_year" CHECK ("vfm_unit_costs"."price_year" between 1990 and 2100)
);
--> statement-breakpoint
ALTER TABLE "vfm_inflation_index" ADD CONSTRAINT "vfm_inflation_index_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vfm_unit_costs" ADD CONSTRAINT "vfm_unit_costs_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vfm_unit_costs_icb_idx" ON "vfm_unit_costs" USING btree ("icb_code");