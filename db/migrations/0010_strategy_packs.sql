CREATE TABLE "pack_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"pack_id" integer NOT NULL,
	"version" integer NOT NULL,
	"author_id" integer,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sections" jsonb NOT NULL,
	"snapshot" jsonb,
	"published_at" timestamp with time zone,
	CONSTRAINT "pack_versions_snapshot_when_published" CHECK (("pack_versions"."published_at" is null) = ("pack_versions"."snapshot" is null))
);
--> statement-breakpoint
CREATE TABLE "packs" (
	"id" serial PRIMARY KEY NOT NULL,
	"icb_code" text NOT NULL,
	"place_code" text,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"shared_with_organisation_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "pack_versions" ADD CONSTRAINT "pack_versions_pack_id_packs_id_fk" FOREIGN KEY ("pack_id") REFERENCES "public"."packs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pack_versions" ADD CONSTRAINT "pack_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packs" ADD CONSTRAINT "packs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pack_versions_pack_version_key" ON "pack_versions" USING btree ("pack_id","version");--> statement-breakpoint
CREATE INDEX "packs_icb_idx" ON "packs" USING btree ("icb_code");