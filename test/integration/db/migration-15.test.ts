/**
 * Migration 15 (issue 16): placements get an optional daily cost. A register written by version 14
 * keeps its placements with no cost (null: not known), the column refuses what the form refuses,
 * and the placements' log triggers, which name each column, are made anew so a change of the
 * cost is logged with the row before and after.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { withLogContext } from '../../../main/db/access-log';
import { openDatabase } from '../../../main/db/connection';
import { currentVersion, migrate } from '../../../main/db/migrate';
import { latestVersion, migrations } from '../../../main/db/migrations';
import { useTempDir } from '../services/harness';

const tmp = useTempDir('pk-migration-15-');
const AT = '2026-12-06T09:00:00.000Z';

async function fromVersion14() {
  const file = path.join(tmp.dir, 'register.sqlite');
  const raw = new BetterSqlite3(file);
  migrate(raw, migrations.slice(0, 14), { databasePath: file });
  raw.exec(`
    INSERT INTO homes (id, kind, name) VALUES ('H1', 'hvb', 'Östergårdens HVB');
    INSERT INTO children (id, name, birth_date) VALUES ('C1', 'Test Testsson', '2012-03-04');
    INSERT INTO placements (id, child_id, legal_basis, decided_on, started_on, caseworker)
      VALUES ('PL1', 'C1', 'SoL', '2025-02-01', '2025-02-03', 'Handläggare A');
    INSERT INTO stays (placement_id, ordinal, home_id, form, from_date) VALUES ('PL1', 0, 'H1', 'hvb', '2025-02-03');
  `);
  raw.close();
  const backupDir = path.join(tmp.dir, 'kopior');
  const connection = tmp.closeAfter(await openDatabase(file, { backupDir }));
  expect(currentVersion(connection.raw)).toBe(latestVersion);
  expect(fs.readdirSync(backupDir)).toEqual([expect.stringMatching(/^register\.[0-9T-]+Z\.fore-migrering-v14\.sqlite$/)]);
  return connection;
}

describe('migration 15: a placement’s daily cost', () => {
  it('keeps the placements of version 14 as they were, with no daily cost', async () => {
    const connection = await fromVersion14();
    expect(connection.raw.prepare("SELECT id, caseworker, daily_cost FROM placements").all()).toEqual([
      { id: 'PL1', caseworker: 'Handläggare A', daily_cost: null },
    ]);
    const placement = await connection.db.selectFrom('placements').selectAll().where('id', '=', 'PL1').executeTakeFirstOrThrow();
    expect(placement.dailyCost).toBeNull();
  });

  it('takes whole kronor 0–1 000 000 and null, and refuses anything else', async () => {
    const connection = await fromVersion14();
    const set = (value: unknown) => connection.raw.prepare("UPDATE placements SET daily_cost = ? WHERE id = 'PL1'").run(value);
    for (const value of [0, 1850, 1_000_000, null]) {
      set(value);
      expect(connection.raw.prepare("SELECT daily_cost FROM placements WHERE id = 'PL1'").pluck().get()).toBe(value);
    }
    expect(() => set(-1)).toThrow(/CHECK constraint failed/);
    expect(() => set(1_000_001)).toThrow(/CHECK constraint failed/);
    // STRICT: not a text, not a fraction of a krona.
    expect(() => set('1850')).not.toThrow(); // SQLite's STRICT takes text that is an integer, stored as one
    expect(connection.raw.prepare("SELECT typeof(daily_cost) FROM placements WHERE id = 'PL1'").pluck().get()).toBe('integer');
    expect(() => set('tusen')).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(() => set(1850.5)).toThrow(/cannot store REAL value in INTEGER column/);
  });

  it('logs a change of the daily cost with the row before and after', async () => {
    const connection = await fromVersion14();
    await withLogContext({ userId: 'U1', channel: 'savePlacement', at: AT, rowChanges: true }, async () => {
      connection.raw.prepare("UPDATE placements SET daily_cost = 4500 WHERE id = 'PL1'").run();
      connection.raw.prepare("UPDATE placements SET daily_cost = 4500 WHERE id = 'PL1'").run();
    });
    const logged = connection.raw
      .prepare("SELECT action, user_id, detail FROM access_log WHERE entity = 'placements' AND entity_id = 'PL1' AND action = 'update' ORDER BY seq")
      .all() as { action: string; user_id: string; detail: string }[];
    // Before the triggers were made anew, a change of this column alone was no change (no entry);
    // the second update changes nothing and is still no change.
    expect(logged.map((e) => [e.action, e.user_id])).toEqual([['update', 'U1']]);
    const detail = JSON.parse(logged[0]!.detail) as { before: Record<string, unknown>; after: Record<string, unknown> };
    expect([detail.before.daily_cost, detail.after.daily_cost]).toEqual([null, 4500]);
    expect(detail.after.caseworker).toBe('Handläggare A');
  });
});
