import { useOpen } from '../routing/links';
import { useEffect, useMemo, useState } from 'react';
import type { DeadlineFilterChoices, DeadlinePage, DeadlineRow, DeadlineSort, DeadlineStatus, ListDeadlinePageInput } from '../../../preload/api';
import { api } from '../bridge/api';
import { useLeadDays } from '../components/useLoaded';
import { useMainPage, type PageOf } from '../components/useMainPage';
import { ExportMenu } from '../components/ExportMenu';
import { FilterSelect } from '../components/FilterSelect';
import { Pager } from '../components/Pager';
import { SearchField } from '../components/SearchField';
import { StatusCards } from '../components/StatusCards';
import { ruleLabels, svCollator } from '../labels';
import { longDate } from '../today';
import { DEADLINE_PAGE_SIZE, DeadlinesGrid } from './DeadlinesGrid';

/** The rules a row can have: the deadline rules and the re-check reminders. */
type RowRule = DeadlineRow['rule'];

type StatusFilter = DeadlineStatus | 'all';

interface Filters {
  status: StatusFilter;
  caseworker: string;
  unit: string;
  rule: RowRule | '';
  query: string;
}

const noFilters: Filters = { status: 'all', caseworker: '', unit: '', rule: '', query: '' };

/** The list's own first order: the earliest due first (the Förfaller column, ascending). */
const firstSort: DeadlineSort = { column: 'dueOn', direction: 'asc' };

/**
 * The filters, the sort and the page outlive the page: a case worker who opens a placement from a
 * filtered list comes back to the same list, where they were. Kept for this window only, never stored.
 */
let remembered: { filters: Filters; sort: DeadlineSort | undefined; pageOf: PageOf | null } = { filters: noFilters, sort: firstSort, pageOf: null };


interface Props {
  /** The date the deadlines are computed for (the user's today). */
  today: string;
  /** Changes whenever something was saved, so the list is fetched again. */
  version: number;
  /** The register has no homes at all: the empty state offers the demo data. */
  registerEmpty: boolean;
  onOpenPlacement: (placementId: string) => void;
  onOpenHome: (homeId: string) => void;
  onGoToPlacements: () => void;
  /** The register's form for a new home: where an empty register starts. */
  onNewHome: () => void;
  onLoadDemo: () => Promise<void>;
}

/**
 * The choice of the handläggare and enhet filters for a placement that has none: without it such a
 * placement could only be found under "Alla". No name can be it: names are stored trimmed. Main
 * is asked for it as null.
 */
const NOT_GIVEN = ' ';
const NOT_GIVEN_LABEL = 'Ingen angiven';

/** The longest quick search the contract takes. */
const QUERY_MAX = 200;

/** A name filter as main takes it: absent for all, null for "Ingen angiven". */
const ownerArgument = (filter: string): string | null | undefined => (filter === '' ? undefined : filter === NOT_GIVEN ? null : filter);

/** The page's filters as the question to main (the date, sort and page are added per request). */
function filterArguments(filters: Filters): Omit<ListDeadlinePageInput, 'date' | 'offset' | 'limit' | 'sort'> {
  const query = filters.query.trim().slice(0, QUERY_MAX);
  return {
    caseworker: ownerArgument(filters.caseworker),
    unit: ownerArgument(filters.unit),
    rule: filters.rule === '' ? undefined : filters.rule,
    status: filters.status === 'all' ? undefined : filters.status,
    query: query === '' ? undefined : query,
  };
}



export function DeadlinesPage(props: Props) {
  const { today, version, registerEmpty, onOpenPlacement, onOpenHome, onGoToPlacements, onNewHome, onLoadDemo } = props;
  const open = useOpen();
  const [filters, setFilters] = useState<Filters>(remembered.filters);
  const [sort, setSort] = useState<DeadlineSort | undefined>(remembered.sort);
  const [retries, setRetries] = useState(0);
  const question = useMemo(() => filterArguments(filters), [filters]);
  // One question per page: its rows, and what the page shows around them (the counts, the total,
  // the filters' choices). The list is the day, the filters and the sort; a write (`version`)
  // keeps the page shown.
  const { loaded, answered, offset, pageOf, pageKey, toPage } = useMainPage<DeadlinePage>({
    list: JSON.stringify([today, question, sort ?? null]),
    reload: `${version}\u0000${retries}`,
    pageSize: DEADLINE_PAGE_SIZE,
    initial: remembered.pageOf,
    ask: (offset) => api.listDeadlinePage({ date: today, ...question, sort, offset, limit: DEADLINE_PAGE_SIZE }),
  });
  const leadDays = useLeadDays(version);

  useEffect(() => {
    remembered = { filters, sort, pageOf };
  }, [filters, sort, pageOf]);

  const page: DeadlinePage | null = answered?.page ?? null;
  // A change of the filters (the status, the search) makes another list: it starts at its first page.
  const set = (change: Partial<Filters>) => setFilters((old) => ({ ...old, ...change }));

  // The choices come from the whole list (main), plus the one chosen (so it stays shown when its rows are gone).
  // A home's row (a re-check) can belong to several: the handläggare of each child living there.
  const caseworkers = useMemo(() => (page ? choices(page.choices.caseworkers, page.choices.caseworkerNotGiven, filters.caseworker) : []), [page, filters.caseworker]);
  const units = useMemo(() => (page ? choices(page.choices.units, page.choices.unitNotGiven, filters.unit) : []), [page, filters.unit]);
  const rules = useMemo(() => {
    const present = new Set<RowRule>(page?.choices.rules ?? []);
    if (filters.rule) present.add(filters.rule);
    return [...present].sort((a, b) => svCollator.compare(ruleLabels[a], ruleLabels[b]));
  }, [page, filters.rule]);

  // The cards count the deadlines every filter but the status finds, as the menu's badge does. The
  // re-checks are listed beside them as reminders, but they are checks: Kontroller counts them.
  const counts: Record<StatusFilter, number> = page
    ? {
        overdue: page.counts.overdue,
        'due-soon': page.counts.dueSoon,
        upcoming: page.counts.upcoming,
        all: page.counts.overdue + page.counts.dueSoon + page.counts.upcoming,
      }
    : { all: 0, overdue: 0, 'due-soon': 0, upcoming: 0 };

  if (loaded === null) {
    return <p className="page-message" role="status">Hämtar bevakningar…</p>;
  }
  if (page === null) {
    return (
      <div className="page-message page-message--error" role="alert">
        <p>Bevakningarna kunde inte hämtas. {loaded.error}</p>
        <button type="button" className="button" onClick={() => setRetries((n) => n + 1)}>Försök igen</button>
      </div>
    );
  }
  if (page.unfiltered === 0) {
    return <EmptyState registerEmpty={registerEmpty} onGoToPlacements={onGoToPlacements} onNewHome={onNewHome} onLoadDemo={onLoadDemo} />;
  }
  const listError = loaded.error;

  const filtered = filters.caseworker !== '' || filters.unit !== '' || filters.rule !== '' || filters.query !== '';
  const statusButtons: { value: StatusFilter; label: string; detail?: string }[] = [
    { value: 'overdue', label: 'Försenade' },
    { value: 'due-soon', label: 'Snart', detail: leadDays === null ? undefined : `inom ${leadDays} dagar` },
    { value: 'upcoming', label: 'Kommande' },
    { value: 'all', label: 'Alla' },
  ];

  return (
    <section className="deadlines" aria-labelledby="deadlines-title">
      <div className="register__head">
        <div>
          <h1 id="deadlines-title" className="page-title">Bevakning</h1>
          <p className="page-lead">
            Det som ska göras för de placerade barnen enligt lag och kommunens regler, räknat den {longDate(today)}.
          </p>
        </div>
      </div>

      <StatusCards
        label="Visa bevakningar"
        cards={statusButtons.map((button) => ({ ...button, count: counts[button.value] }))}
        selected={filters.status}
        onSelect={(status) => set({ status })}
      />

      <div className="toolbar" role="search">
        <SearchField
          id="deadlines-search"
          placeholder="Sök barn, hem, bevakning eller handläggare…"
          value={filters.query}
          onChange={(query) => set({ query })}
        />
        <FilterSelect
          id="deadlines-caseworker"
          label="Handläggare"
          value={filters.caseworker}
          options={caseworkers}
          onChange={(caseworker) => set({ caseworker })}
        />
        <FilterSelect
          id="deadlines-unit"
          label="Enhet"
          value={filters.unit}
          options={units}
          onChange={(unit) => set({ unit })}
        />
        <FilterSelect
          id="deadlines-rule"
          label="Regel"
          wide
          value={filters.rule}
          options={rules.map((rule) => ({ value: rule, label: ruleLabels[rule] }))}
          onChange={(rule) => set({ rule })}
        />
        {filtered && (
          <button
            type="button"
            className="button button--quiet toolbar__reset"
            onClick={() => set({ caseworker: '', unit: '', rule: '', query: '' })}
          >
            Rensa filter
          </button>
        )}
        <ExportMenu disabled={page.total === 0} request={() => ({ list: 'deadlines', filter: { date: today, ...question, sort } })} />
      </div>

      {listError !== null && (
        <div className="list-error" role="alert">
          <p>Bevakningarna kunde inte hämtas på nytt. {listError}</p>
          <button type="button" className="button" onClick={() => setRetries((n) => n + 1)}>Försök igen</button>
        </div>
      )}
      <p className="result-count" aria-live="polite">
        {shownText(page.total - page.rechecks, page.rechecks)}
      </p>
      <DeadlinesGrid
        rows={page.rows}
        sort={sort}
        onSort={setSort}
        pageKey={pageKey}
        today={today}
        labelledBy="deadlines-title"
        onOpen={(row: DeadlineRow) => {
          // A re-check is recorded on the home (Registrera kontroll), not as an event of a placement.
          // A lex Sarah report's anmälan till IVO is recorded on the report itself.
          if (row.auditRoundId !== null) open.auditRound(row.auditRoundId);
          else if (row.deviationId !== null) open.deviation(row.deviationId);
          else if (row.satisfiedBy === null && row.homeId !== null) onOpenHome(row.homeId);
          else if (row.placementId !== null) onOpenPlacement(row.placementId);
          else if (row.homeId !== null) onOpenHome(row.homeId);
        }}
      />
      {page.total > DEADLINE_PAGE_SIZE && (
        <Pager
          label="Sidor i bevakningslistan"
          offset={offset}
          pageSize={DEADLINE_PAGE_SIZE}
          total={page.total}
          shown={{ offset: answered?.offset ?? 0, rows: page.rows.length }}
          onPage={toPage}
        />
      )}
      <p className="hint">
        Tips: tryck <kbd>Enter</kbd> på en rad för att öppna placeringen och registrera det som är gjort. En registerkontroll
        öppnar hemmet, där kontrollen registreras.
      </p>
    </section>
  );
}

/**
 * A name filter's choices: the names of the whole list in Swedish order (main's), then "Ingen
 * angiven" when a placement has none, plus the one chosen (so it stays shown when its rows are gone).
 */
function choices(names: DeadlineFilterChoices['caseworkers'], notGiven: boolean, chosen: string): { value: string; label: string }[] {
  const all = chosen && chosen !== NOT_GIVEN && !names.includes(chosen) ? [...names, chosen].sort(svCollator.compare) : names;
  return [
    ...all.map((name) => ({ value: name, label: name })),
    ...(notGiven || chosen === NOT_GIVEN ? [{ value: NOT_GIVEN, label: NOT_GIVEN_LABEL }] : []),
  ];
}

/** "12 bevakningar visas", and the re-checks shown with them, said not to be counted here. */
function shownText(deadlines: number, rechecks: number): string {
  const text = deadlines === 1 ? '1 bevakning visas' : `${deadlines} bevakningar visas`;
  if (rechecks === 0) return text;
  return `${text}, och ${rechecks} fortlöpande ${rechecks === 1 ? 'registerkontroll' : 'registerkontroller'} som räknas under Kontroller`;
}

/**
 * Nothing to watch. With an empty register the first step is a home, since every placement is
 * made in one (the placement form chooses it from the register); with homes, a placement.
 */
function EmptyState(props: Pick<Props, 'registerEmpty' | 'onGoToPlacements' | 'onNewHome' | 'onLoadDemo'>) {
  const [busy, setBusy] = useState(false);
  return (
    <section className="empty" aria-labelledby="empty-title">
      <h1 id="empty-title" className="empty__title">Inga öppna bevakningar</h1>
      <p className="empty__text">
        Här visas när övervägandena, barnsamtalen och planerna för de placerade barnen ska göras. Programmet räknar ut
        datumen när placeringarna finns inlagda
        {props.registerEmpty
          ? '. En placering görs alltid i ett hem, så börja med att lägga in hemmet i registret.'
          : ', och just nu finns inget att bevaka.'}
      </p>
      <div className="empty__actions">
        {props.registerEmpty ? (
          <button type="button" className="button button--primary" onClick={props.onNewHome}>Nytt hem</button>
        ) : (
          <button type="button" className="button button--primary" onClick={props.onGoToPlacements}>Gå till Placeringar</button>
        )}
        {props.registerEmpty && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void props.onLoadDemo().finally(() => setBusy(false));
            }}
          >
            {busy ? 'Laddar exempeldata…' : 'Ladda exempeldata'}
          </button>
        )}
      </div>
      {props.registerEmpty && (
        <p className="empty__note">
          Vill du först prova programmet? Exempeldatan består av påhittade hem, barn och placeringar och är bara till
          för att prova programmet. Lägg inte in riktiga uppgifter bland dem.
        </p>
      )}
    </section>
  );
}
