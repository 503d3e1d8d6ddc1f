import { router } from '../../trpc/init.ts';
import { listOrganisationsProcedure } from './list-organisations.ts';
import { updateSafeguardingContactProcedure } from './update-safeguarding-contact.ts';

export const organisationRouter = router({
  list: listOrganisationsProcedure,
  updateSafeguardingContact: updateSafeguardingContactProcedure,
});
