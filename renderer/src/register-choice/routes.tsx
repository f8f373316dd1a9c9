/**
 * Registerval by address, a chunk of its own (routing/router.tsx), like Säkerhet: the renderer's
 * main chunk is at its size limit. The page is an administratör's: another user is told so.
 */
import { AppLink } from '../routing/links';
import { paths } from '../routing/paths';
import { useApp } from '../shell/AppContext';
import { useSession } from '../shell/SignIn';
import { RegisterChoicePage } from './RegisterChoicePage';
import './register-choice.css';

export function RegisterChoiceRoute() {
  const app = useApp();
  const { user } = useSession();
  if (user.role !== 'administrator') {
    return (
      <section className="empty" aria-labelledby="register-choice-denied-title">
        <h1 id="register-choice-denied-title" className="empty__title">Registerval</h1>
        <p className="empty__text">Vilket register datorn öppnar väljs av en administratör.</p>
        <div className="empty__actions">
          <AppLink to={paths.start} className="button button--primary">Till Bevakning</AppLink>
        </div>
      </section>
    );
  }
  if (app.info === null) return <p className="page-message" role="status">Hämtar inställningen…</p>;
  return <RegisterChoicePage info={app.info} notify={app.notify} confirm={app.confirm} onDirtyChange={app.onDirtyChange} />;
}
