import type { ClaimLine } from '@coproduce/ui';
import { describe, expect, it } from 'vitest';
import { lineReason } from './line-words.ts';

const line = (overrides: Partial<ClaimLine> = {}): ClaimLine => ({
  id: '00000000-0000-4000-8000-000000000001',
  participantCode: 'SBC-7K2M9Q',
  milestoneId: null,
  outcomeCode: 'PHQ9-RI',
  occurrence: 1,
  achievedOn: '2027-02-01',
  rateCardVersionId: null,
  pricePence: 100_000,
  amountPence: 100_000,
  reduction: null,
  note: '',
  evidence: '',
  funderSplits: [],
  sampled: false,
  verification: 'not-sampled',
  verificationNote: null,
  verifiedByName: null,
  verifiedAt: null,
  live: true,
  clawbackOfLineId: null,
  ...overrides,
});

describe('lineReason', () => {
  it('says nothing for a line claimed at its price', () => {
    expect(lineReason(line())).toEqual({ key: null, note: '' });
  });

  it('names the cap that reduced a line, with the server’s note', () => {
    expect(
      lineReason(
        line({ amountPence: 0, reduction: 'capped-participant', note: 'Cap of £3,000.00 reached' }),
      ),
    ).toEqual({ key: 'claim.reduction.capped-participant', note: 'Cap of £3,000.00 reached' });
  });

  it('says a failed line dropped out, with the verifier’s note', () => {
    expect(
      lineReason(line({ live: false, verification: 'failed', verificationNote: 'No score' })),
    ).toEqual({ key: 'claim.lines.droppedOut', note: 'No score' });
  });

  it('calls a clawback a clawback', () => {
    expect(
      lineReason(
        line({
          amountPence: -100_000,
          clawbackOfLineId: '00000000-0000-4000-8000-000000000002',
          note: 'consent withdrawn',
        }),
      ).key,
    ).toBe('claim.reduction.clawback');
  });
});
