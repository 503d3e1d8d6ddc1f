import type { AppRouter } from '@coproduce/ui';
import type { inferOutput, TRPCOptionsProxy } from '@trpc/tanstack-react-query';

type Api = TRPCOptionsProxy<AppRouter>;

export type WorkMine = inferOutput<Api['workLog']['mine']>;
export type MyPaidRole = WorkMine['roles'][number];
export type LoggableSession = WorkMine['sessions'][number];
export type MyWorkLog = WorkMine['logs'][number];
export type WorkLogToConfirm = inferOutput<Api['workLog']['toConfirm']>['workLogs'][number];
export type MyPayment = inferOutput<Api['payment']['mine']>['payments'][number];
