import {
  Button,
  formatDate,
  NotificationBanner,
  Radios,
  readError,
  useActiveMembership,
  useTRPC,
  WarningText,
} from '@coproduce/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { mayUse } from '../../app/navigation.ts';
import { Term } from '../glossary/Term.tsx';
import { type SafeguardingT, useSafeguardingT } from './safeguarding-t.ts';

const ACTIONS = ['contacted-participant', 'referred', 'safeguarding-lead-informed'] as const;
type RiskAction = (typeof ACTIONS)[number];

interface RiskFlag {
  readonly id: string;
  readonly participantId: string;
  readonly code: string;
  readonly recordedOn: string;
}

/**
 * PHQ-9 answers that raised a safeguarding risk and nobody has acted on yet: at the very top of
 * the home page, with who to call, each participant (by code) and a form to record what was
 * done. It goes away only when every flag has been acted on.
 */
export function RiskBanner({ onDone }: { onDone: (notice: string) => void }) {
  const t = useSafeguardingT();
  const trpc = useTRPC();
  const membership = useActiveMembership();
  const risks = useQuery(
    trpc.questionnaire.openRisks.queryOptions({ siteId: membership.organisation.id }),
  );
  if (risks.data === undefined || risks.data.flags.length === 0) return null;
  const { flags, contact } = risks.data;
  return (
    <NotificationBanner heading={t.plural('risk.heading', flags.length)} alert={false}>
      <p className="govuk-body">
        {t('risk.whyBefore')} <Term id="safeguarding">{t('risk.whyTerm')}</Term>{' '}
        {t('risk.whyAfter')}
      </p>
      {contact.name !== null && contact.phone !== null ? (
        <WarningText>
          {t('risk.call', { name: contact.name })}{' '}
          <a className="govuk-link" href={`tel:${contact.phone.replace(/[^0-9+]/g, '')}`}>
            {contact.phone}
          </a>
        </WarningText>
      ) : (
        <WarningText>
          {t('risk.noContact')}{' '}
          {mayUse(membership.role, 'organisation.updateSafeguardingContact')
            ? t('risk.noContactLead')
            : t('risk.noContactOther')}
        </WarningText>
      )}
      <ul className="govuk-list">
        {flags.map((flag) => (
          <li key={flag.id} className="govuk-!-margin-bottom-6">
            <RiskFlagItem t={t} flag={flag} onDone={onDone} />
          </li>
        ))}
      </ul>
    </NotificationBanner>
  );
}

function RiskFlagItem({
  t,
  flag,
  onDone,
}: {
  t: SafeguardingT;
  flag: RiskFlag;
  onDone: (notice: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | undefined>();
  const acknowledge = useMutation(
    trpc.questionnaire.acknowledgeRisk.mutationOptions({
      onSuccess: async () => {
        onDone(t('risk.done', { code: flag.code }));
        await queryClient.invalidateQueries(trpc.questionnaire.openRisks.pathFilter());
      },
      onError: (failure) => setError(readError(failure, t('state.unreachable')).message),
    }),
  );
  const name = `risk-${flag.id}`;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const action = new FormData(event.currentTarget).get(name);
    if (!ACTIONS.includes(action as RiskAction)) {
      setError(t('risk.error.action'));
      return;
    }
    setError(undefined);
    acknowledge.mutate({ responseId: flag.id, action: action as RiskAction });
  };
  return (
    <>
      <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-2">
        <Link
          className="govuk-notification-banner__link"
          to={`/participants/${flag.participantId}`}
        >
          {t('risk.participant', {
            code: flag.code,
            date: formatDate(flag.recordedOn, t.locale),
          })}
        </Link>
      </p>
      <form noValidate onSubmit={submit}>
        <Radios
          name={name}
          legend={t('risk.action', { code: flag.code })}
          legendSize="s"
          small
          error={error}
          items={ACTIONS.map((action) => ({ value: action, text: t(`risk.action.${action}`) }))}
        />
        <Button variant="secondary" pending={acknowledge.isPending}>
          {t('risk.record')}
          <span className="govuk-visually-hidden"> {t('risk.recordFor', { code: flag.code })}</span>
        </Button>
      </form>
    </>
  );
}
