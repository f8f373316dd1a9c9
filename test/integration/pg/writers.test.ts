/**
 * Many writers on the shared register (issue 18): transactions that lock the same rows in opposite
 * orders queue at the access log's lock, which the program takes before a transaction's first
 * write, instead of deadlocking (each would otherwise hold a row the other waits for, while the
 * log's triggers wait for the log).
 */
import { describe, expect, it } from 'vitest';
import { sharedKysely } from '../../../main/db/pg/kysely';
import { adminUrl, useMigratedRegister } from './harness';

describe.runIf(adminUrl)('writers on the shared register', () => {
  const register = useMigratedRegister('pk_writers', { maxConnections: 12 });

  it('lock the same rows in opposite orders without a deadlock, and every change is logged', async () => {
    const db = sharedKysely(register.pool);
    await db.insertInto('homes').values([{ id: 'H1', kind: 'hvb', name: 'Solgårdens HVB' }, { id: 'H2', kind: 'hvb', name: 'Björkens HVB' }]).execute();
    const before = Number((await db.selectFrom('accessLog').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, worker) =>
        db.transaction().execute(async (trx) => {
          const [first, second] = worker % 2 === 0 ? ['H1', 'H2'] : ['H2', 'H1'];
          for (let i = 0; i < 5; i += 1) {
            await trx.updateTable('homes').set({ capacity: worker * 10 + i }).where('id', '=', first).execute();
            await trx.updateTable('homes').set({ capacity: worker * 10 + i }).where('id', '=', second).execute();
          }
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason))).toEqual([]);
    const after = Number((await db.selectFrom('accessLog').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    // Each worker's first update of each home changes it; its later ones with new values too.
    expect(after - before).toBe(10 * 5 * 2);
  });
});
