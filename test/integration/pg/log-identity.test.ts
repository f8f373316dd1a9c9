/**
 * Identity the database vouches for (issue 18): on the shared register every change is logged by
 * the database itself, in the change's transaction, with the user whose login the session is
 * (`session_user`), whatever the program or psql says; and the chain holds with many writers.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain, type LogEntry } from '../../../main/db/access-log';
import { openSharedPool, parseSharedRegisterUrl } from '../../../main/db/pg/connection';
import { migratePg } from '../../../main/db/pg/migrate';
import { pgMigrations, pgRoleNames } from '../../../main/db/pg/migrations';
import { adminUrl, oneAtATime, useTestDatabase } from './harness';

const entries = async (pool: pg.Pool | pg.Client) =>
  (
    await pool.query<LogEntry>(
      'SELECT seq::int AS seq, at, user_id AS "userId", action, channel, entity, entity_id AS "entityId", child_id AS "childId", home_id AS "homeId", detail, prev_hash AS "prevHash", hash FROM access_log ORDER BY seq',
    )
  ).rows;

describe.runIf(adminUrl)('who the shared register’s log names', () => {
  const database = useTestDatabase('pk_identity');
  const suffix = randomBytes(3).toString('hex');
  const logins = { hanna: `pk_t_hanna_${suffix}`, elin: `pk_t_elin_${suffix}` };
  const password = 'provlosen-' + suffix;
  let owner: pg.Pool;
  const people = new Map<keyof typeof logins, pg.Pool>();
  const as = (person: keyof typeof logins) => people.get(person)!;

  beforeAll(async () => {
    owner = await openSharedPool(parseSharedRegisterUrl(database.url));
    await oneAtATime(() => migratePg(owner, pgMigrations));
    const roles = pgRoleNames(database.name);
    await owner.query(`
      INSERT INTO users (id, name, initials, role, created_at, db_login) VALUES
        ('U1', 'Hanna Handläggarsson', 'HH', 'handlaggare', '2026-01-01T00:00:00Z', '${logins.hanna}'),
        ('U2', 'Elin Enhetschefsson', 'EE', 'enhetschef', '2026-01-01T00:00:00Z', '${logins.elin}');
      INSERT INTO homes (id, kind, name, capacity) VALUES ('H1', 'hvb', 'Solgårdens HVB', 8), ('H2', 'hvb', 'Björkens HVB', 6);
      INSERT INTO children (id, name, birth_date) VALUES ('C1', 'Test Testsson', '2012-03-04');
      INSERT INTO placements (id, child_id, legal_basis, decided_on, started_on) VALUES ('P1', 'C1', 'SoL', '2026-01-01', '2026-01-02');
      CREATE ROLE ${logins.hanna} LOGIN PASSWORD '${password}' IN ROLE ${roles.handlaggare};
      CREATE ROLE ${logins.elin} LOGIN PASSWORD '${password}' IN ROLE ${roles.enhetschef};
    `);
    const url = new URL(database.url);
    for (const person of ['hanna', 'elin'] as const) {
      const pool = new pg.Pool({ host: url.hostname, port: Number(url.port || 5432), database: url.pathname.slice(1), user: logins[person], password, max: 10 });
      // Idle connections are cut when the test's database is dropped: not an error of the test.
      pool.on('error', () => undefined);
      people.set(person, pool);
    }
  });
  afterAll(async () => {
    for (const pool of people.values()) await pool.end();
    for (const login of Object.values(logins)) await owner.query(`DROP ROLE IF EXISTS ${login}`);
    await owner.end();
  });

  it('logs a change made with psql, with the user of the session’s login and the row before and after', async () => {
    const before = (await entries(owner)).length;
    await as('hanna').query("UPDATE homes SET capacity = 9 WHERE id = 'H1'");
    const [entry, ...more] = (await entries(owner)).slice(before);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ userId: 'U1', action: 'update', entity: 'homes', entityId: 'H1', homeId: 'H1', childId: null });
    const detail = JSON.parse(entry!.detail!) as { before: Record<string, unknown>; after: Record<string, unknown> };
    expect([detail.before.capacity, detail.after.capacity]).toEqual([8, 9]);
    // The folded search columns are derived, and left out as on the local register.
    expect(Object.keys(detail.after).some((key) => key.startsWith('search_'))).toBe(false);
  });

  it('names the login’s user whatever the caller says, and the owner’s own writes nobody', async () => {
    const before = (await entries(owner)).length;
    // No user is given any more: the entry's user is the session's.
    await as('elin').query("SELECT append_access_log('read', 'getPlacement', 'placements', 'P1', 'C1', NULL, NULL)");
    await owner.query("UPDATE children SET name = 'Test T.' WHERE id = 'C1'");
    const written = (await entries(owner)).slice(before);
    expect(written.map((e) => [e.userId, e.action, e.entity, e.childId])).toEqual([
      ['U2', 'read', 'placements', 'C1'],
      [null, 'update', 'children', 'C1'],
    ]);
    // A handläggare cannot take another person's login for her user.
    await expect(as('hanna').query(`UPDATE users SET db_login = '${logins.elin}' WHERE id = 'U1'`)).rejects.toThrow(/permission denied/);
  });

  it('writes nothing for a change that changes nothing, or that is rolled back, or while a local register is moved in', async () => {
    const before = (await entries(owner)).length;
    await as('hanna').query("UPDATE homes SET capacity = capacity WHERE id = 'H2'");
    const client = await as('hanna').connect();
    try {
      await client.query('BEGIN');
      await client.query("UPDATE homes SET capacity = 1 WHERE id = 'H2'");
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    const copying = await owner.connect();
    try {
      await copying.query('BEGIN');
      await copying.query("SET LOCAL placeringskollen.copying = 'on'");
      await copying.query("INSERT INTO homes (id, kind, name) VALUES ('H3', 'hvb', 'Flyttat HVB')");
      await copying.query('COMMIT');
    } finally {
      copying.release();
    }
    expect((await entries(owner)).length).toBe(before);
  });

  it('a handläggare cannot switch the log off for her own changes with the settings the program uses for IT', async () => {
    const before = (await entries(owner)).length;
    const client = await as('hanna').connect();
    try {
      await client.query("SET placeringskollen.log_rows = 'off'");
      await client.query("SET placeringskollen.copying = 'on'");
      await client.query("UPDATE homes SET capacity = 12 WHERE id = 'H2'");
      await client.query('RESET placeringskollen.log_rows');
      await client.query('RESET placeringskollen.copying');
    } finally {
      client.release();
    }
    const written = (await entries(owner)).slice(before);
    expect(written.map((e) => [e.userId, e.action, e.entity, e.entityId])).toEqual([['U1', 'update', 'homes', 'H2']]);
  });

  it('a handläggare cannot write the change counters herself: her change is counted, and she cannot take it back', async () => {
    const homes = async () => Number((await owner.query<{ changes: string }>("SELECT changes FROM change_counters WHERE name = 'homes'")).rows[0]!.changes);
    const before = await homes();
    // With UPDATE on the counters she could lower one in the change's own transaction, and no
    // colleague's open list would see her change; and a row lock of hers would stop every commit.
    const client = await as('hanna').connect();
    try {
      await client.query('BEGIN');
      await client.query("UPDATE homes SET capacity = 13 WHERE id = 'H2'");
      await expect(client.query("UPDATE change_counters SET changes = changes - 1 WHERE name = 'homes'")).rejects.toThrow(/permission denied/);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    await expect(as('hanna').query("INSERT INTO change_counters (name, changes) VALUES ('zz_egen', 1)")).rejects.toThrow(/permission denied/);
    await as('hanna').query("UPDATE homes SET capacity = 14 WHERE id = 'H2'");
    expect(await homes()).toBe(before + 1);
  });

  it('a user made inactive changes nothing more, and each person notes only her own computer account', async () => {
    await owner.query("UPDATE users SET active = 0 WHERE id = 'U2'");
    try {
      await expect(as('elin').query("UPDATE homes SET capacity = 13 WHERE id = 'H2'")).rejects.toThrow(/inte längre aktiv/);
      expect((await owner.query<{ capacity: number }>("SELECT capacity FROM homes WHERE id = 'H2'")).rows[0]!.capacity).not.toBe(13);
    } finally {
      await owner.query("UPDATE users SET active = 1 WHERE id = 'U2'");
    }
    await expect(as('hanna').query("UPDATE users SET os_account = 'elins-dator' WHERE id = 'U2'")).rejects.toThrow(/Bara användaren själv/);
    expect((await as('hanna').query("UPDATE users SET os_account = 'hannas-dator' WHERE id = 'U1'")).rowCount).toBe(1);
  });

  it('many people changing rows at once leave one unbroken chain, each change under its own user', async () => {
    const before = (await entries(owner)).length;
    await Promise.all(
      (['hanna', 'elin'] as const).flatMap((person) =>
        Array.from({ length: 5 }, async (_, worker) => {
          for (let i = 0; i < 6; i += 1) {
            const client = await as(person).connect();
            try {
              await client.query('BEGIN');
              await client.query("UPDATE homes SET capacity = $1 WHERE id = 'H1'", [100 + worker * 10 + i + (person === 'elin' ? 500 : 0)]);
              await client.query("UPDATE placements SET caseworker = $1 WHERE id = 'P1'", [`${person}-${worker}-${i}`]);
              await client.query('COMMIT');
            } finally {
              client.release();
            }
          }
        }),
      ),
    );
    const all = await entries(owner);
    expect(verifyChain(all)).toEqual({ entries: all.length, problem: null });
    const written = all.slice(before);
    expect(written).toHaveLength(2 * 5 * 6 * 2);
    expect(new Set(written.filter((e) => e.entity === 'placements').map((e) => e.userId))).toEqual(new Set(['U1', 'U2']));
    for (const entry of written) {
      const after = (JSON.parse(entry.detail!) as { after: { caseworker?: string } }).after;
      if (entry.entity === 'placements') expect(after.caseworker!.startsWith(entry.userId === 'U1' ? 'hanna-' : 'elin-')).toBe(true);
    }
  });
});
