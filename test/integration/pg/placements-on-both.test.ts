/**
 * The placements' repository on both engines (issue 18): the same writes give the same children,
 * placements, searches, snapshots and change stamps on the local register and the shared one; and
 * on the shared register a write raises its table's counter, whoever's connection wrote it.
 */
import { describe, expect, it } from 'vitest';
import * as placements from '../../../main/db/placements-repository';
import type { Database } from '../../../main/db/schema';
import type { Kysely } from 'kysely';
import { foldSwedish } from '../../../main/domain/swedish';
import { entries, sorted, writeFictionalRegister } from './fictional-register';
import { adminUrl, onBothEngines, useMigratedRegister } from './harness';

const word = (typed: string): placements.PlacementSearchWord => {
  const digits = typed.replace(/[-+ ]/g, '');
  return { folded: foldSwedish(typed), typed, digits: /^\d+$/.test(digits) ? digits : null };
};

const finds: placements.PlacementFind[] = [
  { on: '2025-08-01', words: [], activeOnly: false, protectedHomeName: 'Skyddat boende' },
  { on: '2025-08-01', words: [], activeOnly: true, protectedHomeName: 'Skyddat boende', key: 'child' },
  { on: '2025-08-01', words: [word('åberg')], activeOnly: false, protectedHomeName: 'Skyddat boende', key: 'home' },
  { on: '2025-04-01', words: [word('JOURHEMMET')], activeOnly: false, protectedHomeName: 'Skyddat boende' },
  { on: '2025-08-01', words: [word('östergårdens')], activeOnly: false, protectedHomeName: 'Skyddat boende' },
  { on: '2025-08-01', words: [word('skyddat')], activeOnly: false, protectedHomeName: 'Skyddat boende', key: 'unit' },
  { on: '2025-08-01', words: [word('sara')], activeOnly: false, protectedHomeName: 'Skyddat boende' },
  { on: '2025-08-01', words: [word('20121212-1212')], activeOnly: false, protectedHomeName: 'Skyddat boende' },
  { on: '2025-08-01', words: [word('1212')], activeOnly: true, protectedHomeName: 'Skyddat boende' },
  { on: '2025-08-01', words: [word('2014')], activeOnly: false, protectedHomeName: 'Skyddat boende' },
  { on: '2025-08-01', words: [word('2010-04')], activeOnly: false, protectedHomeName: 'Skyddat boende', orderBy: { column: 'endedOn', direction: 'asc' } },
  { on: '2025-08-01', words: [word('barn'), word('unga')], activeOnly: false, protectedHomeName: 'Skyddat boende', orderBy: { column: 'legalBasis', direction: 'desc' }, key: 'caseworker' },
  { on: '2025-08-01', words: [word('ÖBERG'), word('p1')], activeOnly: false, protectedHomeName: 'Skyddat boende', orderBy: { column: 'startedOn', direction: 'asc' } },
];

async function ask(db: Kysely<Database>) {
  const snapshot = async (read: Promise<placements.RegisterSnapshot>) => {
    const { children, placements: rows, stays, events, homes, homeStays, lexSarah } = await read;
    return {
      children: sorted(children),
      placements: sorted(rows),
      stays: sorted(stays),
      events: sorted(events),
      homes: sorted(homes),
      homeStays: homeStays && sorted(homeStays),
      // The JSON is the engine's own text: its meaning is what must agree.
      lexSarah: sorted(lexSarah.map((d) => ({ ...d, steps: JSON.parse(d.steps) as unknown }))),
    };
  };
  return {
    children: sorted(await placements.listChildren(db)),
    child: await placements.getChild(db, 'C3'),
    childrenByIds: entries(await placements.childrenByIds(db, ['C1', 'C2', 'C1', 'X'])),
    all: await placements.listPlacements(db),
    ofChild: await placements.listPlacements(db, 'C2'),
    one: await placements.getPlacement(db, 'P1'),
    byIds: sorted(await placements.placementsByIds(db, ['P3', 'P1', 'X'])),
    finds: await Promise.all(finds.map((find) => placements.findPlacements(db, find))),
    caseworkers: sorted(await placements.placementNames(db, 'caseworker')),
    units: sorted(await placements.placementNames(db, 'unit')),
    homesById: entries(await placements.homesById(db, ['H1', 'F1', 'H1'])),
    permits: sorted(await placements.permitsOfHomes(db, ['H1', 'F1'])),
    placementChildren: entries(await placements.placementChildren(db)),
    eventsOfPlacement: await placements.listEvents(db, { placementId: 'P1' }),
    eventsOfHome: await placements.listEvents(db, { homeId: 'H1' }),
    event: await placements.getEvent(db, 'E2'),
    snapshot: await snapshot(placements.readRegisterSnapshot(db)),
    snapshotOfChild: await snapshot(placements.readRegisterSnapshot(db, 'C2')),
    open: await snapshot(placements.readOpenRegisterSnapshot(db, '2025-10-01')),
    childOf: await placements.childOfPlacement(db, 'P3'),
    protectedP3: await placements.placementOfProtectedChild(db, 'P3'),
    protectedP1: await placements.placementOfProtectedChild(db, 'P1'),
    idsOfChild: sorted(await placements.placementIdsOfChild(db, 'C2')),
  };
}

/** Removals, as the services make them: an omplacering undone, an event, a placement and a child entered by mistake. */
async function remove(db: Kysely<Database>) {
  await placements.removeLastStay(db, 'P1', 1);
  const deleted = [await placements.deleteEvent(db, 'E3'), await placements.deleteEvent(db, 'E3')];
  const p4 = (await placements.getPlacement(db, 'P4'))!;
  await placements.insertRemovedRecord(db, { kind: 'placement', recordId: 'P4', record: JSON.stringify(p4), removedBy: 'Hanna Handläggarsson', removedAt: '2025-10-02T08:00:00.000Z', reason: 'Felregistrerad.' });
  await placements.deletePlacement(db, 'P4', 'F1');
  await placements.saveChild(db, { id: 'C4', name: null, birthDate: '2009-10-03', personnummer: '20091003-2390', protectedIdentity: false }, null);
  await placements.deleteChild(db, 'C4');
  return deleted;
}

/**
 * The change stamp as counters by table. The local register's search triggers write a home's row
 * again after each save of it or of its household (its migration 9), the shared register's fold in
 * the same write (its migration 7), so the homes' counter moves further per save there; each
 * other counter moves by the same rows on both.
 */
async function counters(db: Kysely<Database>): Promise<Record<string, number>> {
  const stamp = await placements.changeStamp(db, placements.countedTables);
  return Object.fromEntries(stamp.split('|').map((part) => [part.split(':')[0]!, Number(part.split(':')[1])]));
}

const withoutHomes = ({ homes: _homes, ...others }: Record<string, number>) => others;

describe.runIf(adminUrl)('the placements on both engines', () => {
  const shared = useMigratedRegister('pk_placements_both');

  it('the same writes give the same children, placements, searches, snapshots and change stamps', async () => {
    await onBothEngines(shared, async (local, pg) => {
      // Before any write: every counter at 0 on both (the shared register has no counter rows yet).
      const before = [await placements.changeStamp(local.db, placements.countedTables), await placements.changeStamp(pg, placements.countedTables)];
      expect(before[1]).toBe(before[0]);
      expect(before[0]).toBe(placements.countedTables.map((table) => `${table}:0`).sort().join('|'));
      for (const db of [local.db, pg]) await writeFictionalRegister(db);
      const [onSqlite, onPg] = [await ask(local.db), await ask(pg)];
      expect(onPg).toEqual(onSqlite);
      const [countedSqlite, countedPg] = [await counters(local.db), await counters(pg)];
      expect(withoutHomes(countedPg)).toEqual(withoutHomes(countedSqlite));
      expect(withoutHomes(countedSqlite)).toEqual({
        assessments: 2, audit_actions: 3, audit_rounds: 1, children: 4, deviation_steps: 2, deviations: 2, events: 8,
        persons: 3, placements: 5, register_checks: 7, settings: 0, stays: 9,
      });
      expect(countedPg.homes).toBeGreaterThanOrEqual(3);

      // And they are the right answers, not equal by accident.
      const ids = (i: number) => onSqlite.finds[i]!.found.map((f) => f.id);
      expect(ids(0)).toEqual(['P3', 'P4', 'P1', 'P2']);
      // P4 ends 2025-09-01: still active; P2 has ended.
      expect(onSqlite.finds[1]).toEqual({ found: [{ id: 'P3', key: 'Skyddad identitet (f. 2014)' }, { id: 'P4', key: 'Maja Ärlig-Öst' }, { id: 'P1', key: 'Tolvan Tolvansson' }], hidden: 1 });
      expect(onSqlite.finds[2]!.found).toEqual([{ id: 'P4', key: 'Familjen Åberg' }, { id: 'P1', key: 'Familjen Åberg' }]);
      expect(ids(3)).toEqual(['P1']); // the jourhem was P1's home on 2025-04-01
      expect(ids(4)).toEqual(['P2']); // P3's home is withheld: its child is protected
      expect(onSqlite.finds[5]!.found).toEqual([{ id: 'P3', key: 'Öppenvården' }]);
      expect(ids(6)).toEqual([]); // a protected child's name is never searched
      expect(ids(7)).toEqual(['P1']);
      expect(onSqlite.finds[8]).toEqual({ found: [{ id: 'P1', key: null }], hidden: 0 });
      expect(ids(9)).toEqual(['P3']); // by the year its label shows, '(f. 2014)'
      expect(ids(10)).toEqual(['P2', 'P4']);
      expect(onSqlite.finds[11]!.found).toEqual([{ id: 'P2', key: 'Hanna Handläggarsson' }, { id: 'P4', key: null }, { id: 'P1', key: 'Åsa Öberg' }]);
      expect(ids(12)).toEqual(['P1']);
      expect(onSqlite.children.find((c) => c.id === 'C2')).toMatchObject({ name: 'Maja Ärlig-Öst', placementCount: 2, rowVersion: 2 });
      expect(onSqlite.one!.stays.map((s) => [s.homeName, s.ordinal])).toEqual([['Jourhemmet Lind', 0], ['Familjen Åberg', 1]]);
      expect(onSqlite.one!.rowVersion).toBe(2);
      expect(onSqlite.snapshot.lexSarah).toEqual([{ id: 'D1', placementId: 'P3', homeId: 'H1', steps: [
        { step: 'under-utredning', date: '2025-07-01', serious: null },
        { step: 'bedomning', date: '2025-07-05', serious: 1 },
      ] }]);
      expect(onSqlite.snapshotOfChild.placements.map((p) => p.id)).toEqual(['P2', 'P4']);
      // On 2025-10-01: P1 and P3 are active, and P4 (LVU, ended) waits for its follow-up; P2 (SoL, ended) is left out.
      expect(onSqlite.open.placements.map((p) => p.id)).toEqual(['P1', 'P3', 'P4']);
      expect(onSqlite.open.events).toContainEqual({ placementId: 'P1', homeId: null, type: 'overvagande', date: '2025-08-30' });

      const removed = [await remove(local.db), await remove(pg)];
      expect(removed[1]).toEqual(removed[0]);
      expect(removed[0]).toEqual([true, false]);
      const [afterSqlite, afterPg] = [await ask(local.db), await ask(pg)];
      expect(afterPg).toEqual(afterSqlite);
      expect(afterSqlite.one!.stays.map((s) => [s.homeId, s.toDate])).toEqual([['J1', null]]);
      expect(afterSqlite.all.map((p) => p.id)).toEqual(['P2', 'P1', 'P3']);
      const [afterCountedSqlite, afterCountedPg] = [await counters(local.db), await counters(pg)];
      expect(withoutHomes(afterCountedPg)).toEqual(withoutHomes(afterCountedSqlite));
      // The removals counted: one stay removed and one updated, an event, P4 and its stay, C4 written and removed.
      expect(afterCountedPg).toMatchObject({ stays: 9 + 3, events: 8 + 1, placements: 5 + 2, children: 4 + 2, homes: countedPg.homes });
    });
  });
});
