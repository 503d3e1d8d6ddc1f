CREATE TYPE "public"."paid_role_check_kind" AS ENUM('enhanced_dbs', 'right_to_work', 'qualification', 'clinical_supervisor', 'safeguarding_training');--> statement-breakpoint
CREATE TABLE "milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"site_organisation_id" uuid,
	"title" text NOT NULL,
	"evidence_required" text DEFAULT '' NOT NULL,
	"due_on" date,
	"value_pence" bigint NOT NULL,
	"state" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"machine_version" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "paid_role_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"paid_role_id" uuid NOT NULL,
	"kind" "paid_role_check_kind" NOT NULL,
	"reference" text NOT NULL,
	"expires_on" date,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "paid_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"site_organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"holder_person_id" uuid,
	"state" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"machine_version" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_funders" (
	"network_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"share_basis_points" integer NOT NULL,
	"signed_off_at" timestamp with time zone,
	"signed_off_by" uuid,
	CONSTRAINT "programme_funders_programme_id_organisation_id_pk" PRIMARY KEY("programme_id","organisation_id"),
	CONSTRAINT "programme_funders_share" CHECK ("programme_funders"."share_basis_points" between 1 and 10000)
);
--> statement-breakpoint
CREATE TABLE "programme_sites" (
	"network_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"enrolled_count" integer DEFAULT 0 NOT NULL,
	"baseline_recorded_count" integer DEFAULT 0 NOT NULL,
	"counts_reported_at" timestamp with time zone,
	"counts_reported_by" uuid,
	CONSTRAINT "programme_sites_programme_id_organisation_id_pk" PRIMARY KEY("programme_id","organisation_id"),
	CONSTRAINT "programme_sites_counts" CHECK ("programme_sites"."baseline_recorded_count" between 0 and "programme_sites"."enrolled_count")
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"hub_organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"need" text DEFAULT '' NOT NULL,
	"population" text DEFAULT '' NOT NULL,
	"budget_pence" bigint DEFAULT 0 NOT NULL,
	"delegation_limit_pence" bigint NOT NULL,
	"baseline_threshold_percent" integer DEFAULT 80 NOT NULL,
	"minimum_cohort" integer DEFAULT 10 NOT NULL,
	"reporting_period_months" integer DEFAULT 3 NOT NULL,
	"return_due_days" integer DEFAULT 30 NOT NULL,
	"stage" text NOT NULL,
	"state" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"machine_version" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programmes_networkId_id_unique" UNIQUE("network_id","id"),
	CONSTRAINT "programmes_threshold_percent" CHECK ("programmes"."baseline_threshold_percent" between 1 and 100),
	CONSTRAINT "programmes_period_months" CHECK ("programmes"."reporting_period_months" between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "reporting_periods" (
	"network_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"return_due_on" date NOT NULL,
	"return_submitted_at" timestamp with time zone,
	"return_submitted_by" uuid,
	"return_accepted_at" timestamp with time zone,
	CONSTRAINT "reporting_periods_programme_id_number_pk" PRIMARY KEY("programme_id","number")
);
--> statement-breakpoint
CREATE TABLE "workflow_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"workflow_kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"event" text NOT NULL,
	"payload" jsonb NOT NULL,
	"actor_person_id" uuid,
	"actor_role" text,
	"actor_organisation_id" uuid,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"reason" text,
	"at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "workflow_transitions_workflowKind_subjectId_version_unique" UNIQUE("workflow_kind","subject_id","version")
);
--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_network_id_programme_id_programmes_network_id_id_fk" FOREIGN KEY ("network_id","programme_id") REFERENCES "public"."programmes"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_network_id_site_organisation_id_organisations_network_id_id_fk" FOREIGN KEY ("network_id","site_organisation_id") REFERENCES "public"."organisations"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paid_role_checks" ADD CONSTRAINT "paid_role_checks_paid_role_id_paid_roles_id_fk" FOREIGN KEY ("paid_role_id") REFERENCES "public"."paid_roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paid_role_checks" ADD CONSTRAINT "paid_role_checks_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paid_roles" ADD CONSTRAINT "paid_roles_holder_person_id_people_id_fk" FOREIGN KEY ("holder_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paid_roles" ADD CONSTRAINT "paid_roles_network_id_programme_id_programmes_network_id_id_fk" FOREIGN KEY ("network_id","programme_id") REFERENCES "public"."programmes"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paid_roles" ADD CONSTRAINT "paid_roles_network_id_site_organisation_id_organisations_network_id_id_fk" FOREIGN KEY ("network_id","site_organisation_id") REFERENCES "public"."organisations"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_funders" ADD CONSTRAINT "programme_funders_signed_off_by_people_id_fk" FOREIGN KEY ("signed_off_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_funders" ADD CONSTRAINT "programme_funders_network_id_programme_id_programmes_network_id_id_fk" FOREIGN KEY ("network_id","programme_id") REFERENCES "public"."programmes"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_funders" ADD CONSTRAINT "programme_funders_network_id_organisation_id_organisations_network_id_id_fk" FOREIGN KEY ("network_id","organisation_id") REFERENCES "public"."organisations"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_sites" ADD CONSTRAINT "programme_sites_counts_reported_by_people_id_fk" FOREIGN KEY ("counts_reported_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_sites" ADD CONSTRAINT "programme_sites_network_id_programme_id_programmes_network_id_id_fk" FOREIGN KEY ("network_id","programme_id") REFERENCES "public"."programmes"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_sites" ADD CONSTRAINT "programme_sites_network_id_organisation_id_organisations_network_id_id_fk" FOREIGN KEY ("network_id","organisation_id") REFERENCES "public"."organisations"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_network_id_hub_organisation_id_organisations_network_id_id_fk" FOREIGN KEY ("network_id","hub_organisation_id") REFERENCES "public"."organisations"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_periods" ADD CONSTRAINT "reporting_periods_return_submitted_by_people_id_fk" FOREIGN KEY ("return_submitted_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_periods" ADD CONSTRAINT "reporting_periods_network_id_programme_id_programmes_network_id_id_fk" FOREIGN KEY ("network_id","programme_id") REFERENCES "public"."programmes"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_transitions" ADD CONSTRAINT "workflow_transitions_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "milestones_network_id_programme_id_index" ON "milestones" USING btree ("network_id","programme_id");--> statement-breakpoint
CREATE INDEX "milestones_network_id_state_index" ON "milestones" USING btree ("network_id","state");--> statement-breakpoint
CREATE INDEX "paid_role_checks_network_id_paid_role_id_index" ON "paid_role_checks" USING btree ("network_id","paid_role_id");--> statement-breakpoint
CREATE INDEX "paid_role_checks_network_id_expires_on_index" ON "paid_role_checks" USING btree ("network_id","expires_on");--> statement-breakpoint
CREATE INDEX "paid_roles_network_id_programme_id_index" ON "paid_roles" USING btree ("network_id","programme_id");--> statement-breakpoint
CREATE INDEX "paid_roles_network_id_site_organisation_id_index" ON "paid_roles" USING btree ("network_id","site_organisation_id");--> statement-breakpoint
CREATE INDEX "programme_funders_network_id_organisation_id_index" ON "programme_funders" USING btree ("network_id","organisation_id");--> statement-breakpoint
CREATE INDEX "programme_sites_network_id_organisation_id_index" ON "programme_sites" USING btree ("network_id","organisation_id");--> statement-breakpoint
CREATE INDEX "programmes_network_id_stage_index" ON "programmes" USING btree ("network_id","stage");--> statement-breakpoint
CREATE INDEX "reporting_periods_network_id_return_due_on_index" ON "reporting_periods" USING btree ("network_id","return_due_on");--> statement-breakpoint
CREATE INDEX "workflow_transitions_network_id_workflow_kind_subject_id_version_index" ON "workflow_transitions" USING btree ("network_id","workflow_kind","subject_id","version");--> statement-breakpoint
CREATE INDEX "workflow_transitions_network_id_actor_person_id_index" ON "workflow_transitions" USING btree ("network_id","actor_person_id");