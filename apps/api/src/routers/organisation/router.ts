import { router } from '../../trpc/init.ts';
import { listOrganisationsProcedure } from './list-organisations.ts';

export const organisationRouter = router({ list: listOrganisationsProcedure });
