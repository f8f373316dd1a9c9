/**
 * React Router numbers the history entries it makes (`idx` in `history.state`); Back and Forward
 * between them can be held by the unsaved-changes guard because the router knows how far to step
 * back. An address typed in the browser host's address bar makes an entry without a number, and
 * the router lets such a navigation through unasked ("will fail silently" in its own warning).
 *
 * `numberTypedEntries` gives such an entry the number it has: one after the entry it was typed
 * over (typing drops the entries ahead). Its listener must be added before the router's, so it
 * runs first; `remember` is called after every navigation of the router, which moves by
 * pushState/replaceState without an event.
 */

interface HistoryLike {
  readonly state: unknown;
  replaceState(data: unknown, unused: string): void;
}

interface WindowLike {
  readonly history: HistoryLike;
  addEventListener(type: 'popstate', listener: () => void): void;
  removeEventListener(type: 'popstate', listener: () => void): void;
}

/** The router's number of a history entry, if it has one. */
export function entryIndex(state: unknown): number | null {
  if (typeof state !== 'object' || state === null || !('idx' in state)) return null;
  return typeof state.idx === 'number' ? state.idx : null;
}

export function numberTypedEntries(win: WindowLike): { remember: () => void; stop: () => void } {
  let current = entryIndex(win.history.state) ?? 0;
  const onPopState = () => {
    const index = entryIndex(win.history.state);
    if (index !== null) {
      current = index;
      return;
    }
    current += 1;
    // The shape the router writes (usr: its location state, key: its location key).
    win.history.replaceState({ usr: null, key: Math.random().toString(36).slice(2, 10), idx: current }, '');
  };
  win.addEventListener('popstate', onPopState);
  return {
    remember: () => {
      current = entryIndex(win.history.state) ?? current;
    },
    stop: () => win.removeEventListener('popstate', onPopState),
  };
}
