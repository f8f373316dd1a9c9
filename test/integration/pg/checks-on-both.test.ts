/**
 * The register checks' repository on both engines (issue 18): the same writes (checks, a
 * correction and a removal kept in the history) give the same snapshots the check engine reads and
 * the same home panel on the local register and the shared one.
 */
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import * as checks from '../../../main/db/checks-repository';
import { StaleRowError } from '../../../main/db/row-versions';
import type { Database } from '../../../main/db/schema';
import { entries, sorted, writeFictionalRegister } from './fictional-register';
import { adminUrl, onBothEngines, useMigratedRegister } from './harness';

/** A snapshot's rows in one order: its queries have none. */
const snapshot = async (read: Promise<checks.ChecksSnapshot>) => {
  const { homes, persons, placements, stays, checks: made } = await read;
  return { homes: sorted(homes), persons: sorted(persons), placements: sorted(placements), stays: sorted(stays), checks: sorted(made) };
};

async function ask(db: Kysely<Database>) {
  return {
    whole: await snapshot(checks.readChecksSnapshot(db)),
    open: await snapshot(checks.readOpenChecksSnapshot(db, '2025-08-01')),
    openEarly: await snapshot(checks.readOpenChecksSnapshot(db, '2025-04-01')),
    ofPlacement: await snapshot(checks.readPlacementChecksSnapshot(db, 'P1')),
    ofHome: await snapshot(checks.readHomeChecksSnapshot(db, 'F1')),
    check: await checks.getCheck(db, 'K2'),
    checksOfHome: sorted(await checks.checksOfHome(db, 'F1')),
    permitsOfHome: sorted(await checks.checksOfHome(db, 'H1')),
    revisions: entries(await checks.revisionCounts(db, ['K1', 'K2', 'K4', 'X'])),
    historyOfF1: await checks.historyOfHome(db, 'F1'),
    historyOfJ1: await checks.historyOfHome(db, 'J1'),
    person: await checks.personWithHome(db, 'F1-P1'),
    noPerson: await checks.personWithHome(db, 'X'),
    brief: await checks.homeBrief(db, 'H1'),
    inspections: await checks.inspectionsOfHome(db, 'H1'),
    nextRevision: [await checks.nextRevision(db, 'K2'), await checks.nextRevision(db, 'K1')],
  };
}

describe.runIf(adminUrl)('the register checks on both engines', () => {
  const shared = useMigratedRegister('pk_checks_both');

  it('the same writes give the same snapshots, checks and history', async () => {
    await onBothEngines(shared, async (local, pg) => {
      for (const db of [local.db, pg]) await writeFictionalRegister(db);
      const [onSqlite, onPg] = [await ask(local.db), await ask(pg)];
      expect(onPg).toEqual(onSqlite);

      // The right answers, not equal by accident.
      expect(onSqlite.whole.checks.map((c) => c.personId ?? c.homeId).sort()).toEqual(['F1-P0', 'F1-P0', 'F1-P1', 'H1']);
      // On 2025-08-01 P1 (F1, J1), P3 (H1) and P4 (F1) are active; K5 is made later and so left out.
      expect(onSqlite.open.homes.map((h) => h.id)).toEqual(['F1', 'H1', 'J1']);
      expect(onSqlite.open.checks.map((c) => c.checkedOn).sort()).toEqual(['2024-01-01', '2025-04-01', '2025-04-02']);
      expect(onSqlite.openEarly.placements.map((p) => p.id)).toEqual(['P1', 'P4']);
      expect(onSqlite.ofPlacement.stays.map((s) => s.homeId)).toEqual(['F1', 'J1']);
      expect(onSqlite.ofHome.placements.map((p) => p.id)).toEqual(['P1', 'P4']);
      expect(onSqlite.check).toMatchObject({ outcome: 'utan-anmarkning', rowVersion: 2 });
      expect(onSqlite.permitsOfHome[0]!.permit).toBe(checks.serializePermit({ forms: ['hvb'], minAge: 13, maxAge: 17, places: 8 }));
      expect(onSqlite.revisions).toEqual([['K2', 1], ['K4', 1]]);
      expect(onSqlite.historyOfF1.map((r) => [r.checkId, r.action, r.outcome])).toEqual([['K2', 'rattad', 'med-anmarkning']]);
      expect(onSqlite.historyOfJ1.map((r) => [r.checkId, r.action, r.homeId])).toEqual([['K4', 'borttagen', 'J1']]);
      expect(onSqlite.person).toEqual({ id: 'F1-P1', name: 'Ørjan Åberg', role: 'uppdragstagare', homeId: 'F1', homeKind: 'familjehem', homeName: 'Familjen Åberg' });
      expect(onSqlite.inspections.map((e) => [e.id, e.verdict])).toEqual([['E6', 'kritik']]);
      expect(onSqlite.nextRevision).toEqual([2, 1]);

      // A save from an older version is refused on both, and changes nothing.
      for (const db of [local.db, pg]) {
        const k1 = (await checks.getCheck(db, 'K1'))!;
        await expect(checks.updateCheck(db, { ...k1, outcome: 'med-anmarkning' }, k1.rowVersion + 1)).rejects.toThrow(StaleRowError);
        await expect(checks.deleteCheck(db, 'K1', k1.rowVersion + 1)).rejects.toThrow(StaleRowError);
        expect(await checks.getCheck(db, 'K1')).toEqual(k1);
      }
    });
  });
});
