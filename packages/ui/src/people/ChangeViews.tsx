import { useMutation, useQuery } from '@tanstack/react-query';
import type { FormEvent, ReactNode } from 'react';
import { Link } from 'react-router';
import { BackLink } from '../components/BackLink.tsx';
import { Button, ButtonGroup } from '../components/Button.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Page } from '../components/Page.tsx';
import { Radios } from '../components/Radios.tsx';
import { ErrorState, LoadingState } from '../components/States.tsx';
import { WarningText } from '../components/WarningText.tsx';
import { fieldValue, useFormErrors } from '../forms/use-form-errors.ts';
import { useUiT } from '../i18n/ui-translate.ts';
import { readError } from '../trpc/errors.ts';
import { useTRPC } from '../trpc/trpc.ts';
import type { MemberList, Role } from '../trpc/types.ts';
import { usePeopleChangeDone } from './use-people-change.ts';
import { usePeopleViewLink } from './view-link.ts';

function useBackToOverview(): ReactNode {
  const t = useUiT();
  const link = usePeopleViewLink();
  return <BackLink to={link({ kind: 'overview' })}>{t('common.back')}</BackLink>;
}

/** A link that no longer matches anything (already removed, or mistyped). */
function Gone({ title }: { title: string }) {
  const t = useUiT();
  const link = usePeopleViewLink();
  return (
    <Page width="two-thirds" title={title} backLink={useBackToOverview()}>
      <p className="govuk-body">{t('people.gone')}</p>
      <p className="govuk-body">
        <Link className="govuk-link" to={link({ kind: 'overview' })}>
          {t('people.backToList')}
        </Link>
      </p>
    </Page>
  );
}

const GRANT_FIELDS = ['role'] as const;
const NO_FIELDS: readonly string[] = [];

export function GrantRoleView({ list, personId }: { list: MemberList; personId: string }) {
  const t = useUiT();
  const trpc = useTRPC();
  const link = usePeopleViewLink();
  const done = usePeopleChangeDone();
  const errors = useFormErrors(GRANT_FIELDS);
  const backLink = useBackToOverview();
  const memberships = list.members.filter((member) => member.personId === personId);
  const person = memberships[0];

  const grant = useMutation(
    trpc.membership.grant.mutationOptions({
      onSuccess: (_, input) =>
        done(t('people.grant.done', { name: person?.name ?? '', role: t(`role.${input.role}`) })),
      onError: (error) => errors.failWith(readError(error, t('state.unreachable'))),
    }),
  );

  if (person === undefined) return <Gone title={t('people.grant.titleUnknown')} />;

  const held = new Set(memberships.map((membership) => membership.role));
  const available = list.assignableRoles.filter((role) => !held.has(role));
  const title = t('people.grant.title', { name: person.name });

  if (available.length === 0) {
    return (
      <Page width="two-thirds" title={title} backLink={backLink}>
        <p className="govuk-body">{t('people.grant.none', { name: person.name })}</p>
      </Page>
    );
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const role = fieldValue(new FormData(event.currentTarget), 'role');
    if (role === '') {
      errors.fail({ role: t('people.grant.error.roleMissing') });
      return;
    }
    grant.mutate({ organisationId: list.organisation.id, personId, role: role as Role });
  };

  return (
    <Page
      width="two-thirds"
      title={title}
      hasErrors={errors.hasErrors}
      backLink={backLink}
      beforeHeading={
        errors.hasErrors && <ErrorSummary errors={errors.summaryItems} attempt={errors.attempt} />
      }
    >
      <p className="govuk-body">
        {t('people.grant.current', {
          name: person.name,
          roles: memberships.map((membership) => t(`role.${membership.role}`)).join(', '),
        })}
      </p>
      <form noValidate onSubmit={submit}>
        <Radios
          name="role"
          legend={t('people.grant.legend')}
          error={errors.fieldErrors.role}
          items={available.map((role) => ({
            value: role,
            text: t(`role.${role}`),
            hint: t(`roleHint.${role}`),
          }))}
        />
        <ButtonGroup>
          <Button pending={grant.isPending}>{t('people.grant.submit')}</Button>
          <Link className="govuk-link" to={link({ kind: 'overview' })}>
            {t('common.cancel')}
          </Link>
        </ButtonGroup>
      </form>
    </Page>
  );
}

export function RevokeMembershipView({
  list,
  membershipId,
}: {
  list: MemberList;
  membershipId: string;
}) {
  const t = useUiT();
  const trpc = useTRPC();
  const link = usePeopleViewLink();
  const done = usePeopleChangeDone();
  const errors = useFormErrors(NO_FIELDS);
  const backLink = useBackToOverview();
  const member = list.members.find((candidate) => candidate.membershipId === membershipId);

  const revoke = useMutation(
    trpc.membership.revoke.mutationOptions({
      onSuccess: () =>
        done(
          t('people.revoke.done', {
            name: member?.name ?? '',
            role: member === undefined ? '' : t(`role.${member.role}`),
          }),
        ),
      onError: (error) => errors.failWith(readError(error, t('state.unreachable'))),
    }),
  );

  if (member === undefined) return <Gone title={t('people.revoke.titleUnknown')} />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    revoke.mutate({ membershipId });
  };

  return (
    <Page
      width="two-thirds"
      title={t('people.revoke.title', { name: member.name, role: t(`role.${member.role}`) })}
      hasErrors={errors.hasErrors}
      backLink={backLink}
      beforeHeading={
        errors.hasErrors && <ErrorSummary errors={errors.summaryItems} attempt={errors.attempt} />
      }
    >
      <WarningText>
        {t('people.revoke.warning', { name: member.name, organisation: list.organisation.name })}
      </WarningText>
      <form noValidate onSubmit={submit}>
        <ButtonGroup>
          <Button variant="warning" pending={revoke.isPending}>
            {t('people.revoke.submit')}
          </Button>
          <Link className="govuk-link" to={link({ kind: 'overview' })}>
            {t('common.cancel')}
          </Link>
        </ButtonGroup>
      </form>
    </Page>
  );
}

export function RevokeInvitationView({
  list,
  invitationId,
}: {
  list: MemberList;
  invitationId: string;
}) {
  const t = useUiT();
  const trpc = useTRPC();
  const link = usePeopleViewLink();
  const done = usePeopleChangeDone();
  const errors = useFormErrors(NO_FIELDS);
  const backLink = useBackToOverview();
  const invitations = useQuery(
    trpc.invitation.list.queryOptions({ organisationId: list.organisation.id }),
  );
  const invitation = invitations.data?.invitations.find(
    (candidate) => candidate.id === invitationId,
  );

  const revoke = useMutation(
    trpc.invitation.revoke.mutationOptions({
      onSuccess: () => done(t('people.revokeInvitation.done', { email: invitation?.email ?? '' })),
      onError: (error) => errors.failWith(readError(error, t('state.unreachable'))),
    }),
  );

  if (invitations.isPending) {
    return (
      <Page
        width="two-thirds"
        title={t('people.revokeInvitation.titleUnknown')}
        backLink={backLink}
      >
        <LoadingState />
      </Page>
    );
  }
  if (invitations.isError) {
    return (
      <Page
        width="two-thirds"
        title={t('people.revokeInvitation.titleUnknown')}
        backLink={backLink}
      >
        <ErrorState message={readError(invitations.error, t('state.unreachable')).message} />
      </Page>
    );
  }
  if (invitation === undefined || invitation.status !== 'pending') {
    return <Gone title={t('people.revokeInvitation.titleUnknown')} />;
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    revoke.mutate({ invitationId });
  };

  return (
    <Page
      width="two-thirds"
      title={t('people.revokeInvitation.title', { email: invitation.email })}
      hasErrors={errors.hasErrors}
      backLink={backLink}
      beforeHeading={
        errors.hasErrors && <ErrorSummary errors={errors.summaryItems} attempt={errors.attempt} />
      }
    >
      <p className="govuk-body">{t('people.revokeInvitation.body')}</p>
      <form noValidate onSubmit={submit}>
        <ButtonGroup>
          <Button variant="warning" pending={revoke.isPending}>
            {t('people.revokeInvitation.submit')}
          </Button>
          <Link className="govuk-link" to={link({ kind: 'overview' })}>
            {t('common.cancel')}
          </Link>
        </ButtonGroup>
      </form>
    </Page>
  );
}
