import { ZOrganisationKind, ZRole } from '@coproduce/domain';
import { z } from 'zod';
import { listMembers } from '../../services/membership-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { organisationById } from '../../trpc/targets.ts';

export const listMembersProcedure = memberProcedure
  .input(z.object({ organisationId: z.uuid({ error: 'Choose an organisation' }) }))
  .output(
    z.object({
      organisation: z.object({ id: z.uuid(), name: z.string(), kind: ZOrganisationKind }),
      members: z.array(
        z.object({
          membershipId: z.uuid(),
          personId: z.uuid(),
          name: z.string(),
          email: z.string(),
          role: ZRole,
          since: z.iso.datetime(),
          twoFactorEnabled: z.boolean(),
        }),
      ),
      assignableRoles: z.array(ZRole),
    }),
  )
  .use(authorize(organisationById))
  .query(({ ctx, input }) => listMembers(ctx.db, ctx.actor, input.organisationId));
