import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertBalanced,
  budgetSummary,
  claimApprovedPosting,
  claimSettledPosting,
  commitmentPosting,
  type FunderShare,
  type LedgerEntryDraft,
  ledgerBalance,
  ledgerBalances,
  payableRaisedPosting,
  paymentPosting,
  paymentReversedPosting,
} from './ledger.ts';
import { expectInvalid } from './test-builders.ts';

const shares: FunderShare[] = [
  { organisationId: 'icb', share: 60 },
  { organisationId: 'council', share: 40 },
];

describe('posting builders', () => {
  it.each<[string, () => LedgerEntryDraft[], [string, string | null, string | null, number][]]>([
    [
      'a commitment',
      () => commitmentPosting('prog', [{ organisationId: 'icb', pence: 600_000 }]),
      [
        ['funder-commitment', 'icb', null, 600_000],
        ['programme-budget', 'icb', null, -600_000],
      ],
    ],
    [
      'a payable, split between funders',
      () => payableRaisedPosting('prog', 'payee', 10_001, shares),
      [
        ['programme-budget', 'icb', null, 6_001],
        ['payable', 'icb', 'payee', -6_001],
        ['programme-budget', 'council', null, 4_000],
        ['payable', 'council', 'payee', -4_000],
      ],
    ],
    [
      'a payment',
      () => paymentPosting('prog', 'payee', 10_001, shares),
      [
        ['payable', 'icb', 'payee', 6_001],
        ['payable', 'council', 'payee', 4_000],
        ['bank', null, 'payee', -10_001],
      ],
    ],
    [
      'a payment without shares',
      () => paymentPosting('prog', 'payee', 500),
      [
        ['payable', null, 'payee', 500],
        ['bank', null, 'payee', -500],
      ],
    ],
    [
      'a reversed payment',
      () => paymentReversedPosting('prog', 'payee', 500),
      [
        ['payable', null, 'payee', -500],
        ['bank', null, 'payee', 500],
      ],
    ],
    [
      'an approved claim',
      () =>
        claimApprovedPosting('prog', [
          { organisationId: 'icb', pence: 18_000 },
          { organisationId: 'council', pence: 0 },
        ]),
      [
        ['funder-receivable', 'icb', null, 18_000],
        ['outcome-income', 'icb', null, -18_000],
      ],
    ],
    [
      'a settled claim',
      () => claimSettledPosting('prog', 'icb', 18_000),
      [
        ['bank', 'icb', null, 18_000],
        ['funder-receivable', 'icb', null, -18_000],
      ],
    ],
  ])('posts %s as balanced entries', (_, build, expected) => {
    const entries = build();
    expect(
      entries.map((e) => [e.account, e.funderOrganisationId, e.payeeId, e.amountPence]),
    ).toEqual(expected);
    expect(entries.every((e) => e.programmeId === 'prog')).toBe(true);
    expect(() => assertBalanced(entries)).not.toThrow();
  });

  it('refuses bad amounts and missing ids, naming the field', () => {
    expectInvalid(() => paymentPosting('prog', 'payee', 0), 'amountPence');
    expectInvalid(() => paymentPosting('prog', '', 10), 'payeeId');
    expectInvalid(() => payableRaisedPosting('prog', 'payee', 10.5, shares), 'amountPence');
    expectInvalid(() => payableRaisedPosting('prog', 'payee', 10, []), 'funderShares');
    expectInvalid(() => commitmentPosting('', []), 'programmeId');
    expectInvalid(() => claimSettledPosting('prog', 'icb', -1), 'pence');
    expectInvalid(
      () => claimApprovedPosting('prog', [{ organisationId: 'icb', pence: 0 }]),
      'perFunder',
    );
  });
});

describe('assertBalanced', () => {
  const entry = (amountPence: number): LedgerEntryDraft => ({
    account: 'bank',
    programmeId: null,
    funderOrganisationId: null,
    payeeId: null,
    amountPence,
  });

  it.each([
    [[entry(5), entry(-4)], 'entries'],
    [[entry(5), entry(0), entry(-5)], 'entries.1.amountPence'],
    [[entry(0.5), entry(-0.5)], 'entries.0.amountPence'],
    [[entry(5)], 'entries'],
    [[{ ...entry(5), account: 'petty-cash' as never }, entry(-5)], 'entries.0.account'],
  ])('refuses %j', (entries, field) => {
    expectInvalid(() => assertBalanced(entries), field);
  });
});

type Operation =
  | { kind: 'commit'; funder: 'icb' | 'council'; pence: number }
  | { kind: 'raise'; payee: string; pence: number }
  | { kind: 'pay'; pick: number }
  | { kind: 'reverse'; pick: number }
  | { kind: 'approve'; icb: number; council: number }
  | { kind: 'settle'; funder: 'icb' | 'council'; part: number };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({
    kind: fc.constant('commit' as const),
    funder: fc.constantFrom('icb' as const, 'council' as const),
    pence: fc.integer({ min: 1, max: 5_000_000 }),
  }),
  fc.record({
    kind: fc.constant('raise' as const),
    payee: fc.constantFrom('ana', 'ben', 'site'),
    pence: fc.integer({ min: 1, max: 500_000 }),
  }),
  fc.record({ kind: fc.constant('pay' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('approve' as const),
    icb: fc.integer({ min: 0, max: 300_000 }),
    council: fc.integer({ min: 1, max: 300_000 }),
  }),
  fc.record({
    kind: fc.constant('settle' as const),
    funder: fc.constantFrom('icb' as const, 'council' as const),
    part: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
);

describe('the ledger under a random sequence of operations', () => {
  it('balances after every step, and its balances say what happened', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40 }), (operations) => {
        const ledger: LedgerEntryDraft[] = [];
        const payables: { payee: string; pence: number; paid: boolean }[] = [];
        const expected = {
          committed: { icb: 0, council: 0 },
          raised: 0,
          paid: 0,
          approved: { icb: 0, council: 0 },
          settled: { icb: 0, council: 0 },
        };
        for (const op of operations) {
          let posting: LedgerEntryDraft[] | null = null;
          if (op.kind === 'commit') {
            posting = commitmentPosting('prog', [{ organisationId: op.funder, pence: op.pence }]);
            expected.committed[op.funder] += op.pence;
          } else if (op.kind === 'raise') {
            posting = payableRaisedPosting('prog', op.payee, op.pence, shares);
            payables.push({ payee: op.payee, pence: op.pence, paid: false });
            expected.raised += op.pence;
          } else if (op.kind === 'pay' || op.kind === 'reverse') {
            const candidates = payables.filter((p) => p.paid === (op.kind === 'reverse'));
            const payable = candidates[op.pick % Math.max(1, candidates.length)];
            if (payable) {
              const build = op.kind === 'pay' ? paymentPosting : paymentReversedPosting;
              posting = build('prog', payable.payee, payable.pence, shares);
              payable.paid = op.kind === 'pay';
              expected.paid += op.kind === 'pay' ? payable.pence : -payable.pence;
            }
          } else if (op.kind === 'approve') {
            posting = claimApprovedPosting('prog', [
              { organisationId: 'icb', pence: op.icb },
              { organisationId: 'council', pence: op.council },
            ]);
            expected.approved.icb += op.icb;
            expected.approved.council += op.council;
          } else {
            const owed = expected.approved[op.funder] - expected.settled[op.funder];
            const pence = Math.floor(owed * op.part);
            if (pence > 0) {
              posting = claimSettledPosting('prog', op.funder, pence);
              expected.settled[op.funder] += pence;
            }
          }
          if (posting) {
            assertBalanced(posting);
            ledger.push(...posting);
          }

          // The whole ledger balances, and every account's balance is what the steps imply.
          expect(ledger.reduce((sum, e) => sum + e.amountPence, 0)).toBe(0);
          const { totals, funders } = budgetSummary(ledger, 'prog');
          const committed = expected.committed.icb + expected.committed.council;
          const approved = expected.approved.icb + expected.approved.council;
          const settled = expected.settled.icb + expected.settled.council;
          expect(totals).toEqual({
            budgetPence: committed,
            committedPence: expected.raised,
            paidPence: expected.paid,
            availablePence: committed - expected.raised,
            outstandingPence: expected.raised - expected.paid,
            claimedPence: approved,
            receivedPence: settled,
          });
          expect(ledgerBalance(ledger, { account: 'bank' })).toBe(settled - expected.paid);
          for (const f of funders) {
            const id = f.organisationId as 'icb' | 'council';
            expect(f.budgetPence).toBe(expected.committed[id]);
            expect(f.claimedPence - f.receivedPence).toBe(
              expected.approved[id] - expected.settled[id],
            );
            expect(f.paidPence).toBeLessThanOrEqual(f.committedPence);
          }
          expect(funders.reduce((sum, f) => sum + f.committedPence, 0)).toBe(expected.raised);
          expect(funders.reduce((sum, f) => sum + f.paidPence, 0)).toBe(expected.paid);
          for (const balance of ledgerBalances(ledger)) {
            // Nobody is ever owed less than nothing, and no funder owes less than nothing.
            if (balance.account === 'payable') expect(balance.balancePence).toBeLessThanOrEqual(0);
            if (balance.account === 'funder-receivable') {
              expect(balance.balancePence).toBeGreaterThanOrEqual(0);
            }
          }
        }
      }),
    );
  });
});
