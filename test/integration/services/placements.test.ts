import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/connection';
import { createServices } from '../../../main/services';
import { issuesOf, useServiceDatabase } from './harness';
import { testClock } from '../../clock';
import type { PlacementInput } from '../../../preload/api/placements';

const db = useServiceDatabase('pk-placements-');
beforeEach(async () => {
  await db.services.exchange.importFile({
    format: 'placeringskollen-exchange',
    version: 1,
    homes: [
      { id: 'F1', kind: 'familjehem', name: 'Familjen Ek' },
      { id: 'J1', kind: 'jourhem', name: 'Jourhemmet Lind' },
      { id: 'H1', kind: 'hvb', name: 'Solgläntans HVB', operator: 'enskild' },
    ],
  });
});

const child = () =>
  db.services.placements.saveChild({ name: 'Tolvan T.', birthDate: '2012-12-12', personnummer: '20121212-1212', protectedIdentity: false });

const placement = (childId: string, fields: Partial<PlacementInput> = {}): PlacementInput => ({
  childId,
  legalBasis: 'SoL',
  decidedOn: '2026-03-01',
  startedOn: '2026-03-02',
  endedOn: null,
  endReason: null,
  caseworker: 'Handläggare A',
  unit: 'Barn och unga',
  stays: [{ homeId: 'F1', from: '2026-03-02', to: null, decidedOn: null, investigationCompletedOn: null }],
  ...fields,
});

describe('children', () => {
  it('validates the personnummer against the birth date and writes nothing when wrong', async () => {
    const result = await issuesOf(
      db.services.placements.saveChild({ name: 'T', birthDate: '2012-12-13', personnummer: '20121212-1212', protectedIdentity: false }),
    );
    expect(result.code).toBe('VALIDATION');
    expect(result.issues.map((i) => i.path)).toEqual(['/personnummer']);
    expect(await db.services.placements.listChildren({ date: '2026-11-22' })).toEqual([]);
  });

  it('masks a protected identity unless revealed, and never finds it by name', async () => {
    const saved = await db.services.placements.saveChild({ name: 'Hemlig Testsson', birthDate: '2013-05-05', personnummer: null, protectedIdentity: true });
    const masked = await db.services.placements.getChild(saved.id);
    expect(masked).toMatchObject({ name: null, personnummer: null, masked: true, label: 'Skyddad identitet (f. 2013)' });
    expect((await db.services.placements.getChild(saved.id, true)).name).toBe('Hemlig Testsson');
    expect(await db.services.placements.listChildren({ date: '2026-11-22', query: 'Hemlig' })).toEqual([]);
  });
});

describe('placements', () => {
  it('a new child is written with its placement, or not at all', async () => {
    const newChild = { name: 'Ny T.', birthDate: '2014-04-04', personnummer: null, protectedIdentity: true };
    const failed = await issuesOf(
      db.services.placements.savePlacement({ ...placement('unused'), childId: undefined, newChild, stays: [{ homeId: 'NOPE', from: '2026-03-02', to: null, decidedOn: null, investigationCompletedOn: null }] }),
    );
    expect(failed.issues.map((i) => i.path)).toEqual(['/stays/0/homeId']);
    expect(await db.services.placements.listChildren({ date: '2026-11-22' })).toEqual([]);

    const badChild = await issuesOf(
      db.services.placements.savePlacement({ ...placement('unused'), childId: undefined, newChild: { ...newChild, personnummer: '20140404-0000' } }),
    );
    expect(badChild.issues.map((i) => i.path)).toEqual(['/newChild/personnummer']);

    const saved = await db.services.placements.savePlacement({ ...placement('unused'), childId: undefined, newChild });
    const children = await db.services.placements.listChildren({ date: '2026-11-22' });
    expect(children).toHaveLength(1);
    expect(children[0]).toMatchObject({ id: saved.childId, masked: true, name: null, activePlacementId: saved.id });
  });

  it('an overlap that an import let in does not block ending one of the placements', async () => {
    await db.services.exchange.importFile({
      format: 'placeringskollen-exchange',
      version: 1,
      children: [{ id: 'C9', birthDate: '2012-01-01' }],
      placements: [
        { id: 'A', childId: 'C9', legalBasis: 'SoL', decidedOn: '2026-01-01', startedOn: '2026-01-01', stays: [{ homeId: 'F1', form: 'familjehem', from: '2026-01-01' }] },
        { id: 'B', childId: 'C9', legalBasis: 'SoL', decidedOn: '2026-02-01', startedOn: '2026-02-01', stays: [{ homeId: 'H1', form: 'hvb', from: '2026-02-01' }] },
      ],
    });
    const ended = await db.services.placements.end({ id: 'A', on: '2026-02-01', reason: 'annan' });
    expect(ended.endedOn).toBe('2026-02-01');
  });

  it('saves a placement whose stay form follows the home, and lists it with its deadlines', async () => {
    const c = await child();
    const saved = await db.services.placements.savePlacement(placement(c.id));
    expect(saved.stays).toEqual([
      { ordinal: 0, homeId: 'F1', homeName: 'Familjen Ek', form: 'familjehem', from: '2026-03-02', to: null, decidedOn: null, investigationCompletedOn: null },
    ]);
    const detail = await db.services.placementViews.detail({ id: saved.id, date: '2026-11-22', reveal: false });
    expect(detail.deadlines.map((d) => [d.rule, d.dueOn, d.status])).toEqual([
      ['vardplan', '2026-03-02', 'overdue'],
      ['genomforandeplan', '2026-04-01', 'overdue'],
      ['halsoundersokning', '2026-04-01', 'overdue'],
      ['barnsamtal', '2026-06-02', 'overdue'],
      ['sol-overvagande', '2026-09-02', 'overdue'],
      ['vardnadsoverflyttning', '2028-03-02', 'upcoming'],
    ]);
    const [row] = await db.services.placementViews.list({ date: '2026-11-22', activeOnly: true });
    expect(row).toMatchObject({ id: saved.id, childLabel: 'Tolvan T.', homeName: 'Familjen Ek', active: true, overdueCount: 5 });
  });

  it('records an event that renews the deadline, and removing it brings the deadline back', async () => {
    const c = await child();
    const saved = await db.services.placements.savePlacement(placement(c.id));
    const event = await db.services.placements.recordEvent({ placementId: saved.id, type: 'overvagande', date: '2026-08-20', comment: null, verdict: null });
    const rule = async () =>
      (await db.services.deadlines.overview('2026-11-22', saved.id)).rows.find((d) => d.rule === 'sol-overvagande');
    expect(await rule()).toMatchObject({ dueOn: '2027-02-20', basisOn: '2026-08-20', status: 'upcoming', legalRef: 'SoL 22 kap. 13 §' });
    await db.services.placements.removeEvent(event.id);
    expect(await rule()).toMatchObject({ dueOn: '2026-09-02', status: 'overdue' });
  });

  it('refuses a home event on a placement and a placement event on a home', async () => {
    const c = await child();
    const saved = await db.services.placements.savePlacement(placement(c.id));
    expect((await issuesOf(db.services.placements.recordEvent({ placementId: saved.id, type: 'ivo-tillsyn', date: '2026-05-01', comment: null, verdict: null }))).issues[0]?.path).toBe('/type');
    expect((await issuesOf(db.services.placements.recordEvent({ homeId: 'F1', type: 'overvagande', date: '2026-05-01', comment: null, verdict: null }))).issues[0]?.path).toBe('/type');
  });

  it('refuses a stay in a home that does not exist, a stay outside the placement, and an overlapping placement', async () => {
    const c = await child();
    const bad = await issuesOf(
      db.services.placements.savePlacement(
        placement(c.id, { stays: [{ homeId: 'NOPE', from: '2026-03-05', to: null, decidedOn: null, investigationCompletedOn: null }] }),
      ),
    );
    expect(bad.issues.map((i) => i.path)).toEqual(['/stays/0/homeId', '/stays/0/from']);
    await db.services.placements.savePlacement(placement(c.id));
    const overlap = await issuesOf(db.services.placements.savePlacement(placement(c.id, { legalBasis: 'LVU2' })));
    expect(overlap.issues[0]).toMatchObject({ path: '/startedOn' });
    expect(await db.services.placementViews.list({ date: '2026-11-22', activeOnly: false })).toHaveLength(1);
  });

  it('omplacering ends the current stay and begins a new one the same day; the jourhem limit follows the stay', async () => {
    const c = await child();
    const saved = await db.services.placements.savePlacement(
      placement(c.id, { stays: [{ homeId: 'J1', from: '2026-03-02', to: null, decidedOn: null, investigationCompletedOn: '2026-06-15' }] }),
    );
    const jourhem = async (date: string) => (await db.services.deadlines.overview(date, saved.id)).rows.find((d) => d.rule === 'jourhem-tidsgrans');
    expect(await jourhem('2026-08-01')).toMatchObject({ dueOn: '2026-08-15', status: 'due-soon' });
    const moved = await db.services.placements.move({ id: saved.id, on: '2026-08-10', homeId: 'F1', decidedOn: '2026-08-05', investigationCompletedOn: null });
    expect(moved.stays.map((s) => [s.homeId, s.from, s.to])).toEqual([
      ['J1', '2026-03-02', '2026-08-10'],
      ['F1', '2026-08-10', null],
    ]);
    expect(await jourhem('2026-09-01')).toBeUndefined();
    expect((await issuesOf(db.services.placements.move({ id: saved.id, on: '2026-08-10', homeId: 'H1', decidedOn: null, investigationCompletedOn: null }))).code).toBe('VALIDATION');
  });

  it('ending an LVU placement leaves only the follow-up after LVU', async () => {
    const c = await child();
    const saved = await db.services.placements.savePlacement(placement(c.id, { legalBasis: 'LVU2' }));
    const ended = await db.services.placements.end({ id: saved.id, on: '2026-10-01', reason: 'hemflytt' });
    expect(ended).toMatchObject({ endedOn: '2026-10-01', endReason: 'hemflytt' });
    expect(ended.stays.at(-1)?.to).toBe('2026-10-01');
    const rows = (await db.services.deadlines.overview('2026-11-22', saved.id)).rows;
    expect(rows.map((r) => [r.rule, r.dueOn, r.basisOn])).toEqual([['uppfoljning-efter-lvu', '2027-04-01', '2026-10-01']]);
    expect((await issuesOf(db.services.placements.end({ id: saved.id, on: '2026-10-02', reason: 'planerad' }))).code).toBe('CONFLICT');
  });
});

describe('rule settings', () => {
  it('change the computation, keep every version, and refuse a save over a newer version', async () => {
    const c = await child();
    const saved = await db.services.placements.savePlacement(placement(c.id));
    const before = await db.services.settings.get();
    expect(before.version).toBe(0);
    expect(before.parameters.find((p) => p.key === 'overvagandeMonths')).toMatchObject({ value: 6, defaultValue: 6 });

    // The municipality's own reading of the new law replaces the default row from 2025-07-01.
    const references = before.references.filter((r) => !(r.rule === 'sol-overvagande' && r.validFrom === '2025-07-01'));
    references.push({ rule: 'sol-overvagande', reference: 'SoL (2025:400) X kap. Y §', validFrom: '2025-07-01', validTo: null, note: null });
    const after = await db.services.settings.save({ parameters: { overvagandeMonths: 3 }, references, version: 0, changedBy: 'Enhetschef E', reason: 'Test av reglerna.' });
    expect(after.version).toBe(1);
    const row = (await db.services.deadlines.overview('2026-11-22', saved.id)).rows.find((d) => d.rule === 'sol-overvagande');
    expect(row).toMatchObject({ dueOn: '2026-06-02', legalRef: 'SoL (2025:400) X kap. Y §' });
    expect(row?.explanation).toContain('minst var 3:e månad');

    expect((await issuesOf(db.services.settings.save({ parameters: {}, references, version: 0, changedBy: 'Enhetschef E', reason: 'Test av reglerna.' }))).code).toBe('CONFLICT');
    const history = await db.connection.db.selectFrom('settingsHistory').select(['key', 'version']).orderBy('key').execute();
    expect(history).toEqual([
      { key: 'legalReferences', version: 1 },
      // The register catalogue is saved with the rest (issue 4): one version for all three.
      { key: 'registerCatalogue', version: 1 },
      { key: 'ruleParameters', version: 1 },
    ]);
  });

  it('refuse unknown parameters and out-of-range values at their field', async () => {
    const { references } = await db.services.settings.get();
    const result = await issuesOf(db.services.settings.save({ parameters: { leadDays: 400, nonsense: 1 }, references, version: 0, changedBy: 'Enhetschef E', reason: 'Test av reglerna.' }));
    expect(result.issues.map((i) => i.path).sort()).toEqual(['/parameters/leadDays', '/parameters/nonsense']);
    expect((await db.services.settings.get()).version).toBe(0);
  });
});

describe('the deadline cache', () => {
  it('answers again from the engine after any write, by this connection or another', async () => {
    const c = await child();
    const saved = await db.services.placements.savePlacement(placement(c.id));
    const before = await db.services.deadlines.counts('2026-11-22');
    expect(before.overdue).toBe(5);
    await db.services.placements.recordEvent({ placementId: saved.id, type: 'vardplan', date: '2026-03-02', comment: null, verdict: null });
    expect((await db.services.deadlines.counts('2026-11-22')).overdue).toBe(4);

    // Another connection (the command line's nightly import, say) writes to the same file.
    const other = await openDatabase(db.file);
    await createServices(other.db, { clock: testClock() }).placements.recordEvent({ placementId: saved.id, type: 'genomforandeplan', date: '2026-03-20', comment: null, verdict: null });
    await other.close();
    expect((await db.services.deadlines.counts('2026-11-22')).overdue).toBe(3);
  });
});

describe('home events', () => {
  it('IVO-anmälan about more than three children belongs to foster homes; IVO-tillsyn to any home', async () => {
    const refused = await issuesOf(db.services.placements.recordEvent({ homeId: 'H1', type: 'ivo-anmalan-fler-an-tre', date: '2026-05-01', comment: null, verdict: null }));
    expect(refused.issues).toEqual([{ path: '/type', message: 'Anmälan om fler än tre barn gäller familjehem, jourhem och nätverkshem.' }]);
    await db.services.placements.recordEvent({ homeId: 'H1', type: 'ivo-tillsyn', date: '2026-05-01', comment: 'Inga brister.', verdict: null });
    await db.services.placements.recordEvent({ homeId: 'F1', type: 'ivo-anmalan-fler-an-tre', date: '2026-05-02', comment: null, verdict: null });
    expect((await db.services.placements.listHomeEvents('H1')).map((e) => [e.type, e.comment])).toEqual([['ivo-tillsyn', 'Inga brister.']]);
    expect((await db.services.placements.listHomeEvents('F1')).map((e) => e.type)).toEqual(['ivo-anmalan-fler-an-tre']);
  });
});

describe('the daily cost (dygnskostnad)', () => {
  const logged = () =>
    db.connection.raw
      .prepare("SELECT action, detail FROM access_log WHERE entity = 'placements' ORDER BY seq")
      .all()
      .map((row) => {
        const { action, detail } = row as { action: string; detail: string };
        const { before, after } = JSON.parse(detail) as { before?: { daily_cost: unknown }; after?: { daily_cost: unknown } };
        return [action, before?.daily_cost, after?.daily_cost];
      });

  it('is saved, read and changed with the placement, and every change is in the access log', async () => {
    const c = await child();
    const saved = await db.services.placements.savePlacement(placement(c.id, { dailyCost: 1850 }));
    expect(saved.dailyCost).toBe(1850);
    expect((await db.services.placements.getPlacement(saved.id)).dailyCost).toBe(1850);
    expect((await db.services.placementViews.detail({ id: saved.id, date: '2026-11-22', reveal: false })).placement.dailyCost).toBe(1850);

    const changed = await db.services.placements.savePlacement(placement(c.id, { id: saved.id, rowVersion: saved.rowVersion, dailyCost: 2100 }));
    expect(changed.dailyCost).toBe(2100);
    // Saved again without it (the form's empty field): not known any more.
    const cleared = await db.services.placements.savePlacement(placement(c.id, { id: saved.id, rowVersion: changed.rowVersion, dailyCost: null }));
    expect(cleared.dailyCost).toBeNull();
    expect(logged()).toEqual([
      ['insert', undefined, 1850],
      ['update', 1850, 2100],
      ['update', 2100, null],
    ]);
  });

  it('is optional: a placement saved without one has none', async () => {
    const c = await child();
    const { dailyCost: _absent, ...withoutCost } = placement(c.id);
    expect((await db.services.placements.savePlacement(withoutCost)).dailyCost).toBeNull();
  });

  it('stays with the placement through an omplacering and its end', async () => {
    const c = await child();
    const saved = await db.services.placements.savePlacement(placement(c.id, { dailyCost: 4500 }));
    const moved = await db.services.placements.move({ id: saved.id, on: '2026-08-10', homeId: 'J1', decidedOn: '2026-08-05', investigationCompletedOn: null });
    expect(moved.dailyCost).toBe(4500);
    const ended = await db.services.placements.end({ id: saved.id, on: '2026-10-01', reason: 'planerad' });
    expect(ended.dailyCost).toBe(4500);
  });

  it('goes with a placement removed by mistake into the kept record', async () => {
    const c = await child();
    const saved = await db.services.placements.savePlacement(placement(c.id, { dailyCost: 950 }));
    await db.services.placements.removePlacement({ id: saved.id, reason: 'Fel barn', removedBy: 'Handläggare A' });
    const record = db.connection.raw.prepare("SELECT record FROM removed_records WHERE kind = 'placement'").pluck().get() as string;
    expect(JSON.parse(record).placement.dailyCost).toBe(950);
  });
});
