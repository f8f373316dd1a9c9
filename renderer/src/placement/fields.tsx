/**
 * Form fields of the placement pages: a label tied to its input, an optional hint, and the error
 * for the field from the last save (the same look as the home panel's fields).
 */
import type { ReactNode, Ref } from 'react';
import { DateInput } from '../components/DateInput';

export interface InputProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
  'aria-required'?: true;
}

export function Field(props: {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  narrow?: boolean;
  className?: string;
  children: (input: InputProps) => ReactNode;
}) {
  const { id, error } = props;
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  const classes = ['field', props.narrow && 'field--narrow', error && 'field--invalid', props.className].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      <label htmlFor={id}>
        {props.label}
        {props.required && <span className="field__required"> (obligatoriskt)</span>}
      </label>
      {props.hint && <p className="field__hint" id={hintId}>{props.hint}</p>}
      {props.children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
        'aria-required': props.required ? true : undefined,
      })}
      {error && <p className="field__error" id={errorId}>{error}</p>}
    </div>
  );
}

type FieldProps = Omit<Parameters<typeof Field>[0], 'children'>;

/**
 * A one-line text (`numeric` asks for the number keyboard). With `suggestions` the browser offers them as the user types (a datalist), and
 * a text that is one of them in another case or with spaces around takes its spelling when the field
 * is left, so "saga handläggarsson" does not become a second handläggare beside Saga Handläggarsson.
 */
export function TextField({
  value,
  onChange,
  maxLength,
  suggestions,
  numeric,
  ...field
}: FieldProps & { value: string; onChange: (value: string) => void; maxLength?: number; suggestions?: readonly string[]; numeric?: boolean }) {
  const listId = suggestions ? `${field.id}-suggestions` : undefined;
  const adopt = () => {
    const typed = value.trim().toLocaleLowerCase('sv');
    const same = typed === '' ? undefined : suggestions?.find((suggestion) => suggestion.toLocaleLowerCase('sv') === typed);
    if (same !== undefined && same !== value) onChange(same);
  };
  return (
    <Field {...field}>
      {(props) => (
        <>
          <input
            {...props}
            className="input"
            autoComplete="off"
            inputMode={numeric ? 'numeric' : undefined}
            list={listId}
            maxLength={maxLength}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            onBlur={suggestions ? adopt : undefined}
          />
          {suggestions && (
            <datalist id={listId}>
              {suggestions.map((suggestion) => (
                <option key={suggestion} value={suggestion} />
              ))}
            </datalist>
          )}
        </>
      )}
    </Field>
  );
}

/** A calendar date, typed and shown as ÅÅÅÅ-MM-DD whatever the browser's locale (DateInput). */
export function DateField({ value, onChange, ...field }: FieldProps & { value: string; onChange: (value: string) => void }) {
  return <Field {...field}>{(props) => <DateInput {...props} value={value} onChange={onChange} />}</Field>;
}

/** A select whose options are value/label pairs; `placeholder` adds an empty first choice. */
export function SelectField<V extends string>({
  value,
  onChange,
  options,
  placeholder,
  ...field
}: FieldProps & {
  value: V | '';
  onChange: (value: V | '') => void;
  options: readonly { value: V; label: string }[];
  placeholder?: string;
}) {
  return (
    <Field {...field}>
      {(props) => (
        <select {...props} className="input" value={value} onChange={(e) => onChange(e.target.value as V | '')}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>{option.label}</option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Issues from a failed call, keyed by field; the message for the whole is kept apart. */
export interface Failure {
  message: string;
  issues: { field: string; message: string }[];
}

/** The first message for each field (one error at a field at a time). */
export function errorMap(failure: Failure | null): Map<string, string> {
  const errors = new Map<string, string>();
  for (const issue of failure?.issues ?? []) {
    if (issue.field && !errors.has(issue.field)) errors.set(issue.field, issue.message);
  }
  return errors;
}

/**
 * The summary at the top of a form after a failed save: the message, and each issue as a button
 * that moves focus to its field (`focusField`), or plain text when it is about the whole.
 */
export function ErrorSummary({
  summaryRef,
  ...props
}: {
  title: string;
  failure: Failure | null;
  labelOf: (field: string) => string;
  focusField: (field: string) => void;
  summaryRef?: Ref<HTMLDivElement>;
}) {
  const { failure } = props;
  const extra = failure && failure.message.replace(/\.$/, '') !== props.title ? failure.message : null;
  return (
    <div ref={summaryRef} tabIndex={-1} className={failure ? 'error-summary' : 'error-summary error-summary--empty'} role="alert">
      {failure && (
        <>
          <h3 className="error-summary__title">{props.title}</h3>
          {extra && (failure.issues.length === 0 || !failure.issues.some((i) => i.message === extra)) && <p>{extra}</p>}
          {failure.issues.length > 0 && (
            <ul>
              {failure.issues.map((issue) => (
                <li key={`${issue.field}:${issue.message}`}>
                  {issue.field === '' ? (
                    issue.message
                  ) : (
                    <button type="button" className="link-button" onClick={() => props.focusField(issue.field)}>
                      {props.labelOf(issue.field)}: {issue.message}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

/** "Registrera vårdplan": an event's label inside a sentence (IVO keeps its capitals). */
export function inText(label: string): string {
  return /^[A-ZÅÄÖ]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/** Whole days from `from` to `to` (calendar dates, no time zone involved). */
export function daysBetween(from: string, to: string): number {
  const utc = (date: string) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** A failure from an API error: issues' JSON paths mapped to fields by `fieldOf`. */
export function failureOf(
  error: { message: string; issues?: { path: string; message: string }[] | undefined },
  fieldOf: (path: string) => string,
): Failure {
  // One message per field: a stay's start is the placement's start for the first stay, and both may be told.
  const seen = new Set<string>();
  const issues: Failure['issues'] = [];
  for (const issue of error.issues ?? []) {
    const field = fieldOf(issue.path);
    if (field !== '' && seen.has(field)) continue;
    seen.add(field);
    issues.push({ field, message: issue.message });
  }
  return { message: error.message, issues };
}
