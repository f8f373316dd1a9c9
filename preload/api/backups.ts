/**
 * The register's protection (issue: hardening): whether and how it is encrypted, its checked
 * copies, a copy made now, a restore, a new key, and how many daily copies are kept.
 */
import { z } from 'zod';
import { channel } from './channel';
import { empty, plainText } from './fields';

export { backupKindLabels, backupKinds, KEEP_AUTOMATIC_MAX, KEEP_AUTOMATIC_MIN, type BackupKind } from '../../main/domain/backups';
import { KEEP_AUTOMATIC_MAX, KEEP_AUTOMATIC_MIN, type BackupKind } from '../../main/domain/backups';

export interface BackupRow {
  name: string;
  kind: BackupKind;
  /** ISO 8601 (UTC). */
  createdAt: string;
  bytes: number;
}

export interface RegisterProtection {
  databasePath: string;
  backupDir: string;
  encrypted: boolean;
  /** Where the key is kept: the operating system's keystore, PLACERINGSKOLLEN_DB_KEY, or nowhere (not encrypted). */
  keySource: 'keystore' | 'env' | 'none';
  /** The keystore's own name where it says one (Linux: gnome_libsecret, kwallet…). */
  keystore: string | null;
  /** Newest first. */
  backups: BackupRow[];
  /** How many automatic daily copies are kept. */
  keepAutomatic: number;
  /** When the next automatic copy is due (ISO), or null when none is made here. */
  nextAutomaticAt: string | null;
}

/** The program starts again after a restore or a new key, whatever happened; `problem` says what went wrong, if anything. */
export interface Restarting {
  restarting: true;
  problem: string | null;
}

export const backupChannels = {
  getRegisterProtection: channel(empty).returns<RegisterProtection>(),
  backUpNow: channel(empty).returns<BackupRow>(),
  /** Restores the named copy after a safety copy of the register as it is; the program then starts again. */
  restoreBackup: channel(z.object({ name: plainText().min(1, 'Välj en säkerhetskopia.').max(200, 'Välj en säkerhetskopia.') }).strict()).returns<Restarting>(),
  /** A new key for the register and its copies (how many could not be given it); the program then starts again. */
  changeRegisterKey: channel(empty).returns<Restarting & { backupsLeft: number }>(),
  saveBackupSettings: channel(
    z
      .object({
        keepAutomatic: z
          .int('Ange ett heltal.')
          .min(KEEP_AUTOMATIC_MIN, `Minst ${KEEP_AUTOMATIC_MIN}.`)
          .max(KEEP_AUTOMATIC_MAX, `Högst ${KEEP_AUTOMATIC_MAX}.`),
      })
      .strict(),
  ).returns<{ keepAutomatic: number }>(),
};
