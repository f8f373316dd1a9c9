import { useEffect, useRef, useState } from 'react';
import { roleAllows } from '../../../preload/api';
import type { ApiIssue, AuditChecklistView, ChecklistItem } from '../../../preload/api';
import { api } from '../bridge/api';
import type { ConfirmOptions } from '../components/ConfirmDialog';
import type { ToastMessage } from '../components/Toast';
import { useApp } from '../shell/AppContext';
import { SignedInAs } from '../shell/SignedInAs';
import { useSession } from '../shell/SignIn';
import { dayOf } from '../today';
import './audit-checklist.css';

interface Props {
  notify: (message: string, action?: ToastMessage['action']) => void;
  confirm: (options: ConfirmOptions) => Promise<boolean>;
  /** The Regler page joins this with its own: leaving asks while any section has unsaved edits. */
  onDirtyChange: (dirty: boolean) => void;
}

const SAVE_FAILED = 'Checklistan kunde inte sparas';

/** Why an item answers itself: the register's rule in the words of the bevakningslista. */
const autoLabels: Record<NonNullable<ChecklistItem['auto']>, string> = {
  registerkontroll: 'registerkontrollerna före beslut',
  'ivo-tillstand': 'kontrollen av IVO-tillstånd före beslut',
  jourhem: 'tidsgränsen i jourhem',
  vardplan: 'vårdplanen',
  genomforandeplan: 'genomförandeplanen',
  halsoundersokning: 'hälsoundersökningen',
  barnsamtal: 'de enskilda samtalen med barnet',
  overvagande: 'övervägandena och omprövningarna',
  vardnadsoverflyttning: 'övervägandet om vårdnadsöverflyttning',
  'fler-an-tre-barn': 'anmälan om fler än tre barn i hemmet',
};

const textId = (index: number) => `audit-checklist-item-${index}`;
const same = (a: readonly ChecklistItem[], b: readonly ChecklistItem[]) => JSON.stringify(a) === JSON.stringify(b);

/** A new item's id: stable within the copy, never shown (answers refer to it). */
function freshId(items: readonly ChecklistItem[]): string {
  const taken = new Set(items.map((item) => item.id));
  let n = items.length + 1;
  while (taken.has(`egen-${n}`)) n++;
  return `egen-${n}`;
}

/**
 * The audit checklist on the Regler page: the municipality's own copy of rules.md's template,
 * versioned like the rules (who, when, why). A round is audited with the version it was drawn
 * with; a new version applies to the rounds drawn after it.
 */
export function AuditChecklistSection({ notify, confirm, onDirtyChange }: Props) {
  const { changed } = useApp();
  const { user } = useSession();
  const mayEdit = roleAllows(user.role, 'enhetschef');
  const [view, setView] = useState<AuditChecklistView | null>(null);
  const [items, setItems] = useState<ChecklistItem[]>([]);
  const [reason, setReason] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ message: string; issues: { index: number | null; message: string }[] } | null>(null);
  const [saving, setSaving] = useState(false);
  /** The item to focus after the render that moves, adds or removes it. */
  const focusNext = useRef<number | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let current = true;
    void api.getAuditChecklist({}).then((result) => {
      if (!current) return;
      if (result.ok) {
        setView(result.value);
        setItems(result.value.items);
      } else {
        setLoadError(result.error.message);
      }
    });
    return () => {
      current = false;
    };
  }, []);

  const dirty = view !== null && !same(items, view.items);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  useEffect(() => {
    if (focusNext.current === null) return;
    document.getElementById(textId(focusNext.current))?.focus();
    focusNext.current = null;
  });

  if (loadError !== null) {
    return (
      <section className="audit-checklist" aria-labelledby="audit-checklist-title">
        <h2 id="audit-checklist-title">Checklista för aktgranskning</h2>
        <p className="list-error" role="alert">{loadError}</p>
      </section>
    );
  }
  if (view === null) {
    return (
      <section className="audit-checklist" aria-labelledby="audit-checklist-title" aria-busy="true">
        <h2 id="audit-checklist-title">Checklista för aktgranskning</h2>
        <p className="muted">Läser in checklistan …</p>
      </section>
    );
  }

  const errors = new Map((failure?.issues ?? []).filter((i) => i.index !== null).map((i) => [i.index!, i.message]));
  const edit = (index: number, text: string) => setItems((old) => old.map((item, i) => (i === index ? { ...item, text } : item)));
  const move = (index: number, by: -1 | 1) => {
    setItems((old) => {
      const next = [...old];
      [next[index], next[index + by]] = [next[index + by]!, next[index]!];
      return next;
    });
    // The moved item keeps the focus, at its new place (its button may now be disabled).
    focusNext.current = index + by;
  };

  async function remove(index: number) {
    const item = items[index]!;
    const ok = await confirm({
      title: `Ta bort punkt ${index + 1}?`,
      message: `”${item.text || 'Punkten utan text'}” tas bort ur checklistan när du sparar. Omgångar som redan dragits behåller sin version av checklistan.`,
      confirmLabel: 'Ta bort punkten',
    });
    if (!ok) return;
    setItems((old) => old.filter((_, i) => i !== index));
    focusNext.current = Math.max(0, Math.min(index, items.length - 2));
  }

  async function startFromTemplate() {
    const ok = await confirm({
      title: 'Börja om från mallen?',
      message: 'Checklistan i formuläret blir mallens 17 punkter. Inget sparas förrän du sparar med ett skäl; dina tidigare versioner finns kvar.',
      confirmLabel: 'Börja om från mallen',
    });
    if (ok) setItems(view!.template);
  }

  async function save() {
    if (reason.trim() === '') {
      setFailure({ message: SAVE_FAILED, issues: [{ index: null, message: 'Skriv varför checklistan ändras.' }] });
      summaryRef.current?.focus();
      return;
    }
    setSaving(true);
    const result = await api.saveAuditChecklist({ items, version: view!.version, reason, changedBy: user.name });
    setSaving(false);
    if (!result.ok) {
      const issues = (result.error.issues ?? []).map((issue: ApiIssue) => {
        const at = /^\/items\/(\d+)/.exec(issue.path);
        return { index: at ? Number(at[1]) : null, message: at ? `Punkt ${Number(at[1]) + 1}: ${issue.message}` : issue.message };
      });
      setFailure({ message: result.error.message, issues });
      summaryRef.current?.focus();
      return;
    }
    setView(result.value);
    setItems(result.value.items);
    setReason('');
    setFailure(null);
    changed();
    notify(`Checklistan är sparad som version ${result.value.version}. Den gäller omgångar som dras från och med nu.`);
  }

  const latest = view.history[0];
  return (
    <section className="audit-checklist" aria-labelledby="audit-checklist-title">
      <div className="register__head">
        <div>
          <h2 id="audit-checklist-title">Checklista för aktgranskning</h2>
          <p className="page-lead rules__lead">
            Punkterna som varje akt granskas mot i egenkontrollen. Punkter som registret kan besvara föreslås med skälet;
            granskaren bekräftar eller svarar annorlunda. En omgång granskas med den version som gällde när urvalet drogs.
          </p>
        </div>
        <p className="rules__version">
          {latest ? `Version ${view.version} · sparad ${dayOf(latest.changedAt)}${latest.changedBy ? ` av ${latest.changedBy}` : ''}` : 'Version 1 · mallen, inte ändrad'}
          {dirty && <span className="panel__dirty">Osparade ändringar</span>}
        </p>
      </div>

      <div ref={summaryRef} tabIndex={-1} className={failure ? 'error-summary' : 'error-summary error-summary--empty'} role="alert">
        {failure && (
          <>
            <h3 className="error-summary__title">{SAVE_FAILED}</h3>
            <ul>
              {failure.issues.map((issue) => (
                <li key={issue.message}>
                  {issue.index === null ? (
                    issue.message
                  ) : (
                    <button type="button" className="link-button" onClick={() => document.getElementById(textId(issue.index!))?.focus()}>
                      {issue.message}
                    </button>
                  )}
                </li>
              ))}
            </ul>
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
        <ol className="audit-checklist__items">
          {items.map((item, index) => (
            <li key={item.id} className={`audit-checklist__item${errors.has(index) ? ' field--invalid' : ''}`}>
              <label htmlFor={textId(index)} className="audit-checklist__number">
                Punkt {index + 1}
              </label>
              <div className="audit-checklist__body">
                <textarea
                  id={textId(index)}
                  className="input audit-checklist__text"
                  rows={2}
                  maxLength={500}
                  readOnly={!mayEdit}
                  aria-invalid={errors.has(index) ? true : undefined}
                  aria-describedby={item.auto ? `${textId(index)}-auto` : undefined}
                  value={item.text}
                  onChange={(event) => edit(index, event.target.value)}
                />
                {item.auto && (
                  <p id={`${textId(index)}-auto`} className="field__hint">
                    Registret föreslår svaret utifrån {autoLabels[item.auto]}.
                  </p>
                )}
                {errors.has(index) && <p className="field__error">{errors.get(index)}</p>}
              </div>
              {mayEdit && (
                <div className="audit-checklist__actions">
                  <button type="button" className="button button--quiet" disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Flytta punkt ${index + 1} uppåt`}>
                    Uppåt
                  </button>
                  <button type="button" className="button button--quiet" disabled={index === items.length - 1} onClick={() => move(index, 1)} aria-label={`Flytta punkt ${index + 1} nedåt`}>
                    Nedåt
                  </button>
                  <button type="button" className="button button--quiet" onClick={() => void remove(index)} aria-label={`Ta bort punkt ${index + 1}`}>
                    Ta bort
                  </button>
                </div>
              )}
            </li>
          ))}
        </ol>

        {mayEdit ? (
          <>
            <div className="audit-checklist__more">
              <button
                type="button"
                className="button"
                disabled={items.length >= 60}
                onClick={() => {
                  focusNext.current = items.length;
                  setItems((old) => [...old, { id: freshId(old), text: '', auto: null }]);
                }}
              >
                Lägg till punkt
              </button>
              <button type="button" className="button" onClick={() => void startFromTemplate()}>
                Börja om från mallen
              </button>
            </div>
            <fieldset className="rules__section rules__change">
              <legend>Vem ändrar checklistan och varför</legend>
              <SignedInAs label="Ändras av" />
              <div className="field">
                <label htmlFor="audit-checklist-reason">Varför checklistan ändras</label>
                <input id="audit-checklist-reason" className="input" autoComplete="off" maxLength={500} aria-required="true" value={reason} onChange={(event) => setReason(event.target.value)} />
              </div>
            </fieldset>
            <div className="rules__footer">
              <button type="submit" className="button button--primary" disabled={saving || !dirty}>
                {saving ? 'Sparar…' : 'Spara checklistan'}
              </button>
              {dirty && (
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setItems(view.items);
                    setFailure(null);
                  }}
                >
                  Ångra ändringarna i checklistan
                </button>
              )}
            </div>
          </>
        ) : (
          <p className="muted">Enhetschefen ändrar checklistan.</p>
        )}
      </form>

      {view.history.length > 0 && (
        <details className="audit-checklist__history">
          <summary>Tidigare versioner ({view.history.length + 1})</summary>
          <ul>
            {view.history.map((row) => (
              <li key={row.version}>
                Version {row.version}, {dayOf(row.changedAt)}
                {row.changedBy ? ` av ${row.changedBy}` : ''}
                {row.reason ? `: ${row.reason}` : ''}
              </li>
            ))}
            <li>Version 1: programmets mall, {view.template.length} punkter</li>
          </ul>
        </details>
      )}
    </section>
  );
}
