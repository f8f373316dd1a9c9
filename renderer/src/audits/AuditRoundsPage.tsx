import { useState } from 'react';
import { roleAllows, type AuditRoundSummary } from '../../../preload/api';
import { api } from '../bridge/api';
import { useLoaded } from '../components/useLoaded';
import { AppLink } from '../routing/links';
import { paths } from '../routing/paths';
import { useSession } from '../shell/SignIn';
import { dayOf } from '../today';
import { periodText, progressText } from './auditText';
import './audits.css';
import { ExportMenu } from '../components/ExportMenu';

/**
 * Aktgranskning: the rounds of egenkontroll, newest first. An enhetschef draws a new round; any
 * handläggare opens a round to audit its files.
 */
export function AuditRoundsPage({ version, onNewRound }: { version: number; onNewRound: () => void }) {
  const { user } = useSession();
  const [retries, setRetries] = useState(0);
  const loaded = useLoaded(() => api.listAuditRounds({}), `${version}\u0000${retries}`);
  const mayDraw = roleAllows(user.role, 'enhetschef');
  const rounds = loaded?.value ?? null;

  return (
    <section className="audits" aria-labelledby="audits-title">
      <div className="register__head">
        <div>
          <h1 id="audits-title" className="page-title">Aktgranskning</h1>
          <p className="page-lead audits__lead">
            Egenkontroll av personakterna: två gånger per år granskas slumpmässigt utvalda akter mot en checklista, och det som
            inte är i ordning blir avvikelser och åtgärder.
          </p>
        </div>
        <div className="audits__head-actions">
          <ExportMenu disabled={rounds === null || rounds.length === 0} request={() => ({ list: 'auditRounds', filter: {} })} />
          {mayDraw && (
            <button type="button" className="button button--primary" onClick={onNewRound}>
              Ny granskningsomgång
            </button>
          )}
        </div>
      </div>

      {loaded === null && <p className="page-message" role="status">Hämtar granskningsomgångarna…</p>}
      {loaded !== null && loaded.error !== null && (
        <div className="list-error" role="alert">
          <p>Granskningsomgångarna kunde inte hämtas. {loaded.error}</p>
          <button type="button" className="button" onClick={() => setRetries((n) => n + 1)}>Försök igen</button>
        </div>
      )}
      {rounds !== null && rounds.length === 0 && (
        <div className="audits__card audits__empty">
          <h2 className="audits__title">Inga granskningsomgångar ännu</h2>
          {mayDraw ? (
            <p>
              Börja med <strong>Ny granskningsomgång</strong>: välj period och hur många akter som ska granskas, så drar
              programmet ett slumpmässigt urval som vem som helst kan kontrollera i efterhand.
            </p>
          ) : (
            <p>
              En enhetschef drar urvalet till en granskningsomgång. När det är gjort visas omgången här, och du kan granska dess
              akter.
            </p>
          )}
        </div>
      )}
      {rounds !== null && rounds.length > 0 && <RoundTable rounds={rounds} />}
    </section>
  );
}

function RoundTable({ rounds }: { rounds: readonly AuditRoundSummary[] }) {
  return (
    <div className="audits__table-wrap">
      <table className="audit-table">
        <caption className="visually-hidden">Granskningsomgångar, den senaste perioden först</caption>
        <thead>
          <tr>
            <th scope="col">Namn</th>
            <th scope="col">Period</th>
            <th scope="col">Enhet</th>
            <th scope="col">Granskade</th>
            <th scope="col" className="audit-table__number">Öppna åtgärder</th>
            <th scope="col">Skapad av</th>
          </tr>
        </thead>
        <tbody>
          {rounds.map((round) => (
            <tr key={round.id}>
              <th scope="row">
                <AppLink to={paths.auditRound(round.id)} className="text-link">{round.name}</AppLink>
              </th>
              <td className="audit-table__date">{periodText(round)}</td>
              <td>{round.unit ?? <span className="muted">Alla enheter</span>}</td>
              <td className="audit-table__nowrap">
                {progressText(round.audited, round.size)}
                {round.audited === round.size && <span className="badge audit-badge audit-badge--done">Klar</span>}
              </td>
              <td className="audit-table__number">{round.openActions}</td>
              <td>
                {round.createdBy}
                <span className="audit-table__sub">{dayOf(round.createdAt)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
