CREATE TABLE "preserved_forms" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"form_key" text NOT NULL,
	"values" jsonb NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reporting_requirements" (
	"id" serial PRIMARY KEY NOT NULL,
	"service_id" integer NOT NULL,
	"agreement_id" integer,
	"frequency" text DEFAULT 'quarterly' NOT NULL,
	"due_days" integer DEFAULT 30 NOT NULL,
	"first_period_start" date NOT NULL,
	"required_measures" text[] NOT NULL,
	"gains_per_client_ceiling_pence" integer DEFAULT 2000000 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_requirements_due_days" CHECK ("reporting_requirements"."due_days" between 0 and 365)
);
--> statement-breakpoint
CREATE TABLE "return_uploads" (
	"id" serial PRIMARY KEY NOT NULL,
	"service_id" integer NOT NULL,
	"period_start" date NOT NULL,
	"user_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"content" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "return_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"return_id" integer NOT NULL,
	"version" integer NOT NULL,
	"source" text NOT NULL,
	"aggregates" jsonb NOT NULL,
	"upload_id" integer,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_by_user_id" integer,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"review" text,
	"review_comment" text,
	"reviewed_by_user_id" integer,
	"reviewed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "returns" (
	"id" serial PRIMARY KEY NOT NULL,
	"requirement_id" integer NOT NULL,
	"service_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"current_version" integer DEFAULT 0 NOT NULL,
	"draft_values" jsonb,
	"draft_revision" integer DEFAULT 0 NOT NULL,
	"draft_saved_at" timestamp with time zone,
	"draft_saved_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "preserved_forms" ADD CONSTRAINT "preserved_forms_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_requirements" ADD CONSTRAINT "reporting_requirements_service_id_hjp_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."hjp_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_uploads" ADD CONSTRAINT "return_uploads_service_id_hjp_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."hjp_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_uploads" ADD CONSTRAINT "return_uploads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_versions" ADD CONSTRAINT "return_versions_return_id_returns_id_fk" FOREIGN KEY ("return_id") REFERENCES "public"."returns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_versions" ADD CONSTRAINT "return_versions_submitted_by_user_id_users_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_versions" ADD CONSTRAINT "return_versions_reviewed_by_user_id_users_id_fk" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "returns" ADD CONSTRAINT "returns_requirement_id_reporting_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."reporting_requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "returns" ADD CONSTRAINT "returns_service_id_hjp_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."hjp_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "returns" ADD CONSTRAINT "returns_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "returns" ADD CONSTRAINT "returns_draft_saved_by_user_id_users_id_fk" FOREIGN KEY ("draft_saved_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "preserved_forms_user_key" ON "preserved_forms" USING btree ("user_id","form_key");--> statement-breakpoint
CREATE INDEX "reporting_requirements_service_idx" ON "reporting_requirements" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "reporting_requirements_agreement_idx" ON "reporting_requirements" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "return_uploads_user_idx" ON "return_uploads" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "return_versions_key" ON "return_versions" USING btree ("return_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "returns_requirement_period_key" ON "returns" USING btree ("requirement_id","period_start");--> statement-breakpoint
CREATE INDEX "returns_service_period_idx" ON "returns" USING btree ("service_id","period_start");--> statement-breakpoint
CREATE INDEX "returns_organisation_idx" ON "returns" USING btree ("organisation_id");