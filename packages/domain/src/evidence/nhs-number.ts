import { invalid } from '../errors.ts';

/** 10 digits, optionally grouped 3-3-4 by spaces or hyphens, as people write them. */
const NHS_NUMBER_SHAPE = /^(\d{3})[ -]?(\d{3})[ -]?(\d{4})$/;

/**
 * The NHS number as 10 digits, or a DomainError saying what is wrong. Checks the modulus 11
 * check digit: weights 10 down to 2 on the first nine digits, check = 11 − (sum mod 11), where
 * 11 means 0 and 10 means the number cannot be valid.
 */
export function parseNhsNumber(value: string): string {
  const match = typeof value === 'string' ? NHS_NUMBER_SHAPE.exec(value.trim()) : null;
  if (!match) {
    throw invalid('nhsNumber', 'Enter the NHS number as 10 digits, for example 943 476 5919.');
  }
  const digits = `${match[1]}${match[2]}${match[3]}`;
  if (checkDigit(digits) !== Number(digits[9])) {
    throw invalid(
      'nhsNumber',
      'This is not a valid NHS number. Check the digits and enter it again.',
    );
  }
  return digits;
}

export function isValidNhsNumber(value: string): boolean {
  try {
    parseNhsNumber(value);
    return true;
  } catch {
    return false;
  }
}

/** The check digit the first nine digits call for; null when they cannot make a valid number. */
function checkDigit(digits: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}
