import { useEffect, useMemo, useState } from 'react';
import type { CheckListRow, CheckPage, CheckShow, CheckSort, ListCheckPageInput } from '../../../preload/api';
import { api } from '../bridge/api';
import { useLeadDays } from '../components/useLoaded';
import { useMainPage, type PageOf } from '../components/useMainPage';
import { ExportMenu } from '../components/ExportMenu';
import { FilterSelect } from '../components/FilterSelect';
import { Pager, swedishNumber } from '../components/Pager';
import { SearchField } from '../components/SearchField';
import { StatusCards } from '../components/StatusCards';
import { ruleLabels } from '../labels';
import { longDate } from '../today';
import { CHECK_PAGE_SIZE, ChecksGrid } from './ChecksGrid';
import { statusLabel } from './status';
import type { CheckStatus } from './status';

type CheckKind = CheckListRow['check'];

interface Filters {
  show: CheckShow;
  check: CheckKind | '';
  status: CheckStatus | '';
  query: string;
}

const noFilters: Filters = { show: 'action', check: '', status: '', query: '' };
const checkKinds: CheckKind[] = ['registerkontroll', 'ivo-tillstand', 'registerkontroll-fortlopande'];

/** Kept while the window is open, as in the bevakningslista: back from a placement, the list is as it was. */
let remembered: { filters: Filters; sort: CheckSort | undefined; pageOf: PageOf | null } = { filters: noFilters, sort: undefined, pageOf: null };

/** The longest quick search the contract takes. */
const QUERY_MAX = 200;

/** The page's filters as the question to main (the date, sort and page are added per request). */
function filterArguments(filters: Filters): Omit<ListCheckPageInput, 'date' | 'offset' | 'limit' | 'sort'> {
  const query = filters.query.trim().slice(0, QUERY_MAX);
  return {
    show: filters.show,
    check: filters.check === '' ? undefined : filters.check,
    status: filters.status === '' ? undefined : filters.status,
    query: query === '' ? undefined : query,
  };
}



interface Props {
  today: string;
  /** Changes whenever something was saved, so the list is fetched again. */
  version: number;
  onOpenPlacement: (placementId: string) => void;
  onOpenHome: (homeId: string) => void;
}

/**
 * Every register check and IVO permit check of the stays, and the re-checks of foster-home adults
 * while a child lives there: what is to be acted on first, each opening where it is put right.
 * Main filters, sorts and pages the list (`listCheckPage`); the page holds one page of rows.
 */
export function ChecksPage({ today, version, onOpenPlacement, onOpenHome }: Props) {
  const [filters, setFilters] = useState<Filters>(remembered.filters);
  const [sort, setSort] = useState<CheckSort | undefined>(remembered.sort);
  const [retries, setRetries] = useState(0);
  const question = useMemo(() => filterArguments(filters), [filters]);
  // The list is the day, the filters and the sort; a write (`version`) keeps the page shown.
  const { loaded, answered, offset, pageOf, pageKey, toPage } = useMainPage<CheckPage>({
    list: JSON.stringify([today, question, sort ?? null]),
    reload: `${version}\u0000${retries}`,
    pageSize: CHECK_PAGE_SIZE,
    initial: remembered.pageOf,
    ask: (offset) => api.listCheckPage({ date: today, ...question, sort, offset, limit: CHECK_PAGE_SIZE }),
  });
  const leadDays = useLeadDays(version);

  useEffect(() => {
    remembered = { filters, sort, pageOf };
  }, [filters, sort, pageOf]);

  const page: CheckPage | null = answered?.page ?? null;
  const set = (change: Partial<Filters>) => setFilters((old) => ({ ...old, ...change }));

  // The statuses of the whole list (main's), plus the one chosen (so it stays shown when its rows are gone).
  const statuses = useMemo(() => {
    const present: CheckStatus[] = [...(page?.statuses ?? [])];
    if (filters.status && !present.includes(filters.status)) present.push(filters.status);
    return present;
  }, [page, filters.status]);

  if (loaded === null) return <p className="page-message" role="status">Hämtar kontroller…</p>;
  if (page === null) {
    return (
      <div className="page-message page-message--error" role="alert">
        <p>Kontrollerna kunde inte hämtas. {loaded.error}</p>
        <button type="button" className="button" onClick={() => setRetries((n) => n + 1)}>Försök igen</button>
      </div>
    );
  }

  const filtered = filters.check !== '' || filters.status !== '' || filters.query !== '';
  const open = (row: CheckListRow) => {
    // A re-check is recorded on the home; a decision check is read on its placement.
    if (row.check !== 'registerkontroll-fortlopande' && row.placementId !== null) onOpenPlacement(row.placementId);
    else if (row.homeId !== null) onOpenHome(row.homeId);
  };

  return (
    <section className="deadlines checks" aria-labelledby="checks-title">
      <div className="register__head">
        <div>
          <h1 id="checks-title" className="page-title">Kontroller</h1>
          <p className="page-lead">
            Registerkontroller av familjehemmens vuxna och IVO-tillstånd för HVB och stödboende, före besluten och fortlöpande,
            den {longDate(today)}.
          </p>
        </div>
      </div>

      {page.unfiltered === 0 ? (
        <div className="placements__none">
          <p className="checks__empty">Inga kontroller att visa.</p>
          <p className="muted">
            Kontrollerna visas när det finns placeringar i familjehem, jourhem, nätverkshem eller enskilda HVB och stödboenden.
          </p>
        </div>
      ) : (
        <>
          <StatusCards
            label="Visa kontroller"
            cards={[
              {
                value: 'action',
                label: 'Att åtgärda',
                detail: 'i pågående placeringar',
                count: page.cards.action,
                tone: 'overdue',
              },
              {
                value: 'due-soon',
                label: 'Snart',
                detail: leadDays === null ? undefined : `inom ${leadDays} dagar`,
                count: page.cards.dueSoon,
              },
              { value: 'all', label: 'Alla', detail: 'även avslutade', count: page.cards.all },
            ]}
            selected={filters.show}
            onSelect={(show) => set({ show })}
          />

          <div className="toolbar" role="search">
            <SearchField
              id="checks-search"
              placeholder="Sök hem, person eller barn…"
              value={filters.query}
              onChange={(query) => set({ query })}
            />
            <FilterSelect
              id="checks-kind"
              label="Kontroll"
              wide
              value={filters.check}
              options={checkKinds.map((kind) => ({ value: kind, label: ruleLabels[kind] }))}
              onChange={(check) => set({ check })}
            />
            <FilterSelect
              id="checks-status"
              label="Status"
              value={filters.status}
              options={statuses.map((status) => ({ value: status, label: statusLabel(status) }))}
              onChange={(status) => set({ status })}
            />
            {filtered && (
              <button type="button" className="button button--quiet toolbar__reset" onClick={() => set({ check: '', status: '', query: '' })}>
                Rensa filter
              </button>
            )}
            <ExportMenu disabled={page.total === 0} request={() => ({ list: 'checks', filter: { date: today, ...question, sort } })} />
          </div>

          {loaded.error !== null && (
            <div className="list-error" role="alert">
              <p>Kontrollerna kunde inte hämtas på nytt. {loaded.error}</p>
              <button type="button" className="button" onClick={() => setRetries((n) => n + 1)}>Försök igen</button>
            </div>
          )}
          <p className="result-count" aria-live="polite">
            {page.total === 1 ? '1 kontroll visas' : `${swedishNumber(page.total)} kontroller visas`}
          </p>
          <ChecksGrid
            rows={page.rows}
            sort={sort}
            onSort={setSort}
            pageKey={pageKey}
            today={today}
            labelledBy="checks-title"
            onOpen={open}
          />
          {page.total > CHECK_PAGE_SIZE && (
            <Pager
              label="Sidor i kontrollistan"
              offset={offset}
              pageSize={CHECK_PAGE_SIZE}
              total={page.total}
              shown={{ offset: answered?.offset ?? 0, rows: page.rows.length }}
              onPage={toPage}
            />
          )}
          <p className="hint">
            Tips: tryck <kbd>Enter</kbd> på en rad. En kontroll före beslut öppnar placeringen; en fortlöpande registerkontroll
            öppnar hemmet, där kontrollen registreras.
          </p>
        </>
      )}
    </section>
  );
}
