import { type SQL, sql } from 'drizzle-orm';

/**
 * The programme outcomes report of the generated programme as ONE hand-written query, written
 * from the definitions (ADR 0007, BRIEF "Outcome measures", the domain's instruments and default
 * timepoints) and not from the service's statement, so that the bench's "same numbers" is a real
 * check. It knows the bench's framework by heart: PHQ-9 (total; lower is better; reliable change
 * 6; severity bands from 0, 5, 10, 15, 20) and SWEMWBS (metric score; higher is better; reliable
 * change 3; bins from 7 in fives); baseline in the 28 days up to the first attended session,
 * end of treatment within 14 days of the last attended treatment or group session, and the
 * 3-month follow-up 91 days after it, ±21 days.
 *
 * It returns the figures before suppression: counts, means, the standard deviation of the change
 * and the t quantile for its 95% interval (Cornish–Fisher expansion, exact to far below display
 * precision at these sizes).
 */
export function handWrittenOutcomesQuery(q: {
  networkId: string;
  programmeId: string;
  endsOn: string;
}): SQL {
  const programme = sql`${q.programmeId}::uuid`;
  const end = sql`${q.endsOn}::date`;
  return sql`
with
attended as (
  select a.participant_id,
    min(s.held_on) as first_session,
    max(s.held_on) filter (where s.kind in ('treatment', 'group')) as last_treatment,
    count(*) filter (where s.kind in ('treatment', 'group')) as treatment_sessions
  from attendances a
  join delivery_sessions s on s.id = a.session_id
  where s.programme_id = ${programme} and a.status = 'attended' and s.held_on <= ${end}
  group by a.participant_id
),
latest_consent as (
  select distinct on (c.participant_id) c.participant_id, c.evaluation, c.withdrawn_on
  from consents c
  where c.given_on <= ${end}
    and c.participant_id in (select id from participants where programme_id = ${programme})
  order by c.participant_id, c.given_on desc, c.recorded_at desc, c.id desc
),
people as materialized (
  select p.id, p.site_organisation_id as site, p.age_band, p.sex, p.ethnic_group, p.religion,
    p.main_language, p.disability, lc.withdrawn_on, at.first_session, at.last_treatment
  from participants p
  join latest_consent lc on lc.participant_id = p.id and lc.evaluation
  left join attended at on at.participant_id = p.id
  where p.network_id = ${q.networkId}::uuid and p.programme_id = ${programme}
    and p.enrolled_on <= ${end}
),
answers as materialized (
  select r.participant_id, pe.site, r.instrument, r.timepoint_code, r.recorded_on, r.created_at,
    r.valid, r.missing_items, r.collector_role,
    case r.instrument when 'PHQ9' then r.total when 'SWEMWBS' then r.metric end as score,
    coalesce(case r.timepoint_code
      when 'baseline' then pe.first_session is null
        or r.recorded_on between pe.first_session - 28 and pe.first_session
      when 'end-of-treatment' then
        r.recorded_on between pe.last_treatment - 14 and pe.last_treatment + 14
      when 'follow-up-3m' then
        r.recorded_on between pe.last_treatment + 70 and pe.last_treatment + 112
    end, false) as in_window
  from questionnaire_responses r
  join people pe on pe.id = r.participant_id
  where r.programme_id = ${programme} and r.recorded_on <= ${end}
    and (pe.withdrawn_on is null or r.recorded_on < pe.withdrawn_on)
),
first_scores as (
  select distinct on (participant_id, instrument) participant_id, instrument, score, recorded_on
  from answers
  where valid and score is not null and timepoint_code = 'baseline'
  order by participant_id, instrument, recorded_on desc, created_at desc, score desc
),
last_scores as (
  select distinct on (participant_id, instrument) participant_id, instrument, score, recorded_on
  from answers
  where valid and score is not null and timepoint_code <> 'baseline'
  order by participant_id, instrument, recorded_on desc, created_at desc, score desc
),
pairs as materialized (
  select f.instrument, f.score as before, l.score as after
  from first_scores f
  join last_scores l on l.participant_id = f.participant_id and l.instrument = f.instrument
  where l.recorded_on > f.recorded_on
),
measures as (
  select instrument, count(*) as n, avg(before) as mean_before, avg(after) as mean_after,
    avg(after - before) as mean_change, stddev_samp(after - before) as sd_change,
    count(*) filter (where case instrument when 'PHQ9' then before - after >= 6
                                             else after - before >= 3 end) as reliably_improved
  from pairs group by instrument
),
bins as (
  select instrument, side, bin, count(*) as count
  from pairs
  cross join lateral (values ('baseline', before), ('last', after)) v(side, score)
  cross join lateral (select greatest(1, case instrument
      when 'PHQ9' then width_bucket(score, array[0, 5, 10, 15, 20]::float8[])
      else width_bucket(score, array[7, 12, 17, 22, 27, 32]::float8[]) end) as bin) b
  group by instrument, side, bin
),
timepoint_answers as (
  select participant_id, timepoint_code,
    bool_or(collector_role = 'practitioner') as practitioner,
    bool_or(collector_role = 'community_researcher') as community_researcher,
    bool_or(collector_role = 'site_lead') as site_lead,
    bool_or(valid and instrument = 'PHQ9') and bool_or(valid and instrument = 'SWEMWBS') as complete,
    bool_or(valid and instrument in ('PHQ9', 'SWEMWBS')) as any_valid
  from answers group by participant_id, timepoint_code
),
expected as (
  select pe.id, pe.site, t.code, t.code = 'follow-up-3m' as follow_up, ta.participant_id is not null as received,
    coalesce(ta.complete, false) as complete, coalesce(ta.practitioner, false) as practitioner,
    coalesce(ta.community_researcher, false) as community_researcher,
    coalesce(ta.site_lead, false) as site_lead
  from people pe
  cross join (values ('baseline', null::int), ('end-of-treatment', -14), ('follow-up-3m', 70)) t(code, opens_after)
  left join timepoint_answers ta on ta.participant_id = pe.id and ta.timepoint_code = t.code
  where t.code = 'baseline' or ta.participant_id is not null
    or (pe.last_treatment + t.opens_after <= ${end}
        and (pe.withdrawn_on is null or pe.last_treatment + t.opens_after < pe.withdrawn_on))
)
select json_build_object(
  'measures', (select json_agg(m) from measures m),
  'bins', (select json_agg(b) from bins b),
  't975', (select json_object_agg(instrument, z + (z^3 + z) / (4 * v) + (5 * z^5 + 16 * z^3 + 3 * z) / (96 * v^2)
      + (3 * z^7 + 19 * z^5 + 17 * z^3 - 15 * z) / (384 * v^3)
      + (79 * z^9 + 776 * z^7 + 1482 * z^5 - 1920 * z^3 - 945 * z) / (92160 * v^4))
    from (select instrument, (n - 1)::float8 as v, 1.959963984540054::float8 as z from measures where n > 1) x),
  'sites', (select json_agg(s) from (
    select ps.organisation_id as site, coalesce(sp.enrolled, 0) as enrolled,
      coalesce(sp.with_baseline, 0) as with_baseline,
      coalesce(se.due, 0) as follow_ups_due, coalesce(se.received, 0) as follow_ups_received,
      coalesce(sa.questionnaires, 0) as questionnaires,
      coalesce(sa.with_missing_items, 0) as with_missing_items,
      coalesce(sa.out_of_window, 0) as out_of_window
    from programme_sites ps
    left join (
      select pe.site, count(*) as enrolled, count(*) filter (where ta.any_valid) as with_baseline
      from people pe
      left join timepoint_answers ta on ta.participant_id = pe.id and ta.timepoint_code = 'baseline'
      group by pe.site
    ) sp on sp.site = ps.organisation_id
    left join (
      select site, count(*) filter (where follow_up) as due,
        count(*) filter (where follow_up and received) as received
      from expected group by site
    ) se on se.site = ps.organisation_id
    left join (
      select site, count(*) as questionnaires,
        count(*) filter (where missing_items > 0) as with_missing_items,
        count(*) filter (where not in_window) as out_of_window
      from answers group by site
    ) sa on sa.site = ps.organisation_id
    where ps.programme_id = ${programme}) s),
  'rounds', (select json_agg(r) from (
    select code, count(*) as expected, count(*) filter (where received) as received,
      count(*) filter (where complete) as complete,
      count(*) filter (where practitioner) as practitioner,
      count(*) filter (where community_researcher) as community_researcher,
      count(*) filter (where site_lead) as site_lead
    from expected group by code) r),
  'equality', (select json_agg(e) from (
    select 'ageBand' as dimension, age_band as value, count(*) from people group by age_band
    union all select 'sex', sex, count(*) from people group by sex
    union all select 'ethnicGroup', ethnic_group, count(*) from people group by ethnic_group
    union all select 'religion', religion, count(*) from people group by religion
    union all select 'mainLanguage', main_language, count(*) from people group by main_language
    union all select 'disability', disability, count(*) from people group by disability) e)
) as figures`;
}
