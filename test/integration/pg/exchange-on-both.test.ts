/**
 * The exchange format's repository on both engines (issue 18): the same files imported on the
 * local register and the shared one give the same counts, the same export back, the same row
 * versions and the same register-check history; and an import writes one log entry with its
 * counts, not one per row, on the shared register too (where the database logs row changes).
 */
import fs from 'node:fs';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { appendEntry, withLogContext } from '../../../main/db/access-log';
import { keptRecordProblems, readAll, readKnown, upsertAll } from '../../../main/db/exchange-repository';
import type { Database } from '../../../main/db/schema';
import { mentionedIds, validateExchangeFile, type ExchangeFile } from '../../../main/domain/exchange';
import { adminUrl, onBothEngines, useMigratedRegister } from './harness';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test files are edited freely

const full = JSON.parse(fs.readFileSync(new URL('../../fixtures/exchange/full.json', import.meta.url), 'utf8')) as Json;

/** The same register a month later: one home renamed, one adult renamed, one check corrected, one placement moved, two homes new. */
function later(): Json {
  const file = structuredClone(full);
  file.homes.find((h: Json) => h.id === 'H3').name = 'Statens exempelhem Ådalen';
  file.homes.push({ id: 'a1', kind: 'hvb', name: 'Ängens HVB' }, { id: '_Z', kind: 'jourhem', name: 'Jourhemmet Öst' });
  file.persons.find((p: Json) => p.id === 'P4').name = 'Dan Lindqvist';
  file.registerChecks.find((c: Json) => c.id === 'RC3').outcome = 'utan-anmarkning';
  const moved = file.placements.find((p: Json) => p.id === 'PL4');
  moved.stays = [{ ...moved.stays[0], to: '2024-02-01' }, { homeId: 'H2', form: 'stodboende', from: '2024-02-01', to: '2024-03-01' }];
  return file;
}

/** As the exchange service imports: checked against the database, merged, logged as one entry with its counts. */
function importFile(db: Kysely<Database>, json: Json, importedAt: string) {
  return withLogContext({ userId: 'U1', channel: 'importFile', at: importedAt, rowChanges: false }, () =>
    db.transaction().execute(async (trx) => {
      const result = validateExchangeFile(json, await readKnown(trx, mentionedIds(json)));
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      const file: ExchangeFile = result.file;
      expect(await keptRecordProblems(trx, file)).toEqual([]);
      const counts = await upsertAll(trx, file, importedAt);
      await appendEntry(trx, { action: 'import', entity: null, entityId: null, childId: null, detail: { counts } });
      return counts;
    }),
  );
}

const lastSeq = async (db: Kysely<Database>) => Number((await db.selectFrom('accessLog').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst())?.seq ?? 0);

describe.runIf(adminUrl)('the exchange format on both engines', () => {
  const shared = useMigratedRegister('pk_exchange_both');

  it('imports the same files to the same register, versions, check history and log entries', async () => {
    await onBothEngines(shared, async (local, pg) => {
      const run = async (db: Kysely<Database>) => {
        const before = await lastSeq(db);
        const counts = [
          await importFile(db, full, '2026-02-01T09:00:00.000Z'),
          await importFile(db, later(), '2026-03-01T09:00:00.000Z'),
          // The same file again changes nothing.
          await importFile(db, later(), '2026-03-02T09:00:00.000Z'),
        ];
        const versions = Object.fromEntries(
          await Promise.all(
            (['homes', 'children', 'placements', 'registerChecks'] as const).map(async (table) => [
              table,
              Object.fromEntries((await db.selectFrom(table).select(['id', 'rowVersion']).execute()).map((row) => [row.id, row.rowVersion])),
            ]),
          ),
        );
        const history = await db.selectFrom('registerCheckHistory').selectAll().orderBy('checkId').orderBy('revision').execute();
        const entries = await db.selectFrom('accessLog').select(['action', 'entity', 'detail']).where('seq', '>', before).orderBy('seq').execute();
        return { counts, exported: await readAll(db), versions, history, entries: entries.map((e) => ({ ...e, detail: JSON.parse(e.detail!) as unknown })) };
      };
      const onSqlite = await run(local.db);
      const onPg = await run(pg);
      expect(onPg).toEqual(onSqlite);

      // And it is the right answer, not the same by accident.
      expect(onSqlite.counts[0]!.homes).toEqual({ created: 7, updated: 0 });
      expect(onSqlite.counts[1]!.homes).toEqual({ created: 2, updated: 7 });
      // Code-point order: '_' (U+005F) after 'Z', before 'a'.
      expect(onSqlite.exported.homes.map((h) => h.id)).toEqual(['F1', 'H1', 'H2', 'H3', 'H4', 'J1', 'NH1', '_Z', 'a1']);
      expect(onSqlite.exported.placements.find((p) => p.id === 'PL4')!.stays).toHaveLength(2);
      // A home's version covers its household: raised when the first file brings its members, then
      // for the renamed home and the renamed adult's home, and never by the same file again.
      expect(onSqlite.versions.homes).toMatchObject({ H1: 1, H3: 2, F1: 2, J1: 3, a1: 1 });
      expect(onSqlite.versions.placements).toMatchObject({ PL1: 1, PL4: 2 });
      expect(onSqlite.versions.registerChecks).toMatchObject({ RC1: 1, RC3: 2 });
      expect(onSqlite.history.map((h) => [h.checkId, h.revision, h.action, h.outcome, h.changedAt])).toEqual([['RC3', 1, 'rattad', 'med-anmarkning', '2026-03-01T09:00:00.000Z']]);
      // One entry per import, with its counts; no row of the files is logged on either engine.
      expect(onSqlite.entries.map((e) => [e.action, e.entity])).toEqual([['import', null], ['import', null], ['import', null]]);
      expect(onSqlite.entries[1]!.detail).toEqual({ counts: onSqlite.counts[1] });
    });
  });
});
