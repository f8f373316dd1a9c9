import { useEffect, useRef, useState } from 'react';
import type { Deviation, HomeListRow, HomeSearchResult } from '../../../preload/api';
import { api } from '../bridge/api';
import { kindLabels } from '../labels';
import { useDebounced } from '../register/useDebounced';
import { DeviationForm } from './DeviationForm';

/** Homes shown at a time: enough to choose among, a search finds the rest. */
const HOMES_SHOWN = 8;

const homeLabel = (home: HomeListRow) => `${home.name} (${kindLabels[home.kind]}${home.municipality ? `, ${home.municipality}` : ''})`;

type Homes = { result: HomeSearchResult | null; error: string | null };

/**
 * "Ny avvikelse" from the Avvikelser page, which has no home or placement of its own: the home is
 * chosen first with the register's search, then the report is written for it. A modal `<dialog>`:
 * the browser keeps focus inside and Esc closes it.
 */
export function NewDeviationDialog({ today, onSaved, onClose }: { today: string; onSaved: (deviation: Deviation) => void; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [home, setHome] = useState<HomeListRow | null>(null);
  const [homes, setHomes] = useState<Homes | null>(null);
  const search = useDebounced(query.trim(), 150);

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog?.showModal();
    searchRef.current?.focus();
    return () => {
      if (dialog?.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  useEffect(() => {
    // An answer to a search already replaced is dropped.
    let current = true;
    void api.searchHomes({ ...(search ? { query: search } : {}), status: 'active', limit: HOMES_SHOWN }).then((result) => {
      if (!current) return;
      setHomes(result.ok ? { result: result.value, error: null } : { result: null, error: result.error.message });
    });
    return () => {
      current = false;
    };
  }, [search]);

  const changeHome = () => {
    setHome(null);
    requestAnimationFrame(() => searchRef.current?.focus());
  };

  return (
    <dialog
      ref={ref}
      className="confirm-dialog deviation-dialog"
      aria-labelledby="new-deviation-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="deviation-dialog__head">
        <h2 id="new-deviation-title" className="deviation-dialog__title">Ny avvikelse</h2>
        <button type="button" className="icon-button" aria-label="Stäng" title="Stäng (Esc)" onClick={onClose}>×</button>
      </div>

      {home === null ? (
        <div className="deviation-dialog__homes" role="group" aria-labelledby="new-deviation-home-title">
          <h3 id="new-deviation-home-title" className="deviation-dialog__step">Vilket hem gäller avvikelsen?</h3>
          <div className="field">
            <label htmlFor="new-deviation-home-search">Sök hem</label>
            <input
              id="new-deviation-home-search"
              ref={searchRef}
              type="search"
              className="input"
              placeholder="Namn, kommun, org.nr eller person…"
              autoComplete="off"
              maxLength={200}
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
          </div>
          <HomeChoices homes={homes} search={search} onChoose={setHome} />
        </div>
      ) : (
        <>
          <p className="deviation-dialog__chosen">
            <span className="muted">Hem:</span> <strong>{homeLabel(home)}</strong>{' '}
            <button type="button" className="text-link" onClick={changeHome}>Byt hem</button>
          </p>
          <DeviationForm homeId={home.id} today={today} onSaved={onSaved} onCancel={onClose} />
        </>
      )}
    </dialog>
  );
}

function HomeChoices({ homes, search, onChoose }: { homes: Homes | null; search: string; onChoose: (home: HomeListRow) => void }) {
  if (homes === null) return <p className="muted" role="status">Hämtar hem…</p>;
  if (homes.error !== null) return <p className="field__error" role="alert">Hemmen kunde inte hämtas. {homes.error}</p>;
  const { rows, total } = homes.result ?? { rows: [], total: 0 };
  return (
    <>
      <p className="deviation-dialog__count" role="status">
        {total === 0
          ? search === '' ? 'Det finns inga aktiva hem i registret. Lägg in hemmet under Register först.' : 'Inget aktivt hem matchar sökningen.'
          : total > rows.length
            ? `Visar ${rows.length} av ${total} hem. Sök för att hitta fler.`
            : total === 1 ? '1 hem' : `${total} hem`}
      </p>
      {rows.length > 0 && (
        <ul className="deviation-dialog__home-list">
          {rows.map((row) => (
            <li key={row.id}>
              <button type="button" className="deviation-dialog__home" onClick={() => onChoose(row)}>
                <span className="deviation-dialog__home-name">{row.name}</span>
                <span className="muted">{kindLabels[row.kind]}{row.municipality ? `, ${row.municipality}` : ''}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
