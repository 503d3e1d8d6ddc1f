import {
  type Database,
  listOrganisationMembers,
  listProgrammeSiteParticipants,
  listProgrammeSiteScores,
} from '@coproduce/db';
import { INSTRUMENTS, type InstrumentCode } from '@coproduce/domain';
import { auditDecision } from '../services/audit-service.ts';
import { recordDeliverySession } from '../services/delivery-session-service.ts';
import { enrolParticipants } from '../services/participant-service.ts';
import { requireProgramme } from '../services/programme-service.ts';
import {
  acknowledgeRisk,
  type QuestionnaireEntry,
  storeQuestionnaires,
} from '../services/questionnaire-service.ts';
import { addDays, today } from '../time.ts';
import type { ActingMember } from '../trpc/context.ts';

/**
 * Fictional participants, sessions and questionnaires for the demo programmes, with the shape
 * real evaluation data has: most people improve, some do not, a few get worse; some answers are
 * missing; some follow-ups never come back; a few PHQ-9s raise a risk flag. Deterministic: the
 * same seed gives the same people and scores.
 */

const GIVEN = [
  'Amara',
  'Ben',
  'Chloe',
  'Daniel',
  'Esther',
  'Farid',
  'Grace',
  'Hassan',
  'Isla',
  'Jamal',
  'Kiran',
  'Leah',
  'Marcus',
  'Nia',
  'Omar',
  'Precious',
  'Qasim',
  'Rosa',
  'Sunita',
  'Tariq',
  'Uchenna',
  'Vera',
  'Wes',
  'Yasmin',
  'Zara',
  'Ade',
  'Bronwen',
  'Callum',
  'Deepak',
  'Efua',
];
const FAMILY = [
  'Abara',
  'Bellamy',
  'Chowdhury',
  'Dlamini',
  'Evans',
  'Fofanah',
  'Gallagher',
  'Haddad',
  'Iqbal',
  'Jankowski',
  'Kowalczyk',
  'Lindqvist',
  'Mbeki',
  'Nwosu',
  'Okonkwo',
  'Pereira',
  'Quayle',
  'Rahman',
  'Sandhu',
  'Thorne',
  'Usman',
  'Varga',
  'Whitlock',
  'Yildiz',
  'Zubair',
];

/** mulberry32: a small, well-known seeded generator. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return hash >>> 0;
}

type Random = () => number;
const pick = <T>(rng: Random, items: readonly T[]): T =>
  items[Math.floor(rng() * items.length)] as T;
const normal = (rng: Random, mean: number, sd: number) =>
  mean + sd * Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
const daysAgo = (days: number) => addDays(today(), -Math.round(days));

/** Item answers that add up to about `target`, each within the instrument's range. */
function answersFor(rng: Random, code: InstrumentCode, target: number): number[] {
  const { itemCount, itemMin, itemMax } = INSTRUMENTS[code];
  const answers = Array.from({ length: itemCount }, () => itemMin);
  let remaining =
    Math.round(Math.min(Math.max(target, itemMin * itemCount), itemMax * itemCount)) -
    itemMin * itemCount;
  while (remaining > 0) {
    const i = Math.floor(rng() * itemCount);
    if ((answers[i] as number) < itemMax) {
      answers[i] = (answers[i] as number) + 1;
      remaining -= 1;
    }
  }
  return answers;
}

/** Typical starting points and changes for people referred to community mental-health support. */
const PROFILE: Record<
  'PHQ9' | 'GAD7' | 'SWEMWBS',
  { start: [number, number]; change: [number, number] }
> = {
  PHQ9: { start: [13, 5], change: [-5.5, 4.5] },
  GAD7: { start: [11, 4.5], change: [-4.5, 3.5] },
  SWEMWBS: { start: [19, 4], change: [3.5, 3.5] },
};

export interface EvidencePlan {
  readonly programmeName: string;
  readonly siteId: string;
  readonly enrolled: number;
  readonly baselineRecorded: number;
  /** When delivery starts (or would start), in days before today. */
  readonly deliveryStartsDaysAgo: number;
}

async function siteStaff(db: Database, networkId: string, siteId: string) {
  const members = await listOrganisationMembers(db, { networkId, organisationId: siteId });
  const as = (role: string): ActingMember | undefined => {
    const m = members.find((member) => member.role === role);
    return (
      m && {
        personId: m.personId,
        membershipId: m.membershipId,
        role: m.role,
        organisationId: siteId,
        networkId,
      }
    );
  };
  return {
    lead: as('site_lead'),
    practitioner: as('practitioner') ?? as('site_lead'),
    researcher: as('community_researcher'),
  };
}

function entry(
  rng: Random,
  collector: ActingMember,
  participantId: string,
  code: InstrumentCode,
  timepointCode: string,
  recordedOn: string,
  target: number,
  options: { risk?: boolean; missing?: boolean } = {},
): QuestionnaireEntry {
  const answers: (number | null)[] = answersFor(rng, code, target);
  if (code === 'PHQ9') answers[8] = options.risk ? 1 : 0;
  if (options.missing) answers[Math.floor(rng() * (answers.length - 1))] = null;
  return {
    participantId,
    instrument: code,
    timepointCode,
    recordedOn,
    answers,
    collectedBy: collector.personId,
    collectorRole: collector.role as QuestionnaireEntry['collectorRole'],
    idempotencyKey: `demo-${participantId}-${code}-${timepointCode}`,
  };
}

const INSTRUMENTS_SEEDED = ['PHQ9', 'GAD7', 'SWEMWBS'] as const;

/**
 * Enrols the site's participants and records baselines for `baselineRecorded` of them, before
 * delivery starts (the baseline gate counts these).
 */
export async function seedBaselineEvidence(
  db: Database,
  networkId: string,
  programmeId: string,
  plan: EvidencePlan,
) {
  const staff = await siteStaff(db, networkId, plan.siteId);
  const enroller = staff.lead ?? staff.practitioner;
  if (!enroller) throw new Error(`demo seed: no one at site ${plan.siteId} can enrol`);
  const rng = random(seedOf(`${plan.programmeName}/${plan.siteId}/baseline`));
  const programme = await requireProgramme(db, enroller, programmeId);
  const stored = await db.transaction(async (tx) => {
    const enrolments = Array.from({ length: plan.enrolled }, () => {
      const enrolledOn = daysAgo(plan.deliveryStartsDaysAgo + 5 + rng() * 30);
      const year = 1950 + Math.floor(rng() * 55);
      const preferNot = rng() < 0.08;
      return {
        enrolledOn,
        identity: {
          givenName: pick(rng, GIVEN),
          familyName: pick(rng, FAMILY),
          dateOfBirth: `${year}-${String(1 + Math.floor(rng() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rng() * 28)).padStart(2, '0')}`,
          phone: `07700 900${String(Math.floor(rng() * 1000)).padStart(3, '0')}`,
        },
        consent: {
          noticeVersion: '2026-01',
          serviceDelivery: true,
          evaluation: rng() > 0.04,
          sharingWithCommissioners: rng() > 0.3,
          givenOn: enrolledOn,
        },
        equality: preferNot
          ? {
              sex: 'prefer-not-to-say',
              ethnicGroup: 'prefer-not-to-say',
              religion: 'prefer-not-to-say',
            }
          : {
              sex: pick(rng, ['female', 'female', 'male']),
              ethnicGroup: pick(rng, [
                'african',
                'caribbean',
                'indian',
                'pakistani',
                'bangladeshi',
                'white-british',
                'any-other-white',
                'white-and-black-caribbean',
                'arab',
              ]),
              religion: pick(rng, ['christian', 'muslim', 'hindu', 'sikh', 'no-religion']),
              mainLanguage: pick(rng, ['en', 'en', 'en', 'ur', 'bn', 'gu', 'so', 'pl']),
              disability: pick(rng, [
                'no',
                'no',
                'no',
                'yes-limited-a-little',
                'yes-limited-a-lot',
              ]),
            },
      };
    });
    const created = await enrolParticipants(
      tx,
      enroller,
      { programmeId, siteId: plan.siteId },
      enrolments as never,
    );
    const entries: QuestionnaireEntry[] = [];
    created.slice(0, plan.baselineRecorded).forEach((participant, index) => {
      const enrolledOn = enrolments[index]?.enrolledOn as string;
      const recordedOn = addDays(enrolledOn, Math.floor(rng() * 4));
      const severity = normal(rng, 0, 1);
      for (const code of INSTRUMENTS_SEEDED) {
        const { start } = PROFILE[code];
        const direction = code === 'SWEMWBS' ? -1 : 1;
        entries.push(
          entry(
            rng,
            enroller,
            participant.id,
            code,
            'baseline',
            recordedOn,
            start[0] + direction * severity * start[1],
            {
              risk: code === 'PHQ9' && severity > 1.6,
              missing: rng() < 0.05,
            },
          ),
        );
      }
    });
    const byId = new Map(
      (await listProgrammeSiteParticipants(tx, { programmeId, siteId: plan.siteId })).map((p) => [
        p.id,
        p,
      ]),
    );
    const rows = await storeQuestionnaires(
      tx,
      enroller,
      { programmeId, siteId: plan.siteId },
      entries,
      byId,
      programme,
    );
    await auditDecision(tx, enroller, {
      action: 'evidence.imported',
      objectType: 'programme',
      objectId: programmeId,
      detail: { source: 'demo seed', participants: created.length, questionnaires: entries.length },
    });
    return rows;
  });
  // Risk flags from more than a month ago were followed up at the time; recent ones still wait.
  for (const row of stored.filter((r) => r.riskFlag && r.recordedOn < daysAgo(30))) {
    await acknowledgeRisk(db, enroller, { responseId: row.id, action: 'contacted-participant' });
  }
}

/**
 * Weekly sessions from the start of delivery with each participant's attendance, then end of
 * treatment and follow-up questionnaires where their dates have passed. Sessions go through
 * the service a practitioner uses; questionnaires are stored in one batch per site.
 */
export async function seedDeliveryEvidence(
  db: Database,
  networkId: string,
  programmeId: string,
  plan: EvidencePlan & { sessionKind: 'group' | 'treatment'; sessions: number },
) {
  const staff = await siteStaff(db, networkId, plan.siteId);
  const practitioner = staff.practitioner;
  if (!practitioner) throw new Error(`demo seed: no practitioner at site ${plan.siteId}`);
  const followUpCollector = staff.researcher ?? practitioner;
  const rng = random(seedOf(`${plan.programmeName}/${plan.siteId}/delivery`));
  const programme = await requireProgramme(db, practitioner, programmeId);
  const scope = { programmeId, siteId: plan.siteId };
  const participants = await listProgrammeSiteParticipants(db, scope);
  const baselines = new Map<string, Partial<Record<InstrumentCode, number>>>();
  for (const score of await listProgrammeSiteScores(db, scope)) {
    if (score.timepointCode !== 'baseline' || !score.valid) continue;
    // Targets are raw totals (SWEMWBS too: its metric score is derived from the raw total).
    const value = score.total;
    if (value === null) continue;
    const own = baselines.get(score.participantId) ?? {};
    own[score.instrument as InstrumentCode] = value;
    baselines.set(score.participantId, own);
  }
  const withBaseline = participants
    .filter((p) => baselines.has(p.id))
    .map((p) => ({
      id: p.id,
      baselines: baselines.get(p.id) ?? {},
      engagement: 0.55 + rng() * 0.4,
    }));
  const weeks = Math.min(plan.sessions, Math.floor(plan.deliveryStartsDaysAgo / 7));
  const attendance = new Map(withBaseline.map((p) => [p.id, 0]));
  let lastSession = '';
  for (let week = 0; week < weeks; week += 1) {
    const heldOn = daysAgo(plan.deliveryStartsDaysAgo - 3 - week * 7);
    lastSession = heldOn;
    const register = withBaseline.map((p) => {
      const attended = rng() < (p.engagement ?? 0.8);
      if (attended) attendance.set(p.id, (attendance.get(p.id) ?? 0) + 1);
      return {
        participantId: p.id,
        status: attended ? ('attended' as const) : ('did-not-attend' as const),
      };
    });
    await recordDeliverySession(db, practitioner, {
      programmeId,
      siteId: plan.siteId,
      heldOn,
      kind: plan.sessionKind,
      title: `Week ${week + 1}`,
      durationMinutes: plan.sessionKind === 'group' ? 90 : 60,
      practitionerId: practitioner.personId,
      register,
      idempotencyKey: `demo-${programmeId}-${plan.siteId}-week-${week + 1}`,
    });
  }
  if (weeks < plan.sessions || !lastSession) return;
  const entries: QuestionnaireEntry[] = [];
  for (const person of withBaseline) {
    if ((attendance.get(person.id) ?? 0) < 2 || rng() < 0.15) continue;
    const change = normal(rng, 0, 1);
    const end = addDays(lastSession, Math.floor(rng() * 7));
    const followUp = addDays(end, 91 + Math.floor(normal(rng, 0, 8)));
    const followUpBack = followUp <= today() && rng() < 0.7;
    for (const code of INSTRUMENTS_SEEDED) {
      const baseline = person.baselines[code];
      if (baseline === undefined) continue;
      const { change: typical } = PROFILE[code];
      const atEnd = baseline + typical[0] + change * typical[1];
      entries.push(
        entry(rng, practitioner, person.id, code, 'end-of-treatment', end, atEnd, {
          missing: rng() < 0.04,
        }),
      );
      if (followUpBack) {
        entries.push(
          entry(
            rng,
            followUpCollector,
            person.id,
            code,
            'follow-up-3m',
            followUp,
            atEnd + normal(rng, 0.5, 2),
          ),
        );
      }
    }
  }
  await db.transaction(async (tx) => {
    const byId = new Map((await listProgrammeSiteParticipants(tx, scope)).map((p) => [p.id, p]));
    await storeQuestionnaires(
      tx,
      practitioner,
      { programmeId, siteId: plan.siteId },
      entries,
      byId,
      programme,
    );
    await auditDecision(tx, practitioner, {
      action: 'evidence.imported',
      objectType: 'programme',
      objectId: programmeId,
      detail: { source: 'demo seed', questionnaires: entries.length },
    });
  });
}
