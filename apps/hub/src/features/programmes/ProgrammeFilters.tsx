import type { OrganisationList } from '@coproduce/ui';
import { Button, PROGRAMME_STAGE_ORDER, Select, useWorkflowWords } from '@coproduce/ui';
import type { FormEvent } from 'react';
import { useT } from '../../i18n.ts';
import { hasListFilters, type ProgrammeListView, readListView } from './list-view.ts';

/** A GET-style form: applying it changes the URL, and the URL drives the list. */
export function ProgrammeFilters({
  view,
  organisations,
  onApply,
}: {
  view: ProgrammeListView;
  organisations: OrganisationList;
  onApply: (view: ProgrammeListView) => void;
}) {
  const t = useT();
  const words = useWorkflowWords();
  const sites = organisations.filter((organisation) => organisation.kind === 'site');
  const commissioners = organisations.filter(
    (organisation) => organisation.kind === 'commissioner',
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const params = new URLSearchParams();
    for (const name of ['stage', 'site', 'commissioner', 'overdue'] as const) {
      const value = form.get(name);
      if (typeof value === 'string' && value !== '') params.set(name, value);
    }
    const filtered = readListView(params);
    onApply({ ...view, ...filtered, view: view.view, sort: view.sort, order: view.order });
  };

  const clear = () =>
    onApply({ view: view.view, overdue: false, sort: view.sort, order: view.order });

  return (
    <form className="app-filter" noValidate onSubmit={submit} aria-labelledby="filters-heading">
      <h2 className="govuk-heading-m" id="filters-heading">
        {t('programmes.filters.heading')}
      </h2>
      <div className="app-filter__fields">
        <Select
          name="stage"
          label={t('programmes.filters.stage')}
          defaultValue={view.stage ?? ''}
          options={[
            { value: '', text: t('programmes.filters.anyStage') },
            ...PROGRAMME_STAGE_ORDER.map((stage) => ({ value: stage, text: words.stage(stage) })),
          ]}
        />
        <Select
          name="site"
          label={t('programmes.filters.site')}
          defaultValue={view.siteId ?? ''}
          options={[
            { value: '', text: t('programmes.filters.anySite') },
            ...sites.map((site) => ({ value: site.id, text: site.name })),
          ]}
        />
        <Select
          name="commissioner"
          label={t('programmes.filters.commissioner')}
          defaultValue={view.commissionerId ?? ''}
          options={[
            { value: '', text: t('programmes.filters.anyCommissioner') },
            ...commissioners.map((commissioner) => ({
              value: commissioner.id,
              text: commissioner.name,
            })),
          ]}
        />
        <div className="govuk-form-group">
          <div className="govuk-checkboxes govuk-checkboxes--small app-filter__checkbox">
            <div className="govuk-checkboxes__item">
              <input
                className="govuk-checkboxes__input"
                id="overdue"
                name="overdue"
                type="checkbox"
                value="yes"
                defaultChecked={view.overdue}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor="overdue">
                {t('programmes.filters.overdue')}
              </label>
            </div>
          </div>
        </div>
      </div>
      <div className="app-filter__actions">
        <Button>{t('programmes.filters.apply')}</Button>
        {hasListFilters(view) && (
          <Button type="button" variant="secondary" onClick={clear}>
            {t('programmes.filters.clear')}
          </Button>
        )}
      </div>
    </form>
  );
}
