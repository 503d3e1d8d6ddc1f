import { z } from 'zod';
import { updateRegister } from '../../services/delivery-session-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { deliverySessionById } from '../../trpc/targets.ts';
import { ZRegister } from './schemas.ts';

export const updateRegisterProcedure = memberProcedure
  .input(z.object({ sessionId: z.uuid(), register: ZRegister }))
  .output(z.object({ updated: z.literal(true) }))
  .use(authorize(deliverySessionById))
  .mutation(({ ctx, input }) => updateRegister(ctx.db, ctx.actor, input));
