import { useEffect, useRef, useState } from 'react';
import { homeEventTypes, placementEventTypes } from '../../../preload/api';
import type { EventType, RecordedEvent } from '../../../preload/api';
import { api } from '../bridge/api';
import { eventTypeLabels } from '../labels';
import { DateField, errorMap, failureOf, SelectField, TextField } from './fields';
import type { Failure } from './fields';

const typeOptions = placementEventTypes.map((value) => ({ value, label: eventTypeLabels[value] }));
const isHomeEvent = (type: EventType) => (homeEventTypes as readonly EventType[]).includes(type);

/**
 * A small inline form that records something done: the date (today unless changed) and an
 * optional comment. With a fixed `type` focus starts on Spara, so recording is two clicks or
 * two Enters; without one, the form asks what was done. Esc closes it.
 */
export function EventForm(props: {
  /** Unique on the page: the inputs' ids start with it. */
  idPrefix: string;
  placementId: string;
  /** Where a home event goes (the home rule "fler än tre barn"); placement events ignore it. */
  homeId?: string | null;
  type: EventType | null;
  today: string;
  /** Names the form for screen readers ("Registrera vårdplan"). */
  label: string;
  onCancel: () => void;
  onSaved: (event: RecordedEvent) => void;
}) {
  const { idPrefix, type: fixedType, today } = props;
  const [type, setType] = useState<EventType | ''>(fixedType ?? '');
  const [date, setDate] = useState(today);
  const [comment, setComment] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);
  const saveRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (fixedType) saveRef.current?.focus();
    else document.getElementById(`${idPrefix}-type`)?.focus();
  }, [fixedType, idPrefix]);

  async function save() {
    if (saving) return;
    if (type === '') {
      setFailure({ message: 'Välj vad som har gjorts.', issues: [{ field: 'type', message: 'Välj vad som har gjorts.' }] });
      document.getElementById(`${idPrefix}-type`)?.focus();
      return;
    }
    setSaving(true);
    const target = isHomeEvent(type) && props.homeId ? { homeId: props.homeId } : { placementId: props.placementId };
    const result = await api.recordEvent({ ...target, type, date, comment });
    setSaving(false);
    if (!result.ok) {
      setFailure(failureOf(result.error, (path) => {
        const field = path.split('/').filter(Boolean)[0] ?? '';
        return field === 'date' || field === 'comment' || field === 'type' ? field : '';
      }));
      return;
    }
    props.onSaved(result.value);
  }

  const errors = errorMap(failure);
  const general = failure && errors.size === 0 ? failure.message : null;

  return (
    <form
      className="inline-form"
      aria-label={props.label}
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
      <div className="inline-form__fields">
        {fixedType === null && (
          <SelectField
            id={`${idPrefix}-type`}
            label="Vad har gjorts"
            required
            placeholder="Välj"
            options={typeOptions}
            error={errors.get('type')}
            value={type}
            onChange={setType}
          />
        )}
        <DateField id={`${idPrefix}-date`} label="Datum" required error={errors.get('date')} value={date} onChange={setDate} />
        <TextField
          id={`${idPrefix}-comment`}
          label="Kommentar (frivillig)"
          className="inline-form__wide"
          maxLength={2000}
          error={errors.get('comment')}
          value={comment}
          onChange={setComment}
        />
      </div>
      {general && <p className="field__error" role="alert">{general}</p>}
      <div className="inline-form__actions">
        <button type="submit" ref={saveRef} className="button button--primary" disabled={saving}>
          {saving ? 'Sparar…' : 'Spara'}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>Avbryt</button>
      </div>
    </form>
  );
}
