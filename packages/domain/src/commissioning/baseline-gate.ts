/** What the server knows about a programme's baseline when someone asks to start delivery. */
export interface BaselineGateFacts {
  readonly enrolled: number;
  readonly baselineRecorded: number;
  /** Share of enrolled participants that must have a baseline, 0–1 (BRIEF default 0.8). */
  readonly threshold: number;
  readonly minimumCohort: number;
  readonly requiredPaidRoles: number;
  readonly activePaidRoles: number;
}

export const DEFAULT_BASELINE_THRESHOLD = 0.8;

const percent = (share: number) => `${Math.round(share * 100)}%`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Why delivery cannot start yet, in words a site lead understands; empty when the gate is met
 * (BRIEF: baselines are a gate).
 */
export function baselineGateShortfalls(facts: BaselineGateFacts): string[] {
  const shortfalls: string[] = [];
  if (facts.enrolled < facts.minimumCohort) {
    shortfalls.push(
      `${plural(facts.enrolled, 'participant', 'participants')} enrolled; at least ${facts.minimumCohort} needed`,
    );
  }
  const coverage = facts.enrolled === 0 ? 0 : facts.baselineRecorded / facts.enrolled;
  if (facts.enrolled === 0 || coverage < facts.threshold) {
    shortfalls.push(
      `baseline recorded for ${facts.baselineRecorded} of ${plural(facts.enrolled, 'enrolled participant', 'enrolled participants')} (${percent(coverage)}); ${percent(facts.threshold)} required`,
    );
  }
  if (facts.activePaidRoles < facts.requiredPaidRoles) {
    shortfalls.push(
      `${facts.activePaidRoles} of ${plural(facts.requiredPaidRoles, 'required paid role', 'required paid roles')} active`,
    );
  }
  return shortfalls;
}
