/**
 * The bevakningslista paged in main (`deadlines.page`, channel `listDeadlinePage`): the page's
 * filters (handläggare and enhet with "Ingen angiven", regel, status, the quick search), its sort,
 * the total and counts, the filters' choices, and the cap on a page, against the whole list that
 * `overview` still gives. Fictional homes, adults, children and handläggare.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { listDeadlinePageInput, type DeadlineRow, type ListDeadlinePageInput } from '../../../preload/api/deadlines';
import { useServiceDatabase } from './harness';

const db = useServiceDatabase('pk-deadline-page-');

const D = '2026-11-22';

/*
 * F1 Familjen Ek (familjehem): Anna Ek and Bo Ek uppdragstagare, re-checks due (a child lives there).
 *   PL1 Ung Vuxen (Handläggare A, no enhet) and PL2 Ärla Ek-Barn (Åsa Berg, Enhet Syd) live there:
 *   each re-check of F1 is theirs both, "Handläggare A, Åsa Berg".
 * H1 Östergårdens HVB: PL3 Zelda Utan (no handläggare, no enhet), PL4 Örjan Ström (Handläggare A, Enhet Öst).
 * H2 Västanby HVB: PL5..PL114, 110 children of Handläggare Z (Enhet Väst), so the list is longer than a page.
 */
const many = Array.from({ length: 110 }, (_, i) => i + 5);

beforeEach(async () => {
  await db.services.exchange.importFile({
    format: 'placeringskollen-exchange',
    version: 1,
    homes: [
      { id: 'F1', kind: 'familjehem', name: 'Familjen Ek' },
      { id: 'H1', kind: 'hvb', name: 'Östergårdens HVB', operator: 'enskild' },
      { id: 'H2', kind: 'hvb', name: 'Västanby HVB', operator: 'enskild' },
    ],
    persons: [
      { id: 'P1', homeId: 'F1', name: 'Anna Ek', role: 'uppdragstagare' },
      { id: 'P2', homeId: 'F1', name: 'Bo Ek', role: 'uppdragstagare' },
    ],
    registerChecks: [
      { id: 'R1', personId: 'P1', register: 'belastningsregistret', checkedOn: '2025-12-10', outcome: 'utan-anmarkning' },
      { id: 'R2', personId: 'P1', register: 'misstankeregistret', checkedOn: '2024-11-01', outcome: 'utan-anmarkning' },
      { id: 'R3', personId: 'P2', register: 'belastningsregistret', checkedOn: '2026-03-02', outcome: 'utan-anmarkning' },
    ],
    children: [
      { id: 'C1', name: 'Ung Vuxen', birthDate: '2007-03-01' },
      { id: 'C2', name: 'Ärla Ek-Barn', birthDate: '2014-05-06' },
      { id: 'C3', name: 'Zelda Utan', birthDate: '2012-01-15' },
      { id: 'C4', name: 'Örjan Ström', birthDate: '2011-08-20' },
      ...many.map((n) => ({ id: `C${n}`, name: `Barn Nummer${n}`, birthDate: '2013-04-04' })),
    ],
    placements: [
      {
        id: 'PL1', childId: 'C1', legalBasis: 'SoL', decidedOn: '2026-02-01', startedOn: '2026-02-03', caseworker: 'Handläggare A',
        stays: [{ homeId: 'F1', form: 'familjehem', from: '2026-02-03' }],
      },
      {
        id: 'PL2', childId: 'C2', legalBasis: 'SoL', decidedOn: '2026-06-01', startedOn: '2026-06-01', caseworker: 'Åsa Berg', unit: 'Enhet Syd',
        stays: [{ homeId: 'F1', form: 'familjehem', from: '2026-06-01' }],
      },
      {
        id: 'PL3', childId: 'C3', legalBasis: 'SoL', decidedOn: '2026-05-01', startedOn: '2026-05-04',
        stays: [{ homeId: 'H1', form: 'hvb', from: '2026-05-04' }],
      },
      {
        id: 'PL4', childId: 'C4', legalBasis: 'LVU2', decidedOn: '2026-04-01', startedOn: '2026-04-02', caseworker: 'Handläggare A', unit: 'Enhet Öst',
        stays: [{ homeId: 'H1', form: 'hvb', from: '2026-04-02' }],
      },
      ...many.map((n) => ({
        id: `PL${n}`, childId: `C${n}`, legalBasis: 'SoL', decidedOn: '2026-03-01', startedOn: '2026-03-02', caseworker: 'Handläggare Z', unit: 'Enhet Väst',
        stays: [{ homeId: 'H2', form: 'hvb', from: '2026-03-02' }],
      })),
    ],
    events: [{ id: 'E1', placementId: 'PL1', type: 'vardplan', date: '2026-02-03' }],
  });
});

/** A question as the window asks it: through the contract's schema, so its defaults apply. */
const page = (input: Partial<ListDeadlinePageInput> = {}) =>
  db.services.deadlines.page(listDeadlinePageInput.parse({ date: D, limit: 500, ...input }));

/** Every row a question finds, page by page. */
async function everyPage(input: Partial<ListDeadlinePageInput>): Promise<DeadlineRow[]> {
  const rows: DeadlineRow[] = [];
  for (;;) {
    const found = await page({ ...input, offset: rows.length, limit: 500 });
    rows.push(...found.rows);
    if (rows.length >= found.total || found.rows.length === 0) return rows;
  }
}

const isRecheck = (row: DeadlineRow) => row.rule === 'registerkontroll-fortlopande';
const keyOf = (row: DeadlineRow) => `${row.rule}:${row.placementId ?? row.homeId}:${row.personId ?? ''}:${row.register ?? ''}`;

describe('the bevakningslista paged in main', () => {
  it('without filters: the whole list in its order, counted as the list counts, and a page cut from it', async () => {
    const whole = await db.services.deadlines.overview(D);
    expect(whole.rows.length).toBeGreaterThan(500);
    const first = await page();
    expect(first.total).toBe(whole.rows.length);
    expect(first.unfiltered).toBe(whole.rows.length);
    expect(first.rechecks).toBe(whole.rows.filter(isRecheck).length);
    expect(first.rechecks).toBe(4);
    expect(first.counts).toEqual(whole.counts);
    // The page is the whole list's first 500 rows, in its order (due date, placement, rule).
    expect(first.rows.map(keyOf)).toEqual(whole.rows.slice(0, 500).map(keyOf));
    const second = await page({ offset: 500, limit: 100 });
    expect(second.rows.map(keyOf)).toEqual(whole.rows.slice(500, 600).map(keyOf));
    const past = await page({ offset: whole.rows.length + 10 });
    expect(past.rows).toEqual([]);
    expect(past.total).toBe(whole.rows.length);
  });

  it('never carries more than 500 rows: the contract refuses more, and the service cuts a larger ask', async () => {
    expect(listDeadlinePageInput.safeParse({ date: D, limit: 501 }).error?.issues[0]?.message).toBe('Högst 500 rader åt gången.');
    expect(listDeadlinePageInput.safeParse({ date: D, caseworker: ' ' }).error?.issues[0]?.message).toBe('Välj en handläggare i listan.');
    const direct = await db.services.deadlines.page({ date: D, offset: 0, limit: 10_000 });
    expect(direct.rows).toHaveLength(500);
    expect(direct.total).toBeGreaterThan(500);
  });

  it('offers the handläggare, enheter and regler of the whole list, and "Ingen angiven" when a placement has none', async () => {
    const { choices } = await page({ caseworker: 'Handläggare Z', limit: 1 });
    expect(choices.caseworkers).toEqual(['Handläggare A', 'Handläggare Z', 'Åsa Berg']);
    expect(choices.units).toEqual(['Enhet Syd', 'Enhet Väst', 'Enhet Öst']);
    expect(choices.caseworkerNotGiven).toBe(true);
    expect(choices.unitNotGiven).toBe(true);
    const whole = await db.services.deadlines.overview(D);
    expect(new Set(choices.rules)).toEqual(new Set(whole.rows.map((row) => row.rule)));
    expect(choices.rules).toContain('registerkontroll-fortlopande');
  });

  it("finds a re-check under each handläggare and enhet of the children living in the home", async () => {
    for (const caseworker of ['Handläggare A', 'Åsa Berg']) {
      const found = await page({ caseworker, rule: 'registerkontroll-fortlopande' });
      expect(found.total).toBe(4);
      expect(found.rechecks).toBe(4);
      for (const row of found.rows) expect(row).toMatchObject({ homeName: 'Familjen Ek', caseworker: 'Handläggare A, Åsa Berg' });
    }
    // Handläggare A's list: PL1's and PL4's deadlines and F1's re-checks, no one else's.
    const whole = await db.services.deadlines.overview(D);
    const a = await page({ caseworker: 'Handläggare A' });
    const expected = whole.rows.filter((row) => row.caseworkers.includes('Handläggare A'));
    expect(a.rows.map(keyOf)).toEqual(expected.map(keyOf));
    expect(new Set(a.rows.map((row) => row.placementId))).toEqual(new Set(['PL1', 'PL4', null]));
    // The counts are the deadlines only: the re-checks are counted by Kontroller.
    const deadlinesOfA = expected.filter((row) => !isRecheck(row));
    expect(a.counts.overdue + a.counts.dueSoon + a.counts.upcoming).toBe(deadlinesOfA.length);
    expect(a.total - a.rechecks).toBe(deadlinesOfA.length);

    const syd = await page({ unit: 'Enhet Syd' });
    expect(new Set(syd.rows.map((row) => row.placementId))).toEqual(new Set(['PL2', null]));
    expect(syd.rechecks).toBe(4);
  });

  it('"Ingen angiven" finds the placements without a handläggare (enhet), never a home\'s row', async () => {
    const noCaseworker = await page({ caseworker: null });
    expect(noCaseworker.total).toBeGreaterThan(0);
    expect(new Set(noCaseworker.rows.map((row) => row.placementId))).toEqual(new Set(['PL3']));
    const noUnit = await page({ unit: null });
    // PL1 has a handläggare but no enhet; PL3 neither.
    expect(new Set(noUnit.rows.map((row) => row.placementId))).toEqual(new Set(['PL1', 'PL3']));
    expect(noUnit.rechecks).toBe(0);
    // Absent is every row.
    expect((await page({ caseworker: undefined })).total).toBe((await db.services.deadlines.overview(D)).rows.length);
  });

  it('the status narrows the rows but not the counts of the status buttons; the regel narrows both', async () => {
    const whole = await db.services.deadlines.overview(D);
    const all = await page({ caseworker: 'Handläggare A' });
    const overdue = await page({ caseworker: 'Handläggare A', status: 'overdue' });
    expect(overdue.counts).toEqual(all.counts);
    expect(overdue.rows.every((row) => row.status === 'overdue')).toBe(true);
    expect(overdue.total).toBe(all.rows.filter((row) => row.status === 'overdue').length);
    expect(overdue.rechecks).toBe(all.rows.filter((row) => row.status === 'overdue' && isRecheck(row)).length);

    const barnsamtal = await page({ rule: 'barnsamtal' });
    const expected = whole.rows.filter((row) => row.rule === 'barnsamtal');
    expect(barnsamtal.total).toBe(expected.length);
    expect(barnsamtal.counts.overdue + barnsamtal.counts.dueSoon + barnsamtal.counts.upcoming).toBe(expected.length);
  });

  it('the quick search looks in the child, home, title, handläggare and adult, in Swedish lower case', async () => {
    // Upper case finds lower case, and Ö is Ö.
    const home = await page({ query: '  ÖSTERGÅRDENS ' });
    expect(new Set(home.rows.map((row) => row.placementId))).toEqual(new Set(['PL3', 'PL4']));
    expect((await page({ query: 'ostergardens' })).total).toBe(0);
    // The child, and the handläggare.
    expect(new Set((await page({ query: 'ärla' })).rows.map((row) => row.placementId))).toEqual(new Set(['PL2']));
    const berg = await page({ query: 'åsa berg' });
    expect(berg.rows.filter((row) => row.placementId !== null).every((row) => row.placementId === 'PL2')).toBe(true);
    expect(berg.rechecks).toBe(4);
    // A re-check's title as shown: the register and the adult.
    const recheck = await page({ query: 'misstankeregistret för anna' });
    expect(recheck.total).toBe(1);
    expect(recheck.rows[0]).toMatchObject({ rule: 'registerkontroll-fortlopande', personName: 'Anna Ek', register: 'misstankeregistret' });
    // The rule's title.
    const whole = await db.services.deadlines.overview(D);
    const samtal = await page({ query: 'enskilt samtal' });
    expect(samtal.total).toBe(whole.rows.filter((row) => row.rule === 'barnsamtal').length);
    // With the other filters.
    expect((await page({ query: 'ärla', caseworker: 'Handläggare A' })).total).toBe(0);
  });

  it('sorts by the column asked in Swedish order, ties in the list order, in either direction', async () => {
    const whole = await db.services.deadlines.overview(D);
    const order = new Map(whole.rows.map((row, index) => [keyOf(row), index]));
    const label = (row: DeadlineRow) => row.childLabel ?? row.homeName ?? '';
    const asc = await everyPage({ sort: { column: 'child', direction: 'asc' } });
    expect(asc.length).toBe(whole.rows.length);
    const labels = asc.map(label);
    // Å, Ä, Ö after Z; numbers as numbers.
    const zelda = labels.indexOf('Zelda Utan');
    expect(zelda).toBeGreaterThan(-1);
    expect(labels.indexOf('Ärla Ek-Barn')).toBeGreaterThan(zelda);
    expect(labels.at(-1)).toBe('Örjan Ström');
    expect(labels.indexOf('Barn Nummer9')).toBeLessThan(labels.indexOf('Barn Nummer10'));
    let ties = 0;
    for (let i = 1; i < asc.length; i++) {
      if (labels[i] !== labels[i - 1]) continue;
      ties++;
      expect(order.get(keyOf(asc[i]!))!).toBeGreaterThan(order.get(keyOf(asc[i - 1]!))!);
    }
    expect(ties).toBeGreaterThan(0);
    const desc = await everyPage({ sort: { column: 'child', direction: 'desc' } });
    expect(desc.map(label)[0]).toBe('Örjan Ström');
    // Ties keep the list's order going down too (the grid sorted so).
    const familjenEk = desc.filter((row) => label(row) === 'Familjen Ek').map(keyOf);
    expect(familjenEk).toEqual(whole.rows.filter((row) => label(row) === 'Familjen Ek').map(keyOf));

    const status = await page({ sort: { column: 'status', direction: 'asc' }, limit: 500 });
    const rank = { overdue: 0, 'due-soon': 1, upcoming: 2 };
    for (let i = 1; i < status.rows.length; i++) expect(rank[status.rows[i]!.status]).toBeGreaterThanOrEqual(rank[status.rows[i - 1]!.status]);

    // No handläggare sorts last going up, first going down.
    const byCaseworker = await page({ sort: { column: 'caseworker', direction: 'asc' }, offset: 0, limit: 500 });
    const total = byCaseworker.total;
    const last = await page({ sort: { column: 'caseworker', direction: 'asc' }, offset: total - 1, limit: 1 });
    expect(last.rows[0]?.caseworker).toBeNull();
    const firstDown = await page({ sort: { column: 'caseworker', direction: 'desc' }, limit: 1 });
    expect(firstDown.rows[0]?.caseworker).toBeNull();
  });

  it('answers again after a write, and overview still gives every caller a list of its own', async () => {
    const before = await page({ caseworker: 'Handläggare A' });
    const mine = await db.services.deadlines.overview(D);
    mine.rows.length = 0;
    mine.counts.overdue = -1;
    const again = await db.services.deadlines.overview(D);
    expect(again.rows.length).toBe(before.unfiltered);
    expect(again.counts.overdue).toBeGreaterThanOrEqual(0);

    // A register check is not among the engine's tables, but the list's re-checks rest on it.
    const misstanke = { caseworker: 'Åsa Berg', query: 'misstankeregistret för bo' };
    expect((await page(misstanke)).rows[0]).toMatchObject({ personId: 'P2', status: 'overdue' });
    await db.connection.db
      .insertInto('registerChecks')
      .values({
        id: 'R9', personId: 'P2', homeId: null, register: 'misstankeregistret', checkedOn: '2026-11-10', outcome: 'utan-anmarkning',
        reference: null, permit: null, recordedBy: 'Handläggare A', recordedAt: null,
      })
      .execute();
    expect((await page(misstanke)).rows[0]).toMatchObject({ personId: 'P2', status: 'upcoming', dueOn: '2027-11-10' });

    await db.services.placements.end({ id: 'PL4', on: '2026-11-01', reason: 'planerad' });
    const after = await page({ caseworker: 'Handläggare A' });
    expect(after.rows.some((row) => row.placementId === 'PL4' && row.rule === 'barnsamtal')).toBe(false);
    expect(after.total).toBeLessThan(before.total);
  });
});
