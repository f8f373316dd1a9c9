import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { isFosterHomeKind, ivoVerdicts } from '../../../preload/api';
import type { Home, IvoVerdict, RecordedEvent } from '../../../preload/api';
import { api } from '../bridge/api';
import { DateInput } from '../components/DateInput';
import type { ToastMessage } from '../components/Toast';
import { eventTypeLabels, ivoVerdictLabels } from '../labels';
import { localToday } from '../today';

type HomeEventType = 'ivo-anmalan-fler-an-tre' | 'ivo-tillsyn';

interface Props {
  home: Home;
  notify: (message: string, action?: ToastMessage['action']) => void;
  /** An event was recorded or removed: the deadlines (and the menu's counts) change. */
  onChanged: () => void;
}

const buttonLabels: Record<HomeEventType, string> = {
  'ivo-anmalan-fler-an-tre': 'Registrera IVO-anmälan (fler än tre barn)',
  'ivo-tillsyn': 'Registrera IVO-tillsyn',
};

interface Draft {
  type: HomeEventType;
  date: string;
  comment: string;
  /** `ivo-tillsyn`: IVO's verdict; '' when not given. */
  verdict: IvoVerdict | '';
}

type DraftField = 'date' | 'comment' | 'verdict';
const draftFields: DraftField[] = ['date', 'comment', 'verdict'];

/**
 * What has been done about the home itself: IVO-anmälan when more than three children are placed
 * in a foster home (SoF 16 kap. 2 §), and IVO's inspections. Inside the home's form, so its own
 * inputs must never submit that form: Enter here saves the event.
 */
export function HomeEvents({ home, notify, onChanged }: Props) {
  const [events, setEvents] = useState<RecordedEvent[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<{ field: DraftField | ''; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const dateRef = useRef<HTMLInputElement>(null);
  const homeId = home.id;

  useEffect(() => {
    let current = true;
    void api.listHomeEvents({ homeId }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setEvents([...result.value].sort((a, b) => b.date.localeCompare(a.date)));
        setLoadError(null);
      } else {
        setLoadError(result.error.message);
      }
    });
    return () => {
      current = false;
    };
  }, [homeId, reloads]);

  const types: HomeEventType[] = isFosterHomeKind(home.kind) ? ['ivo-anmalan-fler-an-tre', 'ivo-tillsyn'] : ['ivo-tillsyn'];

  function start(type: HomeEventType) {
    setDraft({ type, date: localToday(), comment: '', verdict: '' });
    setError(null);
    requestAnimationFrame(() => dateRef.current?.focus());
  }

  async function save() {
    if (!draft || saving) return;
    setSaving(true);
    const verdict = draft.type === 'ivo-tillsyn' && draft.verdict !== '' ? draft.verdict : null;
    const result = await api.recordEvent({ homeId, type: draft.type, date: draft.date.trim(), comment: draft.comment, verdict });
    setSaving(false);
    if (!result.ok) {
      const fieldOf = (path: string) => draftFields.find((field) => path === `/${field}`);
      const issue = result.error.issues?.find((i) => fieldOf(i.path));
      setError(issue ? { field: fieldOf(issue.path)!, message: issue.message } : { field: '', message: result.error.message });
      return;
    }
    const recorded = result.value;
    setDraft(null);
    setError(null);
    setReloads((n) => n + 1);
    onChanged();
    notify(`${eventTypeLabels[recorded.type]} ${recorded.date} är registrerad.`);
    requestAnimationFrame(() => document.getElementById(`home-event-start-${recorded.type}`)?.focus());
  }

  async function remove(event: RecordedEvent) {
    const result = await api.removeEvent({ id: event.id });
    if (!result.ok) {
      notify(result.error.message);
      return;
    }
    setReloads((n) => n + 1);
    onChanged();
    const label = `${eventTypeLabels[event.type]} ${event.date}`;
    // Ångra may come after the panel has closed: a plain call, and the list if it is still shown.
    notify(`${label} är borttagen.`, {
      label: 'Ångra',
      run: () =>
        void api
          .recordEvent({ homeId: event.homeId ?? homeId, type: event.type, date: event.date, comment: event.comment, verdict: event.verdict })
          .then((again) => {
            notify(again.ok ? `${label} är registrerad igen.` : again.error.message);
            setReloads((n) => n + 1);
            onChanged();
          }),
    });
    requestAnimationFrame(() => document.getElementById(`home-event-start-${types[0]}`)?.focus());
  }

  // Enter in this section saves the event (or does nothing), never the home's form around it.
  // Esc leaves the new event before it closes the panel.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.target as HTMLElement).tagName === 'INPUT') {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape' && draft) {
      event.preventDefault();
      cancel();
    }
  };

  function cancel() {
    if (!draft) return;
    const type = draft.type;
    setDraft(null);
    setError(null);
    requestAnimationFrame(() => document.getElementById(`home-event-start-${type}`)?.focus());
  }

  const dateError = error?.field === 'date' ? error.message : null;
  const commentError = error?.field === 'comment' ? error.message : null;
  const verdictError = error?.field === 'verdict' ? error.message : null;
  return (
    // A group, not a landmark: it is a part of the home's panel.
    <div className="form-section home-events" role="group" aria-labelledby="home-events-title" onKeyDown={onKeyDown}>
      <h3 id="home-events-title" className="home-events__title">Anmälningar och tillsyn</h3>
      {loadError && (
        <p className="field__error" role="alert">
          Händelserna kunde inte hämtas. {loadError}
        </p>
      )}
      {events && events.length === 0 && <p className="muted">Inget registrerat för hemmet.</p>}
      {events && events.length > 0 && (
        <ul className="home-events__list">
          {events.map((event) => (
            <li key={event.id} className="home-events__item">
              <span className="home-events__date">{event.date}</span>
              <span className="home-events__what">
                {eventTypeLabels[event.type]}
                {event.type === 'ivo-tillsyn' && (
                  <span className="home-events__verdict">
                    IVO:s bedömning: {event.verdict ? ivoVerdictLabels[event.verdict] : 'inte angiven'}
                  </span>
                )}
                {event.comment && <span className="home-events__comment">{event.comment}</span>}
              </span>
              <button
                type="button"
                className="button button--quiet home-events__remove"
                aria-label={`Ta bort ${eventTypeLabels[event.type]} ${event.date}`}
                onClick={() => void remove(event)}
              >
                Ta bort
              </button>
            </li>
          ))}
        </ul>
      )}

      {draft ? (
        <div className="home-events__form" role="group" aria-labelledby="home-event-draft-title">
          <p id="home-event-draft-title" className="home-events__draft-title">{eventTypeLabels[draft.type]}</p>
          {error?.field === '' && <p className="field__error" role="alert">{error.message}</p>}
          <div className="form-row">
            <div className={`field field--narrow${dateError ? ' field--invalid' : ''}`}>
              <label htmlFor="home-event-date">Datum</label>
              <DateInput
                id="home-event-date"
                ref={dateRef}
                aria-invalid={dateError ? true : undefined}
                aria-describedby={dateError ? 'home-event-date-error' : undefined}
                value={draft.date}
                onChange={(date) => setDraft({ ...draft, date })}
              />
              {dateError && <p className="field__error" id="home-event-date-error" role="alert">{dateError}</p>}
            </div>
            <div className={`field${commentError ? ' field--invalid' : ''}`}>
              <label htmlFor="home-event-comment">Kommentar (frivillig)</label>
              <input
                id="home-event-comment"
                className="input"
                autoComplete="off"
                maxLength={2000}
                aria-invalid={commentError ? true : undefined}
                aria-describedby={commentError ? 'home-event-comment-error' : undefined}
                value={draft.comment}
                onChange={(e) => setDraft({ ...draft, comment: e.target.value })}
              />
              {commentError && <p className="field__error" id="home-event-comment-error" role="alert">{commentError}</p>}
            </div>
          </div>
          {draft.type === 'ivo-tillsyn' && (
            <div className={`field${verdictError ? ' field--invalid' : ''}`}>
              <label htmlFor="home-event-verdict">IVO:s bedömning</label>
              <p className="field__hint" id="home-event-verdict-hint">Vad IVO kom fram till vid tillsynen, enligt beslutet.</p>
              <select
                id="home-event-verdict"
                className="input"
                aria-invalid={verdictError ? true : undefined}
                aria-describedby={verdictError ? 'home-event-verdict-error home-event-verdict-hint' : 'home-event-verdict-hint'}
                value={draft.verdict}
                onChange={(e) => setDraft({ ...draft, verdict: e.target.value as IvoVerdict | '' })}
              >
                <option value="">Inte angiven</option>
                {ivoVerdicts.map((value) => (
                  <option key={value} value={value}>{ivoVerdictLabels[value]}</option>
                ))}
              </select>
              {verdictError && <p className="field__error" id="home-event-verdict-error" role="alert">{verdictError}</p>}
            </div>
          )}
          <div className="home-events__actions">
            <button type="button" className="button button--primary" disabled={saving} onClick={() => void save()}>
              {saving ? 'Sparar…' : 'Spara'}
            </button>
            <button
              type="button"
              className="button"
              onClick={cancel}
            >
              Avbryt
            </button>
          </div>
        </div>
      ) : (
        <div className="home-events__actions">
          {types.map((type) => (
            <button key={type} type="button" id={`home-event-start-${type}`} className="button" onClick={() => start(type)}>
              {buttonLabels[type]}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
