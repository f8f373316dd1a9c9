import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { Deviation, DeviationStep, DeviationStepRecord, IvoReportDeadline } from '../../../preload/api';
import { api } from '../bridge/api';
import { LegalRef } from '../components/LegalRef';
import { useLoaded } from '../components/useLoaded';
import { deadlineStatusLabels, deviationCategoryLabel, deviationKindLabels, deviationStatusLabels, deviationStepLabels, severityLabels } from '../labels';
import { DateField, errorMap, failureOf } from '../placement/fields';
import type { Failure } from '../placement/fields';
import { AppLink } from '../routing/links';
import { paths } from '../routing/paths';
import { SignedInAs } from '../shell/SignedInAs';
import { useSession } from '../shell/SignIn';
import { relativeDays } from '../today';
import { RadioGroup, TextAreaField } from './fields';

interface Props {
  deviationId: string;
  today: string;
  version: number;
  onClose: () => void;
  /** A step was recorded: the list, its counts and the menu's are fetched again. */
  onChanged: () => void;
  notify: (message: string) => void;
}

/**
 * One deviation beside the list: what was reported, every step taken since, the anmälan till IVO a
 * serious lex Sarah is waiting for, and the form for the next step (only the steps that can come next).
 */
export function DeviationPanel({ deviationId, today, version, onClose, onChanged, notify }: Props) {
  const [retries, setRetries] = useState(0);
  const loaded = useLoaded(() => api.getDeviation({ id: deviationId, date: today }), `${deviationId}\u0000${today}\u0000${version}\u0000${retries}`);
  // The answer of a step's save, shown at once; the next fetch (after `onChanged`) takes over.
  const [saved, setSaved] = useState<{ deviation: Deviation; after: Deviation | null } | null>(null);
  const fetched = loaded?.value ?? null;
  const deviation = saved !== null && saved.after === fetched ? saved.deviation : fetched;
  const titleRef = useRef<HTMLHeadingElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);

  // Reading starts at the title when the deviation has come (the panel is new for each one opened).
  const focused = useRef(false);
  useEffect(() => {
    if (deviation === null || focused.current) return;
    focused.current = true;
    titleRef.current?.focus();
  }, [deviation]);

  return (
    <section className="panel deviation-panel" aria-labelledby="deviation-title">
      <header className="panel__header">
        <div>
          {deviation && <p className="panel__eyebrow">{deviationKindLabels[deviation.kind]}</p>}
          <h2 id="deviation-title" className="panel__title" ref={titleRef} tabIndex={-1}>
            {deviation ? titleOf(deviation) : 'Avvikelse'}
          </h2>
        </div>
        <button type="button" className="icon-button" aria-label="Stäng" aria-keyshortcuts="Escape" title="Stäng (Esc)" onClick={onClose}>
          ×
        </button>
      </header>

      {loaded === null && <p className="panel__message" role="status">Hämtar avvikelsen…</p>}
      {loaded !== null && deviation === null && (
        <div className="panel__message panel__message--error" role="alert">
          <p>Avvikelsen kunde inte hämtas. {loaded.error}</p>
          <button type="button" className="button" onClick={() => setRetries((n) => n + 1)}>Försök igen</button>
        </div>
      )}

      {deviation && (
        <div className="panel__body deviation-panel__body" ref={bodyRef}>
          {loaded?.error && (
            <div className="list-error" role="alert">
              <p>Avvikelsen kunde inte hämtas på nytt. {loaded.error}</p>
              <button type="button" className="button" onClick={() => setRetries((n) => n + 1)}>Försök igen</button>
            </div>
          )}
          <p className="deviation-panel__status">
            <span className={`badge deviation-status deviation-status--${deviation.status}`}>{deviationStatusLabels[deviation.status]}</span>
            {deviation.reportedToIvo && <span className="badge badge--deadline-upcoming">Anmäld till IVO</span>}
          </p>

          {deviation.ivoDeadline && <IvoDeadline deadline={deviation.ivoDeadline} today={today} />}

          <dl className="facts deviation-facts">
            <Fact label="Rapporterad">{deviation.reportedOn}</Fact>
            <Fact label="Slag">{deviationKindLabels[deviation.kind]}</Fact>
            <Fact label="Kategori">{deviation.category ? deviationCategoryLabel(deviation.category) : <span className="muted">Ingen angiven</span>}</Fact>
            <Fact label="Allvarlighet">{severityLabels[deviation.severity]}</Fact>
            {deviation.homeName !== null && (
              <Fact label="Hem">
                {deviation.homeId ? <AppLink to={paths.home(deviation.homeId)} className="text-link">{deviation.homeName}</AppLink> : deviation.homeName}
              </Fact>
            )}
            {deviation.childLabel !== null && (
              <Fact label="Barn">
                {deviation.placementId ? (
                  <AppLink to={paths.placement(deviation.placementId)} className="text-link">{deviation.childLabel}</AppLink>
                ) : (
                  deviation.childLabel
                )}
              </Fact>
            )}
            <Fact label="Registrerad av">{deviation.recordedBy ?? <span className="muted">Okänt</span>}</Fact>
          </dl>

          <h3 className="deviation-panel__heading">Beskrivning</h3>
          <p className="deviation-panel__text">{deviation.description}</p>

          <h3 className="deviation-panel__heading">Vad som har gjorts</h3>
          {deviation.steps.length === 0 ? (
            <p className="muted">Inget ännu: avvikelsen är rapporterad men inte utredd.</p>
          ) : (
            <ol className="timeline deviation-steps">
              {deviation.steps.map((step) => (
                <StepItem key={step.ordinal} step={step} />
              ))}
            </ol>
          )}

          {deviation.nextSteps.length === 0 ? (
            <p className="deviation-panel__done">Avvikelsen är avslutad. Inget mer att registrera.</p>
          ) : (
            <StepForm
              // A new form for each step recorded: the choices are the next ones.
              key={deviation.steps.length}
              deviation={deviation}
              today={today}
              onSaved={(next, step) => {
                setSaved({ deviation: next, after: fetched });
                // What the step changed is at the top (the status, an anmälan till IVO now due or gone): read on from there.
                bodyRef.current?.scrollTo({ top: 0 });
                titleRef.current?.focus();
                notify(`${deviationStepLabels[step]} har registrerats.`);
                onChanged();
              }}
            />
          )}
        </div>
      )}
    </section>
  );
}

const titleOf = (deviation: Deviation) => `${deviationKindLabels[deviation.kind]} ${deviation.reportedOn}`;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="facts__item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The anmälan till IVO a serious lex Sarah is waiting for: when, how it stands, and why. */
export function IvoDeadline({ deadline, today }: { deadline: IvoReportDeadline; today: string }) {
  return (
    <div className={`deadline-item deadline-item--${deadline.status} deviation-ivo`} role="note" aria-label="Anmälan till IVO">
      <div className="deadline-item__top">
        <span className={`badge badge--deadline-${deadline.status}`}>{deadlineStatusLabels[deadline.status]}</span>
        <span className="deadline-item__due">
          Senast {deadline.dueOn} ({relativeDays(deadline.dueOn, today)})
        </span>
      </div>
      <p className="deadline-item__title">Anmälan till IVO</p>
      <p className="deadline-item__meta">
        Räknat från bedömningen {deadline.basisOn} · <LegalRef reference={deadline.legalRef} on={today} className="deadline-item__ref" />
      </p>
    </div>
  );
}

function StepItem({ step }: { step: DeviationStepRecord }) {
  return (
    <li className="timeline__item">
      <span className="timeline__date">{step.date}</span>
      <div className="timeline__body">
        <span className="timeline__title">{deviationStepLabels[step.step]}</span>
        {step.step === 'bedomning' && step.serious !== null && (
          <span>Allvarligt missförhållande eller påtaglig risk: {step.serious ? 'ja' : 'nej'}</span>
        )}
        {step.text && <span className="deviation-steps__text">{step.text}</span>}
        <span className="timeline__detail">{step.recordedBy ? `Registrerat av ${step.recordedBy}` : 'Okänt av vem'}</span>
      </div>
    </li>
  );
}

const stepFields = ['step', 'serious', 'date', 'text'] as const;
type StepField = (typeof stepFields)[number];

/** The next step: what was done (only what can come next), for a bedömning whether it is serious, the date and a text. */
function StepForm({ deviation, today, onSaved }: { deviation: Deviation; today: string; onSaved: (deviation: Deviation, step: DeviationStep) => void }) {
  const { user } = useSession();
  const [step, setStep] = useState<DeviationStep | ''>(deviation.nextSteps[0] ?? '');
  const [serious, setSerious] = useState<'ja' | 'nej' | ''>('');
  const [date, setDate] = useState(today);
  const [text, setText] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);
  const idOf = (field: StepField) => `deviation-step-${field}`;

  async function save() {
    if (saving || step === '') return;
    setSaving(true);
    const result = await api.addDeviationStep({
      deviationId: deviation.id,
      step,
      date: date.trim(),
      text,
      // Unanswered, it goes as null: main asks for ja or nej at the question.
      serious: step === 'bedomning' && serious !== '' ? serious === 'ja' : null,
      recordedBy: user.name,
    });
    setSaving(false);
    if (!result.ok) {
      const next = failureOf(result.error, (path) => {
        const field = path.split('/').filter(Boolean)[0] ?? '';
        return (stepFields as readonly string[]).includes(field) ? field : '';
      });
      setFailure(next);
      const first = stepFields.find((field) => next.issues.some((issue) => issue.field === field));
      if (first) requestAnimationFrame(() => document.getElementById(idOf(first))?.focus());
      return;
    }
    onSaved(result.value, step);
  }

  const errors = errorMap(failure);
  const general = failure && errors.size === 0 ? failure.message : null;
  return (
    <form
      className="inline-form deviation-step-form"
      aria-labelledby="deviation-step-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3 id="deviation-step-title" className="inline-form__title">Registrera nästa steg</h3>
      <RadioGroup
        id={idOf('step')}
        legend="Vad har gjorts?"
        required
        options={deviation.nextSteps.map((value) => ({ value, label: deviationStepLabels[value] }))}
        value={step}
        error={errors.get('step')}
        onChange={setStep}
      />
      {step === 'bedomning' && (
        <RadioGroup
          id={idOf('serious')}
          legend="Är det ett allvarligt missförhållande eller en påtaglig risk för ett allvarligt missförhållande?"
          required
          options={[
            { value: 'ja', label: 'Ja' },
            { value: 'nej', label: 'Nej' },
          ]}
          value={serious}
          error={errors.get('serious')}
          onChange={setSerious}
        />
      )}
      {step === 'bedomning' && serious === 'ja' && (
        <p className="field__hint">Ett allvarligt missförhållande ska anmälas till IVO. Tiden för anmälan räknas från bedömningen.</p>
      )}
      <DateField id={idOf('date')} label="Datum" required error={errors.get('date')} value={date} onChange={setDate} />
      <TextAreaField
        id={idOf('text')}
        label="Vad gjordes (frivilligt)"
        maxLength={5000}
        rows={3}
        error={errors.get('text')}
        value={text}
        onChange={setText}
      />
      <SignedInAs label="Registreras av" />
      {general && <p className="field__error" role="alert">{general}</p>}
      <div className="inline-form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Sparar…' : 'Spara steget'}
        </button>
      </div>
    </form>
  );
}
