/**
 * Settings kept in the database (the rules' parameters and legal references): one JSON value per
 * key with a version that counts the saves, and every saved version kept in the history.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredSetting {
  value: unknown;
  version: number;
}

export async function readSetting(db: Db, key: string): Promise<StoredSetting | undefined> {
  const row = await db.selectFrom('settings').select(['value', 'version']).where('key', '=', key).executeTakeFirst();
  return row && { value: JSON.parse(row.value) as unknown, version: row.version };
}

/** Who saved a version, when and why. */
export interface SettingChange {
  changedAt: string;
  changedBy: string;
  reason: string;
}

/**
 * Writes version `version` of `key` and keeps it in the history with who, when and why. False, and
 * nothing written, when the stored version is already `version` or newer: someone else saved
 * meanwhile (on the shared register, a save still open when this one read the version).
 */
export async function writeSetting(db: Db, key: string, value: unknown, version: number, change: SettingChange): Promise<boolean> {
  const json = JSON.stringify(value);
  const { changedAt } = change;
  const result = await db
    .insertInto('settings')
    .values({ key, value: json, version, changedAt })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, version, changedAt }).where('settings.version', '<', version))
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0n) === 0) return false;
  await db.insertInto('settingsHistory').values({ key, version, value: json, ...change }).execute();
  return true;
}

export interface StoredVersion {
  key: string;
  version: number;
  value: unknown;
  changedAt: string;
  changedBy: string | null;
  reason: string | null;
}

/** Every saved version of `keys`, oldest first. */
export async function readSettingsHistory(db: Db, keys: readonly string[]): Promise<StoredVersion[]> {
  const rows = await db
    .selectFrom('settingsHistory')
    .selectAll()
    .where('key', 'in', keys)
    .orderBy('version')
    .orderBy('key')
    .execute();
  return rows.map((row) => ({ ...row, value: JSON.parse(row.value) as unknown }));
}
