/**
 * The register catalogue is a versioned setting (issue 4): saved with the other rule settings,
 * history kept, a save over a newer version refused, bad entries refused at their field, and the
 * check engine judges by it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultRegisterCatalogue } from '../../../main/domain/rule-settings';
import { failure, useServiceDatabase } from './harness';

const db = useServiceDatabase('pk-catalogue-');
beforeEach(async () => {
  await db.services.exchange.importFile({
    format: 'placeringskollen-exchange',
    version: 1,
    homes: [{ id: 'F1', kind: 'familjehem', name: 'Familjen Ek' }],
    persons: [{ id: 'P1', homeId: 'F1', name: 'Anna Ek', role: 'uppdragstagare' }],
    registerChecks: [
      { id: 'RC1', personId: 'P1', register: 'belastningsregistret', checkedOn: '2025-05-01', outcome: 'utan-anmarkning' },
      { id: 'RC2', personId: 'P1', register: 'misstankeregistret', checkedOn: '2025-05-01', outcome: 'utan-anmarkning' },
    ],
    children: [{ id: 'C1', birthDate: '2014-03-04' }],
    placements: [
      {
        id: 'PL1',
        childId: 'C1',
        legalBasis: 'SoL',
        decidedOn: '2026-05-10',
        startedOn: '2026-05-10',
        stays: [{ homeId: 'F1', form: 'familjehem', from: '2026-05-10' }],
      },
    ],
  });
});

const statusesOn = async (date: string) =>
  (await db.services.checks.list(date)).map((r) => `${r.check} ${r.register} ${r.status}`).sort();

describe('the register catalogue setting', () => {
  it('starts as rules.md’s defaults, at version 0', async () => {
    const settings = await db.services.settings.get();
    expect(settings.catalogue).toEqual(defaultRegisterCatalogue);
    expect(settings.version).toBe(0);
  });

  it('a longer maximum age and a shorter re-check interval change the checks; every version is kept', async () => {
    // Checks of 2025-05-01 at the decision 2026-05-10: more than 12 months → too-old.
    expect(await statusesOn('2026-11-22')).toEqual([
      'registerkontroll belastningsregistret too-old',
      'registerkontroll misstankeregistret too-old',
      'registerkontroll-fortlopande belastningsregistret overdue', // 2025-05-01 + 12 months
      'registerkontroll-fortlopande misstankeregistret overdue',
    ]);
    const { references, catalogue } = await db.services.settings.get();
    const longer = catalogue.map((e) => (e.register === 'belastningsregistret' ? { ...e, maxAgeMonths: 18, recheckMonths: 24 } : e));
    const saved = await db.services.settings.save({ parameters: {}, references, catalogue: longer, version: 0, changedBy: 'Enhetschef E', reason: 'Test av reglerna.' });
    expect(saved.version).toBe(1);
    expect(saved.catalogue[0]).toEqual({ register: 'belastningsregistret', required: true, roles: ['uppdragstagare'], maxAgeMonths: 18, recheckMonths: 24 });
    expect(await statusesOn('2026-11-22')).toEqual([
      'registerkontroll belastningsregistret ok',
      'registerkontroll misstankeregistret too-old',
      'registerkontroll-fortlopande belastningsregistret upcoming', // 2025-05-01 + 24 months = 2027-05-01
      'registerkontroll-fortlopande misstankeregistret overdue',
    ]);
    const history = await db.connection.db.selectFrom('settingsHistory').select(['key', 'version']).where('key', '=', 'registerCatalogue').execute();
    expect(history).toEqual([{ key: 'registerCatalogue', version: 1 }]);
  });

  it('a save over a newer version is refused, and leaving the catalogue out keeps it', async () => {
    const { references, catalogue } = await db.services.settings.get();
    const withKronofogden = catalogue.map((e) => (e.register === 'kronofogden' ? { ...e, required: true } : e));
    await db.services.settings.save({ parameters: {}, references, catalogue: withKronofogden, version: 0, changedBy: 'Enhetschef E', reason: 'Test av reglerna.' });
    expect((await failure(db.services.settings.save({ parameters: {}, references, catalogue, version: 0, changedBy: 'Enhetschef E', reason: 'Test av reglerna.' }))).code).toBe('CONFLICT');
    await db.services.settings.save({ parameters: { leadDays: 10 }, references, version: 1, changedBy: 'Enhetschef E', reason: 'Test av reglerna.' });
    expect((await db.services.settings.get()).catalogue).toEqual(withKronofogden);
    // Kronofogden is now required before the decision, but not re-checked (no interval).
    expect(await statusesOn('2026-11-22')).toEqual([
      'registerkontroll belastningsregistret too-old',
      'registerkontroll kronofogden missing',
      'registerkontroll misstankeregistret too-old',
      'registerkontroll-fortlopande belastningsregistret overdue',
      'registerkontroll-fortlopande misstankeregistret overdue',
    ]);
  });

  it('bad entries are refused at their field and nothing is saved', async () => {
    const { references, catalogue } = await db.services.settings.get();
    const bad = catalogue.map((e, i) => (i === 0 ? { ...e, required: false } : i === 2 ? { ...e, required: true, roles: [] } : e));
    const error = await failure(db.services.settings.save({ parameters: {}, references, catalogue: bad, version: 0, changedBy: 'Enhetschef E', reason: 'Test av reglerna.' }));
    expect(error.code).toBe('VALIDATION');
    expect(error.issues.map((i) => i.path).sort()).toEqual(['/catalogue/0/required', '/catalogue/2/roles']);
    const emptied = await failure(db.services.settings.save({ parameters: {}, references, catalogue: [], version: 0, changedBy: 'Enhetschef E', reason: 'Test av reglerna.' }));
    expect(emptied.issues.map((i) => i.path)).toEqual(['/catalogue', '/catalogue', '/catalogue', '/catalogue', '/catalogue']);
    expect((await db.services.settings.get()).version).toBe(0);
  });
});
