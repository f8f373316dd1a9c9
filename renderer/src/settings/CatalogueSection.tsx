/**
 * The register catalogue on the Regler page: which registers are checked before a decision, for
 * whom, how old a check may be at the decision, and how often it is made again while a child
 * lives in the home. Saved with the rest of the rules (one version).
 */
import { checkedRoles } from '../../../preload/api';
import type { CheckedRole, PersonRegister, RegisterCatalogueEntry } from '../../../preload/api';
import { checkedRoleLabels, registerLabels } from '../labels';

/** One register as typed: the numbers as the inputs hold them. */
export interface CatalogueValues {
  register: PersonRegister;
  required: boolean;
  roles: CheckedRole[];
  maxAgeMonths: string;
  /** Empty: not re-checked. */
  recheckMonths: string;
}

type CatalogueField = 'required' | 'roles' | 'maxAgeMonths' | 'recheckMonths';

const fieldLabels: Record<CatalogueField, string> = {
  required: 'Krävs före beslut',
  roles: 'Vems kontroller',
  maxAgeMonths: 'Högsta ålder vid beslut (månader)',
  recheckMonths: 'Kontrolleras om var (månader)',
};

export const catalogueField = (register: string, field: CatalogueField) => `catalogue.${register}.${field}`;

export function catalogueValuesOf(catalogue: RegisterCatalogueEntry[]): CatalogueValues[] {
  return catalogue.map((entry) => ({
    register: entry.register,
    required: entry.required,
    roles: checkedRoles.filter((role) => entry.roles.includes(role)),
    maxAgeMonths: String(entry.maxAgeMonths),
    recheckMonths: entry.recheckMonths === null ? '' : String(entry.recheckMonths),
  }));
}

const wholeNumber = /^\d{1,4}$/;

/** What to say of a text that is not a whole number: a minus sign gets its own answer, not "Ange ett heltal". */
export function notWholeNumber(text: string, advice: string): string {
  return /^\s*-\s*\d+\s*$/.test(text) ? 'Kan inte vara negativt.' : advice;
}

/** The catalogue to send, or the fields that are not whole numbers (the service checks the ranges). */
export function catalogueInput(values: CatalogueValues[]):
  | { ok: true; catalogue: RegisterCatalogueEntry[] }
  | { ok: false; issues: { field: string; message: string }[] } {
  const issues: { field: string; message: string }[] = [];
  for (const row of values) {
    if (!wholeNumber.test(row.maxAgeMonths.trim())) {
      issues.push({ field: catalogueField(row.register, 'maxAgeMonths'), message: notWholeNumber(row.maxAgeMonths, 'Ange ett heltal, till exempel 12.') });
    }
    if (row.recheckMonths.trim() !== '' && !wholeNumber.test(row.recheckMonths.trim())) {
      issues.push({ field: catalogueField(row.register, 'recheckMonths'), message: notWholeNumber(row.recheckMonths, 'Ange ett heltal, eller lämna tomt.') });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    catalogue: values.map((row) => ({
      register: row.register,
      required: row.required,
      roles: row.roles,
      maxAgeMonths: Number(row.maxAgeMonths.trim()),
      recheckMonths: row.recheckMonths.trim() === '' ? null : Number(row.recheckMonths.trim()),
    })),
  };
}

/** The field of an issue at "/catalogue/0/maxAgeMonths", or null when the path is elsewhere. */
export function catalogueFieldOf(path: string, sent: CatalogueValues[]): string | null {
  const [, section, index, field] = path.split('/');
  if (section !== 'catalogue') return null;
  const row = sent[Number(index)];
  if (!row) return '';
  const known = field === 'required' || field === 'roles' || field === 'maxAgeMonths' || field === 'recheckMonths';
  return catalogueField(row.register, known ? field : 'maxAgeMonths');
}

/** "Belastningsregistret, högsta ålder vid beslut (månader)" for the error summary; null if not a catalogue field. */
export function catalogueIssueLabel(field: string): string | null {
  const [section, register, sub] = field.split('.');
  if (section !== 'catalogue' || !register) return null;
  const label = fieldLabels[sub as CatalogueField] ?? fieldLabels.maxAgeMonths;
  return `${registerLabels[register as PersonRegister] ?? register}, ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

export function CatalogueSection(props: {
  values: CatalogueValues[];
  errors: Map<string, string>;
  inputId: (field: string) => string;
  onChange: (register: PersonRegister, change: Partial<CatalogueValues>) => void;
}) {
  const { values, errors, inputId } = props;
  return (
    <fieldset className="rules__section">
      <legend>Registerkontroller</legend>
      <p className="field__hint rules__hint">
        Vilka register som kontrolleras för familjehemmens vuxna före beslut, hur gammal en kontroll högst får vara vid beslutet,
        och hur ofta den görs om medan ett barn bor i hemmet. Lämna ”Kontrolleras om var” tomt för ett register som inte
        kontrolleras fortlöpande.
      </p>
      <table className="rules-table catalogue-table">
        <thead>
          <tr>
            <th scope="col">Register</th>
            <th scope="col">{fieldLabels.required}</th>
            <th scope="col">{fieldLabels.roles}</th>
            <th scope="col">{fieldLabels.maxAgeMonths}</th>
            <th scope="col">{fieldLabels.recheckMonths}</th>
          </tr>
        </thead>
        <tbody>
          {values.map((row) => (
            <CatalogueRow key={row.register} row={row} errors={errors} inputId={inputId} onChange={(change) => props.onChange(row.register, change)} />
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}

function CatalogueRow(props: {
  row: CatalogueValues;
  errors: Map<string, string>;
  inputId: (field: string) => string;
  onChange: (change: Partial<CatalogueValues>) => void;
}) {
  const { row, errors, inputId, onChange } = props;
  const name = registerLabels[row.register];
  // Required by law of every uppdragstagare (SoF 3 kap. 3 §): the service refuses to drop them.
  const statutory = row.register === 'belastningsregistret' || row.register === 'misstankeregistret';
  const rolesError = errors.get(catalogueField(row.register, 'roles'));
  const number = (field: 'maxAgeMonths' | 'recheckMonths') => {
    const id = inputId(catalogueField(row.register, field));
    const error = errors.get(catalogueField(row.register, field));
    return (
      <td className={error ? 'field--invalid' : undefined}>
        <input
          id={id}
          className="input rules__number"
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          aria-label={`${fieldLabels[field]}: ${name}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          value={row[field]}
          onChange={(e) => onChange({ [field]: e.target.value })}
        />
        {field === 'recheckMonths' && row.recheckMonths.trim() === '' && <span className="rules__unit">Inte fortlöpande</span>}
        {error && <p className="field__error" id={`${id}-error`}>{error}</p>}
      </td>
    );
  };
  return (
    <tr>
      <th scope="row" className="catalogue-table__register">{name}</th>
      <td>
        <label className="checkbox">
          <input
            type="checkbox"
            id={inputId(catalogueField(row.register, 'required'))}
            checked={row.required}
            disabled={statutory}
            onChange={(e) => onChange({ required: e.target.checked })}
          />
          <span>
            Krävs<span className="visually-hidden"> före beslut: {name}</span>
          </span>
        </label>
        {statutory && <span className="rules__unit">Enligt lag (SoF 3 kap. 3 §)</span>}
      </td>
      <td className={rolesError ? 'field--invalid' : undefined}>
        <div role="group" aria-label={`${fieldLabels.roles}: ${name}`} className="catalogue-table__roles">
          {checkedRoles.map((role, index) => (
            <label key={role} className="checkbox">
              <input
                type="checkbox"
                id={index === 0 ? inputId(catalogueField(row.register, 'roles')) : undefined}
                checked={row.roles.includes(role)}
                disabled={statutory && role === 'uppdragstagare'}
                onChange={(e) =>
                  onChange({ roles: checkedRoles.filter((r) => (r === role ? e.target.checked : row.roles.includes(r))) })
                }
              />
              <span>{checkedRoleLabels[role]}</span>
            </label>
          ))}
        </div>
        {rolesError && <p className="field__error">{rolesError}</p>}
      </td>
      {number('maxAgeMonths')}
      {number('recheckMonths')}
    </tr>
  );
}
