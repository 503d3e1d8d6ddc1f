import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { isValidNhsNumber, parseNhsNumber } from './nhs-number.ts';

const FORMAT_MESSAGE = 'Enter the NHS number as 10 digits, for example 943 476 5919.';
const CHECK_MESSAGE = 'This is not a valid NHS number. Check the digits and enter it again.';

function invalidMessage(value: string): string | null {
  try {
    parseNhsNumber(value);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'invalid', field: 'nhsNumber' });
    return (error as DomainError).message;
  }
}

describe('parseNhsNumber', () => {
  it.each([
    ['9434765919', '9434765919'],
    ['943 476 5870', '9434765870'],
    ['943-476-5870', '9434765870'],
    ['  401 023 2137 ', '4010232137'],
    // Check digit 0 from 11 − 0 = 11.
    ['9876543210', '9876543210'],
  ])('accepts %j as %s', (input, digits) => {
    expect(parseNhsNumber(input)).toBe(digits);
    expect(isValidNhsNumber(input)).toBe(true);
  });

  it.each([
    // Wrong check digit: the first nine digits call for 7.
    ['485 777 3456', CHECK_MESSAGE],
    ['9434765918', CHECK_MESSAGE],
    // The first nine digits give a check of 10: no check digit can make these valid.
    ['1234567890', CHECK_MESSAGE],
    ['1000000010', CHECK_MESSAGE],
    ['943476591', FORMAT_MESSAGE],
    ['94347659190', FORMAT_MESSAGE],
    ['943 4765 919', FORMAT_MESSAGE],
    ['943.476.5919', FORMAT_MESSAGE],
    ['943 476 591X', FORMAT_MESSAGE],
    ['', FORMAT_MESSAGE],
  ])('refuses %j: %s', (input, message) => {
    expect(invalidMessage(input)).toBe(message);
    expect(isValidNhsNumber(input)).toBe(false);
  });

  it('catches every single-digit typo in a valid number', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (position, shift) => {
          const digits = [...'9434765919'].map(Number);
          digits[position] = ((digits[position] ?? 0) + shift) % 10;
          expect(isValidNhsNumber(digits.join(''))).toBe(false);
        },
      ),
    );
  });
});
