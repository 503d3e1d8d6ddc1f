import {
  clearFunderSignOffs,
  type Database,
  insertReportingPeriod,
  listReportingPeriods,
  markReturn,
  setPaidRoleHolder,
} from '@coproduce/db';
import { addDays, addMonths, today } from '../../time.ts';
import { applyClaimEffects } from '../claims/workflow-rules.ts';
import { postProgrammeCommitment } from '../payables-service.ts';
import type { Subject } from './subjects.ts';

/**
 * What a transition changes besides the workflow itself, written in the same transaction:
 * reporting periods and their returns, a paid role's holder.
 */
export async function applyTransitionEffects(
  tx: Database,
  subject: Subject,
  event: { type: string; personId?: string | undefined },
  actorPersonId: string,
  periodBefore: number,
  at: Date,
): Promise<void> {
  if (subject.kind === 'programme') {
    const { programme } = subject;
    const newPeriod = async (number: number, startsOn: string) => {
      const endsOn = addDays(addMonths(startsOn, programme.reportingPeriodMonths), -1);
      await insertReportingPeriod(tx, {
        networkId: programme.networkId,
        programmeId: programme.id,
        number,
        startsOn,
        endsOn,
        returnDueOn: addDays(endsOn, programme.returnDueDays),
      });
    };
    switch (event.type) {
      case 'START_DELIVERY':
        return newPeriod(1, today(at));
      case 'START_NEXT_PERIOD': {
        const previous = (await listReportingPeriods(tx, programme.id)).find(
          (p) => p.number === periodBefore,
        );
        return newPeriod(periodBefore + 1, previous ? addDays(previous.endsOn, 1) : today(at));
      }
      case 'SUBMIT_RETURN':
        return markReturn(tx, {
          programmeId: programme.id,
          number: periodBefore,
          submittedBy: actorPersonId,
          at,
        });
      case 'SEND_BACK_RETURN':
        return markReturn(tx, {
          programmeId: programme.id,
          number: periodBefore,
          submittedBy: null,
          at,
        });
      case 'APPROVE':
        // Every co-funder has signed off its share (the guard): the budget is committed.
        await postProgrammeCommitment(
          tx,
          { networkId: programme.networkId, personId: actorPersonId },
          programme,
        );
        return;
      case 'REQUEST_CHANGES':
        // Co-funders sign off what they will fund: a changed proposal needs their signatures again.
        return clearFunderSignOffs(tx, programme.id);
      case 'ACCEPT_RETURN':
        return markReturn(tx, {
          programmeId: programme.id,
          number: periodBefore,
          accepted: true,
          at,
        });
      default:
        return;
    }
  }
  if (subject.kind === 'paidRole') {
    if (event.type === 'PROPOSE_CANDIDATE' && event.personId) {
      await setPaidRoleHolder(tx, { id: subject.row.id, personId: event.personId });
    }
    if (event.type === 'WITHDRAW_CANDIDATE')
      await setPaidRoleHolder(tx, { id: subject.row.id, personId: null });
  }
  if (subject.kind === 'claim') await applyClaimEffects(tx, subject, event.type, actorPersonId, at);
}
