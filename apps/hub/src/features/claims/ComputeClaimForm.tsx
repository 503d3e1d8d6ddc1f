import {
  Button,
  type ClaimListView,
  formatDate,
  type ProgrammeView,
  readError,
  TextInput,
  todayIso,
  type useFormErrors,
  useIdempotencyKeys,
  useTRPC,
} from '@coproduce/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useClaimsT } from './i18n.ts';
import { readPeriod, suggestPeriod } from './period.ts';

export type ClaimSummary = ClaimListView['claims'][number];

export const PERIOD_FIELDS = ['periodStart', 'periodEnd'] as const;

/**
 * Computes a claim for a period (by default the earliest reporting period that has ended and is
 * not claimed yet), then opens it. One idempotency key per period asked for, so a double click
 * or a retry computes it once.
 */
export function ComputeClaimForm({
  programme,
  claims,
  errors,
}: {
  programme: ProgrammeView;
  claims: readonly ClaimSummary[];
  errors: ReturnType<typeof useFormErrors>;
}) {
  const t = useClaimsT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const keys = useIdempotencyKeys();
  const compute = useMutation(trpc.claim.compute.mutationOptions());
  const suggested = suggestPeriod(programme.periods, claims, todayIso());

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const { period, problems } = readPeriod(
      String(form.get('periodStart') ?? ''),
      String(form.get('periodEnd') ?? ''),
    );
    if (period === null) {
      errors.fail(
        Object.fromEntries(
          Object.entries(problems).map(([field, key]) => [field, t(`claims.compute.error.${key}`)]),
        ),
      );
      return;
    }
    errors.clear();
    const request = { programmeId: programme.id, ...period };
    compute.mutate(
      { ...request, idempotencyKey: keys.keyFor(request) },
      {
        onSuccess: async (claim) => {
          keys.done();
          await queryClient.invalidateQueries(trpc.claim.pathFilter());
          await navigate(`/claims/${claim.claimId}`, {
            state: {
              notice: t('claims.compute.done', {
                from: formatDate(period.periodStart, t.locale),
                to: formatDate(period.periodEnd, t.locale),
              }),
            },
          });
        },
        onError: (error) => errors.failWith(readError(error, t('state.unreachable'))),
      },
    );
  };

  return (
    <section aria-labelledby="compute-claim" className="app-actions-panel">
      <h2 className="govuk-heading-m" id="compute-claim">
        {t('claims.compute.heading')}
      </h2>
      <p className="govuk-body">{t('claims.compute.intro')}</p>
      <form noValidate onSubmit={submit}>
        <TextInput
          name="periodStart"
          type="date"
          label={t('claims.compute.periodStart')}
          hint={t('claims.compute.dateHint')}
          defaultValue={suggested?.periodStart ?? ''}
          error={errors.fieldErrors.periodStart}
        />
        <TextInput
          name="periodEnd"
          type="date"
          label={t('claims.compute.periodEnd')}
          hint={t('claims.compute.dateHint')}
          defaultValue={suggested?.periodEnd ?? ''}
          error={errors.fieldErrors.periodEnd}
        />
        <Button pending={compute.isPending}>{t('claims.compute.submit')}</Button>
      </form>
    </section>
  );
}
