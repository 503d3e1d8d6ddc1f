import { formatPounds } from '@coproduce/domain';
import {
  Button,
  type ClaimSampleLine,
  type ClaimView,
  formatDate,
  Radios,
  readError,
  Tag,
  Textarea,
  useTRPC,
} from '@coproduce/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type ClaimsTranslate, useClaimsT } from './i18n.ts';

/**
 * The recorded verification sample as a checklist: each sampled line with its evidence, to be
 * marked pass or fail (a failure needs a note, and drops the line out of the claim). While the
 * claim is in verification, people who may check lines record results here.
 */
export function VerificationChecklist({
  claim,
  canCheck,
  onNotice,
}: {
  claim: ClaimView;
  canCheck: boolean;
  onNotice: (notice: string) => void;
}) {
  const t = useClaimsT();
  const { sample } = claim;
  const checked = sample.passed + sample.failed;
  const open = canCheck && claim.claim.state === 'verification';
  return (
    <section aria-labelledby="claim-sample" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-l" id="claim-sample">
        {t('claim.sample.heading')}
      </h2>
      <p className="govuk-body">
        {t('claim.sample.intro', {
          seed: sample.seed,
          percent: sample.percent,
          minimum: sample.minimum,
        })}
      </p>
      {sample.checklist.length === 0 ? (
        <p className="govuk-body">{t('claim.sample.none')}</p>
      ) : (
        <>
          <p className="govuk-body govuk-!-font-weight-bold" aria-live="polite">
            {t('claim.sample.progress', {
              checked,
              total: sample.checklist.length,
            })}
          </p>
          <ol className="app-checklist">
            {sample.checklist.map((line) => (
              <li key={line.lineId} className="app-checklist__item">
                <SampleLine
                  claimId={claim.claim.id}
                  line={line}
                  open={open && line.verification === 'pending'}
                  onNotice={onNotice}
                />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

const lineTitle = (t: ClaimsTranslate, line: ClaimSampleLine) =>
  t('claim.sample.line', {
    participant: line.participantCode ?? t('claim.lines.programmeLevel'),
    outcome: line.outcomeCode,
    date: formatDate(line.achievedOn, t.locale),
  });

function SampleLine({
  claimId,
  line,
  open,
  onNotice,
}: {
  claimId: string;
  line: ClaimSampleLine;
  open: boolean;
  onNotice: (notice: string) => void;
}) {
  const t = useClaimsT();
  const headingId = `sample-${line.lineId}`;
  return (
    <>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1" id={headingId}>
        {lineTitle(t, line)}
      </h3>
      <dl className="govuk-body-s app-checklist__facts">
        <dt>{t('claim.sample.evidence')}</dt>
        <dd>{line.evidence.trim() || t('claim.sample.noEvidence')}</dd>
        <dt>{t('claim.lines.amount')}</dt>
        <dd>{formatPounds(line.amountPence)}</dd>
      </dl>
      {open ? (
        <CheckForm claimId={claimId} line={line} headingId={headingId} onNotice={onNotice} />
      ) : (
        <CheckResult line={line} />
      )}
    </>
  );
}

function CheckResult({ line }: { line: ClaimSampleLine }) {
  const t = useClaimsT();
  const tag =
    line.verification === 'passed' ? (
      <Tag colour="green">{t('claim.sample.passed')}</Tag>
    ) : line.verification === 'failed' ? (
      <Tag colour="red">{t('claim.sample.failed')}</Tag>
    ) : (
      <Tag colour="grey">{t('claim.sample.pending')}</Tag>
    );
  return (
    <p className="govuk-body">
      {tag}
      {line.verifiedByName !== null && (
        <span className="govuk-!-margin-left-2">
          {t('claim.sample.checkedBy', { name: line.verifiedByName })}
        </span>
      )}
      {line.note !== null && line.note !== '' && (
        <span className="govuk-!-display-block govuk-!-margin-top-1">{line.note}</span>
      )}
    </p>
  );
}

function CheckForm({
  claimId,
  line,
  headingId,
  onNotice,
}: {
  claimId: string;
  line: ClaimSampleLine;
  headingId: string;
  onNotice: (notice: string) => void;
}) {
  const t = useClaimsT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const verify = useMutation(trpc.claim.verifyLine.mutationOptions());
  const names = {
    participant: line.participantCode ?? t('claim.lines.programmeLevel'),
    outcome: line.outcomeCode,
  };
  const resultName = `result-${line.lineId}`;
  const noteId = `note-${line.lineId}`;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = form.get(resultName);
    const note = String(form.get(noteId) ?? '').trim();
    const problems: Record<string, string> = {};
    if (result !== 'passed' && result !== 'failed') {
      problems.result = t('claim.sample.error.result', names);
    } else if (result === 'failed' && note === '') {
      problems.note = t('claim.sample.error.note', names);
    }
    setErrors(problems);
    if (result !== 'passed' && result !== 'failed') return;
    if (problems.note !== undefined) return;
    verify.mutate(
      { claimId, lineId: line.lineId, result, note },
      {
        onSuccess: async () => {
          await queryClient.invalidateQueries(trpc.claim.pathFilter());
          onNotice(
            t('claim.sample.recorded', {
              ...names,
              result: result === 'passed' ? t('claim.sample.passed') : t('claim.sample.failed'),
            }),
          );
        },
        onError: (error) => {
          const read = readError(error, t('state.unreachable'));
          setErrors({
            ...(read.fieldErrors.note?.[0] === undefined ? {} : { note: read.fieldErrors.note[0] }),
            ...(read.fieldErrors.note === undefined ? { form: read.message } : {}),
          });
        },
      },
    );
  };

  return (
    <form noValidate onSubmit={submit} aria-labelledby={headingId}>
      {errors.form !== undefined && (
        <p className="govuk-error-message" role="alert">
          {errors.form}
        </p>
      )}
      <Radios
        name={resultName}
        legend={t('claim.sample.result')}
        legendSize="s"
        small
        error={errors.result}
        items={[
          { value: 'passed', text: t('claim.sample.pass') },
          { value: 'failed', text: t('claim.sample.fail') },
        ]}
      />
      <Textarea
        name={noteId}
        label={t('claim.sample.note')}
        hint={t('claim.sample.noteHint')}
        rows={2}
        maxLength={2000}
        error={errors.note}
      />
      <Button variant="secondary" pending={verify.isPending}>
        {t('claim.sample.save')}
        <span className="govuk-visually-hidden"> {t('claim.sample.saveFor', names)}</span>
      </Button>
    </form>
  );
}
