import { useEffect, useRef, useState } from 'react';
import { assessmentDimensions, childVoices } from '../../../preload/api';
import type { Assessment, AssessmentDimension, ChildVoice } from '../../../preload/api';
import { api } from '../bridge/api';
import { assessmentDimensionLabels, childVoiceLabels } from '../labels';
import { SignedInAs } from '../shell/SignedInAs';
import { useSession } from '../shell/SignIn';
import { DateField, errorMap, failureOf, Field, inText } from './fields';
import type { Failure } from './fields';

/** What the form starts from: an event of the timeline, an assessment to replace, or nothing. */
export interface AssessmentSeed {
  /** New for every opening: another seed starts the form afresh. */
  key: string;
  assessedOn: string;
  /** The visit or barnsamtal it follows. */
  eventId: string | null;
  /** That event in words ("Barnsamtal (enskilt samtal) 2026-11-20"). */
  eventLabel: string | null;
  /** The assessment this one replaces; its answers are the form's start. */
  replaces: Assessment | null;
  /** The id of the button that opened the form: focus goes back there when it closes unsaved. */
  openedBy: string;
}

type Scores = Record<AssessmentDimension, number | null>;

const scoreValues = [1, 2, 3, 4, 5] as const;
const noScores = (): Scores => Object.fromEntries(assessmentDimensions.map((d) => [d, null])) as Scores;

/** The form's fields as the service names them (an issue's path begins with one), and their inputs' ids after the prefix. */
const inputSuffix: Record<string, string> = { assessedOn: 'date', scores: 'scores', childVoice: 'childVoice', comment: 'comment' };

/**
 * An assessment after a visit or barnsamtal: a score 1–5 per dimension, each optional ("Ej
 * bedömd"), what the child said, and a comment. A saved assessment never changes: replacing one
 * saves a new one that names it (`corrects`), and the old one is kept, marked as replaced.
 */
export function AssessmentForm(props: {
  placementId: string;
  seed: AssessmentSeed;
  onSaved: (assessment: Assessment) => void;
  onCancel: () => void;
}) {
  const { seed } = props;
  const { user } = useSession();
  const old = seed.replaces;
  const [assessedOn, setAssessedOn] = useState(seed.assessedOn);
  const [scores, setScores] = useState<Scores>(() => ({ ...noScores(), ...(old?.scores ?? {}) }));
  const [childVoice, setChildVoice] = useState<ChildVoice | null>(old?.childVoice ?? null);
  const [comment, setComment] = useState(old?.comment ?? '');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const idPrefix = `assessment-${seed.key}`;

  // Opened from a button elsewhere on the page (the timeline): reading and the view go to the form.
  useEffect(() => titleRef.current?.focus(), []);

  async function save() {
    if (saving) return;
    setSaving(true);
    const result = await api.recordAssessment({
      placementId: props.placementId,
      assessedOn,
      eventId: seed.eventId,
      scores,
      childVoice,
      comment,
      corrects: old?.id ?? null,
      // Main writes the signed-in user whatever is sent; sent all the same, as the contract asks.
      recordedBy: user.name,
    });
    setSaving(false);
    if (!result.ok) {
      const next = failureOf(result.error, (path) => {
        const field = path.split('/').filter(Boolean)[0] ?? '';
        return field in inputSuffix ? field : '';
      });
      setFailure(next);
      // Focus goes to the first field told wrong, so what is wrong is read where it can be mended.
      const first = next.issues.find((issue) => issue.field !== '');
      if (first) requestAnimationFrame(() => document.getElementById(`${idPrefix}-${inputSuffix[first.field]}`)?.focus());
      return;
    }
    props.onSaved(result.value);
  }

  const errors = errorMap(failure);
  const general = failure && errors.size === 0 ? failure.message : null;
  const titleId = `${idPrefix}-title`;
  const title = old ? `Ersätt bedömningen från ${old.assessedOn}` : seed.eventLabel ? `Bedömning efter ${inText(seed.eventLabel)}` : 'Ny bedömning';
  const scoresError = errors.get('scores');

  return (
    <form
      className="inline-form assessment-form"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          props.onCancel();
        }
      }}
    >
      <h3 id={titleId} className="inline-form__title" ref={titleRef} tabIndex={-1}>{title}</h3>
      {old && <p className="field__hint">Den tidigare bedömningen finns kvar och visas som ersatt.</p>}
      <div className="inline-form__fields">
        <DateField id={`${idPrefix}-date`} label="Datum" required error={errors.get('assessedOn')} value={assessedOn} onChange={setAssessedOn} />
      </div>

      <div className={scoresError ? 'assessment-form__scores field--invalid' : 'assessment-form__scores'}>
        <p className="assessment-form__scale" id={`${idPrefix}-scale`}>
          Betyg 1–5, där 1 är mycket dåligt och 5 mycket bra. Lämna ”Ej bedömd” för det som inte bedömdes.
        </p>
        {/* A grid: the choices' names once above their columns, each row a dimension's radio group. */}
        <div className="assessment-form__matrix">
          <div className="assessment-form__columns" aria-hidden="true">
            <span />
            <span>Ej bedömd</span>
            {scoreValues.map((value) => (
              <span key={value}>{value}</span>
            ))}
          </div>
          {assessmentDimensions.map((dimension, index) => (
            <fieldset
              key={dimension}
              className="assessment-form__row"
              aria-describedby={[`${idPrefix}-scale`, scoresError && `${idPrefix}-scores-error`].filter(Boolean).join(' ')}
            >
              <legend>{assessmentDimensionLabels[dimension]}</legend>
              <Cell
                id={index === 0 ? `${idPrefix}-scores` : undefined}
                name={`${idPrefix}-${dimension}`}
                label="Ej bedömd"
                checked={scores[dimension] === null}
                onChange={() => setScores((s) => ({ ...s, [dimension]: null }))}
              />
              {scoreValues.map((value) => (
                <Cell
                  key={value}
                  name={`${idPrefix}-${dimension}`}
                  label={String(value)}
                  checked={scores[dimension] === value}
                  onChange={() => setScores((s) => ({ ...s, [dimension]: value }))}
                />
              ))}
            </fieldset>
          ))}
        </div>
        {scoresError && <p className="field__error" id={`${idPrefix}-scores-error`}>{scoresError}</p>}
      </div>

      <fieldset className="checkbox-group assessment-form__voice" aria-describedby={errors.has('childVoice') ? `${idPrefix}-voice-error` : undefined}>
        <legend>Vad barnet sa</legend>
        <div className="assessment-form__choices">
          <Choice id={`${idPrefix}-childVoice`} name={`${idPrefix}-voice`} label="Inte angivet" checked={childVoice === null} onChange={() => setChildVoice(null)} />
          {childVoices.map((voice) => (
            <Choice key={voice} name={`${idPrefix}-voice`} label={childVoiceLabels[voice]} checked={childVoice === voice} onChange={() => setChildVoice(voice)} />
          ))}
        </div>
        {errors.has('childVoice') && <p className="field__error" id={`${idPrefix}-voice-error`}>{errors.get('childVoice')}</p>}
      </fieldset>

      <Field id={`${idPrefix}-comment`} label="Kommentar (frivillig)" error={errors.get('comment')} className="assessment-form__comment">
        {(input) => <textarea {...input} className="input" rows={3} maxLength={5000} value={comment} onChange={(e) => setComment(e.target.value)} />}
      </Field>
      <SignedInAs label="Registreras av" />

      {general && <p className="field__error" role="alert">{general}</p>}
      <div className="inline-form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Sparar…' : 'Spara bedömning'}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>Avbryt</button>
      </div>
    </form>
  );
}

/** A radio button in the grid: its column names it on screen, its own hidden text to a screen reader. */
function Cell(props: { id?: string | undefined; name: string; label: string; checked: boolean; onChange: () => void }) {
  return (
    <label className="assessment-form__cell">
      <input type="radio" id={props.id} name={props.name} checked={props.checked} onChange={props.onChange} />
      <span className="visually-hidden">{props.label}</span>
    </label>
  );
}

function Choice(props: { id?: string | undefined; name: string; label: string; checked: boolean; onChange: () => void }) {
  return (
    <label className="checkbox assessment-form__choice">
      <input type="radio" id={props.id} name={props.name} checked={props.checked} onChange={props.onChange} />
      {props.label}
    </label>
  );
}
