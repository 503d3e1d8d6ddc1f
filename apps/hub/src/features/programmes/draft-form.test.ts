import { describe, expect, it } from 'vitest';
import { NEW_DRAFT, readDraftForm, shareFieldId, shareTotal } from './draft-form.ts';

const ICB = '5f0e5b5e-0000-4000-8000-000000000001';
const COUNCIL = '5f0e5b5e-0000-4000-8000-000000000002';
const SITE = '5f0e5b5e-0000-4000-8000-000000000003';

const complete = {
  ...NEW_DRAFT,
  name: 'Men’s mental health at the mosque',
  need: 'Men rarely use talking therapies.',
  population: 'Men 18+ attending Al-Noor',
  budget: '48,000.00',
  delegationLimit: '5,000',
  siteIds: [SITE],
  funderIds: [ICB, COUNCIL],
  shares: { [ICB]: '60', [COUNCIL]: '40' },
};

describe('readDraftForm', () => {
  it('turns a complete form into the draft the API takes, money in pence and shares in basis points', () => {
    expect(readDraftForm(complete)).toEqual({
      errors: {},
      draft: {
        name: 'Men’s mental health at the mosque',
        need: 'Men rarely use talking therapies.',
        population: 'Men 18+ attending Al-Noor',
        budgetPence: 4_800_000,
        delegationLimitPence: 500_000,
        baselineThresholdPercent: 80,
        minimumCohort: 20,
        reportingPeriodMonths: 3,
        returnDueDays: 30,
        siteIds: [SITE],
        funders: [
          { organisationId: ICB, shareBasisPoints: 6000 },
          { organisationId: COUNCIL, shareBasisPoints: 4000 },
        ],
      },
    });
  });

  it('saves an incomplete draft: no budget yet, no need, shares not adding up', () => {
    const { draft, errors } = readDraftForm({
      ...complete,
      budget: '',
      need: '',
      shares: { [ICB]: '60', [COUNCIL]: '10' },
    });
    expect(errors).toEqual({});
    expect(draft?.budgetPence).toBe(0);
  });

  it('names each field it cannot read', () => {
    const { draft, errors } = readDraftForm({
      ...complete,
      name: 'ab',
      budget: 'lots',
      delegationLimit: '',
      threshold: '120',
      periodMonths: '0',
      shares: { [ICB]: '', [COUNCIL]: '40.123' },
    });
    expect(draft).toBeNull();
    expect(errors).toEqual({
      name: 'nameMissing',
      budget: 'budgetFormat',
      delegationLimit: 'delegationLimitMissing',
      threshold: 'thresholdRange',
      periodMonths: 'periodMonthsRange',
      [shareFieldId(ICB)]: 'shareMissing',
      [shareFieldId(COUNCIL)]: 'shareFormat',
    });
  });

  it('refuses a share of nothing or more than the whole', () => {
    expect(readDraftForm({ ...complete, shares: { [ICB]: '0', [COUNCIL]: '101' } }).errors).toEqual(
      { [shareFieldId(ICB)]: 'shareRange', [shareFieldId(COUNCIL)]: 'shareRange' },
    );
  });

  it('adds up the shares exactly as they are typed', () => {
    expect(shareTotal({ ...complete, shares: { [ICB]: '33.33', [COUNCIL]: '66.67' } })).toBe(
      10_000,
    );
    expect(shareTotal({ ...complete, shares: { [ICB]: '60', [COUNCIL]: '' } })).toBe(6000);
  });
});
