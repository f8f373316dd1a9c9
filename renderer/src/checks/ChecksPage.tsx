import { useEffect, useMemo, useState } from 'react';
import type { CheckListRow } from '../../../preload/api';
import { api } from '../bridge/api';
import { useLeadDays, useLoaded } from '../components/useLoaded';
import { FilterSelect } from '../components/FilterSelect';
import { SearchField } from '../components/SearchField';
import { StatusCards } from '../components/StatusCards';
import { ruleLabels } from '../labels';
import { longDate } from '../today';
import { ChecksGrid } from './ChecksGrid';
import { allStatuses, isDueSoon, needsAction, statusLabel } from './status';
import type { CheckStatus } from './status';

/** The cards: what to act on (the nav badge's numbers), re-checks due soon, and everything incl. ended placements. */
type Show = 'action' | 'due-soon' | 'all';
type CheckKind = CheckListRow['check'];

interface Filters {
  show: Show;
  check: CheckKind | '';
  status: CheckStatus | '';
  query: string;
}

const noFilters: Filters = { show: 'action', check: '', status: '', query: '' };
const checkKinds: CheckKind[] = ['registerkontroll', 'ivo-tillstand', 'registerkontroll-fortlopande'];

/** Kept while the window is open, as in the bevakningslista: back from a placement, the list is as it was. */
let remembered: Filters = noFilters;


interface Props {
  today: string;
  /** Changes whenever something was saved, so the list is fetched again. */
  version: number;
  onOpenPlacement: (placementId: string) => void;
  onOpenHome: (homeId: string) => void;
}

const fold = (text: string) => text.toLocaleLowerCase('sv');

/**
 * Every register check and IVO permit check of the stays, and the re-checks of foster-home adults
 * while a child lives there: what is to be acted on first, each opening where it is put right.
 */
export function ChecksPage({ today, version, onOpenPlacement, onOpenHome }: Props) {
  const [filters, setFilters] = useState<Filters>(remembered);
  const [retries, setRetries] = useState(0);
  const requestKey = `${today}\u0000${version}\u0000${retries}`;
  const loaded = useLoaded(() => api.listChecks({ date: today }), requestKey);
  const leadDays = useLeadDays(version);

  useEffect(() => {
    remembered = filters;
  }, [filters]);

  const rows = useMemo(() => loaded?.value?.rows ?? [], [loaded]);
  const set = (change: Partial<Filters>) => setFilters((old) => ({ ...old, ...change }));

  // Every filter but "Visa": the counts on its buttons say what each would show.
  const matching = useMemo(() => {
    const query = fold(filters.query.trim());
    return rows.filter(
      (row) =>
        (filters.check === '' || row.check === filters.check) &&
        (filters.status === '' || row.status === filters.status) &&
        (query === '' ||
          [row.homeName, row.personName, row.childLabel, row.explanation].some((text) => text !== null && fold(text).includes(query))),
    );
  }, [rows, filters]);
  const toAct = useMemo(() => matching.filter(needsAction), [matching]);
  const dueSoon = useMemo(() => matching.filter(isDueSoon), [matching]);
  const shown = filters.show === 'action' ? toAct : filters.show === 'due-soon' ? dueSoon : matching;
  // The statuses that occur, plus the one chosen (so it stays shown when its rows are gone).
  const statuses = useMemo(() => {
    const present = new Set<CheckStatus>(rows.map((row) => row.status));
    if (filters.status) present.add(filters.status);
    return allStatuses.filter((status) => present.has(status));
  }, [rows, filters.status]);

  if (loaded === null) return <p className="page-message" role="status">Hämtar kontroller…</p>;
  if (loaded.error !== null && loaded.value === null) {
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

      {rows.length === 0 ? (
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
                count: toAct.length,
                tone: 'overdue',
              },
              {
                value: 'due-soon',
                label: 'Snart',
                detail: leadDays === null ? undefined : `inom ${leadDays} dagar`,
                count: dueSoon.length,
              },
              { value: 'all', label: 'Alla', detail: 'även avslutade', count: matching.length },
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
          </div>

          {loaded.error !== null && (
            <div className="list-error" role="alert">
              <p>Kontrollerna kunde inte hämtas på nytt. {loaded.error}</p>
              <button type="button" className="button" onClick={() => setRetries((n) => n + 1)}>Försök igen</button>
            </div>
          )}
          <p className="result-count" aria-live="polite">
            {shown.length === 1 ? '1 kontroll visas' : `${shown.length} kontroller visas`}
          </p>
          <ChecksGrid rows={shown} today={today} labelledBy="checks-title" onOpen={open} />
          <p className="hint">
            Tips: tryck <kbd>Enter</kbd> på en rad. En kontroll före beslut öppnar placeringen; en fortlöpande registerkontroll
            öppnar hemmet, där kontrollen registreras.
          </p>
        </>
      )}
    </section>
  );
}
