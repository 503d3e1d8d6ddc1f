import { router } from '../../trpc/init.ts';
import { approveWorkProcedure } from './approve-work.ts';
import { confirmWorkProcedure } from './confirm-work.ts';
import { listMyWorkProcedure } from './list-my-work.ts';
import { listToApproveProcedure } from './list-to-approve.ts';
import { listToConfirmProcedure } from './list-to-confirm.ts';
import { logWorkProcedure } from './log-work.ts';

export const workLogRouter = router({
  mine: listMyWorkProcedure,
  log: logWorkProcedure,
  toConfirm: listToConfirmProcedure,
  confirm: confirmWorkProcedure,
  toApprove: listToApproveProcedure,
  approve: approveWorkProcedure,
});
