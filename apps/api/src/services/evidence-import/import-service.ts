import { createHash } from 'node:crypto';
import {
  currentConsents,
  type Database,
  findEvidenceImport,
  findSiteParticipantsByCodes,
  insertEvidenceImport,
  listEnrolledPeople,
  listOrganisationMembers,
  listRecordedResponseKeys,
  type Programme,
} from '@coproduce/db';
import { DomainError, INSTRUMENTS, type ProgrammeOutcomesFramework } from '@coproduce/domain';
import { today } from '../../time.ts';
import type { ActingMember } from '../../trpc/context.ts';
import { auditDecision } from '../audit-service.ts';
import { outcomesFrameworkOf } from '../outcomes-framework.ts';
import { consentAllows, enrolParticipants, requireSiteProgramme } from '../participant-service.ts';
import { type CollectorRole, storeQuestionnaires } from '../questionnaire-service.ts';
import {
  columnsFor,
  IMPORT_INSTRUMENTS,
  type ImportInstrument,
  type ImportKind,
  instrumentName,
  instrumentOf,
  isLicensed,
} from './columns.ts';
import { readRows } from './parse.ts';
import { buildTemplate, type TemplateFormat } from './templates.ts';
import {
  type Collector,
  type ImportProblem,
  type KnownParticipant,
  readTable,
  type Table,
  validateParticipants,
  validateResponses,
} from './validate.ts';

/** A refusal lists at most this many problems (and says how many there are in all). */
export const MAX_PROBLEMS_LISTED = 100;

const COLLECTOR_ROLES: readonly CollectorRole[] = [
  'community_researcher',
  'practitioner',
  'site_lead',
];

export interface SiteProgramme {
  readonly programmeId: string;
  readonly siteId: string;
}

/** Only instruments of the programme's outcomes framework (or a licensed tool's score) import. */
function requireKindInFramework(kind: ImportKind, framework: ProgrammeOutcomesFramework) {
  const instrument = instrumentOf(kind);
  if (instrument === null || isLicensed(instrument)) return;
  if (!framework.instruments.includes(instrument)) {
    throw new DomainError(
      'invalid',
      `${INSTRUMENTS[instrument].shortName} is not one of this programme’s questionnaires.`,
      'kind',
    );
  }
}

export async function evidenceTemplate(
  db: Database,
  actor: ActingMember,
  input: SiteProgramme & { kind: ImportKind; format: TemplateFormat },
) {
  const programme = await requireSiteProgramme(db, actor, input, false);
  const framework = outcomesFrameworkOf(programme);
  requireKindInFramework(input.kind, framework);
  const file = await buildTemplate(input.kind, input.format, { timepoints: framework.timepoints });
  return {
    fileName: file.fileName,
    mimeType: file.mimeType,
    contentBase64: file.content.toString('base64'),
  };
}

export type UploadResult =
  | { status: 'imported'; importId: string; rows: number }
  | { status: 'refused'; problems: ImportProblem[]; totalProblems: number }
  | { status: 'already-imported'; importedAt: string; importedBy: string };

export interface UploadInput extends SiteProgramme {
  readonly kind: ImportKind;
  readonly fileName: string;
  readonly contentBase64: string;
}

/**
 * Imports a whole file or nothing. Every row is checked first; any problem refuses the file with
 * the list of rows, columns and problems. A file already imported (same bytes, same site,
 * programme and kind) changes nothing, even when two uploads of it race: the unique key on the
 * file's SHA-256 lets exactly one of them in.
 */
export async function uploadEvidence(
  db: Database,
  actor: ActingMember,
  input: UploadInput,
): Promise<UploadResult> {
  const programme = await requireSiteProgramme(db, actor, input);
  const framework = outcomesFrameworkOf(programme);
  requireKindInFramework(input.kind, framework);
  const bytes = Buffer.from(input.contentBase64, 'base64');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const key = {
    networkId: actor.networkId,
    siteId: input.siteId,
    programmeId: input.programmeId,
    kind: input.kind,
    sha256,
  };

  const earlier = await findEvidenceImport(db, key);
  if (earlier) return alreadyImported(earlier);

  const sheet = await readRows(bytes, input.fileName);
  const table = readTable(sheet, columnsFor(input.kind));
  const instrument = instrumentOf(input.kind);
  const checked =
    instrument === null
      ? await checkParticipants(db, actor, input, table)
      : await checkResponses(db, actor, input, table, instrument, framework);
  if (checked.problems.length > 0) {
    const problems = [...checked.problems].sort((a, b) => a.row - b.row);
    return {
      status: 'refused',
      problems: problems.slice(0, MAX_PROBLEMS_LISTED),
      totalProblems: problems.length,
    };
  }

  return db.transaction(async (tx): Promise<UploadResult> => {
    const record = await insertEvidenceImport(tx, {
      networkId: actor.networkId,
      siteOrganisationId: input.siteId,
      programmeId: input.programmeId,
      kind: input.kind,
      fileName: input.fileName,
      sha256,
      rowCount: checked.rows,
      importedBy: actor.personId,
    });
    if (!record) {
      // Another upload of the same file committed first: it decides, this one changes nothing.
      const winner = await findEvidenceImport(tx, key);
      if (!winner) throw new Error('an import clashed with one that cannot be found');
      return alreadyImported(winner);
    }
    const scope = { programmeId: input.programmeId, siteId: input.siteId, importId: record.id };
    await checked.store(tx, scope, programme);
    await auditDecision(tx, actor, {
      action: 'evidence.imported',
      objectType: 'evidence-import',
      objectId: record.id,
      detail: {
        importId: record.id,
        kind: input.kind,
        rowCount: checked.rows,
        sha256,
        programmeId: input.programmeId,
        siteId: input.siteId,
      },
    });
    return { status: 'imported' as const, importId: record.id, rows: checked.rows };
  });
}

function alreadyImported(found: NonNullable<Awaited<ReturnType<typeof findEvidenceImport>>>) {
  return {
    status: 'already-imported' as const,
    importedAt: found.import.importedAt.toISOString(),
    importedBy: found.importedByName,
  };
}

interface Checked {
  readonly problems: readonly ImportProblem[];
  readonly rows: number;
  store(
    tx: Database,
    scope: SiteProgramme & { importId: string },
    programme: Programme,
  ): Promise<unknown>;
}

async function checkParticipants(
  db: Database,
  actor: ActingMember,
  input: SiteProgramme,
  table: Table,
): Promise<Checked> {
  const enrolled =
    table.rows.length === 0
      ? []
      : await listEnrolledPeople(db, { networkId: actor.networkId, ...input });
  if (enrolled.length > 0) {
    // Comparing the file with people already enrolled reads their details: that read is audited.
    await db.transaction((tx) =>
      auditDecision(tx, actor, {
        action: 'participant.identity-read',
        objectType: 'organisation',
        objectId: input.siteId,
        detail: { purpose: 'import-duplicate-check', compared: enrolled.length },
      }),
    );
  }
  const { problems, valid } = validateParticipants(table, { today: today(), enrolled });
  return {
    problems,
    rows: valid.length,
    store: (tx, scope) =>
      enrolParticipants(
        tx,
        actor,
        scope,
        valid.map((v) => v.value),
      ),
  };
}

async function checkResponses(
  db: Database,
  actor: ActingMember,
  input: SiteProgramme,
  table: Table,
  instrument: ImportInstrument,
  framework: ProgrammeOutcomesFramework,
): Promise<Checked> {
  const scope = { networkId: actor.networkId, ...input };
  const codes = table.rows.flatMap((r) => r.get('participant_code')?.toUpperCase() ?? []);
  const found = await findSiteParticipantsByCodes(db, { ...scope, codes });
  const consents = await currentConsents(
    db,
    found.map((p) => p.id),
  );
  const participants = new Map<string, KnownParticipant>(
    found.map((p) => [
      p.code,
      {
        id: p.id,
        erased: p.erasedAt !== null,
        mayRecordOn: (date: string) => consentAllows(consents.get(p.id), date),
      },
    ]),
  );
  const members = await listOrganisationMembers(db, {
    networkId: actor.networkId,
    organisationId: input.siteId,
  });
  const collectors = new Map<string, Collector>();
  // A person with several roles at the site is counted under the most specific collecting role.
  for (const role of COLLECTOR_ROLES) {
    for (const member of members) {
      const email = member.email.toLowerCase();
      if (member.role === role && !collectors.has(email)) {
        collectors.set(email, { personId: member.personId, role });
      }
    }
  }
  const recorded = await listRecordedResponseKeys(db, { ...scope, instrument });
  const { problems, valid } = validateResponses(table, {
    instrument,
    today: today(),
    participants,
    timepoints: framework.timepoints,
    collectors,
    uploader: { personId: actor.personId, role: uploaderRole(actor) },
    alreadyRecorded: new Set(
      recorded.map((r) => `${r.participantId}|${r.timepointCode}|${r.recordedOn}`),
    ),
  });
  return {
    problems,
    rows: valid.length,
    store: (tx, storeScope, programme) =>
      storeQuestionnaires(
        tx,
        actor,
        storeScope,
        valid.map(({ row, value }) => ({
          ...value,
          instrument,
          idempotencyKey: `import:${storeScope.importId}:row:${row}`,
        })),
        new Map(found.map((p) => [p.id, p])),
        programme,
      ),
  };
}

function uploaderRole(actor: ActingMember): CollectorRole {
  const role = COLLECTOR_ROLES.find((r) => r === actor.role);
  if (!role)
    throw new DomainError('forbidden', 'Only site staff can import questionnaire answers.');
  return role;
}

/** What a site can import for a programme: participants and each of its questionnaires. */
export async function importChoices(db: Database, actor: ActingMember, input: SiteProgramme) {
  const programme = await requireSiteProgramme(db, actor, input, false);
  const framework = outcomesFrameworkOf(programme);
  let closedBecause: string | null = null;
  try {
    await requireSiteProgramme(db, actor, input, true);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'precondition-failed') throw error;
    closedBecause = error.message;
  }
  const instruments: ImportInstrument[] = [
    ...framework.instruments,
    ...IMPORT_INSTRUMENTS.filter(isLicensed),
  ];
  return {
    programmeName: programme.name,
    closedBecause,
    kinds: [
      { kind: 'participants' as ImportKind, instrument: null, name: 'Participants' },
      ...instruments.map((code) => ({
        kind: `responses:${code}` as ImportKind,
        instrument: code,
        name: instrumentName(code),
      })),
    ],
    timepoints: framework.timepoints.map((t) => ({ code: t.code, label: t.label })),
  };
}
