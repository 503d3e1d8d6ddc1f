import { z } from 'zod';
import { indigoProgrammeExport } from '../../services/claims/indigo-export.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { programmeById } from '../../trpc/targets.ts';

/** Loosely typed here: the test validates the document against INDIGO's JSON schemas. */
const ZIndigoDocument = z.object({ id: z.string(), data: z.record(z.string(), z.unknown()) });

/**
 * A programme's outcome metrics, pricings, payment commitments, results and outcome payments in
 * the Government Outcomes Lab's INDIGO data standard. Aggregates only: no personal data.
 * Read-only, so it reads the replica when DATABASE_READ_URL is set (may be seconds behind).
 */
export const indigoProgrammeProcedure = memberProcedure
  .input(z.object({ programmeId: z.uuid({ error: 'That programme link is not valid' }) }))
  .output(
    z.object({
      standard: z.literal('INDIGO'),
      generatedAt: z.iso.datetime(),
      project: ZIndigoDocument,
      organisations: z.array(ZIndigoDocument),
    }),
  )
  .use(authorize(programmeById))
  .query(({ ctx, input }) => indigoProgrammeExport(ctx.readDb, ctx.actor, input.programmeId));
