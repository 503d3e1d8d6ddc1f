import { describe, expect, it } from 'vitest';
import { baselineCoverage } from './coverage.ts';

describe('baselineCoverage', () => {
  it.each([
    [28, 19, 67],
    [17, 12, 70],
    [45, 36, 80],
    // 79.9% is under an 80% threshold: it must not read as 80%.
    [1000, 799, 79],
    [0, 0, null],
    ['<5', 3, 'small'],
    [12, '<5', 'small'],
  ] as const)('enrolled %j with baseline %j is %j', (enrolled, withBaseline, expected) => {
    expect(baselineCoverage(enrolled, withBaseline)).toBe(expected);
  });
});
