/**
 * The quality index's evidence on both engines (issue 18): the same writes give the same rows, for
 * every home and for some, on the local register and the shared one.
 */
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import * as quality from '../../../main/db/quality-repository';
import type { Database } from '../../../main/db/schema';
import { sorted, writeFictionalRegister } from './fictional-register';
import { adminUrl, onBothEngines, useMigratedRegister } from './harness';

async function rows(db: Kysely<Database>, homeIds: readonly string[] | null) {
  const read = await quality.readQualityRows(db, homeIds);
  return Object.fromEntries(Object.entries(read).map(([key, list]) => [key, sorted(list as unknown[])])) as unknown as quality.QualityRows;
}

const asks = [null, ['F1', 'H1', 'F1'], ['J1'], []] as const;

describe.runIf(adminUrl)('the quality evidence on both engines', () => {
  const shared = useMigratedRegister('pk_quality_both');

  it('the same writes give the same evidence, of every home and of some', async () => {
    await onBothEngines(shared, async (local, pg) => {
      for (const db of [local.db, pg]) await writeFictionalRegister(db);
      const ask = (db: Kysely<Database>) => Promise.all(asks.map((homeIds) => rows(db, homeIds)));
      const [onSqlite, onPg] = [await ask(local.db), await ask(pg)];
      expect(onPg).toEqual(onSqlite);

      // The right answers, not equal by accident.
      const [all, some, jourhem, none] = onSqlite;
      expect(all!.homes.map((h) => h.id)).toEqual(['F1', 'H1', 'J1']);
      expect(some!.homes.map((h) => h.id)).toEqual(['F1', 'H1']);
      expect(all!.assessments.map((a) => [a.id, a.corrected])).toEqual([['A1', 1], ['A2', 0]]);
      expect(some!.inspections).toEqual([{ id: 'E6', homeId: 'H1', date: '2025-04-01', verdict: 'kritik' }]);
      // P1's jourhem stay ends with its own date; P2's only stay ends with the placement, and is its last.
      expect(jourhem!.stays).toEqual([{ placementId: 'P1', homeId: 'J1', ordinal: 0, from: '2025-03-02', to: '2025-05-01', endedOn: null, endReason: null, startedOn: '2025-03-02', placementEndedOn: null, placementEndReason: null, protectedIdentity: 0 }]);
      expect(some!.stays.find((s) => s.placementId === 'P2')).toMatchObject({ to: '2025-02-28', endedOn: '2025-02-28', endReason: 'planerad' });
      // D2 names only P1, which stayed in J1 and F1: the F1 pages find it, and its stays come along.
      expect(jourhem!.deviations.map((d) => d.id)).toEqual(['D2']);
      expect(some!.deviations.map((d) => d.id)).toEqual(['D1', 'D2']);
      expect(all!.placementStays.map((s) => s.homeId)).toEqual(['F1', 'J1']);
      expect(jourhem!.personChecks).toEqual([]); // K4 was removed
      expect(some!.personChecks.map((c) => c.id)).toEqual(['K1', 'K2', 'K5']);
      expect(some!.permits.map((p) => p.id)).toEqual(['K3']);
      expect(Object.values(none!).every((list) => list.length === 0)).toBe(true);
    });
  });
});
