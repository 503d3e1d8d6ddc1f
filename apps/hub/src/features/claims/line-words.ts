import type { ClaimLine } from '@coproduce/ui';

/** What a claim line's "why it differs" column says, as message keys and the line's own note. */
export interface LineReason {
  /** A message key of the claim messages; null when the line is claimed at its price. */
  readonly key:
    | 'claim.lines.droppedOut'
    | 'claim.reduction.clawback'
    | `claim.reduction.${NonNullable<ClaimLine['reduction']>}`
    | null;
  /** The server's words for this line (the cap that was reached, the clawback's reason). */
  readonly note: string;
}

export function lineReason(line: ClaimLine): LineReason {
  const note = line.note.trim();
  if (!line.live && line.verification === 'failed') {
    return { key: 'claim.lines.droppedOut', note: line.verificationNote?.trim() ?? '' };
  }
  if (line.clawbackOfLineId !== null) return { key: 'claim.reduction.clawback', note };
  if (line.reduction !== null) return { key: `claim.reduction.${line.reduction}`, note };
  return { key: null, note };
}
