-- pgbench custom script for bench/write-path.bench.ts: the SQL statements one authenticated
-- `questionnaire.record` call sends to PostgreSQL (captured with log_statement = 'all' on
-- 2026-11-26), in the same order, on the same tables, one script run = one recorded
-- questionnaire. Run with -M extended (postgres.js sends unnamed extended-protocol statements).
--
-- Variables given with -D: nid (network), sid (site), prid (programme), pid (person),
-- mid (membership), tok (session token), n (participants in bench_participants, a lookup table
-- of the site's participants the bench creates so each run picks a participant by number).
-- The audit entry is chained as the API does: seq and prev_hash from the locked chain head;
-- the hash is a SHA-256 computed by PostgreSQL here instead of by Node.
\set i random(1, :n)
\set score random(7, 35)
-- 1. session (better-auth getSession): the session by token, then its person
select "id", "token", "user_id", "expires_at", "ip_address", "user_agent", "active_membership_id", "created_at", "updated_at" from "sessions" where "sessions"."token" = :tok;
select "id", "name", "email", "email_verified", "image", "two_factor_enabled", "created_at", "updated_at" from "people" where "people"."id" = :pid;
-- 2. policy: the acting membership
select "memberships"."id", "memberships"."role", "memberships"."person_id", "organisations"."id", "organisations"."name", "organisations"."kind", "networks"."id", "networks"."name" from "memberships" inner join "organisations" on "organisations"."id" = "memberships"."organisation_id" inner join "networks" on "networks"."id" = "memberships"."network_id" where ("memberships"."id" = :mid and "memberships"."person_id" = :pid and "memberships"."revoked_at" is null);
-- 3. authorize(participantById), then the service's requireParticipant
select "id", "network_id", "site_organisation_id", "programme_id", "code", "enrolled_on", "enrolled_by", "age_band", "sex", "ethnic_group", "religion", "main_language", "disability", "erased_at", "created_at" from "participants" where "participants"."id" = (select participant_id from bench_participants where i = :i) \gset p_
select "id", "network_id", "site_organisation_id", "programme_id", "code", "enrolled_on", "enrolled_by", "age_band", "sex", "ethnic_group", "religion", "main_language", "disability", "erased_at", "created_at" from "participants" where "participants"."id" = :p_id;
-- 4. requireSiteProgramme: the programme, and that it runs at this site
select "id", "network_id", "hub_organisation_id", "name", "need", "population", "budget_pence", "delegation_limit_pence", "baseline_threshold_percent", "minimum_cohort", "reporting_period_months", "return_due_days", "outcomes_framework", "stage", "state", "snapshot", "version", "machine_version", "created_by", "created_at", "updated_at" from "programmes" where ("programmes"."network_id" = :nid and "programmes"."id" = :prid);
select "programme_id" from "programme_sites" where ("programme_sites"."programme_id" = :prid and "programme_sites"."organisation_id" = :sid) limit 1;
-- 5. the transaction: idempotency check, consent, insert, audit chain
begin;
select 'pgb-' || gen_random_uuid() as key \gset
select "id", "network_id", "site_organisation_id", "programme_id", "participant_id", "instrument", "timepoint_code", "recorded_on", "collected_by", "collector_role", "answers", "valid", "total", "band", "caseness", "risk_flag", "metric", "subscales", "missing_items", "session_id", "import_id", "idempotency_key", "risk_acknowledged_at", "risk_acknowledged_by", "created_at" from "questionnaire_responses" where ("questionnaire_responses"."network_id" = :nid and "questionnaire_responses"."idempotency_key" in (:key));
select distinct on ("consents"."participant_id") "id", "network_id", "participant_id", "notice_version", "service_delivery", "evaluation", "sharing_with_commissioners", "given_on", "recorded_by", "recorded_at", "withdrawn_on", "withdrawal_recorded_by", "withdrawal_recorded_at" from "consents" where "consents"."participant_id" in (:p_id) order by "consents"."participant_id", "consents"."given_on" desc, "consents"."recorded_at" desc;
insert into "questionnaire_responses" ("id", "network_id", "site_organisation_id", "programme_id", "participant_id", "instrument", "timepoint_code", "recorded_on", "collected_by", "collector_role", "answers", "valid", "total", "band", "caseness", "risk_flag", "metric", "subscales", "missing_items", "session_id", "import_id", "idempotency_key", "risk_acknowledged_at", "risk_acknowledged_by", "created_at") values (default, :nid, :p_site_organisation_id, :p_programme_id, :p_id, 'SWEMWBS', 'follow-up-3m', current_date, :pid, 'practitioner', '[3, 3, 3, 4, 4, 2, 3]', true, :score, null, null, false, 19.98, '{}', 0, null, null, :key, default, default, default) on conflict ("network_id","idempotency_key") do nothing returning "id", "network_id", "site_organisation_id", "programme_id", "participant_id", "instrument", "timepoint_code", "recorded_on", "collected_by", "collector_role", "answers", "valid", "total", "band", "caseness", "risk_flag", "metric", "subscales", "missing_items", "session_id", "import_id", "idempotency_key", "risk_acknowledged_at", "risk_acknowledged_by", "created_at" \gset r_
insert into "audit_chain_heads" ("network_id", "last_seq", "last_hash") values (:nid, 0, '0000000000000000000000000000000000000000000000000000000000000000') on conflict ("network_id") do update set "last_seq" = "audit_chain_heads"."last_seq" returning "network_id", "last_seq", "last_hash" \gset h_
insert into "audit_entries" ("network_id", "seq", "at", "actor_person_id", "actor_role", "actor_organisation_id", "action", "object_type", "object_id", "detail", "prev_hash", "hash") values (:nid, :h_last_seq + 1, now(), :pid, 'practitioner', :sid, 'questionnaire.recorded', 'participant', :p_id, jsonb_build_object('code', :p_code::text, 'riskFlag', false, 'timepoint', 'follow-up-3m', 'instrument', 'SWEMWBS', 'responseId', :r_id::text), :h_last_hash, encode(sha256(convert_to(:h_last_hash::text || (:h_last_seq + 1)::text || :r_id::text, 'UTF8')), 'hex')) returning "hash" \gset a_
update "audit_chain_heads" set "last_seq" = :h_last_seq + 1, "last_hash" = :a_hash where "audit_chain_heads"."network_id" = :nid;
commit;
-- 6. the window status: the participant's attendance anchors
select "attendances"."participant_id", min("delivery_sessions"."held_on"), max("delivery_sessions"."held_on") filter (where "delivery_sessions"."kind" in ('treatment', 'group')) from "attendances" inner join "delivery_sessions" on "delivery_sessions"."id" = "attendances"."session_id" where ("attendances"."participant_id" in (:p_id) and "attendances"."status" = 'attended') group by "attendances"."participant_id";
