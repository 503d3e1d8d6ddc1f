import {
  acknowledgeRiskFlag,
  attendanceAnchors,
  currentConsents,
  type Database,
  findOrganisationById,
  findResponsesByKeys,
  insertQuestionnaireResponses,
  listOpenRiskFlags,
  listParticipantResponses,
  listParticipantSessions,
  type NewQuestionnaireResponse,
  type Participant,
  type Programme,
  type QuestionnaireResponse,
} from '@coproduce/db';
import {
  DomainError,
  INSTRUMENTS,
  type InstrumentCode,
  isInWindow,
  LICENSED_INSTRUMENTS,
  type LicensedInstrumentCode,
  scoreInstrument,
  validateLicensedScore,
} from '@coproduce/domain';
import type { ActingMember } from '../trpc/context.ts';
import { auditDecision } from './audit-service.ts';
import { outcomesFrameworkOf } from './outcomes-framework.ts';
import {
  consentAllows,
  requireParticipant,
  requireSiteProgramme,
  type SiteScope,
} from './participant-service.ts';

export type AnyInstrumentCode = InstrumentCode | LicensedInstrumentCode;
export type CollectorRole = 'site_lead' | 'practitioner' | 'community_researcher';

export interface QuestionnaireEntry {
  readonly participantId: string;
  readonly instrument: AnyInstrumentCode;
  readonly timepointCode: string;
  readonly recordedOn: string;
  /** Item answers for a published instrument; null for a licensed tool's score. */
  readonly answers: readonly (number | null)[] | null;
  readonly licensedScore?: number | null | undefined;
  readonly collectedBy: string;
  readonly collectorRole: CollectorRole;
  readonly idempotencyKey: string;
  readonly sessionId?: string | null | undefined;
}

const isLicensed = (code: AnyInstrumentCode): code is LicensedInstrumentCode =>
  Object.hasOwn(LICENSED_INSTRUMENTS, code);

/** Scores an entry the way it will be stored; throws a DomainError naming the item. */
export function scoreEntry(
  entry: Pick<QuestionnaireEntry, 'instrument' | 'answers' | 'licensedScore'>,
) {
  if (isLicensed(entry.instrument)) {
    if (entry.licensedScore === null || entry.licensedScore === undefined) {
      throw new DomainError('invalid', 'Enter the score from the licensed tool.', 'licensedScore');
    }
    const scored = validateLicensedScore(entry.instrument, entry.licensedScore);
    return {
      answers: null,
      valid: true,
      total: scored.score,
      band: scored.level === null ? null : `level ${scored.level}`,
      caseness: null,
      riskFlag: false,
      metric: null,
      subscales: {},
      missingItems: 0,
    };
  }
  if (!entry.answers) throw new DomainError('invalid', 'Answer the questions.', 'answers');
  const score = scoreInstrument(entry.instrument, entry.answers);
  return {
    answers: [...entry.answers],
    valid: score.valid,
    total: score.total,
    band: score.band,
    caseness: score.caseness,
    riskFlag: score.riskFlag,
    metric: score.metric,
    subscales: score.subscales,
    missingItems: entry.answers.filter((a) => a === null).length,
  };
}

/**
 * Stores scored questionnaires for participants of one site's programme, inside the caller's
 * transaction. An idempotency key seen before stores nothing and returns the earlier row, so a
 * retried offline send is kept once. Throws on the first entry that cannot be stored.
 */
export async function storeQuestionnaires(
  tx: Database,
  actor: ActingMember,
  scope: SiteScope,
  entries: readonly QuestionnaireEntry[],
  participantsById: ReadonlyMap<string, Participant>,
  programme: Programme,
): Promise<QuestionnaireResponse[]> {
  const framework = outcomesFrameworkOf(programme);
  const timepoints = new Set(framework.timepoints.map((t) => t.code));
  const consents = await currentConsents(tx, [...participantsById.keys()]);
  const rows: NewQuestionnaireResponse[] = entries.map((entry) => {
    const participant = participantsById.get(entry.participantId);
    if (
      !participant ||
      participant.siteOrganisationId !== scope.siteId ||
      participant.programmeId !== scope.programmeId
    ) {
      throw new DomainError('not-found', 'We could not find that participant.', 'participantId');
    }
    if (participant.erasedAt) {
      throw new DomainError(
        'conflict',
        'This participant’s details were erased: nothing more can be recorded.',
        'participantId',
      );
    }
    if (!consentAllows(consents.get(participant.id), entry.recordedOn)) {
      throw new DomainError(
        'precondition-failed',
        `${participant.code} has no consent in force on ${entry.recordedOn}, so nothing can be recorded for that date.`,
        'recordedOn',
      );
    }
    if (!isLicensed(entry.instrument) && !framework.instruments.includes(entry.instrument)) {
      throw new DomainError(
        'invalid',
        `${INSTRUMENTS[entry.instrument].shortName} is not one of this programme’s questionnaires.`,
        'instrument',
      );
    }
    if (!timepoints.has(entry.timepointCode)) {
      throw new DomainError(
        'invalid',
        'Choose one of the programme’s timepoints.',
        'timepointCode',
      );
    }
    return {
      networkId: actor.networkId,
      siteOrganisationId: scope.siteId,
      programmeId: scope.programmeId,
      participantId: participant.id,
      instrument: entry.instrument,
      timepointCode: entry.timepointCode,
      recordedOn: entry.recordedOn,
      collectedBy: entry.collectedBy,
      collectorRole: entry.collectorRole,
      idempotencyKey: entry.idempotencyKey,
      sessionId: entry.sessionId ?? null,
      importId: scope.importId ?? null,
      ...scoreEntry(entry),
    };
  });
  const stored = await insertQuestionnaireResponses(tx, rows);
  if (stored.length === rows.length) return stored;
  const byKey = new Map(
    (
      await findResponsesByKeys(tx, {
        networkId: actor.networkId,
        keys: rows.map((r) => r.idempotencyKey),
      })
    ).map((r) => [r.idempotencyKey, r]),
  );
  return rows.map((row) => {
    const existing = byKey.get(row.idempotencyKey);
    if (!existing) throw new Error('a response vanished between insert and read');
    if (
      existing.participantId !== row.participantId ||
      existing.instrument !== row.instrument ||
      existing.timepointCode !== row.timepointCode ||
      JSON.stringify(existing.answers) !== JSON.stringify(row.answers)
    ) {
      throw new DomainError(
        'conflict',
        'This questionnaire’s key was already used for a different questionnaire.',
        'idempotencyKey',
      );
    }
    return existing;
  });
}

function scoreView(r: QuestionnaireResponse) {
  return {
    responseId: r.id,
    instrument: r.instrument,
    timepointCode: r.timepointCode,
    recordedOn: r.recordedOn,
    valid: r.valid,
    total: r.total,
    band: r.band,
    caseness: r.caseness,
    riskFlag: r.riskFlag,
    riskAcknowledged: r.riskAcknowledgedAt !== null,
    metric: r.metric,
    subscales: r.subscales,
    missingItems: r.missingItems,
    collectorRole: r.collectorRole,
  };
}

export async function safeguardingContact(db: Database, siteId: string) {
  const site = await findOrganisationById(db, siteId);
  return {
    siteName: site?.name ?? '',
    name: site?.safeguardingContactName ?? null,
    phone: site?.safeguardingContactPhone ?? null,
  };
}

/** One questionnaire from the site app (possibly sent again after being offline). */
export async function recordQuestionnaire(
  db: Database,
  actor: ActingMember,
  input: Omit<QuestionnaireEntry, 'collectedBy' | 'collectorRole'>,
) {
  const participant = await requireParticipant(db, actor, input.participantId);
  const scope = { programmeId: participant.programmeId, siteId: participant.siteOrganisationId };
  const programme = await requireSiteProgramme(db, actor, scope);
  const collectorRole = actor.role as CollectorRole;
  const { response, created } = await db.transaction(async (tx) => {
    const before = await findResponsesByKeys(tx, {
      networkId: actor.networkId,
      keys: [input.idempotencyKey],
    });
    const [row] = await storeQuestionnaires(
      tx,
      actor,
      scope,
      [{ ...input, collectedBy: actor.personId, collectorRole }],
      new Map([[participant.id, participant]]),
      programme,
    );
    if (!row) throw new Error('storing a questionnaire returned nothing');
    if (before.length === 0) {
      await auditDecision(tx, actor, {
        action: 'questionnaire.recorded',
        objectType: 'participant',
        objectId: participant.id,
        detail: {
          responseId: row.id,
          code: participant.code,
          instrument: row.instrument,
          timepoint: row.timepointCode,
          riskFlag: row.riskFlag,
        },
      });
    }
    return { response: row, created: before.length === 0 };
  });
  return {
    ...scoreView(response),
    alreadyRecorded: !created,
    windowStatus: await windowStatusOf(db, participant, programme, response),
    safeguarding: response.riskFlag
      ? await safeguardingContact(db, participant.siteOrganisationId)
      : null,
  };
}

async function windowStatusOf(
  db: Database,
  participant: Participant,
  programme: Programme,
  response: Pick<QuestionnaireResponse, 'timepointCode' | 'recordedOn'>,
) {
  const anchors = (await attendanceAnchors(db, [participant.id])).get(participant.id);
  const definition = outcomesFrameworkOf(programme).timepoints.find(
    (t) => t.code === response.timepointCode,
  );
  if (!definition) return 'not-yet-known' as const;
  return isInWindow(
    definition,
    {
      firstAttendedSession: anchors?.firstAttended ?? null,
      lastAttendedTreatmentSession: anchors?.lastTreatment ?? null,
    },
    response.recordedOn,
  );
}

/** A participant's sessions and questionnaires, each questionnaire with its window status. */
export async function timelineOf(db: Database, participant: Participant, programme: Programme) {
  const sessions = await listParticipantSessions(db, participant.id);
  const responses = await listParticipantResponses(db, participant.id);
  const anchors = (await attendanceAnchors(db, [participant.id])).get(participant.id);
  const framework = outcomesFrameworkOf(programme);
  const anchorDates = {
    firstAttendedSession: anchors?.firstAttended ?? null,
    lastAttendedTreatmentSession: anchors?.lastTreatment ?? null,
  };
  return {
    sessions: sessions.map((s) => ({
      sessionId: s.session.id,
      heldOn: s.session.heldOn,
      kind: s.session.kind,
      title: s.session.title,
      practitionerName: s.practitionerName,
      attendance: s.status,
    })),
    questionnaires: responses.map(({ response, collectorName }) => {
      const definition = framework.timepoints.find((t) => t.code === response.timepointCode);
      return {
        ...scoreView(response),
        collectorName,
        windowStatus: definition
          ? isInWindow(definition, anchorDates, response.recordedOn)
          : ('not-yet-known' as const),
      };
    }),
    framework: {
      instruments: framework.instruments,
      timepoints: framework.timepoints.map((t) => ({ code: t.code, label: t.label, kind: t.kind })),
    },
  };
}

export async function openRiskFlags(db: Database, actor: ActingMember, siteId: string) {
  return {
    flags: await listOpenRiskFlags(db, { networkId: actor.networkId, siteId }),
    contact: await safeguardingContact(db, siteId),
  };
}

/** A person at the site confirms they have acted on a PHQ-9 risk flag (safeguarding followed). */
export async function acknowledgeRisk(
  db: Database,
  actor: ActingMember,
  input: {
    responseId: string;
    action: 'contacted-participant' | 'referred' | 'safeguarding-lead-informed';
  },
) {
  return db.transaction(async (tx) => {
    const done = await acknowledgeRiskFlag(tx, {
      responseId: input.responseId,
      personId: actor.personId,
    });
    if (!done)
      throw new DomainError('conflict', 'This risk flag was already acted on.', 'responseId');
    await auditDecision(tx, actor, {
      action: 'questionnaire.risk-acknowledged',
      objectType: 'questionnaire',
      objectId: input.responseId,
      detail: { action: input.action },
    });
    return { acknowledged: true as const };
  });
}
