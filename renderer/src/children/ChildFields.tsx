import { useMemo, useState } from 'react';
import type { ChildListRow } from '../../../preload/api';
import { svCollator } from '../labels';
import { DateField, Field, TextField } from '../placement/fields';
import { childInputId } from './childForm';
import type { ChildMode, ChildValues } from './childForm';

/** Above this many children the picker gets a filter box. */
const FILTER_FROM = 8;

/** How a child is named in the picker: never more than the API gives for a masked child. */
function optionLabel(child: ChildListRow): string {
  // Withheld for a masked child: its label already gives the year ("Skyddad identitet (f. 2012)").
  const born = child.birthDate === null ? '' : ` (f. ${child.birthDate})`;
  const active = child.activePlacementId ? ' · har en pågående placering' : '';
  return `${child.label}${born}${active}`;
}

/**
 * The child of a new placement: one already in the register, or a new one with a minimal
 * identity. The children come from the form (it decides which mode to start in).
 */
export function ChildFields(props: {
  values: ChildValues;
  /** The children in the register. */
  known: ChildListRow[];
  errors: Map<string, string>;
  onChange: (change: Partial<ChildValues>) => void;
}) {
  const { values, known: children, errors, onChange } = props;
  const [filter, setFilter] = useState('');

  const sorted = useMemo(() => [...children].sort((a, b) => svCollator.compare(a.label, b.label)), [children]);
  const shown = useMemo(() => {
    const words = filter.trim().toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);
    const matching = sorted.filter((child) => words.every((word) => optionLabel(child).toLocaleLowerCase('sv').includes(word)));
    // The chosen child stays in the list, so the select never shows another one than is chosen.
    const chosen = sorted.find((child) => child.id === values.childId);
    return chosen && !matching.includes(chosen) ? [chosen, ...matching] : matching;
  }, [sorted, filter, values.childId]);

  const setMode = (mode: ChildMode) => onChange({ mode });

  return (
    <fieldset className="form-section">
      <legend>Barnet</legend>
      <div className="radio-row">
        <label className="checkbox">
          <input type="radio" name="child-mode" checked={values.mode === 'existing'} disabled={children.length === 0} onChange={() => setMode('existing')} />
          Barn som redan finns i registret
        </label>
        <label className="checkbox">
          <input type="radio" name="child-mode" checked={values.mode === 'new'} onChange={() => setMode('new')} />
          Nytt barn
        </label>
      </div>

      {values.mode === 'existing' ? (
        <>
          {children.length > FILTER_FROM && (
            <div className="field">
              <label htmlFor="child-filter">Sök barn</label>
              <input
                id="child-filter"
                type="search"
                className="input"
                autoComplete="off"
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Escape' && filter !== '') {
                    e.preventDefault();
                    e.stopPropagation();
                    setFilter('');
                  }
                }}
              />
            </div>
          )}
          <Field id={childInputId('child')} label="Barn" required error={errors.get('child')}>
            {(p) => (
              <select {...p} className="input" value={values.childId} onChange={(e) => onChange({ childId: e.target.value })}>
                <option value="">{shown.length === 0 ? 'Inget barn matchar' : 'Välj barn'}</option>
                {shown.map((child) => (
                  <option key={child.id} value={child.id}>{optionLabel(child)}</option>
                ))}
              </select>
            )}
          </Field>
        </>
      ) : (
        <ChildIdentityFields values={values} errors={errors} onChange={onChange} />
      )}
    </fieldset>
  );
}

/** A child's minimal identity: name or initials, birth date, personnummer, protected identity. For a new child and to correct one. */
export function ChildIdentityFields(props: {
  values: Pick<ChildValues, 'name' | 'birthDate' | 'personnummer' | 'protectedIdentity'>;
  errors: Map<string, string>;
  onChange: (change: Partial<ChildValues>) => void;
}) {
  const { values, errors, onChange } = props;
  return (
    <>
      <TextField
        id={childInputId('child.name')}
        label="Namn eller initialer"
        hint="Frivilligt. Registrera inte mer än ni behöver."
        maxLength={200}
        error={errors.get('child.name')}
        value={values.name}
        onChange={(name) => onChange({ name })}
      />
      <div className="form-row">
        <DateField
          id={childInputId('child.birthDate')}
          label="Födelsedatum"
          required
          error={errors.get('child.birthDate')}
          value={values.birthDate}
          onChange={(birthDate) => onChange({ birthDate })}
        />
        <TextField
          id={childInputId('child.personnummer')}
          label="Personnummer"
          hint="Frivilligt. Med eller utan bindestreck."
          maxLength={20}
          error={errors.get('child.personnummer')}
          value={values.personnummer}
          onChange={(personnummer) => onChange({ personnummer })}
        />
      </div>
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            id={childInputId('child.protectedIdentity')}
            aria-describedby="child-protected-hint"
            checked={values.protectedIdentity}
            onChange={(e) => onChange({ protectedIdentity: e.target.checked })}
          />
          Skyddad identitet
        </label>
        <p className="field__hint" id="child-protected-hint">
          Namn och personnummer döljs överallt och visas bara när någon väljer att visa dem på placeringens sida.
        </p>
        {errors.get('child.protectedIdentity') && <p className="field__error">{errors.get('child.protectedIdentity')}</p>}
      </div>
    </>
  );
}
