CREATE TABLE "agreement_comments" (
	"id" serial PRIMARY KEY NOT NULL,
	"agreement_id" integer NOT NULL,
	"author_user_id" integer,
	"author_name" text NOT NULL,
	"organisation_id" integer,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"agreement_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_payments" (
	"id" serial PRIMARY KEY NOT NULL,
	"agreement_id" integer NOT NULL,
	"paid_on" date NOT NULL,
	"amount_pence" bigint NOT NULL,
	"reference" text,
	"recorded_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_payments_amount" CHECK ("agreement_payments"."amount_pence" > 0)
);
--> statement-breakpoint
CREATE TABLE "agreement_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"agreement_id" integer NOT NULL,
	"version" integer NOT NULL,
	"change_summary" text NOT NULL,
	"icb_lead_name" text NOT NULL,
	"icb_lead_email" text,
	"parties" jsonb NOT NULL,
	"organisation_ids" integer[] NOT NULL,
	"service_ids" integer[] NOT NULL,
	"footprints" jsonb NOT NULL,
	"footprint_codes" text[] NOT NULL,
	"value_pence" bigint NOT NULL,
	"payment_frequency" text NOT NULL,
	"payment_schedule" jsonb NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"review_date" date,
	"governance" jsonb NOT NULL,
	"data_sharing" jsonb NOT NULL,
	"reporting" jsonb NOT NULL,
	"kpis" jsonb NOT NULL,
	"created_by_user_id" integer,
	"created_by_email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_versions_value" CHECK ("agreement_versions"."value_pence" >= 0),
	CONSTRAINT "agreement_versions_dates" CHECK ("agreement_versions"."end_date" >= "agreement_versions"."start_date")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" serial PRIMARY KEY NOT NULL,
	"icb_code" text NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"purpose" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"predecessor_id" integer,
	"termination_reason" text,
	"agreed_on" date,
	"activated_on" date,
	"ended_on" date,
	"terminated_on" date,
	"current_version" integer DEFAULT 1 NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreements_terminated_has_reason" CHECK ("agreements"."status" <> 'terminated' or "agreements"."termination_reason" is not null)
);
--> statement-breakpoint
ALTER TABLE "agreement_comments" ADD CONSTRAINT "agreement_comments_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_comments" ADD CONSTRAINT "agreement_comments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_comments" ADD CONSTRAINT "agreement_comments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_documents" ADD CONSTRAINT "agreement_documents_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_documents" ADD CONSTRAINT "agreement_documents_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_payments" ADD CONSTRAINT "agreement_payments_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_payments" ADD CONSTRAINT "agreement_payments_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_predecessor_id_agreements_id_fk" FOREIGN KEY ("predecessor_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_comments_agreement_idx" ON "agreement_comments" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "agreement_documents_agreement_idx" ON "agreement_documents" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "agreement_payments_agreement_idx" ON "agreement_payments" USING btree ("agreement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_versions_key" ON "agreement_versions" USING btree ("agreement_id","version");--> statement-breakpoint
CREATE INDEX "agreement_versions_orgs_idx" ON "agreement_versions" USING gin ("organisation_ids");--> statement-breakpoint
CREATE INDEX "agreements_icb_idx" ON "agreements" USING btree ("icb_code","status");--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_predecessor_key" ON "agreements" USING btree ("predecessor_id");