import { useEffect, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type { AppInfo, RegisterChoiceInput, RegisterChoiceView, RegisterConnectionTest, Result, SharedRegisterInput } from '../../../preload/api';
import { api } from '../bridge/api';
import type { ConfirmOptions } from '../components/ConfirmDialog';
import { useLoaded } from '../components/useLoaded';
import { addressChanged, choiceDirty, passwordHint, type ChoiceValues } from './registerChoiceText';

interface Props {
  info: AppInfo;
  notify: (message: string) => void;
  confirm: (options: ConfirmOptions) => Promise<boolean>;
  /** The unsaved-changes guard (shell/useLeaveGuard): leaving with edits asks first. */
  onDirtyChange: (dirty: boolean) => void;
}

type Field = 'host' | 'port' | 'database' | 'user' | 'password' | 'tls' | 'caFile';

type Values = ChoiceValues;

// Only whether to offer the unencrypted box: the layers keep the renderer from main/db, whose
// isLoopbackHost is the rule that counts and is checked again on every save, test and connection.
const loopback = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);
const isLoopback = (host: string) => loopback.has(host.trim().toLowerCase());

function valuesOf(view: RegisterChoiceView): Values {
  const { choice } = view;
  if (choice.kind === 'local') return { kind: 'local', host: '', port: '5432', database: '', user: '', password: '', unencrypted: false, caFile: '' };
  return {
    kind: 'shared',
    host: choice.host,
    port: String(choice.port),
    database: choice.database,
    user: choice.user,
    password: '',
    unencrypted: choice.tls === 'disable',
    caFile: choice.caFile ?? '',
  };
}

/**
 * Registerval (administratör): which register Placeringskollen opens on this computer, the local
 * file or the unit's shared register, with a test of the connection before anything is saved.
 */
export function RegisterChoicePage({ info, notify, confirm, onDirtyChange }: Props) {
  const loaded = useLoaded(() => api.getRegisterChoice({}), 'once');
  // The choice as the last save answered it: the form starts afresh from it (the password field empty).
  const [saved, setSaved] = useState<{ view: RegisterChoiceView; count: number } | null>(null);
  if (loaded === null) return <p className="page-message" role="status">Hämtar inställningen…</p>;
  const view = saved?.view ?? loaded.value;
  if (view === null) return <p className="page-message page-message--error" role="alert">Inställningen kunde inte hämtas. {loaded.error}</p>;
  return (
    <ChoiceForm
      key={saved?.count ?? 0}
      view={view}
      info={info}
      notify={notify}
      confirm={confirm}
      onDirtyChange={onDirtyChange}
      onSaved={(next) => setSaved((now) => ({ view: next, count: (now?.count ?? 0) + 1 }))}
    />
  );
}

function ChoiceForm({ view, info, notify, confirm, onDirtyChange, onSaved }: Props & { view: RegisterChoiceView; onSaved: (view: RegisterChoiceView) => void }) {
  const [values, setValues] = useState<Values>(() => valuesOf(view));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [tested, setTested] = useState<RegisterConnectionTest | null>(null);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const [restarting, setRestarting] = useState<string | null>(null);
  // Saved (and starting again) is nothing left to lose.
  const dirty = restarting === null && choiceDirty(view, values);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);
  const desktop = info.host === 'electron';
  const loopbackHost = isLoopback(values.host);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((now) => ({ ...now, [key]: value }));
    setTested(null);
    if (key in errors) setErrors((now) => ({ ...now, [key]: undefined }));
  };

  if (restarting !== null) {
    return (
      <section className="empty" aria-labelledby="restarting-title">
        <h1 id="restarting-title" className="empty__title">Valet är sparat</h1>
        <p className="empty__text" role="status">{restarting} Logga in igen när det är klart.</p>
      </section>
    );
  }

  /** The fields as the contract takes them, or the port's problem (the one field the window can judge alone). */
  const shared = (): SharedRegisterInput | null => {
    const port = Number(values.port.trim());
    if (!/^\d+$/.test(values.port.trim()) || port < 1 || port > 65535) {
      setErrors({ port: 'Porten ska vara ett heltal 1–65535; PostgreSQL använder oftast 5432.' });
      return null;
    }
    return {
      host: values.host,
      port,
      database: values.database,
      user: values.user,
      tls: loopbackHost && values.unencrypted ? 'disable' : 'verify-full',
      caFile: values.caFile.trim() === '' ? null : values.caFile,
      password: values.password === '' ? null : values.password,
    };
  };

  /** A refusal said at its fields, and what belongs to no field above the buttons. */
  const refused = (result: Extract<Result<unknown>, { ok: false }>) => {
    const at: Partial<Record<Field, string>> = {};
    let general: string | null = null;
    for (const issue of result.error.issues ?? []) {
      const field = issue.path.replace(/^\//, '') as Field;
      if (['host', 'port', 'database', 'user', 'password', 'tls', 'caFile'].includes(field)) at[field] ??= issue.message;
      else general ??= issue.message;
    }
    // tls is only a field where the checkbox is shown; elsewhere its problem is the server's.
    if (at.tls && !loopbackHost) {
      at.host ??= at.tls;
      delete at.tls;
    }
    setErrors(at);
    setProblem(Object.keys(at).length === 0 ? (general ?? result.error.message) : null);
  };

  /** The desktop app's file dialog; a browser tab cannot give a path, so there the path is typed. */
  const chooseFile = async () => {
    const result = await api.chooseRegisterCaFile({});
    if (!result.ok) return setErrors((now) => ({ ...now, caFile: result.error.message }));
    if (result.value.path !== null) set('caFile', result.value.path);
  };

  const test = async () => {
    setProblem(null);
    setTested(null);
    const input = shared();
    if (input === null) return;
    setErrors({});
    setBusy('test');
    const result = await api.testRegisterConnection(input);
    setBusy(null);
    if (!result.ok) return refused(result);
    setTested(result.value);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const fields = values.kind === 'local' ? null : shared();
    if (values.kind === 'shared' && fields === null) return;
    const input: RegisterChoiceInput = fields === null ? { kind: 'local' } : { kind: 'shared', ...fields };
    setErrors({});
    const willRestart = desktop && !view.decidedByIt && (values.kind === 'shared' || info.register === 'shared');
    if (willRestart) {
      const yes = await confirm({
        title: 'Spara och starta om?',
        message:
          values.kind === 'shared'
            ? 'Anslutningen testas först. Fungerar den sparas valet, och programmet startar om och öppnar det gemensamma registret. Alla som arbetar på den här datorn loggar in igen.'
            : 'Programmet startar om och öppnar det lokala registret på den här datorn.',
        confirmLabel: 'Spara och starta om',
      });
      if (!yes) return;
    }
    setBusy('save');
    const result = await api.saveRegisterChoice(input);
    setBusy(null);
    if (!result.ok) return refused(result);
    if (result.value.restarting) {
      setRestarting(values.kind === 'shared' ? 'Programmet startar om och öppnar det gemensamma registret.' : 'Programmet startar om och öppnar det lokala registret.');
      return;
    }
    notify(
      desktop || view.decidedByIt
        ? 'Valet är sparat.'
        : `Valet är sparat. Skrivbordsappen på den här datorn öppnar ${values.kind === 'shared' ? 'det gemensamma registret' : 'det lokala registret'} nästa gång den startar.`,
    );
    onSaved(result.value.view);
  };

  const fieldProps = (field: Field, hint?: string) => ({
    id: `register-${field}`,
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': [hint ? `register-${field}-hint` : '', errors[field] ? `register-${field}-error` : ''].filter(Boolean).join(' ') || undefined,
  });
  const error = (field: Field) => errors[field] && <p id={`register-${field}-error`} className="field__error">{errors[field]}</p>;

  return (
    <section className="register-choice" aria-labelledby="register-choice-title">
      <h1 id="register-choice-title" className="page-title">Registerval</h1>
      <p className="page-lead">
        Vilket register Placeringskollen öppnar på den här datorn: det lokala registret i en fil på datorn, eller enhetens gemensamma register i
        kommunens databas.
      </p>

      <dl className="register-choice__now">
        <dt>Öppet nu</dt>
        <dd>
          {info.register === 'shared' ? 'Gemensamt register' : 'Lokalt register'}: <span className="register-choice__path">{info.databasePath}</span>
        </dd>
      </dl>

      {view.problem && <Notice tone="warning">{view.problem}</Notice>}
      {view.decidedByIt && (
        <Notice>
          IT har ställt in datorn på att alltid öppna ett visst register (PLACERINGSKOLLEN_DB). Det du sparar här används först när IT har tagit bort den
          inställningen.
        </Notice>
      )}
      {!desktop && !view.decidedByIt && (
        <Notice>
          Webbläsarläget öppnar det register som anges när det startas (--db eller PLACERINGSKOLLEN_DB). Valet här sparas för skrivbordsappen på den här
          datorn.
        </Notice>
      )}

      <form className="register-choice__form" onSubmit={(event) => void save(event)} noValidate>
        <fieldset className="form-section">
          <legend>Register</legend>
          <div className="register-choice__kinds">
            <label className="checkbox">
              <input type="radio" name="register-kind" checked={values.kind === 'local'} onChange={() => set('kind', 'local')} />
              Lokalt register på den här datorn
            </label>
            <label className="checkbox">
              <input type="radio" name="register-kind" checked={values.kind === 'shared'} onChange={() => set('kind', 'shared')} />
              Gemensamt register (PostgreSQL)
            </label>
          </div>
        </fieldset>

        {values.kind === 'shared' && (
          <fieldset className="form-section">
            <legend>Gemensamt register</legend>
            <div className="form-row">
              <div className={errors.host ? 'field field--invalid' : 'field'}>
                <label htmlFor="register-host">Server</label>
                <p id="register-host-hint" className="field__hint">Databasserverns namn, till exempel db.kommun.se.</p>
                <input className="input" autoComplete="off" spellCheck={false} value={values.host} onChange={(e) => set('host', e.target.value)} {...fieldProps('host', 'hint')} />
                {error('host')}
              </div>
              <div className={errors.port ? 'field field--narrow field--invalid' : 'field field--narrow'}>
                <label htmlFor="register-port">Port</label>
                <p id="register-port-hint" className="field__hint">Oftast 5432.</p>
                <input className="input" inputMode="numeric" autoComplete="off" value={values.port} onChange={(e) => set('port', e.target.value)} {...fieldProps('port', 'hint')} />
                {error('port')}
              </div>
            </div>
            <div className="form-row">
              <div className={errors.database ? 'field field--invalid' : 'field'}>
                <label htmlFor="register-database">Databas</label>
                <input className="input" autoComplete="off" spellCheck={false} value={values.database} onChange={(e) => set('database', e.target.value)} {...fieldProps('database')} />
                {error('database')}
              </div>
              <div className={errors.user ? 'field field--invalid' : 'field'}>
                <label htmlFor="register-user">Användare</label>
                <input className="input" autoComplete="off" spellCheck={false} value={values.user} onChange={(e) => set('user', e.target.value)} {...fieldProps('user')} />
                {error('user')}
              </div>
            </div>
            <div className={errors.password ? 'field field--invalid' : 'field'}>
              <label htmlFor="register-password">Lösenord</label>
              <p id="register-password-hint" className="field__hint">{passwordHint(view, addressChanged(view, values))}</p>
              <input
                className="input register-choice__password"
                type="password"
                autoComplete="new-password"
                value={values.password}
                onChange={(e) => set('password', e.target.value)}
                {...fieldProps('password', 'hint')}
              />
              {error('password')}
            </div>
            <div className={errors.caFile ? 'field field--invalid' : 'field'}>
              <label htmlFor="register-caFile">CA-certifikat</label>
              <p id="register-caFile-hint" className="field__hint">
                Sökvägen till kommunens CA-certifikat (en .pem-fil) på den här datorn. Anslutningen krypteras alltid, och serverns certifikat kontrolleras
                mot det och mot serverns namn.
              </p>
              <div className="register-choice__file">
                <input className="input" autoComplete="off" spellCheck={false} value={values.caFile} onChange={(e) => set('caFile', e.target.value)} {...fieldProps('caFile', 'hint')} />
                {desktop && (
                  <button type="button" className="button" disabled={busy !== null} onClick={() => void chooseFile()}>
                    Välj fil…
                  </button>
                )}
              </div>
              {error('caFile')}
            </div>
            {loopbackHost && (
              <div className={errors.tls ? 'field field--invalid' : 'field'}>
                <label className="checkbox">
                  <input type="checkbox" checked={values.unencrypted} onChange={(e) => set('unencrypted', e.target.checked)} {...fieldProps('tls')} />
                  Okrypterad anslutning (bara till en databasserver på den här datorn)
                </label>
                {error('tls')}
              </div>
            )}
          </fieldset>
        )}

        {problem && <p className="page-message page-message--error" role="alert">{problem}</p>}
        {tested && (
          <p className={tested.state === 'newer' ? 'register-choice__result register-choice__result--bad' : 'register-choice__result'} role="status">
            {tested.message}
          </p>
        )}
        <div className="register-choice__actions">
          {values.kind === 'shared' && (
            <button type="button" className="button" disabled={busy !== null} onClick={() => void test()}>
              {busy === 'test' ? 'Testar…' : 'Testa anslutningen'}
            </button>
          )}
          <button type="submit" className="button button--primary" disabled={busy !== null}>
            {busy === 'save' ? 'Sparar…' : 'Spara'}
          </button>
        </div>
      </form>
    </section>
  );
}

function Notice({ tone, children }: { tone?: 'warning'; children: ReactNode }) {
  return <p className={tone === 'warning' ? 'register-choice__notice register-choice__notice--warning' : 'register-choice__notice'}>{children}</p>;
}
