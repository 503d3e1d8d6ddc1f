import {
  type Database,
  findLatestClaim,
  insertRateCardVersion,
  listProgrammeFunders,
  listRateCardVersions,
  type Programme,
} from '@coproduce/db';
import {
  DomainError,
  describeTrigger,
  previewCost,
  type RateCard,
  type RateCardVersion,
  rateCardInForce,
  ZRateCard,
} from '@coproduce/domain';
import { today } from '../time.ts';
import type { ActingMember } from '../trpc/context.ts';
import { auditDecision } from './audit-service.ts';
import { withIdempotency } from './idempotency.ts';
import { formatDay } from './monitoring-report/format.ts';
import { outcomesFrameworkOf } from './outcomes-framework.ts';
import { requireProgramme } from './programme-service.ts';

/**
 * A rate card as the editor sends it: funders may be left out (then every co-funder of the
 * programme, with its share of the budget in basis points), or a funder's share left out (its
 * basis points).
 */
export interface RateCardDraft extends Omit<RateCard, 'funders'> {
  readonly funders?: readonly { organisationId: string; share?: number | undefined }[] | undefined;
}

type ProgrammeFunder = Awaited<ReturnType<typeof listProgrammeFunders>>[number];

/** The programme's rate card versions, parsed; the oldest first. */
export async function loadRateCardVersions(
  db: Database,
  { networkId, programmeId }: { networkId: string; programmeId: string },
): Promise<
  (RateCardVersion & { reason: string; createdAt: Date; createdByName: string | null })[]
> {
  const rows = await listRateCardVersions(db, { networkId, programmeId });
  return rows.map(({ version, createdByName }) => ({
    id: version.id,
    effectiveFrom: version.effectiveFrom,
    card: ZRateCard.parse(version.card),
    reason: version.reason,
    createdAt: version.createdAt,
    createdByName,
  }));
}

/**
 * The draft made whole and checked: the card's own rules (`ZRateCard`), then the programme's —
 * funders must be its co-funders, and every timepoint one of its outcomes framework's. Each
 * refusal names the field path under `card` (`card.outcomes.2.trigger.timepoint`).
 */
export function completeRateCard(
  programme: Programme,
  funders: readonly ProgrammeFunder[],
  draft: RateCardDraft,
): RateCard {
  const byId = new Map(funders.map((f) => [f.organisationId, f]));
  const drafted: readonly { organisationId: string; share?: number | undefined }[] =
    draft.funders ?? funders.map((f) => ({ organisationId: f.organisationId }));
  drafted.forEach((funder, index) => {
    if (!byId.has(funder.organisationId)) {
      throw new DomainError(
        'invalid',
        funders.length === 0
          ? 'This programme has no co-funders yet: add them to the programme first.'
          : `Only the programme's co-funders can fund its outcomes: ${funders.map((f) => f.name).join(', ')}.`,
        `card.funders.${index}.organisationId`,
      );
    }
  });
  const card = {
    ...draft,
    funders: drafted.map((f) => ({
      organisationId: f.organisationId,
      share: f.share ?? byId.get(f.organisationId)?.shareBasisPoints ?? 0,
    })),
  };
  const parsed = ZRateCard.safeParse(card);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    throw new DomainError(
      'invalid',
      issue?.message ?? 'Check the rate card.',
      ['card', ...(issue?.path ?? []).map(String)].join('.'),
      {
        fieldErrors: Object.fromEntries(
          parsed.error.issues.map((i) => [['card', ...i.path.map(String)].join('.'), [i.message]]),
        ),
      },
    );
  }
  const timepoints = outcomesFrameworkOf(programme).timepoints.filter((t) => t.kind !== 'baseline');
  parsed.data.outcomes.forEach((outcome, index) => {
    const trigger = outcome.trigger;
    if (trigger.kind !== 'reliable-improvement' && trigger.kind !== 'metric-gain') return;
    if (!timepoints.some((t) => t.code === trigger.timepoint)) {
      throw new DomainError(
        'invalid',
        `Choose one of this programme's timepoints: ${timepoints.map((t) => t.label).join(', ')}.`,
        `card.outcomes.${index}.trigger.timepoint`,
      );
    }
  });
  return parsed.data;
}

function versionView(
  version: Awaited<ReturnType<typeof loadRateCardVersions>>[number],
  inForceId: string | null,
) {
  return {
    id: version.id,
    effectiveFrom: version.effectiveFrom,
    reason: version.reason,
    createdAt: version.createdAt.toISOString(),
    createdByName: version.createdByName,
    inForce: version.id === inForceId,
    card: version.card,
    triggers: version.card.outcomes.map((o) => ({
      code: o.code,
      description: describeTrigger(o.trigger),
    })),
  };
}

/** The day after the last computed claim period: amendments may start from then on. */
async function amendableFrom(db: Database, programmeId: string) {
  const latest = await findLatestClaim(db, { programmeId });
  if (!latest) return { from: null, latest: null };
  const next = new Date(`${latest.periodEnd}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return { from: next.toISOString().slice(0, 10), latest };
}

export async function rateCardVersions(db: Database, actor: ActingMember, programmeId: string) {
  const programme = await requireProgramme(db, actor, programmeId);
  const [versions, funders, amendable] = await Promise.all([
    loadRateCardVersions(db, { networkId: actor.networkId, programmeId }),
    listProgrammeFunders(db, programmeId),
    amendableFrom(db, programmeId),
  ]);
  const inForce = rateCardInForce(versions, today());
  return {
    programme: { id: programme.id, name: programme.name },
    funders: funders.map((f) => ({
      organisationId: f.organisationId,
      name: f.name,
      shareBasisPoints: f.shareBasisPoints,
    })),
    timepoints: outcomesFrameworkOf(programme)
      .timepoints.filter((t) => t.kind !== 'baseline' && t.kind !== 'session')
      .map((t) => ({ code: t.code, label: t.label })),
    versions: versions.map((v) => versionView(v, inForce?.id ?? null)),
    inForceVersionId: inForce?.id ?? null,
    amendableFrom: amendable.from,
  };
}

export interface AmendRateCardInput {
  readonly programmeId: string;
  readonly effectiveFrom: string;
  readonly reason: string;
  readonly card: RateCardDraft;
  readonly idempotencyKey?: string | undefined;
}

/**
 * Adds a dated version of the programme's rate card. Achievements are priced by the version in
 * force on their date, so a version may not start on or before the last day of a claim period
 * already computed: past claims never change.
 */
export async function amendRateCard(db: Database, actor: ActingMember, input: AmendRateCardInput) {
  const programme = await requireProgramme(db, actor, input.programmeId);
  const funders = await listProgrammeFunders(db, programme.id);
  const card = completeRateCard(programme, funders, input.card);
  const reason = input.reason.trim();
  const { idempotencyKey, ...request } = input;
  const amend = async (tx: Database) => {
    const existing = await listRateCardVersions(tx, {
      networkId: actor.networkId,
      programmeId: programme.id,
    });
    if (existing.length > 0 && reason === '') {
      throw new DomainError('invalid', 'Say why the rate card is being amended.', 'reason');
    }
    const { from, latest } = await amendableFrom(tx, programme.id);
    if (from && latest && input.effectiveFrom < from) {
      throw new DomainError(
        'conflict',
        `A claim for ${formatDay(latest.periodStart)} to ${formatDay(latest.periodEnd)} has been computed already; amendments can start from ${formatDay(from)}.`,
        'effectiveFrom',
      );
    }
    const row = await insertRateCardVersion(tx, {
      networkId: actor.networkId,
      programmeId: programme.id,
      effectiveFrom: input.effectiveFrom,
      card: card as unknown as Record<string, unknown>,
      reason,
      createdBy: actor.personId,
    });
    if (!row) {
      throw new DomainError(
        'conflict',
        `There is already a version of this rate card starting on ${formatDay(input.effectiveFrom)}: choose another date.`,
        'effectiveFrom',
      );
    }
    await auditDecision(tx, actor, {
      action: 'rate-card.amended',
      objectType: 'programme',
      objectId: programme.id,
      detail: {
        versionId: row.id,
        effectiveFrom: row.effectiveFrom,
        outcomes: card.outcomes.map((o) => o.code),
        funders: card.funders,
        reason: reason || null,
      },
    });
    return { versionId: row.id, effectiveFrom: row.effectiveFrom };
  };
  return db.transaction((tx) =>
    idempotencyKey
      ? withIdempotency(
          tx,
          actor,
          { key: idempotencyKey, procedure: 'rateCard.amend', request },
          () => amend(tx),
        )
      : amend(tx),
  );
}

/** "What would this cost": the card priced on example numbers of participants per outcome. */
export async function previewRateCard(
  db: Database,
  actor: ActingMember,
  input: {
    programmeId: string;
    card: RateCardDraft;
    example: Readonly<Record<string, number>>;
    participants?: number | undefined;
  },
) {
  const programme = await requireProgramme(db, actor, input.programmeId);
  const funders = await listProgrammeFunders(db, programme.id);
  const card = completeRateCard(programme, funders, input.card);
  const preview = previewCost(card, input.example, input.participants);
  const names = new Map(funders.map((f) => [f.organisationId, f.name]));
  return {
    ...preview,
    perFunder: preview.perFunder.map((f) => ({ ...f, name: names.get(f.organisationId) ?? '' })),
  };
}
