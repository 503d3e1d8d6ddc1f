import { describe, expect, it } from 'vitest';
import { byRegisterOrder, matchesQuery, type RegisterPerson } from './register-people.ts';
import { readMinutes } from './session-form.ts';

const person = (overrides: Partial<RegisterPerson>): RegisterPerson => ({
  participantId: '00000000-0000-4000-8000-000000000001',
  code: 'SBC-7K2M9Q',
  name: null,
  sortName: null,
  consent: 'in-force',
  ...overrides,
});

describe('readMinutes', () => {
  it.each([
    ['90', 90],
    [' 1 ', 1],
    ['1,440', 1440],
    ['0', null],
    ['1441', null],
    ['1.5', null],
    ['', null],
    ['ninety', null],
  ])('reads %j as %j', (text, expected) => {
    expect(readMinutes(text)).toBe(expected);
  });
});

describe('matchesQuery', () => {
  const amara = person({ name: 'Amara Okonkwo', code: 'SBC-AB12CD' });
  it('matches every typed word against the name or the code, ignoring case', () => {
    expect(matchesQuery(amara, 'amara')).toBe(true);
    expect(matchesQuery(amara, 'okon AMA')).toBe(true);
    expect(matchesQuery(amara, 'ab12')).toBe(true);
    expect(matchesQuery(amara, 'amara evans')).toBe(false);
  });
  it('matches people whose name is not known by their code only', () => {
    expect(matchesQuery(person({ code: 'SBC-XY99ZZ' }), 'xy99')).toBe(true);
    expect(matchesQuery(person({ code: 'SBC-XY99ZZ' }), 'amara')).toBe(false);
  });
});

describe('byRegisterOrder', () => {
  it('puts named people first by family name, then the rest by code', () => {
    const people = [
      person({ code: 'SBC-2' }),
      person({ name: 'Zara Evans', sortName: 'Evans Zara', code: 'SBC-9' }),
      person({ code: 'SBC-1' }),
      person({ name: 'Ben Abara', sortName: 'Abara Ben', code: 'SBC-8' }),
    ];
    expect([...people].sort(byRegisterOrder).map((p) => p.code)).toEqual([
      'SBC-8',
      'SBC-9',
      'SBC-1',
      'SBC-2',
    ]);
  });
});
