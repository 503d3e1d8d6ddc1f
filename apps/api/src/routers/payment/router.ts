import { router } from '../../trpc/init.ts';
import { myPaymentsProcedure } from './my-payments.ts';
import { myRemittanceProcedure } from './my-remittance.ts';

export const paymentRouter = router({
  mine: myPaymentsProcedure,
  myRemittance: myRemittanceProcedure,
});
