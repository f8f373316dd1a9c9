interface Props<T extends string> {
  id: string;
  label: string;
  value: T | '';
  /** The choices besides "all" (the empty value), each with its text. */
  options: readonly { value: T; label: string }[];
  onChange: (value: T | '') => void;
  /** The text of the empty value, "Alla" unless told otherwise. */
  allLabel?: string;
  /** For the longer texts (rules, kinds of check). */
  wide?: boolean;
}

/** A filter of a list's toolbar: a select whose first choice, the empty value, shows all. */
export function FilterSelect<T extends string>({ id, label, value, options, onChange, allLabel = 'Alla', wide }: Props<T>) {
  return (
    <div className={wide ? 'field field--wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select id={id} className="input" value={value} onChange={(event) => onChange(event.target.value as T | '')}>
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
    </div>
  );
}
