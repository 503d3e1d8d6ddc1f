import { formatPounds, formatShare } from '@coproduce/domain';
import {
  checksSummary,
  EmptyState,
  formatDate,
  type ProgrammeView,
  StateTag,
  SummaryList,
  Table,
  Tag,
  useTRPC,
  useWorkflowT,
} from '@coproduce/ui';
import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n.ts';
import { baselineCoverage } from './coverage.ts';

export function ProgrammeOverview({ programme }: { programme: ProgrammeView }) {
  const t = useT();
  return (
    <>
      <h2 className="govuk-heading-l">{t('programme.overview')}</h2>
      <SummaryList
        rows={[
          { key: t('programme.need'), value: programme.need || t('programme.notYet') },
          { key: t('programme.population'), value: programme.population || t('programme.notYet') },
          {
            key: t('programme.budget'),
            value:
              programme.budgetPence === 0
                ? t('programme.notYet')
                : formatPounds(programme.budgetPence),
          },
          {
            key: t('programme.delegationLimit'),
            value: (
              <>
                {formatPounds(programme.delegationLimitPence)}
                <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">
                  {t('programme.delegationLimitHint')}
                </span>
              </>
            ),
          },
          {
            key: t('programme.baselineGate'),
            value: t('programme.baselineGateValue', {
              threshold: programme.baselineThresholdPercent,
              cohort: programme.minimumCohort,
            }),
          },
          {
            key: t('programme.reporting'),
            value: t.plural('programme.reportingValue', programme.reportingPeriodMonths, {
              days: programme.returnDueDays,
            }),
          },
        ]}
      />
    </>
  );
}

export function SitesTable({ programme }: { programme: ProgrammeView }) {
  const t = useT();
  if (programme.sites.length === 0) {
    return (
      <>
        <h2 className="govuk-heading-m">{t('programme.sites.caption')}</h2>
        <EmptyState>{t('programme.sites.none')}</EmptyState>
      </>
    );
  }
  const count = (value: number | '<5') => (value === '<5' ? value : value.toLocaleString(t.locale));
  return (
    <Table
      caption={t('programme.sites.caption')}
      columns={[
        { header: t('programme.sites.site') },
        { header: t('programme.sites.enrolled'), numeric: true },
        { header: t('programme.sites.baseline'), numeric: true },
        { header: t('programme.sites.coverage'), numeric: true },
      ]}
      rows={programme.sites.map((site) => {
        const coverage = baselineCoverage(site.enrolled, site.withBaseline);
        return {
          key: site.organisationId,
          cells: [
            site.name,
            count(site.enrolled),
            count(site.withBaseline),
            coverage === 'small'
              ? t('programme.sites.smallNumbers')
              : coverage === null
                ? '–'
                : `${coverage}%`,
          ],
        };
      })}
    />
  );
}

export function FundersTable({ programme }: { programme: ProgrammeView }) {
  const t = useT();
  if (programme.funders.length === 0) {
    return (
      <>
        <h2 className="govuk-heading-m">{t('programme.funders.caption')}</h2>
        <EmptyState>{t('programme.funders.none')}</EmptyState>
      </>
    );
  }
  return (
    <Table
      caption={t('programme.funders.caption')}
      columns={[
        { header: t('programme.funders.commissioner') },
        { header: t('programme.funders.share'), numeric: true },
        { header: t('programme.funders.signOff') },
      ]}
      rows={programme.funders.map((funder) => ({
        key: funder.organisationId,
        cells: [
          funder.name,
          formatShare(funder.shareBasisPoints),
          funder.signedOffAt === null ? (
            <Tag key="status" colour="grey">
              {t('programme.funders.notSigned')}
            </Tag>
          ) : (
            <Fragment key="status">
              <Tag colour="green">{t('programme.funders.signed')}</Tag>{' '}
              <span className="app-nowrap">{formatDate(funder.signedOffAt, t.locale)}</span>
            </Fragment>
          ),
        ],
      }))}
    />
  );
}

export function PeriodsTable({ programme }: { programme: ProgrammeView }) {
  const t = useT();
  if (programme.periods.length === 0) {
    return (
      <>
        <h2 className="govuk-heading-m">{t('programme.periods.caption')}</h2>
        <EmptyState>{t('programme.periods.none')}</EmptyState>
      </>
    );
  }
  return (
    <Table
      caption={t('programme.periods.caption')}
      columns={[
        { header: t('programme.periods.period') },
        { header: t('programme.periods.dates') },
        { header: t('programme.periods.due') },
        { header: t('programme.periods.status') },
      ]}
      rows={programme.periods.map((period) => ({
        key: String(period.number),
        cells: [
          t('programme.periods.number', { number: period.number }),
          t('programme.periods.range', {
            from: formatDate(period.startsOn, t.locale),
            to: formatDate(period.endsOn, t.locale),
          }),
          <span key="due" className="app-nowrap">
            {formatDate(period.returnDueOn, t.locale)}
          </span>,
          period.returnAcceptedAt !== null ? (
            <Tag key="status" colour="green">
              {t('programme.periods.accepted')}
            </Tag>
          ) : period.overdue ? (
            <Tag key="status" colour="red">
              {t('programme.periods.overdue')}
            </Tag>
          ) : period.returnSubmittedAt !== null ? (
            <Tag key="status" colour="blue">
              {t('programme.periods.submitted')}
            </Tag>
          ) : (
            <Tag key="status" colour="grey">
              {t('programme.periods.notDue')}
            </Tag>
          ),
        ],
      }))}
    />
  );
}

export function MilestonesTable({
  programme,
  canAdd,
}: {
  programme: ProgrammeView;
  canAdd: boolean;
}) {
  const t = useT();
  return (
    <>
      {programme.milestones.length === 0 ? (
        <>
          <h2 className="govuk-heading-m">{t('programme.milestones.caption')}</h2>
          <EmptyState>{t('programme.milestones.none')}</EmptyState>
        </>
      ) : (
        <Table
          caption={t('programme.milestones.caption')}
          columns={[
            { header: t('programme.milestones.title') },
            { header: t('programme.milestones.site') },
            { header: t('programme.milestones.due') },
            { header: t('programme.milestones.value'), numeric: true },
            { header: t('programme.milestones.state') },
          ]}
          rows={programme.milestones.map((milestone) => ({
            key: milestone.id,
            cells: [
              <Link key="title" className="govuk-link" to={`/milestones/${milestone.id}`}>
                {milestone.title}
              </Link>,
              milestone.siteName ?? t('programme.milestones.hub'),
              milestone.dueOn === null ? (
                '–'
              ) : (
                <span key="due" className="app-nowrap">
                  {formatDate(milestone.dueOn, t.locale)}
                </span>
              ),
              <Fragment key="value">
                {formatPounds(milestone.valuePence)}
                {milestone.aboveDelegationLimit && (
                  <span className="govuk-!-display-block govuk-!-margin-top-1">
                    <Tag colour="orange">{t('money.aboveLimit')}</Tag>
                  </span>
                )}
              </Fragment>,
              <StateTag key="state" kind="milestone" state={milestone.state} />,
            ],
          }))}
        />
      )}
      {canAdd && (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/programmes/${programme.id}/milestones/new`}>
            {t('programme.milestones.add')}
          </Link>
        </p>
      )}
    </>
  );
}

export function PaidRolesTable({ programme }: { programme: ProgrammeView }) {
  const t = useT();
  const wt = useWorkflowT();
  const trpc = useTRPC();
  const roles = useQuery(trpc.paidRole.list.queryOptions({ programmeId: programme.id }));
  const checksOf = (id: string) =>
    roles.data?.paidRoles.find((role) => role.id === id)?.checks ?? null;
  if (programme.paidRoles.length === 0) {
    return (
      <>
        <h2 className="govuk-heading-m">{t('programme.paidRoles.caption')}</h2>
        <EmptyState>{t('programme.paidRoles.none')}</EmptyState>
      </>
    );
  }
  return (
    <Table
      caption={t('programme.paidRoles.caption')}
      columns={[
        { header: t('programme.paidRoles.title') },
        { header: t('programme.paidRoles.site') },
        { header: t('programme.paidRoles.holder') },
        { header: t('programme.paidRoles.state') },
        { header: t('programme.paidRoles.checks') },
      ]}
      rows={programme.paidRoles.map((role) => {
        const checks = checksOf(role.id);
        return {
          key: role.id,
          cells: [
            <Link key="title" className="govuk-link" to={`/paid-roles/${role.id}`}>
              {role.title}
            </Link>,
            role.siteName,
            role.holderName ?? t('programme.paidRoles.vacant'),
            <StateTag key="state" kind="paidRole" state={role.state} />,
            checks === null ? '–' : checksSummary(wt, checks),
          ],
        };
      })}
    />
  );
}
