/**
 * Row versions on the shared register (issue 18): two people save the same home at the same
 * moment, each in a transaction of their own. PostgreSQL lets both read version 1; the conditional
 * UPDATE is what refuses the second (PostgreSQL re-reads the row the first changed before it
 * updates it), so nothing is silently overwritten even between the check and the write.
 */
import { describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { getHome, saveHome, setHomeActive } from '../../../main/db/homes-repository';
import { sharedKysely } from '../../../main/db/pg/kysely';
import { StaleRowError } from '../../../main/db/row-versions';
import type { Database } from '../../../main/db/schema';
import { createServices } from '../../../main/services';
import { correctRegisterCheckInput, registerCheckInput, removeRegisterCheckInput } from '../../../preload/api';
import { testClock } from '../../clock';
import { adminUrl, useMigratedRegister } from './harness';

const home = { kind: 'familjehem', name: 'Familjen Ek', orgNr: null, operator: null, municipality: 'Sundsvall', capacity: 1, targetGroup: null, agency: null };

/** Resolves once `pid`'s backend is waiting for a lock another transaction holds. */
async function waitingForLock(db: Kysely<Database>, pid: number): Promise<void> {
  for (let tries = 0; tries < 500; tries += 1) {
    const { rows } = await sql<{ waiting: boolean }>`SELECT wait_event_type = 'Lock' AS waiting FROM pg_stat_activity WHERE pid = ${pid}`.execute(db);
    if (rows[0]?.waiting) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('The second save never waited for the first');
}

describe.runIf(adminUrl)('row versions on the shared register', () => {
  const register = useMigratedRegister('pk_rowversions');

  it('of two saves made from the same version at once, the second waits for the first and is refused', async () => {
    const db = sharedKysely(register.pool);
    await saveHome(db, { id: 'F1', ...home }, [{ id: 'P1', name: 'Anna Björk', role: 'uppdragstagare', birthYear: 1980 }], null);
    const read = (await getHome(db, 'F1'))!;
    expect(read.rowVersion).toBe(1);

    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstSaved!: () => void;
    const firstHasSaved = new Promise<void>((resolve) => (firstSaved = resolve));
    const first = db.transaction().execute(async (trx) => {
      await saveHome(trx, { id: 'F1', ...home, capacity: 2 }, read.persons, read.rowVersion);
      firstSaved();
      await firstHolds;
    });
    await firstHasSaved;

    let secondPid!: (pid: number) => void;
    const pidOfSecond = new Promise<number>((resolve) => (secondPid = resolve));
    const second = db.transaction().execute(async (trx) => {
      secondPid((await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(trx)).rows[0]!.pid);
      await saveHome(trx, { id: 'F1', ...home, capacity: 3, agency: 'Konsulentstöd Exempel AB' }, read.persons, read.rowVersion);
    });
    // The second has read version 1 as well, and now waits for the row the first holds.
    await waitingForLock(db, await pidOfSecond);
    releaseFirst();
    await first;
    await expect(second).rejects.toBeInstanceOf(StaleRowError);

    const stored = (await getHome(db, 'F1'))!;
    expect({ capacity: stored.capacity, agency: stored.agency, rowVersion: stored.rowVersion }).toEqual({ capacity: 2, agency: null, rowVersion: 2 });
  });

  it('a deactivation from an older version is refused; from the current one it is saved', async () => {
    const db = sharedKysely(register.pool);
    await saveHome(db, { id: 'H1', ...home, kind: 'hvb', name: 'Solgläntans HVB' }, [], null);
    await setHomeActive(db, 'H1', false, 1);
    await expect(setHomeActive(db, 'H1', true, 1)).rejects.toBeInstanceOf(StaleRowError);
    await setHomeActive(db, 'H1', true, 2);
    expect(await getHome(db, 'H1')).toMatchObject({ active: true, rowVersion: 3 });
  });

  it('of two corrections of one register check at once, the second is refused as changed, not failed on the history number', async () => {
    const db = sharedKysely(register.pool);
    const services = createServices(db, { clock: testClock() });
    await saveHome(db, { id: 'F2', ...home, name: 'Familjen Lind' }, [{ id: 'P2', name: 'Bo Lind', role: 'uppdragstagare', birthYear: 1975 }], null);
    const fields = { personId: 'P2', register: 'belastningsregistret', checkedOn: '2026-11-02', outcome: 'utan-anmarkning', recordedBy: 'Saga Handläggarsson' } as const;
    const check = await services.registerChecks.record(registerCheckInput.parse(fields));

    for (const second of ['correct', 'remove'] as const) {
      const current = { rowVersion: (await register.pool.query<{ v: number }>('SELECT row_version AS v FROM register_checks WHERE id = $1', [check.id])).rows[0]!.v };
      // A colleague's correction, made from the same version and not yet committed: the check's row and
      // the next number of its history are hers until she commits.
      const colleague = await register.pool.connect();
      try {
        await colleague.query('BEGIN');
        await colleague.query("UPDATE register_checks SET checked_on = '2026-11-03', row_version = row_version + 1 WHERE id = $1", [check.id]);
        await colleague.query(
          `INSERT INTO register_check_history (check_id, revision, person_id, register, checked_on, outcome, changed_by, changed_at, reason, action)
           SELECT id, (SELECT coalesce(max(revision), 0) + 1 FROM register_check_history WHERE check_id = $1), person_id, register, checked_on, outcome,
             'Sara Kollega', '2026-11-22T10:00:00.000Z', 'Fel datum.', 'rattad' FROM register_checks WHERE id = $1`,
          [check.id],
        );
        const mine =
          second === 'correct'
            ? services.registerChecks.correct(correctRegisterCheckInput.parse({ ...fields, id: check.id, checkedOn: '2026-11-04', reason: 'Fel datum.', rowVersion: current.rowVersion }))
            : services.registerChecks.remove(removeRegisterCheckInput.parse({ id: check.id, reason: 'Fel person.', removedBy: 'Saga Handläggarsson', rowVersion: current.rowVersion }));
        const outcome = mine.then(() => 'saved', (error: { code?: string }) => error.code ?? String(error));
        await new Promise((resolve) => setTimeout(resolve, 300));
        await colleague.query('COMMIT');
        expect(await outcome, second).toBe('CONFLICT');
      } finally {
        colleague.release();
      }
    }
  });

  it('of two saves of the audit checklist at once, the second is refused as changed, not failed on the history', async () => {
    const services = createServices(sharedKysely(register.pool), { clock: testClock() });
    const view = await services.audits.checklistView();
    const items = view.items.slice(0, 3);
    const colleague = await register.pool.connect();
    try {
      await colleague.query('BEGIN');
      await colleague.query(
        `INSERT INTO settings (key, value, version, changed_at) VALUES ('auditChecklist', $1, 1, '2026-11-22T10:00:00.000Z')
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, version = settings.version + 1`,
        [JSON.stringify(view.items.slice(0, 2))],
      );
      await colleague.query(
        `INSERT INTO settings_history (key, version, value, changed_at, changed_by, reason)
         SELECT key, version, value, changed_at, 'Sara Kollega', 'Kortare.' FROM settings WHERE key = 'auditChecklist'`,
      );
      const mine = services.audits.saveChecklist({ items, version: view.version, changedBy: 'Elin Enhetschef', reason: 'Tre frågor räcker.' });
      const outcome = mine.then(() => 'saved', (error: { code?: string }) => error.code ?? String(error));
      await new Promise((resolve) => setTimeout(resolve, 300));
      await colleague.query('COMMIT');
      expect(await outcome).toBe('CONFLICT');
    } finally {
      colleague.release();
    }
    expect((await services.audits.checklistView()).items).toHaveLength(2);
  });
});
