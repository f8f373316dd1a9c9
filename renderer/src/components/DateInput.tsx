import { useState, type Ref } from 'react';
import { DATE_FORMAT_DESCRIPTION, DATE_PATTERN, DATE_PLACEHOLDER, dateProblem } from './dateText';

interface Props {
  id: string;
  value: string;
  onChange: (value: string) => void;
  ref?: Ref<HTMLInputElement>;
  /** Where there is no visible label (a table cell). */
  'aria-label'?: string;
  /** The caller shows an error of its own at the field (from the last save): that one is shown. */
  'aria-invalid'?: true;
  'aria-describedby'?: string;
  'aria-required'?: true;
}

/**
 * Every date field of the app: typed as ÅÅÅÅ-MM-DD whatever the browser's locale (dateText.ts).
 * A date that cannot be one is told at the field when the user leaves it, and the message goes
 * as soon as the date is right ("reward early, punish late"); the service checks again on save.
 * While the field has no error, its description tells the format.
 */
export function DateInput({ value, onChange, ref, ...props }: Props) {
  // True from leaving the field with a bad date until the date is right.
  const [checking, setChecking] = useState(false);
  const callerError = props['aria-invalid'] === true;
  const problem = checking && !callerError ? dateProblem(value) : null;
  const formatId = `${props.id}-format`;
  const problemId = `${props.id}-problem`;
  // An error is what is read; the format note would only repeat it.
  const describedBy = [problem && problemId, props['aria-describedby'], !callerError && !problem && formatId].filter(Boolean).join(' ');
  return (
    <>
      <input
        {...props}
        ref={ref}
        type="text"
        className="input input--date"
        inputMode="numeric"
        pattern={DATE_PATTERN}
        placeholder={DATE_PLACEHOLDER}
        autoComplete="off"
        aria-invalid={callerError || problem ? true : undefined}
        aria-describedby={describedBy || undefined}
        value={value}
        onChange={(event) => {
          if (checking && dateProblem(event.target.value) === null) setChecking(false);
          onChange(event.target.value);
        }}
        onBlur={() => setChecking(dateProblem(value) !== null)}
      />
      <span id={formatId} className="visually-hidden">{DATE_FORMAT_DESCRIPTION}</span>
      {problem && <p className="field__error" id={problemId}>{problem}</p>}
    </>
  );
}
