import { describe, expect, it } from 'vitest';
import { countText, rateText } from './rounds.ts';

describe('countText', () => {
  it('shows a count with thousands separators, and "<5" as it is', () => {
    expect(countText(1234, 'en-GB')).toBe('1,234');
    expect(countText('<5', 'en-GB')).toBe('<5');
  });
});

describe('rateText', () => {
  it('shows the report’s Table 1 rates as whole per cent', () => {
    expect(rateText(23 / 85, [23, 85], 'en-GB')).toBe('27%');
    expect(rateText(16 / 23, [16, 23], 'en-GB')).toBe('70%');
  });
  it('shows no rate when there is none or when a count behind it is suppressed', () => {
    expect(rateText(null, [0, 0], 'en-GB')).toBeNull();
    expect(rateText(0.5, ['<5', 8], 'en-GB')).toBeNull();
  });
});
