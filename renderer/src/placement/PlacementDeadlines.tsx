import { AppLink } from '../routing/links';
import { paths } from '../routing/paths';
import { useState } from 'react';
import type { Ref } from 'react';
import type { DeadlineRow, RecordedEvent } from '../../../preload/api';
import { deadlineTitle } from '../deadlines/rowTitle';
import { deadlineStatusLabels, eventTypeLabels } from '../labels';
import { EventForm } from './EventForm';
import { daysBetween, inText } from './fields';
import { LegalRef } from '../components/LegalRef';

/** "om 9 dagar", "i dag", "52 dagar sedan". */
function relative(today: string, dueOn: string): string {
  const days = daysBetween(today, dueOn);
  if (days === 0) return 'i dag';
  if (days === 1) return 'i morgon';
  if (days === -1) return 'i går';
  return days > 0 ? `om ${days} dagar` : `${-days} dagar sedan`;
}

function dueText(row: DeadlineRow, today: string): string {
  return row.status === 'overdue'
    ? `Skulle vara gjort senast ${row.dueOn} (${relative(today, row.dueOn)})`
    : `Senast ${row.dueOn} (${relative(today, row.dueOn)})`;
}

const keyOf = (row: DeadlineRow) =>
  `${row.rule}-${row.homeId ?? ''}-${row.personId ?? ''}-${row.register ?? ''}`.replace(/[^\w-]/g, '-');

/**
 * A placement's open deadlines, the most urgent first, each with what the law asks, what it was
 * counted from, and a button that records what satisfies it (two clicks: the button, then Spara).
 */
export function PlacementDeadlines({
  placementId,
  deadlines,
  active,
  today,
  onRecorded,
  onOpenHome,
  headingRef,
}: {
  placementId: string;
  deadlines: DeadlineRow[];
  active: boolean;
  today: string;
  onRecorded: (event: RecordedEvent) => void;
  /** A register re-check is recorded on the home, not as an event: its button opens the home. */
  onOpenHome: (homeId: string) => void;
  /** The heading, where focus goes when a recorded deadline has gone from the list. */
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const [open, setOpen] = useState<string | null>(null);
  const sorted = [...deadlines].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || deadlineTitle(a).localeCompare(deadlineTitle(b), 'sv'));

  function close(key: string) {
    setOpen(null);
    requestAnimationFrame(() => document.getElementById(`deadline-record-${key}`)?.focus());
  }

  return (
    <section className="placement-card" aria-labelledby="placement-deadlines-title">
      <h2 id="placement-deadlines-title" className="placement-card__title" ref={headingRef} tabIndex={-1}>
        Bevakningar
        {deadlines.length > 0 && <span className="placement-card__count"> ({deadlines.length})</span>}
      </h2>
      {sorted.length === 0 ? (
        <p className="muted">
          {active ? 'Inga öppna bevakningar just nu.' : 'Inga öppna bevakningar. Placeringen är avslutad.'}
        </p>
      ) : (
        <ul className="deadline-list">
          {sorted.map((row) => {
            const key = keyOf(row);
            const satisfiedBy = row.satisfiedBy;
            const what = satisfiedBy ? inText(eventTypeLabels[satisfiedBy]) : 'kontroll';
            const homeId = row.homeId;
            return (
              <li key={key} className={`deadline-item deadline-item--${row.status}`} aria-labelledby={`deadline-title-${key}`}>
                <div className="deadline-item__top">
                  <span className={`badge badge--deadline-${row.status}`}>{deadlineStatusLabels[row.status]}</span>
                  <span className="deadline-item__due">{dueText(row, today)}</span>
                </div>
                <h3 id={`deadline-title-${key}`} className="deadline-item__title">{deadlineTitle(row)}</h3>
                <p className="deadline-item__text">{row.explanation}</p>
                <p className="deadline-item__meta">
                  Räknat från {row.basisOn} ({row.basisLabel}) · <LegalRef className="deadline-item__ref" reference={row.legalRef} on={row.dueOn} />
                </p>
                {row.specialReasonsOn && (
                  <p className="deadline-item__meta">Särskilda skäl dokumenterade {row.specialReasonsOn}.</p>
                )}
                {row.deviationId !== null ? (
                  <AppLink to={paths.deviation(row.deviationId)} className="button deadline-item__action">
                    Öppna avvikelsen
                  </AppLink>
                ) : satisfiedBy === null ? (
                  homeId !== null && (
                    <button
                      type="button"
                      className="button deadline-item__action"
                      aria-describedby={`deadline-title-${key}`}
                      onClick={() => onOpenHome(homeId)}
                    >
                      Registrera kontroll
                    </button>
                  )
                ) : open === key ? (
                  <EventForm
                    idPrefix={`deadline-${key}`}
                    placementId={placementId}
                    homeId={row.homeId}
                    type={satisfiedBy}
                    today={today}
                    label={`Registrera ${what}`}
                    onCancel={() => close(key)}
                    onSaved={(event) => {
                      setOpen(null);
                      onRecorded(event);
                    }}
                  />
                ) : (
                  <button type="button" id={`deadline-record-${key}`} className="button deadline-item__action" onClick={() => setOpen(key)}>
                    Registrera {what}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
