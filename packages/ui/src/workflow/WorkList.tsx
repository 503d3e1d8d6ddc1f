import { Link } from 'react-router';
import { Tag } from '../components/Tag.tsx';
import { formatDate } from '../i18n/format.ts';
import { todayIso } from './dates.ts';
import type { NeedsMeItem } from './types.ts';
import { useWorkflowT } from './words.ts';

/**
 * What is waiting for this person, as a GOV.UK task list: each item links to where to act
 * (its path is relative to the app), with what it is about and when it is due.
 */
export function WorkList({ items, idPrefix }: { items: readonly NeedsMeItem[]; idPrefix: string }) {
  const t = useWorkflowT();
  const today = todayIso();
  return (
    <ul className="govuk-task-list app-work-list">
      {items.map((item, index) => {
        const id = `${idPrefix}-${index}`;
        const overdue = item.dueOn !== null && item.dueOn < today;
        return (
          <li
            key={`${item.kind}:${item.path}:${item.title}`}
            className="govuk-task-list__item govuk-task-list__item--with-link"
          >
            <div className="govuk-task-list__name-and-hint">
              <Link
                className="govuk-link govuk-task-list__link"
                to={`/${item.path}`}
                aria-describedby={`${id}-hint ${id}-status`}
              >
                {item.title}
              </Link>
              <div id={`${id}-hint`} className="govuk-task-list__hint">
                {item.detail}
              </div>
            </div>
            <div className="govuk-task-list__status" id={`${id}-status`}>
              {item.dueOn === null ? null : overdue ? (
                <>
                  <Tag colour="red">{t('work.overdue')}</Tag>{' '}
                  <span>{t('work.wasDue', { date: formatDate(item.dueOn, t.locale) })}</span>
                </>
              ) : item.dueOn === today ? (
                <Tag colour="yellow">{t('work.today')}</Tag>
              ) : (
                <span>{t('work.dueOn', { date: formatDate(item.dueOn, t.locale) })}</span>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
