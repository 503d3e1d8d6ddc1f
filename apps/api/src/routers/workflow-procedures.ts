import type { WorkflowKind } from '@coproduce/workflow';
import { z } from 'zod';
import {
  allowedActions,
  transitionWorkflow,
  workflowHistory,
} from '../services/workflow/transition.ts';
import { authorize, memberProcedure, type TargetResolver } from '../trpc/init.ts';
import {
  ZAllowedActions,
  ZHistory,
  ZTransitionFields,
  ZTransitionResult,
} from './workflow-schemas.ts';

const ZTransitionRequest = z.object({
  ...ZTransitionFields,
  personId: z.uuid({ error: 'Choose a person' }).optional(),
});

/**
 * The three procedures every workflow subject has — what this person may do now, its history,
 * and a transition — built once for each kind, so programmes, milestones and paid roles behave
 * the same way.
 */
export function workflowProcedures<F extends string>(
  kind: WorkflowKind,
  idField: F,
  target: TargetResolver,
  noun: string,
) {
  const ZRef = z.object({
    [idField]: z.uuid({ error: `That ${noun} link is not valid` }),
  } as Record<F, z.ZodUUID>);
  // The input was parsed by ZRef, so the id field is a uuid string.
  const idOf = (input: unknown) => String((input as Record<string, unknown>)[idField]);
  return {
    allowedActions: memberProcedure
      .input(ZRef)
      .output(ZAllowedActions)
      .use(authorize(target))
      .query(({ ctx, input }) => allowedActions(ctx.db, ctx.actor, kind, idOf(input))),
    history: memberProcedure
      .input(ZRef)
      .output(ZHistory)
      .use(authorize(target))
      .query(({ ctx, input }) => workflowHistory(ctx.db, ctx.actor, kind, idOf(input))),
    transition: memberProcedure
      .input(ZRef.and(ZTransitionRequest))
      .output(ZTransitionResult)
      .use(authorize(target))
      .mutation(({ ctx, input }) =>
        transitionWorkflow(ctx.db, ctx.actor, {
          kind,
          id: idOf(input),
          ...(input as z.infer<typeof ZTransitionRequest>),
        }),
      ),
  };
}
