import { DomainError } from '@coproduce/domain';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeError } from './errors.ts';

describe('describeError', () => {
  it('keys field messages by their full path', () => {
    const parsed = z
      .object({
        draft: z.object({ name: z.string().min(3, 'Enter a name of at least 3 characters') }),
      })
      .safeParse({ draft: { name: 'x' } });
    const error = new TRPCError({ code: 'BAD_REQUEST', cause: parsed.error });
    expect(describeError(error)).toEqual({
      message: 'draft.name: Enter a name of at least 3 characters',
      data: { fieldErrors: { 'draft.name': ['Enter a name of at least 3 characters'] } },
    });
  });

  it('passes a domain refusal on with its field and structured details', () => {
    const cause = new DomainError('conflict', 'You cannot approve this now.', 'event', {
      allowed: ['WITHDRAW'],
    });
    expect(describeError(new TRPCError({ code: 'CONFLICT', cause }))).toEqual({
      message: 'You cannot approve this now.',
      data: {
        reason: 'conflict',
        fieldErrors: { event: ['You cannot approve this now.'] },
        details: { allowed: ['WITHDRAW'] },
      },
    });
  });

  it('never shows a server fault’s own words', () => {
    const error = new TRPCError({
      code: 'INTERNAL_SERVER_ERROR',
      message: 'relation "x" does not exist',
    });
    expect(describeError(error).message).toMatch(/^Something went wrong on our side/);
  });

  it('says in words, against the input, that a request is not JSON', () => {
    const cause = new SyntaxError('Unterminated string in JSON at position 10');
    const described = describeError(
      new TRPCError({ code: 'BAD_REQUEST', message: cause.message, cause }),
    );
    expect(described.message).toMatch(/^We could not read this request/);
    expect(Object.keys(described.data.fieldErrors ?? {})).toEqual(['input']);
  });
});
