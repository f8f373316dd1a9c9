import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { commonNeeds, homeKinds, isFosterHomeKind, operators, personRoles, targetGenders } from '../../../preload/api';
import type { ApiIssue, Home, HomeKind, Operator, PersonRole, TargetGender } from '../../../preload/api';
import { api } from '../bridge/api';
import type { ConfirmOptions } from '../components/ConfirmDialog';
import { genderLabels, kindLabels, needLabels, operatorLabels, roleLabels } from '../labels';
import { emptyValues, fieldLabel, fieldOf, inputId, newPersonKey, sameValues, toInput, valuesFromHome } from './form';
import type { FormValues, PersonValues } from './form';

interface Props {
  /** The home to show, or null for a new one. */
  homeId: string | null;
  onClose: () => void;
  /** A home was saved or (re)activated: the list needs fetching again. */
  onChanged: (home: Home) => void;
  onDirtyChange: (dirty: boolean) => void;
  notify: (message: string, action?: { label: string; run: () => void }) => void;
  confirm: (options: ConfirmOptions) => Promise<boolean>;
}

interface Failure {
  message: string;
  issues: ApiIssue[];
}

export function HomePanel({ homeId, onClose, onChanged, onDirtyChange, notify, confirm }: Props) {
  const [home, setHome] = useState<Home | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [baseline, setBaseline] = useState<FormValues>(emptyValues);
  const [values, setValues] = useState<FormValues>(emptyValues);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  // Load the home unless it is the one already shown (after creating it, the id arrives from the save).
  const shownId = home?.id ?? null;
  useEffect(() => {
    if (homeId === null || homeId === shownId) return;
    let current = true;
    void api.getHome({ id: homeId }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setHome(result.value);
        setBaseline(valuesFromHome(result.value));
        setValues(valuesFromHome(result.value));
        setLoadError(null);
      } else {
        setLoadError(result.error.message);
      }
    });
    return () => {
      current = false;
    };
  }, [homeId, shownId]);

  // The panel is mounted anew for every home opened: start reading at its title.
  useEffect(() => titleRef.current?.focus(), []);

  const dirty = !sameValues(values, baseline);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const loading = homeId !== null && home?.id !== homeId && loadError === null;
  const errors = new Map<string, string>();
  for (const issue of failure?.issues ?? []) {
    const field = fieldOf(issue.path);
    if (field && !errors.has(field)) errors.set(field, issue.message);
  }

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => setValues((old) => ({ ...old, [key]: value }));
  const setPerson = (index: number, change: Partial<PersonValues>) =>
    setValues((old) => ({ ...old, persons: old.persons.map((p, i) => (i === index ? { ...p, ...change } : p)) }));

  async function save() {
    setSaving(true);
    const result = await api.saveHome(toInput(values, home?.id));
    setSaving(false);
    if (!result.ok) {
      showFailure({ message: result.error.message, issues: result.error.issues ?? [] });
      return;
    }
    setFailure(null);
    setHome(result.value);
    setBaseline(valuesFromHome(result.value));
    setValues(valuesFromHome(result.value));
    onChanged(result.value);
    notify(`${result.value.name} är sparat.`);
  }

  function showFailure(next: Failure) {
    setFailure(next);
    // After React has drawn the summary, move focus there so it is read out and can be followed.
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  async function setActive(active: boolean) {
    if (!home) return;
    const result = await api.setHomeActive({ id: home.id, active });
    if (!result.ok) {
      notify(result.error.message);
      return;
    }
    // Only the status changes: edits not yet saved stay in the form.
    setHome(result.value);
    onChanged(result.value);
    return result.value;
  }

  async function deactivate() {
    if (!home) return;
    const confirmed = await confirm({
      title: `Inaktivera ${home.name}?`,
      message:
        'Hemmet visas inte längre bland de aktiva hemmen, men allt om det finns kvar i registret och det kan återaktiveras när som helst.',
      confirmLabel: 'Inaktivera',
      tone: 'danger',
    });
    if (!confirmed) return;
    const changed = await setActive(false);
    if (changed) {
      notify(`${changed.name} är inaktiverat.`, { label: 'Ångra', run: () => void setActive(true) });
    }
  }

  async function reactivate() {
    const changed = await setActive(true);
    if (changed) notify(`${changed.name} är aktivt igen.`);
  }

  const title = home ? home.name : homeId === null ? 'Nytt hem' : 'Hem';
  const kind = values.kind;
  const foster = kind !== '' && isFosterHomeKind(kind);

  return (
    <section className="panel" aria-labelledby="panel-title">
      <header className="panel__header">
        <div>
          <p className="panel__eyebrow">
            {home ? kindLabels[home.kind] : 'Registret'}
            {dirty && <span className="panel__dirty">Osparade ändringar</span>}
          </p>
          <h2 id="panel-title" className="panel__title" ref={titleRef} tabIndex={-1}>
            {title}
            {home && !home.active && <span className="badge badge--inactive panel__badge">Inaktiv</span>}
          </h2>
        </div>
        <button type="button" className="icon-button" aria-label="Stäng (Esc)" onClick={onClose}>×</button>
      </header>

      {loading && <p className="panel__message" role="status">Hämtar hemmet…</p>}
      {loadError && (
        <div className="panel__message panel__message--error" role="alert">Hemmet kunde inte hämtas. {loadError}</div>
      )}

      {!loading && !loadError && (
        <form
          className="panel__form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <div className="panel__body">
            <div ref={summaryRef} tabIndex={-1} className={failure ? 'error-summary' : 'error-summary error-summary--empty'} role="alert">
              {failure && (
                <>
                  <h3 className="error-summary__title">Hemmet kunde inte sparas</h3>
                  <p>{failure.message}</p>
                  {failure.issues.length > 0 && (
                    <ul>
                      {failure.issues.map((issue) => {
                        const field = fieldOf(issue.path);
                        return (
                          <li key={`${issue.path}:${issue.message}`}>
                            <button
                              type="button"
                              className="link-button"
                              onClick={() => document.getElementById(inputId(field || 'name'))?.focus()}
                            >
                              {fieldLabel(field)}: {issue.message}
                            </button>
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </>
              )}
            </div>

            <fieldset className="form-section">
              <legend>Grunduppgifter</legend>
              <Field field="kind" label="Typ av hem" required errors={errors}>
                {(props) => (
                  <select {...props} className="input" value={kind} onChange={(e) => set('kind', e.target.value as HomeKind | '')}>
                    <option value="">Välj typ</option>
                    {homeKinds.map((value) => (
                      <option key={value} value={value}>{kindLabels[value]}</option>
                    ))}
                  </select>
                )}
              </Field>
              <Field field="name" label="Namn" required errors={errors}>
                {(props) => <input {...props} className="input" autoComplete="off" value={values.name} onChange={(e) => set('name', e.target.value)} />}
              </Field>
              <div className="form-row">
                <Field field="municipality" label="Kommun" errors={errors}>
                  {(props) => <input {...props} className="input" autoComplete="off" value={values.municipality} onChange={(e) => set('municipality', e.target.value)} />}
                </Field>
                <Field field="capacity" label="Antal platser" errors={errors} narrow>
                  {(props) => <input {...props} className="input" inputMode="numeric" value={values.capacity} onChange={(e) => set('capacity', e.target.value)} />}
                </Field>
              </div>
            </fieldset>

            {kind !== '' && !foster && (
              <>
                <fieldset className="form-section">
                  <legend>Verksamhet</legend>
                  <div className="form-row">
                    <Field field="orgNr" label="Organisationsnummer" errors={errors} hint="Till exempel 556677-8899.">
                      {(props) => <input {...props} className="input" autoComplete="off" inputMode="numeric" value={values.orgNr} onChange={(e) => set('orgNr', e.target.value)} />}
                    </Field>
                    <Field field="operator" label="Huvudman" errors={errors}>
                      {(props) => (
                        <select {...props} className="input" value={values.operator} onChange={(e) => set('operator', e.target.value as Operator | '')}>
                          <option value="">Ej angiven</option>
                          {operators.map((value) => (
                            <option key={value} value={value}>{operatorLabels[value]}</option>
                          ))}
                        </select>
                      )}
                    </Field>
                  </div>
                </fieldset>

                <fieldset className="form-section">
                  <legend>Målgrupp</legend>
                  <div className="form-row">
                    <Field field="minAge" label="Ålder från" errors={errors} narrow>
                      {(props) => <input {...props} className="input" inputMode="numeric" value={values.minAge} onChange={(e) => set('minAge', e.target.value)} />}
                    </Field>
                    <Field field="maxAge" label="Ålder till" errors={errors} narrow>
                      {(props) => <input {...props} className="input" inputMode="numeric" value={values.maxAge} onChange={(e) => set('maxAge', e.target.value)} />}
                    </Field>
                    <Field field="gender" label="Kön" errors={errors}>
                      {(props) => (
                        <select {...props} className="input" value={values.gender} onChange={(e) => set('gender', e.target.value as TargetGender | '')}>
                          <option value="">Ej angivet</option>
                          {targetGenders.map((value) => (
                            <option key={value} value={value}>{genderLabels[value]}</option>
                          ))}
                        </select>
                      )}
                    </Field>
                  </div>
                  <fieldset className="checkbox-group" aria-describedby={errors.has('needs') ? `${inputId('needs')}-error` : undefined}>
                    <legend>Behov som hemmet tar emot</legend>
                    <div className="checkbox-group__items">
                      {commonNeeds.map((need, index) => (
                        <label key={need} className="checkbox">
                          <input
                            type="checkbox"
                            id={index === 0 ? inputId('needs') : undefined}
                            checked={values.needs.includes(need)}
                            onChange={(e) =>
                              set('needs', e.target.checked ? [...values.needs, need] : values.needs.filter((n) => n !== need))
                            }
                          />
                          {needLabels[need] ?? need}
                        </label>
                      ))}
                    </div>
                    {errors.has('needs') && <p className="field__error" id={`${inputId('needs')}-error`}>{errors.get('needs')}</p>}
                  </fieldset>
                  <Field field="otherNeeds" label="Andra behov" errors={errors} hint="Skilj flera behov åt med kommatecken.">
                    {(props) => <input {...props} className="input" autoComplete="off" value={values.otherNeeds} onChange={(e) => set('otherNeeds', e.target.value)} />}
                  </Field>
                </fieldset>
              </>
            )}

            {foster && (
              <>
                <fieldset className="form-section">
                  <legend>Hushållet</legend>
                  {values.persons.length === 0 && <p className="muted">Inga personer tillagda ännu.</p>}
                  {values.persons.map((person, index) => (
                    <PersonRow
                      key={person.key}
                      index={index}
                      person={person}
                      errors={errors}
                      onChange={(change) => setPerson(index, change)}
                      onRemove={() => {
                        setValues((old) => ({ ...old, persons: old.persons.filter((_, i) => i !== index) }));
                      }}
                    />
                  ))}
                  {errors.has('persons') && <p className="field__error">{errors.get('persons')}</p>}
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => {
                      const index = values.persons.length;
                      set('persons', [...values.persons, { key: newPersonKey(), name: '', role: 'uppdragstagare', birthYear: '' }]);
                      requestAnimationFrame(() => document.getElementById(inputId(`persons.${index}.name`))?.focus());
                    }}
                  >
                    + Lägg till person
                  </button>
                </fieldset>
                <fieldset className="form-section">
                  <legend>Konsulentverksamhet</legend>
                  <Field field="agency" label="Konsulentverksamhet" errors={errors} hint="Lämna tomt om hemmet inte är konsulentstött.">
                    {(props) => <input {...props} className="input" autoComplete="off" value={values.agency} onChange={(e) => set('agency', e.target.value)} />}
                  </Field>
                </fieldset>
              </>
            )}
          </div>

          <footer className="panel__footer">
            <div className="panel__footer-main">
              <button type="submit" className="button button--primary" disabled={saving}>
                {saving ? 'Sparar…' : home ? 'Spara ändringar' : 'Spara hemmet'}
              </button>
              <button type="button" className="button" onClick={onClose}>{dirty ? 'Avbryt' : 'Stäng'}</button>
            </div>
            {home && home.active && (
              <button type="button" className="button button--danger-quiet" onClick={() => void deactivate()}>Inaktivera</button>
            )}
            {home && !home.active && (
              <button type="button" className="button" onClick={() => void reactivate()}>Återaktivera</button>
            )}
          </footer>
        </form>
      )}
    </section>
  );
}

interface InputProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
  'aria-required'?: true;
}

/** A label tied to its input, an optional hint, and the error for the field from the last save. */
function Field(props: {
  field: string;
  label: string;
  errors: Map<string, string>;
  hint?: string;
  required?: boolean;
  narrow?: boolean;
  children: (input: InputProps) => ReactNode;
}) {
  const id = inputId(props.field);
  const error = props.errors.get(props.field);
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${props.narrow ? ' field--narrow' : ''}${error ? ' field--invalid' : ''}`}>
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

function PersonRow(props: {
  index: number;
  person: PersonValues;
  errors: Map<string, string>;
  onChange: (change: Partial<PersonValues>) => void;
  onRemove: () => void;
}) {
  const { index, person, errors } = props;
  const field = (name: string) => `persons.${index}.${name}`;
  const who = person.name.trim() || `person ${index + 1}`;
  return (
    <fieldset className="person">
      <legend className="person__legend">Person {index + 1}</legend>
      <Field field={field('name')} label="Namn" required errors={errors}>
        {(p) => <input {...p} className="input" autoComplete="off" value={person.name} onChange={(e) => props.onChange({ name: e.target.value })} />}
      </Field>
      <Field field={field('role')} label="Roll" errors={errors}>
        {(p) => (
          <select {...p} className="input" value={person.role} onChange={(e) => props.onChange({ role: e.target.value as PersonRole | '' })}>
            {personRoles.map((role) => (
              <option key={role} value={role}>{roleLabels[role]}</option>
            ))}
          </select>
        )}
      </Field>
      <Field field={field('birthYear')} label="Födelseår" errors={errors} narrow>
        {(p) => <input {...p} className="input" inputMode="numeric" value={person.birthYear} onChange={(e) => props.onChange({ birthYear: e.target.value })} />}
      </Field>
      <button type="button" className="button button--quiet person__remove" aria-label={`Ta bort ${who}`} onClick={props.onRemove}>
        Ta bort
      </button>
    </fieldset>
  );
}
