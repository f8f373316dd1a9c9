/**
 * The access log on both engines (issue 18). The entries are written differently by design (the
 * app writes them on the local register, the database on the shared one, with its own clock and
 * the session's login), but a call's own entries, the row changes it makes, the log's pages and
 * its verification read the same; and the channel and an import's "no rows" reach the shared
 * register's triggers from the call's log context, for a transaction or a write of its own.
 */
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { appendEntry, readLogPage, verifyStoredChain, withLogContext, type LogContext } from '../../../main/db/access-log';
import * as homes from '../../../main/db/homes-repository';
import { openSharedPool, parseSharedRegisterUrl } from '../../../main/db/pg/connection';
import { sharedKysely } from '../../../main/db/pg/kysely';
import type { Database } from '../../../main/db/schema';
import { adminUrl, onBothEngines, useMigratedRegister } from './harness';

const context = (channel: string | null, rowChanges = true): LogContext => ({ userId: 'U1', channel, at: '2026-02-01T10:00:00.000Z', rowChanges });

const home: homes.HomeWrite = { id: 'H1', kind: 'hvb', name: 'Solgläntans HVB', orgNr: '556000-0019', operator: 'enskild', municipality: 'Timrå', capacity: 8, targetGroup: null, agency: null };

const entriesAfter = async (db: Kysely<Database>, seq: number) =>
  (await db.selectFrom('accessLog').select(['seq', 'action', 'channel', 'entity', 'entityId']).where('seq', '>', seq).orderBy('seq').execute()).map((e) => ({
    ...e,
    seq: Number(e.seq),
  }));

const lastSeq = async (db: Kysely<Database>) => Number((await db.selectFrom('accessLog').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst())?.seq ?? 0);

describe.runIf(adminUrl)('the access log on both engines', () => {
  const shared = useMigratedRegister('pk_log_both');

  it('a call’s own entries, its row changes, the pages and the verification read the same', async () => {
    await onBothEngines(shared, async (local, pg) => {
      const run = async (db: Kysely<Database>) => {
        const before = await lastSeq(db);
        // The user whose login the shared register's session is: the database names U1 there too.
        await withLogContext(context('saveUser'), () =>
          db
            .insertInto('users')
            .values({ id: 'U1', name: 'Hanna Handläggarsson', initials: 'HH', role: 'handlaggare', createdAt: '2026-01-01T00:00:00.000Z', dbLogin: 'pk_test' })
            .execute(),
        );
        await withLogContext(context('saveHome'), async () => {
          await homes.saveHome(db, home, [{ id: 'P1', name: 'Anna Ek', role: 'uppdragstagare', birthYear: 1980 }], null);
          await homes.saveHome(db, { ...home, capacity: 9 }, [{ id: 'P1', name: 'Anna Ek', role: 'uppdragstagare', birthYear: 1980 }], 1);
        });
        await withLogContext(context('getHome'), async () => {
          await appendEntry(db, { action: 'read', entity: 'homes', entityId: 'H1', childId: null, homeId: 'H1', detail: null });
          await appendEntry(db, { action: 'refused', entity: null, entityId: null, childId: null, detail: { role: 'handlaggare', needed: 'administrator' } });
        });
        const page = async (query: Partial<Parameters<typeof readLogPage>[1]>) => {
          const { rows, total } = await readLogPage(db, { offset: 0, limit: 50, ...query }, 10_000);
          // The time is the call's on the local register and the database's own on the shared one (by design).
          for (const row of rows) expect(row.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
          return { total, rows: rows.map(({ at: _at, ...row }) => ({ ...row, seq: row.seq - before, detail: JSON.parse(row.detail ?? 'null') as unknown })) };
        };
        return {
          all: await page({ from: '2000-01-01', to: '2099-12-31' }),
          ofHome: await page({ homeId: 'H1' }),
          reads: await page({ action: 'read', userId: 'U1' }),
          second: await page({ homeId: 'H1', offset: 1, limit: 2 }),
          none: await page({ to: '2000-01-01' }),
          verified: await verifyStoredChain(db),
          last: (await lastSeq(db)) - before,
          total: await lastSeq(db),
        };
      };
      const onSqlite = await run(local.db);
      const onPg = await run(pg);
      expect({ ...onPg, verified: onPg.verified.problem, total: typeof onPg.total }).toEqual({ ...onSqlite, verified: onSqlite.verified.problem, total: typeof onSqlite.total });
      // Every entry of the log read and found intact, numbered 1, 2, 3… on both.
      expect(onSqlite.verified).toEqual({ entries: onSqlite.total, problem: null });
      expect(onPg.verified).toEqual({ entries: onPg.total, problem: null });

      // And the right entries, not the same by accident.
      expect(onSqlite.all.rows.map((r) => [r.seq, r.action, r.entity, r.channel, r.userName])).toEqual([
        [6, 'refused', null, 'getHome', 'Hanna Handläggarsson'],
        [5, 'read', 'homes', 'getHome', 'Hanna Handläggarsson'],
        [4, 'update', 'homes', 'saveHome', 'Hanna Handläggarsson'],
        [3, 'insert', 'persons', 'saveHome', 'Hanna Handläggarsson'],
        [2, 'insert', 'homes', 'saveHome', 'Hanna Handläggarsson'],
        [1, 'insert', 'users', 'saveUser', 'Hanna Handläggarsson'],
      ]);
      const capacity = onSqlite.all.rows.find((r) => r.action === 'update')!.detail as { before: { capacity: number }; after: { capacity: number } };
      expect([capacity.before.capacity, capacity.after.capacity]).toEqual([8, 9]);
      expect(onSqlite.ofHome.total).toBeGreaterThan(0);
      expect(onSqlite.reads.rows.map((r) => r.action)).toEqual(['read']);
      expect(onSqlite.none).toEqual({ total: 0, rows: [] });
      expect(onSqlite.second.rows).toEqual(onSqlite.ofHome.rows.slice(1, 3));
    });
  });

  it('gives the shared register’s triggers the call’s channel, and no row entries while an import writes', async () => {
    // One connection, so what one write sets is there for the next if it were to outlive its transaction.
    const db = sharedKysely(await openSharedPool(parseSharedRegisterUrl(shared.url), { maxConnections: 1 }));
    try {
      const before = await lastSeq(db);
      // In a transaction (saveHome takes one).
      await withLogContext(context('saveHome'), () => homes.saveHome(db, { ...home, id: 'H9', name: 'Björkens HVB' }, [], null));
      // A write of its own, outside any transaction.
      await withLogContext(context('setHomeActive'), () => db.updateTable('homes').set({ active: 0 }).where('id', '=', 'H9').execute());
      // Without a context: the channel of the write before does not stay on the connection.
      await db.updateTable('homes').set({ capacity: 3 }).where('id', '=', 'H9').execute();
      // An import, in a transaction and outside one: no row entries, only its own with its counts.
      await withLogContext(context('importFile', false), async () => {
        await db.transaction().execute(async (trx) => {
          await trx.insertInto('homes').values({ id: 'H10', kind: 'hvb', name: 'Granens HVB' }).execute();
          await appendEntry(trx, { action: 'import', entity: null, entityId: null, childId: null, detail: { counts: { homes: { created: 1, updated: 0 } } } });
        });
        await db.updateTable('homes').set({ capacity: 4 }).where('id', '=', 'H10').execute();
      });
      // After the import's transaction, rows are logged again on the same connection.
      await db.updateTable('homes').set({ capacity: 5 }).where('id', '=', 'H10').execute();

      const written = await entriesAfter(db, before);
      // No channel is null, as on the local register (PostgreSQL migration 10), not the '' a used connection reads.
      expect(written.map((e) => [e.action, e.entity, e.entityId, e.channel])).toEqual([
        ['insert', 'homes', 'H9', 'saveHome'],
        ['update', 'homes', 'H9', 'setHomeActive'],
        ['update', 'homes', 'H9', null],
        ['import', null, null, 'importFile'],
        ['update', 'homes', 'H10', null],
      ]);
      expect(await verifyStoredChain(db)).toEqual({ entries: await lastSeq(db), problem: null });
    } finally {
      await db.destroy();
    }
  });
});
