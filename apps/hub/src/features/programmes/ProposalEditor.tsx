import { formatShare, proposalProblems } from '@coproduce/domain';
import {
  Button,
  ButtonGroup,
  Checkboxes,
  ErrorSummary,
  type ErrorSummaryItem,
  type OrganisationList,
  Page,
  type ProgrammeView,
  readError,
  Select,
  Textarea,
  TextInput,
  useAllowedActions,
  useRefreshWorkflows,
  useTRPC,
  useWorkflowTransition,
  useWorkflowWords,
  WarningText,
} from '@coproduce/ui';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n.ts';
import {
  type DraftForm,
  draftFormOf,
  readDraftForm,
  shareFieldId,
  shareTotal,
} from './draft-form.ts';
import { EditorMilestones, EditorPaidRoles } from './EditorParts.tsx';

/** Server field names → the field that shows the message. */
const SERVER_FIELDS: Record<string, string> = {
  name: 'name',
  need: 'need',
  population: 'population',
  budgetPence: 'budget',
  delegationLimitPence: 'delegationLimit',
  baselineThresholdPercent: 'threshold',
  minimumCohort: 'minimumCohort',
  reportingPeriodMonths: 'periodMonths',
  returnDueDays: 'returnDueDays',
  siteIds: 'sites',
  funders: 'funders',
};

const FIELD_ORDER = [
  'name',
  'need',
  'population',
  'sites',
  'funders',
  'budget',
  'delegationLimit',
  'threshold',
  'minimumCohort',
  'periodMonths',
  'returnDueDays',
];

interface Failure {
  readonly fields: Readonly<Record<string, string>>;
  readonly form: string | null;
  readonly conflict: boolean;
  readonly attempt: number;
}

export function ProposalEditor({
  title,
  backLink,
  banner,
  programme,
  initial,
  sites,
  commissioners,
  onNotice,
  onReload,
}: {
  title: string;
  backLink: ReactNode;
  banner: ReactNode;
  programme: ProgrammeView | null;
  initial: DraftForm;
  sites: OrganisationList;
  commissioners: OrganisationList;
  onNotice: (notice: string) => void;
  onReload: () => void;
}) {
  const t = useT();
  const trpc = useTRPC();
  const words = useWorkflowWords();
  const navigate = useNavigate();
  const refresh = useRefreshWorkflows();
  const [form, setForm] = useState<DraftForm>(() =>
    programme === null ? initial : draftFormOf(programme),
  );
  const [failure, setFailure] = useState<Failure>({
    fields: {},
    form: null,
    conflict: false,
    attempt: 0,
  });
  const create = useMutation(trpc.programme.create.mutationOptions());
  const update = useMutation(trpc.programme.updateDraft.mutationOptions());
  const transition = useWorkflowTransition();
  const allowed = useAllowedActions('programme', programme?.id ?? '');
  const submitEvent =
    programme === null
      ? undefined
      : allowed.data?.actions.find((a) => a.event === 'SUBMIT' || a.event === 'RESUBMIT')?.event;
  const busy = create.isPending || update.isPending || transition.isPending;

  const set = <K extends keyof DraftForm>(key: K, value: DraftForm[K]) =>
    setForm((previous) => ({ ...previous, [key]: value }));

  const fail = (fields: Record<string, string>, message: string | null, conflict = false) =>
    setFailure((previous) => ({
      fields,
      form: message,
      conflict,
      attempt: previous.attempt + 1,
    }));

  const failWithServer = (error: unknown) => {
    const read = readError(error, t('state.unreachable'));
    const fields: Record<string, string> = {};
    for (const [name, messages] of Object.entries(read.fieldErrors)) {
      const field = SERVER_FIELDS[name];
      if (field !== undefined && messages[0] !== undefined) fields[field] = messages[0];
    }
    fail(fields, Object.keys(fields).length > 0 ? null : read.message, read.code === 'CONFLICT');
  };

  /** Reads the form; on a problem, shows it and answers null. */
  const readForm = () => {
    const { draft, errors } = readDraftForm(form);
    if (draft === null) {
      fail(
        Object.fromEntries(
          Object.entries(errors).map(([field, code]) => [field, t(`editor.error.${code}`)]),
        ),
        null,
      );
    }
    return draft;
  };

  /** Saves the draft; answers the version saved, or null when it could not be saved. */
  const save = async (): Promise<number | null> => {
    const draft = readForm();
    if (draft === null) return null;
    try {
      if (programme === null) {
        const created = await create.mutateAsync(draft);
        await refresh();
        await navigate(`/programmes/${created.id}/edit`, {
          replace: true,
          state: { notice: t('editor.created') },
        });
        return created.version;
      }
      const saved = await update.mutateAsync({
        programmeId: programme.id,
        expectedVersion: programme.version,
        draft,
      });
      return saved.version;
    } catch (error) {
      failWithServer(error);
      return null;
    }
  };

  const onSave = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const version = await save();
    if (version !== null && programme !== null) {
      onNotice(t('editor.saved'));
      await refresh();
    }
  };

  const onSubmitProposal = async () => {
    if (programme === null || submitEvent === undefined) return;
    const { draft } = readDraftForm(form);
    const problems = draft === null ? [] : proposalProblems(draft);
    if (draft !== null && problems.length > 0) {
      fail({}, t('editor.submit.incomplete', { problems: problems.join('; ') }));
      return;
    }
    const version = await save();
    if (version === null) return;
    try {
      await transition.mutateAsync({
        kind: 'programme',
        id: programme.id,
        expectedVersion: version,
        event: submitEvent,
      });
      await navigate(`/programmes/${programme.id}`, {
        state: { notice: words.done('programme', submitEvent) },
      });
    } catch (error) {
      await refresh();
      failWithServer(error);
    }
  };

  const summary: ErrorSummaryItem[] = [
    ...(failure.form === null ? [] : [{ text: failure.form }]),
    ...[...FIELD_ORDER, ...form.funderIds.map(shareFieldId)].flatMap((field) => {
      const text = failure.fields[field];
      return text === undefined ? [] : [{ fieldId: field, text }];
    }),
  ];
  const total = shareTotal(form);
  const { draft: readable } = readDraftForm(form);
  const problems = readable === null ? null : proposalProblems(readable);

  return (
    <Page
      title={title}
      caption={t('editor.caption')}
      backLink={backLink}
      hasErrors={summary.length > 0}
      beforeHeading={
        <>
          {banner}
          {summary.length > 0 && <ErrorSummary errors={summary} attempt={failure.attempt} />}
          {failure.conflict && (
            <p className="govuk-body">
              <Button type="button" variant="secondary" onClick={onReload}>
                {t('workflow.actions.reload')}
              </Button>
            </p>
          )}
        </>
      }
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">{t('editor.intro')}</p>
          <form noValidate onSubmit={(event) => void onSave(event)}>
            <h2 className="govuk-heading-m">{t('editor.about')}</h2>
            <TextInput
              name="name"
              label={t('editor.name')}
              value={form.name}
              onChange={(event) => set('name', event.currentTarget.value)}
              error={failure.fields.name}
            />
            <Textarea
              name="need"
              label={t('editor.need')}
              hint={t('editor.needHint')}
              value={form.need}
              onChange={(event) => set('need', event.currentTarget.value)}
              error={failure.fields.need}
            />
            <Textarea
              name="population"
              label={t('editor.population')}
              hint={t('editor.populationHint')}
              rows={3}
              value={form.population}
              onChange={(event) => set('population', event.currentTarget.value)}
              error={failure.fields.population}
            />

            <Checkboxes
              name="sites"
              legend={t('editor.sites')}
              hint={t('editor.sitesHint')}
              values={form.siteIds}
              onChange={(values) => set('siteIds', values)}
              error={failure.fields.sites}
              items={sites.map((site) => ({
                value: site.id,
                text: site.name,
                ...(site.category === null ? {} : { hint: site.category }),
              }))}
            />

            <Checkboxes
              name="funders"
              legend={t('editor.funders')}
              hint={t('editor.fundersHint')}
              values={form.funderIds}
              onChange={(values) => set('funderIds', values)}
              error={failure.fields.funders}
              items={commissioners.map((commissioner) => ({
                value: commissioner.id,
                text: commissioner.name,
                conditional: (
                  <TextInput
                    name={shareFieldId(commissioner.id)}
                    label={t('editor.share', { name: commissioner.name })}
                    hint={t('editor.shareHint')}
                    width="4"
                    inputMode="decimal"
                    spellCheck={false}
                    autoComplete="off"
                    suffix="%"
                    value={form.shares[commissioner.id] ?? ''}
                    onChange={(event) =>
                      set('shares', {
                        ...form.shares,
                        [commissioner.id]: event.currentTarget.value,
                      })
                    }
                    error={failure.fields[shareFieldId(commissioner.id)]}
                  />
                ),
              }))}
            />
            {form.funderIds.length > 0 && (
              <p
                className={`govuk-body app-share-total${total === 10_000 ? ' app-share-total--complete' : ''}`}
                aria-live="polite"
                id="share-total"
              >
                {total === 10_000
                  ? t('editor.shareTotalComplete')
                  : t('editor.shareTotal', { total: formatShare(total) })}
              </p>
            )}

            <h2 className="govuk-heading-m">{t('editor.money')}</h2>
            <TextInput
              name="budget"
              label={t('editor.budget')}
              hint={t('editor.moneyHint')}
              prefix="£"
              width="10"
              inputMode="decimal"
              spellCheck={false}
              autoComplete="off"
              value={form.budget}
              onChange={(event) => set('budget', event.currentTarget.value)}
              error={failure.fields.budget}
            />
            <TextInput
              name="delegationLimit"
              label={t('editor.delegationLimit')}
              hint={t('editor.delegationLimitHint')}
              prefix="£"
              width="10"
              inputMode="decimal"
              spellCheck={false}
              autoComplete="off"
              value={form.delegationLimit}
              onChange={(event) => set('delegationLimit', event.currentTarget.value)}
              error={failure.fields.delegationLimit}
            />

            <h2 className="govuk-heading-m">{t('editor.baselineAndReporting')}</h2>
            <TextInput
              name="threshold"
              label={t('editor.threshold')}
              hint={t('editor.thresholdHint')}
              suffix="%"
              width="3"
              inputMode="numeric"
              value={form.threshold}
              onChange={(event) => set('threshold', event.currentTarget.value)}
              error={failure.fields.threshold}
            />
            <TextInput
              name="minimumCohort"
              label={t('editor.minimumCohort')}
              hint={t('editor.minimumCohortHint')}
              width="4"
              inputMode="numeric"
              value={form.minimumCohort}
              onChange={(event) => set('minimumCohort', event.currentTarget.value)}
              error={failure.fields.minimumCohort}
            />
            <Select
              name="periodMonths"
              label={t('editor.periodMonths')}
              value={form.periodMonths}
              onChange={(event) => set('periodMonths', event.currentTarget.value)}
              error={failure.fields.periodMonths}
              options={['1', '2', '3', '4', '6', '12'].map((months) => ({
                value: months,
                text: t.plural('editor.months', Number(months)),
              }))}
            />
            <TextInput
              name="returnDueDays"
              label={t('editor.returnDueDays')}
              hint={t('editor.returnDueDaysHint')}
              suffix={t('editor.days')}
              width="3"
              inputMode="numeric"
              value={form.returnDueDays}
              onChange={(event) => set('returnDueDays', event.currentTarget.value)}
              error={failure.fields.returnDueDays}
            />
            <ButtonGroup>
              <Button pending={busy} variant={programme === null ? 'primary' : 'secondary'}>
                {t('editor.save')}
              </Button>
            </ButtonGroup>
          </form>
        </div>
      </div>

      {programme === null ? (
        <p className="govuk-body">{t('editor.afterSave')}</p>
      ) : (
        <>
          <EditorMilestones programme={programme} />
          <EditorPaidRoles programme={programme} onNotice={onNotice} />
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              <h2 className="govuk-heading-l">{t('editor.submit.heading')}</h2>
              {problems !== null && problems.length > 0 ? (
                <>
                  <WarningText>{t('editor.submit.notYet')}</WarningText>
                  <ul className="govuk-list govuk-list--bullet" id="proposal-problems">
                    {problems.map((problem) => (
                      <li key={problem}>{problem}</li>
                    ))}
                  </ul>
                </>
              ) : (
                <p className="govuk-body">{t('editor.submit.ready')}</p>
              )}
              {submitEvent !== undefined && (
                <Button type="button" pending={busy} onClick={() => void onSubmitProposal()}>
                  {words.event('programme', submitEvent)}
                </Button>
              )}
            </div>
          </div>
        </>
      )}
    </Page>
  );
}
