/**
 * The shared register opened (issue 18): connected as the person's own login over verified TLS,
 * brought to this version's schema under the migration lock (or refused if it is newer), and
 * given to the same repositories as the local register through Kysely.
 */
import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { Database } from '../schema';
import { describeAddress, openSharedPool, parseSharedRegisterUrl, SharedRegisterError, type SharedRegisterAddress } from './connection';
import { sharedKysely } from './kysely';
import { currentPgVersion, migratePg, otherTables } from './migrate';
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
  return openSharedRegisterAt(parseSharedRegisterUrl(url), { password });
}

/** Opens the shared register at an address already checked (the settings page's, a URL's). */
export async function openSharedRegisterAt(address: SharedRegisterAddress, { password = null }: { password?: string | null } = {}): Promise<SharedRegister> {
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

/** What a test of the connection found: who the database says one is, and what the database holds. */
export interface SharedRegisterProbe {
  /** The database's `current_user`: the login the register will log one's work under. */
  login: string;
  /** empty: nothing yet, the register is set up when it is first opened; older: brought up to date then; newer: this version cannot open it. */
  state: 'empty' | 'current' | 'older' | 'newer';
  version: number;
  latest: number;
}

/**
 * Connects once, without changing anything, and says whether the database is a Placeringskollen
 * register (or an empty one to become one): the settings page's "Testa anslutningen", so an
 * address is never saved that the next start could not open. A database holding something else
 * is refused, so the program never writes its tables among another system's.
 */
export async function probeSharedRegister(
  address: SharedRegisterAddress,
  { password = null, connectTimeoutMs = 10_000, queryTimeoutMs = 10_000 }: { password?: string | null; connectTimeoutMs?: number; queryTimeoutMs?: number } = {},
): Promise<SharedRegisterProbe> {
  // A server that lets one in and then never answers must not leave "Testar…" on the page for ever.
  const pool = await openSharedPool(address, { password, connectTimeoutMs, maxConnections: 1, queryTimeoutMs });
  try {
    return await lookAround(pool, address);
  } catch (error) {
    if (error instanceof SharedRegisterError) throw error;
    const silent = /timeout/i.test((error as { message?: string } | null)?.message ?? '');
    throw new SharedRegisterError(
      silent
        ? `Databasservern ${address.host}:${address.port} släppte in ${address.user} men svarade sedan inte. Försök igen, eller be IT se efter servern.`
        : `Databasen ${address.database} på ${address.host}:${address.port} kunde inte undersökas. Be IT kontrollera att ${address.user} får läsa den.`,
      { cause: error },
    );
  } finally {
    await pool.end().catch(() => undefined);
  }
}

/** Who the database says one is, and which version of the register it holds. */
async function lookAround(pool: pg.Pool, address: SharedRegisterAddress): Promise<SharedRegisterProbe> {
  const client = await pool.connect();
  try {
    const login = (await client.query<{ login: string }>('SELECT current_user AS login')).rows[0]?.login ?? address.user;
    const version = await currentPgVersion(client);
    const latest = pgMigrations.length;
    if (version === 0) {
      if ((await otherTables(client)).length > 0) {
        throw new SharedRegisterError(`Databasen ${address.database} innehåller redan annat än ett register från Placeringskollen. Ange en egen databas för registret, eller be IT skapa en.`, { field: 'database' });
      }
      return { login, state: 'empty', version, latest };
    }
    return { login, state: version === latest ? 'current' : version < latest ? 'older' : 'newer', version, latest };
  } finally {
    client.release();
  }
}
