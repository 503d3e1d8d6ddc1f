import { useCallback, useMemo, useState } from 'react';
import type { ErrorSummaryItem } from '../components/ErrorSummary.tsx';
import { firstFieldErrors, type ReadError } from '../trpc/errors.ts';

interface Shown {
  readonly fields: Readonly<Record<string, string>>;
  readonly form: string | null;
}

interface State extends Shown {
  readonly attempt: number;
}

/**
 * Where a server refusal shows: beside the fields of this form it names; when it names none of
 * them (e.g. "You created this run, so someone else must approve it.", about the run), once, as
 * the form's message — its field message is the same words and is not listed again.
 */
export function refusalErrors(error: ReadError, fieldOrder: readonly string[]): Shown {
  const fields = firstFieldErrors(error);
  const known = Object.keys(fields).some((field) => fieldOrder.includes(field));
  return known ? { fields, form: null } : { fields: {}, form: error.message };
}

/**
 * The error summary: the form's message, then the fields in the order they are on the form
 * (each linked), then messages about fields that are not on it.
 */
export function errorSummaryItems(shown: Shown, fieldOrder: readonly string[]): ErrorSummaryItem[] {
  const items: ErrorSummaryItem[] = shown.form === null ? [] : [{ text: shown.form }];
  for (const field of fieldOrder) {
    const text = shown.fields[field];
    if (text !== undefined) items.push({ fieldId: field, text });
  }
  for (const [field, text] of Object.entries(shown.fields)) {
    if (!fieldOrder.includes(field)) items.push({ text });
  }
  return items;
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

  /** A server refusal: its field messages beside the fields, otherwise its message, once. */
  const failWith = useCallback(
    (error: ReadError) => {
      const shown = refusalErrors(error, fieldOrder);
      fail(shown.fields, shown.form);
    },
    [fail, fieldOrder],
  );

  const clear = useCallback(() => {
    setState((previous) => ({ fields: {}, form: null, attempt: previous.attempt }));
  }, []);

  const summaryItems = useMemo(() => errorSummaryItems(state, fieldOrder), [state, fieldOrder]);

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
