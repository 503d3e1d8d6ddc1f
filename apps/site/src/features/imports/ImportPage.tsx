import { LICENSED_INSTRUMENTS } from '@coproduce/domain';
import {
  BackLink,
  Button,
  ButtonGroup,
  Details,
  EmptyState,
  ErrorState,
  ErrorSummary,
  FileUpload,
  formatDateTime,
  InsetText,
  LoadingState,
  NotificationBanner,
  Page,
  Radios,
  readAsBase64,
  readError,
  saveFile,
  Table,
  useActiveMembership,
  useFormErrors,
  useTRPC,
  useTRPCClient,
} from '@coproduce/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, Fragment, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type ImportT, useImportT } from './t.ts';
import type { ImportChoice, ImportKind, RefusedUpload, UploadResult } from './types.ts';

interface Outcome {
  readonly fileName: string;
  readonly kind: ImportKind;
  readonly result: UploadResult;
}

const FIELDS = ['kind', 'file'];
/** The largest file the server takes (decoded), checked here first to save a long upload. */
const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
const ACCEPT =
  '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const isLicensed = (instrument: string | null) =>
  instrument !== null && Object.hasOwn(LICENSED_INSTRUMENTS, instrument);

function choiceText(t: ImportT, choice: ImportChoice) {
  if (choice.instrument === null) {
    return { text: t('imports.kind.participants'), hint: t('imports.kind.participantsHint') };
  }
  return isLicensed(choice.instrument)
    ? { text: t('imports.kind.scores', { name: choice.name }), hint: t('imports.kind.scoresHint') }
    : {
        text: t('imports.kind.answers', { name: choice.name }),
        hint: t('imports.kind.answersHint'),
      };
}

/**
 * Import a spreadsheet of participants or of one questionnaire's answers, for one programme at
 * the person's own site: choose what, download the template, upload. The server checks every
 * row and imports all or nothing; a refusal lists each row, column and problem.
 */
export function ImportPage() {
  const t = useImportT();
  const trpc = useTRPC();
  const membership = useActiveMembership();
  const [params, setParams] = useSearchParams();
  const programmeId = params.get('programmeId') ?? '';
  const siteId = membership.organisation.id;
  const choices = useQuery({
    ...trpc.evidenceImport.choices.queryOptions({ programmeId, siteId }),
    enabled: programmeId !== '',
  });
  const errors = useFormErrors(FIELDS);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const backLink = (
    <BackLink to={programmeId ? `/programmes/${programmeId}` : '/programmes'}>
      {t('imports.back')}
    </BackLink>
  );

  if (programmeId === '') {
    return (
      <Page title={t('imports.title')} backLink={backLink}>
        <EmptyState>
          {t('imports.noProgramme')}{' '}
          <Link className="govuk-link" to="/programmes">
            {t('imports.noProgrammeLink')}
          </Link>
        </EmptyState>
      </Page>
    );
  }
  if (choices.isPending || choices.isError) {
    return (
      <Page title={t('imports.title')} backLink={backLink}>
        {choices.isError ? (
          <ErrorState
            message={readError(choices.error, t('state.unreachable')).message}
            onRetry={() => void choices.refetch()}
          />
        ) : (
          <LoadingState label={t('imports.loading')} />
        )}
      </Page>
    );
  }

  const chosen = choices.data.kinds.find((choice) => choice.kind === params.get('kind'));
  const refused = outcome?.result.status === 'refused' ? outcome.result : null;
  const summary = refused
    ? [
        { fieldId: 'problems', text: t.plural('imports.refused', refused.totalProblems) },
        { fieldId: 'file', text: t('imports.refusedFix') },
      ]
    : errors.summaryItems;

  const choose = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const kind = new FormData(event.currentTarget).get('kind');
    if (typeof kind !== 'string') {
      errors.fail({ kind: t('imports.chooseError') });
      return;
    }
    errors.clear();
    setOutcome(null);
    setParams({ programmeId, kind });
  };

  return (
    <Page
      title={t('imports.title')}
      caption={choices.data.programmeName}
      backLink={backLink}
      hasErrors={summary.length > 0}
      beforeHeading={
        <>
          <ErrorSummary errors={summary} attempt={errors.attempt} />
          {outcome !== null && <OutcomeBanner t={t} outcome={outcome} />}
        </>
      }
    >
      <p className="govuk-body">{t('imports.intro')}</p>
      {choices.data.closedBecause !== null && (
        <InsetText>
          <p className="govuk-body govuk-!-font-weight-bold">{t('imports.closed')}</p>
          <p className="govuk-body">{choices.data.closedBecause}</p>
        </InsetText>
      )}

      <h2 className="govuk-heading-m">{t('imports.step1')}</h2>
      <form noValidate onSubmit={choose} key={chosen?.kind ?? ''}>
        <Radios
          name="kind"
          legend={t('imports.kindLegend')}
          legendSize="s"
          error={errors.fieldErrors.kind}
          defaultValue={chosen?.kind}
          items={choices.data.kinds.map((choice) => ({
            value: choice.kind,
            ...choiceText(t, choice),
          }))}
        />
        <Button variant="secondary">{t('imports.choose')}</Button>
      </form>

      {chosen !== undefined && (
        <>
          <TemplateStep
            t={t}
            programmeId={programmeId}
            siteId={siteId}
            choice={chosen}
            timepoints={choices.data.timepoints}
          />
          {choices.data.closedBecause === null && (
            <UploadStep
              t={t}
              programmeId={programmeId}
              siteId={siteId}
              kind={chosen.kind}
              errors={errors}
              onOutcome={setOutcome}
            />
          )}
          {refused !== null && outcome !== null && (
            <Problems t={t} fileName={outcome.fileName} refused={refused} />
          )}
        </>
      )}
    </Page>
  );
}

function TemplateStep({
  t,
  programmeId,
  siteId,
  choice,
  timepoints,
}: {
  t: ImportT;
  programmeId: string;
  siteId: string;
  choice: ImportChoice;
  timepoints: readonly { code: string; label: string }[];
}) {
  const client = useTRPCClient();
  const [pending, setPending] = useState<'csv' | 'xlsx' | null>(null);
  const [failed, setFailed] = useState(false);
  const download = async (format: 'csv' | 'xlsx') => {
    setPending(format);
    setFailed(false);
    try {
      saveFile(
        await client.evidenceImport.template.query({
          programmeId,
          siteId,
          kind: choice.kind,
          format,
        }),
      );
    } catch {
      setFailed(true);
    } finally {
      setPending(null);
    }
  };
  return (
    <>
      <h2 className="govuk-heading-m">{t('imports.step2')}</h2>
      <p className="govuk-body">{t('imports.templateIntro')}</p>
      <p className="govuk-body">{t('imports.datesTip')}</p>
      {failed && <p className="govuk-error-message">{t('imports.templateFailed')}</p>}
      <ButtonGroup>
        <Button
          type="button"
          variant="secondary"
          pending={pending === 'xlsx'}
          onClick={() => void download('xlsx')}
          aria-describedby="template-excel-hint"
        >
          {t('imports.templateExcel')}
        </Button>
        <Button
          type="button"
          variant="secondary"
          pending={pending === 'csv'}
          onClick={() => void download('csv')}
        >
          {t('imports.templateCsv')}
        </Button>
      </ButtonGroup>
      <p className="govuk-hint" id="template-excel-hint">
        {t('imports.templateExcelHint')}
      </p>
      {choice.instrument !== null && (
        <Details summary={t('imports.timepointsSummary')}>
          <p className="govuk-body">{t('imports.timepointsIntro')}</p>
          <ul className="govuk-list govuk-list--bullet">
            {timepoints.map((timepoint) => (
              <li key={timepoint.code}>
                {t('imports.timepoint', { code: timepoint.code, label: timepoint.label })}
              </li>
            ))}
          </ul>
        </Details>
      )}
    </>
  );
}

function UploadStep({
  t,
  programmeId,
  siteId,
  kind,
  errors,
  onOutcome,
}: {
  t: ImportT;
  programmeId: string;
  siteId: string;
  kind: ImportKind;
  errors: ReturnType<typeof useFormErrors>;
  onOutcome: (outcome: Outcome | null) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const upload = useMutation(trpc.evidenceImport.upload.mutationOptions());

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('file');
    if (!(file instanceof File) || file.size === 0) {
      errors.fail({ file: t('imports.fileMissing') });
      return;
    }
    if (file.size > MAX_UPLOAD_BYTES) {
      errors.fail({ file: t('imports.fileTooBig') });
      return;
    }
    let contentBase64: string;
    try {
      contentBase64 = await readAsBase64(file);
    } catch {
      errors.fail({ file: t('imports.fileUnreadable') });
      return;
    }
    onOutcome(null);
    try {
      const result = await upload.mutateAsync({
        programmeId,
        siteId,
        kind,
        fileName: file.name,
        contentBase64,
      });
      errors.clear();
      onOutcome({ fileName: file.name, kind, result });
      if (result.status === 'imported') void queryClient.invalidateQueries();
    } catch (error) {
      const read = readError(error, t('state.unreachable'));
      // Whatever is wrong with the file itself is shown beside the file field.
      const fileMessage =
        read.fieldErrors.file?.[0] ??
        read.fieldErrors.contentBase64?.[0] ??
        read.fieldErrors.fileName?.[0];
      if (fileMessage !== undefined) errors.fail({ file: fileMessage });
      else errors.failWith(read);
    }
  };

  return (
    <>
      <h2 className="govuk-heading-m">{t('imports.step3')}</h2>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <FileUpload
          name="file"
          label={t('imports.fileLabel')}
          hint={t('imports.fileHint')}
          error={errors.fieldErrors.file}
          accept={ACCEPT}
        />
        <Button pending={upload.isPending}>{t('imports.upload')}</Button>
        {upload.isPending && (
          <p className="govuk-body" role="status">
            {t('imports.uploading')}
          </p>
        )}
      </form>
    </>
  );
}

function OutcomeBanner({ t, outcome }: { t: ImportT; outcome: Outcome }) {
  const { result } = outcome;
  if (result.status === 'imported') {
    const key =
      outcome.kind === 'participants' ? 'imports.done.participants' : 'imports.done.answers';
    return (
      <NotificationBanner type="success" heading={t.plural(key, result.rows)}>
        <p className="govuk-body">{t('imports.doneBody', { file: outcome.fileName })}</p>
      </NotificationBanner>
    );
  }
  if (result.status === 'already-imported') {
    return (
      <NotificationBanner
        alert
        heading={t('imports.already', { date: formatDateTime(result.importedAt, t.locale) })}
      >
        <p className="govuk-body">{t('imports.alreadyBody', { name: result.importedBy })}</p>
      </NotificationBanner>
    );
  }
  return null;
}

/** Long column names (consent_sharing_with_commissioners) may break after an underscore. */
function ColumnName({ name }: { name: string }) {
  const parts = name.split('_');
  return (
    <>
      {parts.map((part, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed name
        <Fragment key={index}>
          {index > 0 && (
            <>
              _<wbr />
            </>
          )}
          {part}
        </Fragment>
      ))}
    </>
  );
}

function Problems({
  t,
  fileName,
  refused,
}: {
  t: ImportT;
  fileName: string;
  refused: RefusedUpload;
}) {
  return (
    <div id="problems" tabIndex={-1}>
      <h2 className="govuk-heading-m">{t('imports.problemsHeading')}</h2>
      <p className="govuk-body">{t('imports.problemsIntro')}</p>
      {refused.totalProblems > refused.problems.length && (
        <p className="govuk-body">
          {t('imports.problemsShown', {
            shown: refused.problems.length,
            count: refused.totalProblems,
          })}
        </p>
      )}
      <Table
        caption={t('imports.problemsCaption', { file: fileName })}
        captionSize="s"
        columns={[
          { header: t('imports.row'), numeric: true },
          { header: t('imports.column') },
          { header: t('imports.problem') },
        ]}
        rows={refused.problems.map((problem, index) => ({
          key: `${problem.row}:${problem.column}:${index}`,
          cells: [
            String(problem.row),
            problem.column === '' ? (
              t('imports.wholeRow')
            ) : (
              <ColumnName key="column" name={problem.column} />
            ),
            problem.problem,
          ],
        }))}
      />
    </div>
  );
}
