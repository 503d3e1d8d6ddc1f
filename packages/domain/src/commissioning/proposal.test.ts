import { describe, expect, it } from 'vitest';
import { formatShare, proposalProblems } from './proposal.ts';

const complete = {
  need: 'Families waiting 18 months for CAMHS',
  population: 'Families in the north of the borough',
  siteIds: ['a'],
  funders: [
    { organisationId: 'icb', shareBasisPoints: 6000 },
    { organisationId: 'council', shareBasisPoints: 4000 },
  ],
  budgetPence: 12_000_000,
};

describe('proposalProblems', () => {
  it('finds nothing wrong with a complete proposal', () => {
    expect(proposalProblems(complete)).toEqual([]);
  });

  it('names every gap', () => {
    expect(
      proposalProblems({ need: ' ', population: '', siteIds: [], funders: [], budgetPence: 0 }),
    ).toEqual([
      'describe the need',
      'describe the population',
      'add at least one site',
      'add at least one co-funding commissioner',
      'set a budget',
    ]);
  });

  it('insists co-funders shares add up to exactly 100%', () => {
    const funders = [
      { organisationId: 'icb', shareBasisPoints: 3333 },
      { organisationId: 'council', shareBasisPoints: 3333 },
      { organisationId: 'ph', shareBasisPoints: 3333 },
    ];
    expect(proposalProblems({ ...complete, funders })).toEqual([
      "co-funders' shares add up to 99.99%; they must add up to 100%",
    ]);
  });
});

describe('formatShare', () => {
  it.each([
    [10000, '100%'],
    [2500, '25%'],
    [3333, '33.33%'],
    [1, '0.01%'],
  ])('%i basis points is %s', (bp, text) => {
    expect(formatShare(bp)).toBe(text);
  });
});
