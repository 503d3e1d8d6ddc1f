import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import {
  attendances,
  consents,
  deliverySessions,
  organisations,
  participants,
  programmeSites,
  questionnaireResponses,
} from '../schema/index.ts';

/** Where a measure's value is stored on a questionnaire response. */
export interface OutcomeMeasureSource {
  /** `PHQ9`, `SWEMWBS`, `ONS4.lifeSatisfaction` … */
  readonly measure: string;
  readonly instrument: string;
  readonly source: 'total' | 'metric' | 'subscale';
  /** The subscale's key when `source` is `subscale`. */
  readonly key: string | null;
}

/**
 * A framework timepoint's window as dates relative to its anchor, so the database can place every
 * response and every participant at once. The service derives these from the domain's
 * `timepointWindow` / `isInWindow`.
 */
export interface OutcomeTimepointRule {
  readonly code: string;
  readonly anchor: 'firstAttendedSession' | 'lastAttendedTreatmentSession' | 'session' | null;
  /** The window opens this many days after the anchor (negative: before it). */
  readonly opensAfterDays: number;
  readonly closesAfterDays: number;
  /** Whether a response counts as in window while its anchor is still unknown. */
  readonly inWindowWithoutAnchor: boolean;
  readonly isBaseline: boolean;
  /** Counted as a collection round (every timepoint except per-session questionnaires). */
  readonly isRound: boolean;
  readonly isFollowUp: boolean;
}

export interface OutcomeFactsQuery {
  readonly networkId: string;
  readonly programmeId: string;
  /** Only this site's participants; null for the whole programme. */
  readonly siteId: string | null;
  /** A reporting period's first day; null for the programme to date. */
  readonly startsOn: string | null;
  /** Nothing recorded after this date is read (the period's last day, or today). */
  readonly endsOn: string;
  /** The framework's instruments: a round is complete when each is validly scored. */
  readonly instruments: readonly string[];
  readonly measures: readonly OutcomeMeasureSource[];
  readonly timepoints: readonly OutcomeTimepointRule[];
}

export interface OutcomeSiteFacts {
  readonly siteId: string;
  readonly siteName: string;
  readonly enrolled: number;
  readonly withBaseline: number;
  readonly followUpsDue: number;
  readonly followUpsReceived: number;
  readonly questionnaires: number;
  readonly withMissingItems: number;
  readonly outOfWindow: number;
}

export interface OutcomeFacts {
  /** Per measure, each participant's baseline and last score, position by position. */
  readonly pairs: readonly { measure: string; before: number[]; after: number[] }[];
  /** NHS Talking Therapies episodes: people with PHQ-9 and GAD-7 pairs, position by position. */
  readonly episodes: {
    readonly phq9First: number[];
    readonly phq9Last: number[];
    readonly gad7First: number[];
    readonly gad7Last: number[];
    readonly treatmentSessions: number[];
  };
  /** The programme's sites in scope (and any other site its participants belong to). */
  readonly sites: readonly OutcomeSiteFacts[];
  readonly rounds: readonly {
    timepointCode: string;
    expected: number;
    received: number;
    complete: number;
    practitioner: number;
    communityResearcher: number;
    siteLead: number;
  }[];
  readonly equality: readonly { dimension: string; value: string | null; count: number }[];
}

/**
 * Everything the outcomes report counts, in one statement so responses are read once.
 *
 * Who counts: participants of the programme (and site) enrolled by `endsOn` whose latest consent
 * given by then includes evaluation. A withdrawal stops use from its date: responses recorded on
 * or after it are left out, and no timepoint opening on or after it is expected. Erased
 * participants keep their pseudonymous rows and count like anyone else; identities are never read.
 *
 * Pairs: a participant's latest valid baseline, and their last valid later response (any other
 * timepoint, recorded after that baseline, by `endsOn`); with a period, only when that last
 * response falls inside it. Treatment sessions are attended sessions of kind `treatment` or
 * `group` (group work is how most community programmes deliver treatment).
 *
 * Rounds (every timepoint but per-session ones): expected are everyone enrolled for the baseline,
 * and for later timepoints those whose window opened by the end date and before any withdrawal,
 * plus anyone who answered anyway (so a rate never passes 100%); received have at least one
 * response there; complete have every framework instrument validly scored there. `collectedBy`
 * counts people by who collected their responses. Enrolment, coverage, follow-ups and rounds are
 * as at the end date; questionnaire counts (missing items, out of window) are the period's own.
 */
export async function outcomeFacts(db: Database, q: OutcomeFactsQuery): Promise<OutcomeFacts> {
  const result = await db.execute(outcomeFactsStatement(q));
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    facts: OutcomeFacts | string;
  }[];
  const facts = rows[0]?.facts;
  if (facts === undefined) throw new Error('the outcomes query returned no row');
  return typeof facts === 'string' ? (JSON.parse(facts) as OutcomeFacts) : facts;
}

/** The statement behind `outcomeFacts`, for benchmarks and query plans. */
export function outcomeFactsStatement(q: OutcomeFactsQuery): SQL {
  const site = q.siteId;
  const timepoints = JSON.stringify(
    q.timepoints.map((t) => ({
      code: t.code,
      anchor: t.anchor,
      opens_after: t.opensAfterDays,
      closes_after: t.closesAfterDays,
      in_window_without_anchor: t.inWindowWithoutAnchor,
      is_baseline: t.isBaseline,
      is_round: t.isRound,
      is_follow_up: t.isFollowUp,
    })),
  );
  const baselineCode = q.timepoints.find((t) => t.isBaseline)?.code ?? 'baseline';
  const end = sql`${q.endsOn}::date`;
  const inPeriod = (column: string) =>
    q.startsOn ? sql`${sql.raw(column)} >= ${q.startsOn}::date` : sql`true`;

  return sql`
    with
    tp as (
      select * from jsonb_to_recordset(${timepoints}::jsonb) as t(
        code text, anchor text, opens_after int, closes_after int,
        in_window_without_anchor boolean, is_baseline boolean, is_round boolean, is_follow_up boolean)
    ),
    md as (
      select * from jsonb_to_recordset(${JSON.stringify(q.measures)}::jsonb)
        as m(measure text, instrument text, source text, key text)
    ),
    fi as (
      select f.instrument, 1 << (f.position - 1)::int as bit
      from jsonb_array_elements_text(${JSON.stringify(q.instruments)}::jsonb)
        with ordinality as f(instrument, position)
    ),
    anchors as (
      select a.participant_id,
        min(s.held_on) as first_attended,
        max(s.held_on) filter (where s.kind in ('treatment', 'group')) as last_treatment,
        (count(*) filter (where s.kind in ('treatment', 'group')))::int as treatment_sessions
      from ${attendances} a
      join ${deliverySessions} s on s.id = a.session_id
      where s.programme_id = ${q.programmeId}
        and a.status = 'attended'
        and s.held_on <= ${end}
        ${site ? sql`and s.site_organisation_id = ${site}` : sql``}
      group by a.participant_id
    ),
    cohort as materialized (
      select p.id, p.site_organisation_id as site_id,
        p.age_band, p.sex, p.ethnic_group, p.religion, p.main_language, p.disability,
        c.withdrawn_on as cutoff,
        an.first_attended, an.last_treatment, coalesce(an.treatment_sessions, 0) as treatment_sessions
      from ${participants} p
      join ${consents} c on c.participant_id = p.id and c.given_on <= ${end} and c.evaluation
      left join anchors an on an.participant_id = p.id
      where p.network_id = ${q.networkId}
        and p.programme_id = ${q.programmeId}
        and p.enrolled_on <= ${end}
        -- c is the latest consent given by the end date (an anti-join: one hash pass, not one
        -- index probe per participant).
        and not exists (
          select 1 from ${consents} later
          where later.participant_id = c.participant_id
            and later.given_on <= ${end}
            and (later.given_on, later.recorded_at, later.id) > (c.given_on, c.recorded_at, c.id)
        )
        ${site ? sql`and p.site_organisation_id = ${site}` : sql``}
    ),
    resp as materialized (
      select r.participant_id, c.site_id, r.instrument, r.timepoint_code, r.recorded_on,
        r.created_at, r.valid, r.total, r.metric, r.subscales, r.missing_items, r.collector_role,
        coalesce(fi.bit, 0) as instrument_bit,
        coalesce(
          case
            when tp.code is null then false
            when anchor.day is null then tp.in_window_without_anchor
            else r.recorded_on between anchor.day + tp.opens_after and anchor.day + tp.closes_after
          end,
          false
        ) as in_window
      from ${questionnaireResponses} r
      join cohort c on c.id = r.participant_id
      left join tp on tp.code = r.timepoint_code
      left join fi on fi.instrument = r.instrument
      left join ${deliverySessions} s on s.id = r.session_id
      cross join lateral (
        select case tp.anchor
          when 'firstAttendedSession' then c.first_attended
          when 'lastAttendedTreatmentSession' then c.last_treatment
          when 'session' then s.held_on
        end as day
      ) anchor
      where r.programme_id = ${q.programmeId}
        and r.recorded_on <= ${end}
        and (c.cutoff is null or r.recorded_on < c.cutoff)
    ),
    measured as (
      select r.participant_id, md.measure, r.timepoint_code = ${baselineCode} as is_baseline,
        r.recorded_on, r.created_at, v.value
      from resp r
      join md on md.instrument = r.instrument
      cross join lateral (
        select case md.source
          when 'total' then r.total
          when 'metric' then r.metric
          else (r.subscales ->> md.key)::float8
        end as value
      ) v
      where r.valid and v.value is not null
    ),
    ranked as (
      select participant_id, measure, is_baseline, recorded_on, value,
        row_number() over (
          partition by participant_id, measure, is_baseline
          order by recorded_on desc, created_at desc
        ) as position
      from measured
    ),
    latest as (
      -- The latest baseline, and the latest other score: when that is not after the baseline,
      -- no score is, so one sort finds both ends of every pair.
      select participant_id, measure,
        max(value) filter (where is_baseline) as before,
        max(recorded_on) filter (where is_baseline) as baseline_on,
        max(value) filter (where not is_baseline) as after,
        max(recorded_on) filter (where not is_baseline) as last_on
      from ranked
      where position = 1
      group by participant_id, measure
    ),
    pairs as materialized (
      select l.participant_id, l.measure, l.before, l.after, c.treatment_sessions
      from latest l
      join cohort c on c.id = l.participant_id
      where l.last_on > l.baseline_on and ${inPeriod('l.last_on')}
    ),
    episodes as (
      select p.participant_id,
        max(p.before) filter (where p.measure = 'PHQ9') as phq9_first,
        max(p.after) filter (where p.measure = 'PHQ9') as phq9_last,
        max(p.before) filter (where p.measure = 'GAD7') as gad7_first,
        max(p.after) filter (where p.measure = 'GAD7') as gad7_last,
        max(p.treatment_sessions) as treatment_sessions
      from pairs p
      where p.measure in ('PHQ9', 'GAD7')
      group by p.participant_id
      having count(*) = 2
    ),
    tp_status as materialized (
      select r.participant_id, r.timepoint_code,
        bool_or(r.collector_role = 'practitioner') as by_practitioner,
        bool_or(r.collector_role = 'community_researcher') as by_community_researcher,
        bool_or(r.collector_role = 'site_lead') as by_site_lead,
        coalesce(bit_or(r.instrument_bit) filter (where r.valid), 0) as valid_mask
      from resp r
      group by r.participant_id, r.timepoint_code
    ),
    due as (
      select c.id, c.site_id, tp.code, tp.is_follow_up,
        st.participant_id is not null as received,
        coalesce(st.valid_mask, 0) = (select bit_or(bit) from fi) as complete,
        coalesce(st.by_practitioner, false) as by_practitioner,
        coalesce(st.by_community_researcher, false) as by_community_researcher,
        coalesce(st.by_site_lead, false) as by_site_lead
      from cohort c
      cross join tp
      left join tp_status st on st.participant_id = c.id and st.timepoint_code = tp.code
      cross join lateral (
        select case tp.anchor
          when 'firstAttendedSession' then c.first_attended
          when 'lastAttendedTreatmentSession' then c.last_treatment
        end + tp.opens_after as opens
      ) w
      where tp.is_round
        and (
          tp.is_baseline
          or st.participant_id is not null
          or (w.opens <= ${end} and (c.cutoff is null or w.opens < c.cutoff))
        )
    ),
    site_ids as (
      select organisation_id as site_id from ${programmeSites}
      where programme_id = ${q.programmeId} ${site ? sql`and organisation_id = ${site}` : sql``}
      union
      select distinct site_id from cohort
    ),
    site_people as (
      select c.site_id, count(*) as enrolled,
        count(*) filter (where b.valid_mask > 0) as with_baseline
      from cohort c
      left join tp_status b on b.participant_id = c.id and b.timepoint_code = ${baselineCode}
      group by c.site_id
    ),
    site_due as (
      select site_id,
        count(*) filter (where is_follow_up) as due,
        count(*) filter (where is_follow_up and received) as received
      from due group by site_id
    ),
    site_resp as (
      select site_id, count(*) as questionnaires,
        count(*) filter (where missing_items > 0) as with_missing_items,
        count(*) filter (where not in_window) as out_of_window
      from resp where ${inPeriod('recorded_on')}
      group by site_id
    )
    select json_build_object(
      'pairs', (
        select coalesce(json_agg(x), '[]'::json) from (
          select measure, json_agg(before) as before, json_agg(after) as after
          from pairs group by measure
        ) x
      ),
      'episodes', (
        select json_build_object(
          'phq9First', coalesce(json_agg(phq9_first), '[]'::json),
          'phq9Last', coalesce(json_agg(phq9_last), '[]'::json),
          'gad7First', coalesce(json_agg(gad7_first), '[]'::json),
          'gad7Last', coalesce(json_agg(gad7_last), '[]'::json),
          'treatmentSessions', coalesce(json_agg(treatment_sessions), '[]'::json)
        )
        from episodes
      ),
      'sites', (
        select coalesce(json_agg(x order by x."siteName", x."siteId"), '[]'::json) from (
          select s.site_id as "siteId", o.name as "siteName",
            coalesce(p.enrolled, 0) as enrolled,
            coalesce(p.with_baseline, 0) as "withBaseline",
            coalesce(d.due, 0) as "followUpsDue",
            coalesce(d.received, 0) as "followUpsReceived",
            coalesce(r.questionnaires, 0) as questionnaires,
            coalesce(r.with_missing_items, 0) as "withMissingItems",
            coalesce(r.out_of_window, 0) as "outOfWindow"
          from site_ids s
          join ${organisations} o on o.id = s.site_id
          left join site_people p on p.site_id = s.site_id
          left join site_due d on d.site_id = s.site_id
          left join site_resp r on r.site_id = s.site_id
        ) x
      ),
      'rounds', (
        select coalesce(json_agg(x), '[]'::json) from (
          select code as "timepointCode",
            count(*) as expected,
            count(*) filter (where received) as received,
            count(*) filter (where complete) as complete,
            count(*) filter (where by_practitioner) as practitioner,
            count(*) filter (where by_community_researcher) as "communityResearcher",
            count(*) filter (where by_site_lead) as "siteLead"
          from due group by code
        ) x
      ),
      'equality', (
        select coalesce(json_agg(x), '[]'::json) from (
          select
            case
              when grouping(age_band) = 0 then 'ageBand'
              when grouping(sex) = 0 then 'sex'
              when grouping(ethnic_group) = 0 then 'ethnicGroup'
              when grouping(religion) = 0 then 'religion'
              when grouping(main_language) = 0 then 'mainLanguage'
              else 'disability'
            end as dimension,
            case
              when grouping(age_band) = 0 then age_band
              when grouping(sex) = 0 then sex
              when grouping(ethnic_group) = 0 then ethnic_group
              when grouping(religion) = 0 then religion
              when grouping(main_language) = 0 then main_language
              else disability
            end as value,
            count(*) as count
          from cohort
          group by grouping sets (
            (age_band), (sex), (ethnic_group), (religion), (main_language), (disability)
          )
        ) x
      )
    ) as facts
  `;
}

/** Whether `siteId` is one of the programme's sites. */
export async function isProgrammeSite(
  db: Database,
  { programmeId, siteId }: { programmeId: string; siteId: string },
): Promise<boolean> {
  const rows = await db
    .select({ id: programmeSites.organisationId })
    .from(programmeSites)
    .where(
      and(eq(programmeSites.programmeId, programmeId), eq(programmeSites.organisationId, siteId)),
    );
  return rows.length > 0;
}
