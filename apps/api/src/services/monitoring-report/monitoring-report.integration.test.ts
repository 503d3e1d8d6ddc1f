import { findPersonByEmail } from '@coproduce/db';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '../../root.ts';
import { type RunningServer, startServer } from '../../testing.ts';
import { createContextInner } from '../../trpc/context.ts';

let server: RunningServer;
const FAMILY_THERAPY = 'Family therapy clinics led by trained faith leaders';

async function as(email: string) {
  const person = await findPersonByEmail(server.database.db, email);
  if (!person) throw new Error(`no demo person ${email}`);
  const session = {
    id: crypto.randomUUID(),
    personId: person.id,
    activeMembershipId: null,
    twoFactorEnabled: person.twoFactorEnabled,
  };
  const me = await createCaller(createContextInner(server.deps, session)).session.me();
  return createCaller(
    createContextInner(server.deps, {
      ...session,
      activeMembershipId: me.memberships[0]?.id ?? null,
    }),
  );
}

let programmeId = '';

beforeAll(async () => {
  server = await startServer();
  const grace = await as('grace.mensah@hub.example.org');
  const { programmes } = await grace.programme.list({});
  programmeId = programmes.find((p) => p.name === FAMILY_THERAPY)?.id ?? '';
  expect(programmeId).not.toBe('');
});
afterAll(async () => {
  await server?.close();
});

describe('outcomes.monitoringReport', () => {
  it('gives a co-funding commissioner the report as a PDF, and audits the download', async () => {
    const priya = await as('priya.raman@icb.example.org');
    const file = await priya.outcomes.monitoringReport({ programmeId, format: 'pdf' });
    expect(file.mimeType).toBe('application/pdf');
    expect(file.fileName).toBe(
      'monitoring-report-family-therapy-clinics-led-by-trained-faith-leaders-to-date.pdf',
    );
    expect(Buffer.from(file.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    const grace = await as('grace.mensah@hub.example.org');
    const { entries } = await grace.audit.list({
      action: 'outcomes.report-downloaded',
      limit: 5,
    });
    expect(entries[0]).toMatchObject({
      objectType: 'programme',
      objectId: programmeId,
      actor: { role: 'commissioner' },
      detail: { programmeId, siteId: null, periodNumber: null, format: 'pdf' },
    });
  });

  it('gives the same figures as a spreadsheet for one site', async () => {
    const priya = await as('priya.raman@icb.example.org');
    const programme = await priya.programme.get({ programmeId });
    const site = programme.sites[0];
    if (!site) throw new Error('the programme has no sites');
    const file = await priya.outcomes.monitoringReport({
      programmeId,
      siteId: site.organisationId,
      format: 'xlsx',
    });
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = await readXlsxFile(Buffer.from(file.contentBase64, 'base64'));
    expect(workbook.map((sheet) => sheet.sheet)).toEqual([
      'Summary',
      'Outcomes',
      'Talking Therapies',
      'Data quality',
      'Collection rounds',
      'Equality',
    ]);
    const summary = workbook[0]?.data ?? [];
    expect(summary.find((row) => row[0] === 'Site')?.[1]).toBe(site.name);

    const report = await priya.outcomes.report({ programmeId, siteId: site.organisationId });
    const enrolled = summary.find((row) => row[0] === 'Enrolled')?.[1];
    expect(enrolled).toBe(report.dataQuality.enrolled);
  });

  it('is not found for a commissioner who does not fund the programme', async () => {
    const kwame = await as('kwame.boateng@publichealth.example.org');
    await expect(
      kwame.outcomes.monitoringReport({ programmeId, format: 'pdf' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
