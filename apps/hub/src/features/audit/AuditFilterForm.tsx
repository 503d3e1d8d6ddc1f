import { type AuditEntry, Button, Select, TextInput } from '@coproduce/ui';
import type { FormEvent } from 'react';
import { useT } from '../../i18n.ts';
import { useActionLabel } from './action-label.ts';
import { type AuditFilters, hasFilters, withFilter } from './filters.ts';

function value(form: FormData, name: string): string {
  const raw = form.get(name);
  return typeof raw === 'string' ? raw.trim() : '';
}

/** A GET-style form: applying it changes the URL, and the URL drives the list. */
export function AuditFilterForm({
  filters,
  actions,
  fieldErrors,
  onApply,
}: {
  filters: AuditFilters;
  actions: readonly string[];
  fieldErrors: Record<string, string>;
  onApply: (filters: AuditFilters) => void;
}) {
  const t = useT();
  const actionLabel = useActionLabel();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    onApply(
      withFilter(filters, {
        action: value(form, 'action'),
        objectType: value(form, 'objectType'),
        objectId: value(form, 'objectId'),
        from: value(form, 'from'),
        to: value(form, 'to'),
      }),
    );
  };

  return (
    <form
      className="app-filter"
      noValidate
      onSubmit={submit}
      aria-labelledby="audit-filters-heading"
    >
      <h2 className="govuk-heading-m" id="audit-filters-heading">
        {t('audit.filters.heading')}
      </h2>
      <div className="app-filter__fields">
        <Select
          name="action"
          label={t('audit.filters.action')}
          defaultValue={filters.action ?? ''}
          error={fieldErrors.action}
          options={[
            { value: '', text: t('audit.filters.anyAction') },
            ...actions.map((action) => ({ value: action, text: actionLabel(action) })),
          ]}
        />
        <TextInput
          name="objectType"
          label={t('audit.filters.objectType')}
          hint={t('audit.filters.objectTypeHint')}
          defaultValue={filters.objectType}
          spellCheck={false}
          autoComplete="off"
          error={fieldErrors.objectType}
        />
        <TextInput
          name="objectId"
          label={t('audit.filters.objectId')}
          defaultValue={filters.objectId}
          spellCheck={false}
          autoComplete="off"
          error={fieldErrors.objectId}
        />
        <TextInput
          name="from"
          type="date"
          label={t('audit.filters.from')}
          defaultValue={filters.from}
          error={fieldErrors.from}
        />
        <TextInput
          name="to"
          type="date"
          label={t('audit.filters.to')}
          defaultValue={filters.to}
          error={fieldErrors.to}
        />
      </div>
      <div className="app-filter__actions">
        <Button>{t('audit.filters.apply')}</Button>
        {hasFilters(filters) && (
          <Button type="button" variant="secondary" onClick={() => onApply({})}>
            {t('audit.filters.clear')}
          </Button>
        )}
      </div>
    </form>
  );
}

/**
 * Person and object filters are set from the table ("Only this person"), not typed; they are
 * listed here with a way to remove each.
 */
export function SelectedFilters({
  filters,
  entries,
  onApply,
}: {
  filters: AuditFilters;
  entries: readonly AuditEntry[];
  onApply: (filters: AuditFilters) => void;
}) {
  const t = useT();
  if (filters.actorPersonId === undefined) return null;
  const name =
    entries.find((entry) => entry.actor?.personId === filters.actorPersonId)?.actor?.name ??
    t('audit.filters.personUnknown');
  return (
    <div className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-s govuk-!-margin-bottom-2">{t('audit.filters.selected')}</h2>
      <ul className="app-selected-filters">
        <li>
          <span className="govuk-body govuk-!-margin-right-2">
            {t('audit.filters.person', { name })}
          </span>
          <Button
            type="button"
            variant="secondary"
            className="govuk-!-margin-bottom-0"
            onClick={() => onApply(withFilter(filters, { actorPersonId: undefined }))}
          >
            {t('audit.filters.removePerson')}
          </Button>
        </li>
      </ul>
    </div>
  );
}
