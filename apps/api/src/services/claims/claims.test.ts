import type { ClaimedLine } from '@coproduce/db';
import type { Achievement } from '@coproduce/domain';
import { describe, expect, it } from 'vitest';
import { claimedBefore, clawbacksFor } from './compute.ts';
import { type ClaimStatement, poundsText, statementCsv, statementPdf } from './statement.ts';

function buildLine(overrides: Partial<ClaimedLine> = {}): ClaimedLine {
  return {
    id: 'line-1',
    claimId: 'claim-1',
    claimState: 'settled',
    participantId: 'p1',
    milestoneId: null,
    outcomeCode: 'PHQ9-RI',
    occurrence: 1,
    achievedOn: '2026-03-02',
    rateCardVersionId: 'v1',
    pricePence: 30_000,
    amountPence: 30_000,
    funderSplits: [
      { organisationId: 'council', pence: 12_000 },
      { organisationId: 'icb', pence: 18_000 },
    ],
    live: true,
    verification: 'passed',
    clawbackOfLineId: null,
    ...overrides,
  };
}

const achieved = (overrides: Partial<Achievement> = {}): Achievement => ({
  participantId: 'p1',
  milestoneId: null,
  outcomeCode: 'PHQ9-RI',
  achievedOn: '2026-03-02',
  evidence: 'PHQ9 baseline to end of treatment',
  ...overrides,
});

describe('claimedBefore', () => {
  it('counts live lines as they are and failed lines as zero, and nothing else', () => {
    const history = [
      buildLine({ id: 'a' }),
      buildLine({ id: 'b', outcomeCode: 'ATTEND-6', live: false, verification: 'failed' }),
      buildLine({ id: 'c', amountPence: -30_000, clawbackOfLineId: 'a' }),
      buildLine({ id: 'd', outcomeCode: 'GAD7-RI', live: false, verification: 'not-sampled' }),
    ];
    expect(claimedBefore(history).map((l) => [l.outcomeCode, l.amountPence])).toEqual([
      ['PHQ9-RI', 30_000],
      ['ATTEND-6', 0],
      ['PHQ9-RI', -30_000],
    ]);
  });
});

describe('clawbacksFor', () => {
  it.each<[string, ClaimedLine[], Achievement[], string[]]>([
    ['nothing while the achievement holds', [buildLine()], [achieved()], []],
    ['the paid line once the evidence is gone', [buildLine()], [], ['line-1']],
    ['nothing for a claim not yet settled', [buildLine({ claimState: 'approved' })], [], []],
    ['nothing for a zero line', [buildLine({ amountPence: 0, funderSplits: [] })], [], []],
    [
      'nothing for a line already clawed back',
      [buildLine(), buildLine({ id: 'back', amountPence: -30_000, clawbackOfLineId: 'line-1' })],
      [],
      [],
    ],
    [
      'the later occurrence when one of two achievements remains',
      [
        buildLine({ id: 'first', outcomeCode: 'ATTEND-6' }),
        buildLine({ id: 'second', outcomeCode: 'ATTEND-6', occurrence: 2 }),
      ],
      [achieved({ outcomeCode: 'ATTEND-6' })],
      ['second'],
    ],
    [
      'a milestone line whose milestone is no longer approved',
      [buildLine({ id: 'm', participantId: null, milestoneId: 'mile-1', outcomeCode: 'M-Q1' })],
      [achieved({ participantId: null, milestoneId: 'mile-2', outcomeCode: 'M-Q1' })],
      ['m'],
    ],
  ])('claws back %s', (_, history, achievements, expected) => {
    const lines = clawbacksFor(history, achievements);
    expect(lines.map((l) => l.clawbackOfLineId)).toEqual(expected);
    for (const line of lines) {
      const original = history.find((h) => h.id === line.clawbackOfLineId);
      expect(line.amountPence).toBe(-(original?.amountPence ?? 0));
      expect(line.funderSplits.reduce((t, s) => t + s.pence, 0)).toBe(line.amountPence);
      expect(line.occurrence).toBe(original?.occurrence);
    }
  });
});

const STATEMENT: ClaimStatement = {
  claimId: '5f0c1a52-6a3e-4c55-9c1a-0d1f1b2c3d4e',
  programmeName: 'Family therapy clinics',
  hubName: 'Kingsmere Community Health Hub',
  funderName: 'Kingsmere Borough Council',
  periodStart: '2026-04-01',
  periodEnd: '2026-06-30',
  state: 'approved',
  issuedAt: '2026-07-10T09:00:00.000Z',
  claimTotalPence: 40_001,
  amountPence: 16_000,
  settledAt: null,
  settlementReference: null,
  lines: [
    {
      achievedOn: '2026-05-01',
      subject: 'SBC-4F7Q2K',
      outcomeCode: 'PHQ9-RI',
      occurrence: 1,
      pricePence: 30_000,
      amountPence: 30_000,
      funderPence: 12_000,
      note: '',
    },
    {
      achievedOn: '2026-06-01',
      subject: 'milestone',
      outcomeCode: 'M-Q1',
      occurrence: 1,
      pricePence: 20_000,
      amountPence: 10_001,
      funderPence: 4_000,
      note: 'Reduced from £200.00 to £100.01: the contract cap is reached',
    },
  ],
};

describe('statements', () => {
  it('writes pounds exactly, without floating point', () => {
    expect([0, 5, 100, 10_001, -30_000, 123_456_789].map(poundsText)).toEqual([
      '0.00',
      '0.05',
      '1.00',
      '100.01',
      '-300.00',
      '1234567.89',
    ]);
  });

  it('lists every line with the funder’s part, then the totals, as CSV', () => {
    expect(statementCsv(STATEMENT).split('\r\n')).toEqual([
      'achieved_on,participant_code,outcome_code,occurrence,price_gbp,line_amount_gbp,kingsmere_borough_council_part_gbp,note',
      '2026-05-01,SBC-4F7Q2K,PHQ9-RI,1,300.00,300.00,120.00,',
      '2026-06-01,milestone,M-Q1,1,200.00,100.01,40.00,Reduced from £200.00 to £100.01: the contract cap is reached',
      'Total,,,,,400.01,160.00,',
      '',
    ]);
  });

  it('renders an A4 PDF that says what the funder owes and shows each line', async () => {
    const pdf = Buffer.from(await statementPdf(STATEMENT, { compress: false }));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    // pdfkit writes text as hex strings of Windows-1252 bytes.
    const text = [...raw.matchAll(/<([0-9a-f]+)>/g)]
      .map((m) => Buffer.from(m[1] ?? '', 'hex').toString('latin1'))
      .join('');
    expect(text).toContain('Outcomes claim statement for Kingsmere Borough Council');
    expect(text).toContain('SBC-4F7Q2K');
    expect(text).toContain('160.00');
  });
});
