import { formatShare } from '@coproduce/domain';
import { useMutation } from '@tanstack/react-query';
import { Button } from '../components/Button.tsx';
import { formatDate } from '../i18n/format.ts';
import { readError } from '../trpc/errors.ts';
import { useTRPC } from '../trpc/trpc.ts';
import type { ProgrammeView } from './types.ts';
import { useRefreshWorkflows } from './use-workflow.ts';
import { useWorkflowT } from './words.ts';

/** While a proposal is with its reviewers, each co-funder signs off its own share. */
const SIGN_OFF_STATES: ReadonlySet<string> = new Set([
  'proposal.submitted',
  'proposal.inReview',
  'proposal.resubmitted',
]);

export function mustSignOff(
  programme: Pick<ProgrammeView, 'state' | 'funders'>,
  organisationId: string,
): boolean {
  const own = programme.funders.find((funder) => funder.organisationId === organisationId);
  return own !== undefined && own.signedOffAt === null && SIGN_OFF_STATES.has(programme.state);
}

/**
 * A commissioner's sign-off of their organisation's share: offered while it is due, confirmed
 * once given. Renders nothing for anyone whose organisation does not fund the programme.
 */
export function SignOffShare({
  programme,
  organisationId,
  headingLevel = 2,
  onDone,
}: {
  programme: Pick<ProgrammeView, 'id' | 'name' | 'state' | 'funders'>;
  organisationId: string;
  headingLevel?: 2 | 3;
  onDone: (organisationName: string) => void;
}) {
  const t = useWorkflowT();
  const trpc = useTRPC();
  const refresh = useRefreshWorkflows();
  const signOff = useMutation(
    trpc.programme.signOffShare.mutationOptions({
      onSettled: () => {
        void refresh();
      },
    }),
  );
  const own = programme.funders.find((funder) => funder.organisationId === organisationId);
  if (own === undefined) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  if (own.signedOffAt !== null) {
    return (
      <p className="govuk-body">
        {t('signOff.already', {
          organisation: own.name,
          date: formatDate(own.signedOffAt, t.locale),
        })}
      </p>
    );
  }
  if (!mustSignOff(programme, organisationId)) return null;
  const failure = signOff.isError ? readError(signOff.error, t('state.unreachable')) : null;
  return (
    <section className="app-actions">
      <Heading className="govuk-heading-s">{t('signOff.heading')}</Heading>
      {failure !== null && (
        <div className="govuk-error-summary" role="alert">
          <h3 className="govuk-error-summary__title">{t('errorSummary.title')}</h3>
          <div className="govuk-error-summary__body">
            <p className="govuk-body">{failure.message}</p>
          </div>
        </div>
      )}
      <p className="govuk-body">
        {t('signOff.body', { organisation: own.name, share: formatShare(own.shareBasisPoints) })}
      </p>
      <Button
        type="button"
        pending={signOff.isPending}
        onClick={() =>
          signOff.mutate({ programmeId: programme.id }, { onSuccess: () => onDone(own.name) })
        }
      >
        {t('signOff.button')}
        <span className="govuk-visually-hidden">
          {' '}
          {t('workflow.actions.for', { name: programme.name })}
        </span>
      </Button>
    </section>
  );
}
