/**
 * The users as the services read them, on either engine. On the shared register a person's PIN
 * hash is the administratör's only (PostgreSQL migration 2) and nobody signs in with a PIN there:
 * the database login says who one is (`sessionLogin`), so the hash is not read at all.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { dialectOf } from './dialect';
import type { Database, UsersTable } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

export type UserRow = Selectable<UsersTable>;

const readable = ['id', 'name', 'initials', 'role', 'units', 'active', 'osAccount', 'createdAt', 'rowVersion', 'dbLogin'] as const;

function users(db: Db) {
  return dialectOf(db).engine === 'postgres'
    ? db.selectFrom('users').select(readable).select(sql<string | null>`NULL`.as('pinHash'))
    : db.selectFrom('users').selectAll();
}

export async function readUsers(db: Db): Promise<UserRow[]> {
  return users(db).execute();
}

export async function readUser(db: Db, id: string): Promise<UserRow | undefined> {
  return users(db).where('id', '=', id).executeTakeFirst();
}

/** The database login of this connection on the shared register (who the database says one is); null on a local register. */
export async function sessionLogin(db: Db): Promise<string | null> {
  if (dialectOf(db).engine !== 'postgres') return null;
  return (await sql<{ login: string }>`SELECT session_user AS login`.execute(db)).rows[0]?.login ?? null;
}
