/**
 * "Testa anslutningen" and "Spara" of Inställningar → Register against a real PostgreSQL (issue
 * 18): the login the database gives, an empty database, a register set up, a database holding
 * something else, and a wrong password said at its field; the change logged in the register open.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { sharedKysely } from '../../../main/db/pg/kysely';
import { parseSharedRegisterUrl } from '../../../main/db/pg/connection';
import { createServices } from '../../../main/services';
import { ServiceError } from '../../../main/services/errors';
import { memoryPreferenceStore } from '../../../main/services/preferences';
import { REGISTER_CHOICE } from '../../../main/services/register-choice';
import type { SharedRegisterInput } from '../../../preload/api';
import { testClock } from '../../clock';
import { adminUrl, useMigratedRegister, useTestDatabase } from './harness';

/** The settings page's fields for the database at `url`, as an administratör would type them. */
function fieldsOf(url: string): SharedRegisterInput {
  const address = parseSharedRegisterUrl(url);
  return {
    host: address.host,
    port: address.port,
    database: address.database,
    user: address.user,
    tls: address.tls.mode,
    caFile: null,
    password: address.password,
  };
}

describe.runIf(adminUrl)('testing and saving the shared register from the settings page', () => {
  const empty = useTestDatabase('pk_regval_tom');
  const other = useTestDatabase('pk_regval_annat');
  const register = useMigratedRegister('pk_regval_reg');

  function services() {
    const preferences = memoryPreferenceStore();
    return { preferences, services: createServices(sharedKysely(register.pool), { clock: testClock(), preferences }) };
  }

  it('an empty database: the connection works, the login is named, and the register is set up when first opened', async () => {
    const { services: s } = services();
    const found = await s.registerChoice.testConnection(fieldsOf(empty.url));
    expect(found.state).toBe('empty');
    expect(found.login).toBe(parseSharedRegisterUrl(empty.url).user);
    expect(found.message).toMatch(new RegExp(`Anslutningen fungerar\\. Databasen känner dig som ${found.login}\\. Databasen ${empty.name} är tom`));
  });

  it('a register set up: said to be up to date', async () => {
    const { services: s } = services();
    const found = await s.registerChoice.testConnection(fieldsOf(register.url));
    expect(found.state).toBe('current');
    expect(found.message).toMatch(/är ett register från Placeringskollen och är uppdaterat/);
  });

  it('a database holding another system’s tables is refused at the database field', async () => {
    const client = new pg.Client({ connectionString: other.url.replace(/[?&]sslmode=disable/, '') });
    await client.connect();
    await client.query('CREATE TABLE fakturor (id integer)');
    await client.end();
    const { services: s } = services();
    const error = (await s.registerChoice.testConnection(fieldsOf(other.url)).catch((e: unknown) => e)) as ServiceError;
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.issues).toEqual([{ path: '/database', message: expect.stringMatching(/innehåller redan annat än ett register från Placeringskollen/) }]);
  });

  it('a wrong password is said at the password field, and nothing is saved', async () => {
    const { services: s, preferences } = services();
    const error = (await s.registerChoice.save({ kind: 'shared', ...fieldsOf(register.url), password: 'fel-losenord' }).catch((e: unknown) => e)) as ServiceError;
    expect(error.issues[0]).toEqual({ path: '/password', message: expect.stringMatching(/Inloggningen till det gemensamma registret nekades/) });
    expect(preferences.get(REGISTER_CHOICE)).toBeUndefined();
  });

  it('a database that does not exist is said at the database field', async () => {
    const { services: s } = services();
    const error = (await s.registerChoice.testConnection({ ...fieldsOf(register.url), database: 'pk_regval_finns_inte' }).catch((e: unknown) => e)) as ServiceError;
    expect(error.issues[0]).toEqual({ path: '/database', message: expect.stringMatching(/Databasen pk_regval_finns_inte finns inte/) });
  });

  it('a saved choice is logged in the register’s own access log, with the address and without the password', async () => {
    const { services: s, preferences } = services();
    const fields = fieldsOf(register.url);
    await s.registerChoice.save({ kind: 'shared', ...fields });
    expect(preferences.get(REGISTER_CHOICE)).toMatchObject({ kind: 'shared', database: fields.database, tls: 'disable' });
    const rows = await register.pool.query<{ action: string; entity: string; entity_id: string; detail: string }>(
      "SELECT action, entity, entity_id, detail FROM access_log WHERE entity = 'settings' AND entity_id = 'register' ORDER BY seq",
    );
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]).toMatchObject({ action: 'update' });
    // Exactly these: the test's login has its password in its address, and it must not reach the log.
    expect(JSON.parse(rows.rows[0]!.detail)).toEqual({ register: 'shared', address: `${fields.user}@${fields.host}:${fields.port}/${fields.database}`, tls: 'disable', caFile: null });
  });
});
