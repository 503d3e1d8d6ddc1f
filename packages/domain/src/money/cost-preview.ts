import { invalid } from '../errors.ts';
import type { FunderPence } from './funder-pence.ts';
import type { RateCard } from './rate-card.ts';
import { splitPence } from './split.ts';

export interface CostPreviewLine {
  code: string;
  /** Participants achieving the outcome in the example. */
  count: number;
  pricePence: number;
  totalPence: number;
}

export interface CostPreview {
  lines: CostPreviewLine[];
  /** Before caps. */
  totalPence: number;
  /** After the participant cap (approximated, see `previewCost`) and the contract cap. */
  cappedTotalPence: number;
  perFunder: FunderPence[];
}

/**
 * "What would this cost": the hub's preview from example numbers of participants achieving
 * each outcome (once each). The contract cap is applied exactly. The participant cap cannot be
 * applied exactly without knowing who achieves what, so with `participants` given the total is
 * limited to `participants × cap` — an upper bound: if achievements bunch on a few people, the
 * real claim is lower.
 */
export function previewCost(
  card: RateCard,
  example: Readonly<Record<string, number>>,
  participants?: number,
): CostPreview {
  if (participants !== undefined && !isCount(participants)) {
    throw invalid('participants', 'Enter the number of participants as a whole number, 0 or more.');
  }
  const codes = new Set(card.outcomes.map((outcome) => outcome.code));
  for (const code of Object.keys(example)) {
    if (!codes.has(code))
      throw invalid(`example.${code}`, `There is no outcome ${code} on this card.`);
  }
  const lines = card.outcomes.map((outcome) => {
    const count = example[outcome.code] ?? 0;
    if (!isCount(count)) {
      throw invalid(`example.${outcome.code}`, 'Enter a whole number of participants, 0 or more.');
    }
    if (participants !== undefined && count > participants) {
      throw invalid(
        `example.${outcome.code}`,
        `${count} achieving ${outcome.code} is more than the ${participants} participants.`,
      );
    }
    return {
      code: outcome.code,
      count,
      pricePence: outcome.pricePence,
      totalPence: safeTotal(count * outcome.pricePence, `example.${outcome.code}`),
    };
  });
  const totalPence = safeTotal(
    lines.reduce((sum, line) => sum + line.totalPence, 0),
    'example',
  );
  let cappedTotalPence = totalPence;
  if (participants !== undefined && card.participantCapPence !== null) {
    cappedTotalPence = Math.min(cappedTotalPence, participants * card.participantCapPence);
  }
  if (card.contractCapPence !== null) {
    cappedTotalPence = Math.min(cappedTotalPence, card.contractCapPence);
  }
  const parts = splitPence(
    cappedTotalPence,
    card.funders.map((funder) => funder.share),
  );
  return {
    lines,
    totalPence,
    cappedTotalPence,
    perFunder: card.funders.map((funder, index) => ({
      organisationId: funder.organisationId,
      pence: parts[index] ?? 0,
    })),
  };
}

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function safeTotal(pence: number, field: string): number {
  if (!Number.isSafeInteger(pence)) throw invalid(field, 'That example is too large to price.');
  return pence;
}
