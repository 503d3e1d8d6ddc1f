import { Tag, type TagColour } from '../components/Tag.tsx';
import type { CheckStatus, StateKind } from './types.ts';
import { useWorkflowWords } from './words.ts';

/**
 * One colour per kind of situation, the same in every workflow: grey not started or finished,
 * blue waiting for someone, orange sent back, yellow on hold, green going well, red stopped.
 * The words always say the state; colour only helps the eye.
 */
const COLOURS: Record<StateKind, Record<string, TagColour>> = {
  programme: {
    'proposal.draft': 'grey',
    'proposal.submitted': 'blue',
    'proposal.inReview': 'blue',
    'proposal.changesRequested': 'orange',
    'proposal.resubmitted': 'blue',
    'active.baseline': 'light-blue',
    'active.delivery': 'green',
    'active.monitoring': 'teal',
    'active.payment': 'purple',
    'active.closure': 'pink',
    suspended: 'yellow',
    closed: 'grey',
    rejected: 'red',
    withdrawn: 'grey',
    terminated: 'red',
  },
  milestone: {
    planned: 'grey',
    submitted: 'blue',
    resubmitted: 'blue',
    changesRequested: 'orange',
    approved: 'teal',
    countersigned: 'teal',
    payable: 'green',
    paid: 'purple',
    rejected: 'red',
  },
  paidRole: {
    drafted: 'grey',
    funded: 'light-blue',
    recruiting: 'blue',
    candidateProposed: 'blue',
    checks: 'yellow',
    active: 'green',
    suspended: 'orange',
    ended: 'grey',
  },
  claim: {
    verification: 'blue',
    awaitingApproval: 'blue',
    awaitingCountersignature: 'light-blue',
    approved: 'green',
    settled: 'purple',
    rejected: 'red',
  },
  paymentRun: {
    draft: 'grey',
    approved: 'blue',
    released: 'green',
    completed: 'purple',
    cancelled: 'red',
  },
};

const STAGE_COLOURS: Record<string, TagColour> = {
  proposal: 'blue',
  baseline: 'light-blue',
  delivery: 'green',
  monitoring: 'teal',
  payment: 'purple',
  closure: 'pink',
  suspended: 'yellow',
  closed: 'grey',
  rejected: 'red',
  withdrawn: 'grey',
  terminated: 'red',
};

const CHECK_COLOURS: Record<CheckStatus, TagColour> = {
  valid: 'green',
  lapsing: 'yellow',
  expired: 'red',
  missing: 'grey',
};

export function StateTag({ kind, state }: { kind: StateKind; state: string }) {
  const words = useWorkflowWords();
  return <Tag colour={COLOURS[kind][state] ?? 'grey'}>{words.state(kind, state)}</Tag>;
}

export function StageTag({ stage }: { stage: string }) {
  const words = useWorkflowWords();
  return <Tag colour={STAGE_COLOURS[stage] ?? 'grey'}>{words.stage(stage)}</Tag>;
}

export function CheckStatusTag({ status }: { status: CheckStatus }) {
  const words = useWorkflowWords();
  return <Tag colour={CHECK_COLOURS[status]}>{words.checkStatus(status)}</Tag>;
}
