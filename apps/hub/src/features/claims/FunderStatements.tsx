import { formatPounds } from '@coproduce/domain';
import {
  Button,
  ButtonGroup,
  type ClaimStatement,
  ErrorState,
  formatDate,
  readError,
  saveFile,
  Table,
  Tag,
  useTRPC,
} from '@coproduce/ui';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useClaimsT } from './i18n.ts';
import { RecordPaymentForm } from './RecordPaymentForm.tsx';

/**
 * Each funder's statement of an approved claim: what it owes, CSV and PDF to download, whether
 * it has paid, and (for finance officers) recording the payment when it arrives.
 */
export function FunderStatements({
  claimId,
  statements,
  canRecord,
  canDownload,
  onNotice,
}: {
  claimId: string;
  statements: readonly ClaimStatement[];
  canRecord: boolean;
  /** A commissioner takes away only their own organisation's statement. */
  canDownload: (funderOrganisationId: string) => boolean;
  onNotice: (notice: string) => void;
}) {
  const t = useClaimsT();
  const trpc = useTRPC();
  const [saved, setSaved] = useState<string | null>(null);
  const [recording, setRecording] = useState<string | null>(null);
  const download = useMutation(
    trpc.claim.statement.mutationOptions({
      onSuccess: (file) => {
        saveFile(file);
        setSaved(file.fileName);
      },
    }),
  );
  const get = (funderOrganisationId: string, format: 'csv' | 'pdf') => {
    setSaved(null);
    download.mutate({ claimId, funderOrganisationId, format });
  };

  return (
    <section aria-labelledby="claim-statements" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-l" id="claim-statements">
        {t('claim.statements.heading')}
      </h2>
      {statements.length === 0 ? (
        <p className="govuk-body">{t('claim.statements.notYet')}</p>
      ) : (
        <>
          <p className="govuk-body">{t('claim.statements.intro')}</p>
          {download.isError && (
            <ErrorState message={readError(download.error, t('state.unreachable')).message} />
          )}
          <Table
            caption={t('claim.statements.caption')}
            captionSize="hidden"
            columns={[
              { header: t('claim.statements.funder') },
              { header: t('claim.statements.amount'), numeric: true },
              { header: t('claim.statements.status') },
              { header: t('claim.statements.download') },
            ]}
            rows={statements.map((statement) => {
              const funder = statement.funderName;
              return {
                key: statement.funderOrganisationId,
                cells: [
                  funder,
                  formatPounds(statement.amountPence),
                  <StatementStatus
                    key="status"
                    statement={statement}
                    canRecord={canRecord}
                    onRecord={() => setRecording(statement.funderOrganisationId)}
                  />,
                  !canDownload(statement.funderOrganisationId) ? (
                    ''
                  ) : (
                    <ButtonGroup key="download">
                      {(['csv', 'pdf'] as const).map((format) => (
                        <Button
                          key={format}
                          type="button"
                          variant="secondary"
                          className="govuk-!-margin-bottom-0"
                          pending={download.isPending}
                          onClick={() => get(statement.funderOrganisationId, format)}
                        >
                          {t(`claim.statements.${format}`)}
                          <span className="govuk-visually-hidden">
                            {' '}
                            {t('claim.statements.forFunder', { funder })}
                          </span>
                        </Button>
                      ))}
                    </ButtonGroup>
                  ),
                ],
              };
            })}
          />
          <p className="govuk-body" role="status">
            {download.isPending
              ? t('claim.statements.downloading')
              : saved !== null
                ? t('claim.statements.downloaded', { file: saved })
                : ''}
          </p>
          {statements.map(
            (statement) =>
              recording === statement.funderOrganisationId && (
                <RecordPaymentForm
                  key={statement.funderOrganisationId}
                  claimId={claimId}
                  statement={statement}
                  onCancel={() => setRecording(null)}
                  onDone={() => {
                    setRecording(null);
                    onNotice(t('claim.statements.recorded', { funder: statement.funderName }));
                  }}
                />
              ),
          )}
        </>
      )}
    </section>
  );
}

function StatementStatus({
  statement,
  canRecord,
  onRecord,
}: {
  statement: ClaimStatement;
  canRecord: boolean;
  onRecord: () => void;
}) {
  const t = useClaimsT();
  if (statement.settledAt !== null) {
    return (
      <>
        <Tag colour="green">
          {t('claim.statements.settled', { date: formatDate(statement.settledAt, t.locale) })}
        </Tag>
        {statement.settlementReference !== null && (
          <span className="govuk-!-display-block govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">
            {t('claim.statements.reference', { reference: statement.settlementReference })}
          </span>
        )}
      </>
    );
  }
  return (
    <>
      <Tag colour="blue">{t('claim.statements.outstanding')}</Tag>
      {canRecord && (
        <button
          type="button"
          className="app-link-button govuk-body-s govuk-!-display-block govuk-!-margin-top-1"
          onClick={onRecord}
        >
          {t('claim.statements.record')}
          <span className="govuk-visually-hidden">
            {' '}
            {t('claim.statements.fromFunder', { funder: statement.funderName })}
          </span>
        </button>
      )}
    </>
  );
}
