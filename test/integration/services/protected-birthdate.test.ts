/**
 * A protected identity's birth date: a full date plus a municipality can point out the child, so
 * it is withheld (null) wherever the child is masked, with only the year given; revealed on the
 * placement page it is there, as the name is. "Redo för beslut?" still judges the permit's age
 * range by the child's id, main reading the date itself. Fictional homes and children.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { failure, useServiceDatabase } from './harness';

const db = useServiceDatabase('pk-protected-birthdate-');

/*
 * H1 Solgläntans HVB (enskild): permit I1 2026-01-02, HVB 13–17 år.
 * F1 Familjen Ek (familjehem). The protected child is b. 2013-06-01: 12 on 2026-02-03.
 */
beforeEach(async () => {
  await db.services.exchange.importFile({
    format: 'placeringskollen-exchange',
    version: 1,
    homes: [
      { id: 'H1', kind: 'hvb', name: 'Solgläntans HVB', operator: 'enskild' },
      { id: 'F1', kind: 'familjehem', name: 'Familjen Ek' },
    ],
    registerChecks: [{ id: 'I1', homeId: 'H1', register: 'ivo-tillstand', checkedOn: '2026-01-02', outcome: 'giltigt' }],
  });
  const permit = JSON.stringify({ forms: ['hvb'], minAge: 13, maxAge: 17, places: null, targetGroup: null, holderOrgNr: null });
  await db.connection.db.updateTable('registerChecks').set({ permit }).where('id', '=', 'I1').execute();
});

const protectedChild = () =>
  db.services.placements.saveChild({ name: 'Hemlig Testsson', birthDate: '2013-06-01', personnummer: null, protectedIdentity: true });

const placeIn = (childId: string, homeId: string) =>
  db.services.placements.savePlacement({
    childId,
    legalBasis: 'SoL',
    decidedOn: '2026-02-01',
    startedOn: '2026-02-03',
    endedOn: null,
    endReason: null,
    caseworker: 'Handläggare A',
    unit: null,
    stays: [{ homeId, from: '2026-02-03', to: null, decidedOn: null, investigationCompletedOn: null }],
  });

describe('a protected child’s birth date', () => {
  it('is withheld, with only the year, wherever the child is masked', async () => {
    const saved = await protectedChild();
    expect(saved).toMatchObject({ birthDate: null, birthYear: 2013, masked: true });
    const placement = await placeIn(saved.id, 'F1');

    expect(await db.services.placements.getChild(saved.id)).toMatchObject({ birthDate: null, birthYear: 2013, label: 'Skyddad identitet (f. 2013)' });
    const [row] = await db.services.placements.listChildren({ date: '2026-11-22' });
    expect(row).toMatchObject({ id: saved.id, birthDate: null, birthYear: 2013, masked: true });
    const detail = await db.services.placementViews.detail({ id: placement.id, date: '2026-11-22', reveal: false });
    expect(detail.child).toMatchObject({ birthDate: null, birthYear: 2013, name: null, masked: true });
    // Nothing else in the answers carries the date.
    expect(JSON.stringify([row, detail])).not.toContain('2013-06-01');
  });

  it('is given when revealed, as the name is', async () => {
    const saved = await protectedChild();
    const placement = await placeIn(saved.id, 'F1');
    expect(await db.services.placements.getChild(saved.id, true)).toMatchObject({ birthDate: '2013-06-01', birthYear: 2013, masked: false });
    const detail = await db.services.placementViews.detail({ id: placement.id, date: '2026-11-22', reveal: true });
    expect(detail.child).toMatchObject({ birthDate: '2013-06-01', name: 'Hemlig Testsson', masked: false });
  });

  it('is given for a child without protected identity', async () => {
    const saved = await db.services.placements.saveChild({ name: 'Tolvan T.', birthDate: '2012-12-12', personnummer: null, protectedIdentity: false });
    expect(await db.services.placements.listChildren({ date: '2026-11-22' })).toMatchObject([{ id: saved.id, birthDate: '2012-12-12', birthYear: 2012 }]);
  });
});

describe('"Redo för beslut?" by the child’s id', () => {
  const ready = (extra: { childId?: string; birthDate?: string }) =>
    db.services.checks.readiness({ homeId: 'H1', decisionOn: '2026-02-01', from: '2026-02-03', childId: extra.childId ?? null, birthDate: extra.birthDate ?? null, date: '2026-11-22' });

  it('refuses a too-young protected child under an age-limited permit, reading its birth date in main', async () => {
    const saved = await protectedChild();
    expect((await ready({ childId: saved.id })).refusals).toEqual(['Barnet är 12 år när vistelsen börjar 2026-02-03; IVO-tillståndet gäller 13–17 år.']);
  });

  it('the child’s id wins over a birth date given with it', async () => {
    const saved = await protectedChild();
    // 14 on 2026-02-03: inside the range, but the child is the one asked about.
    expect((await ready({ childId: saved.id, birthDate: '2011-03-03' })).refusals).toHaveLength(1);
    expect((await ready({ birthDate: '2011-03-03' })).refusals).toEqual([]);
  });

  it('refuses a child that does not exist', async () => {
    const error = await failure(ready({ childId: 'NOPE' }));
    expect(error.code).toBe('NOT_FOUND');
  });
});
