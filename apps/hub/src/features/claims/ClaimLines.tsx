import { formatPounds } from '@coproduce/domain';
import { type ClaimLine, EmptyState, formatDate, Table } from '@coproduce/ui';
import { useClaimsT } from './i18n.ts';
import { lineReason } from './line-words.ts';

/**
 * Every line of a claim in claim order: when, who (by participant code), which outcome, its
 * price and what is claimed, and why the two differ — a cap, a repeat, a failed check or a
 * clawback — in words, with the note the line carries.
 */
export function ClaimLines({ lines }: { lines: readonly ClaimLine[] }) {
  const t = useClaimsT();
  return (
    <section aria-labelledby="claim-lines">
      <h2 className="govuk-heading-l" id="claim-lines">
        {t('claim.lines.caption')}
      </h2>
      <p className="govuk-body">
        {t('claim.lines.intro')} {t.plural('claim.lines.count', lines.length)}.
      </p>
      {lines.length === 0 ? (
        <EmptyState>{t('claim.lines.none')}</EmptyState>
      ) : (
        <Table
          caption={t('claim.lines.caption')}
          captionSize="hidden"
          firstCellIsHeader={false}
          columns={[
            { header: t('claim.lines.date') },
            { header: t('claim.lines.participant') },
            { header: t('claim.lines.outcome') },
            { header: t('claim.lines.price'), numeric: true },
            { header: t('claim.lines.amount'), numeric: true },
            { header: t('claim.lines.reason') },
          ]}
          rows={lines.map((line) => ({
            key: line.id,
            cells: [
              <span key="date" className="app-nowrap">
                {formatDate(line.achievedOn, t.locale)}
              </span>,
              line.participantCode ?? t('claim.lines.programmeLevel'),
              line.outcomeCode,
              formatPounds(line.pricePence),
              line.live ? (
                formatPounds(line.amountPence)
              ) : (
                <s key="amount">{formatPounds(line.amountPence)}</s>
              ),
              <LineReasonCell key="reason" line={line} />,
            ],
          }))}
        />
      )}
    </section>
  );
}

function LineReasonCell({ line }: { line: ClaimLine }) {
  const t = useClaimsT();
  const { key, note } = lineReason(line);
  if (key === null) return note === '' ? null : note;
  return (
    <>
      <strong>{t(key)}</strong>
      {note !== '' && <span className="govuk-!-display-block">{note}</span>}
    </>
  );
}
