import { describe, expect, it } from 'vitest';
import type { ReadError } from '../trpc/errors.ts';
import { errorSummaryItems, refusalErrors } from './use-form-errors.ts';

const refusal = (message: string, fieldErrors: Record<string, string[]>): ReadError => ({
  code: 'FORBIDDEN',
  httpStatus: 403,
  message,
  fieldErrors,
});

describe('refusalErrors', () => {
  it('puts a refusal about a field of the form beside that field', () => {
    const message = 'This code has already been used. Wait for your app to show a new code.';
    const shown = refusalErrors(refusal(message, { totpCode: [message] }), ['totpCode']);
    expect(shown).toEqual({ fields: { totpCode: message }, form: null });
    expect(errorSummaryItems(shown, ['totpCode'])).toEqual([
      { fieldId: 'totpCode', text: message },
    ]);
  });

  it('shows a refusal about something else once, for the whole form', () => {
    const message = 'You created this run, so someone else must approve it.';
    const shown = refusalErrors(refusal(message, { runId: [message] }), ['totpCode']);
    expect(shown).toEqual({ fields: {}, form: message });
    expect(errorSummaryItems(shown, ['totpCode'])).toEqual([{ text: message }]);
  });

  it('shows a refusal that names no field once, for the whole form', () => {
    const message = 'This run has already been released.';
    const shown = refusalErrors(refusal(message, {}), ['reason']);
    expect(errorSummaryItems(shown, ['reason'])).toEqual([{ text: message }]);
  });

  it('uses the first message for each field of the form', () => {
    const shown = refusalErrors(
      refusal('dueBy: Too early; dueBy: Not a working day', {
        dueBy: ['Too early', 'Not a working day'],
      }),
      ['dueBy'],
    );
    expect(shown).toEqual({ fields: { dueBy: 'Too early' }, form: null });
  });
});

describe('errorSummaryItems', () => {
  it('lists the form message, then the fields in form order, then fields not on the form', () => {
    const shown = {
      form: 'Check the details',
      fields: { other: 'Something else', second: 'Second problem', first: 'First problem' },
    };
    expect(errorSummaryItems(shown, ['first', 'second'])).toEqual([
      { text: 'Check the details' },
      { fieldId: 'first', text: 'First problem' },
      { fieldId: 'second', text: 'Second problem' },
      { text: 'Something else' },
    ]);
  });
});
