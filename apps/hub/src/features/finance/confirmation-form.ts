/** What the bank said about one payment, as the form collects it. */
export type LineOutcome =
  | { readonly lineId: string; readonly outcome: 'paid'; readonly bankReference: string }
  | { readonly lineId: string; readonly outcome: 'failed'; readonly reason: string };

export type ConfirmationProblem =
  | { readonly fieldId: string; readonly kind: 'bankReference' | 'reason'; readonly payee: string }
  | { readonly fieldId: string; readonly kind: 'nothing' };

export const outcomeField = (lineId: string) => `outcome-${lineId}`;
export const referenceField = (lineId: string) => `reference-${lineId}`;
export const reasonField = (lineId: string) => `reason-${lineId}`;

/**
 * Reads the manual confirmation form: each payment marked paid (with the bank's reference) or
 * failed (with the reason); payments left "not confirmed yet" are sent another time.
 */
export function readConfirmation(
  value: (name: string) => string,
  lines: readonly { readonly id: string; readonly payee: string }[],
): { outcomes: LineOutcome[]; problems: ConfirmationProblem[] } {
  const outcomes: LineOutcome[] = [];
  const problems: ConfirmationProblem[] = [];
  for (const line of lines) {
    const outcome = value(outcomeField(line.id));
    if (outcome === 'paid') {
      const bankReference = value(referenceField(line.id));
      if (bankReference === '') {
        problems.push({
          fieldId: referenceField(line.id),
          kind: 'bankReference',
          payee: line.payee,
        });
      } else outcomes.push({ lineId: line.id, outcome: 'paid', bankReference });
    } else if (outcome === 'failed') {
      const reason = value(reasonField(line.id));
      if (reason === '') {
        problems.push({ fieldId: reasonField(line.id), kind: 'reason', payee: line.payee });
      } else outcomes.push({ lineId: line.id, outcome: 'failed', reason });
    }
  }
  const first = lines[0];
  if (outcomes.length === 0 && problems.length === 0 && first !== undefined) {
    problems.push({ fieldId: outcomeField(first.id), kind: 'nothing' });
  }
  return { outcomes, problems };
}
