/**
 * Where a protected child lives is as secret as its name (issue 10): lists, searches, the
 * bevakningslista, the list of checks and the placement's page show "Skyddat boende" instead of
 * the home (and none of its adults) until the user reveals the child on its placement's page.
 * Fictional homes, adults and children.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { useServiceDatabase } from './harness';

const db = useServiceDatabase('pk-protected-home-');
const D = '2026-11-22';

/*
 * F1 Familjen Hemlig in Kramfors, with Anna Hemlig (uppdragstagare, no checks): the protected
 * child C1 (Hemlig Testsson) there since 2026-02-03; C2 (Öppen Testsson) in F2 Familjen Öppen.
 */
beforeEach(async () => {
  await db.services.exchange.importFile({
    format: 'placeringskollen-exchange',
    version: 1,
    homes: [
      { id: 'F1', kind: 'familjehem', name: 'Familjen Hemlig', municipality: 'Kramfors' },
      { id: 'F2', kind: 'familjehem', name: 'Familjen Öppen', municipality: 'Sundsvall' },
    ],
    persons: [
      { id: 'P1', homeId: 'F1', name: 'Anna Hemlig', role: 'uppdragstagare' },
      { id: 'P2', homeId: 'F2', name: 'Bo Öppen', role: 'uppdragstagare' },
    ],
    children: [
      { id: 'C1', name: 'Hemlig Testsson', birthDate: '2013-06-01', protectedIdentity: true },
      { id: 'C2', name: 'Öppen Testsson', birthDate: '2013-06-01' },
    ],
    placements: [
      { id: 'PL1', childId: 'C1', legalBasis: 'SoL', decidedOn: '2026-02-01', startedOn: '2026-02-03', stays: [{ homeId: 'F1', form: 'familjehem', from: '2026-02-03' }] },
      { id: 'PL2', childId: 'C2', legalBasis: 'SoL', decidedOn: '2026-02-01', startedOn: '2026-02-03', stays: [{ homeId: 'F2', form: 'familjehem', from: '2026-02-03' }] },
    ],
  });
});

/** Nothing of the secret home in an answer: its id, its name, its municipality, its adult. */
const leaks = (answer: unknown) => ['F1', 'Familjen Hemlig', 'Kramfors', 'Anna Hemlig', 'P1'].filter((word) => JSON.stringify(answer).includes(word));

describe('a protected child’s home', () => {
  it('is not in the list of placements, and a search for the home does not find the child', async () => {
    const rows = await db.services.placementViews.list({ date: D, activeOnly: false });
    const row = rows.find((r) => r.id === 'PL1');
    expect(row).toMatchObject({ childLabel: 'Skyddad identitet (f. 2013)', homeId: null, homeName: 'Skyddat boende', form: 'familjehem' });
    expect(leaks(row)).toEqual([]);
    expect(rows.find((r) => r.id === 'PL2')).toMatchObject({ homeId: 'F2', homeName: 'Familjen Öppen' });
    expect((await db.services.placementViews.list({ date: D, activeOnly: false, query: 'Familjen Hemlig' })).map((r) => r.id)).toEqual([]);
  });

  it('is not in the bevakningslista (its own deadlines; the home’s re-checks name no child)', async () => {
    const { rows } = await db.services.deadlines.overview(D);
    const own = rows.filter((r) => r.placementId === 'PL1');
    expect(own.length).toBeGreaterThan(0);
    for (const row of own) expect(row).toMatchObject({ homeId: null, homeName: 'Skyddat boende', childLabel: 'Skyddad identitet (f. 2013)' });
    expect(leaks(own)).toEqual([]);
    // The adults' re-checks are about the home, with no child named.
    expect(rows.filter((r) => r.homeId === 'F1').every((r) => r.childId === null && r.childLabel === null)).toBe(true);
  });

  it('is not in the list of checks: the decision checks of its stay come without home, adult or their names', async () => {
    const { rows } = await db.services.checks.overview(D);
    const own = rows.filter((r) => r.placementId === 'PL1');
    expect(own.map((r) => [r.register, r.status, r.homeId, r.homeName, r.personName])).toEqual([
      ['belastningsregistret', 'missing', null, 'Skyddat boende', null],
      ['misstankeregistret', 'missing', null, 'Skyddat boende', null],
    ]);
    expect(leaks(own)).toEqual([]);
    expect(rows.find((r) => r.placementId === 'PL2')).toMatchObject({ homeId: 'F2', personName: 'Bo Öppen' });
  });

  it('is withheld on the placement’s page until revealed there, and then shown in full', async () => {
    const hidden = await db.services.placementViews.detail({ id: 'PL1', date: D, reveal: false });
    expect(hidden.placement.stays).toEqual([expect.objectContaining({ homeId: null, homeName: 'Skyddat boende', form: 'familjehem' })]);
    expect(leaks(hidden)).toEqual([]);

    const shown = await db.services.placementViews.detail({ id: 'PL1', date: D, reveal: true });
    expect(shown.placement.stays).toEqual([expect.objectContaining({ homeId: 'F1', homeName: 'Familjen Hemlig' })]);
    expect(shown.checks.map((c) => c.personName)).toEqual(['Anna Hemlig', 'Anna Hemlig']);
    expect(shown.deadlines.every((d) => d.homeId === 'F1')).toBe(true);
  });
});
