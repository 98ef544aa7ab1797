CREATE TABLE "area_links" (
	"child_code" text NOT NULL,
	"parent_code" text NOT NULL,
	"relation" text NOT NULL,
	"share" double precision NOT NULL,
	"weight" integer,
	CONSTRAINT "area_links_child_code_parent_code_relation_pk" PRIMARY KEY("child_code","parent_code","relation")
);
--> statement-breakpoint
CREATE TABLE "areas" (
	"code" text PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"name" text NOT NULL,
	"ods_code" text,
	"icb_code" text,
	"parent_code" text,
	"source" text NOT NULL,
	"resident_population" integer,
	"registered_population" integer,
	"registered_adults" integer,
	"imd_score" double precision,
	"imd_vintage" text,
	"imd_decile" integer,
	"lat" double precision,
	"lng" double precision,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "custom_place_members" (
	"place_code" text NOT NULL,
	"pcn_code" text NOT NULL,
	CONSTRAINT "custom_place_members_place_code_pcn_code_pk" PRIMARY KEY("place_code","pcn_code")
);
--> statement-breakpoint
CREATE TABLE "custom_places" (
	"code" text PRIMARY KEY NOT NULL,
	"icb_code" text NOT NULL,
	"name" text NOT NULL,
	"created_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "geography_exceptions" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"name" text,
	"detail" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "icb_place_schemes" (
	"icb_code" text PRIMARY KEY NOT NULL,
	"scheme" text NOT NULL,
	"updated_by_user_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practices" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"pcn_code" text,
	"icb_code" text,
	"sicbl_code" text,
	"place_code" text,
	"lsoa21_code" text,
	"lat" double precision,
	"lng" double precision,
	"list_total" integer,
	"list_adults" integer
);
--> statement-breakpoint
CREATE TABLE "ref_boundaries" (
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"vintage" text NOT NULL,
	"label_lat" double precision,
	"label_lng" double precision,
	"geometry" jsonb NOT NULL,
	CONSTRAINT "ref_boundaries_kind_code_pk" PRIMARY KEY("kind","code")
);
--> statement-breakpoint
CREATE TABLE "ref_census_age" (
	"lsoa_code" text PRIMARY KEY NOT NULL,
	"lsoa_name" text NOT NULL,
	"total" integer NOT NULL,
	"bands" integer[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ref_census_ethnicity" (
	"lsoa_code" text PRIMARY KEY NOT NULL,
	"total" integer NOT NULL,
	"groups" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ref_imd2025_icb" (
	"icb_code" text PRIMARY KEY NOT NULL,
	"icb_name" text NOT NULL,
	"imd_average_score" double precision NOT NULL,
	"imd_average_rank" double precision NOT NULL,
	"imd_proportion_most_deprived_10" real NOT NULL,
	"measures" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ref_imd2025_lsoa" (
	"lsoa_code" text PRIMARY KEY NOT NULL,
	"imd_score" double precision NOT NULL,
	"imd_rank" integer NOT NULL,
	"imd_decile" integer NOT NULL,
	"domains" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ref_lad_region" (
	"lad_code" text PRIMARY KEY NOT NULL,
	"lad_name" text NOT NULL,
	"region_code" text NOT NULL,
	"region_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ref_lad_utla" (
	"lad_code" text PRIMARY KEY NOT NULL,
	"lad_name" text NOT NULL,
	"utla_code" text NOT NULL,
	"utla_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ref_lsoa_icb" (
	"lsoa_code" text PRIMARY KEY NOT NULL,
	"lsoa_name" text NOT NULL,
	"sicbl_code" text NOT NULL,
	"sicbl_ods_code" text NOT NULL,
	"sicbl_name" text NOT NULL,
	"icb_code" text NOT NULL,
	"icb_ods_code" text NOT NULL,
	"icb_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ref_lsoa_lad" (
	"lsoa_code" text PRIMARY KEY NOT NULL,
	"ward_code" text NOT NULL,
	"ward_name" text NOT NULL,
	"lad_code" text NOT NULL,
	"lad_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ref_pcn_imd" (
	"pcn_code" text PRIMARY KEY NOT NULL,
	"pcn_name" text NOT NULL,
	"postcode" text NOT NULL,
	"sicbl_ods_code" text NOT NULL,
	"imd2019_score" double precision NOT NULL,
	"file_decile" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ref_practice_imd" (
	"practice_code" text NOT NULL,
	"practice_name" text NOT NULL,
	"imd_year" integer NOT NULL,
	"imd_score" double precision NOT NULL,
	"is_current" integer NOT NULL,
	CONSTRAINT "ref_practice_imd_practice_code_imd_year_pk" PRIMARY KEY("practice_code","imd_year")
);
--> statement-breakpoint
CREATE TABLE "ref_practice_locations" (
	"practice_code" text PRIMARY KEY NOT NULL,
	"practice_name" text NOT NULL,
	"postcode" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"lsoa21_code" text NOT NULL,
	"pcn_code" text,
	"pcn_name" text NOT NULL,
	"pcn_lat" double precision,
	"pcn_lng" double precision,
	"sicbl_code" text NOT NULL,
	"sicbl_ods_code" text NOT NULL,
	"icb_code" text NOT NULL,
	"icb_ods_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ref_qof_mapping" (
	"practice_code" text PRIMARY KEY NOT NULL,
	"practice_name" text NOT NULL,
	"pcn_code" text,
	"pcn_name" text NOT NULL,
	"sicbl_ods_code" text NOT NULL,
	"sicbl_code" text NOT NULL,
	"sicbl_name" text NOT NULL,
	"icb_ods_code" text NOT NULL,
	"icb_code" text NOT NULL,
	"icb_name" text NOT NULL,
	"region_ods_code" text NOT NULL,
	"region_code" text NOT NULL,
	"region_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ref_qof_prevalence" (
	"practice_code" text NOT NULL,
	"group_code" text NOT NULL,
	"list_type" text NOT NULL,
	"register" integer NOT NULL,
	"list_size" integer NOT NULL,
	CONSTRAINT "ref_qof_prevalence_practice_code_group_code_list_type_pk" PRIMARY KEY("practice_code","group_code","list_type")
);
--> statement-breakpoint
CREATE INDEX "area_links_parent_idx" ON "area_links" USING btree ("parent_code","relation");--> statement-breakpoint
CREATE INDEX "areas_level_icb_idx" ON "areas" USING btree ("level","icb_code");--> statement-breakpoint
CREATE INDEX "areas_ods_idx" ON "areas" USING btree ("ods_code");--> statement-breakpoint
CREATE INDEX "areas_name_search_idx" ON "areas" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "custom_places_icb_idx" ON "custom_places" USING btree ("icb_code");--> statement-breakpoint
CREATE INDEX "practices_pcn_idx" ON "practices" USING btree ("pcn_code");