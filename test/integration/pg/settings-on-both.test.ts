/**
 * The settings' repository on both engines (issue 18): the same saves give the same values,
 * versions and history on the local register and the shared one.
 */
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../main/db/schema';
import { readSetting, readSettingsHistory, writeSetting } from '../../../main/db/settings-repository';
import { adminUrl, onBothEngines, useMigratedRegister } from './harness';

const change = (day: number, reason: string) => ({ changedAt: `2026-03-0${day}T08:00:00.000Z`, changedBy: 'Elin Enhetschefsson', reason });

describe.runIf(adminUrl)('the settings on both engines', () => {
  const shared = useMigratedRegister('pk_settings_both');

  it('the same saves give the same values, versions and history', async () => {
    await onBothEngines(shared, async (local, pg) => {
      const run = async (db: Kysely<Database>) => {
        const before = await readSetting(db, 'test.ledtid');
        await writeSetting(db, 'test.ledtid', { dagar: 30, text: 'Bevaka i god tid – före förfallodagen' }, 1, change(1, 'Första versionen'));
        await writeSetting(db, 'test.ledtid', { dagar: 45, text: 'Längre ledtid' }, 2, change(2, 'Fler dagar'));
        await writeSetting(db, 'test.lista', ['å', 'ä', 'ö', 'emoji 🙂'], 1, change(3, 'En lista'));
        return {
          before,
          ledtid: await readSetting(db, 'test.ledtid'),
          lista: await readSetting(db, 'test.lista'),
          history: await readSettingsHistory(db, ['test.ledtid', 'test.lista']),
          none: await readSettingsHistory(db, ['test.saknas']),
        };
      };
      const onSqlite = await run(local.db);
      const onPg = await run(pg);
      expect(onPg).toEqual(onSqlite);
      expect(onSqlite.before).toBeUndefined();
      expect(onSqlite.ledtid).toEqual({ value: { dagar: 45, text: 'Längre ledtid' }, version: 2 });
      expect(onSqlite.history.map((h) => [h.key, h.version, h.reason])).toEqual([
        ['test.ledtid', 1, 'Första versionen'],
        ['test.lista', 1, 'En lista'],
        ['test.ledtid', 2, 'Fler dagar'],
      ]);
    });
  });
});
