/**
 * Roles enforced by the shared register itself (issue 18): each person logs in as themselves, as a
 * member of the app's role; a handläggare who connects with psql still cannot change the rules,
 * remove a placement or touch the access log, and nobody can change the log once written.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSharedPool, parseSharedRegisterUrl } from '../../../main/db/pg/connection';
import { migratePg } from '../../../main/db/pg/migrate';
import { pgMigrations, pgRoleNames } from '../../../main/db/pg/migrations';
import { adminUrl, oneAtATime, useTestDatabase } from './harness';

type Person = 'handlaggare' | 'enhetschef' | 'administrator';

describe.runIf(adminUrl)('roles in the shared register', () => {
  const database = useTestDatabase('pk_roles');
  // Another unit's register on the same server: a unit sees only its own (docs/gemensamt-register.md).
  const otherUnit = useTestDatabase('pk_roles_other');
  const suffix = randomBytes(3).toString('hex');
  const login = (person: Person) => `pk_t_${person}_${suffix}`;
  const password = 'provlosen-' + suffix;
  let owner: pg.Pool;
  const clients = new Map<Person, pg.Client>();
  const as = (person: Person) => clients.get(person)!;

  beforeAll(async () => {
    owner = await openSharedPool(parseSharedRegisterUrl(database.url));
    await oneAtATime(() => migratePg(owner, pgMigrations));
    await owner.query(`
      INSERT INTO homes (id, kind, name) VALUES ('H1', 'hvb', 'Solgårdens HVB');
      INSERT INTO children (id, name, birth_date) VALUES ('C1', 'Test Testsson', '2012-03-04');
      INSERT INTO placements (id, child_id, legal_basis, decided_on, started_on) VALUES ('P1', 'C1', 'SoL', '2026-01-01', '2026-01-02');
      INSERT INTO users (id, name, initials, role, created_at) VALUES ('U1', 'Hanna Handläggarsson', 'HH', 'handlaggare', '2026-01-01T00:00:00Z');
      INSERT INTO settings (key, value, version, changed_at) VALUES ('ruleParameters', '{}', 1, '2026-01-01T00:00:00Z'), ('auditChecklist', '[]', 1, '2026-01-01T00:00:00Z');
      SELECT append_access_log('read', NULL, NULL, NULL, NULL, NULL, NULL);
      INSERT INTO notes (id, home_id, author, written_on, category, text, signed_at) VALUES ('N1', 'H1', 'Hanna', '2026-01-03', 'erfarenhet', 'Besök gjort.', '2026-01-03T10:00:00Z');
      UPDATE users SET pin_hash = 'scrypt$hemligt' WHERE id = 'U1';
    `);
    for (const person of ['handlaggare', 'enhetschef', 'administrator'] as const) {
      await owner.query(`CREATE ROLE ${login(person)} LOGIN PASSWORD '${password}' IN ROLE ${pgRoleNames(database.name)[person]}`);
      const url = new URL(database.url);
      const client = new pg.Client({ host: url.hostname, port: Number(url.port || 5432), database: url.pathname.slice(1), user: login(person), password });
      await client.connect();
      clients.set(person, client);
    }
    // Hanna's own login (PostgreSQL migration 6): the owner says whose a login is.
    await owner.query(`UPDATE users SET db_login = '${login('handlaggare')}' WHERE id = 'U1'`);
  });
  afterAll(async () => {
    for (const client of clients.values()) await client.end();
    for (const person of ['handlaggare', 'enhetschef', 'administrator'] as const) await owner.query(`DROP ROLE IF EXISTS ${login(person)}`);
    await owner.end();
  });

  const denied = /permission denied|row-level security|Åtkomstloggen kan inte ändras/;

  it('a handläggare reads the register and works in it', async () => {
    expect((await as('handlaggare').query('SELECT name FROM homes')).rows).toEqual([{ name: 'Solgårdens HVB' }]);
    await as('handlaggare').query("INSERT INTO homes (id, kind, name) VALUES ('H2', 'familjehem', 'Familjen Exempelsson')");
    await as('handlaggare').query("UPDATE placements SET caseworker = 'Hanna' WHERE id = 'P1'");
    await as('handlaggare').query("UPDATE users SET os_account = 'hanna' WHERE id = 'U1'");
    await as('handlaggare').query("SELECT append_access_log('read', 'getHome', 'homes', 'H2', NULL, 'H2', NULL)");
    expect((await as('handlaggare').query("SELECT name, initials FROM users WHERE id = 'U1'")).rows).toEqual([{ name: 'Hanna Handläggarsson', initials: 'HH' }]);
  });

  it('a handläggare cannot change the rules, a user’s role, remove a placement, or change the log', async () => {
    const h = as('handlaggare');
    await expect(h.query("UPDATE settings SET value = '{\"x\":1}' WHERE key = 'ruleParameters'")).rejects.toThrow(denied);
    await expect(h.query("UPDATE users SET role = 'administrator' WHERE id = 'U1'")).rejects.toThrow(denied);
    await expect(h.query("DELETE FROM placements WHERE id = 'P1'")).rejects.toThrow(denied);
    await expect(h.query('DELETE FROM access_log')).rejects.toThrow(denied);
    await expect(h.query("UPDATE access_log SET action = 'x'")).rejects.toThrow(denied);
    // No entry of one's own making: only through append_access_log, which numbers and hashes it.
    await expect(h.query("INSERT INTO access_log (seq, at, action, prev_hash, hash) VALUES (9223372036854775807, 'x', 'read', '', 'x')")).rejects.toThrow(denied);
    // A signed note only grows; a user's PIN hash is not for a handläggare to read.
    await expect(h.query("UPDATE notes SET text = 'Något annat.' WHERE id = 'N1'")).rejects.toThrow(denied);
    await expect(h.query("SELECT pin_hash FROM users")).rejects.toThrow(denied);
  });

  it('a login that is no member of this register’s roles cannot even connect', async () => {
    const stranger = `pk_t_stranger_${suffix}`;
    await owner.query(`CREATE ROLE ${stranger} LOGIN PASSWORD '${password}'`);
    try {
      const url = new URL(database.url);
      const client = new pg.Client({ host: url.hostname, port: Number(url.port || 5432), database: url.pathname.slice(1), user: stranger, password });
      await expect(client.connect()).rejects.toThrow(/permission denied for database/);
    } finally {
      await owner.query(`DROP ROLE ${stranger}`);
    }
  });

  it("the administratör of one unit's register cannot connect to another unit's on the same server", async () => {
    const other = await openSharedPool(parseSharedRegisterUrl(otherUnit.url));
    try {
      await oneAtATime(() => migratePg(other, pgMigrations));
      const url = new URL(otherUnit.url);
      for (const person of ['handlaggare', 'administrator'] as const) {
        const client = new pg.Client({ host: url.hostname, port: Number(url.port || 5432), database: otherUnit.name, user: login(person), password });
        await expect(client.connect(), person).rejects.toThrow(/permission denied for database/);
      }
    } finally {
      await other.end();
    }
  });

  it('an enhetschef keeps the audit checklist, but not the rules', async () => {
    const e = as('enhetschef');
    expect((await e.query("UPDATE settings SET version = 2 WHERE key = 'auditChecklist'")).rowCount).toBe(1);
    // The rules' row is not there to update for an enhetschef, and cannot be written anew.
    expect((await e.query("UPDATE settings SET version = 2 WHERE key = 'ruleParameters'")).rowCount).toBe(0);
    await expect(e.query("INSERT INTO settings_history (key, version, value, changed_at) VALUES ('ruleParameters', 2, '{}', 'x')")).rejects.toThrow(denied);
    await expect(e.query("UPDATE users SET role = 'administrator' WHERE id = 'U1'")).rejects.toThrow(denied);
  });

  it('an administratör changes the rules and the users', async () => {
    const a = as('administrator');
    expect((await a.query("UPDATE settings SET version = 2 WHERE key = 'ruleParameters'")).rowCount).toBe(1);
    expect((await a.query("UPDATE users SET role = 'enhetschef' WHERE id = 'U1'")).rowCount).toBe(1);
  });

  it('but not whose login a user is: that would let her write as someone else; the owner (IT) says it', async () => {
    const a = as('administrator');
    await expect(a.query(`UPDATE users SET db_login = '${login('administrator')}' WHERE id = 'U1'`)).rejects.toThrow(/databasinloggning anges av registrets ägare/);
    await expect(
      a.query(`INSERT INTO users (id, name, initials, role, created_at, db_login) VALUES ('U9', 'Falsk Person', 'FP', 'handlaggare', '2026-01-01T00:00:00Z', '${login('handlaggare')}')`),
    ).rejects.toThrow(/databasinloggning anges av registrets ägare/);
    expect((await owner.query(`UPDATE users SET db_login = '${login('handlaggare')}' WHERE id = 'U1'`)).rowCount).toBe(1);
  });

  it('nobody changes or removes what the log holds, not the administratör, not the owner', async () => {
    const held = (await owner.query('SELECT seq, hash FROM access_log ORDER BY seq')).rows;
    expect(held.length).toBeGreaterThan(2); // the rows written above, and the two reads
    await expect(as('administrator').query('DELETE FROM access_log')).rejects.toThrow(/permission denied for table access_log/);
    await expect(owner.query("UPDATE access_log SET action = 'x'")).rejects.toThrow(/Åtkomstloggen kan inte ändras/);
    await expect(owner.query('TRUNCATE access_log')).rejects.toThrow(/Åtkomstloggen kan inte ändras/);
    expect((await owner.query('SELECT seq, hash FROM access_log ORDER BY seq')).rows).toEqual(held);
    await expect(as('administrator').query('SELECT pin_hash FROM users')).resolves.toBeDefined();
  });
});
