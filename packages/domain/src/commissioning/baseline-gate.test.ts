import { describe, expect, it } from 'vitest';
import { type BaselineGateFacts, baselineGateShortfalls } from './baseline-gate.ts';

const facts = (overrides: Partial<BaselineGateFacts>): BaselineGateFacts => ({
  enrolled: 45,
  baselineRecorded: 40,
  threshold: 0.8,
  minimumCohort: 20,
  requiredPaidRoles: 2,
  activePaidRoles: 2,
  ...overrides,
});

describe('baselineGateShortfalls', () => {
  it('is met at exactly the threshold', () => {
    expect(baselineGateShortfalls(facts({ enrolled: 45, baselineRecorded: 36 }))).toEqual([]);
  });

  it.each([
    [
      { baselineRecorded: 31 },
      ['baseline recorded for 31 of 45 enrolled participants (69%); 80% required'],
    ],
    [
      { baselineRecorded: 35 },
      ['baseline recorded for 35 of 45 enrolled participants (78%); 80% required'],
    ],
    [{ enrolled: 12, baselineRecorded: 12 }, ['12 participants enrolled; at least 20 needed']],
    [
      { enrolled: 0, baselineRecorded: 0 },
      [
        '0 participants enrolled; at least 20 needed',
        'baseline recorded for 0 of 0 enrolled participants (0%); 80% required',
      ],
    ],
    [{ activePaidRoles: 1 }, ['1 of 2 required paid roles active']],
    [
      {
        enrolled: 1,
        baselineRecorded: 0,
        minimumCohort: 1,
        requiredPaidRoles: 1,
        activePaidRoles: 0,
      },
      [
        'baseline recorded for 0 of 1 enrolled participant (0%); 80% required',
        '0 of 1 required paid role active',
      ],
    ],
  ])('names the shortfall for %j', (overrides, expected) => {
    expect(baselineGateShortfalls(facts(overrides))).toEqual(expected);
  });
});
