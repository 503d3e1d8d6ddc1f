import { formatPounds } from '@coproduce/domain';
import { EmptyState, Table, Tag, type TagColour } from '@coproduce/ui';
import { type FinanceTranslate, useFinanceT } from './i18n.ts';
import type { PaymentRunExclusion, PaymentRunLine } from './types.ts';

const LINE_COLOURS: Record<PaymentRunLine['status'], TagColour> = {
  included: 'blue',
  paid: 'green',
  failed: 'red',
};

export const accountWords = (t: FinanceTranslate, last3: string | null) =>
  last3 === null || last3 === '' ? t('finance.noAccount') : t('finance.accountEnding', { last3 });

function LineStatus({ line }: { line: PaymentRunLine }) {
  const t = useFinanceT();
  return (
    <>
      <Tag colour={LINE_COLOURS[line.status]}>{t(`line.status.${line.status}`)}</Tag>
      {line.status === 'paid' && line.bankReference !== null && (
        <span className="govuk-body-s govuk-!-display-block govuk-!-margin-top-1 govuk-!-margin-bottom-0">
          {t('line.paidReference', { reference: line.bankReference })}
        </span>
      )}
      {line.status === 'failed' && line.failureReason !== null && (
        <span className="govuk-body-s govuk-!-display-block govuk-!-margin-top-1 govuk-!-margin-bottom-0">
          {t('line.failedReason', { reason: line.failureReason })}
        </span>
      )}
    </>
  );
}

/** The payments a run makes: who, the reference on their statement, which account, how much. */
export function RunLinesTable({
  lines,
  totalPence,
}: {
  lines: readonly PaymentRunLine[];
  totalPence: number;
}) {
  const t = useFinanceT();
  if (lines.length === 0) return <EmptyState>{t('run.lines.empty')}</EmptyState>;
  return (
    <Table
      caption={t('run.lines.caption')}
      captionSize="hidden"
      columns={[
        { header: t('run.lines.payee') },
        { header: t('run.lines.for') },
        { header: t('run.lines.reference') },
        { header: t('run.lines.account') },
        { header: t('run.lines.amount'), numeric: true },
        { header: t('run.lines.status') },
      ]}
      rows={[
        ...lines.map((line) => ({
          key: line.id,
          cells: [
            line.payeeName,
            line.description,
            <span key="reference" className="app-code">
              {line.reference}
            </span>,
            <span key="account" className="app-nowrap">
              {accountWords(t, line.accountEnding)}
            </span>,
            formatPounds(line.amountPence),
            <LineStatus key="status" line={line} />,
          ],
        })),
        {
          key: 'total',
          cells: [
            t('run.lines.total'),
            '',
            '',
            '',
            <strong key="total">{formatPounds(totalPence)}</strong>,
            '',
          ],
        },
      ]}
    />
  );
}

/** Payables due by the run's date that it left out, each with the reason. */
export function ExclusionsTable({ exclusions }: { exclusions: readonly PaymentRunExclusion[] }) {
  const t = useFinanceT();
  if (exclusions.length === 0) return <EmptyState>{t('run.exclusions.none')}</EmptyState>;
  return (
    <Table
      caption={t('run.exclusions.caption')}
      captionSize="hidden"
      columns={[
        { header: t('run.lines.payee') },
        { header: t('run.exclusions.payable') },
        { header: t('run.lines.amount'), numeric: true },
        { header: t('run.exclusions.reason') },
      ]}
      rows={exclusions.map((exclusion) => ({
        key: exclusion.payableId,
        cells: [
          exclusion.payeeName,
          exclusion.description,
          formatPounds(exclusion.amountPence),
          exclusion.reason,
        ],
      }))}
    />
  );
}
