import { useEffect, useRef, useState } from 'react';
import {
  DEFAULT_EXCLUSION_MONTHS,
  homeKinds,
  isCalendarDate,
  legalBases,
  type AuditPreview,
  type AuditPreviewInput,
  type HomeKind,
  type LegalBasis,
} from '../../../preload/api';
import { api } from '../bridge/api';
import { kindLabels, legalBasisLabels } from '../labels';
import { DateField, Field, SelectField, TextField, errorMap, failureOf, type Failure } from '../placement/fields';
import { useDebounced } from '../register/useDebounced';
import { useSession } from '../shell/SignIn';
import { filesText, placementsText } from './auditText';
import './audits.css';

interface DrawValues {
  name: string;
  from: string;
  to: string;
  unit: string;
  form: HomeKind | '';
  legalBasis: LegalBasis | '';
  caseworker: string;
  sizeKind: 'count' | 'percent';
  size: string;
  seedKind: 'random' | 'own';
  seed: string;
  exclude: boolean;
  exclusionMonths: string;
}

type DrawField = 'name' | 'from' | 'to' | 'unit' | 'form' | 'legalBasis' | 'caseworker' | 'size' | 'seed' | 'exclusionMonths';

/** The form's fields in its order: focus goes to the first with a problem. */
const fieldOrder: readonly DrawField[] = ['name', 'from', 'to', 'unit', 'form', 'legalBasis', 'caseworker', 'size', 'seed', 'exclusionMonths'];

const fieldLabels: Record<DrawField, string> = {
  name: 'Namn',
  from: 'Period från',
  to: 'Period till',
  unit: 'Enhet',
  form: 'Boendeform',
  legalBasis: 'Lagrum',
  caseworker: 'Handläggare',
  size: 'Urvalets storlek',
  seed: 'Eget frö',
  exclusionMonths: 'Antal månader',
};

/** Which field's error a value's change answers ("Andel" instead of "Antal" answers the size's). */
const fieldOfValue: Partial<Record<keyof DrawValues, DrawField>> = {
  name: 'name',
  from: 'from',
  to: 'to',
  unit: 'unit',
  form: 'form',
  legalBasis: 'legalBasis',
  caseworker: 'caseworker',
  sizeKind: 'size',
  size: 'size',
  seedKind: 'seed',
  seed: 'seed',
  exclude: 'exclusionMonths',
  exclusionMonths: 'exclusionMonths',
};

export const drawFieldId = (field: DrawField): string => `audit-new-${field}`;

/** "/size/value" → "size": the first step of the path names the field. */
function fieldOfPath(path: string): string {
  const first = path.split('/')[1] ?? '';
  return (fieldOrder as readonly string[]).includes(first) ? first : '';
}

/**
 * The last half-year that has ended: rounds are made twice a year, each over the half before it
 * (in the autumn the spring's placements, in the spring the autumn's).
 */
function lastHalfYear(today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  return today.slice(5) >= '07-01' ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year - 1}-07-01`, to: `${year - 1}-12-31` };
}

const initialValues = (today: string): DrawValues => ({
  name: '',
  ...lastHalfYear(today),
  unit: '',
  form: '',
  legalBasis: '',
  caseworker: '',
  sizeKind: 'count',
  size: '',
  seedKind: 'random',
  seed: '',
  exclude: true,
  exclusionMonths: String(DEFAULT_EXCLUSION_MONTHS),
});

/** The failure without `field`'s issues; none at all when only that field's were left. */
function withoutField(failure: Failure, field: DrawField): Failure | null {
  const issues = failure.issues.filter((issue) => issue.field !== field);
  return issues.length === 0 ? null : { ...failure, issues };
}

const wholeNumber = (text: string): number | null => (/^\s*\d{1,6}\s*$/.test(text) ? Number(text) : null);

/** What the form asks main for, the size and months as typed (main says what is wrong with them). */
function drawInput(values: DrawValues) {
  const size = wholeNumber(values.size);
  const months = wholeNumber(values.exclusionMonths);
  return {
    from: values.from.trim(),
    to: values.to.trim(),
    unit: values.unit.trim() || null,
    form: values.form || null,
    legalBasis: values.legalBasis || null,
    caseworker: values.caseworker.trim() || null,
    size: { kind: values.sizeKind, value: size ?? Number.NaN },
    exclusionMonths: values.exclude ? (months ?? Number.NaN) : null,
  };
}

const formOptions = homeKinds.map((value) => ({ value, label: kindLabels[value] }));
const legalBasisOptions = legalBases.map((value) => ({ value, label: legalBasisLabels[value] }));

type PreviewState =
  | { kind: 'idle'; text: string }
  | { kind: 'busy' }
  | { kind: 'answer'; preview: AuditPreview; sizeKnown: boolean }
  | { kind: 'error'; text: string };

/**
 * Ny granskningsomgång (enhetschef): the period, the filters, how many files and the seed. While
 * the form is filled in, a preview says how many placements the draw is made from and how many
 * files it gives; "Dra urvalet" makes the round and opens it.
 */
export function NewAuditRoundPage(props: {
  today: string;
  onCreated: (roundId: string) => void;
  onChanged: () => void;
  notify: (message: string) => void;
  onDirtyChange: (dirty: boolean) => void;
  onSaving: (request: Promise<unknown>) => void;
}) {
  const { today, onDirtyChange } = props;
  const { user } = useSession();
  const [baseline, setBaseline] = useState(() => initialValues(today));
  const [values, setValues] = useState<DrawValues>(baseline);
  // The months a recently audited file is left out are a rule setting (Regler): the form starts
  // with them once read, unless the field has been changed by then.
  useEffect(() => {
    let current = true;
    void api.getRuleSettings({}).then((result) => {
      if (!current || !result.ok) return;
      const months = result.value.parameters.find((parameter) => parameter.key === 'auditExclusionMonths')?.value;
      if (months === undefined) return;
      const untouched = String(DEFAULT_EXCLUSION_MONTHS);
      setBaseline((old) => ({ ...old, exclusionMonths: String(months) }));
      setValues((old) => (old.exclusionMonths === untouched ? { ...old, exclusionMonths: String(months) } : old));
    });
    return () => {
      current = false;
    };
  }, []);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const set = <K extends keyof DrawValues>(key: K, value: DrawValues[K]) => {
    setValues((old) => ({ ...old, [key]: value }));
    // A field's error is about what was sent: once the field changes, it no longer holds.
    const field = fieldOfValue[key];
    if (field) setFailure((old) => (old && old.issues.some((issue) => issue.field === field) ? withoutField(old, field) : old));
  };

  const dirty = JSON.stringify(values) !== JSON.stringify(baseline);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  // Leaving the page (the guard has asked by then) leaves nothing unsaved behind.
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  const preview = usePreview(values);
  const errors = errorMap(failure);

  function showFailure(next: Failure) {
    setFailure(next);
    const first = fieldOrder.find((field) => next.issues.some((issue) => issue.field === field));
    requestAnimationFrame(() => (first ? document.getElementById(drawFieldId(first)) : summaryRef.current)?.focus());
  }

  async function submit() {
    if (saving) return;
    const input = drawInput(values);
    const local: Failure['issues'] = [];
    if (Number.isNaN(input.size.value)) local.push({ field: 'size', message: values.sizeKind === 'count' ? 'Ange antalet akter som ett heltal, till exempel 20.' : 'Ange andelen i procent som ett heltal, till exempel 10.' });
    if (input.exclusionMonths !== null && Number.isNaN(input.exclusionMonths)) local.push({ field: 'exclusionMonths', message: 'Ange antalet månader som ett heltal, till exempel 12.' });
    if (local.length > 0) {
      showFailure({ message: 'Urvalet kan inte dras.', issues: local });
      return;
    }
    setSaving(true);
    const request = api.createAuditRound({
      ...input,
      name: values.name,
      seed: values.seedKind === 'random' ? null : values.seed,
      recordedBy: user.name,
    });
    props.onSaving(request);
    const result = await request;
    setSaving(false);
    if (!result.ok) {
      showFailure(failureOf(result.error, fieldOfPath));
      return;
    }
    onDirtyChange(false);
    props.onChanged();
    props.notify(`Urvalet är draget: ${filesText(result.value.size)} i ${result.value.name}.`);
    props.onCreated(result.value.id);
  }

  const sizeLabel = values.sizeKind === 'count' ? 'Antal' : 'Procent';

  return (
    <section className="audits audit-new" aria-labelledby="audit-new-title">
      <div className="register__head">
        <div>
          <h1 id="audit-new-title" className="page-title">Ny granskningsomgång</h1>
          <p className="page-lead audits__lead">
            Välj vilka placeringar som ska granskas och hur många. Programmet drar urvalet slumpmässigt, och hur det drogs sparas
            så att vem som helst kan dra om det och få samma akter.
          </p>
        </div>
      </div>

      <form
        className="audits__card audit-new__form"
        aria-labelledby="audit-new-title"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div ref={summaryRef} tabIndex={-1} className={failure ? 'error-summary' : 'error-summary error-summary--empty'} role="alert">
          {failure && (
            <>
              <p className="audit-new__problem">
                <strong>{failure.message}</strong> {failure.issues.some((issue) => issue.field !== '') ? 'Rätta det som är markerat.' : ''}
              </p>
              {failure.issues.length > 0 && (
                <ul>
                  {failure.issues.map((issue) => (
                    <li key={`${issue.field}:${issue.message}`}>
                      {issue.field === '' ? (
                        issue.message
                      ) : (
                        <button type="button" className="link-button" onClick={() => document.getElementById(drawFieldId(issue.field as DrawField))?.focus()}>
                          {fieldLabels[issue.field as DrawField] ?? issue.field}: {issue.message}
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </div>

        <div className="audit-new__layout">
          <div className="audit-new__fields">
            <TextField
              id={drawFieldId('name')}
              label="Namn"
              required
              hint="Till exempel ”Våren 2026”. Namnet står i rapporten till nämnden."
              maxLength={200}
              error={errors.get('name')}
              value={values.name}
              onChange={(name) => set('name', name)}
            />

            <fieldset className="form-section audit-new__section">
              <legend>Vilka placeringar</legend>
              <p className="field__hint audit-new__intro">
                Placeringar som var aktiva minst en dag under perioden. Lämna ett urval tomt för att ta med alla.
              </p>
              <div className="form-row">
                <DateField id={drawFieldId('from')} label="Period från" required error={errors.get('from')} value={values.from} onChange={(from) => set('from', from)} />
                <DateField id={drawFieldId('to')} label="Period till" required error={errors.get('to')} value={values.to} onChange={(to) => set('to', to)} />
              </div>
              <div className="form-row">
                <TextField
                  id={drawFieldId('unit')}
                  label="Enhet"
                  maxLength={200}
                  suggestions={user.units}
                  error={errors.get('unit')}
                  value={values.unit}
                  onChange={(unit) => set('unit', unit)}
                />
                <SelectField
                  id={drawFieldId('form')}
                  label="Boendeform"
                  placeholder="Alla boendeformer"
                  options={formOptions}
                  error={errors.get('form')}
                  value={values.form}
                  onChange={(form) => set('form', form)}
                />
              </div>
              <div className="form-row">
                <SelectField
                  id={drawFieldId('legalBasis')}
                  label="Lagrum"
                  placeholder="Alla lagrum"
                  options={legalBasisOptions}
                  error={errors.get('legalBasis')}
                  value={values.legalBasis}
                  onChange={(legalBasis) => set('legalBasis', legalBasis)}
                />
                <TextField
                  id={drawFieldId('caseworker')}
                  label="Handläggare"
                  maxLength={200}
                  error={errors.get('caseworker')}
                  value={values.caseworker}
                  onChange={(caseworker) => set('caseworker', caseworker)}
                />
              </div>
              <div className={errors.has('exclusionMonths') ? 'audit-new__exclude field--invalid' : 'audit-new__exclude'}>
                <div className="audit-new__exclude-line">
                  <input
                    type="checkbox"
                    id="audit-new-exclude"
                    className="audit-new__exclude-box"
                    checked={values.exclude}
                    onChange={(event) => set('exclude', event.target.checked)}
                  />
                  {/* One sentence with the months inside it, wrapping as text does. */}
                  <span className="audit-new__exclude-text">
                    <label htmlFor="audit-new-exclude">Lämna utanför akter som granskats i en omgång som slutade de senaste</label>{' '}
                    <input
                      id={drawFieldId('exclusionMonths')}
                      className="input audit-new__months"
                      aria-label="Antal månader"
                      inputMode="numeric"
                      autoComplete="off"
                      disabled={!values.exclude}
                      aria-invalid={errors.has('exclusionMonths') ? true : undefined}
                      aria-describedby={errors.has('exclusionMonths') ? `${drawFieldId('exclusionMonths')}-error` : undefined}
                      value={values.exclusionMonths}
                      onChange={(event) => set('exclusionMonths', event.target.value)}
                    />
                    <span> månaderna</span>
                  </span>
                </div>
                {errors.has('exclusionMonths') && (
                  <p className="field__error" id={`${drawFieldId('exclusionMonths')}-error`}>{errors.get('exclusionMonths')}</p>
                )}
              </div>
            </fieldset>

            <fieldset className="form-section audit-new__section">
              <legend>Urval</legend>
              <div className="radio-row">
                <label className="checkbox">
                  <input type="radio" name="audit-size-kind" checked={values.sizeKind === 'count'} onChange={() => set('sizeKind', 'count')} />
                  Antal akter
                </label>
                <label className="checkbox">
                  <input type="radio" name="audit-size-kind" checked={values.sizeKind === 'percent'} onChange={() => set('sizeKind', 'percent')} />
                  Andel av populationen (%)
                </label>
              </div>
              <Field
                id={drawFieldId('size')}
                label={sizeLabel}
                required
                className="audit-new__size"
                hint={values.sizeKind === 'percent' ? 'Avrundas uppåt till hela akter.' : undefined}
                error={errors.get('size')}
              >
                {(input) => (
                  <input {...input} className="input" inputMode="numeric" autoComplete="off" value={values.size} onChange={(event) => set('size', event.target.value)} />
                )}
              </Field>
            </fieldset>

            <fieldset className="form-section audit-new__section">
              <legend>Frö</legend>
              <p className="field__hint audit-new__intro">
                Fröet avgör vilka akter som dras. Med samma frö och samma placeringar blir urvalet alltid detsamma.
              </p>
              <div className="audit-new__seed-choices">
                <label className="checkbox">
                  <input type="radio" name="audit-seed-kind" checked={values.seedKind === 'random'} onChange={() => set('seedKind', 'random')} />
                  Slumpa ett frö
                </label>
                <label className="checkbox">
                  <input type="radio" name="audit-seed-kind" checked={values.seedKind === 'own'} onChange={() => set('seedKind', 'own')} />
                  Eget frö, t.ex. ett publicerat lottonummer
                </label>
              </div>
              {values.seedKind === 'own' && (
                <TextField
                  id={drawFieldId('seed')}
                  label="Eget frö"
                  required
                  maxLength={200}
                  error={errors.get('seed')}
                  value={values.seed}
                  onChange={(seed) => set('seed', seed)}
                />
              )}
            </fieldset>
          </div>
          {/* Beside the fields where there is room, and in view while they are filled in. */}
          <div className="audit-new__aside">
            <PreviewBox state={preview} />
            <div className="audit-new__actions">
              <button type="submit" className="button button--primary" disabled={saving}>
                {saving ? 'Drar urvalet…' : 'Dra urvalet'}
              </button>
            </div>
          </div>
        </div>
      </form>
    </section>
  );
}

/** What the draw would be made from, asked when the fields have rested 300 ms and the dates are dates. */
function usePreview(values: DrawValues): PreviewState {
  const input = drawInput(values);
  const key = JSON.stringify(input);
  const settled = useDebounced(key, 300);
  const [answer, setAnswer] = useState<{ key: string; state: PreviewState } | null>(null);

  const datesValid = isCalendarDate(input.from) && isCalendarDate(input.to);
  const monthsValid = input.exclusionMonths === null || !Number.isNaN(input.exclusionMonths);
  const ready = datesValid && monthsValid;

  useEffect(() => {
    if (!ready) return;
    const asked = JSON.parse(settled) as ReturnType<typeof drawInput>;
    if (!isCalendarDate(asked.from) || !isCalendarDate(asked.to)) return;
    // Without a size yet the population is still worth knowing: asked with one file.
    const sizeKnown = asked.size.value !== null && !Number.isNaN(asked.size.value);
    const question: AuditPreviewInput = { ...asked, size: sizeKnown ? asked.size : { kind: 'count', value: 1 } } as AuditPreviewInput;
    let live = true;
    void api.previewAuditRound(question).then((result) => {
      if (!live) return;
      if (result.ok) setAnswer({ key: settled, state: { kind: 'answer', preview: result.value, sizeKnown } });
      else {
        // Said with the field it is about: the preview stands apart from the fields.
        const detail = (result.error.issues ?? []).map((issue) => {
          const field = fieldOfPath(issue.path);
          return field === '' ? issue.message : `${fieldLabels[field as DrawField]}: ${issue.message}`;
        });
        setAnswer({ key: settled, state: { kind: 'error', text: detail.length > 0 ? detail.join(' ') : result.error.message } });
      }
    });
    return () => {
      live = false;
    };
  }, [settled, ready]);

  if (!datesValid) return { kind: 'idle', text: 'Ange periodens första och sista dag, så visas hur många placeringar urvalet dras ur.' };
  if (!monthsValid) return { kind: 'idle', text: 'Ange antalet månader som ett heltal, så visas hur många placeringar urvalet dras ur.' };
  if (answer === null || answer.key !== key) return answer === null ? { kind: 'busy' } : answer.state.kind === 'answer' ? answer.state : { kind: 'busy' };
  return answer.state;
}

function PreviewBox({ state }: { state: PreviewState }) {
  let text: string;
  let warning: string | null = null;
  if (state.kind === 'idle' || state.kind === 'error') text = state.text;
  else if (state.kind === 'busy') text = 'Räknar placeringarna…';
  else {
    const { populationSize, excluded, size } = state.preview;
    const left = excluded > 0 ? ` (${excluded} lämnas utanför som nyligen granskade)` : '';
    if (populationSize === 0) {
      text = `Inga placeringar var aktiva under perioden med de valda urvalen${left}.`;
      warning = 'Ändra perioden eller urvalen: det finns inga akter att dra.';
    } else {
      text = `${placementsText(populationSize)} ${populationSize === 1 ? 'var aktiv' : 'var aktiva'} under perioden${left}.`;
      if (state.sizeKnown) {
        text += ` Urvalet blir ${filesText(size)}.`;
        if (size > populationSize) warning = `Det är fler än de ${placementsText(populationSize)} som finns: minska urvalet.`;
      } else {
        text += ' Ange urvalets storlek.';
      }
    }
  }
  return (
    <div className={state.kind === 'error' || warning ? 'audit-preview audit-preview--warning' : 'audit-preview'}>
      <h2 className="audit-preview__title">Förhandsvisning</h2>
      {/* Said when it changes, without taking focus from the field being typed in. */}
      <p className="audit-preview__text" role="status">
        {text}
        {warning && <span className="audit-preview__warning"> {warning}</span>}
      </p>
    </div>
  );
}
