import { describedBy, ErrorMessage } from './ErrorMessage.tsx';

/** GOV.UK file upload: a label, a hint, the error beside it, and the browser's own picker. */
export function FileUpload({
  name,
  label,
  hint,
  error,
  accept,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  accept?: string;
}) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label govuk-label--s" htmlFor={name}>
        {label}
      </label>
      {hint !== undefined && (
        <div id={hintId} className="govuk-hint">
          {hint}
        </div>
      )}
      {error && <ErrorMessage id={errorId} message={error} />}
      <input
        className={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`}
        id={name}
        name={name}
        type="file"
        accept={accept}
        aria-describedby={describedBy(hint !== undefined && hintId, Boolean(error) && errorId)}
      />
    </div>
  );
}
