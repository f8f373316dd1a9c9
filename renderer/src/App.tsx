import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MouseEvent } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import type { AppInfo, CheckCounts, DeadlineCounts, DeviationCounts } from '../../preload/api';
import { api } from './bridge/api';
import { useConfirm } from './components/ConfirmDialog';
import { Toast } from './components/Toast';
import { DeviationNavCounts } from './deviations/DeviationNavCounts';
import type { ToastMessage } from './components/Toast';
import { menuCurrent, paths, sectionOf, sections } from './routing/paths';
import { AppContext } from './shell/AppContext';
import type { AppContextValue } from './shell/AppContext';
import { useHistoryKeys } from './shell/useHistoryKeys';
import { useLeaveGuard } from './shell/useLeaveGuard';
import { useSession } from './shell/SignIn';
import { useRegisterChanges } from './shell/useRegisterChanges';
import { UserMenu } from './shell/UserMenu';
import { localToday } from './today';

let toastIds = 0;

/**
 * The shell around every page: the main menu, the demo banner, the footer, messages and the
 * confirmation dialog, the unsaved-changes guard, and Back and Forward. The pages (routing/router.tsx)
 * own their state.
 */
export function App() {
  const location = useLocation();
  const { pathname } = location;
  const navigate = useNavigate();
  const [today, setToday] = useState(localToday);
  const [counts, setCounts] = useState<DeadlineCounts | null>(null);
  const [checkCounts, setCheckCounts] = useState<CheckCounts | null>(null);
  const [deviationCounts, setDeviationCounts] = useState<DeviationCounts | null>(null);
  const [version, setVersion] = useState(0);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [confirmDialog, confirm] = useConfirm();
  const { mayLeave, onDirtyChange, onSaving } = useLeaveGuard(confirm);
  useHistoryKeys();
  const mainRef = useRef<HTMLElement>(null);
  const { user, switchUser: signOut } = useSession();
  // Unsaved changes are asked about first: the next user must not inherit a half-filled form.
  const switchUser = useCallback(async () => {
    if (await mayLeave()) signOut();
  }, [mayLeave, signOut]);

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
    void api.countChecks({ date: today }).then((result) => {
      if (current) setCheckCounts(result.ok ? result.value : null);
    });
    void api.countDeviations({ date: today }).then((result) => {
      if (current) setDeviationCounts(result.ok ? result.value : null);
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

  // Someone else wrote: every open list and count asks again, as after the window's own write.
  const { seen } = useRegisterChanges(user !== null, useCallback(() => setVersion((n) => n + 1), []));
  const changed = useCallback(() => {
    setVersion((n) => n + 1);
    seen();
  }, [seen]);

  // Plain messages go away by themselves; one with an action (Ångra) waits for the user.
  useEffect(() => {
    if (!toast || toast.action) return;
    const timer = setTimeout(() => setToast((now) => (now === toast ? null : now)), 6000);
    return () => clearTimeout(timer);
  }, [toast]);

  // Another page (a link, the menu, Back or Forward): unless it has put focus somewhere itself (a
  // placement's or a panel's title), reading starts at main. Not on the first page.
  const shownPath = useRef(pathname);
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (!active || active === document.body || active.closest('.app-nav')) mainRef.current?.focus();
    });
  }, [pathname]);

  // The window's title names the page, so the history's entries can be told apart.
  const section = sectionOf(pathname, location.state);
  useEffect(() => {
    const label = pageTitles[pathname] ?? sections.find((item) => item.section === section)?.label;
    document.title = label ? `${label} – Placeringskollen` : 'Placeringskollen';
  }, [pathname, section]);

  const loadDemo = useCallback(async () => {
    // The demo's placements and events are dated relative to today, so its deadlines are current.
    const result = await api.loadDemoData({ today: localToday() });
    if (result.ok) {
      const { homes, persons, placements } = result.value;
      notify(`Exempeldata har laddats: ${homes} påhittade hem, ${persons} personer och ${placements} placeringar.`);
      changed();
    } else {
      notify(`Exempeldata kunde inte laddas. ${result.error.message}`);
    }
  }, [notify, changed]);

  const removeDemo = useCallback(async () => {
    const confirmed = await confirm({
      title: 'Ta bort exempeldata?',
      message:
        'De påhittade exempelhemmen, deras hushåll och de påhittade barnen och placeringarna tas bort ur registret, liksom händelser ni har registrerat på de påhittade placeringarna. Annat som ni själva har lagt in berörs inte.',
      confirmLabel: 'Ta bort exempeldata',
      tone: 'danger',
    });
    if (!confirmed || !(await mayLeave())) return;
    // A home's panel or a placement's page may show demo data that are about to go: its list instead.
    if (pathname.startsWith(`${paths.section('register')}/`)) void navigate(paths.section('register'), { replace: true });
    else if (pathname.startsWith(`${paths.section('placeringar')}/`)) void navigate(paths.section(section ?? 'placeringar'), { replace: true });
    const result = await api.removeDemoData({});
    notify(
      result.ok
        ? `Exempeldata har tagits bort: ${result.value.homes} hem och ${result.value.persons} personer.`
        : result.error.message,
    );
    changed();
  }, [confirm, mayLeave, notify, navigate, pathname, section, changed]);

  const context = useMemo<AppContextValue>(
    () => ({ today, version, info, changed, notify, confirm, loadDemo, onDirtyChange, onSaving }),
    [today, version, info, changed, notify, confirm, loadDemo, onDirtyChange, onSaving],
  );

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={skipToMain}>Hoppa till innehållet</a>
      <header className="app-header">
        <div className="app-header__brand">
          <span className="app-header__logo" aria-hidden="true">P</span>
          <span className="app-header__name">Placeringskollen</span>
        </div>
        <nav aria-label="Huvudmeny" className="app-nav">
          {sections.map((item) => (
            <Link
              key={item.section}
              to={paths.section(item.section)}
              className="app-nav__link"
              // A placement's page belongs to the list it was opened from: that item is marked, not "page".
              aria-current={menuCurrent(item.section, pathname, location.state)}
            >
              {item.label}
              {item.section === 'bevakning' && counts && <NavCounts counts={counts} />}
              {item.section === 'kontroller' && checkCounts && <CheckNavCounts counts={checkCounts} />}
              {item.section === 'avvikelser' && deviationCounts && <DeviationNavCounts counts={deviationCounts} />}
            </Link>
          ))}
        </nav>
        <UserMenu
          user={user}
          usersCurrent={pathname === paths.users}
          logCurrent={pathname === paths.log}
          securityCurrent={pathname === paths.security}
          registerChoiceCurrent={pathname === paths.registerChoice}
          onSwitchUser={() => void switchUser()}
        />
      </header>

      <AppContext.Provider value={context}>
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
            <Outlet />
          </main>
        </div>
      </AppContext.Provider>

      <footer className="app-footer">
        {info ? (
          <>
            <span>{info.host === 'electron' ? 'Skrivbordsläge' : 'Webbläsarläge'}</span>
            <span className="app-footer__db" title={info.databasePath}>
              {info.register === 'shared' ? 'Gemensamt register: ' : 'Databas: '}
              <span className="app-footer__path">{info.databasePath}</span>
            </span>
            <span>
              {info.register === 'shared' ? (info.encrypted ? 'Krypterad anslutning' : 'Okrypterad anslutning') : info.encrypted ? 'Krypterad' : 'Inte krypterad'}
            </span>
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

/**
 * The skip link's `#main` would be read as an address by the hash history: move focus to main
 * without touching the address.
 */
function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

/** Kontroller's badges: decision checks with a problem, and re-checks overdue ("2 problem", "1 försenad"). */
/** The pages outside the main menu, by address: the window's title names them too. */
const pageTitles: Record<string, string> = {
  [paths.notesSearch]: 'Sök i anteckningar',
  [paths.users]: 'Användare',
  [paths.log]: 'Logg',
  [paths.security]: 'Säkerhet',
  [paths.accuracy]: 'Träffsäkerhet',
  [paths.boardReport]: 'Nämndrapport',
};

function CheckNavCounts({ counts }: { counts: CheckCounts }) {
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

/** Bevakning's badges, the deadlines (a re-check is counted by Kontroller): the text says what the colour does ("3 försenade", "5 snart"). */
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
