import { useEffect, useMemo, useRef, useState } from 'react';
import type { PlacementListRow } from '../../../preload/api';
import { api } from '../bridge/api';
import type { ConfirmOptions } from '../components/ConfirmDialog';
import { SearchField } from '../components/SearchField';
import type { ToastMessage } from '../components/Toast';
import { compareSv, kindLabels, legalBasisLabels } from '../labels';
import { useDebounced } from '../register/useDebounced';
import { AppLink } from '../routing/links';
import { paths } from '../routing/paths';
import { hasDraft } from './draft';
import { PlacementForm } from './PlacementForm';

export interface PlacementsPageProps {
  today: string;
  /** Changes whenever something was saved elsewhere, so the list is fetched again. */
  version: number;
  onOpen: (placementId: string) => void;
  /** "Öppna hemmet" in the new placement's "Redo för beslut?". */
  onOpenHome?: (homeId: string) => void;
  onChanged: () => void;
  notify: (message: string, action?: ToastMessage['action']) => void;
  confirm: (options: ConfirmOptions) => Promise<boolean>;
  onDirtyChange: (dirty: boolean) => void;
}

interface Loaded {
  /** Which request this answers; while it differs from the current one, a new list is on its way. */
  key: string;
  search: string;
  rows: PlacementListRow[];
  error: string | null;
}

const byChildThenNewest = (a: PlacementListRow, b: PlacementListRow) =>
  compareSv(a.childLabel, b.childLabel) || b.startedOn.localeCompare(a.startedOn);

/**
 * The list of placements with a quick search, the ongoing ones by default. The whole list is
 * fetched and "Bara pågående" filters it here, so the page knows whether there are placements at
 * all (the empty state) and how many the filter hides.
 */
export function PlacementsPage(props: PlacementsPageProps) {
  const { today, version, onOpen, onChanged, notify, confirm, onDirtyChange } = props;
  const [query, setQuery] = useState('');
  const [activeOnly, setActiveOnly] = useState(true);
  const [retries, setRetries] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // Back from the home with a new placement's form kept: it opens again as it was left.
  const [formOpen, setFormOpen] = useState(hasDraft);
  const [formKey, setFormKey] = useState(0);
  const openerRef = useRef<HTMLElement | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const search = useDebounced(query.trim(), 150);
  const requestKey = `${search}\u0000${today}\u0000${version}\u0000${retries}`;

  useEffect(() => {
    let current = true;
    void api.listPlacements({ date: today, ...(search ? { query: search } : {}), activeOnly: false }).then((result) => {
      if (!current) return;
      setLoaded(
        result.ok
          ? { key: requestKey, search, rows: result.value, error: null }
          : { key: requestKey, search, rows: [], error: result.error.message },
      );
    });
    return () => {
      current = false;
    };
  }, [search, today, requestKey]);

  const rows = useMemo(() => [...(loaded?.rows ?? [])].sort(byChildThenNewest), [loaded]);
  const shown = useMemo(() => (activeOnly ? rows.filter((row) => row.active) : rows), [rows, activeOnly]);

  function openForm() {
    openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setFormKey((n) => n + 1);
    setFormOpen(true);
  }

  function closeForm() {
    setFormOpen(false);
    const opener = openerRef.current;
    requestAnimationFrame(() => (opener?.isConnected ? opener : searchRef.current)?.focus());
  }

  const form = formOpen && (
    <PlacementForm
      key={formKey}
      today={today}
      placement={null}
      onOpenHome={props.onOpenHome}
      onClose={closeForm}
      onSaved={(placement, childLabel) => {
        setFormOpen(false);
        notify(`Placeringen för ${childLabel} är sparad.`);
        onChanged();
        onOpen(placement.id);
      }}
      onDirtyChange={onDirtyChange}
      confirm={confirm}
    />
  );

  if (loaded === null) {
    return <p className="page-message" role="status">Hämtar placeringarna…</p>;
  }

  const loading = loaded.key !== requestKey;
  // The form stays at one place in the tree, so it keeps its state whichever of the two is shown.
  if (loaded.search === '' && search === '' && loaded.error === null && loaded.rows.length === 0) {
    return (
      <>
        <section className="empty" aria-labelledby="placements-empty-title">
          <h1 id="placements-empty-title" className="empty__title">Inga placeringar ännu</h1>
          <p className="empty__text">
            Här samlar ni barnens placeringar: lagrum, beslut, i vilket hem barnet bor och vilka bevakningar som
            löper. Lägg in den första placeringen, så räknar programmet ut när övervägande, vårdplan och andra
            åtgärder ska vara gjorda.
          </p>
          <div className="empty__actions">
            <button type="button" className="button button--primary" onClick={openForm}>Ny placering</button>
          </div>
        </section>
        {form}
      </>
    );
  }

  const hidden = rows.length - shown.length;
  const count = loading
    ? 'Söker…'
    : `${shown.length === 1 ? '1 placering visas' : `${shown.length} placeringar visas`}${
        hidden > 0 ? ` (${hidden} avslutade dolda)` : ''
      }`;

  return (
    <>
      <section className="placements" aria-labelledby="placements-title">
        <div className="register__head">
          <div>
            <h1 id="placements-title" className="page-title">Placeringar</h1>
            <p className="page-lead">Barnens placeringar: lagrum, hem och försenade bevakningar.</p>
          </div>
          <button type="button" className="button button--primary" onClick={openForm}>Ny placering</button>
        </div>

        <div className="toolbar" role="search">
          <SearchField
            id="placements-search"
            inputRef={searchRef}
            placeholder="Sök barn, personnummer, hem eller handläggare…"
            value={query}
            onChange={setQuery}
          />
          <label className="checkbox toolbar__checkbox">
            <input type="checkbox" checked={activeOnly} onChange={(event) => setActiveOnly(event.target.checked)} />
            Bara pågående
          </label>
        </div>

        {loaded.error !== null && !loading ? (
          <div className="list-error" role="alert">
            <p>Placeringarna kunde inte hämtas. {loaded.error}</p>
            <button type="button" className="button" onClick={() => setRetries((n) => n + 1)}>Försök igen</button>
          </div>
        ) : (
          <>
            <p className="result-count" aria-live="polite">{count}</p>
            {shown.length === 0 ? (
              <p className="placements__none">
                {query !== '' ? 'Inga placeringar matchar sökningen.' : 'Inga pågående placeringar.'}
                {activeOnly && hidden > 0 && (
                  <>
                    {' '}
                    <button type="button" className="text-link" onClick={() => setActiveOnly(false)}>Visa även avslutade</button>
                  </>
                )}
              </p>
            ) : (
              <div className="table-wrap">
                <table className="data-table" aria-labelledby="placements-title">
                  <thead>
                    <tr>
                      <th scope="col">Barn</th>
                      <th scope="col">Lagrum</th>
                      <th scope="col">Hem</th>
                      <th scope="col">Från</th>
                      <th scope="col">Till</th>
                      <th scope="col">Handläggare</th>
                      <th scope="col">Enhet</th>
                      <th scope="col" className="data-table__num">Försenade bevakningar</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((row) => (
                      <tr key={row.id} className={row.active ? 'data-table__row' : 'data-table__row data-table__row--ended'} onClick={() => onOpen(row.id)}>
                        <th scope="row">
                          {/* The row is clickable; the link is its keyboard way in (Tab, Enter) and its address. */}
                          <AppLink to={paths.placement(row.id)} className="table-link" onClick={(event) => event.stopPropagation()}>
                            {row.childLabel}
                          </AppLink>
                        </th>
                        <td>{legalBasisLabels[row.legalBasis]}</td>
                        <td>
                          <span className="data-table__main">{row.homeName}</span>
                          <span className="data-table__sub">{kindLabels[row.form]}</span>
                        </td>
                        <td className="data-table__date">{row.startedOn}</td>
                        <td className="data-table__date">{row.endedOn ?? <span className="muted">pågår</span>}</td>
                        <td>{row.caseworker ?? ''}</td>
                        <td>{row.unit ?? ''}</td>
                        <td className="data-table__num">
                          {row.overdueCount > 0 ? (
                            <span className="count-badge count-badge--overdue">{row.overdueCount}</span>
                          ) : (
                            <span className="muted">0</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
        <p className="hint">Tips: tabba till barnets namn och tryck <kbd>Enter</kbd> för att öppna placeringen.</p>
      </section>
      {form}
    </>
  );
}
