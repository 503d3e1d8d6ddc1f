import {
  CheckStatusTag,
  EmptyState,
  ErrorState,
  formatDate,
  LoadingState,
  Page,
  type PaidRoleView,
  readError,
  StateTag,
  useActiveMembership,
  useTRPC,
  useWorkflowWords,
} from '@coproduce/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useT } from '../../i18n.ts';

/**
 * The site's paid roles and each one's checks: status and expiry. A role with a check that has
 * expired or expires within 30 days is highlighted, and says which.
 */
export function ChecksPage() {
  const t = useT();
  const trpc = useTRPC();
  const membership = useActiveMembership();
  const roles = useQuery(trpc.paidRole.list.queryOptions({}));

  return (
    <Page title={t('checksPage.title')} caption={membership.organisation.name}>
      <p className="govuk-body">{t('checksPage.intro')}</p>
      {roles.isPending ? (
        <LoadingState label={t('checksPage.loading')} />
      ) : roles.isError ? (
        <ErrorState
          message={readError(roles.error, t('state.unreachable')).message}
          onRetry={() => void roles.refetch()}
        />
      ) : roles.data.paidRoles.length === 0 ? (
        <EmptyState>{t('checksPage.none')}</EmptyState>
      ) : (
        <ul className="app-item-list">
          {roles.data.paidRoles.map((role) => (
            <RoleItem key={role.id} role={role} />
          ))}
        </ul>
      )}
    </Page>
  );
}

function RoleItem({ role }: { role: PaidRoleView }) {
  const t = useT();
  const words = useWorkflowWords();
  const needsAttention = role.checks.some(
    (check) => check.status === 'lapsing' || check.status === 'expired',
  );
  return (
    <li className={`app-item${needsAttention ? ' app-item--attention' : ''}`}>
      <h2 className="govuk-heading-m govuk-!-margin-bottom-2">
        <Link className="govuk-link" to={`/paid-roles/${role.id}`}>
          {role.title}
        </Link>
      </h2>
      <p className="govuk-body-s govuk-!-margin-bottom-2">{role.programmeName}</p>
      <p className="govuk-body govuk-!-margin-bottom-2">
        {role.holderName === null
          ? t('checksPage.noHolder')
          : t('checksPage.holder', { name: role.holderName })}{' '}
        <StateTag kind="paidRole" state={role.state} />
      </p>
      <ul className="govuk-list app-check-list app-item__last">
        {role.checks.map((check) => (
          <li key={check.kind} className={`app-check app-check--${check.status}`}>
            <span className="app-check__name">{words.checkKind(check.kind)}</span>
            <CheckStatusTag status={check.status} />
            {check.expiresOn !== null && check.status !== 'missing' && (
              <span className="app-check__expiry">
                {t(check.status === 'expired' ? 'checks.expiredOn' : 'checks.expiresOn', {
                  date: formatDate(check.expiresOn, t.locale),
                })}
              </span>
            )}
          </li>
        ))}
      </ul>
    </li>
  );
}
