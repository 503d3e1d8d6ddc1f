import { router } from '../../trpc/init.ts';
import { listPayablesProcedure } from './list-payables.ts';

export const payableRouter = router({ list: listPayablesProcedure });
