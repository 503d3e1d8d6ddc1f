import {
  EmptyState,
  ErrorState,
  formatDate,
  LoadingState,
  type NeedsMeItem,
  NotificationBanner,
  Page,
  readError,
  SignOffShare,
  useActiveMembership,
  useNotice,
  useTRPC,
  useWorkflowWords,
  WorkflowActions,
} from '@coproduce/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useT } from '../../i18n.ts';

/** The kinds of waiting work that are decisions, in the order the queue shows them. */
export const DECISION_KINDS = [
  'review-proposal',
  'sign-off-share',
  'approve-milestone',
  'countersign-milestone',
  'review-return',
] as const;
type DecisionKind = (typeof DECISION_KINDS)[number];

/** The steps that decide each kind of waiting work (other steps stay on the subject's page). */
const DECIDING: Record<DecisionKind, readonly string[]> = {
  'review-proposal': ['START_REVIEW', 'APPROVE', 'REQUEST_CHANGES', 'REJECT'],
  'sign-off-share': [],
  'approve-milestone': ['APPROVE', 'REQUEST_CHANGES', 'REJECT'],
  'countersign-milestone': ['COUNTERSIGN'],
  'review-return': ['ACCEPT_RETURN', 'SEND_BACK_RETURN'],
};

const isDecision = (item: NeedsMeItem): item is NeedsMeItem & { kind: DecisionKind } =>
  (DECISION_KINDS as readonly string[]).includes(item.kind);

/** `programmes/<id>` or `milestones/<id>`: the subject a work item is about. */
export function subjectOf(path: string): { kind: 'programme' | 'milestone'; id: string } | null {
  const match = /^(programmes|milestones)\/([0-9a-f-]{36})$/.exec(path);
  if (match === null || match[2] === undefined) return null;
  return { kind: match[1] === 'programmes' ? 'programme' : 'milestone', id: match[2] };
}

/** The name inside a work item's title (“…”), to say which subject a button is for. */
export function quotedName(title: string): string {
  return /“(.+)”/.exec(title)?.[1] ?? title;
}

/**
 * Everything waiting for this person's decision — proposals to review, shares to sign off,
 * milestones to approve or countersign, monitoring returns — each with the steps they may take
 * on it right here, with the version they are looking at.
 */
export function ApprovalsPage() {
  const t = useT();
  const trpc = useTRPC();
  const work = useQuery(trpc.work.needsMe.queryOptions());
  const [notice, setNotice] = useNotice();
  const decisions = work.data?.items.filter(isDecision) ?? [];

  return (
    <Page
      title={t('approvals.title')}
      beforeHeading={
        notice !== null && <NotificationBanner key={notice} type="success" heading={notice} />
      }
    >
      <p className="govuk-body">{t('approvals.intro')}</p>
      {work.isPending ? (
        <LoadingState label={t('approvals.loading')} />
      ) : work.isError ? (
        <ErrorState
          message={readError(work.error, t('state.unreachable')).message}
          onRetry={() => void work.refetch()}
        />
      ) : decisions.length === 0 ? (
        <EmptyState>{t('approvals.empty')}</EmptyState>
      ) : (
        DECISION_KINDS.map((kind) => {
          const items = decisions.filter((item) => item.kind === kind);
          if (items.length === 0) return null;
          return (
            <section key={kind} aria-labelledby={`group-${kind}`}>
              <h2 className="govuk-heading-l" id={`group-${kind}`}>
                {t(`approvals.group.${kind}`)}{' '}
                <span className="govuk-caption-m app-inline-caption">
                  {t.plural('approvals.count', items.length)}
                </span>
              </h2>
              <ul className="app-approval-list">
                {items.map((item) => (
                  <ApprovalItem
                    key={`${item.kind}:${item.path}`}
                    item={item}
                    onNotice={setNotice}
                  />
                ))}
              </ul>
            </section>
          );
        })
      )}
    </Page>
  );
}

function ApprovalItem({
  item,
  onNotice,
}: {
  item: NeedsMeItem & { kind: DecisionKind };
  onNotice: (notice: string) => void;
}) {
  const t = useT();
  const words = useWorkflowWords();
  const subject = subjectOf(item.path);
  const name = quotedName(item.title);
  const headingId = `approval-${item.kind}-${subject?.id ?? item.path}`;
  return (
    <li className="app-approval">
      <section aria-labelledby={headingId}>
        <h3 className="govuk-heading-m govuk-!-margin-bottom-1" id={headingId}>
          <Link className="govuk-link" to={`/${item.path}`}>
            {item.title}
          </Link>
        </h3>
        <p className="govuk-body govuk-!-margin-bottom-2">{item.detail}</p>
        {item.dueOn !== null && (
          <p className="govuk-body-s govuk-!-margin-bottom-2">
            {t('work.dueOn', { date: formatDate(item.dueOn, t.locale) })}
          </p>
        )}
        {subject === null ? null : item.kind === 'sign-off-share' ? (
          <SignOffItem programmeId={subject.id} onNotice={onNotice} />
        ) : (
          <WorkflowActions
            kind={subject.kind}
            id={subject.id}
            subjectName={name}
            heading={null}
            only={DECIDING[item.kind]}
            onDone={(event) =>
              onNotice(t('approvals.done', { action: words.done(subject.kind, event), name }))
            }
          />
        )}
      </section>
    </li>
  );
}

function SignOffItem({
  programmeId,
  onNotice,
}: {
  programmeId: string;
  onNotice: (notice: string) => void;
}) {
  const t = useT();
  const trpc = useTRPC();
  const membership = useActiveMembership();
  const programme = useQuery(trpc.programme.get.queryOptions({ programmeId }));
  if (programme.isPending) return <LoadingState label={t('approvals.loadingItem')} />;
  if (programme.isError) {
    return <ErrorState message={readError(programme.error, t('state.unreachable')).message} />;
  }
  return (
    <SignOffShare
      programme={programme.data}
      organisationId={membership.organisation.id}
      headingLevel={3}
      onDone={(organisation) => onNotice(t('signOff.done', { organisation }))}
    />
  );
}
