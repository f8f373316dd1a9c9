/**
 * The Rapporter pages by address, loaded as one chunk the first time one is opened (routing/
 * router.tsx), as Aktgranskning's are: the renderer's main chunk is at its size limit. The reports
 * are an enhetschef's: another user is told so, with nothing to fail.
 */
import { useNavigate } from 'react-router';
import { roleAllows } from '../../../preload/api';
import { AppLink } from '../routing/links';
import { openedState, paths } from '../routing/paths';
import { useApp } from '../shell/AppContext';
import { useSession } from '../shell/SignIn';
import { BoardReportPage } from './BoardReportPage';
import { paramsFromPeriod } from './period';
import { ReportsPage } from './ReportsPage';

function NotForYou({ title }: { title: string }) {
  return (
    <section className="empty" aria-labelledby="reports-denied-title">
      <h1 id="reports-denied-title" className="empty__title">{title}</h1>
      <p className="empty__text">
        Nämndrapporten och förteckningen till IVO tas fram av en enhetschef. Fråga din enhetschef om du behöver siffrorna.
      </p>
      <div className="empty__actions">
        <AppLink to={paths.start} className="button button--primary">Till Bevakning</AppLink>
      </div>
    </section>
  );
}

export function ReportsRoute() {
  const app = useApp();
  const { user } = useSession();
  const navigate = useNavigate();
  if (!roleAllows(user.role, 'enhetschef')) return <NotForYou title="Rapporter" />;
  return (
    <ReportsPage
      today={app.today}
      notify={app.notify}
      onOpenBoard={(values) => void navigate(`${paths.boardReport}?${paramsFromPeriod(values).toString()}`, { state: openedState(paths.section('rapporter'), null) })}
    />
  );
}

export function BoardReportRoute() {
  const app = useApp();
  const { user } = useSession();
  if (!roleAllows(user.role, 'enhetschef')) return <NotForYou title="Nämndrapport" />;
  return <BoardReportPage today={app.today} version={app.version} notify={app.notify} />;
}
