import { router } from '../../trpc/init.ts';
import { programmeById } from '../../trpc/targets.ts';
import { workflowProcedures } from '../workflow-procedures.ts';
import { createProgrammeProcedure } from './create-programme.ts';
import { getProgrammeProcedure } from './get-programme.ts';
import { listProgrammesProcedure } from './list-programmes.ts';
import { signOffShareProcedure } from './sign-off-share.ts';
import { updateDraftProgrammeProcedure } from './update-draft-programme.ts';

export const programmeRouter = router({
  create: createProgrammeProcedure,
  updateDraft: updateDraftProgrammeProcedure,
  get: getProgrammeProcedure,
  list: listProgrammesProcedure,
  ...workflowProcedures('programme', 'programmeId', programmeById, 'programme'),
  signOffShare: signOffShareProcedure,
});
