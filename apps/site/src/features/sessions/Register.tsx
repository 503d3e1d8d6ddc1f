import {
  Button,
  describedBy,
  EmptyState,
  ErrorMessage,
  ErrorState,
  LoadingState,
  readError,
  TextInput,
} from '@coproduce/ui';
import { useState } from 'react';
import { ATTENDANCE, type Attendance, type SessionsT, useSessionsT } from './i18n.ts';
import { type RegisterPerson, useRegisterPeople } from './register-people.ts';

/** A mark on the register, with the name (or code) it was shown under. */
export interface RegisterMark {
  readonly status: Attendance;
  readonly label: string;
  readonly code: string;
}
export type RegisterMarks = Readonly<Record<string, RegisterMark>>;

const PAGE = 25;

/** The id a register error links to: the person's first radio, or the filter box. */
export function registerFieldId(participantId?: string): string {
  return participantId === undefined ? 'register-filter' : `register-${participantId}`;
}

/**
 * A group register: the programme's participants at the site, each with Attended / Did not
 * attend / Cancelled. Unmarked people are not on the register. A filter box narrows the list by
 * name or code; long lists are shown 25 at a time.
 */
export function Register({
  siteId,
  programmeId,
  marks,
  onChange,
  errors = {},
}: {
  siteId: string;
  programmeId: string;
  marks: RegisterMarks;
  onChange: (marks: RegisterMarks) => void;
  /** Messages by participant id; `''` for the register as a whole. */
  errors?: Readonly<Record<string, string>>;
}) {
  const t = useSessionsT();
  const [query, setQuery] = useState('');
  const [visible, setVisible] = useState(PAGE);
  const register = useRegisterPeople(siteId, programmeId, query);

  if (register.isError) {
    return (
      <ErrorState
        message={readError(register.error, t('state.unreachable')).message}
        onRetry={register.refetch}
      />
    );
  }
  if (register.isPending) return <LoadingState label={t('register.loading')} />;
  if (register.people.length === 0) return <EmptyState>{t('register.none')}</EmptyState>;

  const marked = register.people.filter((person) => marks[person.participantId] !== undefined);
  const shown = register.shown.slice(0, visible);
  const hiddenCount = register.shown.length - shown.length;
  const setMark = (person: RegisterPerson, status: Attendance | null) => {
    const next = { ...marks };
    if (status === null) delete next[person.participantId];
    else
      next[person.participantId] = { status, label: person.name ?? person.code, code: person.code };
    onChange(next);
  };

  return (
    <div>
      <TextInput
        name="register-filter"
        label={t('register.filter')}
        hint={t('register.filterHint')}
        error={errors['']}
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          setVisible(PAGE);
        }}
        onKeyDown={(event) => {
          // Enter in the filter box filters; it does not send the form.
          if (event.key === 'Enter') event.preventDefault();
        }}
        autoComplete="off"
        spellCheck={false}
        type="search"
      />
      <p className="govuk-body govuk-!-font-weight-bold" aria-live="polite">
        {t('register.marked', { marked: marked.length, total: register.people.length })}
      </p>
      {shown.length === 0 ? (
        <EmptyState>{t('register.noMatch', { query: query.trim() })}</EmptyState>
      ) : (
        shown.map((person) => (
          <RegisterRow
            key={person.participantId}
            t={t}
            person={person}
            mark={marks[person.participantId]?.status}
            error={errors[person.participantId]}
            onMark={(status) => setMark(person, status)}
          />
        ))
      )}
      {hiddenCount > 0 && (
        <Button
          type="button"
          variant="secondary"
          onClick={() => setVisible((count) => count + PAGE)}
        >
          {t('register.showMore', { count: Math.min(PAGE, hiddenCount) })}
        </Button>
      )}
    </div>
  );
}

function RegisterRow({
  t,
  person,
  mark,
  error,
  onMark,
}: {
  t: SessionsT;
  person: RegisterPerson;
  mark: Attendance | undefined;
  error: string | undefined;
  onMark: (status: Attendance | null) => void;
}) {
  const id = registerFieldId(person.participantId);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const label = person.name ?? person.code;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(hintId, error && errorId)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
        <div className="govuk-hint" id={hintId}>
          {person.name !== null && t('register.code', { code: person.code })}
          {person.consent !== 'in-force' && (
            <span className="govuk-!-display-block">{t('register.noConsent')}</span>
          )}
        </div>
        {error && <ErrorMessage id={errorId} message={error} />}
        <div className="govuk-radios govuk-radios--small govuk-radios--inline">
          {ATTENDANCE.map((status, index) => {
            const radioId = index === 0 ? id : `${id}-${status}`;
            return (
              <div className="govuk-radios__item" key={status}>
                <input
                  className="govuk-radios__input"
                  id={radioId}
                  name={id}
                  type="radio"
                  value={status}
                  checked={mark === status}
                  onChange={() => onMark(status)}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={radioId}>
                  {t(`attendance.${status}`)}
                </label>
              </div>
            );
          })}
        </div>
        {mark !== undefined && (
          <button type="button" className="app-link-button" onClick={() => onMark(null)}>
            {t('register.clear')}
            <span className="govuk-visually-hidden">
              {' '}
              {t('register.clearFor', { name: label })}
            </span>
          </button>
        )}
      </fieldset>
    </div>
  );
}
