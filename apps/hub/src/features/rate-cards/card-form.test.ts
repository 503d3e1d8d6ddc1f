import { type RateCard, ZRateCard } from '@coproduce/domain';
import { describe, expect, it } from 'vitest';
import {
  blankOutcome,
  type CardForm,
  cardFormOf,
  fieldIdOfPath,
  type OutcomeForm,
  readAmendment,
  readCard,
  sharePercentages,
} from './card-form.ts';

const ICB = '11111111-1111-4111-8111-111111111111';
const COUNCIL = '22222222-2222-4222-8222-222222222222';

const outcome = (overrides: Partial<OutcomeForm> = {}): OutcomeForm => ({
  ...blankOutcome(),
  code: 'PHQ9-RI',
  definition: 'Reliable improvement in depression',
  triggerKind: 'reliable-improvement',
  instrument: 'PHQ9',
  timepoint: 'end-of-treatment',
  price: '£1,234.56',
  maxClaims: '1',
  ...overrides,
});

const form = (overrides: Partial<CardForm> = {}): CardForm => ({
  effectiveFrom: '2027-04-01',
  reason: 'Prices agreed at the March review',
  outcomes: [outcome()],
  participantCap: '',
  contractCap: '150,000',
  funders: [
    { organisationId: ICB, name: 'ICB', share: '60' },
    { organisationId: COUNCIL, name: 'Council', share: '40' },
  ],
  ...overrides,
});

describe('readAmendment', () => {
  it('reads pounds as exact integer pence and builds a card the domain accepts', () => {
    const { amendment, problems } = readAmendment(form());
    expect(problems).toEqual({});
    expect(amendment?.card.outcomes[0]?.pricePence).toBe(123_456);
    expect(amendment?.card.contractCapPence).toBe(15_000_000);
    expect(amendment?.card.participantCapPence).toBeNull();
    expect(ZRateCard.safeParse(amendment?.card).success).toBe(true);
  });

  it.each([
    ['0.29', 29],
    ['1,000,000.10', 100_000_010],
    ['12', 1_200],
    ['£ 7.5', 750],
  ])('reads the price %s as %i pence', (price, pence) => {
    const { amendment } = readAmendment(form({ outcomes: [outcome({ price })] }));
    expect(amendment?.card.outcomes[0]?.pricePence).toBe(pence);
  });

  it.each([
    ['1.234', 'priceFormat'],
    ['1,23.00', 'priceFormat'],
    ['-5', 'priceFormat'],
    ['1e3', 'priceFormat'],
    ['', 'priceMissing'],
  ])('refuses the price %j, naming the outcome', (price, key) => {
    const { amendment, problems } = readAmendment(
      form({ outcomes: [outcome(), outcome({ code: 'GAD7-RI', price })] }),
    );
    expect(amendment).toBeNull();
    expect(problems['outcomes-1-pricePence']).toEqual({ key, params: { number: 2 } });
  });

  it('asks for the parameters of the chosen trigger only', () => {
    const { problems } = readAmendment(
      form({
        outcomes: [
          outcome({ triggerKind: 'metric-gain', instrument: '', timepoint: '', minGain: '0' }),
          outcome({ code: 'ATT-6', triggerKind: 'attended-sessions', minSessions: 'six' }),
          outcome({ code: 'BASE', triggerKind: 'baseline-completed', instrument: '' }),
          outcome({ code: 'NONE', triggerKind: '' }),
        ],
      }),
    );
    expect(Object.keys(problems).sort()).toEqual([
      'outcomes-0-trigger-instrument',
      'outcomes-0-trigger-minGain',
      'outcomes-0-trigger-timepoint',
      'outcomes-1-trigger-minSessions',
      'outcomes-3-trigger-kind',
    ]);
  });

  it('refuses a repeated code, a missing date, reason and unreadable caps and shares', () => {
    const { problems } = readAmendment(
      form({
        effectiveFrom: '2027-02-30',
        reason: ' ',
        outcomes: [outcome(), outcome({ code: 'phq9-ri' })],
        participantCap: 'lots',
        funders: [{ organisationId: ICB, name: 'ICB', share: '60%' }],
      }),
    );
    expect(problems).toEqual({
      effectiveFrom: { key: 'effectiveFromFormat' },
      reason: { key: 'reasonMissing' },
      'outcomes-1-code': { key: 'codeRepeated', params: { number: 2, code: 'PHQ9-RI' } },
      participantCapPence: { key: 'participantCapFormat' },
      'funders-0-share': { key: 'shareFormat', params: { name: 'ICB' } },
    });
  });

  it('needs at least one funder with a share', () => {
    const { problems } = readCard(
      form({
        funders: [
          { organisationId: ICB, name: 'ICB', share: '0' },
          { organisationId: COUNCIL, name: 'Council', share: '0' },
        ],
      }),
    );
    expect(problems).toEqual({ 'funders-0-share': { key: 'sharesAllZero' } });
  });
});

describe('cardFormOf', () => {
  const funders = [
    { organisationId: ICB, name: 'ICB', shareBasisPoints: 6_000 },
    { organisationId: COUNCIL, name: 'Council', shareBasisPoints: 4_000 },
  ];

  it('starts a first card with one blank outcome and the proposal’s shares as whole percentages', () => {
    const start = cardFormOf(null, funders);
    expect(start.outcomes).toHaveLength(1);
    expect(start.funders.map((f) => f.share)).toEqual(['60', '40']);
  });

  it('starts an amendment from the card in force, which reads back unchanged', () => {
    const card: RateCard = {
      outcomes: [
        {
          code: 'SWEMWBS-3',
          definition: 'Wellbeing up by 3 points at 6 months',
          trigger: {
            kind: 'metric-gain',
            instrument: 'SWEMWBS',
            minGain: 3,
            timepoint: 'follow-up-6m',
          },
          pricePence: 75_050,
          maxClaimsPerParticipant: 2,
        },
      ],
      participantCapPence: 300_000,
      contractCapPence: null,
      funders: [
        { organisationId: ICB, share: 3 },
        { organisationId: COUNCIL, share: 1 },
      ],
    };
    const start = cardFormOf(card, funders);
    expect(start.outcomes[0]?.price).toBe('750.50');
    expect(readCard(start).card).toEqual(card);
    const inBasisPoints = cardFormOf(
      {
        ...card,
        funders: [
          { organisationId: ICB, share: 6_000 },
          { organisationId: COUNCIL, share: 4_000 },
        ],
      },
      funders,
    );
    expect(inBasisPoints.funders.map((f) => f.share)).toEqual(['60', '40']);
  });
});

describe('fieldIdOfPath', () => {
  it('maps the API’s paths to the editor’s field ids', () => {
    expect(fieldIdOfPath('card.outcomes.2.trigger.minGain')).toBe('outcomes-2-trigger-minGain');
    expect(fieldIdOfPath('card.contractCapPence')).toBe('contractCapPence');
    expect(fieldIdOfPath('effectiveFrom')).toBe('effectiveFrom');
  });
});

describe('sharePercentages', () => {
  it('shows each weight as a percentage of the whole', () => {
    expect(
      sharePercentages([
        { organisationId: ICB, name: 'ICB', share: '2' },
        { organisationId: COUNCIL, name: 'Council', share: '1' },
      ]),
    ).toEqual([66.7, 33.3]);
  });
});

describe('readAmendment for the first card', () => {
  it('needs no reason', () => {
    const { amendment } = readAmendment(form({ reason: '' }), { reasonRequired: false });
    expect(amendment?.reason).toBe('');
  });
});
