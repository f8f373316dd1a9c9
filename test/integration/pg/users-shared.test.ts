/**
 * Who one is on the shared register (issue 18): the database login, not a choice in the window.
 * Its user is signed in at once; another user cannot be chosen; and the first administratör of a
 * new shared register is the login that made it.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSharedPool, parseSharedRegisterUrl } from '../../../main/db/pg/connection';
import { sharedKysely } from '../../../main/db/pg/kysely';
import { migratePg } from '../../../main/db/pg/migrate';
import { pgMigrations, pgRoleNames } from '../../../main/db/pg/migrations';
import { createServices } from '../../../main/services';
import { ServiceError } from '../../../main/services/errors';
import { testClock } from '../../clock';
import { adminUrl, oneAtATime, useTestDatabase } from './harness';

describe.runIf(adminUrl)('signing in on the shared register', () => {
  const database = useTestDatabase('pk_users_shared');
  const suffix = randomBytes(3).toString('hex');
  const hanna = `pk_t_hanna_${suffix}`;
  const password = `provlosen-${suffix}`;
  let owner: pg.Pool;
  let asHanna: pg.Pool;

  beforeAll(async () => {
    owner = await openSharedPool(parseSharedRegisterUrl(database.url));
    await oneAtATime(() => migratePg(owner, pgMigrations));
    await owner.query(`CREATE ROLE ${hanna} LOGIN PASSWORD '${password}' IN ROLE ${pgRoleNames(database.name).handlaggare}`);
    const url = new URL(database.url);
    asHanna = new pg.Pool({ host: url.hostname, port: Number(url.port || 5432), database: database.name, user: hanna, password, max: 2 });
    // Idle connections are cut when the test's database is dropped: not an error of the test.
    asHanna.on('error', () => undefined);
  });
  afterAll(async () => {
    await asHanna.end();
    await owner.query(`DROP ROLE IF EXISTS ${hanna}`);
    await owner.end();
  });

  it('the first administratör is the login that made the register; then each login is its own user, and only that', async () => {
    const ownerServices = createServices(sharedKysely(owner), { clock: testClock() });
    expect((await ownerServices.users.session()).firstStart).toBe(true);
    const first = await ownerServices.users.createFirstAdministrator({ name: 'Ada Administratörsson', initials: 'AA', units: [] });
    expect(first.user).toMatchObject({ name: 'Ada Administratörsson', role: 'administrator' });
    const loginOfAda = (await owner.query<{ db_login: string; login: string }>('SELECT db_login, current_user AS login FROM users')).rows[0]!;
    expect(loginOfAda.db_login).toBe(loginOfAda.login);

    const hannaId = await ownerServices.users.insert({ name: 'Hanna Handläggarsson', initials: 'HH', role: 'handlaggare', units: [], active: true, pin: null });
    await owner.query('UPDATE users SET db_login = $1 WHERE id = $2', [hanna, hannaId]);

    const hannas = createServices(sharedKysely(asHanna), { clock: testClock() });
    const session = await hannas.users.session();
    expect(session.user).toMatchObject({ id: hannaId, name: 'Hanna Handläggarsson' });
    expect(session.choices.map((c) => c.name)).toEqual(['Hanna Handläggarsson']);
    const adaId = first.user!.id;
    await expect(hannas.users.signIn({ userId: adaId })).rejects.toThrow(ServiceError);
    await expect(hannas.users.signIn({ userId: adaId })).rejects.toThrow(/databasinloggningen .* hör till/);
    // Signing out leaves the login's user: the database still says who this is.
    expect((await hannas.users.signOut()).user?.id).toBe(hannaId);
  });
});
