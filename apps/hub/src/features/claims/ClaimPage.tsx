import { formatPounds } from '@coproduce/domain';
import {
  BackLink,
  type ClaimView,
  formatDate,
  NotificationBanner,
  Page,
  QueryStatus,
  StateTag,
  SummaryList,
  Table,
  Tag,
  TransitionTimeline,
  useActiveMembership,
  useNotice,
  useTRPC,
  useWorkflowWords,
  WorkflowActions,
} from '@coproduce/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { mayUse } from '../../app/navigation.ts';
import { ClaimLines } from './ClaimLines.tsx';
import { FunderStatements } from './FunderStatements.tsx';
import { useClaimsT } from './i18n.ts';
import { VerificationChecklist } from './VerificationChecklist.tsx';
import './claims.css';

/**
 * One outcome claim: what it comes to and who pays what, the steps this person may take (by
 * role, and never on their own work), the verification sample, every line with the reason for
 * any reduction, the funders' statements and the claim's history.
 */
export function ClaimPage() {
  const t = useClaimsT();
  const trpc = useTRPC();
  const { claimId = '' } = useParams();
  const claim = useQuery(trpc.claim.get.queryOptions({ claimId }));
  const [notice, setNotice] = useNotice();

  if (!claim.isSuccess) {
    return (
      <Page
        title={t('claim.loadingTitle')}
        backLink={<BackLink to="/programmes">{t('claim.backToProgrammes')}</BackLink>}
      >
        <QueryStatus query={claim} loading={t('claim.loading')} />
      </Page>
    );
  }
  const { programme, periodStart, periodEnd } = claim.data.claim;
  return (
    <Page
      title={t('claim.title', {
        from: formatDate(periodStart, t.locale),
        to: formatDate(periodEnd, t.locale),
      })}
      caption={t('claim.caption', { programme: programme.name })}
      backLink={
        <BackLink to={`/programmes/${programme.id}/claims`}>
          {t('claim.backToClaims', { programme: programme.name })}
        </BackLink>
      }
      beforeHeading={
        notice !== null && <NotificationBanner key={notice} type="success" heading={notice} />
      }
    >
      <ClaimContent claim={claim.data} onNotice={setNotice} />
    </Page>
  );
}

function ClaimContent({
  claim,
  onNotice,
}: {
  claim: ClaimView;
  onNotice: (notice: string) => void;
}) {
  const t = useClaimsT();
  const words = useWorkflowWords();
  const membership = useActiveMembership();
  const role = membership.role;
  const ownOrganisation = membership.organisation.id;
  return (
    <>
      <p className="govuk-body">
        <StateTag kind="claim" state={claim.claim.state} />
        {claim.claim.aboveDelegationLimit && (
          <>
            {' '}
            <Tag colour="orange">{t('money.aboveLimit')}</Tag>
          </>
        )}
      </p>
      <div className="app-actions-panel">
        <WorkflowActions
          kind="claim"
          id={claim.claim.id}
          onDone={(event) => onNotice(words.done('claim', event))}
        />
        <p className="govuk-body-s govuk-!-margin-bottom-0">{t('claim.separation')}</p>
      </div>
      <ClaimSummary claim={claim} />
      <VerificationChecklist
        claim={claim}
        canCheck={mayUse(role, 'claim.verifyLine')}
        onNotice={onNotice}
      />
      <FunderStatements
        claimId={claim.claim.id}
        statements={claim.statements}
        canRecord={mayUse(role, 'claim.recordSettlement')}
        canDownload={(funder) => role !== 'commissioner' || funder === ownOrganisation}
        onNotice={onNotice}
      />
      <ClaimLines lines={claim.lines} />
      <h2 className="govuk-heading-l">{t('timeline.heading')}</h2>
      <TransitionTimeline kind="claim" transitions={claim.transitions} />
    </>
  );
}

function ClaimSummary({ claim: view }: { claim: ClaimView }) {
  const t = useClaimsT();
  const { claim, perFunder } = view;
  const limit = formatPounds(claim.delegationLimitPence);
  return (
    <>
      <h2 className="govuk-heading-l">{t('claim.summary')}</h2>
      <SummaryList
        rows={[
          {
            key: t('claim.programme'),
            value: (
              <Link className="govuk-link" to={`/programmes/${claim.programme.id}`}>
                {claim.programme.name}
              </Link>
            ),
          },
          {
            key: t('claim.period'),
            value: t('claims.periodRange', {
              from: formatDate(claim.periodStart, t.locale),
              to: formatDate(claim.periodEnd, t.locale),
            }),
          },
          { key: t('claim.total'), value: formatPounds(claim.totalPence) },
          {
            key: t('claim.preparedBy'),
            value: t('claim.preparedOn', {
              name: claim.preparedBy.name,
              date: formatDate(claim.createdAt, t.locale),
            }),
          },
          {
            key: t('claim.limit'),
            value: claim.aboveDelegationLimit
              ? t('claim.aboveLimit', { limit })
              : t('claim.withinLimit', { limit }),
          },
        ]}
      />
      {perFunder.length > 0 && (
        <Table
          caption={t('claim.funders.caption')}
          columns={[
            { header: t('claim.funders.funder') },
            { header: t('claim.funders.amount'), numeric: true },
          ]}
          rows={perFunder.map((funder) => ({
            key: funder.organisationId,
            cells: [funder.name, formatPounds(funder.pence)],
          }))}
        />
      )}
    </>
  );
}
