import { z } from 'zod';
import { describeSession } from '../../services/session-service.ts';
import { signedInProcedure } from '../../trpc/init.ts';
import { ZSessionView } from './schemas.ts';

export const getMe = signedInProcedure
  .input(z.object({}).optional())
  .output(ZSessionView)
  .query(({ ctx }) => describeSession(ctx.db, ctx.session));
