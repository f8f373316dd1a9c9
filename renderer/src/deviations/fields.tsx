/** The deviation forms' own fields: a choice among a few (radio buttons) and a longer text. */
import { Field } from '../placement/fields';

/**
 * Radio buttons in a fieldset. The first button carries `id`, so focus can go to the group when
 * the last save found a problem there; the error is read with every button.
 */
export function RadioGroup<V extends string>(props: {
  id: string;
  legend: string;
  required?: boolean;
  options: readonly { value: V; label: string }[];
  value: V | '';
  error: string | undefined;
  onChange: (value: V) => void;
}) {
  const errorId = props.error ? `${props.id}-error` : undefined;
  return (
    <fieldset className={props.error ? 'checkbox-group deviation-choices field--invalid' : 'checkbox-group deviation-choices'}>
      <legend>
        {props.legend}
        {props.required && <span className="field__required"> (obligatoriskt)</span>}
      </legend>
      <div className="deviation-choices__items">
        {props.options.map((option, index) => (
          <label key={option.value} className="checkbox">
            <input
              type="radio"
              id={index === 0 ? props.id : undefined}
              name={props.id}
              value={option.value}
              aria-invalid={props.error ? true : undefined}
              aria-describedby={errorId}
              checked={props.value === option.value}
              onChange={() => props.onChange(option.value)}
            />
            {option.label}
          </label>
        ))}
      </div>
      {props.error && <p className="field__error" id={errorId}>{props.error}</p>}
    </fieldset>
  );
}

/** A text of several lines, with its label, hint and the error from the last save. */
export function TextAreaField(props: {
  id: string;
  label: string;
  required?: boolean;
  hint?: string;
  error: string | undefined;
  maxLength: number;
  rows?: number;
  value: string;
  onChange: (value: string) => void;
}) {
  const { value, onChange, maxLength, rows = 4, ...field } = props;
  return (
    <Field {...field}>
      {(input) => (
        <textarea {...input} className="input deviation-textarea" rows={rows} maxLength={maxLength} value={value} onChange={(event) => onChange(event.target.value)} />
      )}
    </Field>
  );
}
