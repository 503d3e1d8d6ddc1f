import { ZOrganisationKind, ZRole } from '@coproduce/domain';
import { z } from 'zod';

export const ZSessionView = z.object({
  person: z.object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    twoFactorEnabled: z.boolean(),
  }),
  memberships: z.array(
    z.object({
      id: z.uuid(),
      role: ZRole,
      organisation: z.object({ id: z.uuid(), name: z.string(), kind: ZOrganisationKind }),
      network: z.object({ id: z.uuid(), name: z.string() }),
    }),
  ),
  activeMembershipId: z.uuid().nullable(),
  /** The active role needs TOTP and the person has not set it up yet. */
  twoFactorRequired: z.boolean(),
});
