import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { roleLabels, roles, type Role, type User } from '../../../preload/api';
import { api } from '../bridge/api';

interface Draft {
  id?: string;
  /** The version the user was read at (with `id`). */
  rowVersion?: number;
  name: string;
  initials: string;
  role: Role;
  /** The units, one per comma. */
  units: string;
  active: boolean;
  /** A new PIN; empty keeps the one there is. */
  pin: string;
  removePin: boolean;
  hasPin: boolean;
}

const newDraft: Draft = { name: '', initials: '', role: 'handlaggare', units: '', active: true, pin: '', removePin: false, hasPin: false };

const draftOf = (user: User): Draft => ({
  id: user.id,
  rowVersion: user.rowVersion,
  name: user.name,
  initials: user.initials,
  role: user.role,
  units: user.units.join(', '),
  active: user.active,
  pin: '',
  removePin: false,
  hasPin: user.hasPin,
});

interface Props {
  notify: (message: string) => void;
}

/**
 * Användare (administratör): who may work in the register and as what. A user is never removed,
 * only made inactive, so the log keeps naming who did what.
 */
export function UsersPage({ notify }: Props) {
  const [users, setUsers] = useState<User[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    void api.listUsers({}).then((result) => {
      if (!current) return;
      if (result.ok) setUsers(result.value);
      else setError(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [version]);

  if (error !== null) return <p className="page-message page-message--error" role="alert">Användarna kunde inte hämtas. {error}</p>;
  if (users === null) return <p className="page-message" role="status">Hämtar användare…</p>;

  return (
    <section className="users" aria-labelledby="users-title">
      <div className="register__head">
        <div>
          <h1 id="users-title" className="page-title">Användare</h1>
          <p className="page-lead">
            Vilka som arbetar i registret och med vilken roll. En användare tas aldrig bort, bara görs inaktiv, så att loggen
            fortsatt visar vem som gjorde vad.
          </p>
        </div>
        <button type="button" className="button button--primary" onClick={() => setDraft(newDraft)}>Ny användare</button>
      </div>

      <table className="users__table">
        <caption className="visually-hidden">Användare</caption>
        <thead>
          <tr>
            <th scope="col">Namn</th>
            <th scope="col">Initialer</th>
            <th scope="col">Roll</th>
            <th scope="col">Enheter</th>
            <th scope="col">Status</th>
            <th scope="col">PIN-kod</th>
            <th scope="col"><span className="visually-hidden">Ändra</span></th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <th scope="row">{user.name}</th>
              <td>{user.initials}</td>
              <td>{roleLabels[user.role]}</td>
              <td>{user.units.length === 0 ? <span className="muted">Ingen angiven</span> : user.units.join(', ')}</td>
              <td>{user.active ? 'Aktiv' : 'Inaktiv'}</td>
              <td>{user.hasPin ? 'Ja' : 'Nej'}</td>
              <td>
                <button type="button" className="button button--quiet" onClick={() => setDraft(draftOf(user))} aria-label={`Ändra ${user.name}`}>
                  Ändra
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {draft !== null && (
        <UserForm
          key={draft.id ?? 'ny'}
          draft={draft}
          onCancel={() => setDraft(null)}
          onSaved={(user) => {
            setDraft(null);
            setVersion((n) => n + 1);
            notify(draft.id === undefined ? `${user.name} har lagts till som ${roleLabels[user.role].toLocaleLowerCase('sv')}.` : `${user.name} har sparats.`);
          }}
        />
      )}
    </section>
  );
}

function UserForm({ draft: initial, onCancel, onSaved }: { draft: Draft; onCancel: () => void; onSaved: (user: User) => void }) {
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const set = (change: Partial<Draft>) => setDraft((old) => ({ ...old, ...change }));
  const title = draft.id === undefined ? 'Ny användare' : `Ändra ${initial.name}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const units = draft.units.split(',').map((unit) => unit.trim()).filter((unit) => unit !== '');
    const pin = draft.removePin ? { pin: null } : draft.pin.trim() === '' ? {} : { pin: draft.pin };
    const result = await api.saveUser({
      ...(draft.id === undefined ? {} : { id: draft.id, rowVersion: draft.rowVersion }),
      name: draft.name,
      initials: draft.initials,
      role: draft.role,
      units,
      active: draft.active,
      ...pin,
    });
    setBusy(false);
    if (result.ok) return onSaved(result.value);
    setMessage(result.error.message);
    setProblems(Object.fromEntries((result.error.issues ?? []).map((issue) => [issue.path.replace(/\/\d+$/, ''), issue.message])));
  };

  const field = (id: string, path: string) => ({
    id,
    'aria-invalid': problems[path] ? true : undefined,
    'aria-describedby': problems[path] ? `${id}-error` : undefined,
  });
  const problem = (id: string, path: string) => problems[path] && <p id={`${id}-error`} className="field__error">{problems[path]}</p>;

  return (
    <form className="users__form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="user-form-title">
      <h2 id="user-form-title" className="section-title">{title}</h2>
      <div className={problems['/name'] ? 'field field--invalid' : 'field'}>
        <label htmlFor="user-name">Namn</label>
        <input ref={first} className="input" value={draft.name} onChange={(e) => set({ name: e.target.value })} {...field('user-name', '/name')} />
        {problem('user-name', '/name')}
      </div>
      <div className={problems['/initials'] ? 'field field--invalid field--narrow' : 'field field--narrow'}>
        <label htmlFor="user-initials">Initialer</label>
        <input className="input" value={draft.initials} onChange={(e) => set({ initials: e.target.value })} {...field('user-initials', '/initials')} />
        {problem('user-initials', '/initials')}
      </div>
      <div className={problems['/role'] ? 'field field--invalid' : 'field'}>
        <label htmlFor="user-role">Roll</label>
        <select className="input" value={draft.role} onChange={(e) => set({ role: e.target.value as Role })} {...field('user-role', '/role')}>
          {roles.map((role) => (
            <option key={role} value={role}>{roleLabels[role]}</option>
          ))}
        </select>
        {problem('user-role', '/role')}
      </div>
      <div className={problems['/units'] ? 'field field--invalid' : 'field'}>
        <label htmlFor="user-units">Enheter</label>
        <p id="user-units-hint" className="field__hint">Skilj flera enheter med kommatecken.</p>
        <input className="input" value={draft.units} onChange={(e) => set({ units: e.target.value })} {...field('user-units', '/units')} aria-describedby={problems['/units'] ? 'user-units-hint user-units-error' : 'user-units-hint'} />
        {problem('user-units', '/units')}
      </div>
      <div className={problems['/pin'] ? 'field field--invalid field--narrow' : 'field field--narrow'}>
        <label htmlFor="user-pin">{draft.hasPin ? 'Ny PIN-kod' : 'PIN-kod (valfri)'}</label>
        <p id="user-pin-hint" className="field__hint">4–8 siffror. {draft.hasPin ? 'Lämna tomt för att behålla den som finns.' : 'Behövs om flera delar dator.'}</p>
        <input
          className="input"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          value={draft.pin}
          disabled={draft.removePin}
          onChange={(e) => set({ pin: e.target.value })}
          {...field('user-pin', '/pin')}
          aria-describedby={problems['/pin'] ? 'user-pin-hint user-pin-error' : 'user-pin-hint'}
        />
        {problem('user-pin', '/pin')}
      </div>
      {draft.hasPin && (
        <label className="checkbox">
          <input type="checkbox" checked={draft.removePin} onChange={(e) => set({ removePin: e.target.checked })} /> Ta bort PIN-koden
        </label>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={draft.active} onChange={(e) => set({ active: e.target.checked })} /> Aktiv (kan logga in)
      </label>
      {message !== null && <p className="field__error" role="alert">{message}</p>}
      <div className="users__actions">
        <button type="submit" className="button button--primary" disabled={busy}>{busy ? 'Sparar…' : 'Spara'}</button>
        <button type="button" className="button" onClick={onCancel}>Avbryt</button>
      </div>
    </form>
  );
}
