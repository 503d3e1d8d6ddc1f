import { expect } from 'vitest';
import { DomainError } from '../errors.ts';
import type { RateCard, RateCardOutcome, RateCardVersion } from './rate-card.ts';

/** Typed factories and assertions for the money tests (not exported from the package). */

export function buildOutcome(overrides: Partial<RateCardOutcome> = {}): RateCardOutcome {
  return {
    code: 'PHQ9-RI',
    definition: 'Reliable improvement in depression by the end of treatment',
    trigger: { kind: 'reliable-improvement', instrument: 'PHQ9', timepoint: 'end-of-treatment' },
    pricePence: 30_000,
    maxClaimsPerParticipant: 1,
    ...overrides,
  };
}

export function buildRateCard(overrides: Partial<RateCard> = {}): RateCard {
  return {
    outcomes: [buildOutcome()],
    participantCapPence: null,
    contractCapPence: null,
    funders: [
      { organisationId: 'icb', share: 60 },
      { organisationId: 'council', share: 40 },
    ],
    ...overrides,
  };
}

export function buildVersion(
  id: string,
  effectiveFrom: string,
  card: Partial<RateCard> = {},
): RateCardVersion {
  return { id, effectiveFrom, card: buildRateCard(card) };
}

export function expectInvalid(run: () => unknown, field: string, message?: RegExp) {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(DomainError);
  expect(thrown).toMatchObject({ code: 'invalid', field });
  if (message) expect((thrown as Error).message).toMatch(message);
}
