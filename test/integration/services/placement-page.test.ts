/**
 * Issue 11: the list of placements is filtered, sorted and paged in main (`listPlacementPage`), so
 * the window gets the rows it shows and the count of all, never the whole register. The search
 * keeps its meaning (words in any order, personnummer in any form, a protected child never found
 * by who it is and never shown with its home). Fictional homes and children; test personnummer.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch';
import { createHandlers } from '../../../main/ipc/handlers';
import { signInAs } from '../../signed-in';
import type { ListPlacementPageInput, PlacementPage, PlacementSort } from '../../../preload/api';
import { useServiceDatabase } from './harness';

const db = useServiceDatabase('pk-placement-page-');
const TODAY = '2026-11-22';

/*
 * Eight placements, five active on TODAY (PL1, PL2, PL4, PL6, PL7). PL1 moved from a jourhem to
 * Familjen Ask; PL6 is the protected child's, in Familjen Hemlig; PL7's child has no name.
 */
beforeEach(async () => {
  await db.services.exchange.importFile({
    format: 'placeringskollen-exchange',
    version: 1,
    homes: [
      { id: 'H1', kind: 'hvb', name: 'Östergårdens HVB', municipality: 'Timrå' },
      { id: 'H2', kind: 'familjehem', name: 'Familjen Ask', municipality: 'Sundsvall' },
      { id: 'H3', kind: 'familjehem', name: 'Familjen Ek', municipality: 'Sundsvall' },
      { id: 'H4', kind: 'jourhem', name: 'Jourhemmet Zeta', municipality: 'Sundsvall' },
      { id: 'H5', kind: 'familjehem', name: 'Familjen Hemlig', municipality: 'Kramfors' },
    ],
    children: [
      { id: 'C1', name: 'Åsa Provsdotter', birthDate: '2012-03-04', personnummer: '20120304-2385' },
      { id: 'C2', name: 'Anna Exempelsson', birthDate: '2011-05-06' },
      { id: 'C3', name: 'Örjan Testsson', birthDate: '2010-01-01' },
      { id: 'C4', name: 'Zelda Provberg', birthDate: '2013-02-02' },
      { id: 'C5', name: 'Ärla Testberg', birthDate: '2014-04-04' },
      { id: 'C6', name: 'Greta Hemligsson', birthDate: '2008-02-29', personnummer: '20080229-2383', protectedIdentity: true },
      { id: 'C7', birthDate: '2015-06-07' },
    ],
    placements: [
      {
        id: 'PL1', childId: 'C1', legalBasis: 'SoL', decidedOn: '2026-01-08', startedOn: '2026-01-10',
        caseworker: 'Saga Handläggarsson', unit: 'Barn och unga',
        stays: [
          { homeId: 'H4', form: 'jourhem', from: '2026-01-10', to: '2026-03-01' },
          { homeId: 'H2', form: 'familjehem', from: '2026-03-01' },
        ],
      },
      placement('PL2', 'C2', 'H1', 'hvb', '2025-06-01', null, { legalBasis: 'LVU2', caseworker: 'Maja Exempelsson' }),
      placement('PL3', 'C3', 'H3', 'familjehem', '2024-02-01', '2025-02-01', { legalBasis: 'LVU3', unit: 'Enhet Öst' }),
      placement('PL4', 'C4', 'H3', 'familjehem', '2026-09-01', null, { caseworker: 'Örjan Ödman', unit: 'Barn och unga' }),
      placement('PL5', 'C5', 'H1', 'hvb', '2023-01-01', '2023-06-01', { caseworker: 'Anders Ask' }),
      placement('PL6', 'C6', 'H5', 'familjehem', '2026-05-04', null, { legalBasis: 'LVU2', caseworker: 'Saga Handläggarsson' }),
      placement('PL7', 'C7', 'H2', 'familjehem', '2026-10-01', null, { caseworker: 'Bo Åberg' }),
      placement('PL8', 'C1', 'H1', 'hvb', '2020-01-01', '2021-01-01', {}),
    ],
  });
});

function placement(
  id: string,
  childId: string,
  homeId: string,
  form: string,
  startedOn: string,
  endedOn: string | null,
  extra: { legalBasis?: string; caseworker?: string; unit?: string },
) {
  return {
    id,
    childId,
    legalBasis: extra.legalBasis ?? 'SoL',
    decidedOn: startedOn,
    startedOn,
    ...(endedOn ? { endedOn, endReason: 'planerad' } : {}),
    ...(extra.caseworker ? { caseworker: extra.caseworker } : {}),
    ...(extra.unit ? { unit: extra.unit } : {}),
    stays: [{ homeId, form, from: startedOn, ...(endedOn ? { to: endedOn } : {}) }],
  };
}

type Ask = Partial<Omit<ListPlacementPageInput, 'sort'>> & { sort?: PlacementSort };

const page = (ask: Ask = {}): Promise<PlacementPage> =>
  db.services.placementViews.page({ date: TODAY, activeOnly: false, offset: 0, limit: 100, sort: { column: 'child', direction: 'asc' }, ...ask });
const ids = async (ask: Ask = {}) => (await page(ask)).rows.map((row) => row.id);
const sorted = (column: PlacementSort['column'], direction: PlacementSort['direction'] = 'asc') => ids({ sort: { column, direction } });

describe('the count of all, and "Bara pågående"', () => {
  it('gives the total the search finds, and how many more "Bara pågående" leaves out', async () => {
    expect(await page()).toMatchObject({ total: 8, hidden: 0 });
    const active = await page({ activeOnly: true });
    expect(active).toMatchObject({ total: 5, hidden: 3 });
    expect(active.rows.map((row) => row.id).sort()).toEqual(['PL1', 'PL2', 'PL4', 'PL6', 'PL7']);
    expect(active.rows.every((row) => row.active)).toBe(true);
    // With a search: the ended placements the search finds are counted, not shown.
    expect(await page({ activeOnly: true, query: 'provsdotter' })).toMatchObject({ total: 1, hidden: 1 });
  });

  it('a search that finds nothing answers no rows and a total of 0', async () => {
    expect(await page({ query: 'ingen sådan' })).toEqual({ rows: [], total: 0, hidden: 0 });
  });
});

describe('offset and limit', () => {
  it('cuts the sorted list into pages that follow each other, the count of all on each', async () => {
    const all = await sorted('child');
    const pages = [await page({ offset: 0, limit: 3 }), await page({ offset: 3, limit: 3 }), await page({ offset: 6, limit: 3 })];
    expect(pages.map((p) => p.rows.length)).toEqual([3, 3, 2]);
    expect(pages.every((p) => p.total === 8)).toBe(true);
    expect(pages.flatMap((p) => p.rows.map((row) => row.id))).toEqual(all);
    expect(await page({ offset: 8, limit: 3 })).toEqual({ rows: [], total: 8, hidden: 0 });
  });

  it('refuses more than 500 rows at a time at the channel, and the service cuts a bigger limit to 500', async () => {
    await signInAs(db.services);
    const handlers = createHandlers(db.services, { host: 'browser', databasePath: db.file, encrypted: false, version: 'test' });
    const refused = await dispatch('listPlacementPage', { date: TODAY, limit: 501 }, handlers);
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: '/limit', message: 'Högst 500 rader åt gången.' }] } });
    const taken = await dispatch('listPlacementPage', { date: TODAY, limit: 500 }, handlers);
    expect(taken).toMatchObject({ ok: true, value: { total: 8 } });
    // Defaults: the first 100, children in Swedish order.
    expect(await dispatch('listPlacementPage', { date: TODAY }, handlers)).toMatchObject({ ok: true, value: { rows: { length: 8 }, total: 8 } });
  });
});

describe('sorting', () => {
  it('by child in Swedish order (Å, Ä, Ö after Z), the label a protected child shows; a child’s placements newest first', async () => {
    expect(await sorted('child')).toEqual(['PL2', 'PL7', 'PL6', 'PL4', 'PL1', 'PL8', 'PL5', 'PL3']);
    // Descending turns the names around; one child's placements stay newest first.
    expect(await sorted('child', 'desc')).toEqual(['PL3', 'PL5', 'PL1', 'PL8', 'PL4', 'PL6', 'PL7', 'PL2']);
  });

  it('by the home shown on the day: the current stay’s, an ended placement’s last, a protected child’s "Skyddat boende"', async () => {
    // Ask: PL7, PL1 (moved there from the jourhem); Ek: PL4, PL3; Skyddat boende (not Familjen Hemlig); Östergården last.
    expect(await sorted('home')).toEqual(['PL7', 'PL1', 'PL4', 'PL3', 'PL6', 'PL2', 'PL5', 'PL8']);
  });

  it('by handläggare: a placement without one last in either direction', async () => {
    expect(await sorted('caseworker')).toEqual(['PL5', 'PL7', 'PL2', 'PL6', 'PL1', 'PL4', 'PL3', 'PL8']);
    expect(await sorted('caseworker', 'desc')).toEqual(['PL4', 'PL6', 'PL1', 'PL2', 'PL7', 'PL5', 'PL3', 'PL8']);
    expect((await sorted('unit')).slice(0, 3)).toEqual(['PL4', 'PL1', 'PL3']);
  });

  it('by the dates: an ongoing placement ends after every date', async () => {
    expect(await sorted('startedOn', 'desc')).toEqual(['PL7', 'PL4', 'PL6', 'PL1', 'PL2', 'PL3', 'PL5', 'PL8']);
    expect(await sorted('startedOn')).toEqual(['PL8', 'PL5', 'PL3', 'PL2', 'PL1', 'PL6', 'PL4', 'PL7']);
    expect(await sorted('endedOn')).toEqual(['PL8', 'PL5', 'PL3', 'PL7', 'PL4', 'PL6', 'PL1', 'PL2']);
    expect((await sorted('endedOn', 'desc')).slice(0, 5).sort()).toEqual(['PL1', 'PL2', 'PL4', 'PL6', 'PL7']);
  });

  it('by lagrum, and by the overdue deadlines each row counts', async () => {
    expect(await sorted('legalBasis')).toEqual(['PL6', 'PL2', 'PL3', 'PL7', 'PL4', 'PL1', 'PL5', 'PL8']);
    const overdue = (await page({ sort: { column: 'overdue', direction: 'desc' } })).rows.map((row) => row.overdueCount);
    expect(overdue).toEqual([...overdue].sort((a, b) => b - a));
    expect(overdue[0]).toBeGreaterThan(0);
    const ascending = (await page({ sort: { column: 'overdue', direction: 'asc' } })).rows.map((row) => row.overdueCount);
    expect(ascending).toEqual([...overdue].reverse());
  });
});

describe('the search is the list’s search', () => {
  it('finds by words in any order, across the child, the home and the handläggare', async () => {
    expect(await ids({ query: 'provsdotter åsa' })).toEqual(['PL1', 'PL8']);
    expect(await ids({ query: 'åsa ask' })).toEqual(['PL1']);
    expect(await ids({ query: 'saga handläggarsson' })).toEqual(['PL6', 'PL1']);
    expect(await ids({ query: 'öst' })).toEqual(['PL2', 'PL8', 'PL5', 'PL3']);
    expect(await ids({ query: 'barn f. 2015' })).toEqual(['PL7']);
  });

  it.each(['20120304-2385', '201203042385', '120304-2385', '1203042385', '2012-03-04'])('finds a child by %s', async (query) => {
    expect(await ids({ query })).toEqual(['PL1', 'PL8']);
  });

  it.each(['Greta', 'hemligsson', '20080229-2383', '200802292383', '0802292383', '2008-02-29', 'Familjen Hemlig', 'Kramfors'])(
    'never finds the protected child by %s',
    async (query) => {
      expect(await page({ query })).toEqual({ rows: [], total: 0, hidden: 0 });
    },
  );

  it('finds the protected child by what the list shows, and never shows its home in any order', async () => {
    expect(await ids({ query: 'skyddad saga' })).toEqual(['PL6']);
    expect(await ids({ query: 'skyddat boende' })).toEqual(['PL6']);
    for (const column of ['child', 'home', 'caseworker', 'startedOn', 'overdue'] as const) {
      const { rows } = await page({ sort: { column, direction: 'asc' } });
      const text = JSON.stringify(rows);
      expect(['Familjen Hemlig', 'H5', 'Greta', '20080229'].filter((word) => text.includes(word)), column).toEqual([]);
      expect(rows.find((row) => row.id === 'PL6')).toMatchObject({ childLabel: 'Skyddad identitet (f. 2008)', homeId: null, homeName: 'Skyddat boende' });
    }
  });

  it('a new placement is in the next answer: nothing found before a write is kept after it', async () => {
    expect(await page({ query: 'zelda' })).toMatchObject({ total: 1 });
    await db.services.placements.savePlacement({
      childId: 'C4', legalBasis: 'SoL', decidedOn: '2025-01-01', startedOn: '2025-01-02', endedOn: '2025-03-01', endReason: 'planerad',
      caseworker: null, unit: null, stays: [{ homeId: 'H2', from: '2025-01-02', to: '2025-03-01', decidedOn: null, investigationCompletedOn: null }],
    });
    expect(await page({ query: 'zelda' })).toMatchObject({ total: 2 });
  });
});
