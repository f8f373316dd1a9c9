import { useRef, useState } from 'react';
import { assessmentDimensions } from '../../../preload/api';
import type { Assessment, RecordedEvent } from '../../../preload/api';
import { api } from '../bridge/api';
import { useLoaded } from '../components/useLoaded';
import { assessmentDimensionLabels, childVoiceLabels, eventTypeLabels } from '../labels';
import { AssessmentForm } from './AssessmentForm';
import type { AssessmentSeed } from './AssessmentForm';
import '../history/history.css';

/** The id of a timeline event's "Bedöm" button (focus returns there when the form closes). */
export const assessButtonId = (event: RecordedEvent) => `placement-assess-${event.id}`;
const NEW_BUTTON_ID = 'placement-new-assessment';
const TITLE_ID = 'placement-assessments-title';

/** The events an assessment follows: a visit to the home or a barnsamtal. */
export const isAssessable = (event: RecordedEvent) => event.type === 'uppfoljningsbesok' || event.type === 'barnsamtal';

/** The form's start for an event of the timeline: its date, and the event named. */
export function seedFromEvent(event: RecordedEvent): AssessmentSeed {
  return {
    key: `event-${event.id}`,
    assessedOn: event.date,
    eventId: event.id,
    eventLabel: `${eventTypeLabels[event.type]} ${event.date}`,
    replaces: null,
    openedBy: assessButtonId(event),
  };
}

/** Newest first; of two on the same day, the one recorded later. */
const newestFirst = (a: Assessment, b: Assessment) => b.assessedOn.localeCompare(a.assessedOn) || (b.recordedAt ?? '').localeCompare(a.recordedAt ?? '');

/**
 * "Bedömningar": the placement's assessments, newest first, and the form that records one. The
 * form is opened from here (a new one, or "Ersätt" on one) or from the timeline ("Bedöm" on a
 * visit or barnsamtal); the page holds which (`seed`), so both places open the same form.
 */
export function AssessmentList(props: {
  placementId: string;
  today: string;
  seed: AssessmentSeed | null;
  onSeed: (seed: AssessmentSeed | null) => void;
  notify: (message: string) => void;
  onChanged: () => void;
}) {
  const { placementId, seed, onSeed } = props;
  const [reloads, setReloads] = useState(0);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const loaded = useLoaded(() => api.listAssessments({ placementId }), `${placementId}:${reloads}`);
  const assessments = [...(loaded?.value ?? [])].sort(newestFirst);
  const byId = new Map(assessments.map((a) => [a.id, a]));

  function close(focus: boolean) {
    const openedBy = seed?.openedBy;
    onSeed(null);
    if (focus && openedBy) requestAnimationFrame(() => document.getElementById(openedBy)?.focus());
  }

  function saved(assessment: Assessment) {
    onSeed(null);
    setReloads((n) => n + 1);
    props.onChanged();
    props.notify(assessment.corrects ? `Bedömningen från ${assessment.assessedOn} är sparad och ersätter den tidigare.` : `Bedömningen från ${assessment.assessedOn} är sparad.`);
    requestAnimationFrame(() => titleRef.current?.focus());
  }

  const newOpen = seed?.key === 'new';

  return (
    <section className="placement-card assessments" aria-labelledby={TITLE_ID}>
      <div className="placement-card__head">
        <div>
          <h2 id={TITLE_ID} className="placement-card__title" ref={titleRef} tabIndex={-1}>
            Bedömningar
            {assessments.length > 0 && <span className="placement-card__count"> ({assessments.filter((a) => !a.replacedBy).length})</span>}
          </h2>
          <p className="placement-card__lead">Efter uppföljningsbesök och barnsamtal: välj Bedöm i tidslinjen.</p>
        </div>
        <button
          type="button"
          id={NEW_BUTTON_ID}
          className="button"
          aria-expanded={newOpen}
          onClick={() =>
            newOpen
              ? close(false)
              : onSeed({ key: 'new', assessedOn: props.today, eventId: null, eventLabel: null, replaces: null, openedBy: NEW_BUTTON_ID })
          }
        >
          Ny bedömning
        </button>
      </div>

      {seed && <AssessmentForm key={seed.key} placementId={placementId} seed={seed} onSaved={saved} onCancel={() => close(true)} />}

      {loaded === null && <p className="muted" role="status">Hämtar bedömningarna…</p>}
      {loaded?.error && <p className="field__error" role="alert">Bedömningarna kunde inte hämtas. {loaded.error}</p>}
      {loaded?.value && assessments.length === 0 && <p className="muted">Inga bedömningar ännu.</p>}
      {assessments.length > 0 && (
        <ol className="assessment-list">
          {assessments.map((assessment) => {
            const replaced = assessment.replacedBy !== null;
            const replacement = assessment.replacedBy ? byId.get(assessment.replacedBy) : undefined;
            const earlier = assessment.corrects ? byId.get(assessment.corrects) : undefined;
            const scored = assessmentDimensions.filter((d) => typeof assessment.scores[d] === 'number');
            const meta = [
              assessment.assessor && `Bedömd av ${assessment.assessor}`,
              earlier && `Ersätter bedömningen från ${earlier.assessedOn}`,
              replacement && `Ersatt av bedömningen från ${replacement.assessedOn}`,
            ].filter((text): text is string => Boolean(text));
            return (
              <li key={assessment.id} className={replaced ? 'assessment-item assessment-item--replaced' : 'assessment-item'}>
                <div className="assessment-item__top">
                  <h3 className="assessment-item__date">{assessment.assessedOn}</h3>
                  {replaced && <span className="badge badge--inactive">Ersatt</span>}
                  {assessment.childVoice && (
                    <span className={`voice voice--${assessment.childVoice}`}>Barnet: {childVoiceLabels[assessment.childVoice].toLowerCase()}</span>
                  )}
                  {!replaced && (
                    <button
                      type="button"
                      id={`assessment-replace-${assessment.id}`}
                      className="button button--quiet assessment-item__replace"
                      aria-label={`Ersätt bedömningen från ${assessment.assessedOn}`}
                      aria-expanded={seed?.key === `replace-${assessment.id}`}
                      onClick={() =>
                        onSeed({
                          key: `replace-${assessment.id}`,
                          assessedOn: assessment.assessedOn,
                          eventId: null,
                          eventLabel: null,
                          replaces: assessment,
                          openedBy: `assessment-replace-${assessment.id}`,
                        })
                      }
                    >
                      Ersätt
                    </button>
                  )}
                </div>
                {scored.length > 0 && (
                  <ul className="assessment-item__scores" aria-label="Betyg">
                    {scored.map((dimension) => (
                      <li key={dimension}>
                        {assessmentDimensionLabels[dimension]} <strong>{assessment.scores[dimension]}</strong>
                        <span className="visually-hidden"> av 5</span>
                      </li>
                    ))}
                  </ul>
                )}
                {assessment.comment && <p className="assessment-item__comment">{assessment.comment}</p>}
                {meta.length > 0 && <p className="assessment-item__meta">{meta.join(' · ')}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
