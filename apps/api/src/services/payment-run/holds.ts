import { type Database, liveBankDetailsOfNetwork } from '@coproduce/db';
import { checkShortfalls } from '@coproduce/domain';
import { eligibilityOf, roleFacts, stateOnDate } from '../work-log-service.ts';

export const HELD_FOR_BANK_CHANGE = 'Bank details change waiting for confirmation';
export const NO_BANK_DETAILS = 'No confirmed bank details';

export interface PayableToCheck {
  readonly id: string;
  readonly payeeId: string;
  readonly milestoneId: string | null;
  readonly milestoneState: string | null;
  readonly paidRoleId: string | null;
  readonly workedOn: string | null;
  /** At release: the bank details the line was made with. */
  readonly bankDetailsId?: string;
}

/**
 * Why each payable cannot be paid now (absent when it can), re-checked when a run is made and
 * again when it is released:
 * - work must have been done while the role was active with every check in date (as at approval);
 * - a role that has not ended must be active with its checks in date now: pay is held while a
 *   check has lapsed, and paid in a later run once it is renewed (BRIEF: "Only active roles with
 *   valid checks can be paid");
 * - the payee needs confirmed bank details and no change waiting for confirmation (ADR 0008);
 * - a milestone must still be payable.
 * Returns confirmed bank details by payee as well, for the lines.
 */
export async function holdReasons(
  db: Database,
  networkId: string,
  payables: readonly PayableToCheck[],
  on: string,
) {
  const reasons = new Map<string, string[]>();
  const hold = (id: string, reason: string) =>
    reasons.set(id, [...(reasons.get(id) ?? []), reason]);

  const work = payables.filter((p) => p.paidRoleId && p.workedOn);
  const workDate = await eligibilityOf(
    db,
    networkId,
    work.map((p) => ({ paidRoleId: p.paidRoleId ?? '', workedOn: p.workedOn ?? '' })),
  );
  const facts = await roleFacts(
    db,
    networkId,
    work.map((p) => p.paidRoleId ?? ''),
  );
  const now = new Map(
    [...facts].map(([roleId, role]) => {
      const state = stateOnDate(role.history, on);
      const shortfalls = checkShortfalls(role.checks, on);
      const reasons =
        state === 'ended'
          ? []
          : shortfalls.length > 0
            ? shortfalls
            : state === 'active'
              ? []
              : [`The paid role is ${state}`];
      return [roleId, reasons] as const;
    }),
  );
  work.forEach((p, index) => {
    const then = workDate[index];
    if (then && !then.ok) hold(p.id, then.reason);
    else for (const reason of now.get(p.paidRoleId ?? '') ?? []) hold(p.id, reason);
  });

  for (const p of payables) {
    if (p.milestoneId && p.milestoneState !== 'payable')
      hold(p.id, `The milestone is no longer payable (it is ${p.milestoneState ?? 'missing'})`);
  }

  const live = await liveBankDetailsOfNetwork(db, networkId);
  const confirmed = new Map(
    live.filter((b) => b.status === 'confirmed').map((b) => [b.payeeId, b]),
  );
  const pending = new Set(live.filter((b) => b.status === 'pending').map((b) => b.payeeId));
  for (const p of payables) {
    if (pending.has(p.payeeId)) hold(p.id, HELD_FOR_BANK_CHANGE);
    else if (!confirmed.has(p.payeeId)) hold(p.id, NO_BANK_DETAILS);
    else if (p.bankDetailsId && confirmed.get(p.payeeId)?.id !== p.bankDetailsId)
      hold(p.id, 'Bank details changed after the run was made');
  }
  return {
    reasons: new Map([...reasons].map(([id, list]) => [id, list.join('; ')])),
    confirmedBankDetails: confirmed,
  };
}
