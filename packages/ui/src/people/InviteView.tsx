import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { BackLink } from '../components/BackLink.tsx';
import { Button, ButtonGroup } from '../components/Button.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Page } from '../components/Page.tsx';
import { Radios } from '../components/Radios.tsx';
import { TextInput } from '../components/TextInput.tsx';
import { fieldValue, useFormErrors } from '../forms/use-form-errors.ts';
import { useUiT } from '../i18n/ui-translate.ts';
import { readError } from '../trpc/errors.ts';
import { useTRPC } from '../trpc/trpc.ts';
import type { MemberList, Role } from '../trpc/types.ts';
import { usePeopleChangeDone } from './use-people-change.ts';
import { usePeopleViewLink } from './view-link.ts';

const FIELDS = ['email', 'role'] as const;

export function InviteView({ list }: { list: MemberList }) {
  const t = useUiT();
  const trpc = useTRPC();
  const link = usePeopleViewLink();
  const done = usePeopleChangeDone();
  const errors = useFormErrors(FIELDS);

  const invite = useMutation(
    trpc.invitation.create.mutationOptions({
      onSuccess: (_, input) => done(t('people.invite.done', { email: input.email })),
      onError: (error) => errors.failWith(readError(error, t('state.unreachable'))),
    }),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = fieldValue(form, 'email');
    const role = fieldValue(form, 'role');
    const problems: Record<string, string> = {};
    if (email === '') problems.email = t('people.invite.error.emailMissing');
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      problems.email = t('people.invite.error.emailFormat');
    if (role === '') problems.role = t('people.invite.error.roleMissing');
    if (Object.keys(problems).length > 0) {
      errors.fail(problems);
      return;
    }
    invite.mutate({ organisationId: list.organisation.id, email, role: role as Role });
  };

  return (
    <Page
      width="two-thirds"
      title={t('people.invite.title', { organisation: list.organisation.name })}
      hasErrors={errors.hasErrors}
      backLink={<BackLink to={link({ kind: 'overview' })}>{t('common.back')}</BackLink>}
      beforeHeading={
        errors.hasErrors && <ErrorSummary errors={errors.summaryItems} attempt={errors.attempt} />
      }
    >
      <p className="govuk-body">{t('people.invite.intro')}</p>
      <form noValidate onSubmit={submit}>
        <TextInput
          name="email"
          type="email"
          label={t('people.invite.email')}
          autoComplete="off"
          spellCheck={false}
          error={errors.fieldErrors.email}
        />
        <Radios
          name="role"
          legend={t('people.invite.role')}
          error={errors.fieldErrors.role}
          items={list.assignableRoles.map((role) => ({
            value: role,
            text: t(`role.${role}`),
            hint: t(`roleHint.${role}`),
          }))}
        />
        <ButtonGroup>
          <Button pending={invite.isPending}>{t('people.invite.submit')}</Button>
          <Link className="govuk-link" to={link({ kind: 'overview' })}>
            {t('common.cancel')}
          </Link>
        </ButtonGroup>
      </form>
    </Page>
  );
}
