CREATE TABLE "indicator_values" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator_id" text NOT NULL,
	"area_code" text NOT NULL,
	"area_type" text NOT NULL,
	"parent_code" text,
	"period" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"sex" text NOT NULL,
	"age" text NOT NULL,
	"category_type" text DEFAULT '' NOT NULL,
	"category" text DEFAULT '' NOT NULL,
	"count" double precision,
	"denominator" double precision,
	"value" double precision,
	"lower95" double precision,
	"upper95" double precision,
	"lower998" double precision,
	"upper998" double precision,
	"value_note" text,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published" jsonb,
	"source" text NOT NULL,
	"source_sha256" text,
	"source_line" integer
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"definition" text NOT NULL,
	"source" text NOT NULL,
	"source_file" text,
	"unit" text NOT NULL,
	"multiplier" double precision NOT NULL,
	"value_type" text NOT NULL,
	"polarity" text NOT NULL,
	"comparison_method" text NOT NULL,
	"disclosure_rule" text NOT NULL,
	"caveats" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"licence" text NOT NULL,
	"aggregation" text NOT NULL,
	"origin" text NOT NULL,
	"lacks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"quirks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"metadata_basis" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_values_key" ON "indicator_values" USING btree ("indicator_id","area_code","period","sex","age","category_type","category");--> statement-breakpoint
CREATE INDEX "indicator_values_area_type_idx" ON "indicator_values" USING btree ("indicator_id","area_type");