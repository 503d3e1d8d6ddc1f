import { router } from '../../trpc/init.ts';
import { programmeMoneyProcedure } from './programme-money.ts';

export const moneyRouter = router({ programme: programmeMoneyProcedure });
