import { useEffect, useRef, useState } from 'react';
import { dimensionNames, gradeLabel, qualityDimensions, qualitySettingsFields, roleAllows } from '../../../preload/api';
import type { Accuracy, AccuracyRow, ApiIssue, QualityDimension, QualitySettings, QualitySettingsVersion, QualitySettingsView } from '../../../preload/api';
import { api } from '../bridge/api';
import type { ConfirmOptions } from '../components/ConfirmDialog';
import type { ToastMessage } from '../components/Toast';
import { AccuracyChart } from '../quality/AccuracyChart';
import { intervalText, rateText, rowNote } from '../quality/accuracyText';
import { useDebounced } from '../register/useDebounced';
import { AppLink } from '../routing/links';
import { paths } from '../routing/paths';
import { useApp } from '../shell/AppContext';
import { SignedInAs } from '../shell/SignedInAs';
import { useSession } from '../shell/SignIn';
import { dayOf, timeOf } from '../today';
import { notWholeNumber } from './CatalogueSection';
import './quality-settings.css';

interface Props {
  notify: (message: string, action?: ToastMessage['action']) => void;
  confirm: (options: ConfirmOptions) => Promise<boolean>;
  /** The Regler page joins this with its own: leaving asks while either has unsaved edits. */
  onDirtyChange: (dirty: boolean) => void;
}

const limitGrades = ['A', 'B', 'C', 'D'] as const;
type LimitGrade = (typeof limitGrades)[number];
type Scalar = 'halfLifeMonths' | 'cutoffYears' | 'minEvidence';

/** The settings as typed: text until sent, so a half-typed number is the user's, not a 0. */
interface Values {
  weights: Record<QualityDimension, string>;
  halfLifeMonths: string;
  cutoffYears: string;
  minEvidence: string;
  gradeLimits: Record<LimitGrade, string>;
}

interface Issue {
  /** "weights.utfall", "weights", "halfLifeMonths", "gradeLimits.A", "gradeLimits", "reason"; '' for the whole. */
  field: string;
  message: string;
}

const SAVE_FAILED = 'Kvalitetsindexet kunde inte sparas';
const inputId = (field: string) => `quality-${field.replaceAll('.', '-')}`;

const scalars: { key: Scalar; label: string; unit: (n: number) => string; hint: string }[] = [
  { key: 'halfLifeMonths', label: 'Halveringstid', unit: (n) => (n === 1 ? 'månad' : 'månader'), hint: 'Så gammalt underlag väger hälften så mycket som dagens.' },
  { key: 'cutoffYears', label: 'Räknas högst', unit: () => 'år', hint: 'Äldre underlag visas men räknas inte.' },
  { key: 'minEvidence', label: 'Minsta underlag', unit: () => 'underlag', hint: 'Med färre räknade underlag får hemmet inget index: ”för lite underlag”.' },
];

function valuesOf(settings: QualitySettings): Values {
  return {
    weights: Object.fromEntries(qualityDimensions.map((d) => [d, String(settings.weights[d])])) as Record<QualityDimension, string>,
    halfLifeMonths: String(settings.halfLifeMonths),
    cutoffYears: String(settings.cutoffYears),
    minEvidence: String(settings.minEvidence),
    gradeLimits: Object.fromEntries(limitGrades.map((g) => [g, String(settings.gradeLimits[g])])) as Record<LimitGrade, string>,
  };
}

/** A name inside a sentence: "placeringarnas utfall", but "IVO:s tillsyn" as it is. */
const lowerFirst = (text: string) => (/^\p{Lu}\p{Lu}/u.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1));

const sameValues = (a: Values, b: Values) => JSON.stringify(a) === JSON.stringify(b);
const wholeNumber = /^\s*\d{1,4}\s*$/;

/** Where an issue's path ("/settings/weights/utfall", "/reason") belongs in the form. */
function fieldOf(path: string): string {
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'settings') return parts.slice(1, 3).join('.');
  if (parts[0] === 'reason') return 'reason';
  return '';
}

/** The settings to send, checked as the contract checks them, or what is wrong at which field. */
function settingsOf(values: Values): { ok: true; settings: QualitySettings } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  const number = (field: string, text: string): number => {
    if (!wholeNumber.test(text)) issues.push({ field, message: notWholeNumber(text, 'Ange ett heltal.') });
    return Number(text.trim());
  };
  const candidate = {
    weights: Object.fromEntries(qualityDimensions.map((d) => [d, number(`weights.${d}`, values.weights[d])])),
    halfLifeMonths: number('halfLifeMonths', values.halfLifeMonths),
    cutoffYears: number('cutoffYears', values.cutoffYears),
    minEvidence: number('minEvidence', values.minEvidence),
    gradeLimits: Object.fromEntries(limitGrades.map((g) => [g, number(`gradeLimits.${g}`, values.gradeLimits[g])])),
  };
  if (issues.length > 0) return { ok: false, issues };
  const parsed = qualitySettingsFields.safeParse(candidate);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ field: i.path.slice(0, 2).map(String).join('.'), message: i.message })) };
  return { ok: true, settings: parsed.data };
}

const fieldLabel = (field: string): string => {
  const [section, key] = field.split('.');
  if (section === 'weights') return key ? `Vikt för ${lowerFirst(dimensionNames[key as QualityDimension] ?? key)}` : 'Vikter';
  if (section === 'gradeLimits') return key ? `Lägsta poäng för ${key}` : 'Betygsgränser';
  if (section === 'reason') return 'Varför indexet ändras';
  return scalars.find((s) => s.key === section)?.label ?? 'Inställningarna';
};

/** What the figures are: a fetch under way, an answer, or why there is none. */
type Figures = { state: 'idle' } | { state: 'done'; accuracy: Accuracy } | { state: 'error'; message: string; issues: Issue[] };

/**
 * Kvalitetsindex on the Regler page: the weights of the dimensions, the half-life, the cut-off, the
 * least evidence and the grade limits, versioned as the rules are (who, why, what changed). While
 * values change, träffsäkerhet is computed with them, unsaved, beside the saved version's.
 */
export function QualitySettingsSection({ notify, confirm, onDirtyChange }: Props) {
  const { today, version: appVersion, changed } = useApp();
  const { user } = useSession();
  const mayPreview = roleAllows(user.role, 'enhetschef');
  const [view, setView] = useState<QualitySettingsView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const [baseline, setBaseline] = useState<Values | null>(null);
  const [values, setValues] = useState<Values | null>(null);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<{ message: string; issues: Issue[] } | null>(null);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let current = true;
    void api.getQualitySettings({}).then((result) => {
      if (!current) return;
      if (result.ok) {
        const loaded = valuesOf(result.value.settings);
        setView(result.value);
        setBaseline(loaded);
        setValues(loaded);
        setLoadError(null);
      } else {
        setLoadError(result.error.message);
      }
    });
    return () => {
      current = false;
    };
  }, [reloads]);

  const dirty = values !== null && baseline !== null && !sameValues(values, baseline);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  // The saved version's figures: again when the settings or the register change.
  const savedVersion = view?.version ?? null;
  const [saved, setSaved] = useState<Figures>({ state: 'idle' });
  useEffect(() => {
    if (!mayPreview || savedVersion === null) return;
    let current = true;
    void api.getAccuracy({ date: today, offset: 0, limit: 1 }).then((result) => {
      if (current) setSaved(result.ok ? { state: 'done', accuracy: result.value } : { state: 'error', message: result.error.message, issues: [] });
    });
    return () => {
      current = false;
    };
  }, [mayPreview, savedVersion, today, appVersion]);

  // The values as they would be saved, once typing has paused: one computation, not one per key.
  const settled = useDebounced(values, 400);
  const settledDirty = settled !== null && baseline !== null && !sameValues(settled, baseline);
  const trial = settled !== null && settledDirty ? settingsOf(settled) : null;
  const trialKey = trial?.ok ? JSON.stringify(trial.settings) : null;
  const [preview, setPreview] = useState<{ key: string; figures: Figures } | null>(null);
  useEffect(() => {
    if (!mayPreview || trialKey === null) return;
    let current = true;
    void api.getAccuracy({ date: today, settings: JSON.parse(trialKey) as QualitySettings, offset: 0, limit: 1 }).then((result) => {
      if (!current) return;
      setPreview({
        key: trialKey,
        figures: result.ok
          ? { state: 'done', accuracy: result.value }
          : { state: 'error', message: result.error.message, issues: (result.error.issues ?? []).map((i) => ({ field: fieldOf(i.path), message: i.message })) },
      });
    });
    return () => {
      current = false;
    };
  }, [mayPreview, trialKey, today, appVersion]);

  if (loadError && !view) {
    return (
      <section className="quality-settings" aria-labelledby="quality-settings-title">
        <h2 id="quality-settings-title" className="quality-settings__title">Kvalitetsindex</h2>
        <div className="list-error" role="alert">
          <p>Kvalitetsindexets inställningar kunde inte hämtas. {loadError}</p>
          <button type="button" className="button" onClick={() => setReloads((n) => n + 1)}>Försök igen</button>
        </div>
      </section>
    );
  }
  if (!view || !values || !baseline) {
    return (
      <section className="quality-settings" aria-labelledby="quality-settings-title">
        <h2 id="quality-settings-title" className="quality-settings__title">Kvalitetsindex</h2>
        <p role="status">Hämtar kvalitetsindexets inställningar…</p>
      </section>
    );
  }

  const errors = new Map<string, string>();
  for (const issue of failure?.issues ?? []) if (issue.field && !errors.has(issue.field)) errors.set(issue.field, issue.message);
  const defaults = valuesOf(view.defaults);
  const atDefaults = sameValues(values, defaults);
  const latest = view.history[0];

  const weightNumbers = qualityDimensions.map((d) => (wholeNumber.test(values.weights[d]) ? Number(values.weights[d].trim()) : 0));
  const weightSum = weightNumbers.reduce((a, b) => a + b, 0);

  function showFailure(next: { message: string; issues: Issue[] }) {
    setFailure(next);
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  const set = (change: (old: Values) => Values) => setValues((old) => (old === null ? old : change(old)));

  async function save() {
    if (!view || !values || saving) return;
    const checked = settingsOf(values);
    const issues: Issue[] = checked.ok ? [] : [...checked.issues];
    if (reason.trim() === '') issues.push({ field: 'reason', message: 'Skriv varför indexet ändras: skälet sparas i historiken.' });
    if (!checked.ok || issues.length > 0) {
      showFailure({ message: SAVE_FAILED, issues });
      return;
    }
    setSaving(true);
    const result = await api.saveQualitySettings({ settings: checked.settings, version: view.version, changedBy: user.name, reason: reason.trim() });
    setSaving(false);
    if (!result.ok) {
      if (result.error.code === 'CONFLICT') {
        showFailure({
          message: 'Någon annan har sparat kvalitetsindexets inställningar medan du ändrade. De sparade inställningarna visas nu; gör om dina ändringar om de behövs.',
          issues: [],
        });
        setReloads((n) => n + 1);
        return;
      }
      showFailure({ message: result.error.message, issues: (result.error.issues ?? []).map((i: ApiIssue) => ({ field: fieldOf(i.path), message: i.message })) });
      return;
    }
    const next = valuesOf(result.value.settings);
    setView(result.value);
    setBaseline(next);
    setValues(next);
    setReason('');
    setFailure(null);
    changed();
    notify(`Kvalitetsindexets inställningar är sparade som version ${result.value.version}. Alla index räknas nu med dem.`);
  }

  async function resetToDefaults() {
    const confirmed = await confirm({
      title: 'Återställa standardvärdena?',
      message:
        'Vikterna, halveringstiden, gränserna och minsta underlag sätts till standardvärdena i formuläret. Inget sparas förrän du sparar med ett skäl; den sparade versionen finns kvar i historiken.',
      confirmLabel: 'Återställ standardvärdena',
    });
    if (confirmed) set(() => defaults);
  }

  const issueList = (failure?.issues ?? []).filter((issue) => issue.field !== '' || issue.message !== failure?.message);
  // A group's issue (the weights' sum, the limits' order) leads to the group's first field.
  const focusable = (field: string) =>
    document.getElementById(inputId(field === 'weights' ? `weights.${qualityDimensions[0]}` : field === 'gradeLimits' ? 'gradeLimits.A' : field));

  return (
    <section className="quality-settings" aria-labelledby="quality-settings-title">
      <div className="register__head">
        <div>
          <h2 id="quality-settings-title" className="quality-settings__title">Kvalitetsindex</h2>
          <p className="page-lead rules__lead">
            Hur hemmens kvalitetsindex räknas: hur mycket varje del väger, hur fort underlag åldras och var gränserna för
            betygen går. Varje index som visas eller exporteras anger vilken version av inställningarna det är beräknat med.{' '}
            <AppLink to={paths.accuracy} className="text-link">Visa träffsäkerhet</AppLink>
          </p>
        </div>
        <p className="rules__version">
          {latest
            ? `Version ${view.version} · sparad ${dayOf(latest.changedAt)}${latest.changedBy ? ` av ${latest.changedBy}` : ''}`
            : 'Standardinställningar – inte ändrade'}
          {dirty && <span className="panel__dirty">Osparade ändringar</span>}
        </p>
      </div>

      <div ref={summaryRef} tabIndex={-1} className={failure ? 'error-summary' : 'error-summary error-summary--empty'} role="alert">
        {failure && (
          <>
            <h3 className="error-summary__title">{SAVE_FAILED}</h3>
            {failure.message.replace(/\.$/, '') !== SAVE_FAILED && <p>{failure.message}</p>}
            {issueList.length > 0 && (
              <ul>
                {issueList.map((issue) => (
                  <li key={`${issue.field}:${issue.message}`}>
                    {issue.field === '' ? (
                      issue.message
                    ) : (
                      <button type="button" className="link-button" onClick={() => focusable(issue.field)?.focus()}>
                        {fieldLabel(issue.field)}: {issue.message}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>

      <form
        className="rules__form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <fieldset className={`rules__section${errors.has('weights') ? ' quality-settings__invalid' : ''}`} aria-describedby="quality-weights-hint">
          <legend>Vikter</legend>
          <p className="field__hint rules__hint" id="quality-weights-hint">
            Hur mycket varje del väger i indexet, i procent. Vikterna normaliseras: varje del väger sin andel av summan, så
            summan behöver inte vara 100. En vikt 0 tar bort delen ur indexet.
          </p>
          {errors.has('weights') && <p className="field__error">{errors.get('weights')}</p>}
          <div className="rules__parameters">
            {qualityDimensions.map((dimension, index) => (
              <NumberField
                key={dimension}
                field={`weights.${dimension}`}
                label={`Vikt för ${lowerFirst(dimensionNames[dimension])}`}
                unit="%"
                value={values.weights[dimension]}
                fallback={view.defaults.weights[dimension]}
                error={errors.get(`weights.${dimension}`)}
                hint={
                  weightSum > 0 && weightSum !== 100 && wholeNumber.test(values.weights[dimension])
                    ? `Väger ${Math.round((100 * weightNumbers[index]!) / weightSum)} % av indexet`
                    : null
                }
                onChange={(text) => set((old) => ({ ...old, weights: { ...old.weights, [dimension]: text } }))}
              />
            ))}
          </div>
          <p className="quality-settings__sum" aria-live="polite">
            Summa: {weightSum} %{weightSum !== 100 && weightSum > 0 ? ' – räknas om till 100 %' : ''}
            {weightSum === 0 ? ' – minst en del måste ha en vikt större än 0' : ''}
          </p>
        </fieldset>

        <fieldset className="rules__section">
          <legend>Underlagets ålder och mängd</legend>
          <div className="rules__parameters">
            {scalars.map((scalar) => (
              <NumberField
                key={scalar.key}
                field={scalar.key}
                label={scalar.label}
                unit={scalar.unit(view.defaults[scalar.key])}
                value={values[scalar.key]}
                fallback={view.defaults[scalar.key]}
                error={errors.get(scalar.key)}
                hint={scalar.hint}
                onChange={(text) => set((old) => ({ ...old, [scalar.key]: text }))}
              />
            ))}
          </div>
        </fieldset>

        <fieldset className={`rules__section${errors.has('gradeLimits') ? ' quality-settings__invalid' : ''}`} aria-describedby="quality-grades-hint">
          <legend>Betygsgränser</legend>
          <p className="field__hint rules__hint" id="quality-grades-hint">
            Lägsta poäng (0–100) för varje betyg; gränserna ska sjunka från A till D. Under D:s gräns blir betyget E.
          </p>
          {errors.has('gradeLimits') && <p className="field__error">{errors.get('gradeLimits')}</p>}
          <div className="rules__parameters quality-settings__grades">
            {limitGrades.map((grade) => (
              <NumberField
                key={grade}
                field={`gradeLimits.${grade}`}
                label={`Lägsta poäng för ${grade}`}
                unit="poäng"
                value={values.gradeLimits[grade]}
                fallback={view.defaults.gradeLimits[grade]}
                error={errors.get(`gradeLimits.${grade}`)}
                hint={null}
                onChange={(text) => set((old) => ({ ...old, gradeLimits: { ...old.gradeLimits, [grade]: text } }))}
              />
            ))}
          </div>
        </fieldset>

        <Preview
          mayPreview={mayPreview}
          dirty={dirty}
          pending={dirty && (values !== settled || (trialKey !== null && preview?.key !== trialKey))}
          localIssues={settledDirty && trial && !trial.ok ? trial.issues : []}
          saved={saved}
          savedVersion={view.version}
          // The last figures stay while the next are computed ("Räknar om…" says so); none for values that cannot be tried.
          preview={trialKey !== null ? (preview?.figures ?? null) : null}
        />

        <fieldset className="rules__section rules__change">
          <legend>Vem ändrar indexet och varför</legend>
          <p className="field__hint rules__hint">Namn och skäl sparas med ändringen i kvalitetsindexets versioner nedan.</p>
          <SignedInAs label="Ändras av" />
          <div className={`field quality-settings__reason${errors.has('reason') ? ' field--invalid' : ''}`}>
            <label htmlFor={inputId('reason')}>Varför indexet ändras</label>
            <input
              id={inputId('reason')}
              className="input"
              autoComplete="off"
              maxLength={500}
              aria-required="true"
              aria-invalid={errors.has('reason') ? true : undefined}
              aria-describedby={errors.has('reason') ? `${inputId('reason')}-error` : undefined}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
            {errors.has('reason') && <p className="field__error" id={`${inputId('reason')}-error`}>{errors.get('reason')}</p>}
          </div>
        </fieldset>

        <div className="rules__footer">
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? 'Sparar…' : 'Spara kvalitetsindexet'}
          </button>
          {dirty && (
            <button
              type="button"
              className="button"
              onClick={() => {
                setValues(baseline);
                setFailure(null);
              }}
            >
              Ångra ändringarna i indexet
            </button>
          )}
          {!atDefaults && (
            <button type="button" className="button button--quiet" onClick={() => void resetToDefaults()}>
              Återställ standardvärdena
            </button>
          )}
        </div>
      </form>

      <QualityHistory history={view.history} />
    </section>
  );
}

function NumberField(props: {
  field: string;
  label: string;
  unit: string;
  value: string;
  fallback: number;
  error: string | undefined;
  hint: string | null;
  onChange: (text: string) => void;
}) {
  const id = inputId(props.field);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const isDefault = props.value.trim() === String(props.fallback);
  return (
    <div className={`field rules__parameter${props.error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <div className="rules__value">
        <input
          id={id}
          className="input rules__number"
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={[props.error ? errorId : null, hintId].filter(Boolean).join(' ')}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
        />
        <span className="rules__unit">{props.unit}</span>
        {!isDefault && (
          <button
            type="button"
            className="button button--quiet rules__reset"
            aria-label={`Återställ standard för ${lowerFirst(props.label)}`}
            onClick={() => props.onChange(String(props.fallback))}
          >
            Återställ standard
          </button>
        )}
      </div>
      <p className="field__hint" id={hintId}>
        Standard: {props.fallback} {props.unit}
        {props.hint ? ` · ${props.hint}` : ''}
      </p>
      {props.error && <p className="field__error" id={errorId}>{props.error}</p>}
    </div>
  );
}

/** One grade's figures in a cell: "2 av 12 · 17 %", then the interval and whether they are too few. */
function FiguresCell({ row }: { row: AccuracyRow | undefined }) {
  if (!row) return <td className="muted">–</td>;
  if (row.placements === 0) return <td className="muted">Inga placeringar</td>;
  const note = rowNote(row);
  return (
    <td className={row.tooFew ? 'quality-preview__few' : undefined}>
      <span className="quality-preview__main">
        {row.breakdowns} av {row.placements} · {rateText(row)} %
      </span>
      <span className="quality-preview__sub">
        95 %-intervall {intervalText(row)} %{note ? ` · ${note.toLowerCase()}` : ''}
      </span>
    </td>
  );
}

/**
 * Förhandsvisa träffsäkerhet: the saved version's figures, and while values are changed, the
 * figures as they would be with them, beside each other, before anything is saved.
 */
function Preview(props: {
  mayPreview: boolean;
  dirty: boolean;
  pending: boolean;
  localIssues: Issue[];
  saved: Figures;
  savedVersion: number;
  preview: Figures | null;
}) {
  const { saved, preview } = props;
  const savedName = props.savedVersion === 0 ? 'Sparade (standardinställningar)' : `Sparade (version ${props.savedVersion})`;
  const trying = props.dirty && preview?.state === 'done' ? preview.accuracy : null;
  const base = saved.state === 'done' ? saved.accuracy : null;
  const status = !props.dirty
    ? 'Ändra en vikt eller gräns så visas här hur träffsäkerheten skulle bli, innan du sparar.'
    : props.localIssues.length > 0
      ? 'Förhandsvisningen väntar på giltiga värden.'
      : props.pending
        ? 'Räknar om med värdena i formuläret…'
        : trying
          ? 'Förhandsvisningen är räknad med värdena i formuläret, som inte är sparade.'
          : '';
  return (
    <section className="rules__section quality-preview" aria-labelledby="quality-preview-title">
      <h3 id="quality-preview-title" className="quality-preview__title">Förhandsvisa träffsäkerhet</h3>
      {!props.mayPreview ? (
        <p className="muted">Träffsäkerheten visas för enhetschefer och administratörer.</p>
      ) : (
        <>
          <p className="field__hint quality-preview__status" role="status">{status}</p>
          {props.dirty && props.localIssues.length > 0 && (
            <ul className="quality-preview__issues">
              {props.localIssues.map((issue) => (
                <li key={`${issue.field}:${issue.message}`}>{fieldLabel(issue.field)}: {issue.message}</li>
              ))}
            </ul>
          )}
          {props.dirty && preview?.state === 'error' && (
            <div className="quality-preview__error">
              <p>{preview.message}</p>
              {preview.issues.length > 0 && (
                <ul>
                  {preview.issues.map((issue) => (
                    <li key={`${issue.field}:${issue.message}`}>{issue.field ? `${fieldLabel(issue.field)}: ` : ''}{issue.message}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {saved.state === 'error' && <p className="field__error">Träffsäkerheten kunde inte hämtas. {saved.message}</p>}
          {base === null ? (
            saved.state !== 'error' && <p className="muted">Hämtar träffsäkerheten…</p>
          ) : base.total.placements === 0 ? (
            <p className="muted">Det finns inga avslutade placeringar ännu, så det finns ingen träffsäkerhet att visa.</p>
          ) : (
            <>
              <table className="accuracy-table quality-preview__table">
                <caption className="visually-hidden">Sammanbrott per betyg med de sparade inställningarna{trying ? ' och med värdena i formuläret' : ''}</caption>
                <thead>
                  <tr>
                    <th scope="col">Betyg</th>
                    <th scope="col">{savedName}</th>
                    {trying && <th scope="col">Förhandsvisning (ej sparad)</th>}
                  </tr>
                </thead>
                <tbody>
                  {base.rows.map((row, index) => (
                    <tr key={row.grade ?? 'none'}>
                      <th scope="row">{gradeLabel(row)}</th>
                      <FiguresCell row={row} />
                      {trying && <FiguresCell row={trying.rows[index]} />}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">Alla</th>
                    <FiguresCell row={base.total} />
                    {trying && <FiguresCell row={trying.total} />}
                  </tr>
                </tfoot>
              </table>
              <div className={trying ? 'quality-preview__charts quality-preview__charts--two' : 'quality-preview__charts'}>
                <figure className="quality-preview__figure">
                  <figcaption>{savedName}</figcaption>
                  <AccuracyChart rows={base.rows} total={base.total} caption={savedName} className="quality-preview__chart" scaleWith={trying?.rows} />
                </figure>
                {trying && (
                  <figure className="quality-preview__figure">
                    <figcaption>Förhandsvisning (ej sparad)</figcaption>
                    <AccuracyChart rows={trying.rows} total={trying.total} caption="Förhandsvisning, ej sparad" className="quality-preview__chart" scaleWith={base.rows} />
                  </figure>
                )}
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}

/** Every saved version, newest first: when, who, why and what changed. */
function QualityHistory({ history }: { history: QualitySettingsVersion[] }) {
  return (
    <section className="rules-history quality-settings__history" aria-labelledby="quality-history-title">
      <h3 id="quality-history-title" className="rules-history__title">Kvalitetsindexets versioner</h3>
      {history.length === 0 ? (
        <p className="muted">Inställningarna har inte ändrats: standardvärdena gäller (version 0).</p>
      ) : (
        <ol className="rules-history__list">
          {history.map((entry) => (
            <li key={entry.version} className="rules-history__item">
              <p className="rules-history__meta">
                <strong>Version {entry.version}</strong> · {dayOf(entry.changedAt)} {timeOf(entry.changedAt)} · {entry.changedBy ?? 'Okänd'}
              </p>
              {entry.reason && <p className="rules-history__reason">{entry.reason}</p>}
              {entry.changes.length > 0 && (
                <ul className="rules-history__changes">
                  {entry.changes.map((text) => (
                    <li key={text}>{text}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
