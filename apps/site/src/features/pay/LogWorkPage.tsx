import { formatPounds } from '@coproduce/domain';
import {
  BackLink,
  Button,
  ErrorSummary,
  fieldValue,
  Page,
  QueryStatus,
  Radios,
  readError,
  todayIso,
  useActiveMembership,
  useFormErrors,
  useIdempotencyKeys,
  useTRPC,
} from '@coproduce/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent, ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { dayWords, endedMonths, monthWords, rateMessage } from './pay-words.ts';
import { type PayT, usePayT } from './t.ts';
import type { LoggableSession, MyPaidRole, WorkMine } from './types.ts';

/** The server names these fields in its refusals, so its messages land beside them. */
const SESSION_FIELD = 'work.sessionId';
const MONTH_FIELD = 'work.month';
const FIELDS = [SESSION_FIELD, MONTH_FIELD] as const;
const ROLE_FIELDS = ['paidRoleId'] as const;

/** A practitioner logs a session they ran (or, for a monthly role, a month) under their role. */
export function LogWorkPage() {
  const t = usePayT();
  const trpc = useTRPC();
  const membership = useActiveMembership();
  const work = useQuery(trpc.workLog.mine.queryOptions({}));
  const [params] = useSearchParams();
  const chosenRoleId = params.get('role');
  const backLink = <BackLink to="/pay">{t('log.back')}</BackLink>;
  const caption = membership.organisation.name;

  if (!work.isSuccess) {
    return (
      <Page title={t('log.title')} caption={caption} backLink={backLink}>
        <QueryStatus query={work} loading={t('log.loading')} />
      </Page>
    );
  }
  const roles = work.data.roles.filter((role) => role.canLog);
  if (roles.length === 0) {
    return (
      <Page title={t('log.title')} caption={caption} backLink={backLink}>
        <p className="govuk-body">{t('log.noRoles')}</p>
      </Page>
    );
  }
  const role = roles.length === 1 ? roles[0] : roles.find((r) => r.paidRoleId === chosenRoleId);
  if (role === undefined) {
    return <ChooseRole t={t} caption={caption} backLink={backLink} roles={roles} />;
  }
  return (
    <LogWorkForm
      key={role.paidRoleId}
      t={t}
      caption={caption}
      backLink={backLink}
      role={role}
      mine={work.data}
    />
  );
}

/** With more than one paid role, which one the work was for: a question on its own screen. */
function ChooseRole({
  t,
  caption,
  backLink,
  roles,
}: {
  t: PayT;
  caption: string;
  backLink: ReactNode;
  roles: readonly MyPaidRole[];
}) {
  const navigate = useNavigate();
  const errors = useFormErrors(ROLE_FIELDS);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = fieldValue(new FormData(event.currentTarget), 'paidRoleId');
    if (chosen === '') {
      errors.fail({ paidRoleId: t('log.role.error') });
      return;
    }
    errors.clear();
    void navigate({ search: `?role=${encodeURIComponent(chosen)}` });
  };
  return (
    <Page
      title={t('log.role')}
      caption={caption}
      backLink={backLink}
      width="two-thirds"
      hasErrors={errors.hasErrors}
      beforeHeading={
        errors.hasErrors && <ErrorSummary errors={errors.summaryItems} attempt={errors.attempt} />
      }
    >
      <form noValidate onSubmit={submit}>
        <Radios
          name="paidRoleId"
          legend={t('log.role')}
          legendSize="hidden"
          error={errors.fieldErrors.paidRoleId}
          items={roles.map((candidate) => {
            const rate = rateMessage(candidate.payBasis, candidate.payRatePence);
            return {
              value: candidate.paidRoleId,
              text: candidate.title,
              hint: `${candidate.programmeName}. ${t(rate.key, { amount: rate.amount })}`,
            };
          })}
        />
        <Button>{t('log.continue')}</Button>
      </form>
    </Page>
  );
}

function LogWorkForm({
  t,
  caption,
  backLink,
  role,
  mine,
}: {
  t: PayT;
  caption: string;
  backLink: ReactNode;
  role: MyPaidRole;
  mine: WorkMine;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const errors = useFormErrors(FIELDS);
  const keys = useIdempotencyKeys();
  const monthly = role.payBasis === 'monthly';

  const log = useMutation(
    trpc.workLog.log.mutationOptions({
      onSuccess: async () => {
        keys.done();
        await queryClient.invalidateQueries({ queryKey: trpc.workLog.mine.queryKey() });
        void navigate('/pay', { state: { notice: t(monthly ? 'log.doneMonth' : 'log.done') } });
      },
      onError: (error) => errors.failWith(readError(error, t('state.unreachable'))),
    }),
  );

  const sessions = mine.sessions.filter((session) => session.paidRoleId === role.paidRoleId);
  const loggedMonths = new Set(
    mine.logs
      .filter((entry) => entry.paidRoleId === role.paidRoleId && entry.month !== null)
      .map((entry) => entry.month?.slice(0, 7)),
  );
  const months = endedMonths(todayIso()).filter((month) => !loggedMonths.has(month));
  const nothingToLog = monthly ? months.length === 0 : sessions.length === 0;
  const rate = rateMessage(role.payBasis, role.payRatePence);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (log.isPending) return;
    const form = new FormData(event.currentTarget);
    const sessionId = fieldValue(form, SESSION_FIELD);
    const month = fieldValue(form, MONTH_FIELD);
    if (monthly ? month === '' : sessionId === '') {
      errors.fail(
        monthly
          ? { [MONTH_FIELD]: t('log.month.error') }
          : { [SESSION_FIELD]: t('log.session.error') },
      );
      return;
    }
    errors.clear();
    const input = {
      paidRoleId: role.paidRoleId,
      work: monthly ? { kind: 'month' as const, month } : { kind: 'session' as const, sessionId },
    };
    log.mutate({ ...input, idempotencyKey: keys.keyFor(input) });
  };

  return (
    <Page
      title={t(monthly ? 'log.titleMonth' : 'log.title')}
      caption={caption}
      backLink={backLink}
      width="two-thirds"
      hasErrors={errors.hasErrors}
      beforeHeading={
        errors.hasErrors && <ErrorSummary errors={errors.summaryItems} attempt={errors.attempt} />
      }
    >
      <p className="govuk-body">{t(monthly ? 'log.introMonth' : 'log.intro')}</p>
      <p className="govuk-body">
        <strong>{role.title}</strong>
        <br />
        {role.programmeName}
        <br />
        {t(rate.key, { amount: rate.amount })}
      </p>
      {nothingToLog ? (
        <p className="govuk-body">{t(monthly ? 'log.month.none' : 'log.session.none')}</p>
      ) : (
        <form noValidate onSubmit={submit}>
          {monthly ? (
            <Radios
              name={MONTH_FIELD}
              legend={t('log.month')}
              legendSize="m"
              hint={t('log.month.hint')}
              error={errors.fieldErrors[MONTH_FIELD]}
              items={months.map((month) => ({
                value: month,
                text: monthWords(`${month}-01`, t.locale),
              }))}
            />
          ) : (
            <Radios
              name={SESSION_FIELD}
              legend={t('log.session')}
              legendSize="m"
              hint={t('log.session.hint')}
              error={errors.fieldErrors[SESSION_FIELD]}
              items={sessions.map((session) => ({
                value: session.sessionId,
                text: dayWords(session.heldOn, t.locale),
                hint: sessionHint(t, session),
              }))}
            />
          )}
          <Button pending={log.isPending}>{t('log.submit')}</Button>
        </form>
      )}
    </Page>
  );
}

/** "Family session. 90 minutes. You will be paid £45.00." */
function sessionHint(t: PayT, session: LoggableSession): string {
  const parts: string[] = [];
  if (session.title) parts.push(session.title);
  if (session.durationMinutes !== null) {
    parts.push(t.plural('pay.sessions.minutes', session.durationMinutes));
  }
  if (session.amountPence !== null) {
    parts.push(t('log.session.amount', { amount: formatPounds(session.amountPence) }));
  }
  return parts.join('. ');
}
