import { describe, expect, it } from 'vitest';
import { readConfirmation } from './confirmation-form.ts';

const LINES = [
  { id: 'l1', payee: 'Ruth Campbell' },
  { id: 'l2', payee: 'Zainab Ali' },
  { id: 'l3', payee: "St Brigid's" },
];

const formOf = (values: Record<string, string>) => (name: string) => values[name]?.trim() ?? '';

describe('readConfirmation', () => {
  it('sends paid lines with their reference and failed lines with their reason', () => {
    const read = readConfirmation(
      formOf({
        'outcome-l1': 'paid',
        'reference-l1': ' BACS-0001 ',
        'outcome-l2': 'failed',
        'reason-l2': 'Account closed',
        'outcome-l3': '',
      }),
      LINES,
    );
    expect(read.problems).toEqual([]);
    expect(read.outcomes).toEqual([
      { lineId: 'l1', outcome: 'paid', bankReference: 'BACS-0001' },
      { lineId: 'l2', outcome: 'failed', reason: 'Account closed' },
    ]);
  });

  it('asks for the reference or the reason the choice needs, naming the payee', () => {
    const read = readConfirmation(
      formOf({ 'outcome-l1': 'paid', 'outcome-l2': 'failed', 'reference-l2': 'ignored' }),
      LINES,
    );
    expect(read.outcomes).toEqual([]);
    expect(read.problems).toEqual([
      { fieldId: 'reference-l1', kind: 'bankReference', payee: 'Ruth Campbell' },
      { fieldId: 'reason-l2', kind: 'reason', payee: 'Zainab Ali' },
    ]);
  });

  it('says when nothing was chosen', () => {
    expect(readConfirmation(formOf({}), LINES).problems).toEqual([
      { fieldId: 'outcome-l1', kind: 'nothing' },
    ]);
  });
});
