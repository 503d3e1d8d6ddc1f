CREATE TABLE "attendances" (
	"network_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "attendances_session_id_participant_id_pk" PRIMARY KEY("session_id","participant_id"),
	CONSTRAINT "attendances_status" CHECK ("attendances"."status" in ('attended', 'did-not-attend', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"notice_version" text NOT NULL,
	"service_delivery" boolean NOT NULL,
	"evaluation" boolean NOT NULL,
	"sharing_with_commissioners" boolean NOT NULL,
	"given_on" date NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_on" date,
	"withdrawal_recorded_by" uuid,
	"withdrawal_recorded_at" timestamp with time zone,
	CONSTRAINT "consents_withdrawn_after_given" CHECK ("consents"."withdrawn_on" is null or "consents"."withdrawn_on" >= "consents"."given_on")
);
--> statement-breakpoint
CREATE TABLE "delivery_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"site_organisation_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"kind" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"duration_minutes" integer NOT NULL,
	"practitioner_id" uuid NOT NULL,
	"recorded_by" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delivery_sessions_networkId_id_unique" UNIQUE("network_id","id"),
	CONSTRAINT "delivery_sessions_networkId_idempotencyKey_unique" UNIQUE("network_id","idempotency_key"),
	CONSTRAINT "delivery_sessions_kind" CHECK ("delivery_sessions"."kind" in ('assessment', 'treatment', 'group', 'follow-up')),
	CONSTRAINT "delivery_sessions_duration" CHECK ("delivery_sessions"."duration_minutes" between 1 and 1440)
);
--> statement-breakpoint
CREATE TABLE "evidence_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"site_organisation_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"row_count" integer NOT NULL,
	"imported_by" uuid NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_imports_networkId_id_unique" UNIQUE("network_id","id"),
	CONSTRAINT "evidence_imports_siteOrganisationId_programmeId_kind_sha256_unique" UNIQUE("site_organisation_id","programme_id","kind","sha256")
);
--> statement-breakpoint
CREATE TABLE "participant_identities" (
	"participant_id" uuid PRIMARY KEY NOT NULL,
	"network_id" uuid NOT NULL,
	"site_organisation_id" uuid NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"email" text,
	"phone" text,
	"postcode" text,
	"nhs_number" text,
	CONSTRAINT "participant_identities_nhs_number" CHECK ("participant_identities"."nhs_number" ~ '^[0-9]{10}$')
);
--> statement-breakpoint
CREATE TABLE "participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"site_organisation_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"code" text NOT NULL,
	"enrolled_on" date NOT NULL,
	"enrolled_by" uuid NOT NULL,
	"age_band" text,
	"sex" text,
	"ethnic_group" text,
	"religion" text,
	"main_language" text,
	"disability" text,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participants_networkId_id_unique" UNIQUE("network_id","id"),
	CONSTRAINT "participants_networkId_code_unique" UNIQUE("network_id","code")
);
--> statement-breakpoint
CREATE TABLE "questionnaire_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"site_organisation_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"instrument" text NOT NULL,
	"timepoint_code" text NOT NULL,
	"recorded_on" date NOT NULL,
	"collected_by" uuid NOT NULL,
	"collector_role" text NOT NULL,
	"answers" jsonb,
	"valid" boolean NOT NULL,
	"total" double precision,
	"band" text,
	"caseness" boolean,
	"risk_flag" boolean DEFAULT false NOT NULL,
	"metric" double precision,
	"subscales" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"missing_items" integer DEFAULT 0 NOT NULL,
	"session_id" uuid,
	"import_id" uuid,
	"idempotency_key" text NOT NULL,
	"risk_acknowledged_at" timestamp with time zone,
	"risk_acknowledged_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "questionnaire_responses_networkId_idempotencyKey_unique" UNIQUE("network_id","idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "programme_sites" DROP CONSTRAINT "programme_sites_counts";--> statement-breakpoint
ALTER TABLE "programme_sites" DROP CONSTRAINT "programme_sites_counts_reported_by_people_id_fk";
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "safeguarding_contact_name" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "safeguarding_contact_phone" text;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "outcomes_framework" jsonb;--> statement-breakpoint
ALTER TABLE "attendances" ADD CONSTRAINT "attendances_network_id_session_id_delivery_sessions_network_id_id_fk" FOREIGN KEY ("network_id","session_id") REFERENCES "public"."delivery_sessions"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendances" ADD CONSTRAINT "attendances_network_id_participant_id_participants_network_id_id_fk" FOREIGN KEY ("network_id","participant_id") REFERENCES "public"."participants"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_withdrawal_recorded_by_people_id_fk" FOREIGN KEY ("withdrawal_recorded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_network_id_participant_id_participants_network_id_id_fk" FOREIGN KEY ("network_id","participant_id") REFERENCES "public"."participants"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_sessions" ADD CONSTRAINT "delivery_sessions_practitioner_id_people_id_fk" FOREIGN KEY ("practitioner_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_sessions" ADD CONSTRAINT "delivery_sessions_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_sessions" ADD CONSTRAINT "delivery_sessions_network_id_programme_id_programmes_network_id_id_fk" FOREIGN KEY ("network_id","programme_id") REFERENCES "public"."programmes"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_sessions" ADD CONSTRAINT "delivery_sessions_network_id_site_organisation_id_organisations_network_id_id_fk" FOREIGN KEY ("network_id","site_organisation_id") REFERENCES "public"."organisations"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_imports" ADD CONSTRAINT "evidence_imports_imported_by_people_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_imports" ADD CONSTRAINT "evidence_imports_network_id_programme_id_programmes_network_id_id_fk" FOREIGN KEY ("network_id","programme_id") REFERENCES "public"."programmes"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_identities" ADD CONSTRAINT "participant_identities_network_id_participant_id_participants_network_id_id_fk" FOREIGN KEY ("network_id","participant_id") REFERENCES "public"."participants"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_enrolled_by_people_id_fk" FOREIGN KEY ("enrolled_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_network_id_programme_id_programmes_network_id_id_fk" FOREIGN KEY ("network_id","programme_id") REFERENCES "public"."programmes"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_network_id_site_organisation_id_organisations_network_id_id_fk" FOREIGN KEY ("network_id","site_organisation_id") REFERENCES "public"."organisations"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_collected_by_people_id_fk" FOREIGN KEY ("collected_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_risk_acknowledged_by_people_id_fk" FOREIGN KEY ("risk_acknowledged_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_network_id_participant_id_participants_network_id_id_fk" FOREIGN KEY ("network_id","participant_id") REFERENCES "public"."participants"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_network_id_programme_id_programmes_network_id_id_fk" FOREIGN KEY ("network_id","programme_id") REFERENCES "public"."programmes"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_network_id_session_id_delivery_sessions_network_id_id_fk" FOREIGN KEY ("network_id","session_id") REFERENCES "public"."delivery_sessions"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_network_id_import_id_evidence_imports_network_id_id_fk" FOREIGN KEY ("network_id","import_id") REFERENCES "public"."evidence_imports"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attendances_participant_id_index" ON "attendances" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "consents_participant_id_given_on_index" ON "consents" USING btree ("participant_id","given_on");--> statement-breakpoint
CREATE INDEX "delivery_sessions_site_organisation_id_held_on_index" ON "delivery_sessions" USING btree ("site_organisation_id","held_on");--> statement-breakpoint
CREATE INDEX "delivery_sessions_programme_id_held_on_index" ON "delivery_sessions" USING btree ("programme_id","held_on");--> statement-breakpoint
CREATE INDEX "participant_identities_site_organisation_id_family_name_index" ON "participant_identities" USING btree ("site_organisation_id","family_name");--> statement-breakpoint
CREATE INDEX "participants_site_organisation_id_programme_id_id_index" ON "participants" USING btree ("site_organisation_id","programme_id","id");--> statement-breakpoint
CREATE INDEX "participants_programme_id_site_organisation_id_index" ON "participants" USING btree ("programme_id","site_organisation_id");--> statement-breakpoint
CREATE INDEX "questionnaire_responses_participant_id_recorded_on_index" ON "questionnaire_responses" USING btree ("participant_id","recorded_on");--> statement-breakpoint
CREATE INDEX "questionnaire_responses_programme_id_instrument_timepoint_code_index" ON "questionnaire_responses" USING btree ("programme_id","instrument","timepoint_code");--> statement-breakpoint
CREATE INDEX "questionnaire_responses_site_organisation_id_risk_flag_index" ON "questionnaire_responses" USING btree ("site_organisation_id","risk_flag") WHERE "questionnaire_responses"."risk_flag" and "questionnaire_responses"."risk_acknowledged_at" is null;--> statement-breakpoint
ALTER TABLE "programme_sites" DROP COLUMN "enrolled_count";--> statement-breakpoint
ALTER TABLE "programme_sites" DROP COLUMN "baseline_recorded_count";--> statement-breakpoint
ALTER TABLE "programme_sites" DROP COLUMN "counts_reported_at";--> statement-breakpoint
ALTER TABLE "programme_sites" DROP COLUMN "counts_reported_by";