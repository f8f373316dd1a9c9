/**
 * Säkerhet by address, a chunk of its own (routing/router.tsx): the renderer's main chunk is at its
 * size limit. The page is an enhetschef's: another user is told so, with nothing to fail.
 */
import { roleAllows } from '../../../preload/api';
import { AppLink } from '../routing/links';
import { paths } from '../routing/paths';
import { useApp } from '../shell/AppContext';
import { useSession } from '../shell/SignIn';
import { SecurityPage } from './SecurityPage';
import './security.css';

export function SecurityRoute() {
  const app = useApp();
  const { user } = useSession();
  if (!roleAllows(user.role, 'enhetschef')) {
    return (
      <section className="empty" aria-labelledby="security-denied-title">
        <h1 id="security-denied-title" className="empty__title">Säkerhet och säkerhetskopior</h1>
        <p className="empty__text">Registrets säkerhetskopior och kryptering sköts av en enhetschef eller administratör.</p>
        <div className="empty__actions">
          <AppLink to={paths.start} className="button button--primary">Till Bevakning</AppLink>
        </div>
      </section>
    );
  }
  return <SecurityPage role={user.role} host={app.info?.host ?? 'browser'} notify={app.notify} confirm={app.confirm} />;
}
