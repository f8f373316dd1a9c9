import type { HomeChecks, PersonRegister, PersonRegisterStatus } from '../../../preload/api';
import { deadlineStatusLabels, registerLabels, roleLabels } from '../labels';
import { CheckForm } from './CheckForm';
import type { CheckSubject } from './CheckForm';
import { CheckList, OutcomeBadge } from './CheckList';
import type { CheckActions } from './CheckList';

type Adult = HomeChecks['persons'][number];

/** Required registers first, otherwise in the catalogue's order. */
const requiredFirst = (registers: PersonRegisterStatus[]) => [...registers].sort((a, b) => Number(b.required) - Number(a.required));

/** What the form proposes: a required register never checked, else one overdue, else the first. */
function suggestedRegister(adult: Adult, offered: PersonRegister[]): PersonRegister | undefined {
  const registers = requiredFirst(adult.registers);
  return (
    registers.find((r) => r.required && r.newestCheckedOn === null)?.register ??
    registers.find((r) => r.status === 'overdue')?.register ??
    offered[0]
  );
}

/**
 * One adult of a foster home: a status line per register (newest check, and the next re-check
 * while a child lives there), then the adult's checks, then the button or form to record one.
 */
export function AdultChecks({ adult, actions, showDue }: { adult: Adult; actions: CheckActions; showDue: boolean }) {
  const subject: CheckSubject = { kind: 'person', personId: adult.personId, name: adult.name };
  const titleId = `check-adult-${adult.personId}`;
  const recording = actions.open?.mode === 'record' && actions.open.subjectId === adult.personId;
  const registers = requiredFirst(adult.registers);
  const problems = registers.filter((r) => (r.required && r.newestCheckedOn === null) || r.status === 'overdue').length;
  return (
    <div className="check-adult" role="group" aria-labelledby={titleId}>
      <h4 id={titleId} className="check-adult__title">
        {adult.name} <span className="check-adult__role">{roleLabels[adult.role]}</span>
        {problems > 0 && <span className="badge badge--deadline-overdue check-adult__flag">{problems === 1 ? '1 kontroll saknas eller är försenad' : `${problems} kontroller saknas eller är försenade`}</span>}
      </h4>

      {registers.length > 0 && (
        <table className="check-status">
          <caption className="visually-hidden">Registerkontroller för {adult.name}</caption>
          <thead>
            <tr>
              <th scope="col">Register</th>
              <th scope="col">Senaste kontroll</th>
              {showDue && <th scope="col">Nästa kontroll senast</th>}
            </tr>
          </thead>
          <tbody>
            {registers.map((status) => (
              <StatusRow key={status.register} status={status} showDue={showDue} />
            ))}
          </tbody>
        </table>
      )}

      {adult.checks.length === 0 ? (
        <p className="muted check-adult__empty">Inga kontroller är registrerade för {adult.name}.</p>
      ) : (
        <CheckList checks={adult.checks} subject={subject} actions={actions} />
      )}

      {recording ? (
        <CheckForm
          idPrefix={`check-new-${adult.personId}`}
          subject={subject}
          registers={actions.registers}
          defaults={{ register: suggestedRegister(adult, actions.registers) }}
          today={actions.today}
          onCancel={() => {
            actions.setOpen(null);
            requestAnimationFrame(() => document.getElementById(`check-record-${adult.personId}`)?.focus());
          }}
          onSaved={actions.recorded}
        />
      ) : (
        <button
          type="button"
          id={`check-record-${adult.personId}`}
          className="button"
          aria-label={`Registrera kontroll för ${adult.name}`}
          onClick={() => actions.setOpen({ mode: 'record', subjectId: adult.personId })}
        >
          Registrera kontroll
        </button>
      )}
    </div>
  );
}

/** One register: "Saknas" or "Försenad" said in words, so it stands out without colour too. */
function StatusRow({ status, showDue }: { status: PersonRegisterStatus; showDue: boolean }) {
  const missing = status.required && status.newestCheckedOn === null;
  return (
    <tr className={missing || status.status === 'overdue' ? 'check-status__row--problem' : undefined}>
      <th scope="row">
        {registerLabels[status.register]}
        <span className="check-status__kind">{status.required ? 'krävs' : 'valfri'}</span>
      </th>
      <td>
        {status.newestCheckedOn !== null ? (
          <span className="check-status__value">
            {status.newestCheckedOn}
            {status.newestOutcome && <OutcomeBadge outcome={status.newestOutcome} />}
          </span>
        ) : missing ? (
          <span className="badge badge--deadline-overdue">Saknas</span>
        ) : (
          <span className="muted">Ingen kontroll</span>
        )}
      </td>
      {showDue && (
        <td>
          {status.dueOn !== null ? (
            <span className="check-status__value">
              {status.dueOn}
              {status.status && <span className={`badge badge--deadline-${status.status}`}>{deadlineStatusLabels[status.status]}</span>}
            </span>
          ) : (
            <span className="muted">Ingen löpande kontroll</span>
          )}
        </td>
      )}
    </tr>
  );
}
