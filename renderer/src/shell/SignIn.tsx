import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { roleLabels, type Session, type SignInChoice, type User } from '../../../preload/api';
import { api } from '../bridge/api';

interface SessionValue {
  user: User;
  /** Back to "Vem arbetar?": another user takes over the window. */
  switchUser: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Who is working; only inside SessionGate, where someone always is. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession används utanför SessionGate.');
  return value;
}

/**
 * Nothing of the register is shown until someone has said who they are: the first start asks for
 * the first administratör, later starts for who is working (the one last signed in from this
 * computer account first). Main keeps who is signed in and refuses every call before it.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void api.getSession({}).then((result) => {
      if (result.ok) setSession(result.value);
      else setError(result.error.message);
    });
  }, []);

  const switchUser = useCallback(() => {
    void api.signOut({}).then((result) => {
      if (result.ok) setSession(result.value);
    });
  }, []);

  if (error !== null) return <p className="page-message page-message--error" role="alert">Programmet kunde inte starta. {error}</p>;
  if (session === null) return <p className="page-message" role="status">Startar…</p>;
  if (session.user === null) return <SignInPage session={session} onSignedIn={setSession} />;
  return <SessionContext.Provider value={{ user: session.user, switchUser }}>{children}</SessionContext.Provider>;
}

function SignInPage({ session, onSignedIn }: { session: Session; onSignedIn: (session: Session) => void }) {
  return (
    <main className="sign-in" id="main">
      <div className="sign-in__card">
        <p className="sign-in__brand">
          <span className="app-header__logo" aria-hidden="true">P</span> Placeringskollen
        </p>
        {session.firstStart ? <FirstAdministrator onSignedIn={onSignedIn} /> : <ChooseUser session={session} onSignedIn={onSignedIn} />}
      </div>
    </main>
  );
}

/** The first start: the first administratör, who then adds the others under Användare. */
function FirstAdministrator({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [name, setName] = useState('');
  const [initials, setInitials] = useState('');
  const [pin, setPin] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await api.createFirstAdministrator({ name, initials, units: [], ...(pin.trim() === '' ? {} : { pin }) });
    setBusy(false);
    if (result.ok) return onSignedIn(result.value);
    setMessage(result.error.message);
    setProblems(Object.fromEntries((result.error.issues ?? []).map((issue) => [issue.path, issue.message])));
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="first-admin-title">
      <h1 id="first-admin-title" className="page-title">Välkommen</h1>
      <p className="page-lead">
        Registret har inga användare än. Börja med dig själv: du blir administratör och kan sedan lägga till handläggare och
        enhetschefer.
      </p>
      <Field id="first-name" label="Namn" value={name} onChange={setName} problem={problems['/name']} autoFocus autoComplete="name" />
      <Field id="first-initials" label="Initialer" value={initials} onChange={setInitials} problem={problems['/initials']} />
      <Field
        id="first-pin"
        label="PIN-kod (valfri)"
        hint="4–8 siffror. Behövs om flera delar dator."
        value={pin}
        onChange={setPin}
        problem={problems['/pin']}
        inputMode="numeric"
        type="password"
        autoComplete="new-password"
      />
      {message !== null && Object.keys(problems).length === 0 && <p className="field__error" role="alert">{message}</p>}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? 'Sparar…' : 'Börja som administratör'}
      </button>
    </form>
  );
}

/** "Vem arbetar?": the active users, the one last signed in from this computer account first. */
function ChooseUser({ session, onSignedIn }: { session: Session; onSignedIn: (session: Session) => void }) {
  const suggested = session.choices.find((choice) => choice.id === session.suggestedUserId);
  const ordered = suggested ? [suggested, ...session.choices.filter((choice) => choice !== suggested)] : session.choices;
  const [chosen, setChosen] = useState<SignInChoice | null>(null);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);

  const signIn = async (choice: SignInChoice, withPin?: string) => {
    const result = await api.signIn({ userId: choice.id, ...(withPin === undefined ? {} : { pin: withPin }) });
    if (result.ok) return onSignedIn(result.value);
    setMessage(result.error.message);
  };

  if (chosen?.hasPin) {
    return (
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void signIn(chosen, pin);
        }}
        aria-labelledby="pin-title"
      >
        <h1 id="pin-title" className="page-title">{chosen.name}</h1>
        <Field id="sign-in-pin" label="PIN-kod" value={pin} onChange={setPin} problem={message ?? undefined} type="password" inputMode="numeric" autoFocus autoComplete="current-password" />
        <div className="sign-in__actions">
          <button type="submit" className="button button--primary">Logga in</button>
          <button type="button" className="button button--quiet" onClick={() => { setChosen(null); setPin(''); setMessage(null); }}>
            Välj någon annan
          </button>
        </div>
      </form>
    );
  }

  return (
    <section aria-labelledby="who-title">
      <h1 id="who-title" className="page-title">Vem arbetar?</h1>
      <p className="page-lead">Allt du läser och ändrar i registret loggas med ditt namn.</p>
      {ordered.length === 0 ? (
        <p role="alert">Det finns ingen aktiv användare. Be en administratör aktivera dig.</p>
      ) : (
        <ul className="sign-in__users">
          {ordered.map((choice, index) => (
            <li key={choice.id}>
              <button
                ref={index === 0 ? first : undefined}
                type="button"
                className="sign-in__user"
                onClick={() => (choice.hasPin ? setChosen(choice) : void signIn(choice))}
              >
                <span className="sign-in__initials" aria-hidden="true">{choice.initials}</span>
                <span className="sign-in__name">{choice.name}</span>
                <span className="sign-in__role">{roleLabels[choice.role]}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {message !== null && <p className="field__error" role="alert">{message}</p>}
    </section>
  );
}

interface FieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem?: string;
  hint?: string;
  type?: 'text' | 'password';
  inputMode?: 'numeric';
  autoFocus?: boolean;
  autoComplete?: string;
}

function Field({ id, label, value, onChange, problem, hint, type = 'text', inputMode, autoFocus, autoComplete }: FieldProps) {
  const described = [hint ? `${id}-hint` : null, problem ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={problem ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && <p id={`${id}-hint`} className="field__hint">{hint}</p>}
      <input
        id={id}
        className="input"
        type={type}
        inputMode={inputMode}
        value={value}
        autoFocus={autoFocus}
        autoComplete={autoComplete}
        aria-invalid={problem ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {problem && <p id={`${id}-error`} className="field__error">{problem}</p>}
    </div>
  );
}
