CREATE TABLE "hjp_rollup_builds" (
	"icb_code" text PRIMARY KEY NOT NULL,
	"changes_seen" integer NOT NULL,
	"episodes" integer NOT NULL,
	"last_referral" date,
	"cells" integer NOT NULL,
	"build_ms" integer NOT NULL,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hjp_rollup_cells" (
	"icb_code" text NOT NULL,
	"service_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"delivery_model" text NOT NULL,
	"period_start" date NOT NULL,
	"referral_quarter" date NOT NULL,
	"neighbourhood" text NOT NULL,
	"place" text NOT NULL,
	"setting" text NOT NULL,
	"housing_outcome" text,
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"referrals" integer NOT NULL,
	"attended" integer NOT NULL,
	"closed_attended" integer NOT NULL,
	"clients_with_gains" integer NOT NULL,
	"gains_recurring_pence" bigint NOT NULL,
	"gains_one_off_pence" bigint NOT NULL,
	"clients_with_debt_outcome" integer NOT NULL,
	"debt_managed_pence" bigint NOT NULL,
	"debt_written_off_pence" bigint NOT NULL,
	"housing_outcomes" integer NOT NULL,
	"damp_mould" integer NOT NULL,
	"damp_mould_repaired" integer NOT NULL,
	"resolved_yes" integer NOT NULL,
	"resolved_partly" integer NOT NULL,
	"resolved_no" integer NOT NULL,
	"wellbeing_n" integer NOT NULL,
	"wellbeing_sum" double precision NOT NULL,
	"wellbeing_sum_squares" double precision NOT NULL,
	"wellbeing_meaningful" integer NOT NULL,
	"attended_imd_known" integer NOT NULL,
	"attended_most_deprived" integer NOT NULL,
	"attended_welfare_benefits" integer NOT NULL,
	"attended_debt" integer NOT NULL,
	"attended_housing" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hjp_rollup_changes" (
	"txid" bigint PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "hjp_rollup_cells_icb_dim_idx" ON "hjp_rollup_cells" USING btree ("icb_code","dim","neighbourhood","place");