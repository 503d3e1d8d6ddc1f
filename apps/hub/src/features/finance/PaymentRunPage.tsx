import { formatPounds } from '@coproduce/domain';
import {
  ButtonLink,
  formatDate,
  formatDateTime,
  NotificationBanner,
  Page,
  StateTag,
  SummaryList,
  useActiveMembership,
  useNotice,
} from '@coproduce/ui';
import { Link } from 'react-router';
import { mayUse } from '../../app/navigation.ts';
import { useFinanceT } from './i18n.ts';
import { RunFiles } from './RunFiles.tsx';
import { ExclusionsTable, RunLinesTable } from './RunTables.tsx';
import { runState } from './run-state.ts';
import type { PaymentRunView } from './types.ts';
import { RunFrame, runPath } from './use-payment-run.tsx';

/**
 * One payment run: what it pays and what it left out (with reasons), who created, approved and
 * released it, the next step this person may take, and once released its files for the bank.
 */
export function PaymentRunPage() {
  const t = useFinanceT();
  const [notice] = useNotice();
  return (
    <RunFrame title={t('run.loadingTitle')} back="list">
      {(run, backLink) => (
        <Page
          title={t('run.title', { date: formatDate(run.dueBy, t.locale) })}
          caption={t('run.caption')}
          backLink={backLink}
          beforeHeading={
            notice !== null && <NotificationBanner key={notice} type="success" heading={notice} />
          }
        >
          <RunContent run={run} />
        </Page>
      )}
    </RunFrame>
  );
}

function RunContent({ run }: { run: PaymentRunView }) {
  const t = useFinanceT();
  return (
    <>
      <p className="govuk-body">
        <StateTag kind="paymentRun" state={run.state} />
      </p>
      <NextStep run={run} />
      {(run.state === 'released' || run.state === 'completed') && <RunFiles run={run} />}
      <h2 className="govuk-heading-l">{t('run.details')}</h2>
      <RunDetails run={run} />
      <section aria-labelledby="run-lines">
        <h2 className="govuk-heading-l" id="run-lines">
          {t('run.lines.heading')}{' '}
          <span className="govuk-caption-m app-inline-caption">
            {t.plural('run.count', run.lineCount)}
          </span>
        </h2>
        <RunLinesTable lines={run.lines} totalPence={run.totalPence} />
      </section>
      <section aria-labelledby="run-exclusions">
        <h2 className="govuk-heading-l" id="run-exclusions">
          {t('run.exclusions.heading')}
        </h2>
        {run.exclusions.length > 0 && <p className="govuk-body">{t('run.exclusions.intro')}</p>}
        <ExclusionsTable exclusions={run.exclusions} />
      </section>
    </>
  );
}

/**
 * What the run waits for, and the step this person may take on it. Approval is offered to every
 * role that may approve, its creator included: the server refuses the creator, in its words.
 */
function NextStep({ run }: { run: PaymentRunView }) {
  const t = useFinanceT();
  const { role } = useActiveMembership();
  const base = runPath(run.id);
  const state = runState(run);
  const primary =
    run.state === 'draft' && mayUse(role, 'paymentRun.approve')
      ? { to: `${base}/approve`, text: t('run.approve.link') }
      : run.can.release
        ? { to: `${base}/release`, text: t('run.release.link') }
        : run.can.recordConfirmation
          ? { to: `${base}/confirmation`, text: t('run.confirm.link') }
          : null;
  return (
    <section aria-labelledby="run-next" className="app-actions-panel">
      <h2 className="govuk-heading-m" id="run-next">
        {t('run.next.heading')}
      </h2>
      {state !== null && <p className="govuk-body">{t(`run.next.${state}`)}</p>}
      {primary !== null && <ButtonLink to={primary.to}>{primary.text}</ButtonLink>}
      {run.can.cancel && (
        <p className="govuk-body">
          <Link className="govuk-link" to={`${base}/cancel`}>
            {t('run.cancel.link')}
          </Link>
        </p>
      )}
    </section>
  );
}

function RunDetails({ run }: { run: PaymentRunView }) {
  const t = useFinanceT();
  const at = (name: string, when: string | null) =>
    when === null ? name : t('run.personAt', { name, date: formatDateTime(when, t.locale) });
  return (
    <SummaryList
      rows={[
        { key: t('run.createdBy'), value: at(run.createdBy.name, run.createdAt) },
        { key: t('run.approvedBy'), value: run.approvedBy?.name ?? t('run.notYet') },
        {
          key: t('run.releasedBy'),
          value:
            run.releasedBy === null ? t('run.notYet') : at(run.releasedBy.name, run.releasedAt),
        },
        ...(run.processingDate === null
          ? []
          : [{ key: t('run.processingDate'), value: formatDate(run.processingDate, t.locale) }]),
        {
          key: t('run.total'),
          value: `${formatPounds(run.totalPence)} (${t.plural('run.count', run.lineCount)})`,
        },
      ]}
    />
  );
}
