import { router } from '../../trpc/init.ts';
import { indigoProgrammeProcedure } from './programme-export.ts';

export const indigoRouter = router({ programme: indigoProgrammeProcedure });
