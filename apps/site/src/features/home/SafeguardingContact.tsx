import {
  Button,
  ButtonGroup,
  ErrorSummary,
  fieldValue,
  readError,
  SummaryList,
  TextInput,
  useActiveMembership,
  useFormErrors,
  useTRPC,
} from '@coproduce/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Term } from '../glossary/Term.tsx';
import { useSafeguardingT } from './safeguarding-t.ts';

const FIELDS = ['name', 'phone'] as const;
const PHONE = /^[0-9+() -]{6,30}$/;

/** The site lead's setting: who staff call when a questionnaire raises a safeguarding risk. */
export function SafeguardingContact({ onDone }: { onDone: (notice: string) => void }) {
  const t = useSafeguardingT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const membership = useActiveMembership();
  const organisations = useQuery(trpc.organisation.list.queryOptions());
  const contact =
    organisations.data?.organisations.find((o) => o.id === membership.organisation.id)
      ?.safeguardingContact ?? null;
  const [editing, setEditing] = useState(false);
  const errors = useFormErrors(FIELDS);
  const save = useMutation(
    trpc.organisation.updateSafeguardingContact.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries(trpc.organisation.list.pathFilter()),
          queryClient.invalidateQueries(trpc.questionnaire.openRisks.pathFilter()),
        ]);
        setEditing(false);
        onDone(t('contact.saved'));
      },
      onError: (error) => errors.failWith(readError(error, t('state.unreachable'))),
    }),
  );
  if (organisations.data === undefined) return null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = fieldValue(form, 'name');
    const phone = fieldValue(form, 'phone');
    const problems: Record<string, string> = {};
    if (name === '') problems.name = t('contact.error.name');
    if (!PHONE.test(phone)) problems.phone = t('contact.error.phone');
    if (Object.keys(problems).length > 0) {
      errors.fail(problems);
      return;
    }
    errors.clear();
    save.mutate({ organisationId: membership.organisation.id, name, phone });
  };

  const showForm = editing || contact === null;
  return (
    <section aria-labelledby="safeguarding-contact" className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m" id="safeguarding-contact">
        {t('contact.heading')}
      </h2>
      <p className="govuk-body">
        {t('contact.introBefore')} <Term id="safeguarding">{t('contact.introTerm')}</Term>{' '}
        {t('contact.introAfter')}
      </p>
      {contact !== null && !editing && (
        <>
          <SummaryList
            rows={[
              { key: t('contact.name'), value: contact.name },
              { key: t('contact.phone'), value: contact.phone },
            ]}
          />
          <Button type="button" variant="secondary" onClick={() => setEditing(true)}>
            {t('contact.change')}
          </Button>
        </>
      )}
      {showForm && (
        <form noValidate onSubmit={submit}>
          {errors.hasErrors && (
            <ErrorSummary errors={errors.summaryItems} attempt={errors.attempt} />
          )}
          {contact === null && <p className="govuk-body">{t('contact.none')}</p>}
          <TextInput
            name="name"
            label={t('contact.name')}
            autoComplete="off"
            defaultValue={contact?.name ?? ''}
            error={errors.fieldErrors.name}
          />
          <TextInput
            name="phone"
            type="tel"
            label={t('contact.phone')}
            autoComplete="off"
            width="20"
            defaultValue={contact?.phone ?? ''}
            error={errors.fieldErrors.phone}
          />
          <ButtonGroup>
            <Button pending={save.isPending}>{t('contact.save')}</Button>
            {contact !== null && (
              <Button type="button" variant="secondary" onClick={() => setEditing(false)}>
                {t('contact.cancel')}
              </Button>
            )}
          </ButtonGroup>
        </form>
      )}
    </section>
  );
}
