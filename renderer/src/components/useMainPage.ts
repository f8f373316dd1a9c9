/** One page of a list that main filters, sorts and pages (Bevakning, Kontroller, Logg). */
import { useState } from 'react';
import type { Result } from '../../../preload/api';
import { useLoaded, type Loaded } from './useLoaded';

/** The page shown: its first row, for the list it was chosen in (another list starts at its first page). */
export interface PageOf {
  list: string;
  offset: number;
}

/** A page main answered, with the question it answers (the list and the first row asked for). */
export interface Answered<P> {
  list: string;
  offset: number;
  page: P;
}

interface Options<P> {
  /** The question (day, filters, sort) as a key: another one starts at its first page. */
  list: string;
  /** What asks again but keeps the page shown (a write's version, a retry). */
  reload: string;
  pageSize: number;
  /** The page to start on (remembered while the window is open). */
  initial: PageOf | null;
  /** Asks main for the page from `offset`. */
  ask: (offset: number) => Promise<Result<P>>;
}

export interface MainPage<P> {
  loaded: Loaded<Answered<P>> | null;
  /** The page shown now, which may be the previous question's while the next is on its way. */
  answered: Answered<P> | null;
  /** The first row asked for. */
  offset: number;
  pageOf: PageOf | null;
  /** Changes when another page (or list) is shown: the grid scrolls back to its first row. */
  pageKey: string;
  toPage: (offset: number) => void;
}

/**
 * The page of `list` to show, asked for from main. An answer to an older question is dropped
 * (useLoaded); the page shown stays until the next has come; a page beyond the end (rows gone
 * since, in another window) becomes the last page there is.
 */
export function useMainPage<P extends { total: number }>({ list, reload, pageSize, initial, ask }: Options<P>): MainPage<P> {
  const [pageOf, setPageOf] = useState<PageOf | null>(initial);
  const offset = pageOf?.list === list ? pageOf.offset : 0;
  const loaded = useLoaded<Answered<P>>(
    () => ask(offset).then((result) => (result.ok ? { ok: true as const, value: { list, offset, page: result.value } } : result)),
    `${list}\u0000${offset}\u0000${reload}`,
  );
  const answered = loaded?.value ?? null;
  // Set while rendering, as React has it for state that follows from what was shown.
  if (answered && answered.list === list && answered.offset === offset && offset > 0 && offset >= answered.page.total) {
    const total = answered.page.total;
    setPageOf({ list, offset: total === 0 ? 0 : Math.floor((total - 1) / pageSize) * pageSize });
  }
  return {
    loaded,
    answered,
    offset,
    pageOf,
    pageKey: `${answered?.list ?? ''}\u0000${answered?.offset ?? 0}`,
    toPage: (to) => setPageOf({ list, offset: to }),
  };
}
