/**
 * The shared register opened (issue 18): connected as the person's own login over verified TLS,
 * brought to this version's schema under the migration lock (or refused if it is newer), and
 * given to the same repositories as the local register through Kysely.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { describeAddress, openSharedPool, parseSharedRegisterUrl, type SharedRegisterAddress } from './connection';
import { sharedKysely } from './kysely';
import { migratePg } from './migrate';
import { pgMigrations } from './migrations';

export interface SharedRegister {
  db: Kysely<Database>;
  address: SharedRegisterAddress;
  /** The register as the footer names it: login, server and database, never a password. */
  description: string;
  /** Whether the connection is encrypted (TLS): always, but to a server on this computer. */
  encrypted: boolean;
  close(): Promise<void>;
}

/** Opens the shared register at `url`; `password` when the address has none (PGPASSWORD, the keystore). */
export async function openSharedRegister(url: string, { password = null }: { password?: string | null } = {}): Promise<SharedRegister> {
  const address = parseSharedRegisterUrl(url);
  const pool = await openSharedPool(address, { password });
  try {
    await migratePg(pool, pgMigrations);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  const db = sharedKysely(pool);
  return {
    db,
    address,
    description: describeAddress(address),
    encrypted: address.tls.mode === 'verify-full',
    close: () => db.destroy(),
  };
}
