import { findMunicipality, municipalityNames } from '../../../preload/api';

/**
 * "Kommun" for a report's first page: typed with Sweden's 290 kommuner offered as the user types,
 * written the official way when the field is left ("sundsvall" becomes Sundsvall). The kommun last
 * used for a report is remembered on this computer (never personal data), so the next report asks
 * nothing new.
 */
export function MunicipalityField(props: { id: string; value: string; onChange: (value: string) => void; error: string | null; className?: string }) {
  const { id, value, onChange, error } = props;
  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  return (
    <div className={[error ? 'field field--invalid' : 'field', props.className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>Kommun</label>
      <input
        id={id}
        className="input"
        autoComplete="off"
        list={listId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onBlur={() => {
          const official = findMunicipality(value)?.name;
          if (official !== undefined && official !== value) onChange(official);
        }}
      />
      <datalist id={listId}>
        {municipalityNames.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {error && <p className="field__error" id={errorId}>{error}</p>}
    </div>
  );
}

const MUNICIPALITY_KEY = 'placeringskollen.auditReportMunicipality';

/** The kommun of the last report made on this computer, or ''. */
export function rememberedMunicipality(): string {
  try {
    return localStorage.getItem(MUNICIPALITY_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Remembers the kommun a report was just made for, as SCB writes it. */
export function rememberMunicipality(value: string): void {
  try {
    localStorage.setItem(MUNICIPALITY_KEY, findMunicipality(value)?.name ?? value);
  } catch {
    // Not remembered: the next report asks again.
  }
}
