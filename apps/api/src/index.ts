export type { AppRouter } from './root.ts';
