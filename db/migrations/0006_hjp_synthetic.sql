CREATE TABLE "hjp_synthetic_organisations" (
	"organisation_id" integer PRIMARY KEY NOT NULL,
	"generator" text NOT NULL,
	"seed" integer NOT NULL,
	"data_to" date NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hjp_synthetic_organisations" ADD CONSTRAINT "hjp_synthetic_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;