/**
 * A save refused because someone else saved the record while this user was editing (row
 * versions, issue 18): who and when, the fields in which the two versions differ side by side,
 * and the two ways on. Nothing has been overwritten; the user chooses.
 */
import { useEffect, useRef } from 'react';
import type { ChangedBy } from '../../../preload/api';
import { dayOf, longDate, timeOf } from '../today';

export interface ComparedField {
  label: string;
  mine: string;
  saved: string;
}

interface Props {
  /** The record in a sentence, definite: "hemmet", "placeringen". */
  what: string;
  changed: ChangedBy;
  /** Only the fields that differ. */
  fields: ComparedField[];
  onKeepMine: () => void;
  onTakeSaved: () => void;
  busy?: boolean;
}

export function ConflictPanel({ what, changed, fields, onKeepMine, onTakeSaved, busy = false }: Props) {
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  // As main says it in the message: "22 november 2026 kl. 10:42".
  const when = changed.at === null ? '' : ` ${longDate(dayOf(changed.at))} kl. ${timeOf(changed.at)}`;
  return (
    // A region, not an alert: focus moves to its title, which is read once, and the table is there to be read at the user's pace.
    <section className="conflict" aria-labelledby="conflict-title">
      <h3 id="conflict-title" className="conflict__title" tabIndex={-1} ref={titleRef}>
        {changed.by ?? 'Någon annan'} sparade {what}{when} medan du redigerade
      </h3>
      <p>Inget har skrivits över. Jämför och välj vilken version som ska gälla.</p>
      {fields.length === 0 ? (
        <p>Versionerna skiljer sig inte åt i det som formuläret visar.</p>
      ) : (
        <table className="conflict__table">
          <thead>
            <tr>
              <th scope="col">Uppgift</th>
              <th scope="col">Din version</th>
              <th scope="col">Sparad version</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => (
              <tr key={field.label}>
                <th scope="row">{field.label}</th>
                <td>{field.mine || <span className="conflict__empty">(tomt)</span>}</td>
                <td>{field.saved || <span className="conflict__empty">(tomt)</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="conflict__actions">
        <button type="button" className="button" disabled={busy} onClick={onKeepMine}>Spara min version</button>
        <button type="button" className="button button--quiet" disabled={busy} onClick={onTakeSaved}>Använd den sparade versionen</button>
      </div>
    </section>
  );
}
