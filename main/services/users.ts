/**
 * Who is working. The users are kept in the register (every computer of a unit sees the same
 * people); who is signed in is this app's, in memory, for the one window. A PIN is optional (shared
 * workstations) and kept only as scrypt with its own salt. The access log is read and verified here.
 */
import { randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendEntry, readLogPage, verifyStoredChain } from '../db/access-log';
import type { Database } from '../db/schema';
import { readUser, readUsers, sessionLogin, type UserRow } from '../db/users-repository';
import type { Role } from '../domain/roles';
import { compareSwedish } from '../domain/swedish';
import type {
  AccessLogPage,
  AccessLogQuery,
  AccessLogStatus,
  FirstAdministratorInput,
  Session,
  SignInInput,
  User,
  UserInput,
} from '../../preload/api/users';
import type { Clock } from './clock';
import { changedSince, ServiceError } from './errors';
import { nextVersion } from '../db/row-versions';

const hashPin = (pin: string): string => {
  const salt = randomBytes(16);
  return `${salt.toString('hex')}:${scryptSync(pin, salt, 32).toString('hex')}`;
};
const pinMatches = (pin: string, stored: string): boolean => {
  const [salt, hash] = stored.split(':');
  if (!salt || !hash) return false;
  const given = scryptSync(pin, Buffer.from(salt, 'hex'), 32);
  return timingSafeEqual(given, Buffer.from(hash, 'hex'));
};


function toUser(row: UserRow): User {
  return {
    id: row.id,
    name: row.name,
    initials: row.initials,
    role: row.role as Role,
    units: JSON.parse(row.units) as string[],
    active: row.active === 1,
    hasPin: row.pinHash !== null,
    rowVersion: row.rowVersion,
  };
}

export interface UsersOptions {
  /** This computer's account name: the user last signed in from it is offered first. */
  osAccount?: string | null;
}

/** The log is counted up to this many entries per question. */
const COUNT_CAP = 10_000;

export function createUsersService(db: Kysely<Database>, clock: Clock, { osAccount = null }: UsersOptions = {}) {
  let signedIn: string | null = null;

  const all = async () => (await readUsers(db)).map(toUser).sort((a, b) => compareSwedish(a.name, b.name));

  async function getRow(id: string) {
    return readUser(db, id);
  }

  /**
   * On the shared register the database login says who one is: its user is signed in, always, and
   * nobody else can be chosen (null on a local register, where the window chooses).
   */
  let login: Promise<string | null> | null = null;
  const databaseLogin = () =>
    (login ??= sessionLogin(db).catch((error: unknown) => {
      login = null; // asked again next time: a passing failure must not sign nobody in for good
      throw error;
    }));
  async function loginUser(): Promise<UserRow | null> {
    const name = await databaseLogin();
    if (name === null) return null;
    return (await readUsers(db)).find((row) => row.dbLogin === name && row.active === 1) ?? null;
  }

  async function session(): Promise<Session> {
    const vouched = await loginUser();
    if ((await databaseLogin()) !== null) signedIn = vouched?.id ?? null;
    const users = await all();
    // Made inactive since signing in: no longer working here.
    const user = users.find((u) => u.id === signedIn && u.active) ?? null;
    if (user === null) signedIn = null;
    const suggested =
      osAccount === null
        ? null
        : ((await db.selectFrom('users').select('id').where('osAccount', '=', osAccount).where('active', '=', 1).executeTakeFirst())?.id ?? null);
    const chosen = vouched === null ? users.filter((u) => u.active) : users.filter((u) => u.id === vouched.id);
    return {
      user,
      firstStart: users.length === 0,
      choices: chosen.map(({ id, name, initials, role, hasPin }) => ({ id, name, initials, role, hasPin })),
      suggestedUserId: suggested,
    };
  }

  /** A new user; `osAccount`: the computer account they are signed in from, if any. */
  async function insert(input: Omit<UserInput, 'id'>, on: Kysely<Database> = db, account: string | null = null, dbLogin: string | null = null): Promise<string> {
    const id = randomUUID();
    await on
      .insertInto('users')
      .values({
        id,
        name: input.name,
        initials: input.initials,
        role: input.role,
        units: JSON.stringify(input.units),
        active: input.active ? 1 : 0,
        osAccount: account,
        pinHash: input.pin ? hashPin(input.pin) : null,
        createdAt: clock.now(),
        // The first administratör of a shared register is the login that made it.
        ...(dbLogin === null ? {} : { dbLogin }),
      })
      .execute();
    return id;
  }

  return {
    session,

    /** The signed-in user's id, or null. */
    current: (): string | null => signedIn,

    /** The signed-in user as the gate checks it: active, with their role; null when nobody is. */
    async currentUser(): Promise<User | null> {
      if (signedIn === null) return null;
      const row = await getRow(signedIn);
      return row && row.active === 1 ? toUser(row) : null;
    },

    /** Only while the register has no users: the first administratör, signed in at once. */
    async createFirstAdministrator(input: FirstAdministratorInput): Promise<Session> {
      const id = await db.transaction().execute(async (trx) => {
        const any = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
        if (any) throw new ServiceError('CONFLICT', 'Det finns redan användare. Be en administratör lägga till dig.');
        return insert({ ...input, role: 'administrator', active: true }, trx, osAccount, await databaseLogin());
      });
      signedIn = id;
      return session();
    },

    async signIn({ userId, pin }: SignInInput): Promise<Session> {
      const row = await getRow(userId);
      if (!row) throw new ServiceError('NOT_FOUND', 'Användaren finns inte. Välj någon i listan.');
      const name = await databaseLogin();
      if (name !== null && row.dbLogin !== name) {
        throw new ServiceError('FORBIDDEN', `I det gemensamma registret är du den som databasinloggningen ${name} hör till, och kan inte logga in som någon annan.`);
      }
      if (row.active !== 1) throw new ServiceError('FORBIDDEN', `${row.name} är inte längre aktiv och kan inte logga in.`);
      if (row.pinHash !== null && (pin === undefined || !pinMatches(pin, row.pinHash))) {
        await appendEntry(db, { action: 'refused', entity: 'users', entityId: row.id, childId: null, detail: { reason: 'Fel PIN-kod.' } });
        throw new ServiceError('FORBIDDEN', pin === undefined ? 'Ange din PIN-kod.' : 'Fel PIN-kod.');
      }
      signedIn = row.id;
      // Remembered: this computer account offers this user first next time.
      if (osAccount !== null && row.osAccount !== osAccount) await db.updateTable('users').set({ osAccount }).where('id', '=', row.id).execute();
      await appendEntry(db, { action: 'sign-in', entity: 'users', entityId: row.id, childId: null, detail: null });
      return session();
    },

    async signOut(): Promise<Session> {
      signedIn = null;
      return session();
    },

    list: all,

    /** Saves a user (administratör): never the last active administratör made something else or inactive. */
    async save(input: UserInput): Promise<User> {
      return db.transaction().execute(async (trx) => {
        let id = input.id;
        if (id === undefined) {
          id = await insert(input, trx);
        } else {
          const old = await readUser(trx, id);
          if (!old) throw new ServiceError('NOT_FOUND', 'Användaren finns inte längre.');
          if (old.rowVersion !== input.rowVersion) throw await changedSince(trx, 'users', id, 'användaren');
          const updated = await trx
            .updateTable('users')
            .set({
              name: input.name,
              initials: input.initials,
              role: input.role,
              units: JSON.stringify(input.units),
              active: input.active ? 1 : 0,
              ...(input.pin === undefined ? {} : { pinHash: input.pin === null ? null : hashPin(input.pin) }),
              rowVersion: nextVersion('users'),
            })
            .where('id', '=', id)
            .where('rowVersion', '=', old.rowVersion)
            .executeTakeFirst();
          if (updated.numUpdatedRows === 0n) throw await changedSince(trx, 'users', id, 'användaren');
          const admins = await trx.selectFrom('users').select('id').where('role', '=', 'administrator').where('active', '=', 1).execute();
          if (admins.length === 0) {
            throw new ServiceError('CONFLICT', 'Det måste finnas minst en aktiv administratör.', [{ path: '/role', message: 'Det måste finnas minst en aktiv administratör.' }]);
          }
        }
        return toUser((await readUser(trx, id))!);
      });
    },

    /** A page of the access log, newest first, with the users' names. */
    async accessLog(query: AccessLogQuery): Promise<AccessLogPage> {
      const { rows, total } = await readLogPage(db, query, COUNT_CAP);
      return {
        rows: rows.map((row) => ({ ...row, userName: row.userName ?? (row.userId === null ? 'Systemet' : 'Okänd användare') })),
        total: Math.min(total, COUNT_CAP),
        capped: total > COUNT_CAP,
      };
    },

    /** "Verifiera loggen": the chain recomputed from the first entry. */
    async verifyAccessLog(): Promise<AccessLogStatus> {
      const { entries, problem } = await verifyStoredChain(db);
      return problem === null
        ? { entries, intact: true, message: `Loggen är hel: alla ${entries} poster stämmer.`, problemSeq: null }
        : { entries, intact: false, message: problem.message, problemSeq: problem.seq };
    },

    /** A user made without the window's form (tests, and who the benchmark signs in as). */
    insert: (input: Omit<UserInput, 'id'>) => insert(input),
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
