import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button } from '../components/Button.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Select } from '../components/Select.tsx';
import { TextInput } from '../components/TextInput.tsx';
import { fieldValue, useFormErrors } from '../forms/use-form-errors.ts';
import { readError } from '../trpc/errors.ts';
import { useTRPC } from '../trpc/trpc.ts';
import type { ProgrammeView } from './types.ts';
import { useRefreshWorkflows } from './use-workflow.ts';
import { useWorkflowT } from './words.ts';

const FIELDS = ['siteId', 'enrolled', 'baselineRecorded'] as const;

/** A whole number of people, as typed (spaces and thousands commas allowed), or null. */
export function readCount(text: string): number | null {
  const plain = text.replace(/[\s,]/g, '');
  if (!/^\d{1,7}$/.test(plain)) return null;
  return Number(plain);
}

/**
 * While a programme is at baseline, a site lead reports their own site's enrolment and
 * baseline counts (a hub coordinator may report any site's); the baseline gate reads them.
 */
export function BaselineCountsForm({
  programme,
  ownSiteId,
  headingLevel = 2,
  onDone,
}: {
  programme: Pick<
    ProgrammeView,
    'id' | 'sites' | 'baselineThresholdPercent' | 'minimumCohort' | 'state'
  >;
  /** The site lead's own site; undefined for the hub, which chooses. */
  ownSiteId: string | undefined;
  headingLevel?: 2 | 3;
  onDone: (siteName: string) => void;
}) {
  const t = useWorkflowT();
  const trpc = useTRPC();
  const refresh = useRefreshWorkflows();
  const errors = useFormErrors(FIELDS);
  const sites =
    ownSiteId === undefined
      ? programme.sites
      : programme.sites.filter((site) => site.organisationId === ownSiteId);
  const [siteId, setSiteId] = useState(sites[0]?.organisationId ?? '');
  const report = useMutation(
    trpc.programme.reportBaselineCounts.mutationOptions({
      onSettled: () => {
        // Not awaited: the caller's own onSuccess must run while its screen is still mounted,
        // before the refetch removes the item it acted on.
        void refresh();
      },
      onError: (error) => errors.failWith(readError(error, t('state.unreachable'))),
    }),
  );
  if (programme.state !== 'active.baseline' || sites.length === 0) return null;
  const site = sites.find((candidate) => candidate.organisationId === siteId) ?? sites[0];
  if (site === undefined) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const enrolled = readCount(fieldValue(form, 'enrolled'));
    const baselineRecorded = readCount(fieldValue(form, 'baselineRecorded'));
    const problems: Record<string, string> = {};
    if (enrolled === null) problems.enrolled = t('baseline.error.number');
    if (baselineRecorded === null) problems.baselineRecorded = t('baseline.error.number');
    else if (enrolled !== null && baselineRecorded > enrolled)
      problems.baselineRecorded = t('baseline.error.tooMany');
    if (enrolled === null || baselineRecorded === null || Object.keys(problems).length > 0) {
      errors.fail(problems);
      return;
    }
    errors.clear();
    report.mutate(
      { programmeId: programme.id, siteId: site.organisationId, enrolled, baselineRecorded },
      { onSuccess: () => onDone(site.name) },
    );
  };

  return (
    <section className="app-actions" aria-labelledby="baseline-counts-heading">
      {errors.hasErrors && <ErrorSummary errors={errors.summaryItems} attempt={errors.attempt} />}
      <Heading className="govuk-heading-m" id="baseline-counts-heading">
        {t('baseline.heading')}
      </Heading>
      <p className="govuk-body">
        {t('baseline.intro', {
          threshold: programme.baselineThresholdPercent,
          cohort: programme.minimumCohort,
        })}
      </p>
      <form noValidate onSubmit={submit} key={site.organisationId}>
        {ownSiteId === undefined ? (
          <Select
            name="siteId"
            label={t('baseline.site')}
            value={site.organisationId}
            onChange={(event) => setSiteId(event.currentTarget.value)}
            error={errors.fieldErrors.siteId}
            options={sites.map((option) => ({ value: option.organisationId, text: option.name }))}
          />
        ) : (
          <p className="govuk-body">
            <strong>{t('baseline.site')}:</strong> {site.name}
          </p>
        )}
        <TextInput
          name="enrolled"
          label={t('baseline.enrolled')}
          inputMode="numeric"
          width="5"
          spellCheck={false}
          autoComplete="off"
          defaultValue={String(site.enrolledCount)}
          error={errors.fieldErrors.enrolled}
        />
        <TextInput
          name="baselineRecorded"
          label={t('baseline.recorded')}
          inputMode="numeric"
          width="5"
          spellCheck={false}
          autoComplete="off"
          defaultValue={String(site.baselineRecordedCount)}
          error={errors.fieldErrors.baselineRecorded}
        />
        <Button pending={report.isPending}>{t('baseline.submit')}</Button>
      </form>
    </section>
  );
}
