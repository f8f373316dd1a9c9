import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { Placement, PlacementDetail, RecordedEvent, Stay } from '../../../preload/api';
import { formatDailyCost } from '../../../preload/api';
import { api } from '../bridge/api';
import type { ConfirmOptions } from '../components/ConfirmDialog';
import type { ToastMessage } from '../components/Toast';
import { DeviationForm } from '../deviations/DeviationForm';
import { AppLink, BackButton, HomeLink, useOpen } from '../routing/links';
import { paths } from '../routing/paths';
import { endReasonLabels, eventTypeLabels, kindLabels, legalBasisLabels } from '../labels';
import { NotesSection } from '../journal/NotesSection';
import { useApp } from '../shell/AppContext';
import type { AssessmentSeed } from './AssessmentForm';
import { AssessmentList, seedFromEvent } from './AssessmentList';
import { EditChildForm, EndForm, MoveForm, RemovePlacementForm } from './ChangeForms';
import { EventForm } from './EventForm';
import { PlacementChecks } from './PlacementChecks';
import { PlacementDeadlines } from './PlacementDeadlines';
import { PlacementForm } from './PlacementForm';
import { Timeline } from './Timeline';

export interface PlacementPageProps {
  placementId: string;
  today: string;
  /** Opened from another page: "Tillbaka" leads there. */
  showBack: boolean;
  /** The list of placements, when this one cannot be shown. */
  onToList: () => void;
  /** "Registrera kontroll" on a check's deadline: the home, where checks are recorded. */
  onOpenHome: (homeId: string) => void;
  /** After any change (event recorded, moved, ended, saved): App refreshes nav counts. */
  onChanged: () => void;
  notify: (message: string, action?: ToastMessage['action']) => void;
  confirm: (options: ConfirmOptions) => Promise<boolean>;
  /** Dirty-form guard like HomePanel's: report unsaved edits. */
  onDirtyChange: (dirty: boolean) => void;
}

/** One placement; everything on it starts afresh when another placement is opened. */
export function PlacementPage(props: PlacementPageProps) {
  return <PlacementView key={props.placementId} {...props} />;
}

type Inline = 'none' | 'move' | 'end' | 'event' | 'child' | 'remove' | 'deviation';

/** The stay the child is in on `today` (the last one when none is: ended, or not begun). */
function currentStay(stays: Stay[], today: string): Stay | undefined {
  return stays.find((stay) => stay.from <= today && (stay.to === null || today < stay.to)) ?? stays[stays.length - 1];
}

const focusById = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

function PlacementView(props: PlacementPageProps) {
  const { placementId, today, showBack, onToList, onOpenHome, onChanged, notify, confirm, onDirtyChange } = props;
  // The notes are fetched again with every change the app saves.
  const { version } = useApp();
  const [detail, setDetail] = useState<PlacementDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [revealed, setRevealed] = useState(false);
  const [inline, setInline] = useState<Inline>('none');
  const [editing, setEditing] = useState(false);
  /** The assessment form's start while it is open (from the timeline's "Bedöm" or the list). */
  const [assessmentSeed, setAssessmentSeed] = useState<AssessmentSeed | null>(null);
  const open = useOpen();
  /** Read by calls that finish later (Ångra in a toast): the names stay shown if they were. */
  const revealRef = useRef(false);
  /** Why the user asked to see the protected identity: sent, and logged, with every read while shown. */
  const revealReason = useRef('');
  const mounted = useRef(true);
  const requests = useRef(0);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const deadlinesRef = useRef<HTMLHeadingElement>(null);

  /** Fetches the placement again; an answer overtaken by a newer request, or a page left, is dropped. */
  const load = useCallback(async () => {
    const request = ++requests.current;
    const result = await api.getPlacement({
      id: placementId,
      date: today,
      ...(revealRef.current ? { reveal: true, reason: revealReason.current } : {}),
    });
    if (!mounted.current || request !== requests.current) return;
    if (result.ok) {
      setDetail(result.value);
      setLoadError(null);
    } else {
      setLoadError(result.error.message);
    }
  }, [placementId, today]);

  useEffect(() => {
    mounted.current = true;
    void load();
    return () => {
      mounted.current = false;
    };
  }, [load]);

  // Reading starts at the child's name once the placement is there.
  const shown = detail !== null;
  useEffect(() => {
    if (shown) titleRef.current?.focus();
  }, [shown]);

  const changed = useCallback(async () => {
    await load();
    onChanged();
  }, [load, onChanged]);

  if (loadError && !detail) {
    return (
      <div className="page-message page-message--error" role="alert">
        <p>Placeringen kunde inte hämtas. {loadError}</p>
        <div className="page-message__actions">
          <button type="button" className="button" onClick={() => void load()}>Försök igen</button>
          <button type="button" className="button button--quiet" onClick={onToList}>Till placeringarna</button>
        </div>
      </div>
    );
  }
  if (!detail) return <p className="page-message" role="status">Hämtar placeringen…</p>;

  const { placement, child, events, deadlines, otherPlacements, checks } = detail;
  const active = placement.endedOn === null || today < placement.endedOn;
  const stay = currentStay(placement.stays, today);
  const childName = child.masked ? child.label : (child.name ?? child.label);

  async function recorded(event: RecordedEvent, fromDeadline: boolean) {
    setInline('none');
    await changed();
    const label = eventTypeLabels[event.type];
    notify(`Registrerat: ${label} ${event.date}.`, { label: 'Ångra', run: () => void undoRecord(event) });
    // The deadline (and its button) may be gone: go on from the list's heading.
    if (fromDeadline) requestAnimationFrame(() => deadlinesRef.current?.focus());
    else focusById('placement-record-event');
  }

  async function undoRecord(event: RecordedEvent) {
    const result = await api.removeEvent({ id: event.id });
    if (!result.ok) {
      notify(result.error.message);
      return;
    }
    notify(`Registreringen är ångrad: ${eventTypeLabels[event.type]} ${event.date}.`);
    await changed();
  }

  async function removeEvent(event: RecordedEvent) {
    const label = eventTypeLabels[event.type];
    const confirmed = await confirm({
      title: 'Ta bort händelsen?',
      message: `${label} ${event.date} tas bort från placeringen. Bevakningar som den påverkade räknas om.`,
      confirmLabel: 'Ta bort',
      tone: 'danger',
    });
    if (!confirmed) return;
    const result = await api.removeEvent({ id: event.id });
    if (!result.ok) {
      notify(result.error.message);
      return;
    }
    await changed();
    notify(`Borttagen: ${label} ${event.date}.`, { label: 'Ångra', run: () => void restore(event) });
    focusById('placement-timeline-title');
  }

  async function restore(event: RecordedEvent) {
    const target = event.homeId ? { homeId: event.homeId } : { placementId: event.placementId ?? placementId };
    const verdict = event.verdict ? { verdict: event.verdict } : {};
    const result = await api.recordEvent({ ...target, type: event.type, date: event.date, comment: event.comment, ...verdict });
    if (!result.ok) {
      notify(result.error.message);
      return;
    }
    notify(`Återställd: ${eventTypeLabels[event.type]} ${event.date}.`);
    await changed();
  }

  /** Shows a protected child's name, personnummer and homes on this page, after the user confirms. */
  async function reveal(focusAfter = 'placement-hide'): Promise<boolean> {
    let reason = '';
    const confirmed = await confirm({
      title: 'Visa skyddade uppgifter?',
      message:
        'Barnet har skyddad identitet. Namn, personnummer och var barnet bor visas på den här sidan tills du lämnar den. Se till att ingen obehörig kan se skärmen. Att du visar dem och varför sparas i loggen.',
      confirmLabel: 'Visa uppgifterna',
      reason: { label: 'Varför behöver du se uppgifterna?', given: (text) => (reason = text) },
    });
    if (!confirmed) return false;
    revealReason.current = reason;
    revealRef.current = true;
    setRevealed(true);
    await load();
    focusById(focusAfter);
    return true;
  }

  async function hide() {
    revealRef.current = false;
    setRevealed(false);
    await load();
    focusById('placement-reveal');
  }

  /** The full form shows the homes: a protected child's are revealed first. */
  async function openEdit(focusAfter: string) {
    setInline('none');
    if (child.masked && child.protectedIdentity && !(await reveal(focusAfter))) return;
    setEditing(true);
  }

  /** The child's details are shown in the form: a protected child's are revealed first. */
  async function openChildForm() {
    if (child.masked && child.protectedIdentity && !(await reveal('placement-action-child'))) return;
    setInline('child');
  }

  async function undoMove(moved: Placement) {
    const stay = moved.stays[moved.stays.length - 1];
    if (!stay?.homeId) return;
    const result = await api.undoMove({ id: moved.id, homeId: stay.homeId, from: stay.from });
    if (!result.ok) {
      notify(result.error.message);
      return;
    }
    notify('Omplaceringen är ångrad.');
    await changed();
  }

  function closeInline(focus: string) {
    setInline('none');
    focusById(focus);
  }

  const facts: [string, ReactNode][] = [
    ['Lagrum', legalBasisLabels[placement.legalBasis]],
    ['Beslut', placement.decidedOn],
    ['Verkställd', placement.startedOn],
    ...(placement.endedOn
      ? [['Avslutad', `${placement.endedOn}${placement.endReason ? ` (${endReasonLabels[placement.endReason].toLowerCase()})` : ''}`] as [string, ReactNode]]
      : []),
    [
      active ? 'Hem nu' : 'Senaste hem',
      stay ? (
        <>
          <HomeLink homeId={stay.homeId} homeName={stay.homeName} />
          <span className="muted"> · {kindLabels[stay.form]}</span>
          {stay.homeId !== null && (
            <AppLink to={paths.homeHistory(stay.homeId)} className="text-link facts__more">
              Vårdgivarhistorik<span className="visually-hidden"> för {stay.homeName}</span>
            </AppLink>
          )}
        </>
      ) : (
        '–'
      ),
    ],
    ['Handläggare', placement.caseworker ?? <span className="muted">Ej angiven</span>],
    ['Enhet', placement.unit ?? <span className="muted">Ej angiven</span>],
    ['Dygnskostnad', placement.dailyCost === null ? <span className="muted">Ej angiven</span> : formatDailyCost(placement.dailyCost)],
    // A masked child's birth date is withheld (only the year is given, as in its label).
    ['Född', child.birthDate ?? `f. ${child.birthYear}`],
    ...(child.personnummer ? [['Personnummer', child.personnummer] as [string, ReactNode]] : []),
  ];

  return (
    <article className="placement-page" aria-labelledby="placement-title">
      {/* While the edit panel is open the page behind it is inert: an omplacering or an end made
          there would be undone by the panel's older copy of the stays when it saves. */}
      <div className="placement-page__content" inert={editing}>
      {showBack && <BackButton className="placement-page__back" />}

      <header className="placement-head">
        <div className="placement-head__main">
          <p className="placement-head__eyebrow">
            Placering enligt {legalBasisLabels[placement.legalBasis]}
            <span className={active ? 'badge badge--active' : 'badge badge--inactive'}>{active ? 'Pågående' : 'Avslutad'}</span>
          </p>
          <h1 id="placement-title" className="page-title placement-head__title" ref={titleRef} tabIndex={-1}>
            {childName}
          </h1>
          {child.protectedIdentity && (
            <div className="protected-note">
              <span className="badge badge--protected">Skyddad identitet</span>
              {revealed && !child.masked ? (
                <>
                  <span>Uppgifterna visas bara här, tills du lämnar sidan.</span>
                  <button type="button" id="placement-hide" className="button button--quiet" onClick={() => void hide()}>
                    Dölj skyddade uppgifter
                  </button>
                </>
              ) : (
                <button type="button" id="placement-reveal" className="button button--quiet" onClick={() => void reveal()}>
                  Visa skyddade uppgifter
                </button>
              )}
            </div>
          )}
        </div>
        <div className="placement-head__actions">
          <button
            type="button"
            id="placement-action-edit"
            className="button"
            onClick={() => void openEdit('placement-action-edit')}
          >
            Ändra
          </button>
          <button
            type="button"
            id="placement-action-deviation"
            className="button"
            aria-expanded={inline === 'deviation'}
            onClick={() => setInline(inline === 'deviation' ? 'none' : 'deviation')}
          >
            Ny avvikelse
          </button>
          {active && (
            <>
              <button type="button" id="placement-action-move" className="button" aria-expanded={inline === 'move'} onClick={() => setInline(inline === 'move' ? 'none' : 'move')}>
                Omplacera
              </button>
              <button type="button" id="placement-action-end" className="button button--danger-quiet" aria-expanded={inline === 'end'} onClick={() => setInline(inline === 'end' ? 'none' : 'end')}>
                Avsluta placering
              </button>
            </>
          )}
        </div>
      </header>

      {loadError && (
        <p className="field__error" role="alert">Placeringen kunde inte hämtas på nytt. {loadError}</p>
      )}

      <dl className="facts">
        {facts.map(([term, value]) => (
          <div key={term} className="facts__item">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      {inline === 'move' && (
        <MoveForm
          placement={placement}
          currentHomeId={stay?.homeId ?? null}
          today={today}
          childId={placement.childId}
          onOpenHome={onOpenHome}
          onCancel={() => closeInline('placement-action-move')}
          onMoved={(moved, homeName) => {
            const from = moved.stays[moved.stays.length - 1]?.from ?? today;
            closeInline('placement-action-move');
            void changed();
            notify(`Omplacerad till ${homeName} från ${from}.`, { label: 'Ångra', run: () => void undoMove(moved) });
          }}
        />
      )}
      {inline === 'end' && (
        <EndForm
          placement={placement}
          childLabel={childName}
          today={today}
          confirm={confirm}
          onCancel={() => closeInline('placement-action-end')}
          onEnded={(ended) => {
            setInline('none');
            void changed();
            notify(`Placeringen är avslutad ${ended.endedOn ?? ''}.`.replace(' .', '.'));
            requestAnimationFrame(() => titleRef.current?.focus());
          }}
        />
      )}

      {inline === 'deviation' && (
        <section className="inline-form inline-form--boxed" aria-labelledby="placement-deviation-title">
          <h2 id="placement-deviation-title" className="inline-form__title">Ny avvikelse för placeringen</h2>
          <DeviationForm
            placementId={placement.id}
            today={today}
            onCancel={() => closeInline('placement-action-deviation')}
            onSaved={(deviation) => {
              closeInline('placement-action-deviation');
              onChanged();
              notify(`Avvikelsen från ${deviation.reportedOn} är registrerad.`, { label: 'Öppna', run: () => open.deviation(deviation.id) });
            }}
          />
        </section>
      )}

      <div className="placement-layout">
        <div className="placement-layout__main">
          <PlacementDeadlines
            placementId={placement.id}
            deadlines={deadlines}
            active={active}
            today={today}
            headingRef={deadlinesRef}
            onRecorded={(event) => void recorded(event, true)}
            onOpenHome={onOpenHome}
          />
          <PlacementChecks checks={checks} />
        </div>

        <div className="placement-layout__side">
          <Timeline
            placement={placement}
            events={events}
            onRemove={(event) => void removeEvent(event)}
            onCorrectStay={() => void openEdit('placement-action-edit')}
            onAssess={(event) => setAssessmentSeed(seedFromEvent(event))}
            action={
              <button
                type="button"
                id="placement-record-event"
                className="button"
                aria-expanded={inline === 'event'}
                onClick={() => setInline(inline === 'event' ? 'none' : 'event')}
              >
                Registrera händelse
              </button>
            }
            form={
              inline === 'event' && (
                <EventForm
                  idPrefix="placement-event"
                  placementId={placement.id}
                  type={null}
                  today={today}
                  label="Registrera händelse"
                  onCancel={() => closeInline('placement-record-event')}
                  onSaved={(event) => void recorded(event, false)}
                />
              )
            }
          />

          <AssessmentList
            placementId={placement.id}
            today={today}
            seed={assessmentSeed}
            onSeed={setAssessmentSeed}
            notify={notify}
            onChanged={onChanged}
          />

          {otherPlacements.length > 0 && (
            <section className="placement-card" aria-labelledby="placement-others-title">
              <h2 id="placement-others-title" className="placement-card__title">Barnets andra placeringar</h2>
              <ul className="other-placements">
                {otherPlacements.map((other) => (
                  <li key={other.id}>
                    <AppLink to={paths.placement(other.id)} className="text-link">
                      {legalBasisLabels[other.legalBasis]} i {other.homeName}
                    </AppLink>
                    <span className="muted">
                      {' '}
                      · {other.startedOn} – {other.endedOn ?? 'pågår'}
                      {other.overdueCount > 0 && ` · ${other.overdueCount} försenade`}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      </div>

      <NotesSection target={{ placementId: placement.id }} today={today} version={version} notify={notify} confirm={confirm} onChanged={onChanged} />

      <section className="placement-page__correct" aria-labelledby="placement-correct-title">
        <h2 id="placement-correct-title" className="visually-hidden">Rätta uppgifter</h2>
        <button type="button" id="placement-action-child" className="button button--quiet" aria-expanded={inline === 'child'} onClick={() => void openChildForm()}>
          Ändra barnets uppgifter
        </button>
        <button
          type="button"
          id="placement-action-remove"
          className="button button--danger-quiet"
          aria-expanded={inline === 'remove'}
          onClick={() => setInline(inline === 'remove' ? 'none' : 'remove')}
        >
          Ta bort placeringen
        </button>
        <span className="field__hint">Registrerad av misstag? Den tas bort och sparas i historiken med skälet.</span>
      </section>
      {inline === 'child' && (
        <EditChildForm
          child={child}
          onCancel={() => closeInline('placement-action-child')}
          onSaved={() => {
            closeInline('placement-action-child');
            void changed();
            notify('Barnets uppgifter är sparade.');
          }}
        />
      )}
      {inline === 'remove' && (
        <RemovePlacementForm
          placement={placement}
          childLabel={childName}
          childAlone={otherPlacements.length === 0}
          confirm={confirm}
          onCancel={() => closeInline('placement-action-remove')}
          onRemoved={(childRemoved) => {
            onChanged();
            notify(childRemoved ? 'Placeringen och barnets uppgifter är borttagna och sparade i historiken.' : 'Placeringen är borttagen och sparad i historiken.');
            onToList();
          }}
        />
      )}
      </div>

      {editing && (
        <PlacementForm
          today={today}
          placement={placement}
          childLabel={childName}
          onOpenHome={onOpenHome}
          onClose={() => {
            setEditing(false);
            focusById('placement-action-edit');
          }}
          onSaved={() => {
            setEditing(false);
            void changed();
            notify('Ändringarna i placeringen är sparade.');
            focusById('placement-action-edit');
          }}
          onDirtyChange={onDirtyChange}
          confirm={confirm}
        />
      )}
    </article>
  );
}
