/**
 * The enhetschef's part of a round: the analysis, the actions that follow from it, and the report
 * for the nämnd. Others read the analysis and the actions.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { AuditAction, AuditRound } from '../../../preload/api';
import { api } from '../bridge/api';
import { downloadFile } from '../components/downloadFile';
import { MunicipalityField, rememberedMunicipality, rememberMunicipality } from '../components/MunicipalityField';
import { DateInput } from '../components/DateInput';
import { DateField, TextField, errorMap, failureOf, type Failure } from '../placement/fields';
import { useSession } from '../shell/SignIn';
import { whenText } from './auditText';

interface WorkProps {
  round: AuditRound;
  manager: boolean;
  onSaved: (round: AuditRound) => void;
  notify: (message: string) => void;
  onDirty: (dirty: boolean) => void;
}

const pathField = (path: string) => path.split('/')[1] ?? '';

export function AnalysisSection({ round, manager, onSaved, notify, onDirty }: WorkProps) {
  const { user } = useSession();
  const saved = round.analysis?.text ?? '';
  /** What is being written; null while the saved text is shown unchanged. */
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const text = draft ?? saved;
  const dirty = draft !== null && draft.trim() !== saved;
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  async function save() {
    if (saving) return;
    setSaving(true);
    const result = await api.saveAuditAnalysis({ roundId: round.id, text, recordedBy: user.name });
    setSaving(false);
    if (!result.ok) {
      setError([result.error.message, ...(result.error.issues ?? []).map((issue) => issue.message)].join(' '));
      return;
    }
    setError(null);
    setDraft(null);
    onDirty(false);
    onSaved(result.value);
    notify('Analysen är sparad.');
  }

  const written = round.analysis ? (
    <p className="audits__hint">
      Skriven av {round.analysis.writtenBy} {whenText(round.analysis.writtenAt)}.
    </p>
  ) : null;

  return (
    <section className="audits__card" aria-labelledby="audit-analysis-title">
      <h2 id="audit-analysis-title" className="audits__title">Analys</h2>
      {manager ? (
        <form
          className="audit-analysis"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <div className={error ? 'field field--invalid' : 'field'}>
            <label htmlFor="audit-analysis-text">Vad visar granskningen, och varför?</label>
            <p className="field__hint" id="audit-analysis-hint">
              Analysen står i rapporten till nämnden. Skriv om mönster i nej-svaren, vad de beror på och vad som behöver göras.
            </p>
            <textarea
              id="audit-analysis-text"
              className="input audit-analysis__text"
              rows={6}
              maxLength={20_000}
              aria-describedby={error ? 'audit-analysis-error audit-analysis-hint' : 'audit-analysis-hint'}
              aria-invalid={error ? true : undefined}
              value={text}
              onChange={(event) => setDraft(event.target.value)}
            />
            {error && <p className="field__error" id="audit-analysis-error">{error}</p>}
          </div>
          {written}
          <div className="audits__actions">
            <button type="submit" className="button button--primary" disabled={saving || !dirty}>
              {saving ? 'Sparar…' : 'Spara analysen'}
            </button>
            {!dirty && !saving && <span className="audits__hint">Inga ändringar att spara.</span>}
          </div>
        </form>
      ) : round.analysis && round.analysis.text !== '' ? (
        <>
          <p className="audit-analysis__read">{round.analysis.text}</p>
          {written}
        </>
      ) : (
        <p className="audits__none">Enhetschefen har inte skrivit någon analys ännu.</p>
      )}
    </section>
  );
}

interface ActionValues {
  action: string;
  responsible: string;
  dueOn: string;
}

const noAction: ActionValues = { action: '', responsible: '', dueOn: '' };

export function ActionsSection({ round, manager, today, onSaved, notify, onDirty }: WorkProps & { today: string }) {
  const { user } = useSession();
  const [values, setValues] = useState<ActionValues>(noAction);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);
  const [completing, setCompleting] = useState<AuditAction | null>(null);
  const dirty = values.action.trim() !== '' || values.responsible.trim() !== '' || values.dueOn.trim() !== '';
  useEffect(() => onDirty(dirty), [dirty, onDirty]);
  const errors = errorMap(failure);
  const set = (key: keyof ActionValues, value: string) => setValues((old) => ({ ...old, [key]: value }));

  async function add() {
    if (saving) return;
    setSaving(true);
    const result = await api.addAuditAction({ roundId: round.id, ...values, recordedBy: user.name });
    setSaving(false);
    if (!result.ok) {
      const next = failureOf(result.error, pathField);
      setFailure(next);
      const first = (['action', 'responsible', 'dueOn'] as const).find((field) => next.issues.some((issue) => issue.field === field));
      if (first) requestAnimationFrame(() => document.getElementById(`audit-action-${first}`)?.focus());
      return;
    }
    setFailure(null);
    setValues(noAction);
    onDirty(false);
    onSaved(result.value);
    notify('Åtgärden är tillagd. Den visas i Bevakning tills den är klar.');
    requestAnimationFrame(() => document.getElementById('audit-action-action')?.focus());
  }

  const open = round.actions.filter((action) => action.doneOn === null).length;

  return (
    <section className="audits__card" aria-labelledby="audit-actions-title">
      <h2 id="audit-actions-title" className="audits__title">Åtgärder</h2>
      <p className="audits__hint">
        Det som ska göras efter granskningen, vem som ansvarar och när det ska vara klart. En åtgärd som inte är klar visas i
        Bevakning tills den markeras som klar.
      </p>
      {round.actions.length === 0 ? (
        <p className="audits__none">Inga åtgärder ännu.</p>
      ) : (
        <div className="audits__table-wrap">
          <table className="audit-table">
            <caption className="visually-hidden">
              Åtgärder efter granskningen, {open === 1 ? '1 öppen' : `${open} öppna`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Åtgärd</th>
                <th scope="col">Ansvarig</th>
                <th scope="col">Klart senast</th>
                <th scope="col">Status</th>
                {manager && <th scope="col"><span className="visually-hidden">Markera</span></th>}
              </tr>
            </thead>
            <tbody>
              {round.actions.map((action) => {
                const late = action.doneOn === null && action.dueOn < today;
                return (
                  <tr key={action.id}>
                    <th scope="row" className="audit-table__item">{action.action}</th>
                    <td>{action.responsible}</td>
                    <td className="audit-table__date">{action.dueOn}</td>
                    <td>
                      {action.doneOn !== null ? (
                        <>
                          <span className="badge audit-badge audit-badge--done">Klar {action.doneOn}</span>
                          {action.doneBy && <span className="audit-table__sub">Markerad av {action.doneBy}</span>}
                        </>
                      ) : late ? (
                        <span className="badge audit-badge audit-badge--late">Försenad</span>
                      ) : (
                        <span className="badge audit-badge audit-badge--todo">Öppen</span>
                      )}
                    </td>
                    {manager && (
                      <td className="audit-table__nowrap">
                        {action.doneOn === null && (
                          <button type="button" className="button audit-table__button" onClick={() => setCompleting(action)}>
                            Markera som klar<span className="visually-hidden">: {action.action}</span>
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {manager && (
        <form
          className="audit-action-form"
          aria-labelledby="audit-action-form-title"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void add();
          }}
        >
          <h3 id="audit-action-form-title" className="audit-action-form__title">Ny åtgärd</h3>
          {failure && failure.issues.every((issue) => issue.field === '') && (
            <p className="field__error" role="alert">{failure.message}</p>
          )}
          <div className="audit-action-form__fields">
            <TextField id="audit-action-action" label="Åtgärd" required maxLength={1000} className="audit-action-form__action" error={errors.get('action')} value={values.action} onChange={(v) => set('action', v)} />
            <TextField id="audit-action-responsible" label="Ansvarig" required maxLength={200} error={errors.get('responsible')} value={values.responsible} onChange={(v) => set('responsible', v)} />
            <DateField id="audit-action-dueOn" label="Klart senast" required error={errors.get('dueOn')} value={values.dueOn} onChange={(v) => set('dueOn', v)} />
            <button type="submit" className="button audit-action-form__submit" disabled={saving}>
              {saving ? 'Lägger till…' : 'Lägg till åtgärden'}
            </button>
          </div>
        </form>
      )}

      {completing && (
        <DoneDialog
          action={completing}
          today={today}
          onClose={() => setCompleting(null)}
          onDone={(next) => {
            setCompleting(null);
            onSaved(next);
            notify(`Åtgärden är markerad som klar: ${completing.action}`);
          }}
        />
      )}
    </section>
  );
}

/**
 * "Markera som klar": the day it was done (today unless told), asked in a modal dialog; main
 * refuses a day in the future or before the action was added, said at the field.
 */
function DoneDialog({ action, today, onClose, onDone }: { action: AuditAction; today: string; onClose: () => void; onDone: (round: AuditRound) => void }) {
  const { user } = useSession();
  const ref = useRef<HTMLDialogElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const [doneOn, setDoneOn] = useState(today);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog?.showModal();
    dateRef.current?.focus();
    return () => {
      if (dialog?.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  async function confirm() {
    if (saving) return;
    setSaving(true);
    const result = await api.completeAuditAction({ id: action.id, doneOn, recordedBy: user.name });
    setSaving(false);
    if (!result.ok) {
      setError((result.error.issues ?? []).find((issue) => issue.path === '/doneOn')?.message ?? result.error.message);
      dateRef.current?.focus();
      return;
    }
    onDone(result.value);
  }

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form
        className="audit-done"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void confirm();
        }}
      >
        <h2 id={titleId} className="confirm-dialog__title">Markera åtgärden som klar</h2>
        <p className="confirm-dialog__message">{action.action}</p>
        <div className={error ? 'field field--invalid' : 'field'}>
          <label htmlFor="audit-action-done-on">Klar den</label>
          <DateInput
            id="audit-action-done-on"
            ref={dateRef}
            value={doneOn}
            onChange={setDoneOn}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'audit-action-done-on-error' : undefined}
          />
          {error && <p className="field__error" id="audit-action-done-on-error">{error}</p>}
        </div>
        <div className="confirm-dialog__actions">
          <button type="button" className="button" onClick={onClose}>Avbryt</button>
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? 'Sparar…' : 'Markera som klar'}
          </button>
        </div>
      </form>
    </dialog>
  );
}

export function ReportSection({ round, notify }: { round: AuditRound; notify: (message: string) => void }) {
  const [municipality, setMunicipality] = useState(rememberedMunicipality);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function create() {
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await api.getAuditReport({ id: round.id, municipality });
    setBusy(false);
    if (!result.ok) {
      setError((result.error.issues ?? []).find((issue) => issue.path === '/municipality')?.message ?? result.error.message);
      requestAnimationFrame(() => document.getElementById('audit-report-municipality')?.focus());
      return;
    }
    rememberMunicipality(municipality);
    downloadFile(result.value.base64, result.value.fileName, 'application/pdf');
    notify(`Rapporten är sparad som ${result.value.fileName}.`);
  }

  return (
    <section className="audits__card" aria-labelledby="audit-report-title">
      <h2 id="audit-report-title" className="audits__title">Rapport för nämnden</h2>
      <p className="audits__hint">
        Rapporten beskriver hur urvalet drogs och hur det kontrolleras, resultatet per punkt, avvikelserna, analysen och
        åtgärderna. Akterna kallas Akt 1, Akt 2 och så vidare: inget barn nämns.
      </p>
      <form
        className="audit-report"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <MunicipalityField id="audit-report-municipality" className="audit-report__field" value={municipality} onChange={setMunicipality} error={error} />
        <button type="submit" className="button button--primary" disabled={busy} aria-describedby="audit-report-status">
          {busy ? 'Skapar rapporten …' : 'Skapa PDF'}
        </button>
        <p id="audit-report-status" className="audits__hint audit-report__status" role="status">
          {busy ? 'Skapar rapporten …' : ''}
        </p>
      </form>
      <p className="audits__hint">
        Samma rapport från kommandoraden, till exempel varje halvår:{' '}
        <code className="audits__command">npx placeringskollen report egenkontroll --round {round.id} --db &lt;databas&gt; --out egenkontroll.pdf</code>
      </p>
    </section>
  );
}

