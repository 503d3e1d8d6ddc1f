import { describe, expect, it } from 'vitest';
import { latestRequest } from './TransitionTimeline.tsx';
import type { Transition } from './types.ts';

function buildTransition(overrides: Partial<Transition> & Pick<Transition, 'version' | 'event'>) {
  return {
    from: 'submitted',
    to: 'changesRequested',
    at: `2026-03-0${overrides.version}T10:00:00.000Z`,
    reason: null,
    actor: { personId: '5f0e5b5e-0000-4000-8000-000000000001', name: 'David Levi', role: null },
    ...overrides,
  } satisfies Transition;
}

describe('latestRequest', () => {
  const history = [
    buildTransition({ version: 1, event: 'SUBMIT' }),
    buildTransition({ version: 2, event: 'REQUEST_CHANGES', reason: 'Two registers unsigned' }),
    buildTransition({ version: 3, event: 'RESUBMIT' }),
    buildTransition({ version: 4, event: 'REQUEST_CHANGES', reason: 'Dates missing' }),
  ];

  it('finds the most recent request with a reason, whatever order the history comes in', () => {
    const found = latestRequest([...history].reverse(), ['REQUEST_CHANGES'], ['RESUBMIT']);
    expect(found?.step.reason).toBe('Dates missing');
    expect(found?.answered).toBeNull();
  });

  it('says when a later step has answered it', () => {
    const answered = [...history.slice(0, 3)];
    const found = latestRequest(answered, ['REQUEST_CHANGES'], ['RESUBMIT']);
    expect(found?.step.reason).toBe('Two registers unsigned');
    expect(found?.answered?.version).toBe(3);
  });

  it('finds nothing when nobody asked for anything', () => {
    expect(latestRequest(history.slice(0, 1), ['REQUEST_CHANGES'], ['RESUBMIT'])).toBeNull();
  });
});
