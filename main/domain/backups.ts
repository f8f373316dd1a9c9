/**
 * The words and rules of the register's copies (issue: hardening). Why a copy was made is part of
 * its name; when the next automatic copy is due follows from the newest one.
 */
export const backupKinds = ['automatisk', 'manuell', 'fore-migrering', 'fore-kryptering', 'fore-aterstallning', 'fore-nyckelbyte'] as const;
export type BackupKind = (typeof backupKinds)[number];

export const backupKindLabels: Record<BackupKind, string> = {
  automatisk: 'Automatisk',
  manuell: 'Gjord för hand',
  'fore-migrering': 'Före uppdatering',
  'fore-kryptering': 'Före kryptering',
  'fore-aterstallning': 'Före återställning',
  'fore-nyckelbyte': 'Före nyckelbyte',
};

/** Automatic copies kept when nobody has said otherwise: two weeks of working days and more. */
export const KEEP_AUTOMATIC_DEFAULT = 14;
export const KEEP_AUTOMATIC_MIN = 1;
export const KEEP_AUTOMATIC_MAX = 365;
/** Copies before a migration, an encryption, a restore or a key change: the newest few of each are enough. */
export const KEEP_SAFETY = 3;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When the next automatic copy is due: a day after the newest one, and at once when there is none.
 * A copy with a time ahead of now (a clock that was wrong) does not postpone the next one.
 */
export function nextAutomaticBackupAt(newestAutomatic: string | null, now: string): string {
  if (newestAutomatic === null || newestAutomatic > now) return now;
  return new Date(Date.parse(newestAutomatic) + DAY_MS).toISOString();
}
