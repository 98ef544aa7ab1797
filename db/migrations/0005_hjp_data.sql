CREATE TABLE "hjp_episodes" (
	"service_id" integer NOT NULL,
	"episode_ref" text NOT NULL,
	"upload_id" integer NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"client_ref" text,
	"referral_date" date NOT NULL,
	"referral_source" text NOT NULL,
	"referral_route" text,
	"attended" boolean NOT NULL,
	"first_contact_date" date,
	"setting" text NOT NULL,
	"site_ods_code" text,
	"delivery_mode" text NOT NULL,
	"problem_areas" text[] NOT NULL,
	"problem_categories" text[] NOT NULL,
	"service_level" text NOT NULL,
	"neighbourhood_code" text,
	"client_lsoa" text,
	"client_outward_code" text,
	"imd_decile" smallint,
	"age_band" text,
	"sex" text,
	"ethnicity" text,
	"disability_or_ltc" boolean,
	"gains_recurring_annual_pence" integer,
	"gains_one_off_pence" integer,
	"gains_recurring_by_benefit" jsonb,
	"gains_one_off_by_benefit" jsonb,
	"debt_written_off_pence" integer,
	"debt_managed_pence" integer,
	"housing_outcome" text,
	"problem_resolved" text,
	"swemwbs_baseline" double precision,
	"swemwbs_followup" double precision,
	"closed_date" date,
	CONSTRAINT "hjp_episodes_service_id_episode_ref_pk" PRIMARY KEY("service_id","episode_ref"),
	CONSTRAINT "hjp_episodes_imd_decile" CHECK ("hjp_episodes"."imd_decile" between 1 and 10),
	CONSTRAINT "hjp_episodes_swemwbs" CHECK ("hjp_episodes"."swemwbs_baseline" between 7 and 35 and "hjp_episodes"."swemwbs_followup" between 7 and 35),
	CONSTRAINT "hjp_episodes_money_not_negative" CHECK ("hjp_episodes"."gains_recurring_annual_pence" >= 0 and "hjp_episodes"."gains_one_off_pence" >= 0 and "hjp_episodes"."debt_written_off_pence" >= 0 and "hjp_episodes"."debt_managed_pence" >= 0)
);
--> statement-breakpoint
CREATE TABLE "hjp_uploads" (
	"id" serial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"rows_loaded" integer DEFAULT 0 NOT NULL,
	"uploaded_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hjp_funding_awards" (
	"id" serial PRIMARY KEY NOT NULL,
	"grant_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"currency" text DEFAULT 'GBP' NOT NULL,
	"amount_awarded_pence" bigint NOT NULL,
	"amount_disbursed_pence" bigint,
	"award_date" date NOT NULL,
	"planned_start" date,
	"planned_end" date,
	"funder_org_id" text NOT NULL,
	"funder_name" text NOT NULL,
	"funder_type" text NOT NULL,
	"recipient_organisation_id" integer NOT NULL,
	"service_id" integer,
	"grant_programme" text,
	"fte_funded" double precision,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hjp_funding_awards_amounts" CHECK ("hjp_funding_awards"."amount_awarded_pence" >= 0 and ("hjp_funding_awards"."amount_disbursed_pence" is null or "hjp_funding_awards"."amount_disbursed_pence" between 0 and "hjp_funding_awards"."amount_awarded_pence")),
	CONSTRAINT "hjp_funding_awards_dates" CHECK ("hjp_funding_awards"."planned_end" is null or "hjp_funding_awards"."planned_start" is null or "hjp_funding_awards"."planned_end" >= "hjp_funding_awards"."planned_start")
);
--> statement-breakpoint
CREATE TABLE "hjp_service_areas" (
	"service_id" integer NOT NULL,
	"area_code" text NOT NULL,
	"level" text NOT NULL,
	CONSTRAINT "hjp_service_areas_service_id_area_code_pk" PRIMARY KEY("service_id","area_code")
);
--> statement-breakpoint
CREATE TABLE "hjp_service_sites" (
	"id" serial PRIMARY KEY NOT NULL,
	"service_id" integer NOT NULL,
	"setting" text NOT NULL,
	"ods_code" text,
	CONSTRAINT "hjp_service_sites_key" UNIQUE NULLS NOT DISTINCT("service_id","setting","ods_code")
);
--> statement-breakpoint
CREATE TABLE "hjp_services" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"service_ref" text NOT NULL,
	"name" text NOT NULL,
	"icb_code" text NOT NULL,
	"delivery_model" text NOT NULL,
	"problem_areas" text[] NOT NULL,
	"adviser_fte" double precision NOT NULL,
	"supervising_solicitor_fte" double precision,
	"admin_fte" double precision,
	"sessions_per_week" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hjp_services_fte_not_negative" CHECK ("hjp_services"."adviser_fte" >= 0 and coalesce("hjp_services"."supervising_solicitor_fte", 0) >= 0 and coalesce("hjp_services"."admin_fte", 0) >= 0 and "hjp_services"."sessions_per_week" >= 0)
);
--> statement-breakpoint
CREATE TABLE "hjp_training" (
	"id" serial PRIMARY KEY NOT NULL,
	"service_id" integer NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"site_ods_code" text,
	"sessions_delivered" integer NOT NULL,
	"attendees_gp" integer NOT NULL,
	"attendees_nurse" integer NOT NULL,
	"attendees_receptionist" integer NOT NULL,
	"attendees_other" integer NOT NULL,
	CONSTRAINT "hjp_training_key" UNIQUE NULLS NOT DISTINCT("service_id","period_start","site_ods_code"),
	CONSTRAINT "hjp_training_counts_not_negative" CHECK ("hjp_training"."sessions_delivered" >= 0 and "hjp_training"."attendees_gp" >= 0 and "hjp_training"."attendees_nurse" >= 0 and "hjp_training"."attendees_receptionist" >= 0 and "hjp_training"."attendees_other" >= 0)
);
--> statement-breakpoint
ALTER TABLE "hjp_episodes" ADD CONSTRAINT "hjp_episodes_service_id_hjp_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."hjp_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hjp_uploads" ADD CONSTRAINT "hjp_uploads_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hjp_funding_awards" ADD CONSTRAINT "hjp_funding_awards_recipient_organisation_id_organisations_id_fk" FOREIGN KEY ("recipient_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hjp_funding_awards" ADD CONSTRAINT "hjp_funding_awards_service_id_hjp_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."hjp_services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hjp_service_areas" ADD CONSTRAINT "hjp_service_areas_service_id_hjp_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."hjp_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hjp_service_sites" ADD CONSTRAINT "hjp_service_sites_service_id_hjp_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."hjp_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hjp_services" ADD CONSTRAINT "hjp_services_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hjp_training" ADD CONSTRAINT "hjp_training_service_id_hjp_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."hjp_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hjp_episodes_service_period_idx" ON "hjp_episodes" USING btree ("service_id","period_start");--> statement-breakpoint
CREATE INDEX "hjp_episodes_service_referral_idx" ON "hjp_episodes" USING btree ("service_id","referral_date");--> statement-breakpoint
CREATE INDEX "hjp_episodes_neighbourhood_idx" ON "hjp_episodes" USING btree ("neighbourhood_code","referral_date");--> statement-breakpoint
CREATE UNIQUE INDEX "hjp_funding_awards_grant_key" ON "hjp_funding_awards" USING btree ("grant_id");--> statement-breakpoint
CREATE INDEX "hjp_funding_awards_recipient_idx" ON "hjp_funding_awards" USING btree ("recipient_organisation_id");--> statement-breakpoint
CREATE INDEX "hjp_funding_awards_service_idx" ON "hjp_funding_awards" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "hjp_service_areas_area_idx" ON "hjp_service_areas" USING btree ("area_code");--> statement-breakpoint
CREATE INDEX "hjp_service_sites_ods_idx" ON "hjp_service_sites" USING btree ("ods_code");--> statement-breakpoint
CREATE UNIQUE INDEX "hjp_services_org_ref_key" ON "hjp_services" USING btree ("organisation_id","service_ref");--> statement-breakpoint
CREATE INDEX "hjp_services_icb_idx" ON "hjp_services" USING btree ("icb_code");