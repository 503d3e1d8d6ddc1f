import { describe, expect, it } from 'vitest';
import { quotedName, subjectOf } from './ApprovalsPage.tsx';

describe('approvals queue', () => {
  it('reads which subject a work item is about from its path', () => {
    const id = '244fb67e-03ba-45f1-8f11-952afde4ea2f';
    expect(subjectOf(`milestones/${id}`)).toEqual({ kind: 'milestone', id });
    expect(subjectOf(`programmes/${id}`)).toEqual({ kind: 'programme', id });
    expect(subjectOf(`programmes/${id}/edit`)).toBeNull();
    expect(subjectOf(`paid-roles/${id}`)).toBeNull();
  });

  it('names the subject of a work item by the words in its quotes', () => {
    expect(quotedName('Countersign “Q1: 30 families”')).toBe('Q1: 30 families');
    expect(quotedName('Something else')).toBe('Something else');
  });
});
