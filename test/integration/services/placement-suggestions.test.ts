/**
 * Issue 10: handläggare and enhet are free text on a placement, so "Saga Handläggarsson" and
 * "saga handläggarsson" became two people. The form suggests the names already written (the
 * `getPlacementSuggestions` channel). Fictional names.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { useServiceDatabase } from './harness';

const db = useServiceDatabase('pk-suggestions-');

const placement = (id: string, childId: string, caseworker: string | null, unit: string | null) => ({
  id,
  childId,
  legalBasis: 'SoL',
  decidedOn: '2026-03-01',
  startedOn: '2026-03-02',
  ...(caseworker === null ? {} : { caseworker }),
  ...(unit === null ? {} : { unit }),
  stays: [{ homeId: 'F1', form: 'familjehem', from: '2026-03-02' }],
});

describe('the handläggare and enheter the placement form suggests', () => {
  beforeEach(async () => {
    await db.services.exchange.importFile({
      format: 'placeringskollen-exchange',
      version: 1,
      homes: [{ id: 'F1', kind: 'familjehem', name: 'Familjen Ek' }],
      children: ['C1', 'C2', 'C3', 'C4', 'C5'].map((id) => ({ id, birthDate: '2012-03-04' })),
      placements: [
        placement('P1', 'C1', 'Saga Handläggarsson', 'Barn och unga'),
        placement('P2', 'C2', 'Saga Handläggarsson', 'Familjehemsenheten'),
        placement('P3', 'C3', 'saga handläggarsson', 'barn och unga'),
        placement('P4', 'C4', 'Örjan Exempelsson', 'Barn och unga'),
        placement('P5', 'C5', null, null),
      ],
    });
  });

  it('lists each name once, in its most used spelling, in Swedish order (Ö after Z)', async () => {
    expect(await db.services.placements.suggestions()).toEqual({
      caseworkers: ['Saga Handläggarsson', 'Örjan Exempelsson'],
      units: ['Barn och unga', 'Familjehemsenheten'],
    });
  });

  it('is empty in an empty register', async () => {
    await db.connection.db.deleteFrom('stays').execute();
    await db.connection.db.deleteFrom('placements').execute();
    expect(await db.services.placements.suggestions()).toEqual({ caseworkers: [], units: [] });
  });
});
