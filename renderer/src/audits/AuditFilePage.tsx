import { useEffect, useRef, useState } from 'react';
import { checklistAnswers, type AuditAnswerView, type AuditFile, type AuditFileItem, type ChecklistAnswer } from '../../../preload/api';
import { api } from '../bridge/api';
import { checklistAnswerLabels } from '../labels';
import { AppLink } from '../routing/links';
import { paths } from '../routing/paths';
import { useSession } from '../shell/SignIn';
import { periodText, whenText } from './auditText';
import './audits.css';

interface AnswerValues {
  answer: ChecklistAnswer | '';
  comment: string;
  overrideReason: string;
  alreadyReported: boolean;
}

type Answers = Record<string, AnswerValues>;

/** The form as the file stands: the newest answer of each item, else the register's proposal, else none. */
function answersOf(file: AuditFile): Answers {
  return Object.fromEntries(
    file.items.map((item) => [
      item.item.id,
      {
        answer: item.current?.answer ?? item.proposed?.answer ?? '',
        comment: item.current?.comment ?? '',
        overrideReason: item.current?.overrideReason ?? '',
        alreadyReported: item.current?.alreadyReported ?? false,
      },
    ]),
  );
}

/** The register proposed one answer and the auditor chose another: why, is asked. */
const overrides = (item: AuditFileItem, value: AnswerValues) => item.proposed !== null && value.answer !== '' && value.answer !== item.proposed.answer;

const itemFieldId = (number: number, field: 'answer' | 'comment' | 'reason') => `audit-item-${number}-${field}`;

/** "1, 9 och 10". */
function numbersText(numbers: readonly number[]): string {
  if (numbers.length <= 1) return numbers.join('');
  return `${numbers.slice(0, -1).join(', ')} och ${numbers.at(-1)}`;
}

const same = (a: Answers, b: Answers) => JSON.stringify(a) === JSON.stringify(b);

/**
 * One file of a round, "Akt 3 av 42": every checklist item answered ja, nej or ej tillämpligt with
 * a comment. Where the register knows the answer it proposes it with its reason, and an answer
 * other than the register's asks why. A nej becomes a deviation on the placement when saved,
 * unless it was reported already. All items are saved together.
 */
export function AuditFilePage(props: {
  roundId: string;
  ordinal: number;
  notify: (message: string) => void;
  onChanged: () => void;
  onDirtyChange: (dirty: boolean) => void;
  onSaving: (request: Promise<unknown>) => void;
}) {
  const { roundId, ordinal, onDirtyChange } = props;
  const { user } = useSession();
  const [file, setFile] = useState<AuditFile | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [retries, setRetries] = useState(0);
  const [baseline, setBaseline] = useState<Answers>({});
  const [answers, setAnswers] = useState<Answers>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<{ message: string; byItem: Map<string, string> } | null>(null);
  const [saved, setSaved] = useState(false);
  const savedRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    void api.getAuditFile({ roundId, ordinal }).then((result) => {
      if (!live) return;
      if (result.ok) {
        const loaded = answersOf(result.value);
        setFile(result.value);
        setBaseline(loaded);
        setAnswers(loaded);
        setLoadError(null);
      } else setLoadError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [roundId, ordinal, retries]);

  const dirty = file !== null && !same(answers, baseline);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  const roundLink = (name: string) => (
    <AppLink to={paths.auditRound(roundId)} className="text-link audits__back">
      <span aria-hidden="true">← </span>
      {name}
    </AppLink>
  );

  if (file === null) {
    return (
      <section className="audits" aria-labelledby="audit-file-title">
        {roundLink('Granskningsomgången')}
        <h1 id="audit-file-title" className="page-title">Akt {ordinal}</h1>
        {loadError === null ? (
          <p className="page-message" role="status">Hämtar akten…</p>
        ) : (
          <div className="page-message page-message--error" role="alert">
            <p>Akten kunde inte hämtas. {loadError}</p>
            <div className="page-message__actions">
              <button type="button" className="button" onClick={() => setRetries((n) => n + 1)}>Försök igen</button>
            </div>
          </div>
        )}
      </section>
    );
  }

  const unanswered = file.items.filter((item) => answers[item.item.id]?.answer === '').map((item) => item.number);
  const reasonsMissing = file.items
    .filter((item) => {
      const value = answers[item.item.id]!;
      return overrides(item, value) && value.overrideReason.trim() === '';
    })
    .map((item) => item.number);
  const answeredCount = file.items.length - unanswered.length;
  const everSaved = file.items.some((item) => item.current !== null);
  const missing: string[] = [];
  if (unanswered.length > 0) missing.push(`Svara på ${unanswered.length === 1 ? 'punkt' : 'punkterna'} ${numbersText(unanswered)}.`);
  if (reasonsMissing.length > 0) missing.push(`Skriv varför du svarar annorlunda än registret på ${reasonsMissing.length === 1 ? 'punkt' : 'punkterna'} ${numbersText(reasonsMissing)}.`);
  if (missing.length === 0 && !dirty && everSaved) missing.push('Inga ändringar sedan granskningen sparades.');
  const canSave = missing.length === 0 && !saving;

  const set = (itemId: string, change: Partial<AnswerValues>) => {
    setSaved(false);
    setAnswers((old) => ({ ...old, [itemId]: { ...old[itemId]!, ...change } }));
  };

  async function save() {
    if (!file || !canSave) return;
    setSaving(true);
    const sent = file.items.map((item) => {
      const value = answers[item.item.id]!;
      return {
        itemId: item.item.id,
        answer: value.answer as ChecklistAnswer,
        comment: value.comment,
        overrideReason: overrides(item, value) ? value.overrideReason : null,
        alreadyReported: value.answer === 'nej' && value.alreadyReported,
      };
    });
    const request = api.saveAuditFile({ roundId, ordinal, answers: sent, recordedBy: user.name });
    props.onSaving(request);
    const result = await request;
    setSaving(false);
    if (!result.ok) {
      const byItem = new Map<string, string>();
      for (const issue of result.error.issues ?? []) {
        const index = /^\/answers\/(\d+)/.exec(issue.path)?.[1];
        const item = index === undefined ? undefined : file.items[Number(index)];
        if (item && !byItem.has(item.item.id)) byItem.set(item.item.id, issue.message);
      }
      const general = (result.error.issues ?? []).filter((issue) => !/^\/answers\/\d+/.test(issue.path)).map((issue) => issue.message);
      setSaveError({ message: [result.error.message, ...general].join(' '), byItem });
      const first = file.items.find((item) => byItem.has(item.item.id));
      requestAnimationFrame(() => document.getElementById(first ? itemFieldId(first.number, 'reason') : 'audit-file-save-error')?.focus());
      return;
    }
    const loaded = answersOf(result.value);
    setFile(result.value);
    setBaseline(loaded);
    setAnswers(loaded);
    setSaveError(null);
    setSaved(true);
    onDirtyChange(false);
    props.onChanged();
    const nej = result.value.items.filter((item) => item.current?.answer === 'nej' && item.current.deviationId !== null).length;
    props.notify(`Granskningen av ${result.value.label} är sparad.${nej > 0 ? ` ${nej === 1 ? '1 nej-svar är' : `${nej} nej-svar är`} avvikelser på placeringen.` : ''}`);
    requestAnimationFrame(() => savedRef.current?.focus());
  }

  const hasNext = file.ordinal < file.size;

  return (
    <section className="audits audit-file" aria-labelledby="audit-file-title">
      {roundLink(file.roundName)}
      <div className="register__head">
        <div>
          <h1 id="audit-file-title" className="page-title">
            {file.label} av {file.size}
          </h1>
          <p className="page-lead">
            {file.childLabel === null ? (
              <span>Placeringen är borttagen ur registret; registret kan inte föreslå några svar.</span>
            ) : (
              <span>
                Barn: <AppLink to={paths.placement(file.placementId)} className="text-link">{file.childLabel}</AppLink>
              </span>
            )}
            <span className="audit-file__round">
              {file.roundName}, {periodText(file)}
            </span>
          </p>
        </div>
      </div>
      <p className="audits__hint audit-file__intro">
        Granska akten punkt för punkt för perioden {periodText(file)}. Där registret vet svaret föreslår det ett svar och säger
        varför; kontrollera det mot akten. Varje nej blir en avvikelse på placeringen när du sparar.
      </p>

      <form
        className="audit-file__form"
        noValidate
        aria-labelledby="audit-file-title"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <ol className="audit-items">
          {file.items.map((item) => (
            <ItemCard
              key={item.item.id}
              item={item}
              value={answers[item.item.id]!}
              error={saveError?.byItem.get(item.item.id) ?? null}
              onChange={(change) => set(item.item.id, change)}
            />
          ))}
        </ol>

        <div className="audit-file__footer">
          <p className="audit-file__count">
            <strong>
              {answeredCount} av {file.items.length} punkter besvarade
            </strong>
          </p>
          {saveError && (
            <p className="field__error" id="audit-file-save-error" tabIndex={-1} role="alert">
              {saveError.message}
            </p>
          )}
          <div className="audits__actions">
            <button type="submit" className="button button--primary" disabled={!canSave} aria-describedby={missing.length > 0 ? 'audit-file-missing' : undefined}>
              {saving ? 'Sparar…' : 'Spara granskningen'}
            </button>
            {missing.length > 0 && (
              <span id="audit-file-missing" className="audit-file__missing">{missing.join(' ')}</span>
            )}
          </div>
          {saved && (
            <div ref={savedRef} tabIndex={-1} className="audit-file__saved" role="status">
              <p>
                <strong>Granskningen av {file.label} är sparad.</strong>
              </p>
              <div className="audits__actions">
                {hasNext && (
                  <AppLink to={paths.auditFile(roundId, file.ordinal + 1)} className="button button--primary">
                    Nästa akt
                  </AppLink>
                )}
                <AppLink to={paths.auditRound(roundId)} className="button">Tillbaka till omgången</AppLink>
              </div>
            </div>
          )}
        </div>
      </form>
    </section>
  );
}

function ItemCard({ item, value, error, onChange }: { item: AuditFileItem; value: AnswerValues; error: string | null; onChange: (change: Partial<AnswerValues>) => void }) {
  const n = item.number;
  const titleId = `audit-item-${n}-title`;
  const needsReason = overrides(item, value);
  const earlier = item.history.slice(1);
  const deviationId = item.current?.answer === 'nej' ? item.current.deviationId : null;
  return (
    <li className="audit-item">
      <h2 id={titleId} className="audit-item__title">
        <span className="audit-item__number">{n}.</span> {item.item.text}
      </h2>
      {item.proposed && (
        <div className={`audit-proposal audit-proposal--${item.proposed.answer}`}>
          <p className="audit-proposal__answer">
            Registret föreslår: <strong>{checklistAnswerLabels[item.proposed.answer]}</strong>
          </p>
          <p className="audit-proposal__reason">{item.proposed.reason}</p>
        </div>
      )}
      <fieldset className="checkbox-group audit-item__answers">
        <legend>
          Svar<span className="visually-hidden"> på punkt {n}</span>
        </legend>
        <div className="radio-row">
          {checklistAnswers.map((answer, index) => (
            <label key={answer} className="checkbox audit-item__choice">
              <input
                type="radio"
                id={index === 0 ? itemFieldId(n, 'answer') : undefined}
                name={`audit-item-${n}`}
                checked={value.answer === answer}
                onChange={() => onChange({ answer })}
              />
              {checklistAnswerLabels[answer]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="audit-item__fields">
        {needsReason && (
          <div className={error ? 'field field--invalid' : 'field'}>
            <label htmlFor={itemFieldId(n, 'reason')}>
              Varför svarar du annorlunda än registret?<span className="field__required"> (obligatoriskt)</span>
            </label>
            <input
              id={itemFieldId(n, 'reason')}
              className="input"
              autoComplete="off"
              maxLength={1000}
              aria-required
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${itemFieldId(n, 'reason')}-error` : undefined}
              value={value.overrideReason}
              onChange={(event) => onChange({ overrideReason: event.target.value })}
            />
            {error && <p className="field__error" id={`${itemFieldId(n, 'reason')}-error`}>{error}</p>}
          </div>
        )}
        {!needsReason && error && <p className="field__error">{error}</p>}
        <div className="field">
          <label htmlFor={itemFieldId(n, 'comment')}>
            Kommentar<span className="visually-hidden"> till punkt {n}</span>
          </label>
          <textarea
            id={itemFieldId(n, 'comment')}
            className="input audit-item__comment"
            rows={2}
            maxLength={2000}
            value={value.comment}
            onChange={(event) => onChange({ comment: event.target.value })}
          />
        </div>
        {value.answer === 'nej' && (
          <div className="audit-item__nej">
            <label className="checkbox">
              <input type="checkbox" checked={value.alreadyReported} onChange={(event) => onChange({ alreadyReported: event.target.checked })} />
              Redan rapporterad som avvikelse (ingen ny avvikelse skapas)
            </label>
            {deviationId !== null ? (
              <p className="audits__hint">
                Svaret blev en avvikelse på placeringen.{' '}
                <AppLink to={paths.deviation(deviationId)} className="text-link">
                  Öppna avvikelsen<span className="visually-hidden"> för punkt {n}</span>
                </AppLink>
              </p>
            ) : (
              !value.alreadyReported && <p className="audits__hint">Annars skapas en avvikelse på placeringen när du sparar.</p>
            )}
          </div>
        )}
      </div>
      {item.current && (
        <p className="audit-item__last">
          Senast besvarad av {item.current.answeredBy} {whenText(item.current.answeredAt)}: {checklistAnswerLabels[item.current.answer]}.
        </p>
      )}
      {earlier.length > 0 && (
        <details className="audit-item__history">
          <summary>
            Tidigare svar ({earlier.length})<span className="visually-hidden"> på punkt {n}</span>
          </summary>
          <ul>
            {earlier.map((answer) => (
              <HistoryRow key={`${answer.answeredAt}:${answer.answeredBy}`} answer={answer} />
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

function HistoryRow({ answer }: { answer: AuditAnswerView }) {
  return (
    <li>
      <span className="audit-item__history-when">
        {whenText(answer.answeredAt)}, {answer.answeredBy}:
      </span>{' '}
      <strong>{checklistAnswerLabels[answer.answer]}</strong>
      {answer.alreadyReported && ' (redan rapporterad)'}
      {answer.comment && <> – {answer.comment}</>}
      {answer.overrideReason && <span className="audit-item__history-reason"> Skäl mot registrets förslag: {answer.overrideReason}</span>}
    </li>
  );
}
