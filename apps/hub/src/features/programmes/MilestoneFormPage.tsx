import { formatPounds } from '@coproduce/domain';
import {
  BackLink,
  Button,
  ButtonGroup,
  ErrorState,
  ErrorSummary,
  LoadingState,
  type MilestoneView,
  Page,
  type ProgrammeView,
  parsePounds,
  penceToPoundsText,
  readError,
  Select,
  Textarea,
  TextInput,
  useFormErrors,
  useRefreshWorkflows,
  useTRPC,
} from '@coproduce/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useT } from '../../i18n.ts';

const FIELDS = ['title', 'evidenceRequired', 'dueOn', 'value', 'siteId'] as const;
const SERVER_FIELDS: Record<string, string> = { valuePence: 'value' };

/**
 * Adds a milestone to a programme, or changes one still planned: what it is, the evidence that
 * proves it, when it is due, what it is worth and which site evidences it.
 */
export function MilestoneFormPage() {
  const t = useT();
  const trpc = useTRPC();
  const { programmeId = '', milestoneId } = useParams();
  const [searchParams] = useSearchParams();
  const fromEditor = searchParams.get('from') === 'editor';
  const returnTo = fromEditor ? `/programmes/${programmeId}/edit` : `/programmes/${programmeId}`;
  const programme = useQuery(trpc.programme.get.queryOptions({ programmeId }));
  const milestone = useQuery({
    ...trpc.milestone.get.queryOptions({ milestoneId: milestoneId ?? '' }),
    enabled: milestoneId !== undefined,
  });
  const title =
    milestoneId === undefined ? t('milestoneForm.addTitle') : t('milestoneForm.editTitle');
  const backLink = <BackLink to={returnTo}>{t('common.back')}</BackLink>;
  const failed = programme.error ?? (milestoneId === undefined ? null : milestone.error);
  const loading = programme.isPending || (milestoneId !== undefined && milestone.isPending);

  if (failed !== null || loading || programme.data === undefined) {
    return (
      <Page width="two-thirds" title={title} backLink={backLink}>
        {failed !== null ? (
          <ErrorState message={readError(failed, t('state.unreachable')).message} />
        ) : (
          <LoadingState label={t('milestoneForm.loading')} />
        )}
      </Page>
    );
  }
  if (milestone.data !== undefined && milestone.data.state !== 'planned') {
    return (
      <Page width="two-thirds" title={title} backLink={backLink}>
        <p className="govuk-body">{t('milestoneForm.notPlanned')}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={`/milestones/${milestone.data.id}`}>
            {milestone.data.title}
          </Link>
        </p>
      </Page>
    );
  }
  return (
    <MilestoneForm
      title={title}
      backLink={backLink}
      returnTo={returnTo}
      programme={programme.data}
      milestone={milestone.data ?? null}
    />
  );
}

function MilestoneForm({
  title,
  backLink,
  returnTo,
  programme,
  milestone,
}: {
  title: string;
  backLink: ReactNode;
  returnTo: string;
  programme: ProgrammeView;
  milestone: MilestoneView | null;
}) {
  const t = useT();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const refresh = useRefreshWorkflows();
  const errors = useFormErrors(FIELDS);
  const [value, setValue] = useState(
    milestone === null ? '' : penceToPoundsText(milestone.valuePence),
  );
  const create = useMutation(trpc.milestone.create.mutationOptions());
  const update = useMutation(trpc.milestone.update.mutationOptions());
  const valuePence = parsePounds(value);
  const above = valuePence !== null && valuePence > programme.delegationLimitPence;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const fields = {
      title: text('title'),
      evidenceRequired: text('evidenceRequired'),
      dueOn: text('dueOn') === '' ? null : text('dueOn'),
      siteId: text('siteId') === '' ? null : text('siteId'),
    };
    const problems: Record<string, string> = {};
    if (fields.title.length < 3) problems.title = t('milestoneForm.error.title');
    if (fields.dueOn !== null && !/^\d{4}-\d{2}-\d{2}$/.test(fields.dueOn))
      problems.dueOn = t('milestoneForm.error.dueOn');
    if (valuePence === null) problems.value = t('milestoneForm.error.value');
    if (valuePence === null || Object.keys(problems).length > 0) {
      errors.fail(problems);
      return;
    }
    try {
      if (milestone === null) {
        await create.mutateAsync({ programmeId: programme.id, ...fields, valuePence });
      } else {
        await update.mutateAsync({
          milestoneId: milestone.id,
          expectedVersion: milestone.version,
          ...fields,
          valuePence,
        });
      }
      await refresh();
      await navigate(returnTo, {
        state: {
          notice: t(milestone === null ? 'milestoneForm.added' : 'milestoneForm.saved', {
            title: fields.title,
          }),
        },
      });
    } catch (error) {
      const read = readError(error, t('state.unreachable'));
      const mapped = Object.fromEntries(
        Object.entries(read.fieldErrors).flatMap(([name, messages]) =>
          messages[0] === undefined ? [] : [[SERVER_FIELDS[name] ?? name, messages[0]]],
        ),
      );
      errors.fail(mapped, Object.keys(mapped).length > 0 ? null : read.message);
    }
  };

  return (
    <Page
      width="two-thirds"
      title={title}
      caption={programme.name}
      backLink={backLink}
      hasErrors={errors.hasErrors}
      beforeHeading={
        errors.hasErrors && <ErrorSummary errors={errors.summaryItems} attempt={errors.attempt} />
      }
    >
      <form noValidate onSubmit={(event) => void submit(event)}>
        <TextInput
          name="title"
          label={t('milestoneForm.title')}
          hint={t('milestoneForm.titleHint')}
          defaultValue={milestone?.title}
          error={errors.fieldErrors.title}
        />
        <Textarea
          name="evidenceRequired"
          label={t('milestoneForm.evidence')}
          hint={t('milestoneForm.evidenceHint')}
          rows={3}
          defaultValue={milestone?.evidenceRequired}
          error={errors.fieldErrors.evidenceRequired}
        />
        <TextInput
          name="dueOn"
          type="date"
          label={t('milestoneForm.dueOn')}
          defaultValue={milestone?.dueOn ?? ''}
          error={errors.fieldErrors.dueOn}
        />
        <TextInput
          name="value"
          label={t('milestoneForm.value')}
          hint={t('milestoneForm.valueHint', {
            limit: formatPounds(programme.delegationLimitPence),
          })}
          prefix="£"
          width="10"
          inputMode="decimal"
          spellCheck={false}
          autoComplete="off"
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          error={errors.fieldErrors.value}
        />
        <div aria-live="polite">
          {above && <p className="govuk-inset-text">{t('milestoneForm.aboveLimit')}</p>}
        </div>
        <Select
          name="siteId"
          label={t('milestoneForm.site')}
          defaultValue={milestone?.siteId ?? ''}
          error={errors.fieldErrors.siteId}
          options={[
            { value: '', text: t('milestoneForm.hubSite') },
            ...programme.sites.map((site) => ({ value: site.organisationId, text: site.name })),
          ]}
        />
        <ButtonGroup>
          <Button pending={create.isPending || update.isPending}>
            {milestone === null ? t('milestoneForm.add') : t('milestoneForm.save')}
          </Button>
          <Link className="govuk-link" to={returnTo}>
            {t('common.cancel')}
          </Link>
        </ButtonGroup>
      </form>
    </Page>
  );
}
