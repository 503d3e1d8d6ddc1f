import { ZRole } from '@coproduce/domain';
import { z } from 'zod';
import { listAudit } from '../../services/audit-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ownNetwork } from '../../trpc/targets.ts';

const ZDay = z.iso.date({ error: 'Enter a date like 2026-11-26' });

export const listAuditEntriesProcedure = memberProcedure
  .input(
    z
      .object({
        action: z.string().trim().max(100).optional(),
        objectType: z.string().trim().max(100).optional(),
        objectId: z.string().trim().max(100).optional(),
        actorPersonId: z.uuid({ error: 'Choose a person' }).optional(),
        from: ZDay.optional(),
        to: ZDay.optional(),
        cursor: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .refine((q) => !q.from || !q.to || q.from <= q.to, {
        path: ['to'],
        message: 'The end date must be on or after the start date',
      }),
  )
  .output(
    z.object({
      entries: z.array(
        z.object({
          seq: z.number().int(),
          at: z.iso.datetime(),
          action: z.string(),
          objectType: z.string(),
          objectId: z.string(),
          actor: z
            .object({
              personId: z.uuid(),
              name: z.string(),
              role: ZRole.nullable(),
              organisationName: z.string().nullable(),
            })
            .nullable(),
          detail: z.record(z.string(), z.unknown()),
          hash: z.string(),
          prevHash: z.string(),
        }),
      ),
      nextCursor: z.number().int().nullable(),
      actions: z.array(z.string()),
    }),
  )
  .use(authorize(ownNetwork))
  .query(({ ctx, input }) => listAudit(ctx.db, ctx.actor, input));
