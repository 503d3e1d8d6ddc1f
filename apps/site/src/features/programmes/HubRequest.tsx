import { formatDate, InsetText, latestRequest, type Transition } from '@coproduce/ui';
import { useT } from '../../i18n.ts';

/** Steps in which the hub (or a funder) asks a site for something, with a reason. */
const ASKS = ['REQUEST_CHANGES', 'SEND_BACK_RETURN', 'SUSPEND'];
/** Steps that answer such a request. */
const ANSWERS = ['RESUBMIT', 'SUBMIT_RETURN', 'RESUME'];

/** The latest thing the hub asked for, in plain words, while it is still unanswered. */
export function HubRequest({ transitions }: { transitions: readonly Transition[] }) {
  const t = useT();
  const request = latestRequest(transitions, ASKS, ANSWERS);
  if (request === null || request.answered !== null) return null;
  return (
    <InsetText>
      <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
        {t('request.heading')}
      </p>
      <p className="govuk-body govuk-!-margin-bottom-1">{request.step.reason}</p>
      <p className="govuk-body-s govuk-!-margin-bottom-0">
        {t('request.byline', {
          name: request.step.actor?.name ?? t('request.theHub'),
          date: formatDate(request.step.at, t.locale),
        })}
      </p>
    </InsetText>
  );
}
