import {
  Button,
  ButtonGroup,
  type ClaimStatement,
  readError,
  TextInput,
  useIdempotencyKeys,
  useTRPC,
} from '@coproduce/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useClaimsT } from './i18n.ts';

/**
 * Records that a funder has paid its statement, with the bank or remittance reference; once
 * every funder has paid, the claim is settled. One idempotency key per reference typed.
 */
export function RecordPaymentForm({
  claimId,
  statement,
  onCancel,
  onDone,
}: {
  claimId: string;
  statement: ClaimStatement;
  onCancel: () => void;
  onDone: () => void;
}) {
  const t = useClaimsT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useIdempotencyKeys();
  const [error, setError] = useState<string | null>(null);
  const record = useMutation(trpc.claim.recordSettlement.mutationOptions());
  const funder = statement.funderName;
  const fieldId = `reference-${statement.funderOrganisationId}`;
  const form = useRef<HTMLFormElement>(null);

  // Opening the form moves focus into it, so keyboard and screen-reader users land where to type.
  useEffect(() => {
    form.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reference = String(new FormData(event.currentTarget).get(fieldId) ?? '').trim();
    if (reference === '') {
      setError(t('claim.statements.referenceMissing', { funder }));
      return;
    }
    setError(null);
    const request = { claimId, funderOrganisationId: statement.funderOrganisationId, reference };
    record.mutate(
      { ...request, idempotencyKey: keys.keyFor(request) },
      {
        onSuccess: async () => {
          keys.done();
          await queryClient.invalidateQueries(trpc.claim.pathFilter());
          onDone();
        },
        onError: (failure) => {
          const read = readError(failure, t('state.unreachable'));
          setError(read.fieldErrors.reference?.[0] ?? read.message);
        },
      },
    );
  };

  return (
    <form noValidate onSubmit={submit} className="app-actions-panel" ref={form}>
      <h3 className="govuk-heading-m">{t('claim.statements.recordFor', { funder })}</h3>
      <TextInput
        name={fieldId}
        label={t('claim.statements.referenceLabel', { funder })}
        hint={t('claim.statements.referenceHint')}
        autoComplete="off"
        spellCheck={false}
        error={error ?? undefined}
      />
      <ButtonGroup>
        <Button pending={record.isPending}>{t('claim.statements.submit')}</Button>
        <button type="button" className="app-link-button govuk-body" onClick={onCancel}>
          {t('claim.statements.cancel')}
        </button>
      </ButtonGroup>
    </form>
  );
}
