import {
  BackLink,
  Button,
  ButtonGroup,
  ErrorState,
  ErrorSummary,
  formatDate,
  LoadingState,
  NotificationBanner,
  Page,
  readError,
  SummaryList,
  Table,
  useActiveMembership,
  useFormErrors,
  useNotice,
  useSession,
  useTRPC,
} from '@coproduce/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { mayUse } from '../../app/navigation.ts';
import { attendanceWords, isAttendance, type SessionsT, useSessionsT } from './i18n.ts';
import { Register, type RegisterMarks, registerFieldId } from './Register.tsx';
import { useSiteProgrammes } from './session-data.ts';

type SessionView = {
  sessionId: string;
  programmeId: string;
  heldOn: string;
  kind: 'assessment' | 'treatment' | 'group' | 'follow-up';
  title: string;
  durationMinutes: number;
  practitionerId: string;
  practitionerName: string;
  register: { participantId: string; code: string; name: string | null; status: string }[];
};

/** One session: what it was, who delivered it, and its register, which can be corrected. */
export function SessionPage() {
  const t = useSessionsT();
  const trpc = useTRPC();
  const { sessionId = '' } = useParams();
  const session = useQuery(trpc.deliverySession.get.queryOptions({ sessionId }));
  const [notice, setNotice] = useNotice();
  const backLink = <BackLink to="/sessions">{t('session.back')}</BackLink>;

  if (session.isPending || session.isError) {
    return (
      <Page title={t('session.title')} backLink={backLink}>
        {session.isError ? (
          <ErrorState
            message={readError(session.error, t('state.unreachable')).message}
            onRetry={() => void session.refetch()}
          />
        ) : (
          <LoadingState label={t('session.loading')} />
        )}
      </Page>
    );
  }
  const kind = t(`sessionKind.${session.data.kind}`);
  return (
    <Page
      title={session.data.title || t('sessions.item.untitled', { kind })}
      caption={formatDate(session.data.heldOn, t.locale)}
      backLink={backLink}
      beforeHeading={
        notice !== null && <NotificationBanner key={notice} type="success" heading={notice} />
      }
    >
      <SessionContent t={t} session={session.data} onNotice={setNotice} />
    </Page>
  );
}

function SessionContent({
  t,
  session,
  onNotice,
}: {
  t: SessionsT;
  session: SessionView;
  onNotice: (notice: string) => void;
}) {
  const me = useSession();
  const membership = useActiveMembership();
  const programmes = useSiteProgrammes();
  const [editing, setEditing] = useState(false);
  const deliveredBy =
    session.practitionerId === me.person.id
      ? t('session.deliveredByYou')
      : session.practitionerName;
  const counts = (status: string) =>
    session.register.filter((entry) => entry.status === status).length;

  return (
    <>
      <h2 className="govuk-heading-m">{t('session.details')}</h2>
      <SummaryList
        rows={[
          {
            key: t('session.programme'),
            value:
              programmes.data?.find((programme) => programme.id === session.programmeId)?.name ??
              '',
          },
          { key: t('session.heldOn'), value: formatDate(session.heldOn, t.locale) },
          { key: t('session.kind'), value: t(`sessionKind.${session.kind}`) },
          {
            key: t('session.duration'),
            value: t('check.minutes', { minutes: session.durationMinutes }),
          },
          { key: t('session.deliveredBy'), value: deliveredBy },
        ]}
      />
      {editing ? (
        <EditRegister
          t={t}
          session={session}
          siteId={membership.organisation.id}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onNotice(t('session.registerSaved'));
          }}
        />
      ) : (
        <>
          {session.register.length === 0 ? (
            <>
              <h2 className="govuk-heading-m">{t('session.register')}</h2>
              <p className="govuk-body">{t('session.registerEmpty')}</p>
            </>
          ) : (
            <>
              <Table
                caption={t('session.register')}
                columns={[{ header: t('session.person') }, { header: t('session.attendance') }]}
                rows={session.register.map((entry) => ({
                  key: entry.participantId,
                  cells: [
                    <span key="person">
                      {entry.name ?? t('session.nameRemoved')}
                      <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">
                        {entry.code}
                      </span>
                    </span>,
                    attendanceWords(t, entry.status),
                  ],
                }))}
              />
              <p className="govuk-body">
                {t('session.registerSummary', {
                  attended: counts('attended'),
                  missed: counts('did-not-attend'),
                  cancelled: counts('cancelled'),
                })}
              </p>
            </>
          )}
          {mayUse(membership.role, 'deliverySession.updateRegister') && (
            <Button type="button" variant="secondary" onClick={() => setEditing(true)}>
              {t('session.changeRegister')}
            </Button>
          )}
        </>
      )}
    </>
  );
}

function EditRegister({
  t,
  session,
  siteId,
  onCancel,
  onSaved,
}: {
  t: SessionsT;
  session: SessionView;
  siteId: string;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [marks, setMarks] = useState<RegisterMarks>(() =>
    Object.fromEntries(
      session.register.flatMap((entry) =>
        isAttendance(entry.status)
          ? [
              [
                entry.participantId,
                { status: entry.status, label: entry.name ?? entry.code, code: entry.code },
              ],
            ]
          : [],
      ),
    ),
  );
  const errors = useFormErrors([registerFieldId()]);
  const update = useMutation(
    trpc.deliverySession.updateRegister.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries(
            trpc.deliverySession.get.queryFilter({ sessionId: session.sessionId }),
          ),
          queryClient.invalidateQueries(trpc.deliverySession.list.pathFilter()),
        ]);
        onSaved();
      },
      onError: (error) => {
        const read = readError(error, t('state.unreachable'));
        const messages = Object.values(read.fieldErrors).flatMap((list) => list.slice(0, 1));
        errors.fail({}, messages.length > 0 ? messages.join(' ') : read.message);
      },
    }),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const register = Object.entries(marks).map(([participantId, mark]) => ({
      participantId,
      status: mark.status,
    }));
    errors.clear();
    update.mutate({ sessionId: session.sessionId, register });
  };
  return (
    <section aria-labelledby="edit-register">
      {errors.hasErrors && <ErrorSummary errors={errors.summaryItems} attempt={errors.attempt} />}
      <h2 className="govuk-heading-m" id="edit-register">
        {t('session.changeRegister')}
      </h2>
      <form noValidate onSubmit={submit}>
        <Register
          siteId={siteId}
          programmeId={session.programmeId}
          marks={marks}
          onChange={setMarks}
        />
        <ButtonGroup>
          <Button pending={update.isPending}>{t('session.saveRegister')}</Button>
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t('session.cancelChange')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
