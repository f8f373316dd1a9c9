import { lazy, Suspense, type ComponentType } from 'react';
import { createHashRouter, Navigate, useNavigate, useParams, useRouteError } from 'react-router';
import { App } from '../App';
import { ChecksPage } from '../checks/ChecksPage';
import { DeadlinesPage } from '../deadlines/DeadlinesPage';
import { PlacementPage } from '../placement/PlacementPage';
import { PlacementsPage } from '../placement/PlacementsPage';
import { DeviationsPage } from '../deviations/DeviationsPage';
import { HomeHistoryPage } from '../history/HomeHistoryPage';
import { NotesSearchPage } from '../journal/NotesSearchPage';
import { RegisterRoute } from '../register/RegisterRoute';
import { RulesPage } from '../settings/RulesPage';
import { LogPage } from '../log/LogPage';
import { MatchPage } from '../matching/MatchPage';
import { AccuracyPage } from '../quality/AccuracyPage';
import { UsersPage } from '../users/UsersPage';
import { useApp } from '../shell/AppContext';
import { numberTypedEntries } from './history';
import { useOpen, useOpenedFrom } from './links';
import { paths } from './paths';

/**
 * The app's pages by address, in a hash history: the address lives in the fragment, so it never
 * reaches the browser host in a request, and the host's own `#token=…` is taken out of the address
 * (bridge/http.ts) before the router is made (main.tsx creates it after every import has run).
 */
export function createAppRouter() {
  // First: its popstate listener must run before the router's.
  const typed = numberTypedEntries(window);
  const router = createHashRouter([
    {
      path: '/',
      element: <App />,
      errorElement: <AppError />,
      children: [
        {
          // A page that fails shows why inside the shell, so the menu still leads on.
          errorElement: <PageError />,
          children: [
            { index: true, element: <Navigate to={paths.start} replace /> },
            { path: 'bevakning', element: <DeadlinesRoute /> },
            { path: 'placeringar', element: <PlacementsRoute /> },
            { path: 'placeringar/:placementId', element: <PlacementRoute /> },
            { path: 'kontroller', element: <ChecksRoute /> },
            // The register with a home's panel: the panel belongs to the register page (RegisterRoute).
            { path: 'register', element: <RegisterRoute />, children: [{ path: 'nytt' }, { path: 'hem/:homeId' }] },
            { path: 'register/historik/:homeId', element: <HomeHistoryRoute /> },
            { path: 'avvikelser', element: <DeviationsRoute />, children: [{ path: ':deviationId' }] },
            { path: 'anteckningar', element: <NotesSearchRoute /> },
            { path: 'hitta-placering', element: <MatchRoute /> },
            { path: 'aktgranskning', element: <Lazy page={AuditRoundsRoute} /> },
            { path: 'aktgranskning/ny', element: <Lazy page={NewAuditRoundRoute} /> },
            { path: 'aktgranskning/:roundId', element: <Lazy page={AuditRoundRoute} /> },
            { path: 'aktgranskning/:roundId/akt/:ordinal', element: <Lazy page={AuditFileRoute} /> },
            { path: 'rapporter', element: <Lazy page={ReportsRoute} /> },
            { path: 'rapporter/namnd', element: <Lazy page={BoardReportRoute} /> },
            { path: 'regler', element: <RulesRoute /> },
            { path: 'regler/traffsakerhet', element: <AccuracyRoute /> },
            { path: 'anvandare', element: <UsersRoute /> },
            { path: 'logg', element: <LogRoute /> },
            { path: 'sakerhet', element: <Lazy page={SecurityRoute} /> },
            { path: 'registerval', element: <Lazy page={RegisterChoiceRoute} /> },
            { path: '*', element: <NotFound /> },
          ],
        },
      ],
    },
  ]);
  router.subscribe(typed.remember);
  return router;
}

/** The Aktgranskning pages: one chunk of their own, loaded when one of them is first opened. */
const auditRoutes = () => import('../audits/routes');
const AuditRoundsRoute = lazy(() => auditRoutes().then((m) => ({ default: m.AuditRoundsRoute })));
const NewAuditRoundRoute = lazy(() => auditRoutes().then((m) => ({ default: m.NewAuditRoundRoute })));
const AuditRoundRoute = lazy(() => auditRoutes().then((m) => ({ default: m.AuditRoundRoute })));
const AuditFileRoute = lazy(() => auditRoutes().then((m) => ({ default: m.AuditFileRoute })));

/** The Rapporter pages: a chunk of their own too (ECharts comes later still, with the chart). */
const reportRoutes = () => import('../reports/routes');
const ReportsRoute = lazy(() => reportRoutes().then((m) => ({ default: m.ReportsRoute })));
const BoardReportRoute = lazy(() => reportRoutes().then((m) => ({ default: m.BoardReportRoute })));

/** Säkerhet: a chunk of its own as well. */
const SecurityRoute = lazy(() => import('../security/routes').then((m) => ({ default: m.SecurityRoute })));
/** Registerval likewise. */
const RegisterChoiceRoute = lazy(() => import('../register-choice/routes').then((m) => ({ default: m.RegisterChoiceRoute })));

function Lazy({ page: Page }: { page: ComponentType }) {
  return (
    <Suspense fallback={<p className="page-message" role="status">Hämtar sidan…</p>}>
      <Page />
    </Suspense>
  );
}

function DeadlinesRoute() {
  const app = useApp();
  const open = useOpen();
  return (
    <DeadlinesPage
      today={app.today}
      version={app.version}
      registerEmpty={app.info !== null && app.info.homeCount === 0}
      onOpenPlacement={open.placement}
      onOpenHome={open.home}
      onGoToPlacements={() => open.section('placeringar')}
      onNewHome={() => open.newHome()}
      onLoadDemo={app.loadDemo}
    />
  );
}

function PlacementsRoute() {
  const app = useApp();
  const open = useOpen();
  return (
    <PlacementsPage
      today={app.today}
      version={app.version}
      onOpen={open.placement}
      onOpenHome={open.home}
      onChanged={app.changed}
      notify={app.notify}
      confirm={app.confirm}
      onDirtyChange={app.onDirtyChange}
    />
  );
}

function ChecksRoute() {
  const app = useApp();
  const open = useOpen();
  return <ChecksPage today={app.today} version={app.version} onOpenPlacement={open.placement} onOpenHome={open.home} />;
}

function PlacementRoute() {
  const { placementId = '' } = useParams();
  const app = useApp();
  const open = useOpen();
  const opened = useOpenedFrom();
  return (
    <PlacementPage
      key={placementId}
      placementId={placementId}
      today={app.today}
      showBack={opened !== null}
      onToList={() => open.section('placeringar')}
      onOpenHome={open.home}
      onChanged={app.changed}
      notify={app.notify}
      confirm={app.confirm}
      onDirtyChange={app.onDirtyChange}
    />
  );
}

function HomeHistoryRoute() {
  const { homeId = '' } = useParams();
  const app = useApp();
  const opened = useOpenedFrom();
  return <HomeHistoryPage key={homeId} homeId={homeId} today={app.today} version={app.version} showBack={opened !== null} notify={app.notify} confirm={app.confirm} onChanged={app.changed} />;
}

function DeviationsRoute() {
  const { deviationId = null } = useParams();
  const app = useApp();
  return <DeviationsPage deviationId={deviationId} today={app.today} version={app.version} notify={app.notify} confirm={app.confirm} onChanged={app.changed} />;
}

function NotesSearchRoute() {
  const app = useApp();
  return <NotesSearchPage today={app.today} version={app.version} />;
}

function RulesRoute() {
  const app = useApp();
  return <RulesPage onChanged={app.changed} notify={app.notify} confirm={app.confirm} onDirtyChange={app.onDirtyChange} />;
}

function MatchRoute() {
  const app = useApp();
  const open = useOpen();
  return <MatchPage today={app.today} version={app.version} onOpenHistory={open.homeHistory} />;
}

function AccuracyRoute() {
  const app = useApp();
  return <AccuracyPage today={app.today} version={app.version} />;
}

function UsersRoute() {
  const app = useApp();
  return <UsersPage notify={app.notify} />;
}

function LogRoute() {
  const app = useApp();
  return <LogPage today={app.today} />;
}

function NotFound() {
  const navigate = useNavigate();
  return (
    <section className="empty" aria-labelledby="not-found-title">
      <h1 id="not-found-title" className="empty__title">Sidan finns inte</h1>
      <p className="empty__text">Adressen leder inte till någon sida i Placeringskollen.</p>
      <div className="empty__actions">
        <button type="button" className="button button--primary" onClick={() => void navigate(paths.start)}>Till Bevakning</button>
      </div>
    </section>
  );
}

function PageError() {
  const error = useRouteError();
  const navigate = useNavigate();
  return (
    <div className="page-message page-message--error" role="alert">
      <p>Sidan kunde inte visas. {error instanceof Error ? error.message : ''}</p>
      <div className="page-message__actions">
        <button type="button" className="button" onClick={() => void navigate(paths.start)}>Till Bevakning</button>
      </div>
    </div>
  );
}

/** The shell itself failed: no menu to lean on, only a way to start again. */
function AppError() {
  return (
    <div className="page-message page-message--error" role="alert">
      <p>Placeringskollen kunde inte visas. Läs in sidan igen.</p>
    </div>
  );
}
