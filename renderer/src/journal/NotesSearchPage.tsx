import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import { noteCategories, noteSearchOrders, type NoteCategory, type NoteHit, type NoteSearchInput, type NoteSearchOrder, type NoteSearchResult, type TextSegment } from '../../../preload/api';
import { api } from '../bridge/api';
import { DateInput } from '../components/DateInput';
import { dateProblem } from '../components/dateText';
import { FilterSelect } from '../components/FilterSelect';
import { Pager, swedishNumber } from '../components/Pager';
import { SearchField } from '../components/SearchField';
import { useMainPage, type PageOf } from '../components/useMainPage';
import { noteCategoryLabel, noteCategoryLabels, svCollator } from '../labels';
import { useDebounced } from '../register/useDebounced';
import { AppLink } from '../routing/links';
import { paths } from '../routing/paths';
import './journal.css';

/** Hits a page. */
const PAGE_SIZE = 50;
/** The search waits for the typing to stop this long. */
const TYPING_DELAY = 300;

interface Filters {
  query: string;
  category: NoteCategory | '';
  author: string;
  from: string;
  to: string;
  order: NoteSearchOrder;
}

const noFilters: Filters = { query: '', category: '', author: '', from: '', to: '', order: 'newest' };

const orderLabels: Record<NoteSearchOrder, string> = { newest: 'Nyast först', best: 'Bäst träff först' };

/**
 * Kept while the window is open, as the other lists: back from a home's history the search is as
 * it was. `authors`: every author seen in an answer, for the Författare filter.
 */
let remembered: { filters: Filters; pageOf: PageOf | null; authors: string[] } = { filters: noFilters, pageOf: null, authors: [] };

/** A typed date the question can use: a right one, or none (the field says what is wrong). */
const usableDate = (text: string): string | undefined => (text.trim() !== '' && dateProblem(text) === null ? text.trim() : undefined);

type Question = Omit<NoteSearchInput, 'offset' | 'limit'>;

function questionOf(filters: Filters, query: string): { question: Question; rangeProblem: boolean } {
  const from = usableDate(filters.from);
  const to = usableDate(filters.to);
  const rangeProblem = from !== undefined && to !== undefined && from > to;
  return {
    question: {
      query: query.trim().slice(0, 200),
      category: filters.category === '' ? undefined : filters.category,
      author: filters.author === '' ? undefined : filters.author,
      from,
      // A period that ends before it starts is told at Till and not asked for.
      to: rangeProblem ? undefined : to,
      order: filters.order,
    },
    rangeProblem,
  };
}

/** No words, no search: the page says how to search instead of listing every note. */
const noSearch: NoteSearchResult = { hits: [], total: 0, capped: false, authors: [] };

function hitsText(result: NoteSearchResult): string {
  if (result.capped) return `fler än ${swedishNumber(result.total)} träffar`;
  return result.total === 1 ? '1 träff' : `${swedishNumber(result.total)} träffar`;
}

export interface NotesSearchPageProps {
  today: string;
  version: number;
}

/**
 * Anteckningar: a search across every signed note, by word in its Swedish forms, narrowed by
 * category, author and period. Main searches and pages (searchNotes); a protected child's name is
 * masked there, before anything reaches the window.
 */
export function NotesSearchPage({ version }: NotesSearchPageProps) {
  const [filters, setFilters] = useState<Filters>(remembered.filters);
  const [authors, setAuthors] = useState<string[]>(remembered.authors);
  const [retries, setRetries] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  const learnAuthors = (more: readonly string[]) =>
    setAuthors((known) => {
      const fresh = more.filter((author) => !known.includes(author));
      return fresh.length === 0 ? known : [...known, ...fresh].sort(svCollator.compare);
    });

  // Reading starts at the search: it is what the page is for.
  useEffect(() => searchRef.current?.focus(), []);

  // The authors to filter by before the first word is typed: every signed note's, from main.
  useEffect(() => {
    let current = true;
    void api.searchNotes({ query: '', order: 'newest', offset: 0, limit: 1 }).then((result) => {
      if (current && result.ok) learnAuthors(result.value.authors);
    });
    return () => {
      current = false;
    };
  }, [version]);

  const query = useDebounced(filters.query, TYPING_DELAY);
  const { question, rangeProblem } = useMemo(() => questionOf(filters, query), [filters, query]);
  const searching = question.query !== '';
  const { loaded, answered, offset, pageOf, toPage } = useMainPage<NoteSearchResult>({
    list: JSON.stringify(question),
    reload: `${version}\u0000${retries}`,
    pageSize: PAGE_SIZE,
    initial: remembered.pageOf,
    ask: (offset) =>
      searching
        ? api.searchNotes({ ...question, offset, limit: PAGE_SIZE }).then((result) => {
            if (result.ok) learnAuthors(result.value.authors);
            return result;
          })
        : Promise.resolve({ ok: true as const, value: noSearch }),
  });

  useEffect(() => {
    remembered = { filters, pageOf, authors };
  }, [filters, pageOf, authors]);

  const set = (change: Partial<Filters>) => setFilters((old) => ({ ...old, ...change }));
  const narrowed = filters.category !== '' || filters.author !== '' || filters.from !== '' || filters.to !== '';
  const clearFilters = () => set({ category: '', author: '', from: '', to: '' });
  // The answer shown is for the words typed (not a previous search's while the next is on its way).
  const result = answered && JSON.parse(answered.list).query === question.query ? answered.page : null;

  return (
    <section className="notes-search" aria-labelledby="notes-search-title">
      <div className="register__head">
        <div>
          <h1 id="notes-search-title" className="page-title">Sök i anteckningar</h1>
          <p className="page-lead">Alla signerade anteckningar om hem och placeringar. Utkast syns inte här förrän de är signerade.</p>
        </div>
      </div>

      <div className="toolbar" role="search" aria-label="Sök i anteckningar">
        <SearchField
          id="notes-query"
          label="Sök"
          placeholder="Ett eller flera ord"
          value={filters.query}
          onChange={(value) => set({ query: value })}
          inputRef={searchRef}
        />
        <FilterSelect
          id="notes-category"
          label="Kategori"
          value={filters.category}
          options={noteCategories.map((value) => ({ value, label: noteCategoryLabels[value] }))}
          onChange={(category) => set({ category })}
        />
        <FilterSelect
          id="notes-author"
          label="Författare"
          value={filters.author}
          options={authors.map((author) => ({ value: author, label: author }))}
          onChange={(author) => set({ author })}
        />
        <div className="field field--date">
          <label htmlFor="notes-from">Från</label>
          <DateInput id="notes-from" value={filters.from} onChange={(from) => set({ from })} />
        </div>
        <div className={rangeProblem ? 'field field--date field--invalid' : 'field field--date'}>
          <label htmlFor="notes-to">Till</label>
          <DateInput
            id="notes-to"
            value={filters.to}
            onChange={(to) => set({ to })}
            {...(rangeProblem ? { 'aria-invalid': true as const, 'aria-describedby': 'notes-to-error' } : {})}
          />
          {rangeProblem && <p id="notes-to-error" className="field__error">Till-datumet är före från-datumet.</p>}
        </div>
        <div className="field">
          <label htmlFor="notes-order">Ordning</label>
          <select id="notes-order" className="input" value={filters.order} onChange={(event) => set({ order: event.target.value as NoteSearchOrder })}>
            {noteSearchOrders.map((order) => (
              <option key={order} value={order}>{orderLabels[order]}</option>
            ))}
          </select>
        </div>
        {narrowed && (
          <button type="button" className="button button--quiet toolbar__reset" onClick={clearFilters}>Rensa filter</button>
        )}
      </div>

      {loaded?.error && (
        <div className="list-error" role="alert">
          <p>Sökningen kunde inte göras. {loaded.error}</p>
          <button type="button" className="button" onClick={() => setRetries((n) => n + 1)}>Försök igen</button>
        </div>
      )}

      {/* Always in the page, so screen readers hear the count when it comes. */}
      <p className="result-count" aria-live="polite">{searching && result !== null && result.total > 0 ? hitsText(result) : ''}</p>

      {!searching ? (
        <p className="notes-search__empty">
          Skriv ett ord för att söka i alla signerade anteckningar. Ord hittas i sina former: <i>skola</i> hittar <i>skolan</i> och{' '}
          <i>skolans</i>.
        </p>
      ) : result === null ? (
        loaded?.error ? null : <p className="muted" role="status">Söker…</p>
      ) : result.total === 0 ? (
        <div className="notes-search__empty">
          <p>Inga signerade anteckningar innehåller {question.query.includes(' ') ? 'alla orden' : 'ordet'} ”{question.query}”{narrowed ? ' med de här filtren' : ''}.</p>
          {narrowed && <button type="button" className="button" onClick={clearFilters}>Rensa filter</button>}
        </div>
      ) : (
        <>
          <ol className="notes-search__hits" aria-label="Träffar">
            {result.hits.map((hit) => (
              <li key={hit.id}>
                <Hit hit={hit} />
              </li>
            ))}
          </ol>
          {result.total > PAGE_SIZE && (
            <Pager
              label="Sidor med träffar"
              offset={offset}
              pageSize={PAGE_SIZE}
              total={result.total}
              totalText={result.capped ? `fler än ${swedishNumber(result.total)}` : undefined}
              shown={{ offset: answered?.offset ?? 0, rows: result.hits.length }}
              onPage={toPage}
            />
          )}
        </>
      )}
    </section>
  );
}

/** One note found: when, what and who; where (the home's history, the placement); the words found marked. */
function Hit({ hit }: { hit: NoteHit }) {
  return (
    <article className="note-hit" aria-label={`${noteCategoryLabel(hit.category)} ${hit.writtenOn}, ${hit.author}`}>
      <p className="note-hit__head">
        <span className="note-hit__date">{hit.writtenOn}</span>
        <strong>{noteCategoryLabel(hit.category)}</strong>
        <span>{hit.author}</span>
        {hit.corrected && <span className="badge note-hit__badge">Rättad</span>}
        {hit.corrects !== null && <span className="badge note-hit__badge">Rättelse</span>}
      </p>
      {(hit.homeName !== null || hit.childLabel !== null) && (
        <p className="note-hit__where">
          {hit.homeName !== null &&
            (hit.homeId !== null ? (
              <AppLink to={paths.homeHistory(hit.homeId)} className="text-link">{hit.homeName}</AppLink>
            ) : (
              <span>{hit.homeName}</span>
            ))}
          {hit.homeName !== null && hit.childLabel !== null && <span aria-hidden="true"> · </span>}
          {hit.childLabel !== null &&
            (hit.placementId !== null ? (
              <AppLink to={paths.placement(hit.placementId)} className="text-link">{hit.childLabel}</AppLink>
            ) : (
              <span>{hit.childLabel}</span>
            ))}
        </p>
      )}
      <p className="note-hit__snippet">
        <Snippet segments={hit.snippet} />
      </p>
    </article>
  );
}

function Snippet({ segments }: { segments: TextSegment[] }) {
  return (
    <>
      {segments.map((segment, index) => (segment.hit ? <mark key={index}>{segment.text}</mark> : <Fragment key={index}>{segment.text}</Fragment>))}
    </>
  );
}
