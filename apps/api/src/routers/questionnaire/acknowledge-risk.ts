import { z } from 'zod';
import { acknowledgeRisk } from '../../services/questionnaire-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { questionnaireById } from '../../trpc/targets.ts';

export const RISK_ACTIONS = [
  'contacted-participant',
  'referred',
  'safeguarding-lead-informed',
] as const;

export const acknowledgeRiskProcedure = memberProcedure
  .input(
    z.object({
      responseId: z.uuid(),
      action: z.enum(RISK_ACTIONS, { error: 'Choose what was done' }),
    }),
  )
  .output(z.object({ acknowledged: z.literal(true) }))
  .use(authorize(questionnaireById))
  .mutation(({ ctx, input }) => acknowledgeRisk(ctx.db, ctx.actor, input));
