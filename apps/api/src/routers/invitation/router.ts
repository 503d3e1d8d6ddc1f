import { router } from '../../trpc/init.ts';
import { acceptInvitationProcedure } from './accept-invitation.ts';
import { createInvitationProcedure } from './create-invitation.ts';
import { listInvitationsProcedure } from './list-invitations.ts';
import { previewInvitationProcedure } from './preview-invitation.ts';
import { revokeInvitationProcedure } from './revoke-invitation.ts';

export const invitationRouter = router({
  list: listInvitationsProcedure,
  create: createInvitationProcedure,
  revoke: revokeInvitationProcedure,
  preview: previewInvitationProcedure,
  accept: acceptInvitationProcedure,
});
