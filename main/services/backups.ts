/**
 * The register's protection as the window shows it (preload/api/backups.ts): copies made now and
 * every day, kept as many as the setting says, restored after a safety copy, and a new key.
 */
import type { BackupRow, RegisterProtection } from '../../preload/api/backups';
import { BackupError, backupDirFor, type BackupFile } from '../db/backups';
import { KeyFileError } from '../db/key-file';
import { RekeyError, rekeyRefusal, type Register, type RestoreNote } from '../db/register';
import { KEEP_AUTOMATIC_DEFAULT, KEEP_AUTOMATIC_MAX, KEEP_AUTOMATIC_MIN, KEEP_SAFETY, nextAutomaticBackupAt } from '../domain/backups';
import { currentLogContext, withLogContext, type OwnEntry } from '../db/access-log';
import type { Clock } from './clock';
import { ServiceError } from './errors';
import type { PreferenceStore } from './preferences';

/** The register file as the app or the browser host keeps it open. */
export interface RegisterHost {
  register: Register;
  /**
   * Runs `work`, which closes the register (a restore, a new key), and then starts again whatever
   * happened: the app relaunches, the browser host opens the register anew. Resolves with the
   * work's answer (or rejects with its error) once the register is open again, or the app is about
   * to relaunch.
   */
  restart<T>(work: () => Promise<T>): Promise<T>;
}

const KEEP_AUTOMATIC = 'backups.keepAutomatic';

export function createBackupsService(host: RegisterHost | null, clock: Clock, preferences: PreferenceStore, log: (entry: OwnEntry) => Promise<void>) {
  function registerHost(): RegisterHost {
    if (!host) throw new ServiceError('NOT_FOUND', 'Säkerhetskopior görs av programmet som har registret öppet, inte här.');
    return host;
  }

  function keepAutomatic(): number {
    const kept = preferences.get(KEEP_AUTOMATIC);
    // The file may have been edited by hand: anything but a whole number in range counts as unset.
    return Number.isInteger(kept) && (kept as number) >= KEEP_AUTOMATIC_MIN && (kept as number) <= KEEP_AUTOMATIC_MAX ? (kept as number) : KEEP_AUTOMATIC_DEFAULT;
  }

  /** Writing a copy, restoring one or changing the key fails with words for the user, never a stack. */
  async function said<T>(work: () => T | Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof BackupError || error instanceof RekeyError || error instanceof KeyFileError) {
        throw new ServiceError('CONFLICT', error.message);
      }
      throw error;
    }
  }

  function prune(register: Register): void {
    register.prune({ automatic: keepAutomatic(), safety: KEEP_SAFETY });
  }

  return {
    protection(): RegisterProtection {
      const { register } = registerHost();
      const backups = register.list();
      const newestAutomatic = backups.find((b) => b.kind === 'automatisk')?.createdAt ?? null;
      return {
        databasePath: register.path,
        backupDir: backupDirFor(register.path),
        encrypted: register.connection.encrypted,
        keySource: register.keySource,
        keystore: register.keystoreBackend,
        backups: backups.map(row),
        keepAutomatic: keepAutomatic(),
        nextAutomaticAt: nextAutomaticBackupAt(newestAutomatic, clock.now()),
      };
    },

    backUpNow(): Promise<BackupRow> {
      return said(async () => {
        const made = registerHost().register.backup('manuell');
        await log({ action: 'backup', entity: 'backups', entityId: made.name, childId: null, detail: { bytes: made.bytes } });
        return row(made);
      });
    },

    /**
     * A copy of the register as it is comes first, with the restore already in its log, so a
     * restore can be undone the same way. Nothing is pruned here: the copy being restored may be
     * the oldest of its kind.
     */
    restore(name: string): Promise<{ restarting: true; problem: string | null }> {
      const current = registerHost();
      return said(async () => {
        current.register.check(name);
        current.register.assertAlone();
        await log({ action: 'restore', entity: 'backups', entityId: name, childId: null, detail: null });
        current.register.backup('fore-aterstallning');
        const note = { backup: name, userId: currentLogContext().userId, at: clock.now() };
        const { problem } = await throughRestart(current, () => current.register.closeAndRestore(name, note));
        return { restarting: true as const, problem };
      });
    },

    /** A new key for the register and its copies; the program then starts again on it. */
    changeKey(): Promise<{ backupsLeft: number; restarting: true; problem: string | null }> {
      const current = registerHost();
      return said(async () => {
        // Refused before anything closes: a refusal needs no restart.
        const refusal = rekeyRefusal(current.register.keySource);
        if (refusal !== null) throw new ServiceError('CONFLICT', refusal);
        current.register.assertAlone();
        await log({ action: 'rekey', entity: 'register', entityId: null, childId: null, detail: null });
        const { value, problem } = await throughRestart(current, () => current.register.closeAndRekey());
        return { backupsLeft: value?.backupsLeft ?? 0, restarting: true as const, problem };
      });
    },

    /** The entry a restored register gets: it did not exist when the copy was made. */
    recordRestore(note: RestoreNote): Promise<void> {
      return withLogContext({ userId: note.userId, channel: 'restoreBackup', at: note.at, rowChanges: true }, () =>
        log({ action: 'restore', entity: 'backups', entityId: note.backup, childId: null, detail: null }),
      );
    },

    saveSettings(input: { keepAutomatic: number }): { keepAutomatic: number } {
      preferences.set(KEEP_AUTOMATIC, input.keepAutomatic);
      if (host) prune(host.register);
      return { keepAutomatic: keepAutomatic() };
    },

    /**
     * The daily copy, when one is due, and the pruning after it; the app and the browser host call
     * this at start and every hour. A copy that cannot be written is reported, not thrown: the
     * register itself is fine and the work goes on.
     */
    runDue(): { made: BackupRow | null; problem: string | null } {
      if (!host) return { made: null, problem: null };
      const { register } = host;
      try {
        const newest = register.list().find((b) => b.kind === 'automatisk')?.createdAt ?? null;
        if (nextAutomaticBackupAt(newest, clock.now()) > clock.now()) return { made: null, problem: null };
        const made = register.backup('automatisk');
        prune(register);
        return { made: row(made), problem: null };
      } catch (error) {
        // On a timer nothing may escape: the register itself is fine and the work goes on.
        if (error instanceof BackupError) return { made: null, problem: error.message };
        console.error('Placeringskollen: den automatiska säkerhetskopian:', error);
        return { made: null, problem: 'Den automatiska säkerhetskopian kunde inte göras: ett oväntat fel.' };
      }
    },
  };
}

/**
 * Work that closes the register, through the host's restart: the program starts again whatever
 * happens, so a failure inside is said with the restart, not instead of it.
 */
async function throughRestart<T>(current: RegisterHost, work: () => Promise<T>): Promise<{ value: T | null; problem: string | null }> {
  try {
    return { value: await current.restart(work), problem: null };
  } catch (error) {
    if (error instanceof BackupError || error instanceof RekeyError || error instanceof KeyFileError) return { value: null, problem: error.message };
    console.error('Placeringskollen:', error);
    return { value: null, problem: 'Ett oväntat fel inträffade; registret är som det var.' };
  }
}

function row(backup: BackupFile): BackupRow {
  return { name: backup.name, kind: backup.kind, createdAt: backup.createdAt, bytes: backup.bytes };
}
