import { describe, expect, it } from 'vitest';
import { describePersonalDataHits, findPersonalData } from './personal-data.ts';

const people = [
  {
    givenName: 'Amira',
    familyName: 'Okonkwo',
    dateOfBirth: '1961-03-04',
    email: 'a.o@example.org',
    phone: '07700 900123',
    postcode: 'KM1 2AB',
  },
];

describe('findPersonalData', () => {
  it('names the kind and line of each hit, in any usual spelling', () => {
    const log = [
      '{"msg":"request completed","path":"/trpc/participant.get"}',
      '{"name":"Amira Okonkwo"}',
      '{"dob":"04/03/1961"}',
      '{"e":"A.O@example.org"}',
      '{"p":"07700900123"}',
      '{"pc":"km12ab"}',
    ].join('\n');
    expect(findPersonalData(log, people)).toEqual([
      { kind: 'name', line: 2 },
      { kind: 'date of birth', line: 3 },
      { kind: 'email', line: 4 },
      { kind: 'phone', line: 5 },
      { kind: 'postcode', line: 6 },
    ]);
  });

  it('does not match inside longer words or numbers', () => {
    const log = '{"t":19610304123,"z":"Okonkwoish","n":907700900123}';
    expect(findPersonalData(log, people)).toEqual([]);
  });

  it('describes hits without the data', () => {
    const text = describePersonalDataHits([{ kind: 'email', line: 7 }], 'server.log');
    expect(text).toBe('personal data in the log server.log: email at line 7');
    expect(text).not.toContain('example.org');
  });
});
