import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MouseEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { deviationKinds, deviationStatuses } from '../../../preload/api';
import type { Deviation, DeviationCounts, DeviationKind, DeviationPage, DeviationPageInput, DeviationStatus } from '../../../preload/api';
import { api } from '../bridge/api';
import type { ConfirmOptions } from '../components/ConfirmDialog';
import { ExportMenu } from '../components/ExportMenu';
import { FilterSelect } from '../components/FilterSelect';
import { LegalRef } from '../components/LegalRef';
import { Pager, swedishNumber } from '../components/Pager';
import { SearchField } from '../components/SearchField';
import { useMainPage, type PageOf } from '../components/useMainPage';
import { deadlineStatusLabels, deviationCategoryLabel, deviationKindLabels, deviationStatusLabels, severityLabels } from '../labels';
import { useDebounced } from '../register/useDebounced';
import { useOpen, useOpenedFrom } from '../routing/links';
import { paths } from '../routing/paths';
import { DeviationPanel } from './DeviationPanel';
import { NewDeviationDialog } from './NewDeviationDialog';
import './deviations.css';

export interface DeviationsPageProps {
  /** The deviation shown open, from the address. */
  deviationId: string | null;
  today: string;
  version: number;
  notify: (message: string) => void;
  confirm: (options: ConfirmOptions) => Promise<boolean>;
  onChanged: () => void;
}

type StatusFilter = DeviationStatus | 'ej-avslutad';

interface Filters {
  /** '' for every status. */
  status: StatusFilter | '';
  kind: DeviationKind | '';
  query: string;
}

/** What is still to be done is what a case worker comes for: the open ones first. */
const firstFilters: Filters = { status: 'ej-avslutad', kind: '', query: '' };

const PAGE_SIZE = 50;
/** The longest quick search the contract takes. */
const QUERY_MAX = 200;

/** Kept while the window is open, as the other lists: back from a placement the list is as it was. */
let remembered: { filters: Filters; pageOf: PageOf | null } = { filters: firstFilters, pageOf: null };

const statusOptions: { value: StatusFilter; label: string }[] = [
  { value: 'ej-avslutad', label: 'Ej avslutade' },
  ...deviationStatuses.map((value) => ({ value, label: deviationStatusLabels[value] })),
];
const kindOptions = deviationKinds.map((value) => ({ value, label: deviationKindLabels[value] }));

const listPath = paths.section('avvikelser');

function questionOf(filters: Filters, query: string): Omit<DeviationPageInput, 'date' | 'offset' | 'limit'> {
  const text = query.trim().slice(0, QUERY_MAX);
  return {
    status: filters.status === '' ? undefined : filters.status,
    kind: filters.kind === '' ? undefined : filters.kind,
    query: text === '' ? undefined : text,
  };
}

/**
 * Avvikelser: every deviation and lex Sarah report, the open ones first, with how many wait for
 * what and which anmälningar till IVO are due or late. A row opens the deviation beside the list
 * (`/avvikelser/<id>`), where its steps are recorded. Main filters and pages the list.
 */
export function DeviationsPage({ deviationId, today, version, notify, onChanged }: DeviationsPageProps) {
  const [filters, setFilters] = useState<Filters>(remembered.filters);
  const [retries, setRetries] = useState(0);
  const [creating, setCreating] = useState(false);
  const query = useDebounced(filters.query, 250);
  const question = useMemo(() => questionOf(filters, query), [filters, query]);
  const { loaded, answered, offset, pageOf, toPage } = useMainPage<DeviationPage>({
    list: JSON.stringify([today, question]),
    reload: `${version}\u0000${retries}`,
    pageSize: PAGE_SIZE,
    initial: remembered.pageOf,
    ask: (offset) => api.listDeviationPage({ date: today, ...question, offset, limit: PAGE_SIZE }),
  });
  const page = answered?.page ?? null;

  useEffect(() => {
    remembered = { filters, pageOf };
  }, [filters, pageOf]);

  const open = useOpen();
  const opened = useOpenedFrom();
  const navigate = useNavigate();
  const location = useLocation();
  /** The row that opened the panel: closing it goes back there. */
  const openerRef = useRef<HTMLElement | null>(null);

  /** From the list alone a new history entry (Back closes the panel); from one deviation to the next it replaces it. */
  const show = useCallback(
    (id: string) => {
      if (deviationId === null) {
        const active = document.activeElement;
        // A row, not the page itself (a save's button may have given focus up to the body).
        openerRef.current = active instanceof HTMLElement && active !== document.body ? active : null;
        open.deviation(id);
      } else if (id !== deviationId) {
        void navigate(paths.deviation(id), { replace: true, state: location.state });
      }
    },
    [deviationId, open, navigate, location.state],
  );

  /** A step back when the panel was opened from the list, else the list in its place. */
  const close = useCallback(() => {
    if (opened?.from === listPath) void navigate(-1);
    else void navigate(listPath, { replace: true });
  }, [navigate, opened]);

  // Esc closes the panel, unless a dialog or a form being filled in has it.
  useEffect(() => {
    if (deviationId === null) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('dialog[open]')) return;
      if ((event.target as HTMLElement | null)?.closest('form')) return;
      event.preventDefault();
      close();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [deviationId, close]);

  // The panel closed: go on from what opened it, else from the row of the deviation it showed.
  const shownId = useRef(deviationId);
  useEffect(() => {
    const closed = shownId.current;
    shownId.current = deviationId;
    if (closed === null || deviationId !== null) return;
    const opener = openerRef.current;
    openerRef.current = null;
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active && active !== document.body && !active.closest('.app-nav')) return;
      const rowLink = document.querySelector<HTMLElement>(`.deviations__open[data-id="${CSS.escape(closed)}"]`);
      (opener?.isConnected ? opener : rowLink)?.focus();
    });
  }, [deviationId]);

  const set = (change: Partial<Filters>) => setFilters((old) => ({ ...old, ...change }));
  const filtered = filters.status !== firstFilters.status || filters.kind !== '' || filters.query !== '';

  const panel = deviationId !== null && (
    <DeviationPanel key={deviationId} deviationId={deviationId} today={today} version={version} onClose={close} onChanged={onChanged} notify={notify} />
  );
  const dialog = creating && (
    <NewDeviationDialog
      today={today}
      onClose={() => setCreating(false)}
      onSaved={(deviation) => {
        setCreating(false);
        notify(deviation.kind === 'lex-sarah' ? 'Lex Sarah-rapporten har registrerats.' : 'Avvikelsen har registrerats.');
        onChanged();
        show(deviation.id);
      }}
    />
  );

  if (loaded === null) return <p className="page-message" role="status">Hämtar avvikelser…</p>;
  if (page === null) {
    return (
      <div className="page-message page-message--error" role="alert">
        <p>Avvikelserna kunde inte hämtas. {loaded.error}</p>
        <div className="page-message__actions">
          <button type="button" className="button" onClick={() => setRetries((n) => n + 1)}>Försök igen</button>
        </div>
      </div>
    );
  }

  // The counts are of every status and search, but of the kind chosen: only without one is "none" the register's.
  const none = filters.kind === '' && page.counts.open + page.counts.byStatus.avslutad === 0;
  return (
    <>
      <section className="deviations" aria-labelledby="deviations-title">
        <div className="register__head">
          <div>
            <h1 id="deviations-title" className="page-title">Avvikelser</h1>
            <p className="page-lead">
              Avvikelser och lex Sarah-rapporter om hem och placeringar: vad som har gjorts, och vilka som väntar på anmälan till IVO.
            </p>
          </div>
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>Ny avvikelse</button>
        </div>

        {none ? (
          <div className="placements__none deviations__none">
            <p className="deviations__none-title">Inga avvikelser är registrerade.</p>
            <p className="muted">
              En avvikelse eller lex Sarah-rapport registreras här, på placeringen eller på hemmet. Den följs sedan steg för steg tills den
              är avslutad.
            </p>
          </div>
        ) : (
          <>
            <CountCards counts={page.counts} status={filters.status} onStatus={(status) => set({ status })} />

            <div className="toolbar" role="search" aria-label="Filtrera avvikelserna">
              <SearchField id="deviations-search" placeholder="Sök hem, barn eller text…" value={filters.query} onChange={(text) => set({ query: text })} />
              <FilterSelect id="deviations-status" label="Status" value={filters.status} options={statusOptions} onChange={(status) => set({ status })} />
              <FilterSelect id="deviations-kind" label="Slag" value={filters.kind} options={kindOptions} onChange={(kind) => set({ kind })} />
              {filtered && (
                <button type="button" className="button button--quiet toolbar__reset" onClick={() => setFilters(firstFilters)}>
                  Återställ filter
                </button>
              )}
              <ExportMenu disabled={page.total === 0} request={() => ({ list: 'deviations', filter: { date: today, ...question } })} />
            </div>

            {loaded.error !== null && (
              <div className="list-error" role="alert">
                <p>Avvikelserna kunde inte hämtas på nytt. {loaded.error}</p>
                <button type="button" className="button" onClick={() => setRetries((n) => n + 1)}>Försök igen</button>
              </div>
            )}

            <p className="result-count" aria-live="polite">
              {page.total === 1 ? '1 avvikelse visas' : `${swedishNumber(page.total)} avvikelser visas`}
            </p>
            {page.total === 0 ? (
              <div className="placements__none">
                <p>{filters.status === 'ej-avslutad' && !filters.kind && !filters.query ? 'Alla avvikelser är avslutade.' : 'Inga avvikelser matchar filtren.'}</p>
                <button type="button" className="button" onClick={() => setFilters({ ...firstFilters, status: '' })}>Visa alla avvikelser</button>
              </div>
            ) : (
              <DeviationTable rows={page.rows} openId={deviationId} today={today} onOpen={show} />
            )}
            {page.total > PAGE_SIZE && (
              <Pager
                label="Sidor i listan över avvikelser"
                offset={offset}
                pageSize={PAGE_SIZE}
                total={page.total}
                shown={{ offset: answered?.offset ?? 0, rows: page.rows.length }}
                onPage={toPage}
              />
            )}
          </>
        )}
      </section>
      {panel}
      {dialog}
    </>
  );
}

/**
 * How many wait for what. "Öppna" and "Under utredning" are also the list's status filter; the
 * anmälningar till IVO are counts only (the rows show which ones).
 */
function CountCards({ counts, status, onStatus }: { counts: DeviationCounts; status: StatusFilter | ''; onStatus: (status: StatusFilter) => void }) {
  return (
    <div className="status-filter deviation-counts">
      <div className="deviation-counts__group" role="group" aria-label="Visa avvikelser">
        <button
          type="button"
          className="status-filter__button status-filter__button--all"
          aria-pressed={status === 'ej-avslutad'}
          onClick={() => onStatus('ej-avslutad')}
        >
          <span className="status-filter__count">{counts.open}</span>
          <span className="status-filter__label">
            Öppna<span className="status-filter__detail"> (ej avslutade)</span>
          </span>
        </button>
        <button
          type="button"
          className="status-filter__button status-filter__button--due-soon"
          aria-pressed={status === 'under-utredning'}
          onClick={() => onStatus('under-utredning')}
        >
          <span className="status-filter__count">{counts.byStatus['under-utredning']}</span>
          <span className="status-filter__label">Under utredning</span>
        </button>
      </div>
      <p className="status-filter__button deviation-counts__fact deviation-counts__fact--ivo">
        <span className="status-filter__count">{counts.ivoWaiting}</span>
        <span className="status-filter__label">Väntar på anmälan till IVO</span>
      </p>
      <p className={`status-filter__button deviation-counts__fact${counts.ivoOverdue > 0 ? ' status-filter__button--overdue' : ''}`}>
        <span className="status-filter__count">{counts.ivoOverdue}</span>
        <span className="status-filter__label">{counts.ivoOverdue === 1 ? 'Försenad anmälan' : 'Försenade anmälningar'}</span>
      </p>
    </div>
  );
}

/** The page of deviations: a row opens its deviation (the date is its link, for the keyboard). */
function DeviationTable({ rows, openId, today, onOpen }: { rows: Deviation[]; openId: string | null; today: string; onOpen: (id: string) => void }) {
  // A click anywhere on a row opens it, as in the app's other lists; the date is its link for the keyboard.
  const clickRow = (event: MouseEvent, id: string) => {
    if ((event.target as HTMLElement).closest('a, button')) return;
    onOpen(id);
  };
  const clickLink = (event: MouseEvent, id: string) => {
    // Opened by the page (a new entry or one replaced, see `show`), not by the link itself.
    event.preventDefault();
    onOpen(id);
  };
  return (
    <div className="deviations__table-wrap">
      <table className="deviations__table">
        <caption className="visually-hidden">Avvikelser, de öppna först</caption>
        <thead>
          <tr>
            <th scope="col">Datum</th>
            <th scope="col">Slag</th>
            <th scope="col">Kategori</th>
            <th scope="col">Allvarlighet</th>
            <th scope="col">Status</th>
            <th scope="col">Gäller</th>
            <th scope="col">Anmälan till IVO</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.id}
              className={row.id === openId ? 'deviations__row deviations__row--open' : 'deviations__row'}
              aria-current={row.id === openId ? 'true' : undefined}
              onClick={(event) => clickRow(event, row.id)}
            >
              <td className="deviations__date">
                <Link to={paths.deviation(row.id)} className="table-link deviations__open" data-id={row.id} onClick={(event) => clickLink(event, row.id)}>
                  {row.reportedOn}
                </Link>
              </td>
              <td className="deviations__nowrap">{deviationKindLabels[row.kind]}</td>
              <td>{row.category ? deviationCategoryLabel(row.category) : <span className="muted">–</span>}</td>
              <td className={row.severity === 'allvarlig' ? 'deviations__severe' : undefined}>{severityLabels[row.severity]}</td>
              <td>
                <span className={`badge deviation-status deviation-status--${row.status}`}>{deviationStatusLabels[row.status]}</span>
              </td>
              <td>
                <span className="deviations__target">
                  {row.homeName && <span className="deviations__home">{row.homeName}</span>}
                  {row.childLabel && <span className="deviations__child">{row.childLabel}</span>}
                </span>
              </td>
              <td>
                {row.ivoDeadline ? (
                  <span className="deviations__ivo">
                    <span>
                      Senast {row.ivoDeadline.dueOn}{' '}
                      <span className={`badge badge--deadline-${row.ivoDeadline.status}`}>{deadlineStatusLabels[row.ivoDeadline.status]}</span>
                    </span>
                    <LegalRef reference={row.ivoDeadline.legalRef} on={today} className="deviations__ref" />
                  </span>
                ) : row.reportedToIvo ? (
                  <span className="muted">Anmäld</span>
                ) : (
                  <span className="muted">–</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
