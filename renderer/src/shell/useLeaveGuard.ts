import { useCallback, useEffect, useRef } from 'react';
import { useBlocker, useLocation } from 'react-router';
import type { BlockerFunction } from 'react-router';
import type { ConfirmOptions } from '../components/ConfirmDialog';
import { unsavedWhat } from '../routing/paths';

/**
 * A replace that keeps the same form under a new address (a new home named by its first save) is
 * not a leave; the state says so. Only for REPLACE: a later Back to such an entry is a leave.
 */
export const sameForm = { sameForm: true } as const;
const isSameForm = (state: unknown) => typeof state === 'object' && state !== null && 'sameForm' in state;

/**
 * The unsaved-changes guard: every navigation of the router (a link, the menu, Back and Forward,
 * an address typed in the browser host) to another page waits for a save under way and then, if
 * edits would be lost, asks in Swedish. Closing the window or tab asks through `beforeunload`.
 */
export function useLeaveGuard(confirm: (options: ConfirmOptions) => Promise<boolean>) {
  const dirty = useRef(false);
  /** The save under way, if any. */
  const saving = useRef<Promise<unknown> | null>(null);
  const { pathname } = useLocation();
  const pathnameRef = useRef(pathname);
  useEffect(() => {
    pathnameRef.current = pathname;
  }, [pathname]);

  /** Leaves the page only when nothing would be lost, or the user says so. */
  const mayLeave = useCallback(async () => {
    // A save under way finishes first: leaving now would drop it or, worse, let it land in the
    // next page's form. The form says "Sparar…" meanwhile.
    while (saving.current) await saving.current;
    if (!dirty.current) return true;
    const leave = await confirm({
      title: 'Lämna utan att spara?',
      message: `Du har ändringar i ${unsavedWhat(pathnameRef.current)} som inte är sparade. Om du lämnar formuläret försvinner de.`,
      confirmLabel: 'Lämna utan att spara',
      cancelLabel: 'Fortsätt redigera',
      tone: 'danger',
    });
    if (leave) dirty.current = false;
    return leave;
  }, [confirm]);

  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation, historyAction }) =>
      currentLocation.pathname !== nextLocation.pathname &&
      !(historyAction === 'REPLACE' && isSameForm(nextLocation.state)) &&
      (dirty.current || saving.current !== null),
    [],
  );
  const blocker = useBlocker(shouldBlock);

  // The router holds the navigation (for Back and Forward it has stepped back already) until asked.
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    let current = true;
    void mayLeave().then((leave) => {
      if (!current) return;
      if (leave) blocker.proceed();
      else blocker.reset();
    });
    return () => {
      current = false;
    };
  }, [blocker, mayLeave]);

  // Closing the window or tab with unsaved changes: the browser asks, and Electron's main process
  // turns the cancelled unload into a Swedish question (main/app/window.ts).
  useEffect(() => {
    function onBeforeUnload(event: BeforeUnloadEvent) {
      if (dirty.current) event.preventDefault();
    }
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  const onDirtyChange = useCallback((value: boolean) => {
    dirty.current = value;
  }, []);

  const onSaving = useCallback((request: Promise<unknown>) => {
    saving.current = request;
    void request.finally(() => {
      if (saving.current === request) saving.current = null;
    });
  }, []);

  return { mayLeave, onDirtyChange, onSaving };
}
