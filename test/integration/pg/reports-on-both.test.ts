/**
 * What the reports for the board and IVO read, on both engines (issue 18): the same writes give the
 * same facts on the local register and the shared one, of every unit and of one.
 */
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import * as reports from '../../../main/db/reports-repository';
import type { Database } from '../../../main/db/schema';
import { sorted, writeFictionalRegister } from './fictional-register';
import { adminUrl, onBothEngines, useMigratedRegister } from './harness';

const periods = [
  ['2025-01-01', '2025-12-31', null],
  ['2025-01-01', '2025-12-31', 'Barn och unga'],
  ['2025-06-01', '2025-06-30', 'Öppenvården'],
  ['2024-01-01', '2024-03-31', null],
] as const;

async function ask(db: Kysely<Database>) {
  const results = [];
  for (const [from, to, unit] of periods) {
    const ivo = await reports.readIvoListFacts(db, from, to, unit);
    const board = await reports.readBoardFacts(db, from, to, unit);
    results.push({
      ivo: { stays: sorted(ivo.stays), children: sorted(ivo.children), homes: sorted(ivo.homes), notifications: sorted(ivo.notifications) },
      board: {
        placements: sorted(board.placements),
        stays: sorted(board.stays),
        // The dates joined come in no order on either engine; the report sorts them.
        events: sorted(board.events.map((e) => ({ ...e, dates: e.dates.split(',').sort() }))),
        homes: sorted(board.homes),
        persons: sorted(board.persons),
        checks: sorted(board.checks),
        deviations: sorted(board.deviations),
        rounds: sorted(board.rounds),
      },
    });
  }
  return results;
}

describe.runIf(adminUrl)('the reports’ facts on both engines', () => {
  const shared = useMigratedRegister('pk_reports_both');

  it('the same writes give the same facts for IVO’s list and the nämndrapport', async () => {
    await onBothEngines(shared, async (local, pg) => {
      for (const db of [local.db, pg]) await writeFictionalRegister(db);
      const [onSqlite, onPg] = [await ask(local.db), await ask(pg)];
      expect(onPg).toEqual(onSqlite);

      // The right answers, not equal by accident.
      const [year, unit, open, early] = onSqlite;
      expect(year!.ivo.stays.map((s) => [s.childId, s.homeId])).toEqual([['C1', 'F1'], ['C1', 'J1'], ['C2', 'F1']]);
      expect(year!.ivo.children.map((c) => [c.id, c.protectedIdentity])).toEqual([['C1', false], ['C2', false]]);
      expect(year!.ivo.notifications).toEqual([{ homeId: 'F1', date: '2025-05-02' }]);
      expect(year!.board.placements.map((p) => p.id)).toEqual(['P1', 'P2', 'P3', 'P4']);
      expect(year!.board.events).toContainEqual({ placementId: 'P1', type: 'overvagande', dates: ['2025-03-01', '2025-08-30'] });
      // The barnsamtal counts only in the period: none in June's Öppenvården, whose child is P3's.
      expect(open!.board.events).toEqual([{ placementId: 'P3', type: 'vardplan', dates: ['2025-06-20'] }]);
      // K5 is made after the year, K4 was removed.
      expect(year!.board.checks.map((c) => c.register).sort()).toEqual(['belastningsregistret', 'ivo-tillstand', 'socialregistret']);
      expect(year!.board.deviations).toHaveLength(2);
      expect(unit!.board.deviations).toEqual([{ reportedOn: '2025-06-10', kind: 'avvikelse', severity: 'lag' }]);
      expect(year!.board.rounds.map((r) => r.id)).toEqual(['R1']);
      expect(open!.board.rounds).toEqual([]);
      expect(unit!.ivo.stays.map((s) => s.childId)).toEqual(['C1', 'C1', 'C2']);
      expect(early!.ivo.stays).toEqual([]);
      expect(early!.board.placements.map((p) => p.id)).toEqual(['P2']);
    });
  });
});
