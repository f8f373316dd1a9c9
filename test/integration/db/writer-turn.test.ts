/**
 * Issue 17, defect 5: the command line's import failed whenever the window wrote, and a window
 * write waiting for the command line's lock froze the whole host for 5 s and then failed.
 * Two connections to one file stand for the two programs: the other program holds the write lock
 * and lets go on a timer, which can only fire if the waiting writer leaves the thread free.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/connection';
import { DatabaseBusyError } from '../../../main/db/writer-turn';
import { dispatch } from '../../../main/ipc/dispatch';
import { useTempDir } from '../services/harness';

const tmp = useTempDir('pk-writer-turn-');

async function twoPrograms(writeWaitMs?: number) {
  const file = path.join(tmp.dir, 'register.sqlite');
  const other = await openDatabase(file);
  tmp.closeAfter(other);
  const window = await openDatabase(file, writeWaitMs === undefined ? {} : { writeWaitMs });
  tmp.closeAfter(window);
  return { other, window };
}

const saveSetting = (connection: Awaited<ReturnType<typeof openDatabase>>, key: string) =>
  connection.db.transaction().execute((trx) => trx.insertInto('settings').values({ key, value: '{}', version: 1, changedAt: '2026-11-22T09:00:00Z' }).execute());

/** Counts the timer's ticks while `work` runs: zero means the thread was held. */
async function ticksDuring<T>(work: () => Promise<T>): Promise<{ ticks: number; result: PromiseSettledResult<T> }> {
  let ticks = 0;
  const ticker = setInterval(() => (ticks += 1), 10);
  const [result] = await Promise.allSettled([work()]);
  clearInterval(ticker);
  return { ticks, result };
}

describe('writers take turns without freezing the window', () => {
  it('a write while another program writes waits for its turn, with the thread free, and is saved', async () => {
    const { other, window } = await twoPrograms();
    other.raw.exec('BEGIN IMMEDIATE');
    other.raw.prepare("INSERT INTO settings (key, value, version, changed_at) VALUES ('import', '{}', 1, '2026-11-22T09:00:00Z')").run();
    setTimeout(() => other.raw.exec('COMMIT'), 300);
    const { ticks, result } = await ticksDuring(() => saveSetting(window, 'window'));
    expect(result.status).toBe('fulfilled');
    // The other program's commit came on a timer: it could only run because the wait was asynchronous.
    expect(ticks).toBeGreaterThan(5);
    const keys = window.raw.prepare('SELECT key FROM settings ORDER BY key').pluck().all();
    expect(keys).toEqual(['import', 'window']);
  });

  it('a write that waits longer than it may says so in Swedish, and the thread stayed free', async () => {
    const { other, window } = await twoPrograms(200);
    other.raw.exec('BEGIN IMMEDIATE');
    try {
      const { ticks, result } = await ticksDuring(() => saveSetting(window, 'window'));
      expect(result.status).toBe('rejected');
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(DatabaseBusyError);
      expect(((result as PromiseRejectedResult).reason as Error).message).toBe(
        'Registret används just nu av ett annat program, till exempel en inläsning från kommandoraden. Försök igen om en stund.',
      );
      expect(ticks).toBeGreaterThan(5);
    } finally {
      other.raw.exec('ROLLBACK');
    }
    expect(window.raw.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(0);
  });

  it('the window is told it is a conflict, not an unexpected error', async () => {
    const answer = await dispatch('getSession', {}, {
      getSession: () => Promise.reject(new DatabaseBusyError()),
    } as never);
    expect(answer).toEqual({ ok: false, error: { code: 'CONFLICT', message: new DatabaseBusyError().message } });
    // SQLite's own SQLITE_BUSY, met by a single statement outside a transaction, is said the same way.
    const raw = await dispatch('getSession', {}, {
      getSession: () => Promise.reject(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })),
    } as never);
    expect(raw).toEqual({ ok: false, error: { code: 'CONFLICT', message: new DatabaseBusyError().message } });
  });
});
