import { router } from '../../trpc/init.ts';
import { getSessionProcedure } from './get-session.ts';
import { listSessionsProcedure } from './list-sessions.ts';
import { recordSessionProcedure } from './record-session.ts';
import { updateRegisterProcedure } from './update-register.ts';

export const deliverySessionRouter = router({
  record: recordSessionProcedure,
  list: listSessionsProcedure,
  get: getSessionProcedure,
  updateRegister: updateRegisterProcedure,
});
