import { SignedInAs } from '../shell/SignedInAs';
import { useSession } from '../shell/SignIn';
import { useEffect, useRef, useState } from 'react';
import { ruleIds } from '../../../preload/api';
import type { ApiIssue, RuleId, RuleParameter, RuleSettings, RuleSettingsVersion } from '../../../preload/api';
import { dayOf, timeOf } from '../today';
import { api } from '../bridge/api';
import { DateInput } from '../components/DateInput';
import type { ConfirmOptions } from '../components/ConfirmDialog';
import type { ToastMessage } from '../components/Toast';
import { ruleLabels } from '../labels';
import { CatalogueSection, catalogueFieldOf, catalogueInput, catalogueIssueLabel, catalogueValuesOf, notWholeNumber } from './CatalogueSection';
import type { CatalogueValues } from './CatalogueSection';
import { AuditChecklistSection } from './AuditChecklistSection';
import { QualitySettingsSection } from './QualitySettingsSection';

interface Props {
  /** Saved rules change the deadlines: App fetches its counts again. */
  onChanged: () => void;
  notify: (message: string, action?: ToastMessage['action']) => void;
  confirm: (options: ConfirmOptions) => Promise<boolean>;
  onDirtyChange: (dirty: boolean) => void;
}

/** A row of the reference table as typed; `key` follows the row when rows above it go. */
interface ReferenceValues {
  key: number;
  rule: RuleId;
  reference: string;
  validFrom: string;
  validTo: string;
  note: string;
}

interface FormValues {
  parameters: Record<string, string>;
  references: ReferenceValues[];
  catalogue: CatalogueValues[];
}

/** Why the change is saved: asked with every save, kept in the settings' history with who (the signed-in user). */
interface ChangeValues {
  reason: string;
}

interface Failure {
  message: string;
  /** Field (see `paramField`, `refField`) → message; '' for the whole. */
  issues: { field: string; message: string }[];
}

const SAVE_FAILED = 'Reglerna kunde inte sparas';
const columns = [
  ['reference', 'Lagrum'],
  ['validFrom', 'Giltig från'],
  ['validTo', 'Giltig till'],
  ['note', 'Anmärkning'],
] as const;
type ReferenceField = 'rule' | (typeof columns)[number][0];

let rowKeys = 0;
const paramField = (key: string) => `parameters.${key}`;
const refField = (key: number, field: ReferenceField) => `references.${key}.${field}`;
/** Ids of inputs: a field's dots are not welcome in ids. */
const inputId = (field: string) => `rules-${field.replaceAll('.', '-')}`;

function valuesOf(settings: RuleSettings): FormValues {
  return {
    parameters: Object.fromEntries(settings.parameters.map((p) => [p.key, String(p.value)])),
    references: settings.references.map((r) => ({
      key: ++rowKeys,
      rule: r.rule,
      reference: r.reference,
      validFrom: r.validFrom ?? '',
      validTo: r.validTo ?? '',
      note: r.note ?? '',
    })),
    catalogue: catalogueValuesOf(settings.catalogue),
  };
}

function sameValues(a: FormValues, b: FormValues): boolean {
  const strip = (v: FormValues) => JSON.stringify({ ...v, references: v.references.map(({ key: _key, ...rest }) => rest) });
  return strip(a) === strip(b);
}

/** Where an issue from the service belongs: "/parameters/leadDays" or "/references/2/validTo". */
function fieldOfIssue(issue: ApiIssue, sent: FormValues): string {
  const inCatalogue = catalogueFieldOf(issue.path, sent.catalogue);
  if (inCatalogue !== null) return inCatalogue;
  const [, section, index, field] = issue.path.split('/');
  if (section === 'reason') return 'change.reason';
  if (section === 'parameters' && index !== undefined) return paramField(index);
  if (section === 'references' && index !== undefined) {
    const row = sent.references[Number(index)];
    if (row) return refField(row.key, (field as ReferenceField | undefined) ?? 'reference');
  }
  return '';
}

export function RulesPage({ onChanged, notify, confirm, onDirtyChange }: Props) {
  const [settings, setSettings] = useState<RuleSettings | null>(null);
  const { user } = useSession();
  const [change, setChange] = useState<ChangeValues>({ reason: '' });
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const [baseline, setBaseline] = useState<FormValues>({ parameters: {}, references: [], catalogue: [] });
  const [values, setValues] = useState<FormValues>(baseline);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let current = true;
    void api.getRuleSettings({}).then((result) => {
      if (!current) return;
      if (result.ok) {
        const loaded = valuesOf(result.value);
        setSettings(result.value);
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

  const dirty = settings !== null && !sameValues(values, baseline);
  // The quality index's settings below have their own save: leaving asks while either is unsaved.
  const [qualityDirty, setQualityDirty] = useState(false);
  const [checklistDirty, setChecklistDirty] = useState(false);
  useEffect(() => onDirtyChange(dirty || qualityDirty || checklistDirty), [dirty, qualityDirty, checklistDirty, onDirtyChange]);
  // Leaving the page (the guard has asked by then) leaves nothing unsaved behind.
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  const errors = new Map<string, string>();
  for (const issue of failure?.issues ?? []) if (issue.field && !errors.has(issue.field)) errors.set(issue.field, issue.message);

  const setParameter = (key: string, value: string) =>
    setValues((old) => ({ ...old, parameters: { ...old.parameters, [key]: value } }));
  const setReference = (key: number, change: Partial<ReferenceValues>) =>
    setValues((old) => ({ ...old, references: old.references.map((r) => (r.key === key ? { ...r, ...change } : r)) }));

  function showFailure(next: Failure) {
    setFailure(next);
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  async function save() {
    if (!settings || saving) return;
    const sent = values;
    // Only whole numbers can be sent; the service checks the ranges and the law's bounds and says them in Swedish.
    const local = settings.parameters
      .filter((p) => !/^\d{1,4}$/.test((sent.parameters[p.key] ?? '').trim()))
      .map((p) => ({
        field: paramField(p.key),
        message: notWholeNumber(sent.parameters[p.key] ?? '', 'Ange ett heltal, till exempel 6.'),
      }));
    if (change.reason.trim() === '') local.push({ field: 'change.reason', message: 'Skriv varför reglerna ändras: skälet sparas i historiken.' });
    const catalogue = catalogueInput(sent.catalogue);
    if (!catalogue.ok) local.push(...catalogue.issues);
    if (local.length > 0 || !catalogue.ok) {
      showFailure({ message: SAVE_FAILED, issues: local });
      return;
    }
    setSaving(true);
    const result = await api.saveRuleSettings({
      parameters: Object.fromEntries(settings.parameters.map((p) => [p.key, Number(sent.parameters[p.key]?.trim())])),
      references: sent.references.map((r) => ({
        rule: r.rule,
        reference: r.reference,
        validFrom: r.validFrom.trim() || null,
        validTo: r.validTo.trim() || null,
        note: r.note.trim() || null,
      })),
      catalogue: catalogue.catalogue,
      version: settings.version,
      // Who changes them is who is signed in (main writes the same).
      changedBy: user.name,
      reason: change.reason.trim(),
    });
    setSaving(false);
    if (!result.ok) {
      if (result.error.code === 'CONFLICT') {
        // Someone else saved meanwhile: their rules are what counts now; show them.
        showFailure({
          message: 'Någon annan har sparat reglerna medan du ändrade. Sidan visar nu de sparade reglerna; gör om dina ändringar om de behövs.',
          issues: [],
        });
        onDirtyChange(false);
        setReloads((n) => n + 1);
        notify('Reglerna har sparats av någon annan. De senaste reglerna visas.');
        return;
      }
      showFailure({
        message: result.error.message,
        issues: (result.error.issues ?? []).map((issue) => ({ field: fieldOfIssue(issue, sent), message: issue.message })),
      });
      return;
    }
    const saved = valuesOf(result.value);
    setSettings(result.value);
    setBaseline(saved);
    setValues(saved);
    setFailure(null);
    setChange((old) => ({ ...old, reason: '' }));
    onDirtyChange(false);
    onChanged();
    notify('Reglerna är sparade. Bevakningarna räknas nu med de nya värdena.');
  }

  async function removeReference(row: ReferenceValues, index: number) {
    const confirmed = await confirm({
      title: 'Ta bort raden?',
      message: `Lagrummet ”${row.reference || 'utan text'}” för ${ruleLabels[row.rule]} tas bort ur tabellen när du sparar.`,
      confirmLabel: 'Ta bort raden',
      tone: 'danger',
    });
    if (!confirmed) return;
    const remaining = values.references.filter((r) => r.key !== row.key);
    setValues((old) => ({ ...old, references: old.references.filter((r) => r.key !== row.key) }));
    // Focus goes on to the row that took this one's place, else to "Lägg till rad".
    const next = remaining[index] ?? null;
    requestAnimationFrame(() =>
      document.getElementById(next ? inputId(refField(next.key, 'rule')) : 'rules-add-reference')?.focus(),
    );
  }

  function addReference() {
    const row: ReferenceValues = { key: ++rowKeys, rule: ruleIds[0], reference: '', validFrom: '', validTo: '', note: '' };
    setValues((old) => ({ ...old, references: [...old.references, row] }));
    requestAnimationFrame(() => document.getElementById(inputId(refField(row.key, 'rule')))?.focus());
  }

  if (loadError && !settings) {
    return (
      <div className="page-message page-message--error" role="alert">
        <p>Reglerna kunde inte hämtas. {loadError}</p>
        <button type="button" className="button" onClick={() => setReloads((n) => n + 1)}>Försök igen</button>
      </div>
    );
  }
  if (!settings) return <p className="page-message" role="status">Hämtar reglerna…</p>;

  const latest = settings.history[0];
  const issueList = (failure?.issues ?? []).filter((issue) => issue.field !== '' || issue.message !== failure?.message);
  const rowNumber = (key: number) => values.references.findIndex((r) => r.key === key) + 1;
  const issueLabel = (field: string): string => {
    const [section, key, sub] = field.split('.');
    if (section === 'parameters') return settings.parameters.find((p) => p.key === key)?.label ?? 'Parameter';
    if (section === 'change') return 'Skäl till ändringen';
    const inCatalogue = catalogueIssueLabel(field);
    if (inCatalogue !== null) return inCatalogue;
    const column = columns.find(([name]) => name === sub)?.[1] ?? 'Regel';
    return `Lagrum, rad ${rowNumber(Number(key))}, ${column.toLowerCase()}`;
  };

  return (
    <section className="rules" aria-labelledby="rules-title">
      <div className="register__head">
        <div>
          <h1 id="rules-title" className="page-title">Regler och lagrum</h1>
          <p className="page-lead rules__lead">
            Här anger kommunen parametrarna för bevakningarnas regler och vilka registerkontroller som krävs. Ett värde får vara
            strängare än lagen, aldrig lösare. Varje bevakning visar lagrummet som gäller på förfallodagen: nya socialtjänstlagen
            (2025:400) från 2025-07-01.
          </p>
        </div>
        <p className="rules__version">
          {latest ? `Version ${settings.version} · sparad ${dayOf(latest.changedAt)}${latest.changedBy ? ` av ${latest.changedBy}` : ''}` : 'Standardvärden enligt lagen och rutinen – inte ändrade'}
          {dirty && <span className="panel__dirty">Osparade ändringar</span>}
        </p>
      </div>

      <div ref={summaryRef} tabIndex={-1} className={failure ? 'error-summary' : 'error-summary error-summary--empty'} role="alert">
        {failure && (
          <>
            <h2 className="error-summary__title">{SAVE_FAILED}</h2>
            {failure.message.replace(/\.$/, '') !== SAVE_FAILED && <p>{failure.message}</p>}
            {issueList.length > 0 && (
              <ul>
                {issueList.map((issue) => (
                  <li key={`${issue.field}:${issue.message}`}>
                    {issue.field === '' ? (
                      issue.message
                    ) : (
                      <button type="button" className="link-button" onClick={() => document.getElementById(inputId(issue.field))?.focus()}>
                        {issueLabel(issue.field)}: {issue.message}
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
        <fieldset className="rules__section">
          <legend>Parametrar</legend>
          <div className="rules__parameters">
            {settings.parameters.map((parameter) => (
              <ParameterField
                key={parameter.key}
                parameter={parameter}
                value={values.parameters[parameter.key] ?? ''}
                error={errors.get(paramField(parameter.key))}
                onChange={(value) => setParameter(parameter.key, value)}
              />
            ))}
          </div>
        </fieldset>

        <CatalogueSection
          values={values.catalogue}
          errors={errors}
          inputId={inputId}
          onChange={(register, change) =>
            setValues((old) => ({ ...old, catalogue: old.catalogue.map((row) => (row.register === register ? { ...row, ...change } : row)) }))
          }
        />

        <fieldset className="rules__section">
          <legend>Lagrum</legend>
          <p className="field__hint rules__hint">
            Varje bevakning visar det lagrum vars giltighet omfattar dagens datum. Lämna datumen tomma för en rad som gäller
            tills vidare. Datum skrivs ÅÅÅÅ-MM-DD.
          </p>
          <table className="rules-table">
            <colgroup>
              <col className="rules-table__col-rule" />
              <col className="rules-table__col-reference" />
              <col className="rules-table__col-date" />
              <col className="rules-table__col-date" />
              <col className="rules-table__col-note" />
              <col className="rules-table__col-remove" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Regel</th>
                {columns.map(([name, label]) => (
                  <th key={name} scope="col">{label}</th>
                ))}
                <th scope="col"><span className="visually-hidden">Ta bort</span></th>
              </tr>
            </thead>
            <tbody>
              {values.references.map((row, index) => {
                const where = `rad ${index + 1}`;
                const ruleError = errors.get(refField(row.key, 'rule'));
                return (
                  <tr key={row.key}>
                    <td className={ruleError ? 'field--invalid' : undefined}>
                      <select
                        id={inputId(refField(row.key, 'rule'))}
                        className="input"
                        aria-label={`Regel, ${where}`}
                        aria-invalid={ruleError ? true : undefined}
                        value={row.rule}
                        onChange={(e) => setReference(row.key, { rule: e.target.value as RuleId })}
                      >
                        {ruleIds.map((rule) => (
                          <option key={rule} value={rule}>{ruleLabels[rule]}</option>
                        ))}
                      </select>
                      {ruleError && <p className="field__error">{ruleError}</p>}
                    </td>
                    {columns.map(([name, label]) => {
                      const field = refField(row.key, name);
                      const error = errors.get(field);
                      const common = {
                        id: inputId(field),
                        className: 'input',
                        'aria-label': `${label} för ${ruleLabels[row.rule]}, ${where}`,
                        'aria-invalid': error ? (true as const) : undefined,
                        'aria-describedby': error ? `${inputId(field)}-error` : undefined,
                        value: row[name],
                      };
                      return (
                        <td key={name} className={`rules-table__${name}${error ? ' field--invalid' : ''}`}>
                          {name === 'note' ? (
                            <textarea {...common} rows={2} onChange={(e) => setReference(row.key, { note: e.target.value })} />
                          ) : name === 'reference' ? (
                            <input {...common} autoComplete="off" onChange={(e) => setReference(row.key, { reference: e.target.value })} />
                          ) : (
                            <DateInput
                              id={common.id}
                              aria-label={common['aria-label']}
                              aria-invalid={common['aria-invalid']}
                              aria-describedby={common['aria-describedby']}
                              value={common.value}
                              onChange={(value) => setReference(row.key, { [name]: value })}
                            />
                          )}
                          {error && <p className="field__error" id={`${inputId(field)}-error`}>{error}</p>}
                        </td>
                      );
                    })}
                    <td className="rules-table__remove">
                      <button
                        type="button"
                        className="button button--quiet rules-table__remove-button"
                        aria-label={`Ta bort ${where}: ${ruleLabels[row.rule]}`}
                        onClick={() => void removeReference(row, index)}
                      >
                        Ta bort
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <button type="button" id="rules-add-reference" className="button button--quiet rules__add" onClick={addReference}>
            + Lägg till rad
          </button>
        </fieldset>

        <fieldset className="rules__section rules__change">
          <legend>Vem ändrar och varför</legend>
          <p className="field__hint rules__hint">Namn och skäl sparas med ändringen i reglernas historik nedan.</p>
          <SignedInAs label="Ändras av" />
          <div className="rules__change-fields">
            <ChangeField
              field="reason"
              label="Skäl till ändringen"
              value={change.reason}
              error={errors.get('change.reason')}
              onChange={(reason) => setChange((old) => ({ ...old, reason }))}
            />
          </div>
        </fieldset>

        <div className="rules__footer">
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? 'Sparar…' : 'Spara reglerna'}
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
              Ångra ändringarna
            </button>
          )}
        </div>
      </form>

      <RulesHistory history={settings.history} />

      <QualitySettingsSection notify={notify} confirm={confirm} onDirtyChange={setQualityDirty} />

      <AuditChecklistSection notify={notify} confirm={confirm} onDirtyChange={setChecklistDirty} />
    </section>
  );
}

function ChangeField(props: { field: keyof ChangeValues; label: string; value: string; error: string | undefined; onChange: (value: string) => void }) {
  const id = inputId(`change.${props.field}`);
  return (
    <div className={`field${props.error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        className="input"
        autoComplete="off"
        maxLength={500}
        aria-required="true"
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.error && <p className="field__error" id={`${id}-error`}>{props.error}</p>}
    </div>
  );
}

/** Every saved version, newest first: when, who, why and what changed. */
function RulesHistory({ history }: { history: RuleSettingsVersion[] }) {
  return (
    <section className="rules__section rules-history" aria-labelledby="rules-history-title">
      <h2 id="rules-history-title" className="rules-history__title">Ändringshistorik</h2>
      {history.length === 0 ? (
        <p className="muted">Reglerna har inte ändrats: standardvärdena enligt lagen och rutinen gäller.</p>
      ) : (
        <ol className="rules-history__list">
          {history.map((entry) => (
            <li key={entry.version} className="rules-history__item">
              <p className="rules-history__meta">
                <strong>{dayOf(entry.changedAt)}</strong> {timeOf(entry.changedAt)} · {entry.changedBy ?? 'Okänd'}
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

const unitText = (unit: RuleParameter['unit'], value: number) =>
  unit === 'dagar' && value === 1 ? 'dag' : unit === 'månader' && value === 1 ? 'månad' : unit;

function ParameterField(props: { parameter: RuleParameter; value: string; error: string | undefined; onChange: (value: string) => void }) {
  const { parameter, value, error } = props;
  const id = inputId(paramField(parameter.key));
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const isDefault = value.trim() === String(parameter.defaultValue);
  return (
    <div className={`field rules__parameter${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{parameter.label}</label>
      <div className="rules__value">
        <input
          id={id}
          className="input rules__number"
          inputMode="numeric"
          autoComplete="off"
          maxLength={6}
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? errorId : null, hintId].filter(Boolean).join(' ')}
          value={value}
          onChange={(e) => props.onChange(e.target.value)}
        />
        <span className="rules__unit">{parameter.unit}</span>
        {!isDefault && (
          <button
            type="button"
            className="button button--quiet rules__reset"
            aria-label={`Återställ standard för ${parameter.label}`}
            onClick={() => props.onChange(String(parameter.defaultValue))}
          >
            Återställ standard
          </button>
        )}
      </div>
      <p className="field__hint" id={hintId}>
        Standard: {parameter.defaultValue} {unitText(parameter.unit, parameter.defaultValue)}
        {parameter.legalLimit &&
          ` · Lagens gräns: ${parameter.legalLimit.bound === 'max' ? 'högst' : 'minst'} ${parameter.legalLimit.value} ${unitText(parameter.unit, parameter.legalLimit.value)} (${parameter.legalLimit.reference})`}
      </p>
      {error && <p className="field__error" id={errorId}>{error}</p>}
    </div>
  );
}
