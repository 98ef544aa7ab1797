-- Changes are noted per ICB (db/schema/hjp-rollup-cells.ts); rows from before are every ICB's ('*').
ALTER TABLE "hjp_rollup_changes" DROP CONSTRAINT "hjp_rollup_changes_pkey";--> statement-breakpoint
ALTER TABLE "hjp_rollup_changes" ADD COLUMN "icb_code" text DEFAULT '*' NOT NULL;--> statement-breakpoint
ALTER TABLE "hjp_rollup_changes" ADD CONSTRAINT "hjp_rollup_changes_txid_icb_code_pk" PRIMARY KEY("txid","icb_code");
