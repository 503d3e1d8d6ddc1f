import { router } from '../../trpc/init.ts';
import { bankDetailsForPayeeProcedure } from './bank-details-for-payee.ts';
import { decideBankDetailsProcedure } from './decide-bank-details.ts';
import { listPendingBankDetailsProcedure } from './list-pending.ts';
import { myBankDetailsProcedure } from './my-bank-details.ts';
import { requestBankDetailsProcedure } from './request-bank-details.ts';

export const bankDetailsRouter = router({
  mine: myBankDetailsProcedure,
  forPayee: bankDetailsForPayeeProcedure,
  request: requestBankDetailsProcedure,
  pending: listPendingBankDetailsProcedure,
  decide: decideBankDetailsProcedure,
});
