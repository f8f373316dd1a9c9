import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useMatch, useNavigate } from 'react-router';
import type { Home } from '../../../preload/api';
import { api } from '../bridge/api';
import { HomePanel } from '../home/HomePanel';
import { useOpenedFrom } from '../routing/links';
import { openedState, paths } from '../routing/paths';
import { useApp } from '../shell/AppContext';
import { sameForm } from '../shell/useLeaveGuard';
import { RegisterPage } from './RegisterPage';

/** The panel's subject: a home's id, the new home's form, or no panel. */
const NEW = Symbol('new home');
type Target = string | typeof NEW | null;

const registerPath = paths.section('register');

/**
 * The register page: the list of homes, and a home's panel beside it when the address names a home
 * (`/register/hem/<id>`) or the new home's form (`/register/nytt`).
 */
export function RegisterRoute() {
  const { today, version, changed, notify, confirm, loadDemo, onDirtyChange, onSaving } = useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const opened = useOpenedFrom();
  const homeId = useMatch('/register/hem/:homeId')?.params.homeId ?? null;
  const isNew = useMatch(paths.newHome) !== null;
  const target: Target = homeId ?? (isNew ? NEW : null);

  const searchRef = useRef<HTMLInputElement>(null);
  /** What had focus when the panel was opened from the list: closing it goes back there. */
  const openerRef = useRef<HTMLElement | null>(null);
  /** A home changed from outside its panel (Ångra in the toast); the panel showing it takes it. */
  const [refreshed, setRefreshed] = useState<Home | null>(null);
  /** The id a new home got from its first save: its panel goes on under that address, as it is. */
  const [adopted, setAdopted] = useState<string | null>(null);
  // The panel starts afresh (a new key) for every home opened, but not for the new home it shows
  // when that home gets its address.
  const [panel, setPanel] = useState<{ target: Target; key: number }>({ target, key: 0 });
  if (panel.target !== target) {
    setPanel({ target, key: panel.target === NEW && target !== null && target === adopted ? panel.key : panel.key + 1 });
  }
  const panelRef = useRef(panel);
  useEffect(() => {
    panelRef.current = panel;
  }, [panel]);

  /**
   * Opens a home (or the new home's form) from the list. From the list alone it is a new history
   * entry, so Back closes the panel; from one panel to the next it replaces the entry, so Back and
   * "Stäng" still lead to where the register was opened from.
   */
  const show = useCallback(
    (to: string) => {
      if (to === location.pathname) return;
      if (target === null) {
        openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        void navigate(to, { state: openedState(location.pathname, location.state) });
      } else {
        void navigate(to, { replace: true, state: location.state });
      }
    },
    [location, navigate, target],
  );

  /** Closes the panel: a step back when it was opened from the list, else the list in its place. */
  const close = useCallback(() => {
    if (opened?.from === registerPath) void navigate(-1);
    else void navigate(registerPath, { replace: true });
  }, [navigate, opened]);

  // The panel closed (Stäng, Esc, Back): go on from the row that opened it, else the search.
  const hadPanel = useRef(target !== null);
  useEffect(() => {
    const had = hadPanel.current;
    hadPanel.current = target !== null;
    if (!had || target !== null) return;
    const opener = openerRef.current;
    openerRef.current = null;
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active && active !== document.body && !active.closest('.app-nav')) return;
      (opener?.isConnected ? opener : searchRef.current)?.focus();
    });
  }, [target]);

  // Keyboard on the register: "/" or Ctrl+F to search, Esc to close the panel (a modal dialog
  // handles its own Esc). Elsewhere Ctrl+F stays the browser's.
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (document.querySelector('dialog[open]')) return;
      const element = event.target as HTMLElement | null;
      const typing = element?.closest('input, textarea, select, [contenteditable="true"]') !== null;
      if ((event.key === 'f' || event.key === 'F') && (event.ctrlKey || event.metaKey) && !event.altKey) {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        searchRef.current?.focus();
      } else if (event.key === 'Escape' && target !== null && !event.defaultPrevented) {
        event.preventDefault();
        close();
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [target, close]);

  // Ångra may come long after its panel has closed or another home was opened: a plain call,
  // then the list, and the panel only if it shows this very home (its unsaved edits stay).
  const undoDeactivate = useCallback(
    async (home: Home) => {
      // Only the status changes back, whatever was saved since: asked from the home as it is now.
      const current = await api.getHome({ id: home.id });
      const result = current.ok ? await api.setHomeActive({ id: home.id, rowVersion: current.value.rowVersion, active: true }) : current;
      if (!result.ok) {
        notify(result.error.message);
        return;
      }
      notify(`Hemmet ”${result.value.name}” är aktivt igen.`);
      setRefreshed(result.value);
      changed();
      // The Ångra button is gone with its toast: go on from the panel's title or the search.
      requestAnimationFrame(() => (document.getElementById('panel-title') ?? searchRef.current)?.focus());
    },
    [notify, changed],
  );

  return (
    <>
      <RegisterPage
        version={version}
        today={today}
        searchRef={searchRef}
        onOpen={(id) => show(paths.home(id))}
        onNew={() => show(paths.newHome)}
        onLoadDemo={loadDemo}
      />
      {target !== null && (
        <HomePanel
          key={panel.key}
          homeId={homeId}
          refreshed={refreshed}
          today={today}
          // Opened from another page (a placement, a list): "Tillbaka" leads there.
          showBack={opened !== null && opened.from !== registerPath && !opened.from.startsWith(`${registerPath}/`)}
          onClose={close}
          onSaved={(home) => {
            // Only the panel still showing may name its home (a new one gets its address here); a
            // save that lands after its panel was left changes the list, never the open panel.
            const key = panel.key;
            const now = panelRef.current;
            if (now.key === key && now.target === NEW) {
              setAdopted(home.id);
              void navigate(paths.home(home.id), { replace: true, state: { ...(location.state ?? {}), ...sameForm } });
            }
            changed();
          }}
          onSaving={onSaving}
          onDirtyChange={onDirtyChange}
          onUndoDeactivate={(home) => void undoDeactivate(home)}
          notify={notify}
          confirm={confirm}
          onOpenHome={(id) => void navigate(paths.home(id), { state: location.state })}
        />
      )}
    </>
  );
}
