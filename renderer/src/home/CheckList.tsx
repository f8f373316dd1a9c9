import type { CheckOutcome, PersonRegister, RegisterCheck } from '../../../preload/api';
import { checkOutcomeLabels, registerLabels } from '../labels';
import { CheckForm } from './CheckForm';
import type { CheckSubject } from './CheckForm';
import { recordedText, scopeParts } from './CheckFormat';
import { RemoveCheckForm } from './RemoveCheckForm';

/** Which form of the section is open: one at a time. */
export type OpenCheckForm =
  | { mode: 'record'; subjectId: string }
  | { mode: 'correct'; checkId: string }
  | { mode: 'remove'; checkId: string }
  | null;

/** What the section's parts share: the open form and what happens after a save. */
export interface CheckActions {
  today: string;
  open: OpenCheckForm;
  setOpen: (open: OpenCheckForm) => void;
  /** The catalogue's registers, required first: what the form offers for an adult. */
  registers: PersonRegister[];
  recorded: (check: RegisterCheck) => void;
  corrected: (check: RegisterCheck) => void;
  removed: (check: RegisterCheck) => void;
}

/** "Belastningsregistret 2026-03-01 för Anna Ek", "IVO-tillstånd 2026-03-01": a check in a sentence or a button's name. */
export function checkLabel(check: Pick<RegisterCheck, 'register' | 'checkedOn'>, subject: CheckSubject): string {
  const what = `${registerLabels[check.register]} ${check.checkedOn}`;
  return subject.kind === 'person' ? `${what} för ${subject.name}` : what;
}

const outcomeTone: Record<CheckOutcome, string> = {
  'utan-anmarkning': 'badge--check-ok',
  giltigt: 'badge--check-ok',
  'med-anmarkning': 'badge--deadline-due-soon',
  ogiltigt: 'badge--deadline-overdue',
};

/** The outcome in words; the colour only helps. */
export function OutcomeBadge({ outcome }: { outcome: CheckOutcome }) {
  return <span className={`badge ${outcomeTone[outcome]}`}>{checkOutcomeLabels[outcome]}</span>;
}

/** The checks of one adult or the permit verifications of one home, newest first, each with Rätta and Ta bort. */
export function CheckList({ checks, subject, actions }: { checks: RegisterCheck[]; subject: CheckSubject; actions: CheckActions }) {
  const { open, setOpen } = actions;
  return (
    <ul className="check-list">
      {checks.map((check) => {
        const label = checkLabel(check, subject);
        const correcting = open?.mode === 'correct' && open.checkId === check.id;
        const removing = open?.mode === 'remove' && open.checkId === check.id;
        return (
          <li key={check.id} className="check-list__item">
            <div className="check-list__row">
              <span className="check-list__date">{check.checkedOn}</span>
              <div className="check-list__body">
                <span className="check-list__what">
                  {subject.kind === 'person' ? registerLabels[check.register] : 'Tillståndet är'} <OutcomeBadge outcome={check.outcome} />
                </span>
                {check.permit && <PermitDetails check={check} />}
                <span className="check-list__detail">
                  {check.reference
                    ? `${subject.kind === 'person' ? 'Diarienummer' : 'Referens'}: ${check.reference}`
                    : subject.kind === 'person' ? 'Inget diarienummer' : 'Ingen referens'}
                  {' · '}
                  {recordedText(check)}
                </span>
              </div>
              {!correcting && !removing && (
                <div className="check-list__actions">
                  <button type="button" id={`check-correct-${check.id}`} className="button button--quiet" aria-label={`Rätta ${label}`} onClick={() => setOpen({ mode: 'correct', checkId: check.id })}>
                    Rätta
                  </button>
                  <button type="button" id={`check-remove-${check.id}`} className="button button--quiet check-list__remove" aria-label={`Ta bort ${label}`} onClick={() => setOpen({ mode: 'remove', checkId: check.id })}>
                    Ta bort
                  </button>
                </div>
              )}
            </div>
            {correcting && (
              <CheckForm
                idPrefix={`check-fix-${check.id}`}
                subject={subject}
                registers={actions.registers}
                check={check}
                today={actions.today}
                onCancel={() => {
                  setOpen(null);
                  requestAnimationFrame(() => document.getElementById(`check-correct-${check.id}`)?.focus());
                }}
                onSaved={actions.corrected}
              />
            )}
            {removing && (
              <RemoveCheckForm
                idPrefix={`check-drop-${check.id}`}
                check={check}
                label={label}
                onCancel={() => {
                  setOpen(null);
                  requestAnimationFrame(() => document.getElementById(`check-remove-${check.id}`)?.focus());
                }}
                onRemoved={actions.removed}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** What a verified permit covers: forms, ages and places on one line, then target group and holder. */
function PermitDetails({ check }: { check: RegisterCheck }) {
  const permit = check.permit!;
  const parts = scopeParts(permit);
  return (
    <>
      <span className="check-list__detail">{parts.length > 0 ? `Omfattar: ${parts.join(' · ')}` : 'Omfattning inte angiven'}</span>
      {permit.targetGroup && <span className="check-list__detail">Målgrupp: {permit.targetGroup}</span>}
      {permit.holderOrgNr && <span className="check-list__detail">Tillståndshavare: org.nr {permit.holderOrgNr}</span>}
    </>
  );
}
