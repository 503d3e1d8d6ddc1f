CREATE TABLE "bank_details" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"payee_id" uuid NOT NULL,
	"encrypted" text NOT NULL,
	"account_last3" text NOT NULL,
	"status" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "bank_details_status" CHECK ("bank_details"."status" in ('pending', 'confirmed', 'superseded', 'rejected')),
	CONSTRAINT "bank_details_second_person" CHECK ("bank_details"."decided_by" is null or "bank_details"."decided_by" <> "bank_details"."requested_by"),
	CONSTRAINT "bank_details_last3" CHECK ("bank_details"."account_last3" ~ '^[0-9]{3}$')
);
--> statement-breakpoint
CREATE TABLE "claim_funder_statements" (
	"network_id" uuid NOT NULL,
	"claim_id" uuid NOT NULL,
	"funder_organisation_id" uuid NOT NULL,
	"amount_pence" bigint NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone,
	"settled_by" uuid,
	"settlement_reference" text,
	CONSTRAINT "claim_funder_statements_claim_id_funder_organisation_id_pk" PRIMARY KEY("claim_id","funder_organisation_id")
);
--> statement-breakpoint
CREATE TABLE "claim_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"claim_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"participant_id" uuid,
	"milestone_id" uuid,
	"outcome_code" text NOT NULL,
	"occurrence" integer NOT NULL,
	"achieved_on" date NOT NULL,
	"rate_card_version_id" uuid,
	"price_pence" bigint NOT NULL,
	"amount_pence" bigint NOT NULL,
	"reduction" text,
	"note" text DEFAULT '' NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"funder_splits" jsonb NOT NULL,
	"sampled" boolean DEFAULT false NOT NULL,
	"verification" text DEFAULT 'not-sampled' NOT NULL,
	"verification_note" text,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"live" boolean DEFAULT true NOT NULL,
	"clawback_of_line_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "claim_lines_subject" CHECK (num_nonnulls("claim_lines"."participant_id", "claim_lines"."milestone_id") = 1),
	CONSTRAINT "claim_lines_occurrence" CHECK ("claim_lines"."occurrence" >= 1),
	CONSTRAINT "claim_lines_clawback_sign" CHECK (("claim_lines"."clawback_of_line_id" is null and "claim_lines"."amount_pence" >= 0) or ("claim_lines"."clawback_of_line_id" is not null and "claim_lines"."amount_pence" < 0)),
	CONSTRAINT "claim_lines_verification" CHECK ("claim_lines"."verification" in ('not-sampled', 'pending', 'passed', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"state" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"machine_version" text NOT NULL,
	"prepared_by" uuid NOT NULL,
	"verification_seed" text NOT NULL,
	"sample_percent" integer DEFAULT 10 NOT NULL,
	"sample_minimum" integer DEFAULT 5 NOT NULL,
	"total_pence" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "claims_networkId_id_unique" UNIQUE("network_id","id"),
	CONSTRAINT "claims_period" CHECK ("claims"."period_start" <= "claims"."period_end"),
	CONSTRAINT "claims_sample" CHECK ("claims"."sample_percent" between 1 and 100 and "claims"."sample_minimum" >= 1)
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"network_id" uuid NOT NULL,
	"key" text NOT NULL,
	"procedure" text NOT NULL,
	"person_id" uuid NOT NULL,
	"request_hash" text NOT NULL,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_network_id_key_pk" PRIMARY KEY("network_id","key"),
	CONSTRAINT "idempotency_keys_key" CHECK (length("idempotency_keys"."key") between 8 and 200)
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"posting_id" uuid NOT NULL,
	"account" text NOT NULL,
	"programme_id" uuid,
	"funder_organisation_id" uuid,
	"payee_id" uuid,
	"amount_pence" bigint NOT NULL,
	CONSTRAINT "ledger_entries_nonzero" CHECK ("ledger_entries"."amount_pence" <> 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_postings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"memo" text DEFAULT '' NOT NULL,
	"posted_by" uuid,
	"posted_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_postings_networkId_id_unique" UNIQUE("network_id","id"),
	CONSTRAINT "ledger_postings_networkId_kind_source_unique" UNIQUE("network_id","kind","source")
);
--> statement-breakpoint
CREATE TABLE "payables" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"payee_id" uuid NOT NULL,
	"amount_pence" bigint NOT NULL,
	"milestone_id" uuid,
	"work_log_id" uuid,
	"description" text NOT NULL,
	"due_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payables_milestoneId_unique" UNIQUE("milestone_id"),
	CONSTRAINT "payables_workLogId_unique" UNIQUE("work_log_id"),
	CONSTRAINT "payables_networkId_id_unique" UNIQUE("network_id","id"),
	CONSTRAINT "payables_amount" CHECK ("payables"."amount_pence" > 0),
	CONSTRAINT "payables_one_source" CHECK (num_nonnulls("payables"."milestone_id", "payables"."work_log_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "payees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"person_id" uuid,
	"organisation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payees_networkId_id_unique" UNIQUE("network_id","id"),
	CONSTRAINT "payees_networkId_personId_unique" UNIQUE("network_id","person_id"),
	CONSTRAINT "payees_networkId_organisationId_unique" UNIQUE("network_id","organisation_id"),
	CONSTRAINT "payees_one_kind" CHECK (num_nonnulls("payees"."person_id", "payees"."organisation_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "payment_run_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"payable_id" uuid NOT NULL,
	"payee_id" uuid NOT NULL,
	"bank_details_id" uuid NOT NULL,
	"amount_pence" bigint NOT NULL,
	"reference" text NOT NULL,
	"status" text NOT NULL,
	"failure_reason" text,
	"bank_reference" text,
	"decided_at" timestamp with time zone,
	CONSTRAINT "payment_run_lines_status" CHECK ("payment_run_lines"."status" in ('included', 'paid', 'failed')),
	CONSTRAINT "payment_run_lines_amount" CHECK ("payment_run_lines"."amount_pence" > 0)
);
--> statement-breakpoint
CREATE TABLE "payment_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"due_by" date NOT NULL,
	"state" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"machine_version" text NOT NULL,
	"created_by" uuid NOT NULL,
	"approved_by" uuid,
	"released_by" uuid,
	"released_at" timestamp with time zone,
	"processing_date" date,
	"total_pence" bigint NOT NULL,
	"line_count" integer NOT NULL,
	"exclusions" jsonb NOT NULL,
	"bacs_file" text,
	"bulk_payment_csv" text,
	"file_sha256" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_runs_networkId_id_unique" UNIQUE("network_id","id"),
	CONSTRAINT "payment_runs_second_person" CHECK ("payment_runs"."approved_by" is null or "payment_runs"."approved_by" <> "payment_runs"."created_by")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"payable_id" uuid NOT NULL,
	"run_line_id" uuid NOT NULL,
	"amount_pence" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"bank_reference" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_payableId_unique" UNIQUE("payable_id"),
	CONSTRAINT "payments_runLineId_unique" UNIQUE("run_line_id"),
	CONSTRAINT "payments_amount" CHECK ("payments"."amount_pence" > 0)
);
--> statement-breakpoint
CREATE TABLE "rate_card_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"effective_from" date NOT NULL,
	"card" jsonb NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rate_card_versions_programmeId_effectiveFrom_unique" UNIQUE("programme_id","effective_from")
);
--> statement-breakpoint
CREATE TABLE "work_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"paid_role_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"delivery_session_id" uuid,
	"month" date,
	"minutes" integer,
	"worked_on" date NOT NULL,
	"state" text NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"rejected_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_logs_paidRoleId_deliverySessionId_unique" UNIQUE("paid_role_id","delivery_session_id"),
	CONSTRAINT "work_logs_paidRoleId_month_unique" UNIQUE("paid_role_id","month"),
	CONSTRAINT "work_logs_state" CHECK ("work_logs"."state" in ('logged', 'confirmed', 'approved', 'rejected')),
	CONSTRAINT "work_logs_kind" CHECK (("work_logs"."kind" = 'session' and "work_logs"."delivery_session_id" is not null and "work_logs"."month" is null) or ("work_logs"."kind" = 'month' and "work_logs"."month" is not null and "work_logs"."delivery_session_id" is null)),
	CONSTRAINT "work_logs_minutes" CHECK ("work_logs"."minutes" is null or "work_logs"."minutes" between 1 and 1440),
	CONSTRAINT "work_logs_confirmer" CHECK ("work_logs"."confirmed_by" is null or "work_logs"."confirmed_by" <> "work_logs"."person_id")
);
--> statement-breakpoint
ALTER TABLE "paid_roles" ADD COLUMN "pay_basis" text;--> statement-breakpoint
ALTER TABLE "paid_roles" ADD COLUMN "pay_rate_pence" bigint;--> statement-breakpoint
ALTER TABLE "bank_details" ADD CONSTRAINT "bank_details_requested_by_people_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_details" ADD CONSTRAINT "bank_details_decided_by_people_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_details" ADD CONSTRAINT "bank_details_network_id_payee_id_payees_network_id_id_fk" FOREIGN KEY ("network_id","payee_id") REFERENCES "public"."payees"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_funder_statements" ADD CONSTRAINT "claim_funder_statements_settled_by_people_id_fk" FOREIGN KEY ("settled_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_funder_statements" ADD CONSTRAINT "claim_funder_statements_network_id_claim_id_claims_network_id_id_fk" FOREIGN KEY ("network_id","claim_id") REFERENCES "public"."claims"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_funder_statements" ADD CONSTRAINT "claim_funder_statements_network_id_funder_organisation_id_organisations_network_id_id_fk" FOREIGN KEY ("network_id","funder_organisation_id") REFERENCES "public"."organisations"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_lines" ADD CONSTRAINT "claim_lines_milestone_id_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."milestones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_lines" ADD CONSTRAINT "claim_lines_rate_card_version_id_rate_card_versions_id_fk" FOREIGN KEY ("rate_card_version_id") REFERENCES "public"."rate_card_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_lines" ADD CONSTRAINT "claim_lines_verified_by_people_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_lines" ADD CONSTRAINT "claim_lines_network_id_claim_id_claims_network_id_id_fk" FOREIGN KEY ("network_id","claim_id") REFERENCES "public"."claims"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_lines" ADD CONSTRAINT "claim_lines_network_id_participant_id_participants_network_id_id_fk" FOREIGN KEY ("network_id","participant_id") REFERENCES "public"."participants"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_lines" ADD CONSTRAINT "claim_lines_clawback_of_line_id_claim_lines_id_fk" FOREIGN KEY ("clawback_of_line_id") REFERENCES "public"."claim_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_prepared_by_people_id_fk" FOREIGN KEY ("prepared_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_network_id_programme_id_programmes_network_id_id_fk" FOREIGN KEY ("network_id","programme_id") REFERENCES "public"."programmes"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_network_id_posting_id_ledger_postings_network_id_id_fk" FOREIGN KEY ("network_id","posting_id") REFERENCES "public"."ledger_postings"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_posted_by_people_id_fk" FOREIGN KEY ("posted_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payables" ADD CONSTRAINT "payables_milestone_id_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."milestones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payables" ADD CONSTRAINT "payables_work_log_id_work_logs_id_fk" FOREIGN KEY ("work_log_id") REFERENCES "public"."work_logs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payables" ADD CONSTRAINT "payables_network_id_programme_id_programmes_network_id_id_fk" FOREIGN KEY ("network_id","programme_id") REFERENCES "public"."programmes"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payables" ADD CONSTRAINT "payables_network_id_payee_id_payees_network_id_id_fk" FOREIGN KEY ("network_id","payee_id") REFERENCES "public"."payees"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payees" ADD CONSTRAINT "payees_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payees" ADD CONSTRAINT "payees_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payees" ADD CONSTRAINT "payees_network_id_organisation_id_organisations_network_id_id_fk" FOREIGN KEY ("network_id","organisation_id") REFERENCES "public"."organisations"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_run_lines" ADD CONSTRAINT "payment_run_lines_bank_details_id_bank_details_id_fk" FOREIGN KEY ("bank_details_id") REFERENCES "public"."bank_details"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_run_lines" ADD CONSTRAINT "payment_run_lines_network_id_run_id_payment_runs_network_id_id_fk" FOREIGN KEY ("network_id","run_id") REFERENCES "public"."payment_runs"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_run_lines" ADD CONSTRAINT "payment_run_lines_network_id_payable_id_payables_network_id_id_fk" FOREIGN KEY ("network_id","payable_id") REFERENCES "public"."payables"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_runs" ADD CONSTRAINT "payment_runs_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_runs" ADD CONSTRAINT "payment_runs_approved_by_people_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_runs" ADD CONSTRAINT "payment_runs_released_by_people_id_fk" FOREIGN KEY ("released_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_run_line_id_payment_run_lines_id_fk" FOREIGN KEY ("run_line_id") REFERENCES "public"."payment_run_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_network_id_payable_id_payables_network_id_id_fk" FOREIGN KEY ("network_id","payable_id") REFERENCES "public"."payables"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_card_versions" ADD CONSTRAINT "rate_card_versions_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_card_versions" ADD CONSTRAINT "rate_card_versions_network_id_programme_id_programmes_network_id_id_fk" FOREIGN KEY ("network_id","programme_id") REFERENCES "public"."programmes"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_logs" ADD CONSTRAINT "work_logs_paid_role_id_paid_roles_id_fk" FOREIGN KEY ("paid_role_id") REFERENCES "public"."paid_roles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_logs" ADD CONSTRAINT "work_logs_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_logs" ADD CONSTRAINT "work_logs_delivery_session_id_delivery_sessions_id_fk" FOREIGN KEY ("delivery_session_id") REFERENCES "public"."delivery_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_logs" ADD CONSTRAINT "work_logs_confirmed_by_people_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_logs" ADD CONSTRAINT "work_logs_approved_by_people_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bank_details_one_pending" ON "bank_details" USING btree ("payee_id") WHERE "bank_details"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "bank_details_one_confirmed" ON "bank_details" USING btree ("payee_id") WHERE "bank_details"."status" = 'confirmed';--> statement-breakpoint
CREATE INDEX "claim_funder_statements_network_id_funder_organisation_id_index" ON "claim_funder_statements" USING btree ("network_id","funder_organisation_id");--> statement-breakpoint
CREATE INDEX "claim_lines_network_id_claim_id_index" ON "claim_lines" USING btree ("network_id","claim_id");--> statement-breakpoint
CREATE INDEX "claim_lines_network_id_programme_id_participant_id_index" ON "claim_lines" USING btree ("network_id","programme_id","participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "claim_lines_participant_claimed_once" ON "claim_lines" USING btree ("programme_id","participant_id","outcome_code","occurrence") WHERE "claim_lines"."live" and "claim_lines"."amount_pence" > 0 and "claim_lines"."clawback_of_line_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "claim_lines_milestone_claimed_once" ON "claim_lines" USING btree ("programme_id","milestone_id","outcome_code") WHERE "claim_lines"."live" and "claim_lines"."amount_pence" > 0 and "claim_lines"."clawback_of_line_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "claim_lines_one_clawback" ON "claim_lines" USING btree ("clawback_of_line_id") WHERE "claim_lines"."live" and "claim_lines"."clawback_of_line_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "claims_one_live_per_period" ON "claims" USING btree ("programme_id","period_start","period_end") WHERE "claims"."state" <> 'rejected';--> statement-breakpoint
CREATE INDEX "claims_network_id_programme_id_period_start_index" ON "claims" USING btree ("network_id","programme_id","period_start");--> statement-breakpoint
CREATE INDEX "ledger_entries_posting_id_index" ON "ledger_entries" USING btree ("posting_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_network_id_programme_id_account_index" ON "ledger_entries" USING btree ("network_id","programme_id","account");--> statement-breakpoint
CREATE INDEX "ledger_entries_network_id_payee_id_index" ON "ledger_entries" USING btree ("network_id","payee_id");--> statement-breakpoint
CREATE INDEX "ledger_postings_network_id_posted_at_index" ON "ledger_postings" USING btree ("network_id","posted_at");--> statement-breakpoint
CREATE INDEX "payables_network_id_due_on_id_index" ON "payables" USING btree ("network_id","due_on","id");--> statement-breakpoint
CREATE INDEX "payables_network_id_payee_id_index" ON "payables" USING btree ("network_id","payee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_run_lines_one_live" ON "payment_run_lines" USING btree ("payable_id") WHERE "payment_run_lines"."status" in ('included', 'paid');--> statement-breakpoint
CREATE INDEX "payment_run_lines_network_id_run_id_index" ON "payment_run_lines" USING btree ("network_id","run_id");--> statement-breakpoint
CREATE INDEX "payment_run_lines_network_id_payee_id_index" ON "payment_run_lines" USING btree ("network_id","payee_id");--> statement-breakpoint
CREATE INDEX "payment_runs_network_id_state_index" ON "payment_runs" USING btree ("network_id","state");--> statement-breakpoint
CREATE INDEX "payments_network_id_paid_on_index" ON "payments" USING btree ("network_id","paid_on");--> statement-breakpoint
CREATE INDEX "rate_card_versions_network_id_programme_id_index" ON "rate_card_versions" USING btree ("network_id","programme_id");--> statement-breakpoint
CREATE INDEX "work_logs_network_id_state_index" ON "work_logs" USING btree ("network_id","state");--> statement-breakpoint
CREATE INDEX "work_logs_network_id_person_id_index" ON "work_logs" USING btree ("network_id","person_id");