import { useEffect, useMemo, useRef, useState } from 'react';
import type { IDatasource, SortModelItem } from 'ag-grid-community';
import { placementSortColumns, type PlacementPage, type PlacementSort, type PlacementSortColumn } from '../../../preload/api';
import { api } from '../bridge/api';
import type { ConfirmOptions } from '../components/ConfirmDialog';
import { ExportMenu } from '../components/ExportMenu';
import { SearchField } from '../components/SearchField';
import type { ToastMessage } from '../components/Toast';
import { useDebounced } from '../register/useDebounced';
import { hasDraft } from './draft';
import { PlacementForm } from './PlacementForm';
import { PlacementsGrid } from './PlacementsGrid';

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

/** What the list asks main: the search, "Bara pågående" and the order, on the user's today. */
interface Question {
  date: string;
  query: string;
  activeOnly: boolean;
  sort: PlacementSort;
}

interface Loaded {
  /** Which request this answers; while it differs from the current one, a new list is on its way. */
  key: string;
  question: Question;
  /** The first block of rows and the counts; null when main could not answer. */
  page: PlacementPage | null;
  error: string | null;
}

/** Rows per request: a window shows a few dozen; the grid asks for the next block as it scrolls. */
const BLOCK = 100;

const defaultSort: PlacementSort = { column: 'child', direction: 'asc' };

const isSortColumn = (colId: string): colId is PlacementSortColumn => (placementSortColumns as readonly string[]).includes(colId);

/** The order the grid's headers ask for (one column; the default when none). */
function sortOf(model: readonly SortModelItem[]): PlacementSort {
  const first = model[0];
  return first && isSortColumn(first.colId) ? { column: first.colId, direction: first.sort } : defaultSort;
}

const sameSort = (a: PlacementSort, b: PlacementSort) => a.column === b.column && a.direction === b.direction;

const pageOf = (question: Question, offset: number, limit: number) =>
  api.listPlacementPage({
    date: question.date,
    ...(question.query ? { query: question.query } : {}),
    activeOnly: question.activeOnly,
    sort: question.sort,
    offset,
    limit,
  });

const count = (n: number) => n.toLocaleString('sv-SE');

/**
 * The list of placements with a quick search, the ongoing ones by default. Main searches, sorts
 * and pages it (listPlacementPage): the page asks for the first block whenever the question
 * changes, which also tells whether there are placements at all (the empty state) and how many
 * "Bara pågående" hides; the grid asks for the blocks after it as the user scrolls. An answer to
 * an older question is dropped, here and in the grid.
 */
export function PlacementsPage(props: PlacementsPageProps) {
  const { today, version, onOpen, onChanged, notify, confirm, onDirtyChange } = props;
  const [query, setQuery] = useState('');
  const [activeOnly, setActiveOnly] = useState(true);
  const [sort, setSort] = useState<PlacementSort>(defaultSort);
  const [retries, setRetries] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  /** A later block of the list shown (`key`) that main could not give. */
  const [blockError, setBlockError] = useState<{ key: string; message: string } | null>(null);
  // Back from the home with a new placement's form kept: it opens again as it was left.
  const [formOpen, setFormOpen] = useState(hasDraft);
  const [formKey, setFormKey] = useState(0);
  const openerRef = useRef<HTMLElement | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const search = useDebounced(query.trim(), 150);
  const requestKey = JSON.stringify([search, activeOnly, sort.column, sort.direction, today, version, retries]);

  useEffect(() => {
    let current = true;
    const question: Question = { date: today, query: search, activeOnly, sort };
    void pageOf(question, 0, BLOCK).then((result) => {
      if (!current) return;
      setLoaded(
        result.ok
          ? { key: requestKey, question, page: result.value, error: null }
          : { key: requestKey, question, page: null, error: result.error.message },
      );
    });
    return () => {
      current = false;
    };
  }, [search, activeOnly, sort, today, requestKey]);

  // The grid's source of rows for the question answered last. Its first block is that answer;
  // the next ones are asked for as the grid needs them, while it is the grid's source (`live`).
  const paged = useMemo(() => {
    if (loaded?.page == null) return null;
    const { key, question, page } = loaded;
    let live = true;
    const datasource: IDatasource = {
      getRows(params) {
        // A click on a header empties the grid and asks again at once, in the new order: the
        // page asks main for it, and gives the grid a new source when the answer is in.
        const wanted = sortOf(params.sortModel);
        setSort((old) => (sameSort(old, wanted) ? old : wanted));
        if (!sameSort(wanted, question.sort)) {
          params.failCallback();
          return;
        }
        if (params.startRow === 0) {
          params.successCallback(page.rows, page.total);
          return;
        }
        void pageOf(question, params.startRow, params.endRow - params.startRow).then((result) => {
          // An answer to a question no longer shown is dropped (the grid has let go of its block).
          if (live && result.ok) {
            params.successCallback(result.value.rows, result.value.total);
            return;
          }
          params.failCallback();
          if (live && !result.ok) setBlockError({ key, message: result.error.message });
        });
      },
    };
    const shown = (isShown: boolean) => {
      live = isShown;
    };
    return { datasource, shown };
  }, [loaded]);
  useEffect(() => {
    if (paged === null) return undefined;
    paged.shown(true);
    return () => paged.shown(false);
  }, [paged]);

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
    return (
      <>
        <p className="page-message" role="status">Hämtar placeringarna…</p>
        {form}
      </>
    );
  }

  const loading = loaded.key !== requestKey;
  const page = loaded.page;
  // The form stays at one place in the tree, so it keeps its state whichever of the two is shown.
  if (loaded.question.query === '' && search === '' && page !== null && page.total + page.hidden === 0) {
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

  const countText =
    loading || page === null
      ? 'Söker…'
      : `${page.total === 1 ? '1 placering visas' : `${count(page.total)} placeringar visas`}${
          page.hidden > 0 ? ` (${count(page.hidden)} avslutade dolda)` : ''
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
          {/* The question answered last (the list shown), every row of it. */}
          <ExportMenu
            disabled={page === null || page.total === 0}
            request={() => ({
              list: 'placements',
              filter: {
                date: loaded.question.date,
                ...(loaded.question.query ? { query: loaded.question.query } : {}),
                activeOnly: loaded.question.activeOnly,
                sort: loaded.question.sort,
              },
            })}
          />
        </div>

        {page === null ? (
          loading ? (
            <p className="result-count" aria-live="polite">{countText}</p>
          ) : (
            <div className="list-error" role="alert">
              <p>Placeringarna kunde inte hämtas. {loaded.error}</p>
              <button type="button" className="button" onClick={() => setRetries((n) => n + 1)}>Försök igen</button>
            </div>
          )
        ) : (
          <>
            {blockError?.key === loaded.key && !loading && (
              <div className="list-error" role="alert">
                <p>En del av listan kunde inte hämtas. {blockError.message}</p>
                <button type="button" className="button" onClick={() => setRetries((n) => n + 1)}>Försök igen</button>
              </div>
            )}
            <p className="result-count" aria-live="polite">{countText}</p>
            {page.total === 0 ? (
              <p className="placements__none">
                {loaded.question.query !== '' ? 'Inga placeringar matchar sökningen.' : 'Inga pågående placeringar.'}
                {loaded.question.activeOnly && page.hidden > 0 && (
                  <>
                    {' '}
                    <button type="button" className="text-link" onClick={() => setActiveOnly(false)}>Visa även avslutade</button>
                  </>
                )}
              </p>
            ) : (
              paged !== null && (
                <PlacementsGrid
                  datasource={paged.datasource}
                  blockSize={BLOCK}
                  sort={loaded.question.sort}
                  labelledBy="placements-title"
                  onOpen={onOpen}
                />
              )
            )}
          </>
        )}
        <p className="hint">
          Tips: tabba till listan, välj placering med piltangenterna och tryck <kbd>Enter</kbd> för att öppna den.
        </p>
      </section>
      {form}
    </>
  );
}
