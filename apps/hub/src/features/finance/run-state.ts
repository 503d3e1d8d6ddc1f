/** The states of payment-run@1 (packages/workflow); the API sends the state as a string. */
export const RUN_STATES = ['draft', 'approved', 'released', 'completed', 'cancelled'] as const;
export type RunState = (typeof RUN_STATES)[number];

export function runState(run: { readonly state: string }): RunState | null {
  return RUN_STATES.find((state) => state === run.state) ?? null;
}
