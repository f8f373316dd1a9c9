import { useEffect, useMemo, useRef, useState } from 'react';
import { accessLogActions, type AccessLogAction, type AccessLogPage, type AccessLogQuery, type AccessLogRow, type AccessLogStatus } from '../../../preload/api';
import { api } from '../bridge/api';
import { DateInput } from '../components/DateInput';
import { dateProblem } from '../components/dateText';
import { FilterSelect } from '../components/FilterSelect';
import { Pager, swedishNumber } from '../components/Pager';
import { downloadBlob } from '../components/downloadFile';
import { useMainPage, type PageOf } from '../components/useMainPage';
import { useDebounced } from '../register/useDebounced';
import { actionLabel, actionLabels, channelLabel, logCsv, logTime, whatText } from './logText';

/** Rows a page; the export asks for the most the contract allows at once. */
const PAGE_SIZE = 100;
const EXPORT_BATCH = 500;

interface Filters {
  action: AccessLogAction | '';
  userId: string;
  /** The child's id as typed, or as taken from a row's Barn. */
  childId: string;
  /** The home's id as typed, or as taken from a row's Hem. */
  homeId: string;
  from: string;
  to: string;
}

const noFilters: Filters = { action: '', userId: '', childId: '', homeId: '', from: '', to: '' };

/**
 * Kept while the window is open, as the other lists: back from a placement the log is as it was.
 * `users`: every user seen in an answer, for the Användare filter (the user list itself is the
 * administratör's; an enhetschef chooses among those who are in the log).
 */
let remembered: { filters: Filters; pageOf: PageOf | null; users: [string, string][] } = {
  filters: noFilters,
  pageOf: null,
  users: [],
};

/** A typed date the question can use: a right one, or none (the field says what is wrong). */
const usableDate = (text: string): string | undefined => (text.trim() !== '' && dateProblem(text) === null ? text.trim() : undefined);

type Question = Omit<AccessLogQuery, 'offset' | 'limit'>;

function questionOf(filters: Filters, childId: string, homeId: string): { question: Question; rangeProblem: boolean } {
  const from = usableDate(filters.from);
  const to = usableDate(filters.to);
  const rangeProblem = from !== undefined && to !== undefined && from > to;
  const child = childId.trim().slice(0, 100);
  const home = homeId.trim().slice(0, 100);
  return {
    question: {
      action: filters.action === '' ? undefined : filters.action,
      userId: filters.userId === '' ? undefined : filters.userId,
      childId: child === '' ? undefined : child,
      homeId: home === '' ? undefined : home,
      from,
      // A period that ends before it starts is told at Till and not asked for.
      to: rangeProblem ? undefined : to,
    },
    rangeProblem,
  };
}


type Verification = { state: 'idle' } | { state: 'busy' } | { state: 'done'; status: AccessLogStatus } | { state: 'error'; message: string };

type Export = { state: 'idle' } | { state: 'busy'; fetched: number; total: number | null } | { state: 'done'; rows: number; file: string } | { state: 'error'; message: string };

interface Props {
  /** For the export's file name. */
  today: string;
}

/**
 * Logg (enhetschef): who opened a child's file, what a user did in a period, by person, child,
 * action and period; the filtered entries as a CSV file; and whether the log's chain is intact.
 * Main filters and pages the log (listAccessLog), newest first.
 */
export function LogPage({ today }: Props) {
  const [filters, setFilters] = useState<Filters>(remembered.filters);
  const [users, setUsers] = useState<Map<string, string>>(() => new Map(remembered.users));
  const [retries, setRetries] = useState(0);
  // Whoever appears in an answer can be chosen under Användare.
  const learnUsers = (rows: readonly AccessLogRow[]) =>
    setUsers((known) => {
      const fresh = rows.filter((row) => row.userId !== null && known.get(row.userId) !== row.userName);
      if (fresh.length === 0) return known;
      const next = new Map(known);
      for (const row of fresh) next.set(row.userId as string, row.userName);
      return next;
    });
  const [verification, setVerification] = useState<Verification>({ state: 'idle' });
  const [exported, setExported] = useState<Export>({ state: 'idle' });
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  // The child's id is typed: one question when the typing stops, not one per key.
  const childId = useDebounced(filters.childId, 300);
  const homeId = useDebounced(filters.homeId, 300);
  const { question, rangeProblem } = useMemo(() => questionOf(filters, childId, homeId), [filters, childId, homeId]);
  const { loaded, answered, offset, pageOf, toPage } = useMainPage<AccessLogPage>({
    list: JSON.stringify(question),
    reload: String(retries),
    pageSize: PAGE_SIZE,
    initial: remembered.pageOf,
    ask: (offset) =>
      api.listAccessLog({ ...question, offset, limit: PAGE_SIZE }).then((result) => {
        if (result.ok) learnUsers(result.value.rows);
        return result;
      }),
  });
  const page = answered?.page ?? null;

  useEffect(() => {
    remembered = { filters, pageOf, users: [...users] };
  }, [filters, pageOf, users]);

  const set = (change: Partial<Filters>) => setFilters((old) => ({ ...old, ...change }));
  const filtered = Object.entries(filters).some(([, value]) => value !== '');
  const userOptions = useMemo(
    () => [...users].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'sv')),
    [users],
  );

  const verify = async () => {
    setVerification({ state: 'busy' });
    const result = await api.verifyAccessLog({});
    if (!alive.current) return;
    setVerification(result.ok ? { state: 'done', status: result.value } : { state: 'error', message: result.error.message });
  };

  const exportCsv = async () => {
    const rows: AccessLogRow[] = [];
    const seen = new Set<number>();
    setExported({ state: 'busy', fetched: 0, total: null });
    for (let from = 0; ; from += EXPORT_BATCH) {
      const result = await api.listAccessLog({ ...question, offset: from, limit: EXPORT_BATCH });
      if (!alive.current) return;
      if (!result.ok) {
        setExported({ state: 'error', message: result.error.message });
        return;
      }
      // Entries written meanwhile push the older ones on a page: one seen twice is kept once.
      for (const row of result.value.rows) {
        if (seen.has(row.seq)) continue;
        seen.add(row.seq);
        rows.push(row);
      }
      if (result.value.rows.length < EXPORT_BATCH) break;
      setExported({ state: 'busy', fetched: rows.length, total: result.value.capped ? null : result.value.total });
    }
    const file = `logg-${today}.csv`;
    downloadBlob(new Blob([logCsv(rows)], { type: 'text/csv;charset=utf-8' }), file);
    setExported({ state: 'done', rows: rows.length, file });
  };

  if (loaded === null) return <p className="page-message" role="status">Hämtar loggen…</p>;
  if (page === null) {
    return (
      <div className="page-message page-message--error" role="alert">
        <p>Loggen kunde inte hämtas. {loaded.error}</p>
        <div className="page-message__actions">
          <button type="button" className="button" onClick={() => setRetries((n) => n + 1)}>Försök igen</button>
        </div>
      </div>
    );
  }

  const shownOffset = answered?.offset ?? 0;
  const exporting = exported.state === 'busy';
  return (
    <section className="log" aria-labelledby="log-title">
      <div className="register__head">
        <div>
          <h1 id="log-title" className="page-title">Logg</h1>
          <p className="page-lead">
            Vem som har läst eller ändrat vad, och när: varje öppnad akt, varje ändring, inloggning och nekad åtgärd. Loggen kan
            inte ändras i efterhand utan att det syns när den verifieras.
          </p>
        </div>
        <div className="log__actions">
          <button type="button" className="button" disabled={verification.state === 'busy'} onClick={() => void verify()}>
            {verification.state === 'busy' ? 'Verifierar…' : 'Verifiera loggen'}
          </button>
          <button type="button" className="button" disabled={exporting || page.total === 0} onClick={() => void exportCsv()}>
            Exportera CSV
          </button>
        </div>
      </div>

      {/* Always in the page, so screen readers hear what comes into them. */}
      <div role="status" className="log__statuses">
        {verification.state === 'done' && (
          <p className={verification.status.intact ? 'log__status log__status--ok' : 'log__status log__status--bad'}>
            {verification.status.intact ? '' : 'Loggen är inte hel. '}
            {verification.status.message}
          </p>
        )}
        {verification.state === 'error' && (
          <div className="list-error">
            <p>Loggen kunde inte verifieras. {verification.message}</p>
            <button type="button" className="button" onClick={() => void verify()}>Försök igen</button>
          </div>
        )}
        {exported.state === 'busy' && (
          <p className="log__progress">
            Hämtar poster till exporten… {swedishNumber(exported.fetched)}
            {exported.total === null ? ' hittills' : ` av ${swedishNumber(exported.total)}`}
          </p>
        )}
        {exported.state === 'done' && (
          <p className="log__progress">
            {exported.rows === 1 ? '1 post' : `${swedishNumber(exported.rows)} poster`} har exporterats till {exported.file}.
          </p>
        )}
        {exported.state === 'error' && (
          <div className="list-error">
            <p>Exporten kunde inte göras. {exported.message}</p>
            <button type="button" className="button" onClick={() => void exportCsv()}>Försök igen</button>
          </div>
        )}
      </div>

      <div className="toolbar" role="search" aria-label="Filtrera loggen">
        <FilterSelect
          id="log-action"
          label="Händelse"
          value={filters.action}
          options={accessLogActions.map((action) => ({ value: action, label: actionLabels[action] }))}
          onChange={(action) => set({ action })}
        />
        <FilterSelect id="log-user" label="Användare" value={filters.userId} options={userOptions} onChange={(userId) => set({ userId })} />
        <div className="field">
          <label htmlFor="log-child">Barn</label>
          <input
            id="log-child"
            className="input"
            placeholder="Barnets id"
            autoComplete="off"
            maxLength={100}
            value={filters.childId}
            onChange={(event) => set({ childId: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="log-home">Hem</label>
          <input
            id="log-home"
            className="input"
            placeholder="Hemmets id"
            autoComplete="off"
            maxLength={100}
            value={filters.homeId}
            onChange={(event) => set({ homeId: event.target.value })}
          />
        </div>
        <div className="field field--date">
          <label htmlFor="log-from">Från</label>
          <DateInput id="log-from" value={filters.from} onChange={(from) => set({ from })} />
        </div>
        <div className={rangeProblem ? 'field field--date field--invalid' : 'field field--date'}>
          <label htmlFor="log-to">Till</label>
          <DateInput
            id="log-to"
            value={filters.to}
            onChange={(to) => set({ to })}
            {...(rangeProblem ? { 'aria-invalid': true as const, 'aria-describedby': 'log-to-error' } : {})}
          />
          {rangeProblem && <p id="log-to-error" className="field__error">Till-datumet är före från-datumet.</p>}
        </div>
        {filtered && (
          <button type="button" className="button button--quiet toolbar__reset" onClick={() => setFilters(noFilters)}>
            Rensa filter
          </button>
        )}
      </div>

      {loaded.error !== null && (
        <div className="list-error" role="alert">
          <p>Loggen kunde inte hämtas på nytt. {loaded.error}</p>
          <button type="button" className="button" onClick={() => setRetries((n) => n + 1)}>Försök igen</button>
        </div>
      )}

      {page.total === 0 ? (
        <div className="log__empty">
          <p>Inga poster matchar filtren.</p>
          {filtered && (
            <button type="button" className="button" onClick={() => setFilters(noFilters)}>Rensa filter</button>
          )}
        </div>
      ) : (
        <>
          <p className="result-count" aria-live="polite">
            {page.capped ? `Fler än ${swedishNumber(page.total)} poster` : page.total === 1 ? '1 post' : `${swedishNumber(page.total)} poster`}
          </p>
          <div className="log__table-wrap">
            <table className="log__table">
              <caption className="visually-hidden">Loggposter, de senaste först</caption>
              <thead>
                <tr>
                  <th scope="col">Tid</th>
                  <th scope="col">Användare</th>
                  <th scope="col">Händelse</th>
                  <th scope="col">Vad</th>
                  <th scope="col">Barn</th>
                  <th scope="col">Hem</th>
                  <th scope="col">Var i programmet</th>
                </tr>
              </thead>
              <tbody>
                {page.rows.map((row) => (
                  <tr key={row.seq}>
                    <td className="log__time"><time dateTime={row.at}>{logTime(row.at)}</time></td>
                    <td>{row.userName}</td>
                    <td>{actionLabel(row.action)}</td>
                    <td className="log__id">{whatText(row) || <span className="muted">–</span>}</td>
                    <td className="log__id">
                      <FilterLink id={row.childId} what="barn" title="Visa bara poster om det här barnet" onFilter={(childId) => set({ childId })} />
                    </td>
                    <td className="log__id">
                      <FilterLink id={row.homeId} what="hem" title="Visa bara poster om det här hemmet" onFilter={(homeId) => set({ homeId })} />
                    </td>
                    <td>{channelLabel(row.channel)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {page.total > PAGE_SIZE && (
            <Pager
              label="Sidor i loggen"
              offset={offset}
              pageSize={PAGE_SIZE}
              total={page.total}
              totalText={page.capped ? `fler än ${swedishNumber(page.total)}` : undefined}
              shown={{ offset: shownOffset, rows: page.rows.length }}
              onPage={toPage}
            />
          )}
        </>
      )}
    </section>
  );
}

/** A child's or home's id in a row: a click narrows the log to it ("Visa bara barn EXEMPEL-C01"). */
function FilterLink({ id, what, title, onFilter }: { id: string | null; what: string; title: string; onFilter: (id: string) => void }) {
  if (id === null) return <span className="muted">–</span>;
  return (
    <button type="button" className="log__filter-link" title={title} aria-label={`Visa bara ${what} ${id}`} onClick={() => onFilter(id)}>
      {id}
    </button>
  );
}
