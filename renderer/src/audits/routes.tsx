/**
 * The Aktgranskning pages by address, loaded as one chunk the first time one is opened (routing/
 * router.tsx): the renderer's main chunk is at its size limit, and most users never draw a round.
 */
import { useNavigate, useParams } from 'react-router';
import { roleAllows } from '../../../preload/api';
import { AppLink, useOpen } from '../routing/links';
import { openedState, paths } from '../routing/paths';
import { useApp } from '../shell/AppContext';
import { useSession } from '../shell/SignIn';
import { AuditFilePage } from './AuditFilePage';
import { AuditRoundPage } from './AuditRoundPage';
import { AuditRoundsPage } from './AuditRoundsPage';
import { NewAuditRoundPage } from './NewAuditRoundPage';

export function AuditRoundsRoute() {
  const app = useApp();
  const navigate = useNavigate();
  return <AuditRoundsPage version={app.version} onNewRound={() => void navigate(paths.newAuditRound, { state: openedState(paths.section('aktgranskning'), null) })} />;
}

export function NewAuditRoundRoute() {
  const app = useApp();
  const { user } = useSession();
  const navigate = useNavigate();
  if (!roleAllows(user.role, 'enhetschef')) {
    return (
      <section className="empty" aria-labelledby="audit-new-denied-title">
        <h1 id="audit-new-denied-title" className="empty__title">Ny granskningsomgång</h1>
        <p className="empty__text">Det är en enhetschef som drar urvalet till en granskningsomgång. Du kan granska akterna i de omgångar som finns.</p>
        <div className="empty__actions">
          <AppLink to={paths.section('aktgranskning')} className="button button--primary">Till Aktgranskning</AppLink>
        </div>
      </section>
    );
  }
  return (
    <NewAuditRoundPage
      today={app.today}
      // The form is done with: the round takes its place in the history, so Back goes to the list.
      onCreated={(id) => void navigate(paths.auditRound(id), { replace: true, state: openedState(paths.section('aktgranskning'), null) })}
      onChanged={app.changed}
      notify={app.notify}
      onDirtyChange={app.onDirtyChange}
      onSaving={app.onSaving}
    />
  );
}

export function AuditRoundRoute() {
  const { roundId = '' } = useParams();
  const app = useApp();
  return (
    <AuditRoundPage
      key={roundId}
      roundId={roundId}
      today={app.today}
      version={app.version}
      onChanged={app.changed}
      notify={app.notify}
      onDirtyChange={app.onDirtyChange}
    />
  );
}

export function AuditFileRoute() {
  const { roundId = '', ordinal = '' } = useParams();
  const app = useApp();
  const number = /^\d{1,5}$/.test(ordinal) ? Number(ordinal) : null;
  if (number === null || number < 1) return <NoSuchFile roundId={roundId} />;
  return (
    <AuditFilePage
      key={`${roundId}/${number}`}
      roundId={roundId}
      ordinal={number}
      notify={app.notify}
      onChanged={app.changed}
      onDirtyChange={app.onDirtyChange}
      onSaving={app.onSaving}
    />
  );
}

function NoSuchFile({ roundId }: { roundId: string }) {
  const open = useOpen();
  return (
    <section className="empty" aria-labelledby="audit-file-missing-title">
      <h1 id="audit-file-missing-title" className="empty__title">Akten finns inte</h1>
      <p className="empty__text">Adressen leder inte till någon akt i granskningsomgången.</p>
      <div className="empty__actions">
        <button type="button" className="button button--primary" onClick={() => open.auditRound(roundId)}>Till omgången</button>
      </div>
    </section>
  );
}
