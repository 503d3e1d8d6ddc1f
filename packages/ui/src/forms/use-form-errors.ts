import { useCallback, useMemo, useState } from 'react';
import type { ErrorSummaryItem } from '../components/ErrorSummary.tsx';
import { firstFieldErrors, type ReadError } from '../trpc/errors.ts';

interface State {
  readonly fields: Readonly<Record<string, string>>;
  readonly form: string | null;
  readonly attempt: number;
}

/**
 * The errors of one form: a message per field (shown beside it) and, for a refusal that is not
 * about one field, a message for the form. `attempt` counts failed submits so the error
 * summary takes focus again each time.
 */
export function useFormErrors(fieldOrder: readonly string[]) {
  const [state, setState] = useState<State>({ fields: {}, form: null, attempt: 0 });

  const fail = useCallback((fields: Record<string, string>, form: string | null = null) => {
    setState((previous) => ({ fields, form, attempt: previous.attempt + 1 }));
  }, []);

  /** A server refusal: its field messages beside the fields, otherwise its message. */
  const failWith = useCallback(
    (error: ReadError) => {
      const fields = firstFieldErrors(error);
      const known = Object.keys(fields).some((field) => fieldOrder.includes(field));
      fail(fields, known ? null : error.message);
    },
    [fail, fieldOrder],
  );

  const clear = useCallback(() => {
    setState((previous) => ({ fields: {}, form: null, attempt: previous.attempt }));
  }, []);

  const summaryItems = useMemo<ErrorSummaryItem[]>(() => {
    const items: ErrorSummaryItem[] = state.form === null ? [] : [{ text: state.form }];
    for (const field of fieldOrder) {
      const text = state.fields[field];
      if (text !== undefined) items.push({ fieldId: field, text });
    }
    for (const [field, text] of Object.entries(state.fields)) {
      if (!fieldOrder.includes(field)) items.push({ text });
    }
    return items;
  }, [state, fieldOrder]);

  return {
    fieldErrors: state.fields,
    summaryItems,
    attempt: state.attempt,
    hasErrors: summaryItems.length > 0,
    fail,
    failWith,
    clear,
  };
}

/** The trimmed text of a form field (empty when absent). */
export function fieldValue(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** A password is taken exactly as typed. */
export function rawFieldValue(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
