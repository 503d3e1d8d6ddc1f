import { listOrganisations } from '@coproduce/db';
import { ZOrganisationKind } from '@coproduce/domain';
import { z } from 'zod';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ownNetwork } from '../../trpc/targets.ts';

export const listOrganisationsProcedure = memberProcedure
  .input(z.object({}).optional())
  .output(
    z.object({
      organisations: z.array(
        z.object({
          id: z.uuid(),
          name: z.string(),
          kind: ZOrganisationKind,
          category: z.string().nullable(),
          safeguardingContact: z.object({ name: z.string(), phone: z.string() }).nullable(),
        }),
      ),
    }),
  )
  .use(authorize(ownNetwork))
  .query(async ({ ctx }) => {
    const organisations = await listOrganisations(ctx.db, { networkId: ctx.actor.networkId });
    return {
      organisations: organisations.map((o) => ({
        id: o.id,
        name: o.name,
        kind: o.kind,
        category: o.category,
        safeguardingContact:
          o.safeguardingContactName && o.safeguardingContactPhone
            ? { name: o.safeguardingContactName, phone: o.safeguardingContactPhone }
            : null,
      })),
    };
  });
