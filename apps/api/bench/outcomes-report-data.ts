import { type Database, insertProgramme, replaceProgrammeParties } from '@coproduce/db';
import {
  AGE_BANDS,
  DEFAULT_OUTCOMES_FRAMEWORK,
  DISABILITY_STATUSES,
  ETHNIC_GROUPS,
  MAIN_LANGUAGES,
  RELIGIONS,
  SEXES,
  swemwbsMetricScore,
} from '@coproduce/domain';
import { initialSnapshot, WORKFLOWS } from '@coproduce/workflow';
import { sql } from 'drizzle-orm';

/**
 * A generated outcomes programme in the demo network "kingsmere" (issue 6, "Analytics vs
 * hand-written SQL"): `participants` people at the network's five sites, each scored on PHQ-9
 * and SWEMWBS at baseline, end of treatment and a 3-month follow-up, with up to eight weekly
 * group sessions. Everything is made by the database with `generate_series`; every random choice
 * is a hash of the row number and a label, so the same size gives the same rows on every run.
 * Dates lie in 2025, so the figures do not depend on the day the bench runs.
 *
 * The mix exercises every rule the report has: a few people without evaluation consent, some
 * who withdraw (what follows is left out), some who consent again later (the latest consent
 * counts), invalid questionnaires, missing items, out-of-window entries, three kinds of
 * collector, and equality monitoring with gaps.
 */
export interface GeneratedProgramme {
  readonly programmeId: string;
  readonly networkId: string;
  readonly participants: number;
  readonly responses: number;
  readonly attendances: number;
}

const FIRST_MONDAY = '2025-01-06';
const WEEKS = 52;

/** Uniform in [0, 1) from the row number `i` and a label: the first 32 bits of an MD5. */
const hash01 = (text: string) =>
  `(('x' || substr(md5(${text}), 1, 8))::bit(32)::bigint::float8 / 4294967296)`;
const u = (label: string, i = 'i') => hash01(`${i}::text || ':${label}'`);
/** Standard normal (Box–Muller) from two labelled uniforms. */
const normal = (label: string, i = 'i') =>
  `(sqrt(-2 * ln(1 - ${u(`${label}-a`, i)})) * cos(2 * pi() * ${u(`${label}-b`, i)}))`;
const clamp = (value: string, low: number, high: number) =>
  `least(${high}, greatest(${low}, round(${value})))`;
/** One of `codes` (SQL array literal), or null with probability `nulls`. */
const pick = (label: string, codes: readonly { code: string }[], nulls: number) =>
  `case when ${u(`${label}-null`)} < ${nulls} then null else (array[${codes
    .map((c) => `'${c.code}'`)
    .join(',')}])[1 + floor(${u(label)} * ${codes.length})::int] end`;

const execute = (db: Database, text: string) => db.execute(sql.raw(text));

export async function generateOutcomesProgramme(
  db: Database,
  participants: number,
): Promise<GeneratedProgramme> {
  const rows = (await db.execute(sql`
    select n.id as network_id,
      (select id from organisations where network_id = n.id and kind = 'hub' limit 1) as hub_id,
      (select array_agg(id order by name) from organisations where network_id = n.id and kind = 'site') as site_ids,
      (select o.id from organisations o where o.network_id = n.id and o.kind = 'commissioner'
         and o.name like '%Integrated Care Board%') as icb_id,
      (select p.id from people p where p.email = 'grace.mensah@hub.example.org') as person_id
    from networks n where n.slug = 'kingsmere'
  `)) as unknown as {
    network_id: string;
    hub_id: string;
    site_ids: string[];
    icb_id: string;
    person_id: string;
  }[];
  const demo = rows[0];
  if (!demo || demo.site_ids.length < 5) throw new Error('the demo network "kingsmere" is missing');
  const sites = demo.site_ids.slice(0, 5);
  const programme = await insertProgramme(db, {
    networkId: demo.network_id,
    hubOrganisationId: demo.hub_id,
    name: `Generated outcomes programme (${participants.toLocaleString('en-GB')} participants)`,
    budgetPence: 0,
    delegationLimitPence: 1_000_000,
    stage: 'delivery',
    state: 'active.delivery',
    snapshot: initialSnapshot('programme'),
    machineVersion: WORKFLOWS.programme.version,
    createdBy: demo.person_id,
    outcomesFramework: {
      instruments: ['PHQ9', 'SWEMWBS'],
      timepoints: DEFAULT_OUTCOMES_FRAMEWORK.filter((t) =>
        ['baseline', 'end-of-treatment', 'follow-up-3m'].includes(t.code),
      ).map((t) => ({ ...t })),
    },
  });
  await replaceProgrammeParties(db, {
    networkId: demo.network_id,
    programmeId: programme.id,
    siteIds: sites,
    funders: [{ organisationId: demo.icb_id, shareBasisPoints: 10_000 }],
  });

  const net = `'${demo.network_id}'::uuid`;
  const prog = `'${programme.id}'::uuid`;
  const person = `'${demo.person_id}'::uuid`;
  // SWEMWBS is scored as a raw total 7–35 and reported on the published metric scale.
  const metricTable = `array[${Array.from({ length: 29 }, (_, k) => swemwbsMetricScore(k + 7)).join(',')}]::float8[]`;
  const siteArray = `array[${sites.map((s) => `'${s}'::uuid`).join(',')}]`;
  // A site runs its weekly group on its own weekday.
  const sessionDay = (site: string, week: string) =>
    `('${FIRST_MONDAY}'::date + (${week}) * 7 + ${site})`;

  return db.transaction(async (tx) => {
    await execute(
      tx,
      `create temporary table bench_plan on commit drop as
       select i, md5('outcomes-bench-participant:' || i)::uuid as id,
         i % 5 as site, floor(${u('week')} * 44)::int as start_week
       from generate_series(1, ${participants}) i`,
    );
    await execute(
      tx,
      `insert into participants (id, network_id, site_organisation_id, programme_id, code,
         enrolled_on, enrolled_by, age_band, sex, ethnic_group, religion, main_language, disability)
       select id, ${net}, (${siteArray})[site + 1], ${prog}, 'OB-' || lpad(i::text, 7, '0'),
         ${sessionDay('site', 'start_week')} - 10 - floor(${u('enrol')} * 5)::int, ${person},
         ${pick('age', AGE_BANDS, 0.05)}, ${pick('sex', SEXES, 0.05)},
         ${pick('ethnic', ETHNIC_GROUPS, 0.1)}, ${pick('religion', RELIGIONS, 0.1)},
         ${pick('language', MAIN_LANGUAGES, 0.15)}, ${pick('disability', DISABILITY_STATUSES, 0.2)}
       from bench_plan`,
    );
    // 2% gave no evaluation consent; 3% withdraw some weeks in; 2% consent again later.
    await execute(
      tx,
      `insert into consents (id, network_id, participant_id, notice_version, service_delivery,
         evaluation, sharing_with_commissioners, given_on, recorded_by, recorded_at, withdrawn_on)
       select md5('outcomes-bench-consent:' || i)::uuid, ${net}, p.id, 'bench', true,
         ${u('no-evaluation')} >= 0.02, true, p.enrolled_on, ${person}, p.enrolled_on::timestamptz,
         case when ${u('withdraw')} < 0.03
           then p.enrolled_on + 20 + floor(${u('withdrawn-on')} * 120)::int end
       from bench_plan b join participants p on p.id = b.id
       union all
       select md5('outcomes-bench-reconsent:' || i)::uuid, ${net}, p.id, 'bench-2', true,
         ${u('reconsent-evaluation')} >= 0.5, true, p.enrolled_on + 30, ${person},
         (p.enrolled_on + 30)::timestamptz, null
       from bench_plan b join participants p on p.id = b.id
       where ${u('reconsent')} < 0.02`,
    );
    await execute(
      tx,
      `insert into delivery_sessions (id, network_id, site_organisation_id, programme_id, held_on,
         kind, title, duration_minutes, practitioner_id, recorded_by, idempotency_key)
       select md5('outcomes-bench-session:' || s || ':' || w)::uuid, ${net},
         (${siteArray})[s + 1], ${prog}, ${sessionDay('s', 'w')}, 'group', 'Weekly group', 90,
         ${person}, ${person}, 'outcomes-bench-session-' || s || '-' || w
       from generate_series(0, 4) s, generate_series(0, ${WEEKS - 1}) w`,
    );
    // Eight weekly groups from the start week; each attended with probability 0.8.
    await execute(
      tx,
      `insert into attendances (network_id, session_id, participant_id, status)
       select ${net}, md5('outcomes-bench-session:' || b.site || ':' || (b.start_week + k))::uuid,
         b.id, case when ${hash01(`b.i::text || ':attend:' || k`)} < 0.8 then 'attended' else 'did-not-attend' end
       from bench_plan b, generate_series(0, 7) k
       where b.start_week + k < ${WEEKS}`,
    );
    // Two instruments at three timepoints. Baseline in the 10 days before the first group; end
    // of treatment around the eighth week; follow-up around 91 days later (some out of window).
    await execute(
      tx,
      `insert into questionnaire_responses (id, network_id, site_organisation_id, programme_id,
         participant_id, instrument, timepoint_code, recorded_on, collected_by, collector_role,
         valid, total, metric, missing_items, idempotency_key, created_at)
       select md5('outcomes-bench-response:' || r.key)::uuid, ${net}, (${siteArray})[b.site + 1],
         ${prog}, b.id, r.instrument, r.timepoint, r.recorded_on, ${person},
         case when ${u('collector', 'r.key')} < 0.7 then 'practitioner'
              when ${u('collector', 'r.key')} < 0.9 then 'community_researcher'
              else 'site_lead' end,
         r.valid, case when r.valid then r.score end,
         case when r.valid and r.instrument = 'SWEMWBS' then (${metricTable})[r.score::int - 6] end,
         case when not r.valid then 3 when ${u('missing', 'r.key')} < 0.05 then 1 else 0 end,
         'outcomes-bench-' || r.key, r.recorded_on::timestamptz + interval '10 hours'
       from bench_plan b
       cross join lateral (
         select ${sessionDay('b.site', 'b.start_week')} as first_group,
           ${sessionDay('b.site', 'least(b.start_week + 7, 51)')} as last_group,
           ${clamp(`13 + 5 * ${normal('phq9', 'b.i')}`, 0, 27)} as phq9,
           ${clamp(`19 + 4 * ${normal('swemwbs', 'b.i')}`, 7, 35)} as swemwbs
       ) d
       cross join lateral (
         select t.key, t.instrument, t.timepoint, t.recorded_on, t.score,
           ${u('valid', 't.key')} >= 0.03 as valid
         from (values
           (b.i || ':phq9:b', 'PHQ9', 'baseline', d.first_group - floor(${u('b-day', 'b.i')} * 10)::int,
             d.phq9, ${u('b-taken', 'b.i')} < 0.98),
           (b.i || ':swemwbs:b', 'SWEMWBS', 'baseline', d.first_group - floor(${u('b-day', 'b.i')} * 10)::int,
             d.swemwbs, ${u('b-taken', 'b.i')} < 0.98),
           (b.i || ':phq9:e', 'PHQ9', 'end-of-treatment', d.last_group + floor(${u('e-day', 'b.i')} * 9)::int - 4,
             ${clamp(`d.phq9 - 5.5 + 4.5 * ${normal('phq9-e', 'b.i')}`, 0, 27)}, ${u('e-taken', 'b.i')} < 0.85),
           (b.i || ':swemwbs:e', 'SWEMWBS', 'end-of-treatment', d.last_group + floor(${u('e-day', 'b.i')} * 9)::int - 4,
             ${clamp(`d.swemwbs + 2.5 + 3 * ${normal('sw-e', 'b.i')}`, 7, 35)},
             ${u('e-taken', 'b.i')} < 0.85),
           (b.i || ':phq9:f', 'PHQ9', 'follow-up-3m', d.last_group + 91 + floor(${u('f-day', 'b.i')} * 50)::int - 25,
             ${clamp(`d.phq9 - 5 + 5 * ${normal('phq9-f', 'b.i')}`, 0, 27)}, ${u('f-taken', 'b.i')} < 0.7),
           (b.i || ':swemwbs:f', 'SWEMWBS', 'follow-up-3m', d.last_group + 91 + floor(${u('f-day', 'b.i')} * 50)::int - 25,
             ${clamp(`d.swemwbs + 3.5 + 3.5 * ${normal('sw-f', 'b.i')}`, 7, 35)},
             ${u('f-taken', 'b.i')} < 0.7)
         ) as t(key, instrument, timepoint, recorded_on, score, taken)
         where t.taken
       ) r`,
    );
    const counts = (await tx.execute(sql`
      select (select count(*) from questionnaire_responses where programme_id = ${programme.id})::int as responses,
        (select count(*) from attendances a join delivery_sessions s on s.id = a.session_id
          where s.programme_id = ${programme.id})::int as attendances
    `)) as unknown as { responses: number; attendances: number }[];
    return {
      programmeId: programme.id,
      networkId: demo.network_id,
      participants,
      responses: counts[0]?.responses ?? 0,
      attendances: counts[0]?.attendances ?? 0,
    };
  });
}
