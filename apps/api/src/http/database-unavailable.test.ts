import { TRPCError } from '@trpc/server';
import { describe, expect, it, vi } from 'vitest';
import { describeError, isUnavailable } from '../trpc/errors.ts';
import {
  DATABASE_UNAVAILABLE,
  isDatabaseUnavailable,
  logDatabaseUnavailable,
} from './database-unavailable.ts';

/** Errors shaped as postgres.js raises them, wrapped as drizzle does. */
const socketError = (code: string) =>
  Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: 'connect' });
const driverError = (code: string) =>
  Object.assign(new Error(`write ${code} 127.0.0.1:5432`), { code, errno: code });
const serverError = (code: string) =>
  Object.assign(new Error('terminating connection due to administrator command'), {
    name: 'PostgresError',
    code,
    severity: 'FATAL',
  });
const wrapped = (cause: Error) =>
  Object.assign(new Error('Failed query: select 1\nparams: '), {
    name: 'DrizzleQueryError',
    cause,
  });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', socketError('ECONNREFUSED')],
    ['a reset connection', socketError('ECONNRESET')],
    ['an unknown host', socketError('ENOTFOUND')],
    ['a pooled connection cut', driverError('CONNECTION_CLOSED')],
    ['a pool being closed', driverError('CONNECTION_ENDED')],
    ['a destroyed connection', driverError('CONNECTION_DESTROYED')],
    ['no connection within connect_timeout', driverError('CONNECT_TIMEOUT')],
    ['admin shutdown (57P01)', serverError('57P01')],
    ['crash shutdown (57P02)', serverError('57P02')],
    ['starting up or shutting down (57P03)', serverError('57P03')],
    ['too many connections (53300)', serverError('53300')],
    ['a connection exception (08006)', serverError('08006')],
    ['a connection that does not exist (08003)', serverError('08003')],
  ])('recognises %s, bare or wrapped by drizzle and tRPC', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isDatabaseUnavailable(wrapped(error))).toBe(true);
    const trpc = new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: wrapped(error) });
    expect(isDatabaseUnavailable(trpc)).toBe(true);
  });

  it('looks inside an AggregateError (a host with several addresses)', () => {
    const error = new AggregateError([socketError('ECONNREFUSED'), socketError('ECONNREFUSED')]);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', serverError('23505')],
    ['a missing relation', serverError('42P01')],
    ['a serialisation failure', serverError('40001')],
    ['a plain bug', new TypeError('x is undefined')],
    ['nothing', undefined],
    ['a string', 'ECONNREFUSED'],
  ])('leaves %s alone', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(isDatabaseUnavailable(wrapped(new Error('x', { cause: error })))).toBe(false);
  });

  it('stops at a cycle of causes', () => {
    const a: Error & { cause?: unknown } = new Error('a');
    a.cause = new Error('b', { cause: a });
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});

describe('the API answer when the database is down', () => {
  it('is SERVICE_UNAVAILABLE (503) with the retry message and nothing of the driver', () => {
    const error = new TRPCError({
      code: 'INTERNAL_SERVER_ERROR',
      cause: wrapped(driverError('CONNECTION_CLOSED')),
    });
    expect(isUnavailable(error)).toBe(true);
    expect(describeError(error)).toEqual({
      message: DATABASE_UNAVAILABLE,
      data: { code: 'SERVICE_UNAVAILABLE', httpStatus: 503 },
    });
  });

  it('keeps other server faults a 500 with the usual words', () => {
    const error = new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: serverError('42P01') });
    expect(isUnavailable(error)).toBe(false);
    expect(describeError(error).message).toMatch(/^Something went wrong on our side/);
    expect(describeError(error).data).toEqual({});
  });
});

describe('logDatabaseUnavailable', () => {
  it('writes one line per ten seconds with the count refused meanwhile, and only the code', () => {
    const warn = vi.fn();
    const log = { warn } as unknown as Parameters<typeof logDatabaseUnavailable>[0];
    const error = wrapped(driverError('CONNECTION_CLOSED'));
    const start = 1_000_000_000;
    logDatabaseUnavailable(log, error, 'questionnaire.record', start);
    logDatabaseUnavailable(log, error, 'questionnaire.record', start + 1_000);
    logDatabaseUnavailable(log, error, 'participant.list', start + 9_000);
    logDatabaseUnavailable(log, error, 'participant.list', start + 10_500);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[0]?.[0]).toEqual({
      event: 'database.unavailable',
      where: 'questionnaire.record',
      code: 'CONNECTION_CLOSED',
      refused: 1,
    });
    expect(warn.mock.calls[1]?.[0]).toMatchObject({ where: 'participant.list', refused: 3 });
  });
});
