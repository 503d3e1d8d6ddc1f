import type { AppRouter } from '@coproduce/ui';
import type { inferInput, inferOutput, TRPCOptionsProxy } from '@trpc/tanstack-react-query';

type Api = TRPCOptionsProxy<AppRouter>;

type PayableQuery = Extract<inferInput<Api['payable']['list']>, object>;
export type PayableFilter = NonNullable<PayableQuery['status']>;
/** The opaque keyset cursor the API hands out with each page (`nextCursor`). */
export type PayableCursor = NonNullable<PayableQuery['cursor']>;
export type Payable = inferOutput<Api['payable']['list']>['payables'][number];
export type PayableStatus = Payable['status'];

export type PaymentRunSummary = inferOutput<Api['paymentRun']['list']>['runs'][number];
export type PaymentRunView = inferOutput<Api['paymentRun']['get']>;
export type PaymentRunLine = PaymentRunView['lines'][number];
export type PaymentRunExclusion = PaymentRunView['exclusions'][number];

export type PendingBankDetails = inferOutput<Api['bankDetails']['pending']>['changes'][number];
export type WorkLogToApprove = inferOutput<Api['workLog']['toApprove']>['workLogs'][number];
