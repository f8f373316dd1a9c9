import { SignedInAs } from '../shell/SignedInAs';
import { useSession } from '../shell/SignIn';
import { useEffect, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { RegisterCheck } from '../../../preload/api';
import { api } from '../bridge/api';
import { errorMap, failureOf, TextField } from '../placement/fields';
import type { Failure } from '../placement/fields';

/**
 * The confirm step of removing a check: why, and who removes it. Nothing is erased: the check
 * stays in the history with both. Enter removes, Esc cancels (a group inside the home's form).
 */
export function RemoveCheckForm(props: {
  idPrefix: string;
  check: RegisterCheck;
  /** "Belastningsregistret 2026-03-01 för Anna Ek": what is removed, in the title. */
  label: string;
  onCancel: () => void;
  onRemoved: (check: RegisterCheck) => void;
}) {
  const { idPrefix, check, onCancel } = props;
  const [reason, setReason] = useState('');
  // Who removes it is who is signed in (main writes the same).
  const removedBy = useSession().user.name;
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => document.getElementById(`${idPrefix}-reason`)?.focus(), [idPrefix]);

  async function remove() {
    if (saving) return;
    setSaving(true);
    const result = await api.removeRegisterCheck({ id: check.id, rowVersion: check.rowVersion, reason, removedBy });
    setSaving(false);
    if (!result.ok) {
      const next = failureOf(result.error, (path) => (path === '/reason' ? 'reason' : path === '/removedBy' ? 'removedBy' : ''));
      setFailure(next);
      const first = next.issues.find((issue) => issue.field !== '')?.field;
      if (first) requestAnimationFrame(() => document.getElementById(`${idPrefix}-${first}`)?.focus());
      return;
    }
    props.onRemoved(result.value);
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && (event.target as HTMLElement).tagName === 'INPUT') {
      event.preventDefault();
      void remove();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };

  const errors = errorMap(failure);
  const general = failure && errors.size === 0 ? failure.message : null;
  return (
    <div className="inline-form check-form check-form--remove" role="group" aria-labelledby={`${idPrefix}-title`} onKeyDown={onKeyDown}>
      <p id={`${idPrefix}-title`} className="check-form__title">Ta bort {props.label}?</p>
      <p className="check-form__note">Kontrollen tas bort ur listan men finns kvar i historiken, med vem som tog bort den och varför.</p>
      <div className="inline-form__fields">
        <TextField id={`${idPrefix}-reason`} label="Varför tas kontrollen bort?" required maxLength={500} className="inline-form__wide" error={errors.get('reason')} value={reason} onChange={setReason} />
      </div>
      <SignedInAs label="Tas bort av" />
      {general && <p className="field__error" role="alert">{general}</p>}
      <div className="inline-form__actions">
        <button type="button" className="button button--danger" disabled={saving} onClick={() => void remove()}>
          {saving ? 'Tar bort…' : 'Ta bort kontrollen'}
        </button>
        <button type="button" className="button" onClick={onCancel}>Avbryt</button>
      </div>
    </div>
  );
}
