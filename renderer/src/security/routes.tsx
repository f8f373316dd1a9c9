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
  if (app.info?.register === 'shared') {
    // The unit's register is in the municipality's database: its copies are the database's.
    return (
      <section className="security" aria-labelledby="security-title">
        <h1 id="security-title" className="page-title">Säkerhet och säkerhetskopior</h1>
        <p className="page-lead">Registret är enhetens gemensamma register i kommunens databas.</p>
        <section className="security__section" aria-labelledby="security-register-title">
          <h2 id="security-register-title" className="section-title">Registret</h2>
          <dl className="security__facts">
            <dt>Databas</dt>
            <dd className="security__path">{app.info.databasePath}</dd>
            <dt>Anslutning</dt>
            <dd>
              {app.info.encrypted ? (
                <><strong>Krypterad. </strong>Servern har visat ett certifikat från kommunens CA.</>
              ) : (
                <><strong className="security__warning">Inte krypterad. </strong>Databasen finns på den här datorn.</>
              )}
            </dd>
            <dt>Säkerhetskopior</dt>
            <dd>Görs av databasen (pg_dump och återställning till en viss tidpunkt), inte av programmet. Kontakta IT om något behöver återställas.</dd>
          </dl>
        </section>
      </section>
    );
  }
  return <SecurityPage role={user.role} host={app.info?.host ?? 'browser'} notify={app.notify} confirm={app.confirm} />;
}
