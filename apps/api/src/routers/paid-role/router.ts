import { router } from '../../trpc/init.ts';
import { paidRoleById } from '../../trpc/targets.ts';
import { workflowProcedures } from '../workflow-procedures.ts';
import { createPaidRoleProcedure } from './create-paid-role.ts';
import { getPaidRoleProcedure } from './get-paid-role.ts';
import { listPaidRolesProcedure } from './list-paid-roles.ts';
import { recordCheckProcedure } from './record-check.ts';
import { setPayProcedure } from './set-pay.ts';
import { updatePaidRoleProcedure } from './update-paid-role.ts';

export const paidRoleRouter = router({
  create: createPaidRoleProcedure,
  update: updatePaidRoleProcedure,
  get: getPaidRoleProcedure,
  list: listPaidRolesProcedure,
  recordCheck: recordCheckProcedure,
  setPay: setPayProcedure,
  ...workflowProcedures('paidRole', 'paidRoleId', paidRoleById, 'paid role'),
});
