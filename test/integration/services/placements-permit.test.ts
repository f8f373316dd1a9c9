/**
 * The placements service and issue 4: an IVO inspection's verdict is stored with the event (and
 * only there), and a new or changed stay in an enskild HVB or stödboende is refused when the permit
 * its decision rests on does not cover the form or the child's age on the stay's first day. An
 * unchanged stay of an existing placement is not judged again. Expected messages by hand from
 * rules.md and the domain's wording; fictional homes and children (Skatteverket-style test data).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { issuesOf, useServiceDatabase } from './harness';
import type { PlacementInput } from '../../../preload/api/placements';

const db = useServiceDatabase('pk-placements-permit-');

/*
 * H1 Solgläntans HVB (enskild): permit I1 2026-01-02, HVB 13–17 år; permit I2 2026-08-01, HVB 10–17 år.
 * H2 Norrgårdens stödboende (enskild): permit I3 2026-01-20, scope HVB only.
 * H3 Kommunens HVB (kommunal): no permit needed.
 * F1 Familjen Ek (familjehem).
 * Children: C1 b. 2013-06-01 (12 on 2026-02-03, 13 on 2026-06-01); C2 b. 2008-01-15 (18 on
 * 2026-02-03); C3 b. 2011-03-03 (14 on 2026-02-03); C4 b. 2015-01-01 (11 in 2026).
 */
beforeEach(async () => {
  await db.services.exchange.importFile({
    format: 'placeringskollen-exchange',
    version: 1,
    homes: [
      { id: 'H1', kind: 'hvb', name: 'Solgläntans HVB', operator: 'enskild' },
      { id: 'H2', kind: 'stodboende', name: 'Norrgårdens stödboende', operator: 'enskild' },
      { id: 'H3', kind: 'hvb', name: 'Kommunens HVB', operator: 'kommunal' },
      { id: 'F1', kind: 'familjehem', name: 'Familjen Ek' },
    ],
    registerChecks: [
      { id: 'I1', homeId: 'H1', register: 'ivo-tillstand', checkedOn: '2026-01-02', outcome: 'giltigt' },
      { id: 'I2', homeId: 'H1', register: 'ivo-tillstand', checkedOn: '2026-08-01', outcome: 'giltigt' },
      { id: 'I3', homeId: 'H2', register: 'ivo-tillstand', checkedOn: '2026-01-20', outcome: 'giltigt' },
    ],
    children: [
      { id: 'C1', birthDate: '2013-06-01' },
      { id: 'C2', birthDate: '2008-01-15' },
      { id: 'C3', birthDate: '2011-03-03' },
      { id: 'C4', birthDate: '2015-01-01' },
    ],
  });
  await setScope('I1', { forms: ['hvb'], minAge: 13, maxAge: 17 });
  await setScope('I2', { forms: ['hvb'], minAge: 10, maxAge: 17 });
  await setScope('I3', { forms: ['hvb'], minAge: null, maxAge: null });
});

/** The permit's scope as the register-check form stores it (JSON text). */
function setScope(id: string, scope: { forms: string[]; minAge: number | null; maxAge: number | null }) {
  const permit = JSON.stringify({ ...scope, places: null, targetGroup: null, holderOrgNr: null });
  return db.connection.db.updateTable('registerChecks').set({ permit }).where('id', '=', id).execute();
}

const stay = (homeId: string, from: string, fields: { to?: string | null; decidedOn?: string | null } = {}) => ({
  homeId,
  from,
  to: fields.to ?? null,
  decidedOn: fields.decidedOn ?? null,
  investigationCompletedOn: null,
});

const placement = (childId: string, homeId: string, fields: Partial<PlacementInput> = {}): PlacementInput => ({
  childId,
  legalBasis: 'SoL',
  decidedOn: '2026-02-01',
  startedOn: '2026-02-03',
  endedOn: null,
  endReason: null,
  caseworker: 'Handläggare A',
  unit: null,
  stays: [stay(homeId, '2026-02-03')],
  ...fields,
});

const placementCount = async () => (await db.services.placementViews.list({ date: '2026-11-22', activeOnly: false })).length;

describe('an IVO inspection’s verdict', () => {
  it('is stored with an ivo-tillsyn and returned in the home’s events', async () => {
    const recorded = await db.services.placements.recordEvent({ homeId: 'H1', type: 'ivo-tillsyn', date: '2026-05-01', comment: 'Brister i dokumentationen.', verdict: 'kritik' });
    expect(recorded).toMatchObject({ homeId: 'H1', type: 'ivo-tillsyn', date: '2026-05-01', verdict: 'kritik' });
    await db.services.placements.recordEvent({ homeId: 'H1', type: 'ivo-tillsyn', date: '2026-09-01', comment: null, verdict: null });
    expect((await db.services.placements.listHomeEvents('H1')).map((e) => [e.date, e.verdict])).toEqual([
      ['2026-09-01', null],
      ['2026-05-01', 'kritik'],
    ]);
  });

  it('is refused on any other event, at /verdict, and nothing is written', async () => {
    const saved = await db.services.placements.savePlacement(placement('C3', 'F1'));
    expect(await issuesOf(db.services.placements.recordEvent({ placementId: saved.id, type: 'overvagande', date: '2026-05-01', comment: null, verdict: 'kritik' }))).toEqual({
      code: 'VALIDATION',
      message: 'Händelsen kunde inte registreras.',
      issues: [{ path: '/verdict', message: 'IVO:s bedömning kan bara anges för en tillsyn av IVO.' }],
    });
    expect((await issuesOf(db.services.placements.recordEvent({ homeId: 'F1', type: 'ivo-anmalan-fler-an-tre', date: '2026-05-01', comment: null, verdict: 'utan-anmarkning' }))).issues).toEqual([
      { path: '/verdict', message: 'IVO:s bedömning kan bara anges för en tillsyn av IVO.' },
    ]);
    expect(await db.services.placements.listPlacementEvents(saved.id)).toEqual([]);
    expect(await db.services.placements.listHomeEvents('F1')).toEqual([]);
  });

  it('placement events carry verdict null', async () => {
    const saved = await db.services.placements.savePlacement(placement('C3', 'F1'));
    const event = await db.services.placements.recordEvent({ placementId: saved.id, type: 'vardplan', date: '2026-02-03', comment: null, verdict: null });
    expect(event.verdict).toBeNull();
    expect((await db.services.placements.listPlacementEvents(saved.id)).map((e) => e.verdict)).toEqual([null]);
  });
});

describe('a stay the IVO permit does not cover', () => {
  it('is refused when the child is younger than the permit’s range on the stay’s first day', async () => {
    // The decision 2026-02-01 rests on I1 (2026-01-02; I2 is later). C1 is 12 on 2026-02-03.
    expect(await issuesOf(db.services.placements.savePlacement(placement('C1', 'H1')))).toEqual({
      code: 'VALIDATION',
      message: 'Placeringen kunde inte sparas.',
      issues: [{ path: '/stays/0/homeId', message: 'Barnet är 12 år när vistelsen börjar 2026-02-03; IVO-tillståndet gäller 13–17 år.' }],
    });
    expect(await placementCount()).toBe(0);
  });

  it('is refused when the child is older than the range', async () => {
    expect((await issuesOf(db.services.placements.savePlacement(placement('C2', 'H1')))).issues).toEqual([
      { path: '/stays/0/homeId', message: 'Barnet är 18 år när vistelsen börjar 2026-02-03; IVO-tillståndet gäller 13–17 år.' },
    ]);
  });

  it('is refused in a stödboende whose permit covers HVB only', async () => {
    expect((await issuesOf(db.services.placements.savePlacement(placement('C3', 'H2')))).issues).toEqual([
      { path: '/stays/0/homeId', message: 'IVO-tillståndet gäller inte stödboende; det gäller HVB.' },
    ]);
  });

  it('is accepted inside the range, from the birthday on, and in a kommunal HVB without any permit', async () => {
    await db.services.placements.savePlacement(placement('C3', 'H1'));
    // C1 turns 13 on 2026-06-01, the stay's first day.
    await db.services.placements.savePlacement(
      placement('C1', 'H1', { decidedOn: '2026-05-28', startedOn: '2026-06-01', stays: [stay('H1', '2026-06-01')] }),
    );
    await db.services.placements.savePlacement(placement('C4', 'H3'));
    expect(await placementCount()).toBe(3);
  });

  it('is judged against the permit the decision rests on: the newest verification on or before it', async () => {
    // C4 is 11. Decided 2026-02-01: I1 (13–17) → refused. Decided 2026-08-05: I2 (10–17) → accepted.
    expect((await issuesOf(db.services.placements.savePlacement(placement('C4', 'H1')))).issues).toEqual([
      { path: '/stays/0/homeId', message: 'Barnet är 11 år när vistelsen börjar 2026-02-03; IVO-tillståndet gäller 13–17 år.' },
    ]);
    const saved = await db.services.placements.savePlacement(
      placement('C4', 'H1', { decidedOn: '2026-08-05', startedOn: '2026-08-10', stays: [stay('H1', '2026-08-10')] }),
    );
    expect(saved.stays.map((s) => s.homeId)).toEqual(['H1']);
  });

  it('reports the stay it concerns: a later stay with its own decision', async () => {
    // C1 in F1, then H1 from 2026-04-01 (decided 2026-03-25, on I1): 12 years old.
    const result = await issuesOf(
      db.services.placements.savePlacement(
        placement('C1', 'F1', { stays: [stay('F1', '2026-02-03', { to: '2026-04-01' }), stay('H1', '2026-04-01', { decidedOn: '2026-03-25' })] }),
      ),
    );
    expect(result.issues).toEqual([{ path: '/stays/1/homeId', message: 'Barnet är 12 år när vistelsen börjar 2026-04-01; IVO-tillståndet gäller 13–17 år.' }]);
  });

  it('omplacering: refused at /homeId, and the placement is left as it was', async () => {
    const saved = await db.services.placements.savePlacement(placement('C3', 'F1'));
    expect(await issuesOf(db.services.placements.move({ id: saved.id, on: '2026-05-01', homeId: 'H2', decidedOn: '2026-04-28', investigationCompletedOn: null }))).toEqual({
      code: 'VALIDATION',
      message: 'Omplaceringen kunde inte göras.',
      issues: [{ path: '/homeId', message: 'IVO-tillståndet gäller inte stödboende; det gäller HVB.' }],
    });
    const young = await db.services.placements.savePlacement(placement('C1', 'F1'));
    expect((await issuesOf(db.services.placements.move({ id: young.id, on: '2026-05-01', homeId: 'H1', decidedOn: '2026-04-28', investigationCompletedOn: null }))).issues).toEqual([
      { path: '/homeId', message: 'Barnet är 12 år när vistelsen börjar 2026-05-01; IVO-tillståndet gäller 13–17 år.' },
    ]);
    expect((await db.services.placements.getPlacement(saved.id)).stays.map((s) => [s.homeId, s.to])).toEqual([['F1', null]]);
    // Into a home the permit covers: moved.
    const moved = await db.services.placements.move({ id: saved.id, on: '2026-05-01', homeId: 'H1', decidedOn: '2026-04-28', investigationCompletedOn: null });
    expect(moved.stays.map((s) => s.homeId)).toEqual(['F1', 'H1']);
  });
});

describe('an unchanged stay of an existing placement', () => {
  it('is not judged again when the permit it rests on was corrected later; a changed one is', async () => {
    const saved = await db.services.placements.savePlacement(placement('C3', 'H1'));
    // The permit of 2026-01-02 is corrected afterwards: 15–17 år. C3 (14) is outside it now.
    await setScope('I1', { forms: ['hvb'], minAge: 15, maxAge: 17 });

    // Editing other fields, ending the placement, and moving the child on are not blocked.
    const edited = await db.services.placements.savePlacement({ ...placement('C3', 'H1'), id: saved.id, rowVersion: saved.rowVersion, caseworker: 'Handläggare B' });
    expect(edited.caseworker).toBe('Handläggare B');
    const moved = await db.services.placements.move({ id: saved.id, on: '2026-06-01', homeId: 'F1', decidedOn: '2026-05-25', investigationCompletedOn: null });
    expect(moved.stays.map((s) => [s.homeId, s.from, s.to])).toEqual([
      ['H1', '2026-02-03', '2026-06-01'],
      ['F1', '2026-06-01', null],
    ]);
    const ended = await db.services.placements.end({ id: saved.id, on: '2026-10-01', reason: 'planerad' });
    expect(ended.endedOn).toBe('2026-10-01');

    // A stay that changes (here: the decision it rests on) is judged again.
    const changed = await issuesOf(
      db.services.placements.savePlacement({
        ...placement('C3', 'H1'),
        id: saved.id,
        rowVersion: ended.rowVersion,
        endedOn: '2026-10-01',
        endReason: 'planerad',
        decidedOn: '2026-01-30',
        stays: [stay('H1', '2026-02-03', { to: '2026-06-01' }), stay('F1', '2026-06-01', { decidedOn: '2026-05-25', to: '2026-10-01' })],
      }),
    );
    expect(changed.issues).toEqual([{ path: '/stays/0/homeId', message: 'Barnet är 14 år när vistelsen börjar 2026-02-03; IVO-tillståndet gäller 15–17 år.' }]);
  });

  it('an imported placement outside the permit can still be edited', async () => {
    await db.services.exchange.importFile({
      format: 'placeringskollen-exchange',
      version: 1,
      placements: [{ id: 'OLD', childId: 'C1', legalBasis: 'SoL', decidedOn: '2026-02-01', startedOn: '2026-02-03', stays: [{ homeId: 'H1', form: 'hvb', from: '2026-02-03' }] }],
    });
    const { rowVersion } = await db.services.placements.getPlacement('OLD');
    const edited = await db.services.placements.savePlacement({ ...placement('C1', 'H1'), id: 'OLD', rowVersion, unit: 'Barn och unga' });
    expect(edited.unit).toBe('Barn och unga');
  });
});
