import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import {
  organisations,
  participants,
  programmeFunders,
  programmeSites,
  programmes,
  questionnaireResponses,
  reportingPeriods,
} from '../schema/index.ts';

export type Programme = typeof programmes.$inferSelect;
export type NewProgramme = typeof programmes.$inferInsert;

export interface ProgrammeFunderInput {
  readonly organisationId: string;
  readonly shareBasisPoints: number;
}

export async function insertProgramme(db: Database, values: NewProgramme): Promise<Programme> {
  const [row] = await db.insert(programmes).values(values).returning();
  if (!row) throw new Error('insert into programmes returned nothing');
  return row;
}

export async function updateProgrammeFields(
  db: Database,
  {
    networkId,
    id,
    expectedVersion,
    values,
  }: {
    networkId: string;
    id: string;
    expectedVersion: number;
    values: Partial<
      Pick<
        NewProgramme,
        | 'name'
        | 'need'
        | 'population'
        | 'budgetPence'
        | 'delegationLimitPence'
        | 'baselineThresholdPercent'
        | 'minimumCohort'
        | 'reportingPeriodMonths'
        | 'returnDueDays'
      >
    >;
  },
): Promise<boolean> {
  const rows = await db
    .update(programmes)
    .set({ ...values, version: sql`${programmes.version} + 1` })
    .where(
      and(
        eq(programmes.networkId, networkId),
        eq(programmes.id, id),
        eq(programmes.version, expectedVersion),
      ),
    )
    .returning({ id: programmes.id });
  return rows.length === 1;
}

/** Replaces a programme's sites and co-funders (a draft being edited). Sign-offs start again. */
export async function replaceProgrammeParties(
  db: Database,
  {
    networkId,
    programmeId,
    siteIds,
    funders,
  }: {
    networkId: string;
    programmeId: string;
    siteIds: readonly string[];
    funders: readonly ProgrammeFunderInput[];
  },
): Promise<void> {
  await db.delete(programmeSites).where(eq(programmeSites.programmeId, programmeId));
  await db.delete(programmeFunders).where(eq(programmeFunders.programmeId, programmeId));
  if (siteIds.length > 0) {
    await db
      .insert(programmeSites)
      .values(siteIds.map((organisationId) => ({ networkId, programmeId, organisationId })));
  }
  if (funders.length > 0) {
    await db
      .insert(programmeFunders)
      .values(funders.map((f) => ({ networkId, programmeId, ...f })));
  }
}

export async function getProgramme(
  db: Database,
  { networkId, id }: { networkId: string; id: string },
) {
  const [row] = await db
    .select()
    .from(programmes)
    .where(and(eq(programmes.networkId, networkId), eq(programmes.id, id)));
  return row;
}

/** Looks a programme up by id alone: for deciding whose it is, before tenancy is checked. */
export async function findProgrammeById(db: Database, id: string): Promise<Programme | undefined> {
  const [row] = await db.select().from(programmes).where(eq(programmes.id, id));
  return row;
}

/** The organisations a programme involves: its hub, its sites and its co-funders. */
export async function programmeOrganisationIds(
  db: Database,
  programme: Pick<Programme, 'id' | 'hubOrganisationId'>,
) {
  const sites = await db
    .select({ id: programmeSites.organisationId })
    .from(programmeSites)
    .where(eq(programmeSites.programmeId, programme.id));
  const funders = await db
    .select({ id: programmeFunders.organisationId })
    .from(programmeFunders)
    .where(eq(programmeFunders.programmeId, programme.id));
  return [programme.hubOrganisationId, ...sites.map((s) => s.id), ...funders.map((f) => f.id)];
}

export async function listProgrammeSites(db: Database, programmeId: string) {
  return db
    .select({
      organisationId: programmeSites.organisationId,
      name: organisations.name,
      category: organisations.category,
      enrolled: sql<number>`(select count(*)::int from ${participants} p
        where p.programme_id = programme_sites.programme_id
          and p.site_organisation_id = programme_sites.organisation_id)`,
      withBaseline: sql<number>`(select count(*)::int from ${participants} p
        where p.programme_id = programme_sites.programme_id
          and p.site_organisation_id = programme_sites.organisation_id
          and exists (select 1 from ${questionnaireResponses} r
            where r.participant_id = p.id and r.timepoint_code = 'baseline' and r.valid))`,
    })
    .from(programmeSites)
    .innerJoin(organisations, eq(organisations.id, programmeSites.organisationId))
    .where(eq(programmeSites.programmeId, programmeId))
    .orderBy(asc(organisations.name));
}

/** Whether the programme runs at this site (one index lookup, unlike `listProgrammeSites`). */
export async function programmeRunsAtSite(
  db: Database,
  programmeId: string,
  organisationId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ programmeId: programmeSites.programmeId })
    .from(programmeSites)
    .where(
      and(
        eq(programmeSites.programmeId, programmeId),
        eq(programmeSites.organisationId, organisationId),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function listProgrammeFunders(db: Database, programmeId: string) {
  return db
    .select({
      organisationId: programmeFunders.organisationId,
      name: organisations.name,
      shareBasisPoints: programmeFunders.shareBasisPoints,
      signedOffAt: programmeFunders.signedOffAt,
      signedOffBy: programmeFunders.signedOffBy,
    })
    .from(programmeFunders)
    .innerJoin(organisations, eq(organisations.id, programmeFunders.organisationId))
    .where(eq(programmeFunders.programmeId, programmeId))
    .orderBy(asc(organisations.name));
}

export async function signOffFunderShare(
  db: Database,
  {
    programmeId,
    organisationId,
    personId,
    at = new Date(),
  }: { programmeId: string; organisationId: string; personId: string; at?: Date },
): Promise<boolean> {
  const rows = await db
    .update(programmeFunders)
    .set({ signedOffAt: at, signedOffBy: personId })
    .where(
      and(
        eq(programmeFunders.programmeId, programmeId),
        eq(programmeFunders.organisationId, organisationId),
        isNull(programmeFunders.signedOffAt),
      ),
    )
    .returning({ id: programmeFunders.organisationId });
  return rows.length === 1;
}

export async function clearFunderSignOffs(db: Database, programmeId: string): Promise<void> {
  await db
    .update(programmeFunders)
    .set({ signedOffAt: null, signedOffBy: null })
    .where(eq(programmeFunders.programmeId, programmeId));
}

export interface ProgrammeFilter {
  readonly networkId: string;
  readonly stage?: string | undefined;
  readonly siteId?: string | undefined;
  readonly funderId?: string | undefined;
  /** Only programmes involving this organisation (a site's or a commissioner's own view). */
  readonly involvingOrganisationId?: string | undefined;
}

export async function listProgrammes(db: Database, filter: ProgrammeFilter): Promise<Programme[]> {
  const involving = (organisationId: string) =>
    sql`(${programmes.hubOrganisationId} = ${organisationId}
      or exists (select 1 from ${programmeSites} where ${programmeSites.programmeId} = ${programmes.id} and ${programmeSites.organisationId} = ${organisationId})
      or exists (select 1 from ${programmeFunders} where ${programmeFunders.programmeId} = ${programmes.id} and ${programmeFunders.organisationId} = ${organisationId}))`;
  return db
    .select()
    .from(programmes)
    .where(
      and(
        eq(programmes.networkId, filter.networkId),
        filter.stage ? eq(programmes.stage, filter.stage) : undefined,
        filter.siteId
          ? sql`exists (select 1 from ${programmeSites} where ${programmeSites.programmeId} = ${programmes.id} and ${programmeSites.organisationId} = ${filter.siteId})`
          : undefined,
        filter.funderId
          ? sql`exists (select 1 from ${programmeFunders} where ${programmeFunders.programmeId} = ${programmes.id} and ${programmeFunders.organisationId} = ${filter.funderId})`
          : undefined,
        filter.involvingOrganisationId ? involving(filter.involvingOrganisationId) : undefined,
      ),
    )
    .orderBy(asc(programmes.name));
}

/** Stages in which a monitoring return can be overdue. */
const RETURN_STAGES = ['delivery', 'monitoring', 'suspended'];

export interface ProgrammePage extends ProgrammeFilter {
  /** Only programmes with a monitoring return overdue on this date. */
  readonly overdueOn?: string | undefined;
  /** Keyset: programmes after this (name, id). */
  readonly after?: { readonly name: string; readonly id: string } | undefined;
  readonly limit: number;
}

/**
 * One page of a network's programmes by (name, id), with the same filters as
 * `listProgrammes`. Served by the (network, name, id) index, so a deep page costs what the
 * first costs; every filter is in SQL so pages stay full.
 */
export function listProgrammesPage(db: Database, page: ProgrammePage) {
  const exists = (table: typeof programmeSites | typeof programmeFunders, organisationId: string) =>
    sql`exists (select 1 from ${table} where ${table.programmeId} = ${programmes.id} and ${table.organisationId} = ${organisationId})`;
  return db
    .select()
    .from(programmes)
    .where(
      and(
        eq(programmes.networkId, page.networkId),
        page.stage ? eq(programmes.stage, page.stage) : undefined,
        page.siteId ? exists(programmeSites, page.siteId) : undefined,
        page.funderId ? exists(programmeFunders, page.funderId) : undefined,
        page.involvingOrganisationId
          ? or(
              eq(programmes.hubOrganisationId, page.involvingOrganisationId),
              exists(programmeSites, page.involvingOrganisationId),
              exists(programmeFunders, page.involvingOrganisationId),
            )
          : undefined,
        page.overdueOn
          ? and(
              inArray(programmes.stage, RETURN_STAGES),
              sql`exists (select 1 from ${reportingPeriods} where ${reportingPeriods.programmeId} = ${programmes.id} and ${reportingPeriods.returnDueOn} < ${page.overdueOn}::date and ${reportingPeriods.returnAcceptedAt} is null)`,
            )
          : undefined,
        page.after
          ? sql`(${programmes.name}, ${programmes.id}) > (${page.after.name}::text, ${page.after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(programmes.name), asc(programmes.id))
    .limit(page.limit);
}

/** Which of these programmes have a monitoring return overdue on `today`. */
export async function overdueAmong(
  db: Database,
  { programmeIds, today }: { programmeIds: readonly string[]; today: string },
): Promise<Set<string>> {
  if (programmeIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ programmeId: reportingPeriods.programmeId })
    .from(reportingPeriods)
    .innerJoin(programmes, eq(programmes.id, reportingPeriods.programmeId))
    .where(
      and(
        inArray(reportingPeriods.programmeId, [...programmeIds]),
        lt(reportingPeriods.returnDueOn, today),
        isNull(reportingPeriods.returnAcceptedAt),
        inArray(programmes.stage, RETURN_STAGES),
      ),
    );
  return new Set(rows.map((r) => r.programmeId));
}

export async function sitesAndFundersOf(db: Database, programmeIds: readonly string[]) {
  if (programmeIds.length === 0) return { sites: [], funders: [] };
  const sites = await db
    .select({
      programmeId: programmeSites.programmeId,
      organisationId: programmeSites.organisationId,
      name: organisations.name,
    })
    .from(programmeSites)
    .innerJoin(organisations, eq(organisations.id, programmeSites.organisationId))
    .where(inArray(programmeSites.programmeId, [...programmeIds]));
  const funders = await db
    .select({
      programmeId: programmeFunders.programmeId,
      organisationId: programmeFunders.organisationId,
      name: organisations.name,
      shareBasisPoints: programmeFunders.shareBasisPoints,
      signedOffAt: programmeFunders.signedOffAt,
    })
    .from(programmeFunders)
    .innerJoin(organisations, eq(organisations.id, programmeFunders.organisationId))
    .where(inArray(programmeFunders.programmeId, [...programmeIds]));
  return { sites, funders };
}

export type ReportingPeriod = typeof reportingPeriods.$inferSelect;

export async function insertReportingPeriod(
  db: Database,
  values: typeof reportingPeriods.$inferInsert,
) {
  await db.insert(reportingPeriods).values(values).onConflictDoNothing();
}

export async function listReportingPeriods(
  db: Database,
  programmeId: string,
): Promise<ReportingPeriod[]> {
  return db
    .select()
    .from(reportingPeriods)
    .where(eq(reportingPeriods.programmeId, programmeId))
    .orderBy(asc(reportingPeriods.number));
}

export async function markReturn(
  db: Database,
  {
    programmeId,
    number,
    submittedBy,
    accepted,
    at,
  }: {
    programmeId: string;
    number: number;
    submittedBy?: string | null;
    accepted?: boolean | null;
    at: Date;
  },
) {
  await db
    .update(reportingPeriods)
    .set({
      ...(submittedBy !== undefined
        ? { returnSubmittedAt: submittedBy ? at : null, returnSubmittedBy: submittedBy }
        : {}),
      ...(accepted !== undefined ? { returnAcceptedAt: accepted ? at : null } : {}),
    })
    .where(and(eq(reportingPeriods.programmeId, programmeId), eq(reportingPeriods.number, number)));
}

/** Monitoring returns past their due date and not yet accepted, across a network. */
export async function listOverdueReturns(
  db: Database,
  { networkId, today }: { networkId: string; today: string },
) {
  return db
    .select({
      programmeId: reportingPeriods.programmeId,
      programmeName: programmes.name,
      number: reportingPeriods.number,
      returnDueOn: reportingPeriods.returnDueOn,
      submittedAt: reportingPeriods.returnSubmittedAt,
    })
    .from(reportingPeriods)
    .innerJoin(programmes, eq(programmes.id, reportingPeriods.programmeId))
    .where(
      and(
        eq(reportingPeriods.networkId, networkId),
        lt(reportingPeriods.returnDueOn, today),
        isNull(reportingPeriods.returnAcceptedAt),
        inArray(programmes.stage, ['delivery', 'monitoring', 'suspended']),
      ),
    )
    .orderBy(asc(reportingPeriods.returnDueOn));
}
