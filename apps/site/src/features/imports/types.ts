import type { AppRouter } from '@coproduce/ui';
import type { inferOutput, TRPCOptionsProxy } from '@trpc/tanstack-react-query';

type Api = TRPCOptionsProxy<AppRouter>['evidenceImport'];

export type ImportChoices = inferOutput<Api['choices']>;
export type ImportChoice = ImportChoices['kinds'][number];
export type ImportKind = ImportChoice['kind'];
export type UploadResult = inferOutput<Api['upload']>;
export type RefusedUpload = Extract<UploadResult, { status: 'refused' }>;
