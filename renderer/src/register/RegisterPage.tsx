import { useEffect, useMemo, useState } from 'react';
import type { RefObject } from 'react';
import { homeKinds } from '../../../preload/api';
import type { HomeKind, HomeSearchResult, HomeStatusFilter } from '../../../preload/api';
import { api } from '../bridge/api';
import { ExportMenu } from '../components/ExportMenu';
import { FilterSelect } from '../components/FilterSelect';
import { SearchField } from '../components/SearchField';
import { kindLabels, svCollator } from '../labels';
import { settingsVersionText } from '../quality/qualityText';
import { useQualitySummaries } from '../quality/useQualitySummaries';
import { HomesGrid } from './HomesGrid';
import { useDebounced } from './useDebounced';

interface Loaded {
  /** Which request this answers; while it differs from the current one, a new list is on its way. */
  key: string;
  /** The search it answers ("" for the whole register). */
  search: string;
  result: HomeSearchResult;
  error: string | null;
}

const noResult: HomeSearchResult = { rows: [], total: 0, hidden: 0, municipalities: [] };
const count = new Intl.NumberFormat('sv-SE');

interface Props {
  /** Changes whenever homes were saved elsewhere, so the list is fetched again. */
  version: number;
  /** The day the homes' quality index is computed on. */
  today: string;
  searchRef: RefObject<HTMLInputElement | null>;
  onOpen: (id: string) => void;
  onNew: () => void;
  onLoadDemo: () => Promise<void>;
}

export function RegisterPage({ version, today, searchRef, onOpen, onNew, onLoadDemo }: Props) {
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<HomeKind | ''>('');
  const [municipality, setMunicipality] = useState('');
  const [status, setStatus] = useState<HomeStatusFilter>('active');
  const [retries, setRetries] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  const search = useDebounced(query.trim(), 150);
  const requestKey = [search, kind, municipality, status, version, retries].join('\u0000');

  useEffect(() => {
    // Searched, filtered and cut in main: a filter applied here to the rows of a cut list would
    // miss the homes beyond the cut. Answers can arrive out of order: one for a search already
    // replaced is dropped.
    let current = true;
    void api
      .searchHomes({ ...(search ? { query: search } : {}), ...(kind ? { kind } : {}), ...(municipality ? { municipality } : {}), status })
      .then((result) => {
        if (!current) return;
        setLoaded(
          result.ok
            ? { key: requestKey, search, result: result.value, error: null }
            : { key: requestKey, search, result: noResult, error: result.error.message },
        );
      });
    return () => {
      current = false;
    };
  }, [search, kind, municipality, status, requestKey]);

  const loading = loaded?.key !== requestKey;
  const { rows, total, hidden } = loaded?.result ?? noResult;
  const found = loaded?.result.municipalities;
  const rowIds = useMemo(() => rows.map((row) => row.id), [rows]);
  const quality = useQualitySummaries(rowIds, today, version);

  const municipalities = useMemo(() => {
    const names = new Set(found);
    if (municipality) names.add(municipality);
    return [...names].sort(svCollator.compare);
  }, [found, municipality]);

  if (loaded === null) {
    return <p className="page-message" role="status">Hämtar registret…</p>;
  }
  // The register itself is empty (not just a search): offer a start, never over real data. It
  // stays while the list is fetched again, e.g. after the demo data were loaded.
  if (loaded.search === '' && loaded.error === null && total + hidden === 0 && search === '') {
    return <EmptyState onNew={onNew} onLoadDemo={onLoadDemo} />;
  }
  const failed = loaded.error !== null && !loading;

  const filtered = kind !== '' || municipality !== '' || status !== 'active' || query !== '';
  return (
    <section className="register" aria-labelledby="register-title">
      <div className="register__head">
        <div>
          <h1 id="register-title" className="page-title">Register över hem</h1>
          <p className="page-lead">HVB, stödboenden, SiS-hem och familjehem som kommunen använder eller har använt.</p>
        </div>
        <button type="button" className="button button--primary" onClick={onNew}>Nytt hem</button>
      </div>

      <div className="toolbar" role="search">
        <SearchField
          id="register-search"
          inputRef={searchRef}
          placeholder="Sök hem, org.nr, kommun eller person…"
          keyShortcuts="/ Control+F"
          value={query}
          onChange={setQuery}
        />
        <FilterSelect
          id="filter-kind"
          label="Typ"
          allLabel="Alla typer"
          value={kind}
          options={homeKinds.map((value) => ({ value, label: kindLabels[value] }))}
          onChange={setKind}
        />
        <FilterSelect
          id="filter-municipality"
          label="Kommun"
          allLabel="Alla kommuner"
          value={municipality}
          options={municipalities.map((name) => ({ value: name, label: name }))}
          onChange={setMunicipality}
        />
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" className="input" value={status} onChange={(event) => setStatus(event.target.value as HomeStatusFilter)}>
            <option value="active">Aktiva</option>
            <option value="inactive">Inaktiva</option>
            <option value="all">Alla</option>
          </select>
        </div>
        {filtered && (
          <button
            type="button"
            className="button button--quiet toolbar__reset"
            onClick={() => {
              setQuery('');
              setKind('');
              setMunicipality('');
              setStatus('active');
            }}
          >
            Rensa filter
          </button>
        )}
        {/* Every home the search and filters find, also those beyond the list's cut. */}
        <ExportMenu
          disabled={loading || failed || total === 0}
          request={() => ({
            list: 'register',
            filter: { ...(search ? { query: search } : {}), ...(kind ? { kind } : {}), ...(municipality ? { municipality } : {}), status },
          })}
        />
      </div>

      {failed ? (
        // Below the toolbar, so the search that failed can be changed right here.
        <div className="list-error" role="alert">
          <p>Registret kunde inte hämtas. {loaded.error}</p>
          <button type="button" className="button" onClick={() => setRetries((n) => n + 1)}>Försök igen</button>
        </div>
      ) : (
        <>
          <p className="result-count" aria-live="polite">
            {loading
              ? 'Söker…'
              : total > rows.length
                ? capMessage(rows.length, total, loaded.search)
                : total === 1
                  ? '1 hem visas'
                  : `${count.format(total)} hem visas`}
          </p>
          {/* The rows shown stay while a new list is fetched: no overlay flashing on every key. */}
          <HomesGrid rows={rows} quality={quality.byHome} labelledBy="register-title" onOpen={onOpen} />
          {quality.error !== null ? (
            <p className="field__error" role="alert">Kvalitetsindex kunde inte hämtas. {quality.error}</p>
          ) : (
            quality.settingsVersion !== null && (
              <p className="hint">Kvalitet: hemmets kvalitetsindex i dag. {settingsVersionText(quality.settingsVersion)} Underlaget finns i hemmets vårdgivarhistorik.</p>
            )
          )}
        </>
      )}
      <p className="hint">Tips: tryck <kbd>/</kbd> för att söka och <kbd>Enter</kbd> på en rad för att öppna hemmet.</p>
    </section>
  );
}

/** The list was cut (`homeSearchLimit`): say so, and how to find the rest. */
function capMessage(shown: number, total: number, search: string): string {
  const of = `Visar ${count.format(shown)} av ${count.format(total)} hem`;
  return search === ''
    ? `${of}, de första i bokstavsordning. Sök eller välj filter för att hitta de andra.`
    : `${of}: de som bäst stämmer med sökningen. Skriv mer eller välj filter för att hitta de andra.`;
}

function EmptyState({ onNew, onLoadDemo }: Pick<Props, 'onNew' | 'onLoadDemo'>) {
  const [busy, setBusy] = useState(false);
  return (
    <section className="empty" aria-labelledby="empty-title">
      <h1 id="empty-title" className="empty__title">Registret är tomt</h1>
      <p className="empty__text">
        Här samlar ni det ni vet om HVB, stödboenden, SiS-hem och familjehem: vilka de är, vem som driver dem
        och vilka barn och unga de tar emot. Börja med att lägga in det första hemmet.
      </p>
      <div className="empty__actions">
        <button type="button" className="button button--primary" onClick={onNew}>Nytt hem</button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void onLoadDemo().finally(() => setBusy(false));
          }}
        >
          {busy ? 'Laddar exempeldata…' : 'Ladda exempeldata'}
        </button>
      </div>
      <p className="empty__note">
        Vill du först prova programmet? Exempeldatan består av påhittade hem och personer och är bara till för
        att prova programmet. Lägg inte in riktiga uppgifter bland dem.
      </p>
    </section>
  );
}
