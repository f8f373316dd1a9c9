import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppInfo, Home } from '../../preload/api';
import { api } from './bridge/api';
import { useConfirm } from './components/ConfirmDialog';
import { Toast } from './components/Toast';
import type { ToastMessage } from './components/Toast';
import { HomePanel } from './home/HomePanel';
import { RegisterPage } from './register/RegisterPage';

/** Which home the detail panel shows; `key` changes on every opening so the panel starts afresh. */
interface Detail {
  key: number;
  id: string | null;
}

let toastIds = 0;

export function App() {
  const [detail, setDetail] = useState<Detail | null>(null);
  const [version, setVersion] = useState(0);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  /** A home changed from outside its panel (Ångra in the toast); the panel showing it takes it. */
  const [refreshed, setRefreshed] = useState<Home | null>(null);
  const [confirmDialog, confirm] = useConfirm();
  const dirty = useRef(false);
  /** The panel's save under way, if any. */
  const saving = useRef<Promise<unknown> | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const openerRef = useRef<HTMLElement | null>(null);

  useEffect(() => {
    let current = true;
    void api.getAppInfo({}).then((result) => {
      if (current && result.ok) setInfo(result.value);
    });
    return () => {
      current = false;
    };
  }, [version]);

  const notify = useCallback((message: string, action?: ToastMessage['action']) => {
    setToast({ id: ++toastIds, message, action });
  }, []);

  // Plain messages go away by themselves; one with an action (Ångra) waits for the user.
  useEffect(() => {
    if (!toast || toast.action) return;
    const timer = setTimeout(() => setToast((now) => (now === toast ? null : now)), 6000);
    return () => clearTimeout(timer);
  }, [toast]);

  /** Leaves the form only when nothing would be lost, or the user says so. */
  const mayLeave = useCallback(async () => {
    // A save under way finishes first: leaving now would drop it or, worse, let it land in the
    // next home's form. The panel says "Sparar…" meanwhile.
    while (saving.current) await saving.current;
    if (!dirty.current) return true;
    const leave = await confirm({
      title: 'Lämna utan att spara?',
      message: 'Du har ändringar i hemmet som inte är sparade. Om du lämnar formuläret försvinner de.',
      confirmLabel: 'Lämna utan att spara',
      cancelLabel: 'Fortsätt redigera',
      tone: 'danger',
    });
    if (leave) dirty.current = false;
    return leave;
  }, [confirm]);

  const open = useCallback(
    async (id: string | null) => {
      if (detail && detail.id === id && id !== null) return;
      if (!(await mayLeave())) return;
      if (!detail) openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setDetail((old) => ({ key: (old?.key ?? 0) + 1, id }));
    },
    [detail, mayLeave],
  );

  const close = useCallback(async () => {
    if (!(await mayLeave())) return;
    setDetail(null);
    const opener = openerRef.current;
    requestAnimationFrame(() => (opener?.isConnected ? opener : searchRef.current)?.focus());
  }, [mayLeave]);

  // Keyboard: "/" or Ctrl+F to search, Esc to close the panel (a modal dialog handles its own Esc).
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (document.querySelector('dialog[open]')) return;
      const target = event.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, select, [contenteditable="true"]') !== null;
      if ((event.key === 'f' || event.key === 'F') && (event.ctrlKey || event.metaKey) && !event.altKey) {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        searchRef.current?.focus();
      } else if (event.key === 'Escape' && detail && !event.defaultPrevented) {
        event.preventDefault();
        void close();
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [detail, close]);

  const loadDemo = useCallback(async () => {
    const result = await api.loadDemoData({});
    if (result.ok) {
      notify(`Exempeldata har laddats: ${result.value.homes} påhittade hem och ${result.value.persons} personer.`);
      setVersion((n) => n + 1);
    } else {
      notify(`Exempeldata kunde inte laddas. ${result.error.message}`);
    }
  }, [notify]);

  const removeDemo = useCallback(async () => {
    const confirmed = await confirm({
      title: 'Ta bort exempeldata?',
      message:
        'De påhittade exempelhemmen och deras hushåll tas bort ur registret. Hem som ni själva har lagt in berörs inte.',
      confirmLabel: 'Ta bort exempeldata',
      tone: 'danger',
    });
    if (!confirmed || !(await mayLeave())) return;
    setDetail(null);
    const result = await api.removeDemoData({});
    notify(
      result.ok
        ? `Exempeldata har tagits bort: ${result.value.homes} hem och ${result.value.persons} personer.`
        : result.error.message,
    );
    setVersion((n) => n + 1);
  }, [confirm, mayLeave, notify]);

  const onDirtyChange = useCallback((value: boolean) => {
    dirty.current = value;
  }, []);

  const onSaving = useCallback((request: Promise<unknown>) => {
    saving.current = request;
    void request.finally(() => {
      if (saving.current === request) saving.current = null;
    });
  }, []);

  // Ångra may come long after its panel has closed or another home was opened: a plain call,
  // then the list, and the panel only if it shows this very home (its unsaved edits stay).
  const undoDeactivate = useCallback(
    async (home: Home) => {
      const result = await api.setHomeActive({ id: home.id, active: true });
      if (!result.ok) {
        notify(result.error.message);
        return;
      }
      notify(`Hemmet ”${result.value.name}” är aktivt igen.`);
      setRefreshed(result.value);
      setVersion((n) => n + 1);
      // The Ångra button is gone with its toast: go on from the panel's title or the search.
      requestAnimationFrame(() => (document.getElementById('panel-title') ?? searchRef.current)?.focus());
    },
    [notify],
  );

  // Closing the window or tab with unsaved changes: the browser asks, and Electron's main process
  // turns the cancelled unload into a Swedish question (main/app/window.ts).
  useEffect(() => {
    function onBeforeUnload(event: BeforeUnloadEvent) {
      if (dirty.current) event.preventDefault();
    }
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  return (
    <div className="app">
      <a className="skip-link" href="#main">Hoppa till innehållet</a>
      <header className="app-header">
        <div className="app-header__brand">
          <span className="app-header__logo" aria-hidden="true">P</span>
          <span className="app-header__name">Placeringskollen</span>
        </div>
        <nav aria-label="Huvudmeny" className="app-nav">
          <a className="app-nav__link" href="#main" aria-current="page">Register</a>
        </nav>
      </header>

      <div className="app-body">
        <main id="main" className="app-main" tabIndex={-1}>
          {info?.demoData && (
            <section className="demo-banner" aria-labelledby="demo-banner-title">
              <p className="demo-banner__text">
                <strong id="demo-banner-title">Registret innehåller exempeldata.</strong> De påhittade exempelhemmen är
                till för att prova programmet. Ta bort dem innan ni börjar lägga in riktiga hem.
              </p>
              <button type="button" className="button" onClick={() => void removeDemo()}>
                Ta bort exempeldata
              </button>
            </section>
          )}
          <RegisterPage
            version={version}
            searchRef={searchRef}
            onOpen={(id) => void open(id)}
            onNew={() => void open(null)}
            onLoadDemo={loadDemo}
          />
        </main>
        {detail && (
          <HomePanel
            key={detail.key}
            homeId={detail.id}
            refreshed={refreshed}
            onClose={() => void close()}
            onSaved={(home) => {
              // Only the panel still showing may name its home (a new one gets its id here); a save
              // that lands after its panel was left changes the list, never the open panel.
              const key = detail.key;
              setDetail((old) => (old && old.key === key && old.id === null ? { ...old, id: home.id } : old));
              setVersion((n) => n + 1);
            }}
            onSaving={onSaving}
            onDirtyChange={onDirtyChange}
            onUndoDeactivate={(home) => void undoDeactivate(home)}
            notify={notify}
            confirm={confirm}
          />
        )}
      </div>

      <footer className="app-footer">
        {info ? (
          <>
            <span>{info.host === 'electron' ? 'Skrivbordsläge' : 'Webbläsarläge'}</span>
            <span className="app-footer__db" title={info.databasePath}>
              Databas: <span className="app-footer__path">{info.databasePath}</span>
            </span>
            <span>{info.encrypted ? 'Krypterad' : 'Inte krypterad'}</span>
            <span>Version {info.version}</span>
          </>
        ) : (
          <span>Placeringskollen</span>
        )}
      </footer>

      <Toast toast={toast} onClose={() => setToast(null)} />
      {confirmDialog}
    </div>
  );
}
