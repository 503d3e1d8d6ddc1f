import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerAs } from '../test-support/callers.ts';
import { type RunningServer, startServer } from '../testing.ts';

let server: RunningServer;

const as = (email: string) => callerAs(server, email);

const titles = async (email: string) =>
  (await (await as(email)).work.needsMe()).items.map((i) => i.title);

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

describe('needs me', () => {
  it('shows each person the decisions waiting for them in the seeded network', async () => {
    expect(await titles('priya.raman@icb.example.org')).toEqual(
      expect.arrayContaining([
        'Countersign “Q1: 30 families completed at least 6 sessions”',
        'Review the proposal “Healthy hearts: CVD lifestyle groups”',
      ]),
    );
    expect(await titles('kwame.boateng@publichealth.example.org')).toContain(
      'Sign off your share of “Healthy hearts: CVD lifestyle groups”',
    );
    expect(await titles('david.levi@hub.example.org')).toEqual(
      expect.arrayContaining([
        'Approve “Q2: baseline and 3-month follow-up questionnaires complete”',
        'Review the monitoring return of “Family therapy clinics led by trained faith leaders”',
      ]),
    );
    // David started the CVD review himself, but someone else submitted it, so it waits on him too.
    expect(await titles('david.levi@hub.example.org')).toContain(
      'Review the proposal “Healthy hearts: CVD lifestyle groups”',
    );
    const grace = await titles('grace.mensah@hub.example.org');
    expect(grace).toEqual(
      expect.arrayContaining([
        'Finish the draft “Young carers peer support”',
        'Baseline for “Living well with long-term conditions”',
      ]),
    );
    expect(grace.some((t) => /^Enhanced DBS check expires on \d{4}-\d{2}-\d{2}$/.test(t))).toBe(
      true,
    );
    expect(
      grace.some((t) =>
        t.startsWith(
          'Overdue: period 1 monitoring return for “Talking-therapy workshops at the temple”',
        ),
      ),
    ).toBe(true);
    expect(await titles('helen.carter@hub.example.org')).toEqual([]);
  });

  it('never shows a site another site’s work', async () => {
    const samuel = await titles('samuel.adeyemi@stbrigids.example.org');
    expect(samuel.some((t) => t.includes('Q3: 20 families reliably improved'))).toBe(false);
    expect(samuel.some((t) => t.includes('Talking-therapy workshops'))).toBe(false);
  });
});

describe('key-person risk', () => {
  it('finds single approvers, lone site staff and funders with one signatory', async () => {
    const { risks } = await (await as('grace.mensah@hub.example.org')).work.keyPersonRisks();
    const said = risks.map((r) => `${r.name}: ${r.risk}`);
    expect(said).toEqual(
      expect.arrayContaining([
        'Kingsmere Community Health Hub: A single hub approver: every milestone and claim waits on one person.',
        'Shree Ram Mandir Kingsmere: One person holds every right at this site.',
        "St Brigid's Community Church: A single site lead: if they are away, no one can submit milestones or record baselines.",
        'Al-Noor Community Mosque: A single site lead: if they are away, no one can submit milestones or record baselines.',
        'Kingsmere Community Health Hub: A single hub coordinator runs every programme’s lifecycle.',
        'Greenway Community Centre: No one at this site has an account: it cannot submit evidence or confirm sessions.',
      ]),
    );
    expect(risks.find((r) => r.risk.includes('single hub approver'))?.people).toEqual([
      'David Levi',
    ]);
  });
});
