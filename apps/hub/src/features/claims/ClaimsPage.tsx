import { formatPounds } from '@coproduce/domain';
import {
  BackLink,
  EmptyState,
  ErrorState,
  ErrorSummary,
  formatDate,
  LoadingState,
  NotificationBanner,
  Page,
  type ProgrammeView,
  readError,
  StateTag,
  Table,
  useActiveMembership,
  useFormErrors,
  useNotice,
  useTRPC,
} from '@coproduce/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { mayUse } from '../../app/navigation.ts';
import { type ClaimSummary, ComputeClaimForm, PERIOD_FIELDS } from './ComputeClaimForm.tsx';
import { IndigoExport } from './IndigoExport.tsx';
import { useClaimsT } from './i18n.ts';

/** A programme's outcome claims, latest first, and (for those who prepare them) a new one. */
export function ClaimsPage() {
  const t = useClaimsT();
  const trpc = useTRPC();
  const { programmeId = '' } = useParams();
  const programme = useQuery(trpc.programme.get.queryOptions({ programmeId }));
  const claims = useQuery(trpc.claim.list.queryOptions({ programmeId }));
  const errors = useFormErrors(PERIOD_FIELDS);
  const [notice] = useNotice();
  const backLink = <BackLink to={`/programmes/${programmeId}`}>{t('claims.back')}</BackLink>;
  const failed = programme.isError ? programme : claims.isError ? claims : null;

  if (failed !== null || programme.data === undefined || claims.data === undefined) {
    return (
      <Page title={t('claims.title')} backLink={backLink}>
        {failed !== null ? (
          <ErrorState
            message={readError(failed.error, t('state.unreachable')).message}
            onRetry={() => void failed.refetch()}
          />
        ) : (
          <LoadingState label={t('claims.loading')} />
        )}
      </Page>
    );
  }
  return (
    <Page
      title={t('claims.title')}
      caption={programme.data.name}
      backLink={backLink}
      hasErrors={errors.hasErrors}
      beforeHeading={
        <>
          {notice !== null && <NotificationBanner key={notice} type="success" heading={notice} />}
          {errors.hasErrors && (
            <ErrorSummary errors={errors.summaryItems} attempt={errors.attempt} />
          )}
        </>
      }
    >
      <ClaimsContent programme={programme.data} claims={claims.data.claims} errors={errors} />
    </Page>
  );
}

function ClaimsContent({
  programme,
  claims,
  errors,
}: {
  programme: ProgrammeView;
  claims: readonly ClaimSummary[];
  errors: ReturnType<typeof useFormErrors>;
}) {
  const t = useClaimsT();
  const role = useActiveMembership().role;
  return (
    <>
      <p className="govuk-body">{t('claims.intro')}</p>
      {claims.length === 0 ? (
        <EmptyState>{t('claims.none')}</EmptyState>
      ) : (
        <Table
          caption={t('claims.caption')}
          columns={[
            { header: t('claims.period') },
            { header: t('claims.state') },
            { header: t('claims.total'), numeric: true },
            { header: t('claims.preparedBy') },
          ]}
          rows={claims.map((claim) => ({
            key: claim.id,
            cells: [
              <Link key="period" className="govuk-link" to={`/claims/${claim.id}`}>
                {t('claims.periodRange', {
                  from: formatDate(claim.periodStart, t.locale),
                  to: formatDate(claim.periodEnd, t.locale),
                })}
              </Link>,
              <StateTag key="state" kind="claim" state={claim.state} />,
              formatPounds(claim.totalPence),
              claim.preparedBy.name,
            ],
          }))}
        />
      )}
      {mayUse(role, 'claim.compute') && (
        <ComputeClaimForm programme={programme} claims={claims} errors={errors} />
      )}
      {mayUse(role, 'indigo.programme') && <IndigoExport programmeId={programme.id} />}
    </>
  );
}
