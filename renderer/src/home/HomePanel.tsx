import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { commonNeeds, findMunicipality, homeKinds, isFosterHomeKind, municipalityNames, operators, personRoles, targetGenders } from '../../../preload/api';
import type { ChangedBy, Home, HomeKind, Operator, PersonRole, SimilarHome, TargetGender } from '../../../preload/api';
import { api } from '../bridge/api';
import { AppLink, BackButton } from '../routing/links';
import { paths } from '../routing/paths';
import type { ConfirmOptions } from '../components/ConfirmDialog';
import { ConflictPanel } from '../components/ConflictPanel';
import { genderLabels, kindInText, kindLabels, needLabels, operatorLabels, roleLabels } from '../labels';
import { QualityBrief } from '../quality/QualityPanel';
import { useAppVersion } from '../quality/useAppVersion';
import { HomeChecks } from './HomeChecks';
import { HomeEvents } from './HomeEvents';
import { adoptIds, differences, emptyValues, fieldLabel, fieldOf, inputId, newPersonKey, personField, sameValues, toInput, valuesFromHome } from './form';
import type { FormValues, PersonValues } from './form';

interface Props {
  /** The home to show, or null for a new one. */
  homeId: string | null;
  /** The home as changed elsewhere (Ångra in a toast): shown if it is this panel's home, edits kept. */
  refreshed: Home | null;
  /** The app's date (it moves on at midnight): the checks are judged on it. */
  today: string;
  /** Opened from another page: "Tillbaka" leads there. */
  showBack?: boolean;
  onClose: () => void;
  /** A home was saved or (re)activated here: the list needs fetching again. */
  onSaved: (home: Home) => void;
  /** A save is under way: leaving waits for it, so it can neither be lost nor land in another home. */
  onSaving: (saving: Promise<unknown>) => void;
  onDirtyChange: (dirty: boolean) => void;
  /** Makes the home active again from the toast, whichever panel is open by then. */
  onUndoDeactivate: (home: Home) => void;
  notify: (message: string, action?: { label: string; run: () => void }) => void;
  confirm: (options: ConfirmOptions) => Promise<boolean>;
  /** Opens another home (one that may be the same as this). */
  onOpenHome?: (homeId: string) => void;
}

/** A failed save: issues keyed by form field (household members by row key, see `fieldOf`). */
interface Failure {
  message: string;
  issues: { field: string; message: string }[];
}

const SAVE_FAILED = 'Hemmet kunde inte sparas';
/** main's word for a home that may already be in the register (services/homes). */
const DUPLICATE = 'Hemmet kan redan finnas i registret.';
const ADD_PERSON_ID = 'home-add-person';
const personSubfields = ['name', 'role', 'birthYear'];

export function HomePanel(props: Props) {
  const { homeId, refreshed, onClose, onSaved, onSaving, onDirtyChange, onUndoDeactivate, notify, confirm } = props;
  const [home, setHome] = useState<Home | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [baseline, setBaseline] = useState<FormValues>(emptyValues);
  const [values, setValues] = useState<FormValues>(emptyValues);
  const [failure, setFailure] = useState<Failure | null>(null);
  /** Homes that may be this one (same org.nr, or name and kommun): shown once before it is saved anyway. */
  const [similar, setSimilar] = useState<SimilarHome[]>([]);
  /** Someone else saved the home while this user edited it: the saved version, until the user chooses. */
  const [conflict, setConflict] = useState<{ changed: ChangedBy; saved: Home } | null>(null);
  const [saving, setSaving] = useState(false);
  const [seenRefresh, setSeenRefresh] = useState(refreshed);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const appVersion = useAppVersion();
  const summaryRef = useRef<HTMLDivElement>(null);
  /** Counts edits, so a save knows whether the user typed on while it was under way. */
  const edits = useRef(0);

  // The home changed elsewhere: take its new state (only the status can differ), keep the edits.
  if (refreshed !== seenRefresh) {
    setSeenRefresh(refreshed);
    if (refreshed && home && refreshed.id === home.id) setHome(refreshed);
  }

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

  const kind = values.kind;
  const foster = kind !== '' && isFosterHomeKind(kind);
  const personIndex = (key: string) => values.persons.findIndex((person) => person.key === key);

  // Issues about a member who has since been removed no longer apply. With the household hidden
  // (the kind is no longer a foster home), an issue about it belongs to the kind.
  const issues = (failure?.issues ?? []).filter((issue) => {
    const person = personField(issue.field);
    return !person || personIndex(person.key) !== -1;
  });
  const errors = new Map<string, string>();
  for (const issue of issues) {
    const person = personField(issue.field);
    let field = issue.field;
    if (person && !personSubfields.includes(person.sub)) field = `persons.${person.key}.name`;
    if (field === 'persons' && !foster) field = 'kind';
    if (field && !errors.has(field)) errors.set(field, issue.message);
  }

  const edit = (change: (old: FormValues) => FormValues) => {
    edits.current += 1;
    setValues(change);
  };
  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => edit((old) => ({ ...old, [key]: value }));
  const setPerson = (index: number, change: Partial<PersonValues>) =>
    edit((old) => ({ ...old, persons: old.persons.map((p, i) => (i === index ? { ...p, ...change } : p)) }));

  function removePerson(index: number) {
    const remaining = values.persons.length - 1;
    edit((old) => ({ ...old, persons: old.persons.filter((_, i) => i !== index) }));
    // Focus stays in the household: on the next member (now at this index), else on "Lägg till person".
    const next = index < remaining ? inputId(`persons.${index}.name`) : ADD_PERSON_ID;
    requestAnimationFrame(() => document.getElementById(next)?.focus());
  }

  /** `over`: the version the user chose to save over, after seeing it (ConflictPanel). */
  async function save(duplicateConfirmed = false, over?: Home) {
    if (saving) return;
    if (home && isFosterHomeKind(home.kind) && home.persons.length > 0 && kind !== '' && !foster) {
      const count = home.persons.length;
      const confirmed = await confirm({
        title: 'Ta bort hushållet?',
        message: `${count === 1 ? 'Hushållets enda person tas' : `Hushållets ${count} personer tas`} bort ur registret när hemmet blir ${kindInText(kind)}. Det går inte att ångra.`,
        confirmLabel: 'Spara och ta bort hushållet',
        tone: 'danger',
      });
      if (!confirmed) return;
    }
    const sent = values;
    const editsBefore = edits.current;
    setSaving(true);
    const version = (over ?? home)?.rowVersion;
    const request = api.saveHome({
      ...toInput(sent, home?.id),
      ...(home && version !== undefined ? { rowVersion: version } : {}),
      ...(duplicateConfirmed ? { duplicateConfirmed } : {}),
    });
    onSaving(request);
    const result = await request;
    setSaving(false);
    setSimilar([]);
    setConflict(null);
    if (!result.ok && result.error.changed && home) {
      // Someone saved first: their version beside this user's, and the user chooses.
      const stored = await api.getHome({ id: home.id });
      if (stored.ok) {
        setFailure(null);
        setConflict({ changed: result.error.changed, saved: stored.value });
        return;
      }
    }
    if (!result.ok && result.error.code === 'CONFLICT' && result.error.message === DUPLICATE) {
      // Named by main; asked for again with their ids, so each can be opened.
      const input = toInput(sent, home?.id);
      const found = await api.findSimilarHomes({ ...(home ? { id: home.id } : {}), name: input.name ?? '', municipality: input.municipality ?? null, orgNr: input.orgNr ?? null });
      if (found.ok && found.value.length > 0) {
        setFailure(null);
        setSimilar(found.value);
        requestAnimationFrame(() => document.getElementById('home-similar-title')?.focus());
        return;
      }
    }
    if (!result.ok) {
      showFailure({
        message: result.error.message,
        issues: (result.error.issues ?? []).map((issue) => ({ field: fieldOf(issue.path, sent.persons), message: issue.message })),
      });
      return;
    }
    const saved = valuesFromHome(result.value, sent);
    setFailure(null);
    setHome(result.value);
    setBaseline(saved);
    if (edits.current === editsBefore) {
      setValues(saved);
      onDirtyChange(false); // now, not after the next render: a leave waiting for this save reads it
    } else {
      setValues((old) => adoptIds(old, saved));
    }
    onSaved(result.value);
    notify(`Hemmet ”${result.value.name}” är sparat.`);
  }

  /** The user drops their edits for the version someone else saved. */
  function takeSaved(saved: Home) {
    const next = valuesFromHome(saved);
    setConflict(null);
    setHome(saved);
    setBaseline(next);
    setValues(next);
    onSaved(saved);
    notify(`Den sparade versionen av ”${saved.name}” visas.`);
    requestAnimationFrame(() => titleRef.current?.focus());
  }

  function showFailure(next: Failure) {
    setFailure(next);
    // After React has drawn the summary, move focus there so it is read out and can be followed.
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  /** Where the summary's link for a field leads: its input, or the nearest thing that is there. */
  function focusField(field: string) {
    const person = personField(field);
    let id: string;
    if (person) {
      const sub = personSubfields.includes(person.sub) ? person.sub : 'name';
      id = inputId(`persons.${personIndex(person.key)}.${sub}`);
    } else if (field === 'persons') {
      id = !foster ? inputId('kind') : values.persons.length > 0 ? inputId('persons.0.name') : ADD_PERSON_ID;
    } else {
      id = inputId(field);
    }
    (document.getElementById(id) ?? document.getElementById(inputId('kind')))?.focus();
  }

  async function toggleActive() {
    if (!home) return;
    if (home.active) {
      const confirmed = await confirm({
        title: `Inaktivera ${home.name}?`,
        message:
          'Hemmet visas inte längre bland de aktiva hemmen, men allt om det finns kvar i registret och det kan återaktiveras när som helst.',
        confirmLabel: 'Inaktivera',
        tone: 'danger',
      });
      if (!confirmed) return;
    }
    const result = await api.setHomeActive({ id: home.id, rowVersion: home.rowVersion, active: !home.active });
    if (!result.ok && result.error.changed) {
      // Someone saved the home since it was opened: the same choice as for a save, then try again.
      const stored = await api.getHome({ id: home.id });
      if (stored.ok) {
        setConflict({ changed: result.error.changed, saved: stored.value });
        return;
      }
    }
    if (!result.ok) {
      notify(result.error.message);
      return;
    }
    // Only the status changes: edits not yet saved stay in the form.
    const changed = result.value;
    setHome(changed);
    onSaved(changed);
    if (changed.active) {
      notify(`Hemmet ”${changed.name}” är aktivt igen.`);
    } else {
      notify(`Hemmet ”${changed.name}” är inaktiverat.`, { label: 'Ångra', run: () => onUndoDeactivate(changed) });
    }
  }

  const title = home ? home.name : homeId === null ? 'Nytt hem' : 'Hem';
  const eyebrow = home ? kindLabels[home.kind] : kind !== '' ? kindLabels[kind] : null;
  const loading = homeId !== null && home?.id !== homeId && loadError === null;
  // The message only when it says more than the heading and the list of issues would.
  const extraMessage =
    failure && issues.length === 0 && failure.message.replace(/\.$/, '') !== SAVE_FAILED ? failure.message : null;

  return (
    <section className="panel" aria-labelledby="panel-title">
      <header className="panel__header">
        <div>
          {props.showBack && <BackButton className="panel__back" />}
          {(eyebrow || dirty) && (
            <p className="panel__eyebrow">
              {eyebrow}
              {dirty && <span className="panel__dirty">Osparade ändringar</span>}
            </p>
          )}
          <h2 id="panel-title" className="panel__title" ref={titleRef} tabIndex={-1}>
            {title}
            {home && !home.active && <span className="badge badge--inactive panel__badge">Inaktiv</span>}
          </h2>
          {home && (
            // Before the next placement here: everything the municipality knows of the home on one page.
            <AppLink to={paths.homeHistory(home.id)} className="text-link panel__history">
              Vårdgivarhistorik
            </AppLink>
          )}
          {home && <QualityBrief homeId={home.id} today={props.today} version={appVersion} />}
        </div>
        <button type="button" className="icon-button" aria-label="Stäng" aria-keyshortcuts="Escape" title="Stäng (Esc)" onClick={onClose}>
          ×
        </button>
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
            {conflict && (
              <ConflictPanel
                what="hemmet"
                changed={conflict.changed}
                fields={differences(values, valuesFromHome(conflict.saved))}
                busy={saving}
                onKeepMine={() => {
                  // The stored home is now theirs; the form keeps the user's values, saved from it.
                  setHome(conflict.saved);
                  void save(false, conflict.saved);
                }}
                onTakeSaved={() => takeSaved(conflict.saved)}
              />
            )}
            {similar.length > 0 && (
              <div className="similar-homes" role="alert" aria-labelledby="home-similar-title">
                <h3 id="home-similar-title" className="similar-homes__title" tabIndex={-1}>Hemmet kan redan finnas i registret</h3>
                <p>Samma hem två gånger delar dess historik i två. Öppna det befintliga, eller spara om det verkligen är ett annat hem.</p>
                <ul className="similar-homes__list">
                  {similar.map((other) => (
                    <li key={other.id}>
                      <span>
                        <strong>{other.name}</strong> ({[kindLabels[other.kind], other.municipality, other.orgNr && `org.nr ${other.orgNr}`].filter(Boolean).join(', ')}) – {other.reason}
                      </span>
                      {props.onOpenHome && (
                        <button type="button" className="button button--quiet" onClick={() => props.onOpenHome?.(other.id)}>
                          Öppna {other.name}
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
                <div className="similar-homes__actions">
                  <button type="button" className="button" onClick={() => void save(true)}>Spara ändå</button>
                  <button type="button" className="button button--quiet" onClick={() => setSimilar([])}>Ändra uppgifterna</button>
                </div>
              </div>
            )}
            <div ref={summaryRef} tabIndex={-1} className={failure ? 'error-summary' : 'error-summary error-summary--empty'} role="alert">
              {failure && (
                <>
                  <h3 className="error-summary__title">{SAVE_FAILED}</h3>
                  {extraMessage && <p>{extraMessage}</p>}
                  {issues.length > 0 && (
                    <ul>
                      {issues.map((issue) => {
                        const person = personField(issue.field);
                        const label = fieldLabel(issue.field, person ? personIndex(person.key) : undefined);
                        return (
                          <li key={`${issue.field}:${issue.message}`}>
                            {issue.field === '' ? (
                              issue.message
                            ) : (
                              <button type="button" className="link-button" onClick={() => focusField(issue.field)}>
                                {label}: {issue.message}
                              </button>
                            )}
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
              <TextField field="name" label="Namn" required errors={errors} value={values.name} onChange={(v) => set('name', v)} />
              <div className="form-row">
                <MunicipalityField errors={errors} value={values.municipality} onChange={(v) => set('municipality', v)} />
                <TextField field="capacity" label="Antal platser" numeric narrow errors={errors} value={values.capacity} onChange={(v) => set('capacity', v)} />
              </div>
            </fieldset>

            {kind !== '' && !foster && (
              <>
                <fieldset className="form-section">
                  <legend>Verksamhet</legend>
                  <div className="form-row">
                    <TextField field="orgNr" label="Organisationsnummer" hint="Till exempel 556677-8899." numeric errors={errors} value={values.orgNr} onChange={(v) => set('orgNr', v)} />
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
                    <TextField field="minAge" label="Ålder från" numeric narrow errors={errors} value={values.minAge} onChange={(v) => set('minAge', v)} />
                    <TextField field="maxAge" label="Ålder till" numeric narrow errors={errors} value={values.maxAge} onChange={(v) => set('maxAge', v)} />
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
                    <legend>Tar emot barn och unga med</legend>
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
                  <TextField field="otherNeeds" label="Andra behov" hint="Skilj flera behov åt med kommatecken." errors={errors} value={values.otherNeeds} onChange={(v) => set('otherNeeds', v)} />
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
                      onRemove={() => removePerson(index)}
                    />
                  ))}
                  {errors.has('persons') && <p className="field__error">{errors.get('persons')}</p>}
                  <button
                    type="button"
                    id={ADD_PERSON_ID}
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
                <div className="form-section">
                  <TextField field="agency" label="Konsulentverksamhet" hint="Lämna tomt om hemmet inte är konsulentstött." errors={errors} value={values.agency} onChange={(v) => set('agency', v)} />
                </div>
              </>
            )}

            {home && <HomeChecks key={`checks-${home.id}`} home={home} today={props.today} notify={notify} onChanged={() => onSaved(home)} />}
            {home && <HomeEvents key={home.id} home={home} notify={notify} onChanged={() => onSaved(home)} />}
          </div>

          <footer className="panel__footer">
            <div className="panel__footer-main">
              <button type="submit" className="button button--primary" disabled={saving}>
                {saving ? 'Sparar…' : home ? 'Spara ändringar' : 'Spara hemmet'}
              </button>
              <button type="button" className="button" onClick={onClose}>{dirty ? 'Avbryt' : 'Stäng'}</button>
            </div>
            {home && (
              // One button whose label changes, so focus stays on it when the status does.
              <button
                type="button"
                id="home-active-toggle"
                className={home.active ? 'button button--danger-quiet' : 'button'}
                onClick={() => void toggleActive()}
              >
                {home.active ? 'Inaktivera' : 'Återaktivera'}
              </button>
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

/**
 * A label tied to its input, an optional hint, and the error for the field from the last save.
 * `field` names the error; `id` the input, when it differs from the field's own (household rows).
 */
function Field(props: {
  field: string;
  id?: string;
  label: string;
  errors: Map<string, string>;
  hint?: string;
  required?: boolean;
  narrow?: boolean;
  children: (input: InputProps) => ReactNode;
}) {
  const id = props.id ?? inputId(props.field);
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

/** A `Field` with a one-line text input; `numeric` asks for the number keyboard. */
function TextField({
  value,
  onChange,
  numeric,
  ...field
}: Omit<Parameters<typeof Field>[0], 'children'> & { value: string; onChange: (value: string) => void; numeric?: boolean }) {
  return (
    <Field {...field}>
      {(props) => (
        <input
          {...props}
          className="input"
          autoComplete="off"
          inputMode={numeric ? 'numeric' : undefined}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

const MUNICIPALITY_LIST_ID = 'home-municipality-list';

/**
 * The kommun: typed, with Sweden's 290 municipalities suggested as the user types (a datalist),
 * and written the official way when the field is left ("örebro" becomes Örebro). The service
 * refuses a name that is no municipality, at this field.
 */
function MunicipalityField({ value, onChange, errors }: { value: string; onChange: (value: string) => void; errors: Map<string, string> }) {
  return (
    <Field field="municipality" label="Kommun" hint="Skriv och välj i listan." errors={errors}>
      {(props) => (
        <>
          <input
            {...props}
            className="input"
            autoComplete="off"
            list={MUNICIPALITY_LIST_ID}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            onBlur={() => {
              const official = findMunicipality(value)?.name;
              if (official !== undefined && official !== value) onChange(official);
            }}
          />
          <datalist id={MUNICIPALITY_LIST_ID}>
            {municipalityNames.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}

/** One member of the household: errors follow the row's key, input ids its position. */
function PersonRow(props: {
  index: number;
  person: PersonValues;
  errors: Map<string, string>;
  onChange: (change: Partial<PersonValues>) => void;
  onRemove: () => void;
}) {
  const { index, person, errors } = props;
  const field = (name: string) => `persons.${person.key}.${name}`;
  const id = (name: string) => inputId(`persons.${index}.${name}`);
  const who = person.name.trim() || `person ${index + 1}`;
  return (
    <fieldset className="person">
      <legend className="person__legend">Person {index + 1}</legend>
      <TextField field={field('name')} id={id('name')} label="Namn" required errors={errors} value={person.name} onChange={(name) => props.onChange({ name })} />
      <Field field={field('role')} id={id('role')} label="Roll" errors={errors}>
        {(p) => (
          <select {...p} className="input" value={person.role} onChange={(e) => props.onChange({ role: e.target.value as PersonRole | '' })}>
            {personRoles.map((role) => (
              <option key={role} value={role}>{roleLabels[role]}</option>
            ))}
          </select>
        )}
      </Field>
      <TextField field={field('birthYear')} id={id('birthYear')} label="Födelseår" numeric narrow errors={errors} value={person.birthYear} onChange={(birthYear) => props.onChange({ birthYear })} />
      <button type="button" className="button button--quiet person__remove" aria-label={`Ta bort ${who}`} onClick={props.onRemove}>
        Ta bort
      </button>
    </fieldset>
  );
}
