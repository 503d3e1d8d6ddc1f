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

/** How many participants of a measure share one (baseline, last score) pair. */
export interface OutcomePairCount {
  readonly measure: string;
  readonly before: number;
  readonly after: number;
  readonly count: number;
}

/** How many NHS Talking Therapies episodes share the same first and last scores and sessions. */
export interface OutcomeEpisodeCount {
  readonly phq9First: number;
  readonly phq9Last: number;
  readonly gad7First: number;
  readonly gad7Last: number;
  readonly treatmentSessions: number;
  readonly count: number;
}

export interface OutcomeFacts {
  /**
   * Per measure, participants' baseline and last scores, counted by pair: every statistic of
   * the report depends only on the pairs, not on whose they are, and scores take few distinct
   * values, so this stays a few hundred rows however many people there are.
   */
  readonly pairs: readonly OutcomePairCount[];
  /** NHS Talking Therapies episodes: people with PHQ-9 and GAD-7 pairs, counted alike. */
  readonly episodes: readonly OutcomeEpisodeCount[];
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
  return db.transaction(async (tx) => {
    // The statement hashes every response and attendance of the programme; PostgreSQL's default
    // 4 MB per sort or hash would spill them to disk from some tens of thousands of people.
    await tx.execute(sql`set local work_mem = '64MB'`);
    const result = await tx.execute(outcomeFactsStatement(q));
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
      facts: OutcomeFacts | string;
    }[];
    const facts = rows[0]?.facts;
    if (facts === undefined) throw new Error('the outcomes query returned no row');
    return typeof facts === 'string' ? (JSON.parse(facts) as OutcomeFacts) : facts;
  });
}

/** The statement behind `outcomeFacts`, for benchmarks and query plans. */
export function outcomeFactsStatement(q: OutcomeFactsQuery): SQL {
  const site = q.siteId;
  const end = sql`${q.endsOn}::date`;
  const inPeriod = (column: SQL) =>
    q.startsOn ? sql`${column} >= ${q.startsOn}::date` : sql`true`;
  const baselineCode = q.timepoints.find((t) => t.isBaseline)?.code ?? 'baseline';
  const list = (items: readonly SQL[], empty: SQL) =>
    items.length > 0 ? sql.join([...items], sql`, `) : empty;
  const anchorOf = (anchor: OutcomeTimepointRule['anchor']) => {
    switch (anchor) {
      case 'firstAttendedSession':
        return sql`c.first_attended`;
      case 'lastAttendedTreatmentSession':
        return sql`c.last_treatment`;
      case 'session':
        return sql`s.held_on`;
      default:
        return sql`null::date`;
    }
  };
  // Whether a response is in its timepoint's window (an unknown timepoint never is).
  const inWindow = q.timepoints.length
    ? sql`case r.timepoint_code ${sql.join(
        q.timepoints.map(
          (t) => sql`when ${t.code}::text then coalesce(case
            when ${anchorOf(t.anchor)} is null then ${t.inWindowWithoutAnchor}::boolean
            else r.recorded_on between ${anchorOf(t.anchor)} + ${t.opensAfterDays}::int
              and ${anchorOf(t.anchor)} + ${t.closesAfterDays}::int end, false)`,
        ),
        sql` `,
      )} else false end`
    : sql`false`;
  const bitOf = q.instruments.length
    ? sql`case r.instrument ${sql.join(
        q.instruments.map((instrument, i) => sql`when ${instrument}::text then ${2 ** i}::int`),
        sql` `,
      )} else 0 end`
    : sql`0`;
  const allBits = 2 ** q.instruments.length - 1;
  const scoreOf = (m: OutcomeMeasureSource) =>
    m.source === 'total'
      ? sql`r.total`
      : m.source === 'metric'
        ? sql`r.metric`
        : sql`(r.subscales ->> ${m.key}::text)::float8`;
  // A score's place in time and its value as one array: the greatest is the latest (stored
  // last on the latest day; exact ties: the higher value).
  const latest = (m: OutcomeMeasureSource, baseline: boolean) =>
    sql`max(array[(r.recorded_on - date '2000-01-01')::float8,
      extract(epoch from r.created_at)::float8, ${scoreOf(m)}])
      filter (where r.valid and r.instrument = ${m.instrument}::text and ${scoreOf(m)} is not null
        and r.timepoint_code ${baseline ? sql`=` : sql`<>`} ${baselineCode}::text)`;
  const rounds = q.timepoints.map((t, i) => ({ t, i })).filter(({ t }) => t.isRound);
  const sessionAnchored = q.timepoints.some((t) => t.anchor === 'session');

  return sql`
    with
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
    -- Everything the report needs from a person's responses, in one pass over them: per
    -- timepoint who answered, who collected and which instruments were validly scored; per
    -- measure the latest baseline and the latest other score; and the period's counts. The
    -- responses of people outside the cohort, after a withdrawal or after the end date are
    -- never joined.
    person as materialized (
      select c.id, c.site_id, c.cutoff, c.first_attended, c.last_treatment, c.treatment_sessions,
        ${list(
          q.timepoints.map(
            (t, i) => sql`bool_or(r.timepoint_code = ${t.code}::text) as ${sql.raw(`t${i}_any`)},
            bool_or(r.timepoint_code = ${t.code}::text and r.collector_role = 'practitioner') as ${sql.raw(`t${i}_pr`)},
            bool_or(r.timepoint_code = ${t.code}::text and r.collector_role = 'community_researcher') as ${sql.raw(`t${i}_cr`)},
            bool_or(r.timepoint_code = ${t.code}::text and r.collector_role = 'site_lead') as ${sql.raw(`t${i}_sl`)},
            coalesce(bit_or(${bitOf}) filter (where r.valid and r.timepoint_code = ${t.code}::text), 0) as ${sql.raw(`t${i}_mask`)}`,
          ),
          sql`null as no_timepoints`,
        )},
        ${list(
          q.measures.map(
            (m, j) =>
              sql`${latest(m, true)} as ${sql.raw(`m${j}_b`)}, ${latest(m, false)} as ${sql.raw(`m${j}_l`)}`,
          ),
          sql`null as no_measures`,
        )},
        count(r.participant_id) filter (where ${inPeriod(sql`r.recorded_on`)}) as questionnaires,
        count(*) filter (where r.missing_items > 0 and ${inPeriod(sql`r.recorded_on`)}) as with_missing_items,
        count(*) filter (where r.participant_id is not null and not (${inWindow})
          and ${inPeriod(sql`r.recorded_on`)}) as out_of_window
      from cohort c
      left join ${questionnaireResponses} r on r.participant_id = c.id
        and r.programme_id = ${q.programmeId}
        and r.recorded_on <= ${end}
        and (c.cutoff is null or r.recorded_on < c.cutoff)
      ${sessionAnchored ? sql`left join ${deliverySessions} s on s.id = r.session_id` : sql``}
      group by c.id, c.site_id, c.cutoff, c.first_attended, c.last_treatment, c.treatment_sessions
    ),
    pairs as materialized (
      select p.id, p.treatment_sessions, m.measure, m.b[3] as before, m.l[3] as after
      from person p
      cross join lateral (values ${list(
        q.measures.map(
          (m, j) => sql`(${m.measure}::text, ${sql.raw(`p.m${j}_b`)}, ${sql.raw(`p.m${j}_l`)})`,
        ),
        sql`(null::text, null::float8[], null::float8[])`,
      )}) as m(measure, b, l)
      where m.l[1] > m.b[1]
        and ${inPeriod(sql`date '2000-01-01' + m.l[1]::int`)}
    ),
    episodes as (
      select
        max(before) filter (where measure = 'PHQ9') as phq9_first,
        max(after) filter (where measure = 'PHQ9') as phq9_last,
        max(before) filter (where measure = 'GAD7') as gad7_first,
        max(after) filter (where measure = 'GAD7') as gad7_last,
        treatment_sessions
      from pairs
      where measure in ('PHQ9', 'GAD7')
      group by id, treatment_sessions
      having count(*) = 2
    ),
    due as materialized (
      select p.site_id, t.code, t.is_follow_up, t.received, t.complete,
        t.by_practitioner, t.by_community_researcher, t.by_site_lead
      from person p
      cross join lateral (values ${list(
        rounds.map(({ t, i }) => {
          const col = (name: string) => sql.raw(`p.t${i}_${name}`);
          const opens =
            t.anchor === 'firstAttendedSession'
              ? sql`p.first_attended + ${t.opensAfterDays}::int`
              : t.anchor === 'lastAttendedTreatmentSession'
                ? sql`p.last_treatment + ${t.opensAfterDays}::int`
                : sql`null::date`;
          return sql`(${t.code}::text, ${t.isBaseline}::boolean, ${t.isFollowUp}::boolean, ${opens},
            coalesce(${col('any')}, false), ${col('mask')} = ${allBits}::int,
            coalesce(${col('pr')}, false), coalesce(${col('cr')}, false), coalesce(${col('sl')}, false))`;
        }),
        sql`(null::text, false, false, null::date, false, false, false, false, false)`,
      )}) as t(code, is_baseline, is_follow_up, opens, received, complete,
        by_practitioner, by_community_researcher, by_site_lead)
      where t.code is not null
        and (
          t.is_baseline
          or t.received
          or (t.opens <= ${end} and (p.cutoff is null or t.opens < p.cutoff))
        )
    ),
    site_ids as (
      select organisation_id as site_id from ${programmeSites}
      where programme_id = ${q.programmeId} ${site ? sql`and organisation_id = ${site}` : sql``}
      union
      select distinct site_id from cohort
    ),
    site_people as (
      select site_id, count(*) as enrolled,
        ${
          q.timepoints.some((t) => t.code === baselineCode)
            ? sql`count(*) filter (where ${sql.raw(
                `t${q.timepoints.findIndex((t) => t.code === baselineCode)}_mask`,
              )} > 0)`
            : sql`0`
        } as with_baseline,
        sum(questionnaires) as questionnaires,
        sum(with_missing_items) as with_missing_items,
        sum(out_of_window) as out_of_window
      from person
      group by site_id
    ),
    site_due as (
      select site_id,
        count(*) filter (where is_follow_up) as due,
        count(*) filter (where is_follow_up and received) as received
      from due group by site_id
    )
    select json_build_object(
      'pairs', (
        select coalesce(json_agg(x), '[]'::json) from (
          select measure, before, after, count(*) as count
          from pairs group by measure, before, after
        ) x
      ),
      'episodes', (
        select coalesce(json_agg(x), '[]'::json) from (
          select phq9_first as "phq9First", phq9_last as "phq9Last",
            gad7_first as "gad7First", gad7_last as "gad7Last",
            treatment_sessions as "treatmentSessions", count(*) as count
          from episodes group by 1, 2, 3, 4, 5
        ) x
      ),
      'sites', (
        select coalesce(json_agg(x order by x."siteName", x."siteId"), '[]'::json) from (
          select s.site_id as "siteId", o.name as "siteName",
            coalesce(p.enrolled, 0) as enrolled,
            coalesce(p.with_baseline, 0) as "withBaseline",
            coalesce(d.due, 0) as "followUpsDue",
            coalesce(d.received, 0) as "followUpsReceived",
            coalesce(p.questionnaires, 0) as questionnaires,
            coalesce(p.with_missing_items, 0) as "withMissingItems",
            coalesce(p.out_of_window, 0) as "outOfWindow"
          from site_ids s
          join ${organisations} o on o.id = s.site_id
          left join site_people p on p.site_id = s.site_id
          left join site_due d on d.site_id = s.site_id
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
