import { describe, expect, it } from 'vitest';
import {
  basisPointsToPercentText,
  parsePercent,
  parsePounds,
  parseWholeNumber,
  penceToPoundsText,
} from './money-input.ts';

describe('parsePounds', () => {
  it.each([
    ['12,500.00', 1_250_000],
    ['£12500', 1_250_000],
    ['£ 12,500.5', 1_250_050],
    ['0.29', 29],
    ['0.1', 10],
    ['1,000,000', 100_000_000],
    ['0', 0],
    ['  7.07 ', 707],
  ])('reads %s as %i pence', (text, pence) => {
    expect(parsePounds(text)).toBe(pence);
  });

  it.each(['', 'twelve', '12,50', '1.234', '-5', '12.', '£', '1,00,000'])('refuses %s', (text) => {
    expect(parsePounds(text)).toBeNull();
  });

  it('reads back exactly what it writes, for every number of pence up to £100', () => {
    for (let pence = 0; pence <= 10_000; pence += 1) {
      expect(parsePounds(penceToPoundsText(pence))).toBe(pence);
    }
  });

  it('writes thousands with commas and always two decimals', () => {
    expect(penceToPoundsText(18_000_000)).toBe('180,000.00');
    expect(penceToPoundsText(5)).toBe('0.05');
  });
});

describe('parsePercent', () => {
  it.each([
    ['60', 6000],
    ['33.33', 3333],
    ['12.5', 1250],
    ['12.5%', 1250],
    ['100', 10_000],
    ['0.01', 1],
  ])('reads %s as %i basis points', (text, basisPoints) => {
    expect(parsePercent(text)).toBe(basisPoints);
  });

  it.each(['', 'sixty', '33.333', '1000', '-1', '.5'])('refuses %s', (text) => {
    expect(parsePercent(text)).toBeNull();
  });

  it('reads back what it writes', () => {
    for (const basisPoints of [1, 10, 1250, 3333, 5000, 6667, 10_000]) {
      expect(parsePercent(basisPointsToPercentText(basisPoints))).toBe(basisPoints);
    }
    expect(basisPointsToPercentText(6000)).toBe('60');
    expect(basisPointsToPercentText(1250)).toBe('12.5');
  });
});

describe('parseWholeNumber', () => {
  it('reads whole numbers with spaces or commas, and nothing else', () => {
    expect(parseWholeNumber('1,200')).toBe(1200);
    expect(parseWholeNumber(' 30 ')).toBe(30);
    expect(parseWholeNumber('3.5')).toBeNull();
    expect(parseWholeNumber('')).toBeNull();
  });
});
