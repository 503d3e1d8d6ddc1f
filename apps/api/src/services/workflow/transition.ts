import {
  appendAudit,
  type Database,
  findPeopleNames,
  lastActorOf,
  listOrganisationMembers,
  listTransitions,
  saveTransition,
} from '@coproduce/db';
import {
  DomainError,
  describeRoles,
  EVENT_WORDS,
  EVENTS_NEEDING_REASON,
  rolesForEvent,
  stateWords,
  stepsToDifferFrom,
} from '@coproduce/domain';
import {
  applyEvent,
  contextOf,
  type EventsByKind,
  handledEvents,
  type PersistedSnapshot,
  WORKFLOWS,
  type WorkflowKind,
} from '@coproduce/workflow';
import type { ActingMember } from '../../trpc/context.ts';
import { auditActor, auditDecision } from '../audit-service.ts';
import { claimStepConditions, claimStepRefusal } from '../claims/workflow-rules.ts';
import { raiseMilestonePayable } from '../payables-service.ts';
import { applyTransitionEffects } from './effects.ts';
import { buildEvent } from './facts.ts';
import { loadSubject, noun, type Subject } from './subjects.ts';

export interface TransitionRequest {
  readonly kind: WorkflowKind;
  readonly id: string;
  /** The version the person saw: a stale one is refused as a conflict and changes nothing. */
  readonly expectedVersion: number;
  readonly event: string;
  readonly reason?: string | undefined;
  /** For PROPOSE_CANDIDATE: the person proposed for the paid role. */
  readonly personId?: string | undefined;
}

/** Lifecycle stage of a programme state, for filters: `active.delivery` → `delivery`. */
export function stageOf(state: string): string {
  const [top = state, leaf] = state.split('.');
  return top === 'active' && leaf ? leaf : top;
}

const words = (event: string) => EVENT_WORDS[event] ?? event.toLowerCase();

/** Whether this person may take this step at all: their role, and whose work it is. */
async function refusalForActor(
  db: Database,
  actor: ActingMember,
  subject: Subject,
  event: string,
): Promise<string | null> {
  const roles = rolesForEvent(subject.kind, event);
  if (!roles) return null;
  if (!roles.includes(actor.role)) return describeRoles(roles);
  if (
    actor.role === 'site_lead' &&
    subject.kind !== 'programme' &&
    'siteOrganisationId' in subject.row
  ) {
    if (subject.row.siteOrganisationId !== actor.organisationId)
      return `Only the site that evidences this ${noun(subject.kind)} can do this.`;
  }
  if (subject.kind === 'claim') {
    const claimRefusal = await claimStepRefusal(db, actor, subject, event);
    if (claimRefusal) return claimRefusal;
  }
  const earlier = stepsToDifferFrom(subject.kind, event);
  if (earlier.length > 0) {
    const author = await lastActorOf(db, {
      networkId: subject.row.networkId,
      kind: subject.kind,
      subjectId: subject.row.id,
      events: earlier,
    });
    if (author === actor.personId) {
      return `You ${earlier.includes('APPROVE') ? 'submitted or approved' : 'submitted'} this, so someone else must ${words(event)} it.`;
    }
  }
  return null;
}

/**
 * Takes one step of a workflow for a person. `at` is when it happens: now, except when the demo
 * seed replays a history through these same rules.
 */
export async function transitionWorkflow(
  db: Database,
  actor: ActingMember,
  request: TransitionRequest,
  at = new Date(),
) {
  const subject = await loadSubject(db, actor.networkId, request.kind, request.id);
  const refusal = await refusalForActor(db, actor, subject, request.event);
  if (refusal) throw new DomainError('forbidden', refusal, 'event');
  if (EVENTS_NEEDING_REASON.has(request.event) && !request.reason?.trim()) {
    throw new DomainError('invalid', `Say why you want to ${words(request.event)}.`, 'reason');
  }
  if (request.event === 'PROPOSE_CANDIDATE') await requireSiteMember(db, subject, request.personId);
  if (subject.row.version !== request.expectedVersion) throw staleVersion(subject.kind);
  const unmet =
    subject.kind === 'claim' ? await claimStepConditions(db, subject, request.event) : [];
  if (unmet.length > 0) {
    throw new DomainError(
      'precondition-failed',
      `You cannot ${words(request.event)} yet: ${unmet.join('; ')}.`,
      'event',
      { state: subject.row.state, reasons: unmet },
    );
  }

  const persisted = subject.row.snapshot as PersistedSnapshot;
  const event = await buildEvent(db, subject, { type: request.event, reason: request.reason }, at);
  const result = applyEvent(subject.kind, persisted, event as EventsByKind[typeof subject.kind]);
  if (!result.ok) {
    if (result.refusal === 'not-allowed-now') {
      const allowed = result.allowed.map(words);
      throw new DomainError(
        'conflict',
        `You cannot ${words(request.event)} this ${noun(subject.kind)} while it is ${stateWords(result.state)}.${allowed.length ? ` Possible now: ${allowed.join(', ')}.` : ' It is final: nothing more can happen to it.'}`,
        'event',
        { state: result.state, allowed: result.allowed },
      );
    }
    throw new DomainError(
      'precondition-failed',
      `You cannot ${words(request.event)} yet: ${result.reasons.join('; ')}.`,
      'event',
      { state: result.state, reasons: result.reasons },
    );
  }

  const periodBefore = subject.kind === 'programme' ? contextOf('programme', persisted).period : 0;
  const payload = {
    ...event,
    // Only proposing a candidate names a person (checked above); elsewhere an id is ignored.
    ...(request.event === 'PROPOSE_CANDIDATE' && request.personId
      ? { personId: request.personId }
      : {}),
  } as Record<string, unknown>;
  return db.transaction(async (tx) => {
    const saved = await saveTransition(tx, {
      networkId: actor.networkId,
      kind: subject.kind,
      subjectId: subject.row.id,
      expectedVersion: request.expectedVersion,
      snapshot: result.snapshot,
      state: result.to,
      stage: subject.kind === 'programme' ? stageOf(result.to) : undefined,
      machineVersion: WORKFLOWS[subject.kind].version,
      event: request.event,
      payload,
      actor: auditActor(actor),
      fromState: result.from,
      reason: request.reason?.trim() || null,
      at,
    });
    if (!saved) throw staleVersion(subject.kind);
    await applyTransitionEffects(
      tx,
      subject,
      { type: request.event, personId: request.personId },
      actor.personId,
      periodBefore,
      at,
    );
    await auditDecision(tx, actor, {
      action: 'workflow.transitioned',
      objectType: subject.kind,
      objectId: subject.row.id,
      detail: {
        event: request.event,
        from: result.from,
        to: result.to,
        reason: request.reason?.trim() || null,
        version: request.expectedVersion + 1,
      },
    });
    let version = request.expectedVersion + 1;
    let state = result.to;
    if (subject.kind === 'milestone' && (state === 'approved' || state === 'countersigned')) {
      ({ version, state } = await makePayableIfDue(
        tx,
        actor,
        subject,
        result.snapshot,
        version,
        state,
        at,
      ));
    }
    return { state, version };
  });
}

/**
 * A milestone within the delegation limit becomes payable on approval; one above it, on its
 * countersignature. The system takes that step in the same transaction, recorded as its own.
 */
async function makePayableIfDue(
  tx: Database,
  actor: ActingMember,
  subject: Subject,
  snapshot: PersistedSnapshot,
  version: number,
  state: string,
  at: Date,
) {
  const next = applyEvent('milestone', snapshot, { type: 'MARK_PAYABLE' });
  if (!next.ok) return { version, state };
  const reason =
    state === 'countersigned'
      ? 'countersigned above the delegation limit'
      : 'approved within the delegation limit';
  await saveTransition(tx, {
    networkId: actor.networkId,
    kind: 'milestone',
    subjectId: subject.row.id,
    expectedVersion: version,
    snapshot: next.snapshot,
    state: next.to,
    machineVersion: WORKFLOWS.milestone.version,
    event: 'MARK_PAYABLE',
    payload: { type: 'MARK_PAYABLE' },
    actor: null,
    fromState: next.from,
    reason,
    at,
  });
  await appendAudit(tx, {
    networkId: actor.networkId,
    actor: null,
    action: 'workflow.transitioned',
    objectType: 'milestone',
    objectId: subject.row.id,
    detail: { event: 'MARK_PAYABLE', from: next.from, to: next.to, reason, version: version + 1 },
  });
  // A site's milestone is now owed to the site (ADR 0008); hub-evidenced ones have no payee.
  if (subject.kind === 'milestone') await raiseMilestonePayable(tx, null, subject.row, at);
  return { version: version + 1, state: next.to };
}

function staleVersion(kind: WorkflowKind) {
  return new DomainError(
    'conflict',
    `Someone else changed this ${noun(kind)} while you were looking at it. Reload to see the latest, then try again.`,
    'expectedVersion',
  );
}

async function requireSiteMember(db: Database, subject: Subject, personId: string | undefined) {
  if (subject.kind !== 'paidRole') return;
  if (!personId)
    throw new DomainError('invalid', 'Choose the person to propose for this role.', 'personId');
  const members = await listOrganisationMembers(db, {
    networkId: subject.row.networkId,
    organisationId: subject.row.siteOrganisationId,
  });
  if (!members.some((m) => m.personId === personId)) {
    throw new DomainError(
      'invalid',
      'The person proposed must be a member of the site.',
      'personId',
    );
  }
}

export interface AllowedAction {
  readonly event: string;
  readonly needsReason: boolean;
  /** Why the step cannot be taken yet (its conditions), when it cannot. */
  readonly blockedBy: string[];
}

/** The steps this person could take now, each with what still stands in the way, if anything. */
export async function allowedActions(
  db: Database,
  actor: ActingMember,
  kind: WorkflowKind,
  id: string,
) {
  const subject = await loadSubject(db, actor.networkId, kind, id);
  const persisted = subject.row.snapshot as PersistedSnapshot;
  const actions: AllowedAction[] = [];
  for (const type of handledEvents(kind, persisted)) {
    if ((rolesForEvent(kind, type) ?? []).length === 0) continue;
    if (await refusalForActor(db, actor, subject, type)) continue;
    const event = await buildEvent(db, subject, { type, reason: 'preview' });
    const result = applyEvent(kind, persisted, event as EventsByKind[typeof kind]);
    const unmet = subject.kind === 'claim' ? await claimStepConditions(db, subject, type) : [];
    actions.push({
      event: type,
      needsReason: EVENTS_NEEDING_REASON.has(type),
      blockedBy:
        unmet.length > 0
          ? unmet
          : result.ok
            ? []
            : result.refusal === 'conditions-not-met'
              ? result.reasons
              : ['not possible now'],
    });
  }
  return { state: subject.row.state, version: subject.row.version, actions };
}

export async function workflowHistory(
  db: Database,
  actor: ActingMember,
  kind: WorkflowKind,
  id: string,
) {
  const subject = await loadSubject(db, actor.networkId, kind, id);
  const transitions = await listTransitions(db, {
    networkId: actor.networkId,
    kind,
    subjectId: subject.row.id,
  });
  const names = await findPeopleNames(
    db,
    transitions.flatMap((t) => (t.actorPersonId ? [t.actorPersonId] : [])),
  );
  return {
    transitions: transitions.map((t) => ({
      version: t.version,
      event: t.event,
      from: t.fromState,
      to: t.toState,
      at: t.at.toISOString(),
      reason: t.reason,
      actor: t.actorPersonId
        ? {
            personId: t.actorPersonId,
            name: names.get(t.actorPersonId) ?? 'Former member',
            role: t.actorRole,
          }
        : null,
    })),
  };
}
