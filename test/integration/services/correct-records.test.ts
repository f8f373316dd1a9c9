/**
 * Records entered by mistake can be corrected or removed (issue 10): a child's details are
 * editable; a placement or a child is removed with a required reason, kept whole in the history
 * (who, when, why) in the same transaction; an omplacering can be undone right after.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { failure, useServiceDatabase } from './harness';

const db = useServiceDatabase('pk-correct-records-');
const D = '2026-11-22';

beforeEach(async () => {
  await db.services.exchange.importFile({
    format: 'placeringskollen-exchange',
    version: 1,
    homes: [
      { id: 'F1', kind: 'familjehem', name: 'Familjen Ek' },
      { id: 'H2', kind: 'hvb', name: 'Testgårdens HVB', operator: 'kommunal' },
    ],
    children: [
      { id: 'C1', name: 'Tolvan T.', birthDate: '2012-12-12' },
      { id: 'C2', name: 'Fel Barnsson', birthDate: '2013-01-01' },
    ],
    placements: [
      { id: 'PL1', childId: 'C1', legalBasis: 'SoL', decidedOn: '2026-09-01', startedOn: '2026-09-02', stays: [{ homeId: 'F1', form: 'familjehem', from: '2026-09-02' }] },
      { id: 'PL2', childId: 'C2', legalBasis: 'SoL', decidedOn: '2026-10-01', startedOn: '2026-10-02', stays: [{ homeId: 'F1', form: 'familjehem', from: '2026-10-02' }] },
    ],
    events: [{ id: 'E1', placementId: 'PL2', type: 'vardplan', date: '2026-10-02' }],
    notes: [{ id: 'N1', placementId: 'PL2', author: 'Handläggare A', writtenOn: '2026-10-05', category: 'erfarenhet', text: 'Bra mottagande.' }],
  });
});

const removed = () => db.connection.raw.prepare('SELECT kind, record_id, removed_by, removed_at, reason, record FROM removed_records').all() as Record<string, string>[];

describe('a placement entered by mistake', () => {
  it('is removed with its stays and events, kept whole in the history with who, when and why', async () => {
    db.clock.set('2026-11-22T10:30:00.000Z');
    const gone = await db.services.placements.removePlacement({ id: 'PL2', reason: 'Registrerad på fel barn.', removedBy: 'Saga Handläggarsson' });
    expect(gone).toMatchObject({ id: 'PL2', childId: 'C2' });
    await expect(db.services.placements.getPlacement('PL2')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(db.connection.raw.prepare("SELECT count(*) FROM events WHERE id = 'E1'").pluck().get()).toBe(0);
    const [row] = removed();
    expect(row).toMatchObject({ kind: 'placement', record_id: 'PL2', removed_by: 'Saga Handläggarsson', removed_at: '2026-11-22T10:30:00.000Z', reason: 'Registrerad på fel barn.' });
    const record = JSON.parse(row!.record!) as { placement: { id: string; stays: unknown[] }; events: { id: string }[] };
    expect(record.placement).toEqual(gone);
    expect(record.events.map((e) => e.id)).toEqual(['E1']);
    // The note stays with the home it is about; the deadlines no longer count the placement.
    expect(db.connection.raw.prepare("SELECT home_id, placement_id FROM notes WHERE id = 'N1'").get()).toEqual({ home_id: 'F1', placement_id: null });
    expect((await db.services.deadlines.overview(D)).rows.some((r) => r.placementId === 'PL2')).toBe(false);
  });

  it('needs a reason (the contract) and an existing placement; nothing is half removed', async () => {
    expect((await failure(db.services.placements.removePlacement({ id: 'PL9', reason: 'x', removedBy: 'y' }))).code).toBe('NOT_FOUND');
    expect(removed()).toEqual([]);
  });
});

describe('a child entered by mistake', () => {
  it('is refused while it has a placement, and removed after it, kept in the history', async () => {
    const refused = await failure(db.services.placements.removeChild({ id: 'C2', reason: 'Dubblett.', removedBy: 'Saga Handläggarsson' }));
    expect(refused).toMatchObject({ code: 'CONFLICT', message: 'Barnet har en placering. Ta bort den först om den är felaktig.' });
    await db.services.placements.removePlacement({ id: 'PL2', reason: 'Fel barn.', removedBy: 'Saga Handläggarsson' });
    await db.services.placements.removeChild({ id: 'C2', reason: 'Dubblett.', removedBy: 'Saga Handläggarsson' });
    await expect(db.services.placements.getChild('C2')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(removed().map((r) => [r.kind, r.record_id])).toEqual([['placement', 'PL2'], ['child', 'C2']]);
  });

  it('has details that can be corrected', async () => {
    const { rowVersion } = await db.services.placements.getChild('C1');
    const corrected = await db.services.placements.saveChild({ id: 'C1', name: 'Tolvan Testsson', birthDate: '2012-12-12', personnummer: '20121212-1212', protectedIdentity: false, rowVersion });
    expect(corrected).toMatchObject({ id: 'C1', name: 'Tolvan Testsson', personnummer: '20121212-1212', rowVersion: rowVersion + 1 });
  });
});

describe('an omplacering', () => {
  it('can be undone right after: the new stay goes and the one before goes on', async () => {
    await db.services.placements.move({ id: 'PL1', on: '2026-11-20', homeId: 'H2', decidedOn: null, investigationCompletedOn: null });
    const undone = await db.services.placements.undoMove({ id: 'PL1', homeId: 'H2', from: '2026-11-20' });
    expect(undone.stays.map((s) => [s.homeId, s.from, s.to])).toEqual([['F1', '2026-09-02', null]]);
  });

  it('is not undone when the placement has changed since (another stay last): nothing changes', async () => {
    await db.services.placements.move({ id: 'PL1', on: '2026-11-20', homeId: 'H2', decidedOn: null, investigationCompletedOn: null });
    const refused = await failure(db.services.placements.undoMove({ id: 'PL1', homeId: 'H2', from: '2026-11-21' }));
    expect(refused.code).toBe('CONFLICT');
    expect((await db.services.placements.getPlacement('PL1')).stays).toHaveLength(2);
  });
});
