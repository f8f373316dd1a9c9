import { useState } from 'react';
import type { FormEvent } from 'react';
import {
  backupKindLabels,
  KEEP_AUTOMATIC_MAX,
  KEEP_AUTOMATIC_MIN,
  roleAllows,
  type BackupRow,
  type Role,
} from '../../../preload/api';
import { api } from '../bridge/api';
import type { ConfirmOptions } from '../components/ConfirmDialog';
import { useLoaded } from '../components/useLoaded';
import { bytesText, dateTimeText, keyText } from './securityText';

interface Props {
  role: Role;
  host: 'electron' | 'browser';
  notify: (message: string) => void;
  confirm: (options: ConfirmOptions) => Promise<boolean>;
}

/**
 * Säkerhet (enhetschef): how the register is protected on this computer and its copies. An
 * enhetschef makes a copy; an administratör restores one, changes the key and says how many
 * daily copies are kept.
 */
export function SecurityPage({ role, host, notify, confirm }: Props) {
  const [reload, setReload] = useState(0);
  const loaded = useLoaded(() => api.getRegisterProtection({}), String(reload));
  const [busy, setBusy] = useState<'backup' | 'restore' | 'rekey' | null>(null);
  const [restarting, setRestarting] = useState<{ title: string; problem: string | null } | null>(null);
  const administrator = roleAllows(role, 'administrator');

  if (restarting !== null) {
    return (
      <section className="empty" aria-labelledby="restarting-title">
        <h1 id="restarting-title" className="empty__title">{restarting.title}</h1>
        {restarting.problem && <p className="empty__text" role="alert">{restarting.problem}</p>}
        <p className="empty__text" role="status">Programmet startar om. Logga in igen när det är klart.</p>
      </section>
    );
  }
  if (loaded === null) return <p className="page-message" role="status">Hämtar uppgifterna om registret…</p>;
  if (loaded.value === null) return <p className="page-message page-message--error" role="alert">Uppgifterna om registret kunde inte hämtas. {loaded.error}</p>;
  const protection = loaded.value;

  const backUp = async () => {
    setBusy('backup');
    const result = await api.backUpNow({});
    setBusy(null);
    if (!result.ok) return notify(`Säkerhetskopian kunde inte göras. ${result.error.message}`);
    notify(`Säkerhetskopian är gjord och kontrollerad (${bytesText(result.value.bytes)}).`);
    setReload((n) => n + 1);
  };

  const restore = async (backup: BackupRow) => {
    const yes = await confirm({
      title: 'Återställa säkerhetskopian?',
      message:
        `Registret ersätts med kopian från ${dateTimeText(backup.createdAt)}. Det som sparats efter det finns sedan inte i registret. ` +
        'Först görs en säkerhetskopia av registret som det är nu, så att återställningen kan ångras. Programmet startar sedan om, och alla loggar in igen.',
      confirmLabel: 'Återställ och starta om',
      tone: 'danger',
    });
    if (!yes) return;
    setBusy('restore');
    const result = await api.restoreBackup({ name: backup.name });
    setBusy(null);
    if (!result.ok) return notify(`Säkerhetskopian kunde inte återställas. ${result.error.message}`);
    restart(result.value.problem === null ? 'Registret är återställt' : 'Säkerhetskopian kunde inte återställas', result.value.problem);
  };

  /** The desktop app starts itself again; in the browser the page loads again over the register opened anew. */
  const restart = (title: string, problem: string | null) => {
    setRestarting({ title, problem });
    if (host === 'browser') setTimeout(() => window.location.reload(), 1500);
  };

  const rekey = async () => {
    const yes = await confirm({
      title: 'Byta krypteringsnyckel?',
      message:
        'Registret och alla säkerhetskopior krypteras om med en ny, slumpad nyckel, och den gamla slutar fungera. ' +
        'Först görs en säkerhetskopia. Det tar en stund för ett stort register, och programmet startar sedan om. ' +
        'Ingen annan får ha registret öppet under tiden.',
      confirmLabel: 'Byt nyckel och starta om',
    });
    if (!yes) return;
    setBusy('rekey');
    const result = await api.changeRegisterKey({});
    setBusy(null);
    if (!result.ok) return notify(`Nyckeln kunde inte bytas. ${result.error.message}`);
    const { backupsLeft: left, problem } = result.value;
    if (problem !== null) return restart('Nyckeln kunde inte bytas', problem);
    restart(left === 0 ? 'Nyckeln är bytt' : `Nyckeln är bytt; ${left} säkerhetskopior får den nya vid nästa start`, null);
  };

  return (
    <section className="security" aria-labelledby="security-title">
      <h1 id="security-title" className="page-title">Säkerhet och säkerhetskopior</h1>
      <p className="page-lead">Hur registret skyddas på den här datorn, och kopiorna som gör att inget går förlorat om datorn eller filen skadas.</p>

      <section className="security__section" aria-labelledby="security-register-title">
        <h2 id="security-register-title" className="section-title">Registret</h2>
        <dl className="security__facts">
          <dt>Fil</dt>
          <dd className="security__path">{protection.databasePath}</dd>
          <dt>Kryptering</dt>
          <dd>
            {protection.encrypted ? <strong>Krypterat. </strong> : <strong className="security__warning">Inte krypterat. </strong>}
            {keyText(protection)}
          </dd>
        </dl>
        {administrator && protection.keySource === 'keystore' && (
          <button type="button" className="button" disabled={busy !== null} onClick={() => void rekey()}>
            {busy === 'rekey' ? 'Byter nyckel…' : 'Byt krypteringsnyckel…'}
          </button>
        )}
      </section>

      <section className="security__section" aria-labelledby="security-backups-title">
        <div className="security__head">
          <h2 id="security-backups-title" className="section-title">Säkerhetskopior</h2>
          <button type="button" className="button button--primary" disabled={busy !== null} onClick={() => void backUp()}>
            {busy === 'backup' ? 'Säkerhetskopierar…' : 'Säkerhetskopiera nu'}
          </button>
        </div>
        <p>
          En kopia görs automatiskt en gång om dagen medan programmet är igång, och de {protection.keepAutomatic} senaste sparas.
          {protection.nextAutomaticAt && ` Nästa automatiska kopia: ${dateTimeText(protection.nextAutomaticAt)} eller strax därefter.`} Varje kopia
          kontrolleras efter att den skrivits, och den är krypterad med samma nyckel som registret.
        </p>
        <p className="muted">Mapp: <span className="security__path">{protection.backupDir}</span></p>
        {protection.backups.length === 0 ? (
          <p className="security__empty">Det finns inga säkerhetskopior ännu. Den första görs automatiskt inom en timme, eller nu med knappen ovan.</p>
        ) : (
          <BackupTable backups={protection.backups} mayRestore={administrator} busy={busy !== null} onRestore={(backup) => void restore(backup)} />
        )}
        {administrator && (
          <KeepForm
            keep={protection.keepAutomatic}
            automatic={protection.backups.filter((b) => b.kind === 'automatisk').length}
            notify={notify}
            confirm={confirm}
            onSaved={() => setReload((n) => n + 1)}
          />
        )}
      </section>
    </section>
  );
}

function BackupTable({ backups, mayRestore, busy, onRestore }: { backups: BackupRow[]; mayRestore: boolean; busy: boolean; onRestore: (backup: BackupRow) => void }) {
  return (
    <table className="users__table security__table">
      <caption className="visually-hidden">Säkerhetskopior, den senaste först</caption>
      <thead>
        <tr>
          <th scope="col">Gjord</th>
          <th scope="col">Typ</th>
          <th scope="col" className="security__number">Storlek</th>
          {mayRestore && <th scope="col"><span className="visually-hidden">Återställ</span></th>}
        </tr>
      </thead>
      <tbody>
        {backups.map((backup) => (
          <tr key={backup.name}>
            <th scope="row">{dateTimeText(backup.createdAt)}</th>
            <td>{backupKindLabels[backup.kind]}</td>
            <td className="security__number">{bytesText(backup.bytes)}</td>
            {mayRestore && (
              <td>
                <button type="button" className="button button--quiet" disabled={busy} onClick={() => onRestore(backup)} aria-label={`Återställ kopian från ${dateTimeText(backup.createdAt)}`}>
                  Återställ…
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface KeepProps {
  keep: number;
  /** How many automatic copies there are now: fewer to keep removes some, which is asked first. */
  automatic: number;
  notify: (message: string) => void;
  confirm: (options: ConfirmOptions) => Promise<boolean>;
  onSaved: () => void;
}

function KeepForm({ keep, automatic, notify, confirm, onSaved }: KeepProps) {
  const [value, setValue] = useState(String(keep));
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const number = Number(value.trim());
    const removed = Number.isInteger(number) && number >= KEEP_AUTOMATIC_MIN ? automatic - number : 0;
    if (removed > 0) {
      const yes = await confirm({
        title: 'Ta bort automatiska kopior?',
        message: `${removed === 1 ? 'Den äldsta automatiska kopian tas' : `De ${removed} äldsta automatiska kopiorna tas`} bort när inställningen sparas.`,
        confirmLabel: 'Spara och ta bort',
        tone: 'danger',
      });
      if (!yes) return;
    }
    const result = await api.saveBackupSettings({ keepAutomatic: value.trim() === '' ? Number.NaN : number });
    if (!result.ok) return setProblem(result.error.issues?.[0]?.message ?? result.error.message);
    setProblem(null);
    notify(`De ${result.value.keepAutomatic} senaste automatiska kopiorna sparas.`);
    onSaved();
  };
  return (
    <form className={problem ? 'security__keep field--invalid' : 'security__keep'} onSubmit={(event) => void submit(event)} noValidate>
      <label htmlFor="keep-automatic">Antal automatiska kopior som sparas</label>
      <p id="keep-automatic-hint" className="field__hint">{KEEP_AUTOMATIC_MIN}–{KEEP_AUTOMATIC_MAX}. Kopior gjorda för hand tas aldrig bort automatiskt.</p>
      <div className="security__keep-row">
        <input
          id="keep-automatic"
          className="input security__keep-input"
          inputMode="numeric"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'keep-automatic-hint keep-automatic-error' : 'keep-automatic-hint'}
        />
        <button type="submit" className="button">Spara</button>
      </div>
      {problem && <p id="keep-automatic-error" className="field__error">{problem}</p>}
    </form>
  );
}
