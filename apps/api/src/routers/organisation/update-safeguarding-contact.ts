import { updateSafeguardingContact } from '@coproduce/db';
import { DomainError } from '@coproduce/domain';
import { z } from 'zod';
import { auditDecision } from '../../services/audit-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { organisationById } from '../../trpc/targets.ts';

/** Who a site's staff call when a questionnaire raises a safeguarding risk. */
export const updateSafeguardingContactProcedure = memberProcedure
  .input(
    z.object({
      organisationId: z.uuid(),
      name: z
        .string({ error: 'Enter the safeguarding contact’s name' })
        .trim()
        .min(1, 'Enter the safeguarding contact’s name')
        .max(100, 'The name must be 100 characters or fewer'),
      phone: z
        .string({ error: 'Enter a phone number' })
        .trim()
        .regex(/^[0-9+() -]{6,30}$/, 'Enter a phone number using digits, spaces and +'),
    }),
  )
  .output(z.object({ updated: z.literal(true) }))
  .use(authorize(organisationById))
  .mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const updated = await updateSafeguardingContact(tx, {
        networkId: ctx.actor.networkId,
        ...input,
      });
      if (!updated) {
        throw new DomainError(
          'invalid',
          'Only sites have a safeguarding contact.',
          'organisationId',
        );
      }
      await auditDecision(tx, ctx.actor, {
        action: 'organisation.safeguarding-contact-updated',
        objectType: 'organisation',
        objectId: input.organisationId,
        detail: {},
      });
      return { updated: true as const };
    }),
  );
