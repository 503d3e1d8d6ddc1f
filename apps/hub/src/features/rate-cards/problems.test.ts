import { describe, expect, it } from 'vitest';
import { blankOutcome } from './card-form.ts';
import { editorFieldOrder, serverProblems } from './problems.ts';

const form = {
  outcomes: [blankOutcome(), blankOutcome()],
  funders: [{ organisationId: 'icb', name: 'ICB', share: '60' }],
};

const refusal = (fieldErrors: Record<string, string[]>, message = 'Refused') => ({
  code: 'BAD_REQUEST',
  httpStatus: 400,
  message,
  fieldErrors,
});

describe('serverProblems', () => {
  const order = editorFieldOrder(form);

  it('puts each of the API’s field messages beside the editor’s field', () => {
    expect(
      serverProblems(
        refusal({
          'card.outcomes.1.pricePence': ['Amounts are whole pence'],
          effectiveFrom: ['Amendments can start from 1 April 2027'],
        }),
        order,
      ),
    ).toEqual({
      fields: {
        'outcomes-1-pricePence': 'Amounts are whole pence',
        effectiveFrom: 'Amendments can start from 1 April 2027',
      },
      form: null,
    });
  });

  it('shows a message about no field of the form at the top', () => {
    expect(
      serverProblems(refusal({ 'card.outcomes': ['Add at least one outcome'] }), order),
    ).toEqual({ fields: {}, form: 'Add at least one outcome' });
    expect(serverProblems(refusal({}, 'That programme was not found.'), order)).toEqual({
      fields: {},
      form: 'That programme was not found.',
    });
  });
});

describe('editorFieldOrder', () => {
  it('lists fields in page order: date, reason, each outcome, caps, then shares', () => {
    const order = editorFieldOrder(form);
    expect(order.slice(0, 3)).toEqual(['effectiveFrom', 'reason', 'outcomes-0-code']);
    expect(order.indexOf('outcomes-1-maxClaimsPerParticipant')).toBeLessThan(
      order.indexOf('participantCapPence'),
    );
    expect(order.at(-1)).toBe('funders-0-share');
  });
});
