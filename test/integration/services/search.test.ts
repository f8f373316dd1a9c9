/**
 * Issue 13, the searches a case worker tried in the first hour: a child by personnummer in the
 * list of placements (with or without hyphen, 10 or 12 digits), words in any order, and never a
 * protected child by its name, birth date or personnummer. Fictional homes and children;
 * the personnummer are test numbers with valid check digits.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { useServiceDatabase } from './harness';

const db = useServiceDatabase('pk-search-');
const TODAY = '2026-11-22';

beforeEach(async () => {
  await db.services.exchange.importFile({
    format: 'placeringskollen-exchange',
    version: 1,
    homes: [
      { id: 'F1', kind: 'familjehem', name: 'Familjen Ek', municipality: 'Sundsvall' },
      { id: 'F2', kind: 'familjehem', name: 'Familjen Ask', municipality: 'Timrå' },
      { id: 'F3', kind: 'familjehem', name: 'Familjen Lind', municipality: 'Ånge' },
    ],
    children: [
      { id: 'C1', name: 'Tova Provsdotter', birthDate: '2012-03-04', personnummer: '20120304-2385' },
      { id: 'C2', name: 'Tolvan Exempelsson', birthDate: '2012-12-12', personnummer: '20121212-1212' },
      { id: 'C3', name: 'Greta Hemligsson', birthDate: '2008-02-29', personnummer: '20080229-2383', protectedIdentity: true },
    ],
    placements: [
      placement('P1', 'C1', 'F1', 'Saga Handläggarsson'),
      placement('P2', 'C2', 'F2', 'Maja Exempelsson'),
      placement('P3', 'C3', 'F3', 'Saga Handläggarsson'),
    ],
  });
});

function placement(id: string, childId: string, homeId: string, caseworker: string) {
  return {
    id,
    childId,
    legalBasis: 'SoL',
    decidedOn: '2026-03-01',
    startedOn: '2026-03-02',
    caseworker,
    unit: 'Barn och unga',
    stays: [{ homeId, form: 'familjehem', from: '2026-03-02' }],
  };
}

const placementsFound = async (query: string) =>
  (await db.services.placementViews.list({ date: TODAY, query, activeOnly: false })).map((row) => row.id).sort();
const childrenFound = async (query: string) =>
  (await db.services.placements.listChildren({ date: TODAY, query })).map((row) => row.id).sort();

describe('the list of placements finds a child by personnummer', () => {
  it.each(['20120304-2385', '201203042385', '120304-2385', '1203042385'])('%s finds Tova', async (query) => {
    expect(await placementsFound(query)).toEqual(['P1']);
  });

  it('finds by birth date too, with or without hyphens, and by the ÅÅMMDD of the number', async () => {
    expect(await placementsFound('2012-03-04')).toEqual(['P1']);
    expect(await placementsFound('20120304')).toEqual(['P1']);
    expect(await placementsFound('120304')).toEqual(['P1']);
  });

  it('a number that is no one’s finds nothing', async () => {
    expect(await placementsFound('20120304-2386')).toEqual([]);
  });
});

describe('words in any order: each word must match somewhere', () => {
  it('finds a child by its names in any order', async () => {
    expect(await placementsFound('provsdotter tova')).toEqual(['P1']);
    expect(await childrenFound('provsdotter tova')).toEqual(['C1']);
  });

  it('a word may match the child and another the home or the handläggare', async () => {
    expect(await placementsFound('tova ek')).toEqual(['P1']);
    expect(await placementsFound('saga tova')).toEqual(['P1']);
    expect(await placementsFound('1203042385 handläggarsson')).toEqual(['P1']);
    // "Exempelsson" is the child's name in P2 and the handläggare's: both words find only P2.
    expect(await placementsFound('exempelsson ask')).toEqual(['P2']);
    expect(await placementsFound('tova ask')).toEqual([]);
  });
});

describe('a protected child is never found by its name, birth date or personnummer', () => {
  it.each(['Greta', 'hemligsson greta', '20080229-2383', '200802292383', '080229-2383', '0802292383', '2008-02-29', '20080229'])(
    '%s finds no placement and no child',
    async (query) => {
      expect(await placementsFound(query)).toEqual([]);
      expect(await childrenFound(query)).toEqual([]);
    },
  );

  it('is found by what the list shows: its label and the handläggare', async () => {
    expect(await placementsFound('skyddad identitet')).toEqual(['P3']);
    expect(await placementsFound('handläggarsson')).toEqual(['P1', 'P3']);
  });

  it('nor by the home it lives in, which the list withholds', async () => {
    expect(await placementsFound('Lind')).toEqual([]);
  });
});

describe('the personnummer field takes 10 and 12 digits without a hyphen, and stores ÅÅÅÅMMDD-NNNN', () => {
  it.each(['201203042385', '1203042385', '120304-2385'])('%s', async (personnummer) => {
    const child = await db.services.placements.saveChild({ name: 'Ny T.', birthDate: '2012-03-04', personnummer, protectedIdentity: false });
    expect(child.personnummer).toBe('20120304-2385');
  });
});
