/**
 * The access log (migration 11): every change of the register is logged by triggers in the same
 * transaction, with who, channel and time from the call's log context and the row before and
 * after; the log refuses UPDATE and DELETE; and its hash chain names the first entry an attacker
 * with the file (triggers dropped) changed, removed, inserted or moved.
 */
import { describe, expect, it } from 'vitest';
import { appendEntry, entryHash, verifyStoredChain, withLogContext, type LogEntry } from '../../../main/db/access-log';
import { useServiceDatabase } from '../services/harness';

const db = useServiceDatabase('pk-access-log-');
const AT = '2026-11-22T09:15:00.000Z';
const asUser = <T>(work: () => Promise<T>) => withLogContext({ userId: 'U1', channel: 'saveHome', at: AT, rowChanges: true }, work);

const home = {
  kind: 'familjehem' as const, name: 'Familjen Loggberg', orgNr: null, operator: null, municipality: 'Sundsvall',
  capacity: 2, targetGroup: null, agency: null, persons: [{ name: 'Anna Loggberg', role: 'uppdragstagare' as const, birthYear: 1975 }],
};

const entries = async () => (await db.connection.db.selectFrom('accessLog').selectAll().orderBy('seq').execute()) as LogEntry[];

/** Some entries to tamper with: a home with an adult saved, changed, and two reads. */
async function someHistory(): Promise<void> {
  const saved = await asUser(() => db.services.homes.save(home));
  await asUser(() => db.services.homes.save({ ...home, id: saved.id, rowVersion: saved.rowVersion, name: 'Familjen Loggberg-Ek', persons: [] }));
  for (let i = 0; i < 2; i++) {
    await withLogContext({ userId: 'U2', channel: 'getHome', at: AT, rowChanges: true }, () =>
      appendEntry(db.connection.db, { action: 'read', entity: 'homes', entityId: saved.id, childId: null, homeId: saved.id, detail: null }),
    );
  }
}

/** The attacker: drops the log's guards, as anyone with the file and the sqlite3 shell can. */
const dropGuards = () => db.connection.raw.exec('DROP TRIGGER access_log_no_update; DROP TRIGGER access_log_no_delete;');

describe('the access log', () => {
  it('logs each change with who, channel, when, the row before and after, in the same transaction', async () => {
    await someHistory();
    const log = await entries();
    const homeRows = log.filter((e) => e.entity === 'homes');
    expect(homeRows.map((e) => [e.action, e.userId, e.channel, e.at])).toEqual([
      ['insert', 'U1', 'saveHome', AT],
      ['update', 'U1', 'saveHome', AT],
      ['read', 'U2', 'getHome', AT],
      ['read', 'U2', 'getHome', AT],
    ]);
    // Every entry about the home, the adult's too, names the home.
    expect(homeRows.every((e) => e.homeId === homeRows[0]!.entityId)).toBe(true);
    expect(log.find((e) => e.entity === 'persons')?.homeId).toBe(homeRows[0]!.entityId);
    const update = JSON.parse(homeRows[1]!.detail!) as { before: { name: string; row_version: number }; after: { name: string; row_version: number } };
    expect([update.before.name, update.after.name]).toEqual(['Familjen Loggberg', 'Familjen Loggberg-Ek']);
    // The row's version is logged with it: the save raised it by one.
    expect([update.before.row_version, update.after.row_version]).toEqual([1, 2]);
    expect((JSON.parse(homeRows[0]!.detail!) as { after: { row_version: number } }).after.row_version).toBe(1);
    // The adult removed from the household is logged with what it was.
    const removed = log.find((e) => e.entity === 'persons' && e.action === 'delete');
    expect(JSON.parse(removed!.detail!).before.name).toBe('Anna Loggberg');
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    expect(await verifyStoredChain(db.connection.db)).toEqual({ entries: log.length, problem: null });
  });

  it('a change that fails writes no entry: the entry is in the change\'s transaction', async () => {
    await someHistory();
    const before = (await entries()).length;
    await expect(asUser(() => db.services.homes.save({ ...home, id: 'no-such-home', rowVersion: 1 }))).rejects.toThrow();
    expect((await entries()).length).toBe(before);
  });

  it('an import is one entry with its counts, not one per row', async () => {
    await withLogContext({ userId: 'U3', channel: 'import', at: AT, rowChanges: true }, () =>
      db.services.exchange.importFile({
        format: 'placeringskollen-exchange', version: 1,
        homes: [{ id: 'H1', kind: 'hvb', name: 'Importgårdens HVB', operator: 'enskild' }],
        children: [{ id: 'C1', name: 'Ida Import', birthDate: '2012-01-01' }],
      }),
    );
    const log = await entries();
    expect(log.map((e) => [e.action, e.userId, e.channel])).toEqual([['import', 'U3', 'import']]);
    expect(JSON.parse(log[0]!.detail!).counts).toMatchObject({ homes: { created: 1, updated: 0 }, children: { created: 1, updated: 0 } });
  });

  it('refuses UPDATE and DELETE of an entry', async () => {
    await someHistory();
    expect(() => db.connection.raw.exec(`UPDATE access_log SET user_id = 'U9' WHERE seq = 1`)).toThrow('Loggen kan inte ändras.');
    expect(() => db.connection.raw.exec('DELETE FROM access_log WHERE seq = 1')).toThrow('Loggen kan inte ändras.');
  });

  it('names a changed entry', async () => {
    await someHistory();
    dropGuards();
    db.connection.raw.exec(`UPDATE access_log SET user_id = 'U9' WHERE seq = 2`);
    expect((await verifyStoredChain(db.connection.db)).problem).toMatchObject({ seq: 2, kind: 'changed', message: expect.stringMatching(/^Post 2 har ändrats/) });
  });

  it('names a removed entry', async () => {
    await someHistory();
    dropGuards();
    db.connection.raw.exec('DELETE FROM access_log WHERE seq = 3');
    expect((await verifyStoredChain(db.connection.db)).problem).toEqual({ seq: 3, kind: 'removed', message: 'Post 3 saknas: borttagen ur loggen.' });
  });

  it('names an entry inserted afterwards, even with its own hash made right and the rest renumbered', async () => {
    await someHistory();
    const log = await entries();
    dropGuards();
    // A forged read at place 3: the later entries move up one, the forgery links to entry 2.
    const forged = { ...log[2]!, seq: 3, userId: 'U7', prevHash: log[1]!.hash };
    forged.hash = entryHash(forged);
    db.connection.raw.exec('UPDATE access_log SET seq = -seq WHERE seq >= 3; UPDATE access_log SET seq = 1 - seq WHERE seq < 0;');
    db.connection.raw
      .prepare('INSERT INTO access_log (seq, at, user_id, action, channel, entity, entity_id, child_id, home_id, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)')
      .run(forged.seq, forged.at, forged.userId, forged.action, forged.channel, forged.entity, forged.entityId, forged.childId, forged.homeId, forged.detail, forged.prevHash, forged.hash);
    expect((await verifyStoredChain(db.connection.db)).problem).toEqual({ seq: 3, kind: 'inserted', message: 'Post 3 har lagts in i loggen i efterhand.' });
  });

  it('names the first of two entries whose places were swapped', async () => {
    await someHistory();
    dropGuards();
    db.connection.raw.exec('UPDATE access_log SET seq = 0 WHERE seq = 2; UPDATE access_log SET seq = 2 WHERE seq = 3; UPDATE access_log SET seq = 3 WHERE seq = 0;');
    expect((await verifyStoredChain(db.connection.db)).problem).toMatchObject({ seq: 2, kind: 'changed' });
  });
});
