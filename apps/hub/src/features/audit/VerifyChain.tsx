import {
  Button,
  ErrorState,
  formatDateTime,
  LoadingState,
  NotificationBanner,
  readError,
  useTRPC,
} from '@coproduce/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useT } from '../../i18n.ts';
import { useActionLabel } from './action-label.ts';

/** Re-computes every hash of the network's chain on the server and reports the first break. */
export function VerifyChain() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const actionLabel = useActionLabel();
  const verify = useMutation(
    trpc.audit.verify.mutationOptions({
      // The check is itself recorded, so the list has a new entry.
      onSuccess: () => queryClient.invalidateQueries(trpc.audit.list.pathFilter()),
    }),
  );

  const result = verify.data;
  return (
    <section className="app-card govuk-!-margin-bottom-6" aria-labelledby="verify-chain-heading">
      <h2 className="govuk-heading-m" id="verify-chain-heading">
        {t('audit.verify.heading')}
      </h2>
      <p className="govuk-body">{t('audit.verify.body')}</p>
      <Button type="button" pending={verify.isPending} onClick={() => verify.mutate({})}>
        {t('audit.verify.button')}
      </Button>
      {verify.isPending && <LoadingState label={t('audit.verify.running')} />}
      {verify.isError && (
        <ErrorState message={readError(verify.error, t('state.unreachable')).message} />
      )}
      {result !== undefined &&
        !verify.isPending &&
        (result.intact || result.firstBroken === null ? (
          <NotificationBanner
            type="success"
            heading={t.plural('audit.verify.intact', result.entriesChecked)}
          >
            <p className="govuk-body">{t('audit.verify.intactBody')}</p>
          </NotificationBanner>
        ) : (
          <NotificationBanner
            alert
            heading={t('audit.verify.broken', { seq: result.firstBroken.seq })}
          >
            <p className="govuk-body">
              {t('audit.verify.brokenBody', {
                seq: result.firstBroken.seq,
                action: actionLabel(result.firstBroken.action),
                at: formatDateTime(result.firstBroken.at, t.locale),
                reason: result.firstBroken.reason,
              })}
            </p>
          </NotificationBanner>
        ))}
    </section>
  );
}
