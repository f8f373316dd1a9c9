import type { ReactNode } from 'react';
import type { Placement, RecordedEvent, Stay } from '../../../preload/api';
import { endReasonLabels, eventTypeLabels, kindLabels } from '../labels';
import { AppLink, HomeLink } from '../routing/links';
import { paths } from '../routing/paths';
import { assessButtonId, isAssessable } from './AssessmentList';

type Item =
  | { kind: 'end'; date: string; placement: Placement }
  | { kind: 'event'; date: string; event: RecordedEvent }
  | { kind: 'stay'; date: string; stay: Stay };

/** On the same day: the end after the events, the events after the move that began the day. */
const sameDayOrder: Record<Item['kind'], number> = { end: 0, event: 1, stay: 2 };

/**
 * The placement's history, newest first: the stays (home, form, from–to) and the recorded events
 * (label, date, comment), each event with a way to remove it.
 */
export function Timeline(props: {
  placement: Placement;
  events: RecordedEvent[];
  onRemove: (event: RecordedEvent) => void;
  /** Corrects a stay (its home or dates) in the placement's form. */
  onCorrectStay: () => void;
  /** Beside the heading: the way to record an event. */
  action: ReactNode;
  /** Under the heading: the form recording an event, while it is open. */
  form: ReactNode;
  /** "Bedöm" on a visit or barnsamtal: opens the assessment form for it. */
  onAssess?: (event: RecordedEvent) => void;
}) {
  const { placement, events } = props;
  const items: Item[] = [
    ...placement.stays.map((stay): Item => ({ kind: 'stay', date: stay.from, stay })),
    ...events.map((event): Item => ({ kind: 'event', date: event.date, event })),
    ...(placement.endedOn ? [{ kind: 'end', date: placement.endedOn, placement } as Item] : []),
  ].sort((a, b) => b.date.localeCompare(a.date) || sameDayOrder[a.kind] - sameDayOrder[b.kind]);

  return (
    <section className="placement-card" aria-labelledby="placement-timeline-title">
      <div className="placement-card__head">
        <div>
          <h2 id="placement-timeline-title" className="placement-card__title" tabIndex={-1}>Tidslinje</h2>
          <p className="placement-card__lead">Händelser och vistelser, nyast först.</p>
        </div>
        {props.action}
      </div>
      {props.form}
      <ol className="timeline">
        {items.map((item) => {
          if (item.kind === 'end') {
            const reason = item.placement.endReason ? ` (${endReasonLabels[item.placement.endReason].toLowerCase()})` : '';
            return (
              <li key="end" className="timeline__item timeline__item--end">
                <span className="timeline__date">{item.date}</span>
                <div className="timeline__body">
                  <span className="timeline__title">Placeringen avslutades{reason}</span>
                </div>
              </li>
            );
          }
          if (item.kind === 'stay') {
            const { stay } = item;
            const first = stay.ordinal === 0;
            return (
              <li key={`stay-${stay.ordinal}`} className="timeline__item timeline__item--stay">
                <span className="timeline__date">{stay.from}</span>
                <div className="timeline__body">
                  <span className="timeline__kicker">{first ? 'Placeringen började' : 'Omplacering'}</span>
                  <span className="timeline__title">
                    <HomeLink homeId={stay.homeId} homeName={stay.homeName} />
                    <span className="timeline__form"> · {kindLabels[stay.form]}</span>
                  </span>
                  <span className="timeline__detail">
                    {stay.from} – {stay.to ?? 'pågår'}
                    {stay.decidedOn && ` · beslut om vistelsen ${stay.decidedOn}`}
                    {stay.investigationCompletedOn && ` · utredning avslutad ${stay.investigationCompletedOn}`}
                  </span>
                  {stay.homeId !== null && (
                    <AppLink to={paths.homeHistory(stay.homeId)} className="text-link timeline__detail">
                      Vårdgivarhistorik<span className="visually-hidden"> för {stay.homeName}</span>
                    </AppLink>
                  )}
                </div>
                <button
                  type="button"
                  className="button button--quiet timeline__remove"
                  aria-label={`Rätta vistelsen från ${stay.from}`}
                  onClick={props.onCorrectStay}
                >
                  Rätta
                </button>
              </li>
            );
          }
          const { event } = item;
          const label = eventTypeLabels[event.type];
          return (
            <li key={event.id} className="timeline__item timeline__item--event">
              <span className="timeline__date">{event.date}</span>
              <div className="timeline__body">
                <span className="timeline__title">{label}</span>
                {event.comment && <span className="timeline__detail">{event.comment}</span>}
                {props.onAssess && isAssessable(event) && (
                  <button
                    type="button"
                    id={assessButtonId(event)}
                    className="button button--quiet timeline__assess"
                    aria-label={`Bedöm ${label.toLowerCase()} ${event.date}`}
                    onClick={() => props.onAssess?.(event)}
                  >
                    Bedöm
                  </button>
                )}
              </div>
              <button
                type="button"
                className="button button--quiet timeline__remove"
                aria-label={`Ta bort ${label} ${event.date}`}
                onClick={() => props.onRemove(event)}
              >
                Ta bort
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
