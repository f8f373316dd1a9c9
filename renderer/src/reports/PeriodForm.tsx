import { useState } from 'react';
import { DateInput } from '../components/DateInput';
import { UnitSelect } from './units';
import { periodProblems, quickPeriods, type PeriodValues } from './period';

type Problems = Partial<Record<'from' | 'to', string>>;

/**
 * A report's period and unit: "Från" and "Till" (Enter in either shows the report), the unit,
 * "Visa", and the quick choices, which fill the period and show it at once. A problem is told at
 * its field (an end before the start at "Till") and goes once the field is changed.
 */
export function PeriodForm(props: {
  id: string;
  today: string;
  values: PeriodValues;
  onChange: (values: PeriodValues) => void;
  onShow: (values: PeriodValues) => void;
  units: readonly string[];
  /** Problems main found in the period last asked for (its `/from`, `/to`). */
  serverProblems?: Problems;
  disabled?: boolean;
  submitLabel?: string;
}) {
  const { id, values } = props;
  const [problems, setProblems] = useState<Problems>({});
  /** Fields changed since main's problems came: theirs no longer shown. */
  const [edited, setEdited] = useState<Problems>({});
  const server: Problems = { from: edited.from ? undefined : props.serverProblems?.from, to: edited.to ? undefined : props.serverProblems?.to };
  const shown: Problems = { from: problems.from ?? server.from, to: problems.to ?? server.to };

  function show(next: PeriodValues) {
    const found = periodProblems(next);
    setProblems(found);
    setEdited({});
    if (found.from || found.to) {
      document.getElementById(`${id}-${found.from ? 'from' : 'to'}`)?.focus();
      return;
    }
    props.onShow(next);
  }

  function change(field: keyof PeriodValues, value: string) {
    if (field !== 'unit') {
      // An end before the start is the two fields' problem: changing either clears it.
      const both = { [field]: undefined, ...(field === 'from' ? { to: undefined } : {}) };
      setProblems((before) => ({ ...before, ...both }));
      setEdited((before) => ({ ...before, [field]: 'x', ...(field === 'from' ? { to: 'x' } : {}) }));
    }
    props.onChange({ ...values, [field]: value });
  }

  const dateField = (field: 'from' | 'to', label: string) => {
    const fieldId = `${id}-${field}`;
    const problem = shown[field];
    return (
      <div className={problem ? 'field field--invalid report-field--date' : 'field report-field--date'}>
        <label htmlFor={fieldId}>{label}</label>
        <DateInput
          id={fieldId}
          value={values[field]}
          onChange={(value) => change(field, value)}
          aria-required
          {...(problem ? { 'aria-invalid': true as const, 'aria-describedby': `${fieldId}-error` } : {})}
        />
        {problem && (
          <p className="field__error" id={`${fieldId}-error`}>
            {problem}
          </p>
        )}
      </div>
    );
  };

  return (
    <form
      className="report-period"
      noValidate
      aria-label="Rapportens period"
      onSubmit={(event) => {
        event.preventDefault();
        show(values);
      }}
    >
      <div className="report-period__fields">
        {dateField('from', 'Från')}
        {dateField('to', 'Till')}
        <UnitSelect id={`${id}-unit`} value={values.unit} onChange={(unit) => change('unit', unit)} units={props.units} />
        <button type="submit" className="button button--primary report-period__submit" disabled={props.disabled}>
          {props.submitLabel ?? 'Visa'}
        </button>
      </div>
      <div className="report-period__quick" role="group" aria-label="Snabbval av period">
        {quickPeriods(props.today).map((quick) => (
          <button
            key={quick.label}
            type="button"
            className="button button--quiet report-period__choice"
            disabled={props.disabled}
            onClick={() => {
              const next = { ...values, from: quick.from, to: quick.to };
              props.onChange(next);
              show(next);
            }}
          >
            {quick.label}
          </button>
        ))}
      </div>
    </form>
  );
}
