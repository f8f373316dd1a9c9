import { useEffect, useMemo, useState } from 'react';
import type { DeadlineRow, DeadlineStatus } from '../../../preload/api';
import { api } from '../bridge/api';
import { useLeadDays, useLoaded } from '../components/useLoaded';
import { FilterSelect } from '../components/FilterSelect';
import { SearchField } from '../components/SearchField';
import { StatusCards } from '../components/StatusCards';
import { ruleLabels, svCollator } from '../labels';
import { longDate } from '../today';
import { DeadlinesGrid } from './DeadlinesGrid';
import { deadlineTitle } from './rowTitle';

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

/**
 * The filters outlive the page: a case worker who opens a placement from a filtered list comes
 * back to the same list. Kept for this window only, never stored.
 */
let remembered: Filters = noFilters;


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

const fold = (text: string) => text.toLocaleLowerCase('sv');

/**
 * The choice of the handläggare and enhet filters for a placement that has none: without it such a
 * placement could only be found under "Alla". No name can be it: names are stored trimmed.
 */
const NOT_GIVEN = ' ';
const NOT_GIVEN_LABEL = 'Ingen angiven';

/** Whether a row has the handläggare or enhet (`name`) the filter asks for. A deadline of a home (no placement) has neither. */
function matchesName(row: DeadlineRow, names: readonly string[], filter: string): boolean {
  if (filter === '') return true;
  if (filter === NOT_GIVEN) return row.placementId !== null && names.length === 0;
  return names.includes(filter);
}

export function DeadlinesPage(props: Props) {
  const { today, version, registerEmpty, onOpenPlacement, onOpenHome, onGoToPlacements, onNewHome, onLoadDemo } = props;
  const [filters, setFilters] = useState<Filters>(remembered);
  const [retries, setRetries] = useState(0);
  const requestKey = `${today}\u0000${version}\u0000${retries}`;
  const loaded = useLoaded(() => api.listDeadlines({ date: today }), requestKey);
  const leadDays = useLeadDays(version);

  useEffect(() => {
    remembered = filters;
  }, [filters]);

  const rows = useMemo(() => loaded?.value?.rows ?? [], [loaded]);
  const set = (change: Partial<Filters>) => setFilters((old) => ({ ...old, ...change }));

  // The choices come from the rows, plus the one chosen (so it stays shown when its rows are gone).
  // A home's row (a re-check) can belong to several: the handläggare of each child living there.
  const caseworkers = useMemo(() => choices(rows, (row) => row.caseworkers, filters.caseworker), [rows, filters.caseworker]);
  const units = useMemo(() => choices(rows, (row) => row.units, filters.unit), [rows, filters.unit]);
  const rules = useMemo(() => {
    const present = new Set<RowRule>(rows.map((row) => row.rule));
    if (filters.rule) present.add(filters.rule);
    return [...present].sort((a, b) => svCollator.compare(ruleLabels[a], ruleLabels[b]));
  }, [rows, filters.rule]);

  // Every filter but the status: the counts on the status buttons say what each would show.
  const matching = useMemo(() => {
    const query = fold(filters.query.trim());
    return rows.filter(
      (row) =>
        matchesName(row, row.caseworkers, filters.caseworker) &&
        matchesName(row, row.units, filters.unit) &&
        (filters.rule === '' || row.rule === filters.rule) &&
        (query === '' ||
          [row.childLabel, row.homeName, deadlineTitle(row), row.caseworker, row.personName].some(
            (text) => text !== null && fold(text).includes(query),
          )),
    );
  }, [rows, filters]);
  const shown = useMemo(
    () => (filters.status === 'all' ? matching : matching.filter((row) => row.status === filters.status)),
    [matching, filters.status],
  );
  // The cards count the deadlines, as the menu's badge does. The re-checks are listed beside them
  // as reminders, but they are checks: Kontroller counts them, so no number counts one twice.
  const counts = useMemo(() => {
    const result: Record<StatusFilter, number> = { all: 0, overdue: 0, 'due-soon': 0, upcoming: 0 };
    for (const row of matching) {
      if (isRecheck(row)) continue;
      result[row.status] += 1;
      result.all += 1;
    }
    return result;
  }, [matching]);
  const shownRechecks = shown.filter(isRecheck).length;

  if (loaded === null) {
    return <p className="page-message" role="status">Hämtar bevakningar…</p>;
  }
  if (loaded.error !== null && loaded.value === null) {
    return (
      <div className="page-message page-message--error" role="alert">
        <p>Bevakningarna kunde inte hämtas. {loaded.error}</p>
        <button type="button" className="button" onClick={() => setRetries((n) => n + 1)}>Försök igen</button>
      </div>
    );
  }
  if (rows.length === 0) {
    return <EmptyState registerEmpty={registerEmpty} onGoToPlacements={onGoToPlacements} onNewHome={onNewHome} onLoadDemo={onLoadDemo} />;
  }

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
      </div>

      {loaded.error !== null && (
        <div className="list-error" role="alert">
          <p>Bevakningarna kunde inte hämtas på nytt. {loaded.error}</p>
          <button type="button" className="button" onClick={() => setRetries((n) => n + 1)}>Försök igen</button>
        </div>
      )}
      <p className="result-count" aria-live="polite">
        {shownText(shown.length - shownRechecks, shownRechecks)}
      </p>
      <DeadlinesGrid
        rows={shown}
        today={today}
        labelledBy="deadlines-title"
        onOpen={(row: DeadlineRow) => {
          // A re-check is recorded on the home (Registrera kontroll), not as an event of a placement.
          if (row.satisfiedBy === null && row.homeId !== null) onOpenHome(row.homeId);
          else if (row.placementId !== null) onOpenPlacement(row.placementId);
          else if (row.homeId !== null) onOpenHome(row.homeId);
        }}
      />
      <p className="hint">
        Tips: tryck <kbd>Enter</kbd> på en rad för att öppna placeringen och registrera det som är gjort. En registerkontroll
        öppnar hemmet, där kontrollen registreras.
      </p>
    </section>
  );
}

/**
 * A name filter's choices: the names of the rows in Swedish order, then "Ingen angiven" when a
 * placement has none, plus the one chosen (so it stays shown when its rows are gone).
 */
function choices(rows: readonly DeadlineRow[], namesOf: (row: DeadlineRow) => readonly string[], chosen: string): { value: string; label: string }[] {
  const names = new Set<string>();
  let notGiven = chosen === NOT_GIVEN;
  for (const row of rows) {
    const rowNames = namesOf(row);
    for (const name of rowNames) names.add(name);
    if (rowNames.length === 0 && row.placementId !== null) notGiven = true;
  }
  if (chosen && chosen !== NOT_GIVEN) names.add(chosen);
  return [
    ...[...names].sort(svCollator.compare).map((name) => ({ value: name, label: name })),
    ...(notGiven ? [{ value: NOT_GIVEN, label: NOT_GIVEN_LABEL }] : []),
  ];
}

const isRecheck = (row: DeadlineRow) => row.rule === 'registerkontroll-fortlopande';

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
