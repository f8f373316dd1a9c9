import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppInfo, CheckOverview, DeadlineCounts, Home } from '../../preload/api';
import { api } from './bridge/api';
import { ChecksPage } from './checks/ChecksPage';
import { useConfirm } from './components/ConfirmDialog';
import { Toast } from './components/Toast';
import type { ToastMessage } from './components/Toast';
import { DeadlinesPage } from './deadlines/DeadlinesPage';
import { HomePanel } from './home/HomePanel';
import { PlacementPage } from './placement/PlacementPage';
import { PlacementsPage } from './placement/PlacementsPage';
import { RegisterPage } from './register/RegisterPage';
import { RulesPage } from './settings/RulesPage';
import { localToday } from './today';

/** Which home the detail panel shows; `key` changes on every opening so the panel starts afresh. */
interface Detail {
  key: number;
  id: string | null;
}

/**
 * The views. In-memory state, not the URL: the browser host keeps its token in the fragment.
 * 'placering' is one placement, reached from the bevakningslista or the list of placements.
 */
type View = 'bevakning' | 'placeringar' | 'kontroller' | 'placering' | 'register' | 'regler';
type NavView = Exclude<View, 'placering'>;

const navItems: { view: NavView; label: string }[] = [
  { view: 'bevakning', label: 'Bevakning' },
  { view: 'placeringar', label: 'Placeringar' },
  { view: 'kontroller', label: 'Kontroller' },
  { view: 'register', label: 'Register' },
  { view: 'regler', label: 'Regler' },
];

/** What unsaved edits are lost in, for the question before leaving. */
const dirtyWhat: Record<View, string> = {
  bevakning: 'formuläret',
  placeringar: 'formuläret',
  kontroller: 'formuläret',
  placering: 'placeringen',
  register: 'hemmet',
  regler: 'reglerna',
};

let toastIds = 0;

export function App() {
  const [view, setView] = useState<View>('bevakning');
  const [placementId, setPlacementId] = useState<string | null>(null);
  /** Where "Tillbaka" on a placement's page leads: the list it was opened from. */
  const [placementFrom, setPlacementFrom] = useState<NavView>('bevakning');
  const [today, setToday] = useState(localToday);
  const [counts, setCounts] = useState<DeadlineCounts | null>(null);
  const [checkCounts, setCheckCounts] = useState<CheckOverview['counts'] | null>(null);
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
  const mainRef = useRef<HTMLElement>(null);
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

  // The counts in the menu follow every change (version) and the date.
  useEffect(() => {
    let current = true;
    void api.countDeadlines({ date: today }).then((result) => {
      if (current) setCounts(result.ok ? result.value : null);
    });
    void api.listChecks({ date: today }).then((result) => {
      if (current) setCheckCounts(result.ok ? result.value.counts : null);
    });
    return () => {
      current = false;
    };
  }, [version, today]);

  // The app may stay open over midnight: take the new date when the window is used again.
  useEffect(() => {
    const update = () => setToday(localToday());
    window.addEventListener('focus', update);
    document.addEventListener('visibilitychange', update);
    return () => {
      window.removeEventListener('focus', update);
      document.removeEventListener('visibilitychange', update);
    };
  }, []);

  const notify = useCallback((message: string, action?: ToastMessage['action']) => {
    setToast({ id: ++toastIds, message, action });
  }, []);

  const changed = useCallback(() => setVersion((n) => n + 1), []);

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
      message: `Du har ändringar i ${dirtyWhat[view]} som inte är sparade. Om du lämnar formuläret försvinner de.`,
      confirmLabel: 'Lämna utan att spara',
      cancelLabel: 'Fortsätt redigera',
      tone: 'danger',
    });
    if (leave) dirty.current = false;
    return leave;
  }, [confirm, view]);

  /** Shows another view (the home panel belongs to the register and closes) and starts reading there. */
  const show = useCallback((next: View, nextPlacement: string | null = null) => {
    setView(next);
    setPlacementId(nextPlacement);
    if (next !== 'register') setDetail(null);
    dirty.current = false;
    // Unless the new view has put focus somewhere itself (a panel's title), reading starts at main.
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (!active || active === document.body || active.closest('.app-nav')) mainRef.current?.focus();
    });
  }, []);

  const navigate = useCallback(
    async (next: NavView) => {
      if (next === view) return;
      if (!(await mayLeave())) return;
      show(next);
    },
    [view, mayLeave, show],
  );

  const openPlacement = useCallback(
    async (id: string) => {
      if (view === 'placering' && placementId === id) return;
      if (!(await mayLeave())) return;
      // From one placement to another (the child's history) "Tillbaka" still leads to the list.
      if (view !== 'placering') setPlacementFrom(view);
      show('placering', id);
    },
    [view, placementId, mayLeave, show],
  );

  const open = useCallback(
    async (id: string | null) => {
      if (detail && detail.id === id && id !== null) return;
      if (!(await mayLeave())) return;
      if (!detail) openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setDetail((old) => ({ key: (old?.key ?? 0) + 1, id }));
    },
    [detail, mayLeave],
  );

  /** A home opened from another view: the register, with that home's panel. */
  const openHomeElsewhere = useCallback(
    async (id: string) => {
      if (view === 'register') {
        await open(id);
        return;
      }
      if (!(await mayLeave())) return;
      show('register');
      // Closing the panel then goes on to the search.
      openerRef.current = null;
      setDetail((old) => ({ key: (old?.key ?? 0) + 1, id }));
    },
    [view, open, mayLeave, show],
  );

  const close = useCallback(async () => {
    if (!(await mayLeave())) return;
    setDetail(null);
    const opener = openerRef.current;
    requestAnimationFrame(() => (opener?.isConnected ? opener : searchRef.current)?.focus());
  }, [mayLeave]);

  // Keyboard on the register: "/" or Ctrl+F to search, Esc to close the panel (a modal dialog
  // handles its own Esc). Elsewhere Ctrl+F stays the browser's.
  useEffect(() => {
    if (view !== 'register') return;
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
  }, [view, detail, close]);

  const loadDemo = useCallback(async () => {
    // The demo's placements and events are dated relative to today, so its deadlines are current.
    const result = await api.loadDemoData({ today: localToday() });
    if (result.ok) {
      const { homes, persons, placements } = result.value;
      notify(`Exempeldata har laddats: ${homes} påhittade hem, ${persons} personer och ${placements} placeringar.`);
      setVersion((n) => n + 1);
    } else {
      notify(`Exempeldata kunde inte laddas. ${result.error.message}`);
    }
  }, [notify]);

  const removeDemo = useCallback(async () => {
    const confirmed = await confirm({
      title: 'Ta bort exempeldata?',
      message:
        'De påhittade exempelhemmen, deras hushåll och de påhittade barnen och placeringarna tas bort ur registret, liksom händelser ni har registrerat på de påhittade placeringarna. Annat som ni själva har lagt in berörs inte.',
      confirmLabel: 'Ta bort exempeldata',
      tone: 'danger',
    });
    if (!confirmed || !(await mayLeave())) return;
    setDetail(null);
    // A placement's page may show a demo placement that is about to go.
    if (view === 'placering') show(placementFrom);
    const result = await api.removeDemoData({});
    notify(
      result.ok
        ? `Exempeldata har tagits bort: ${result.value.homes} hem och ${result.value.persons} personer.`
        : result.error.message,
    );
    setVersion((n) => n + 1);
  }, [confirm, mayLeave, notify, view, placementFrom, show]);

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

  const currentNav: NavView = view === 'placering' ? placementFrom : view;

  return (
    <div className="app">
      <a className="skip-link" href="#main">Hoppa till innehållet</a>
      <header className="app-header">
        <div className="app-header__brand">
          <span className="app-header__logo" aria-hidden="true">P</span>
          <span className="app-header__name">Placeringskollen</span>
        </div>
        <nav aria-label="Huvudmeny" className="app-nav">
          {navItems.map((item) => (
            <button
              key={item.view}
              type="button"
              className="app-nav__link"
              // A placement's page belongs to the list it was opened from: that item is marked, not "page".
              aria-current={item.view === view ? 'page' : item.view === currentNav ? 'true' : undefined}
              onClick={() => void navigate(item.view)}
            >
              {item.label}
              {item.view === 'bevakning' && counts && <NavCounts counts={counts} />}
              {item.view === 'kontroller' && checkCounts && <CheckNavCounts counts={checkCounts} />}
            </button>
          ))}
        </nav>
      </header>

      <div className="app-body">
        <main id="main" ref={mainRef} className="app-main" tabIndex={-1}>
          {info?.demoData && (
            <section className="demo-banner" aria-labelledby="demo-banner-title">
              <p className="demo-banner__text">
                <strong id="demo-banner-title">Registret innehåller exempeldata.</strong> De påhittade exempelhemmen,
                barnen och placeringarna är till för att prova programmet. Ta bort dem innan ni börjar lägga in riktiga
                uppgifter.
              </p>
              <button type="button" className="button" onClick={() => void removeDemo()}>
                Ta bort exempeldata
              </button>
            </section>
          )}
          {view === 'bevakning' && (
            <DeadlinesPage
              today={today}
              version={version}
              registerEmpty={info !== null && info.homeCount === 0}
              onOpenPlacement={(id) => void openPlacement(id)}
              onOpenHome={(id) => void openHomeElsewhere(id)}
              onGoToPlacements={() => void navigate('placeringar')}
              onLoadDemo={loadDemo}
            />
          )}
          {view === 'placeringar' && (
            <PlacementsPage
              today={today}
              version={version}
              onOpen={(id) => void openPlacement(id)}
              onOpenHome={(id) => void openHomeElsewhere(id)}
              onChanged={changed}
              notify={notify}
              confirm={confirm}
              onDirtyChange={onDirtyChange}
            />
          )}
          {view === 'kontroller' && (
            <ChecksPage
              today={today}
              version={version}
              onOpenPlacement={(id) => void openPlacement(id)}
              onOpenHome={(id) => void openHomeElsewhere(id)}
            />
          )}
          {view === 'placering' && placementId !== null && (
            <PlacementPage
              key={placementId}
              placementId={placementId}
              today={today}
              onBack={() => void navigate(placementFrom)}
              onOpenHome={(id) => void openHomeElsewhere(id)}
              onOpenPlacement={(id) => void openPlacement(id)}
              onChanged={changed}
              notify={notify}
              confirm={confirm}
              onDirtyChange={onDirtyChange}
            />
          )}
          {view === 'register' && (
            <RegisterPage
              version={version}
              searchRef={searchRef}
              onOpen={(id) => void open(id)}
              onNew={() => void open(null)}
              onLoadDemo={loadDemo}
            />
          )}
          {view === 'regler' && (
            <RulesPage onChanged={changed} notify={notify} confirm={confirm} onDirtyChange={onDirtyChange} />
          )}
        </main>
        {view === 'register' && detail && (
          <HomePanel
            key={detail.key}
            homeId={detail.id}
            refreshed={refreshed}
            today={today}
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

/** Kontroller's badges: decision checks with a problem, and re-checks overdue ("2 problem", "1 försenad"). */
function CheckNavCounts({ counts }: { counts: CheckOverview['counts'] }) {
  if (counts.problems === 0 && counts.overdue === 0) return null;
  return (
    <span className="nav-counts">
      {counts.problems > 0 && <span className="nav-count nav-count--overdue">{counts.problems} problem</span>}
      {counts.overdue > 0 && (
        <span className="nav-count nav-count--overdue">{counts.overdue} {counts.overdue === 1 ? 'försenad' : 'försenade'}</span>
      )}
    </span>
  );
}

/** The menu's badges: the text says what the colour does ("3 försenade", "5 snart"). */
function NavCounts({ counts }: { counts: DeadlineCounts }) {
  if (counts.overdue === 0 && counts.dueSoon === 0) return null;
  return (
    <span className="nav-counts">
      {counts.overdue > 0 && (
        <span className="nav-count nav-count--overdue">{counts.overdue} {counts.overdue === 1 ? 'försenad' : 'försenade'}</span>
      )}
      {counts.dueSoon > 0 && <span className="nav-count nav-count--soon">{counts.dueSoon} snart</span>}
    </span>
  );
}
