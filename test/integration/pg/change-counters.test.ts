/**
 * The change counters on the shared register (its migration 8): a write by a handläggare's own
 * login raises its table's counter, so the change stamp another person's window polls moves; a
 * fresh register holds no counters, so a move from a local register finds it empty and copies the
 * local counters as they are, and the counters go on from them.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/connection';
import * as placements from '../../../main/db/placements-repository';
import { copyRegisterToShared } from '../../../main/db/pg/copy-register';
import { sharedKysely } from '../../../main/db/pg/kysely';
import { pgRoleNames } from '../../../main/db/pg/migrations';
import { writeFictionalRegister } from './fictional-register';
import { adminUrl, useMigratedRegister } from './harness';

const child = { name: 'Tolvan Tolvansson', birthDate: '2012-12-12', personnummer: '20121212-1212', protectedIdentity: false };

describe.runIf(adminUrl)('the change counters of the shared register', () => {
  const shared = useMigratedRegister('pk_counters');
  const target = useMigratedRegister('pk_counters_move');
  const login = `pk_t_counters_${randomBytes(3).toString('hex')}`;
  const password = `provlosen-${randomBytes(3).toString('hex')}`;
  let handlaggare: pg.Pool;

  beforeAll(async () => {
    const database = new URL(shared.url).pathname.slice(1);
    await shared.pool.query(`CREATE ROLE ${login} LOGIN PASSWORD '${password}' IN ROLE ${pgRoleNames(database).handlaggare}`);
    const url = new URL(shared.url);
    handlaggare = new pg.Pool({ host: url.hostname, port: Number(url.port || 5432), database, user: login, password, max: 2 });
    // Idle connections are cut when the test's database is dropped: not an error of the test.
    handlaggare.on('error', () => undefined);
  });
  afterAll(async () => {
    await handlaggare.end();
    await shared.pool.query(`DROP ROLE IF EXISTS ${login}`);
  });

  it('a fresh register has none, and a handläggare’s write raises its table’s counter, which another connection sees', async () => {
    expect((await shared.pool.query('SELECT count(*)::int AS n FROM change_counters')).rows).toEqual([{ n: 0 }]);
    const owner = sharedKysely(shared.pool);
    const before = await placements.changeStamp(owner, ['children', 'placements']);
    expect(before).toBe('children:0|placements:0');

    const own = sharedKysely(handlaggare);
    await placements.saveChild(own, { ...child, id: 'C1' }, null);
    await placements.saveChild(own, { ...child, id: 'C1', name: 'Tolvan Tolvansson-Åberg' }, 1);
    expect(await placements.changeStamp(owner, ['children', 'placements'])).toBe('children:2|placements:0');

    // A statement of many rows counts each, as the local register's row triggers do.
    await handlaggare.query("UPDATE children SET row_version = row_version + 1 WHERE id IN ('C1')");
    await handlaggare.query("INSERT INTO children (id, birth_date) VALUES ('C2', '2010-04-01'), ('C3', '2014-06-15')");
    expect(await placements.changeStamp(owner, ['children'])).toBe('children:5');
    // The handläggare may not remove a child: refused, and nothing counted.
    await expect(handlaggare.query("DELETE FROM children WHERE id = 'C3'")).rejects.toThrow(/permission denied/);
    expect(await placements.changeStamp(own, ['children'])).toBe('children:5');
  });

  it('counts nothing while a move copies, and nothing of a write rolled back', async () => {
    const client = await shared.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query("SET LOCAL placeringskollen.copying = 'on'");
      await client.query("INSERT INTO homes (id, kind, name) VALUES ('H9', 'hvb', 'Kopierade HVB')");
      await client.query('COMMIT');
      await client.query('BEGIN');
      await client.query("INSERT INTO homes (id, kind, name) VALUES ('H8', 'hvb', 'Ångrade HVB')");
      await client.query('ROLLBACK');
      // After the move's transaction the setting is gone: the next write counts.
      await client.query("UPDATE homes SET capacity = 4 WHERE id = 'H9'");
    } finally {
      client.release();
    }
    expect(await placements.changeStamp(sharedKysely(shared.pool), ['homes'])).toBe('homes:1');
  });

  it("counts a home added, renamed or removed under home_names, and not a home's other changes, as the local register does", async () => {
    const stamps = async (db: Parameters<typeof placements.changeStamp>[0]) => placements.changeStamp(db, ['home_names']);
    const local = await openDatabase(':memory:');
    try {
      const pgDb = sharedKysely(shared.pool);
      const before = { local: await stamps(local.db), shared: await stamps(pgDb) };
      const count = (stamp: string) => Number(stamp.split(':')[1]);
      for (const db of [local.db, pgDb]) {
        await db.insertInto('homes').values({ id: 'HN1', kind: 'hvb', name: 'Namngårdens HVB' }).execute();
        await db.updateTable('homes').set({ capacity: 6 }).where('id', '=', 'HN1').execute();
        await db.updateTable('homes').set({ name: 'Namngårdens HVB' }).where('id', '=', 'HN1').execute();
        await db.updateTable('homes').set({ name: 'Nya namngårdens HVB' }).where('id', '=', 'HN1').execute();
        await db.deleteFrom('homes').where('id', '=', 'HN1').execute();
      }
      // Added, renamed once (the same name again is no change), removed.
      expect(count(await stamps(local.db)) - count(before.local)).toBe(3);
      expect(count(await stamps(pgDb)) - count(before.shared)).toBe(3);
    } finally {
      await local.close();
    }
  });

  it('a moved register keeps the local counters, and they go on from them', async () => {
    const local = await openDatabase(':memory:');
    try {
      await writeFictionalRegister(local.db);
      const moved = await placements.changeStamp(local.db, placements.countedTables);
      await copyRegisterToShared(local.raw, target.pool);
      const pgDb = sharedKysely(target.pool);
      expect(await placements.changeStamp(pgDb, placements.countedTables)).toBe(moved);

      await placements.insertEvent(pgDb, { id: 'E99', placementId: 'P1', homeId: null, type: 'barnsamtal', date: '2025-09-10', comment: null, verdict: null });
      const after = await placements.changeStamp(pgDb, placements.countedTables);
      const events = (stamp: string) => Number(/events:(\d+)/.exec(stamp)![1]);
      expect(events(after)).toBe(events(moved) + 1);
      expect(after.replace(/events:\d+/, '')).toBe(moved.replace(/events:\d+/, ''));
    } finally {
      await local.close();
    }
  });
});
