import { formatPounds } from '@coproduce/domain';
import {
  Button,
  EmptyState,
  formatDate,
  type ProgrammeView,
  readError,
  Select,
  StateTag,
  Table,
  Tag,
  TextInput,
  useFormErrors,
  useRefreshWorkflows,
  useTRPC,
} from '@coproduce/ui';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, Fragment } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n.ts';

/** The proposal's milestones, each changeable while it is still planned. */
export function EditorMilestones({ programme }: { programme: ProgrammeView }) {
  const t = useT();
  return (
    <>
      <h2 className="govuk-heading-l">{t('editor.milestones.heading')}</h2>
      <p className="govuk-body">{t('editor.milestones.intro')}</p>
      {programme.milestones.length === 0 ? (
        <EmptyState>{t('editor.milestones.none')}</EmptyState>
      ) : (
        <Table
          caption={t('editor.milestones.caption')}
          captionSize="hidden"
          columns={[
            { header: t('programme.milestones.title') },
            { header: t('programme.milestones.site') },
            { header: t('programme.milestones.due') },
            { header: t('programme.milestones.value'), numeric: true },
            { header: t('programme.milestones.state') },
            { header: <span className="govuk-visually-hidden">{t('editor.actions')}</span> },
          ]}
          rows={programme.milestones.map((milestone) => ({
            key: milestone.id,
            cells: [
              milestone.title,
              milestone.siteName ?? t('programme.milestones.hub'),
              milestone.dueOn === null ? '–' : formatDate(milestone.dueOn, t.locale),
              <Fragment key="value">
                {formatPounds(milestone.valuePence)}
                {milestone.aboveDelegationLimit && (
                  <span className="govuk-!-display-block govuk-!-margin-top-1">
                    <Tag colour="orange">{t('money.aboveLimit')}</Tag>
                  </span>
                )}
              </Fragment>,
              <StateTag key="state" kind="milestone" state={milestone.state} />,
              milestone.state === 'planned' ? (
                <Link
                  key="change"
                  className="govuk-link"
                  to={`/programmes/${programme.id}/milestones/${milestone.id}/edit?from=editor`}
                >
                  {t('editor.change')}
                  <span className="govuk-visually-hidden"> {milestone.title}</span>
                </Link>
              ) : (
                ''
              ),
            ],
          }))}
        />
      )}
      <p className="govuk-body">
        <Link className="govuk-link" to={`/programmes/${programme.id}/milestones/new?from=editor`}>
          {t('programme.milestones.add')}
        </Link>
      </p>
    </>
  );
}

const ROLE_FIELDS = ['title', 'siteId'] as const;

/** The proposal's paid roles, and a short form to add one at one of its sites. */
export function EditorPaidRoles({
  programme,
  onNotice,
}: {
  programme: ProgrammeView;
  onNotice: (notice: string) => void;
}) {
  const t = useT();
  const trpc = useTRPC();
  const refresh = useRefreshWorkflows();
  const errors = useFormErrors(ROLE_FIELDS);
  const create = useMutation(
    trpc.paidRole.create.mutationOptions({
      onError: (error) => errors.failWith(readError(error, t('state.unreachable'))),
    }),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const title = String(form.get('title') ?? '').trim();
    const siteId = String(form.get('siteId') ?? '');
    const problems: Record<string, string> = {};
    if (title.length < 3) problems.title = t('editor.paidRoles.error.title');
    if (siteId === '') problems.siteId = t('editor.paidRoles.error.site');
    if (Object.keys(problems).length > 0) {
      errors.fail(problems);
      return;
    }
    errors.clear();
    create.mutate(
      { programmeId: programme.id, title, siteId },
      {
        onSuccess: async () => {
          formElement.reset();
          await refresh();
          onNotice(t('editor.paidRoles.added', { title }));
        },
      },
    );
  };

  return (
    <>
      <h2 className="govuk-heading-l">{t('editor.paidRoles.heading')}</h2>
      <p className="govuk-body">{t('editor.paidRoles.intro')}</p>
      {programme.paidRoles.length === 0 ? (
        <EmptyState>{t('editor.paidRoles.none')}</EmptyState>
      ) : (
        <Table
          caption={t('editor.paidRoles.caption')}
          captionSize="hidden"
          columns={[
            { header: t('programme.paidRoles.title') },
            { header: t('programme.paidRoles.site') },
            { header: t('programme.paidRoles.state') },
          ]}
          rows={programme.paidRoles.map((role) => ({
            key: role.id,
            cells: [
              role.title,
              role.siteName,
              <StateTag key="state" kind="paidRole" state={role.state} />,
            ],
          }))}
        />
      )}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {programme.sites.length === 0 ? (
            <p className="govuk-body">{t('editor.paidRoles.needSites')}</p>
          ) : (
            <form noValidate onSubmit={submit} className="app-inline-form">
              <h3 className="govuk-heading-m">{t('editor.paidRoles.add')}</h3>
              {errors.summaryItems
                .filter((item) => item.fieldId === undefined)
                .map((item) => (
                  <p key={item.text} className="govuk-error-message" role="alert">
                    {item.text}
                  </p>
                ))}
              <TextInput
                name="title"
                id="paid-role-title"
                label={t('editor.paidRoles.title')}
                hint={t('editor.paidRoles.titleHint')}
                error={errors.fieldErrors.title}
              />
              <Select
                name="siteId"
                id="paid-role-site"
                label={t('editor.paidRoles.site')}
                error={errors.fieldErrors.siteId}
                options={[
                  { value: '', text: t('editor.paidRoles.chooseSite') },
                  ...programme.sites.map((site) => ({
                    value: site.organisationId,
                    text: site.name,
                  })),
                ]}
              />
              <Button variant="secondary" pending={create.isPending}>
                {t('editor.paidRoles.submit')}
              </Button>
            </form>
          )}
        </div>
      </div>
    </>
  );
}
