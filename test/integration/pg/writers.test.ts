/**
 * Many writers on the shared register (issue 18). The access log's chain and the change counters
 * are written when a transaction commits (PostgreSQL migration 13), under the log's lock for that
 * moment only: a writer does not wait for another's open transaction, and however many write at
 * once, every change is logged once, in one unbroken chain, and counted. An entry's time is its
 * commit's (migration 16), so times run in the chain's order.
 */
import { describe, expect, it } from 'vitest';
import { readChain, verifyChain, type LogEntry } from '../../../main/db/access-log';
import { changeStamp } from '../../../main/db/placements-repository';
import { sharedKysely } from '../../../main/db/pg/kysely';
import { createServices } from '../../../main/services';
import { testClock } from '../../clock';
import { adminUrl, useMigratedRegister } from './harness';

describe.runIf(adminUrl)('writers on the shared register', () => {
  const register = useMigratedRegister('pk_writers', { maxConnections: 12 });

  it('a write commits while another transaction that has written is still open, and both are logged in order of commit', async () => {
    const db = sharedKysely(register.pool);
    await db.insertInto('homes').values([{ id: 'H1', kind: 'hvb', name: 'Solgårdens HVB' }, { id: 'H2', kind: 'hvb', name: 'Björkens HVB' }]).execute();
    const open = await register.pool.connect();
    try {
      await open.query('BEGIN');
      await open.query("UPDATE homes SET capacity = 7 WHERE id = 'H1'");
      // Begun well before the other, committed after it.
      await new Promise((resolve) => setTimeout(resolve, 50));
      // Before migration 13 this waited for the open transaction's end: the log's lock was its until then.
      const other = db.updateTable('homes').set({ capacity: 9 }).where('id', '=', 'H2').execute();
      const waited = await Promise.race([other.then(() => 'committed'), new Promise((resolve) => setTimeout(() => resolve('waited'), 3000))]);
      expect(waited).toBe('committed');
      await open.query('COMMIT');
    } finally {
      open.release();
    }
    const entries: LogEntry[] = [];
    for await (const entry of readChain(db)) entries.push(entry);
    expect(verifyChain(entries).problem).toBeNull();
    // The second update committed first, so it comes first, and the times run in the same order
    // (an entry's time is its commit's, PostgreSQL migration 16).
    const updates = entries.filter((e) => e.action === 'update');
    expect(updates.map((e) => e.entityId)).toEqual(['H2', 'H1']);
    expect(updates[0]!.at < updates[1]!.at, updates.map((e) => e.at).join(' ')).toBe(true);
    expect(entries.map((e) => e.at)).toEqual(entries.map((e) => e.at).sort());
    expect(await changeStamp(db, ['homes'])).toBe('homes:4');
  });

  it('many at once: every change logged once in one unbroken chain, and every row counted', async () => {
    const db = sharedKysely(register.pool);
    const homes = Array.from({ length: 10 }, (_, i) => ({ id: `HW${i}`, kind: 'hvb' as const, name: `Provhemmet ${i}` }));
    await db.insertInto('homes').values(homes).execute();
    const before = await changeStamp(db, ['homes']);
    const outcomes = await Promise.allSettled(
      homes.map((home, worker) =>
        db.transaction().execute(async (trx) => {
          for (let i = 1; i <= 5; i += 1) await trx.updateTable('homes').set({ capacity: worker * 10 + i }).where('id', '=', home.id).execute();
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason))).toEqual([]);
    const entries: LogEntry[] = [];
    for await (const entry of readChain(db)) entries.push(entry);
    expect(verifyChain(entries).problem).toBeNull();
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    const updates = entries.filter((e) => e.action === 'update' && e.entityId?.startsWith('HW'));
    expect(updates).toHaveLength(10 * 5);
    // One transaction's entries stay together, in the order written.
    for (const home of homes) {
      const own = updates.filter((e) => e.entityId === home.id).map((e) => e.seq);
      expect(own.at(-1)! - own[0]!).toBe(4);
    }
    const count = (stamp: string) => Number(stamp.split(':')[1]);
    expect(count(await changeStamp(db, ['homes'])) - count(before)).toBe(10 * 5);
    // Nothing waits once everything has committed.
    expect((await register.pool.query('SELECT (SELECT count(*) FROM access_log_pending) + (SELECT count(*) FROM change_counters_pending) AS n')).rows[0].n).toBe('0');
  });

  it('two imports of the same homes in different orders do not deadlock: an import writes its rows in the order of their ids', async () => {
    // Until migration 13 every writer took the log's lock first and no two writes overlapped; now
    // they do, and two files naming the same homes in opposite orders each held one row the other
    // waited for. Here the other import is a transaction that has written X and is about to write
    // Y, as an import of [X, Y] does; the import under test names them [Y, X].
    const db = sharedKysely(register.pool);
    const importer = createServices(db, { clock: testClock() });
    await db.insertInto('homes').values([{ id: 'HX', kind: 'hvb', name: 'Ekens HVB' }, { id: 'HY', kind: 'hvb', name: 'Granens HVB' }]).execute();
    const other = await register.pool.connect();
    try {
      await other.query('BEGIN');
      await other.query("UPDATE homes SET capacity = 3 WHERE id = 'HX'");
      const imported = importer.exchange.importFile({
        format: 'placeringskollen-exchange',
        version: 1,
        homes: [{ id: 'HY', kind: 'hvb', name: 'Granens HVB', capacity: 5 }, { id: 'HX', kind: 'hvb', name: 'Ekens HVB', capacity: 5 }],
      });
      const settled = imported.then(() => null, (error: unknown) => String(error));
      await new Promise((resolve) => setTimeout(resolve, 500));
      const written = await other.query("UPDATE homes SET capacity = 4 WHERE id = 'HY'").then(() => null, (error: unknown) => String(error));
      await other.query(written === null ? 'COMMIT' : 'ROLLBACK');
      expect({ other: written, imported: await settled }).toEqual({ other: null, imported: null });
    } finally {
      other.release();
    }
    // The import came second and wrote both.
    expect((await db.selectFrom('homes').select(['id', 'capacity']).where('id', 'in', ['HX', 'HY']).orderBy('id').execute()).map((h) => h.capacity)).toEqual([5, 5]);
  });
});
