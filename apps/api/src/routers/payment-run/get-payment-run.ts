import { z } from 'zod';
import { getRun } from '../../services/payment-run/payment-run-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ZExclusion, ZIsoDate, ZRunId } from './schemas.ts';
import { paymentRunById } from './target.ts';

const ZPerson = z.object({ personId: z.uuid(), name: z.string() });

/** A run with its lines (payee names, account endings), exclusions and what the caller may do. */
export const getPaymentRunProcedure = memberProcedure
  .input(z.object({ runId: ZRunId }))
  .output(
    z.object({
      id: z.uuid(),
      dueBy: ZIsoDate,
      state: z.string(),
      version: z.number().int(),
      createdBy: ZPerson,
      approvedBy: ZPerson.nullable(),
      releasedBy: ZPerson.nullable(),
      createdAt: z.iso.datetime(),
      releasedAt: z.iso.datetime().nullable(),
      processingDate: ZIsoDate.nullable(),
      totalPence: z.number().int(),
      lineCount: z.number().int(),
      fileSha256: z.string().nullable(),
      lines: z.array(
        z.object({
          id: z.uuid(),
          payableId: z.uuid(),
          payeeId: z.uuid(),
          payeeName: z.string(),
          accountEnding: z.string(),
          amountPence: z.number().int(),
          reference: z.string(),
          status: z.enum(['included', 'paid', 'failed']),
          failureReason: z.string().nullable(),
          bankReference: z.string().nullable(),
          description: z.string(),
          programmeId: z.uuid(),
          programmeName: z.string(),
          dueOn: ZIsoDate,
        }),
      ),
      exclusions: z.array(ZExclusion),
      can: z.object({
        approve: z.boolean(),
        release: z.boolean(),
        cancel: z.boolean(),
        download: z.boolean(),
        recordConfirmation: z.boolean(),
      }),
    }),
  )
  .use(authorize(paymentRunById))
  .query(({ ctx, input }) => getRun(ctx.db, ctx.actor, input.runId));
