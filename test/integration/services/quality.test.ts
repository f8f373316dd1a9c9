/**
 * The quality service over a real register: the evidence it reads for the one domain function,
 * protected children, corrections, deviations about a placement, the cache, matching,
 * träffsäkerhet and the versioned settings. Fictional homes and children.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultQualitySettings } from '../../../main/domain/quality-settings';
import { signInAs } from '../../signed-in';
import { failure, useServiceDatabase } from './harness';

const db = useServiceDatabase();
const ON = '2026-11-22';

const register = {
  format: 'placeringskollen-exchange',
  version: 1,
  homes: [
    { id: 'H1', kind: 'hvb', name: 'Björkgården HVB', operator: 'enskild', municipality: 'Timrå', capacity: 2, targetGroup: { minAge: 13, maxAge: 17, needs: ['missbruk'] } },
    { id: 'H2', kind: 'hvb', name: 'Ekbackens HVB', operator: 'enskild', municipality: 'Sundsvall', capacity: 6 },
    { id: 'F1', kind: 'familjehem', name: 'Familjen Ekström', municipality: 'Timrå' },
  ],
  registerChecks: [
    { id: 'RC1', homeId: 'H1', register: 'ivo-tillstand', checkedOn: '2026-10-02', outcome: 'giltigt', permit: { forms: ['hvb'], minAge: 13, maxAge: 17 } },
  ],
  children: [
    { id: 'C1', birthDate: '2011-03-04', name: 'Tilda Testsson' },
    { id: 'C2', birthDate: '2011-05-06', name: 'Kalle Skyddsson', protectedIdentity: true },
    { id: 'C3', birthDate: '2012-01-02', name: 'Sigge Provsson' },
  ],
  placements: [
    { id: 'PL1', childId: 'C1', legalBasis: 'SoL', decidedOn: '2025-01-10', startedOn: '2025-01-10', endedOn: '2025-09-01', endReason: 'sammanbrott', stays: [{ homeId: 'H1', form: 'hvb', from: '2025-01-10', to: '2025-09-01' }] },
    { id: 'PL2', childId: 'C2', legalBasis: 'LVU2', decidedOn: '2025-10-01', startedOn: '2025-10-01', endedOn: '2026-06-01', endReason: 'planerad', stays: [{ homeId: 'H1', form: 'hvb', from: '2025-10-01', to: '2026-06-01' }] },
    // C3 lived in F1, then moved to H1 (still there): a deviation about the placement on a day in F1 is F1's.
    { id: 'PL3', childId: 'C3', legalBasis: 'SoL', decidedOn: '2026-01-01', startedOn: '2026-01-01', stays: [{ homeId: 'F1', form: 'familjehem', from: '2026-01-01', to: '2026-05-01' }, { homeId: 'H1', form: 'hvb', from: '2026-05-01' }] },
  ],
  events: [
    { id: 'E1', homeId: 'H1', type: 'ivo-tillsyn', date: '2026-03-01', verdict: 'utan-anmarkning' },
    { id: 'E2', homeId: 'H2', type: 'ivo-tillsyn', date: '2026-03-01', verdict: 'forelaggande' },
  ],
  assessments: [
    { id: 'A1', homeId: 'H1', placementId: 'PL3', assessedOn: '2026-09-01', scores: { trygghet: 1 }, childVoice: 'vill-flytta' },
    // A2 corrects A1: only A2 counts.
    { id: 'A2', homeId: 'H1', placementId: 'PL3', assessedOn: '2026-09-01', scores: { trygghet: 5 }, childVoice: 'trivs', corrects: 'A1' },
  ],
  deviations: [{ id: 'D1', placementId: 'PL3', reportedOn: '2026-02-01', kind: 'avvikelse', severity: 'medel', description: 'Tillsyn saknades en kväll.' }],
};

beforeEach(async () => {
  await db.services.exchange.importFile(register);
  await signInAs(db.services, 'handlaggare');
});

const componentOf = (q: Awaited<ReturnType<typeof db.services.quality.homeQuality>>, dimension: string) => q.components.find((c) => c.dimension === dimension)!;

describe('a home’s index from the register', () => {
  it('reads every kind of evidence, the correction in place of what it corrects, and names the settings version', async () => {
    const q = await db.services.quality.homeQuality('H1', ON);
    expect(componentOf(q, 'ivo-tillsyn')).toMatchObject({ score: 100, evidence: 1 });
    // PL1 broke down (negative 2), PL2 ended as planned (positive 1): below 50.
    expect(componentOf(q, 'utfall').evidence).toBe(2);
    expect(componentOf(q, 'utfall').score).toBeLessThan(50);
    expect(componentOf(q, 'uppfoljning').items.map((i) => i.id)).toEqual(['A2']);
    expect(componentOf(q, 'uppfoljning').score).toBe(100);
    expect(componentOf(q, 'barnets-rost').score).toBe(100);
    expect(componentOf(q, 'registerkontroll').items.map((i) => i.label)).toEqual(['IVO-tillstånd verifierat 2026-10-02']);
    // D1 was reported while C3 lived in F1: not H1's.
    expect(componentOf(q, 'avvikelser').items.filter((i) => i.source === 'avvikelse')).toEqual([]);
    expect(q).toMatchObject({ eligible: true, barriers: [], missing: null, settingsVersion: 0, yearAgo: { on: '2025-11-22' } });
    expect(q.score).not.toBeNull();
  });

  it('never names a placement together with the home, so a protected child’s cannot be told apart', async () => {
    const q = await db.services.quality.homeQuality('H1', ON);
    const stays = q.components.flatMap((c) => c.items.filter((i) => i.source === 'vistelse'));
    expect(stays.length).toBeGreaterThan(0);
    expect(stays.every((i) => i.id === null)).toBe(true);
  });

  it('after a child gets skyddad identitet, träffsäkerhet leaves out the placement’s id at once (the cache rests on children too)', async () => {
    await signInAs(db.services, 'enhetschef');
    const before = await db.services.quality.accuracy({ date: ON, offset: 0, limit: 50 });
    expect(before.cases.map((c) => c.placementId)).toContain('PL1');
    await db.connection.db.updateTable('children').set({ protectedIdentity: 1 }).where('id', '=', 'C1').execute();
    const after = await db.services.quality.accuracy({ date: ON, offset: 0, limit: 50 });
    expect(after.cases.map((c) => c.placementId)).toEqual([null, null]);
  });

  it('counts a deviation about a placement for the home the child lived in that day, without a link from the home', async () => {
    const f1 = await db.services.quality.homeQuality('F1', ON);
    const deviations = componentOf(f1, 'avvikelser').items.filter((i) => i.source === 'avvikelse');
    expect(deviations.map((i) => [i.id, i.date])).toEqual([[null, '2026-02-01']]);
  });

  it('counts a deviation reported after a placement ended for the home it ended in', async () => {
    await db.services.exchange.importFile({
      format: 'placeringskollen-exchange',
      version: 1,
      deviations: [{ id: 'D2', placementId: 'PL1', reportedOn: '2025-09-10', kind: 'lex-sarah', severity: 'allvarlig', description: 'Anmält efter sammanbrottet.' }],
    });
    const h1 = await db.services.quality.homeQuality('H1', ON);
    expect(componentOf(h1, 'avvikelser').items.filter((i) => i.source === 'avvikelse').map((i) => i.date)).toEqual(['2025-09-10']);
  });

  it('says the home does not exist in Swedish', async () => {
    const error = await failure(db.services.quality.homeQuality('NOPE', ON));
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'Hemmet finns inte.' });
  });

  it('the register-wide answers see a new assessment at once (the cache rests on the assessments’ counter)', async () => {
    const before = (await db.services.quality.allHomes(ON)).lines.find((l) => l.homeId === 'H1')!.result;
    await db.services.journal.recordAssessment({
      placementId: 'PL3',
      assessedOn: '2026-11-20',
      eventId: null,
      scores: { trygghet: 1, skola: 1, halsa: null, delaktighet: null, samverkan: null, kontinuitet: null },
      childVoice: 'vill-flytta',
      comment: null,
      corrects: null,
      recordedBy: 'Hanna Handläggarsson',
    });
    const after = (await db.services.quality.allHomes(ON)).lines.find((l) => l.homeId === 'H1')!.result;
    expect(after.components.find((c) => c.dimension === 'uppfoljning')!.evidence).toBe(2);
    expect(after.score!).toBeLessThan(before.score!);
  });

  it('gives the numbers of a page of homes at once', async () => {
    const summaries = await db.services.quality.summaries(['H1', 'H2', 'NOPE'], ON);
    expect(Object.keys(summaries).sort()).toEqual(['H1', 'H2']);
    expect(summaries.H2).toMatchObject({ score: null, confidence: 'low', eligible: false });
  });
});

describe('matching', () => {
  const need = { age: 15, gender: 'flicka' as const, needs: ['missbruk', 'missbruk'], legalBasis: 'SoL' as const, municipality: 'Timrå', form: 'hvb' as const, startOn: ON };

  it('ranks the homes that can take the child and excludes the others with the hard reason', async () => {
    const answer = await db.services.quality.match(need);
    expect(answer.matches.map((m) => m.homeId)).toEqual(['H1']);
    expect(answer.matches[0]!.reasons).toContainEqual({ text: 'Målgruppen omfattar missbruk', effect: 'plus' });
    expect(answer.matches[0]!.reasons).toContainEqual({ text: '1 plats ledig', effect: 'plus' });
    expect(answer.matches[0]!.reasons).toContainEqual({ text: '1 sammanbrott senaste 24 månaderna', effect: 'minus' });
    expect(answer.excluded).toEqual([
      { homeId: 'H2', name: 'Ekbackens HVB', kind: 'hvb', municipality: 'Sundsvall', reasons: ['Hemmet ska ha IVO-tillstånd, men inget giltigt tillstånd är verifierat.'] },
      { homeId: 'F1', name: 'Familjen Ekström', kind: 'familjehem', municipality: 'Timrå', reasons: ['Fel boendeform: hemmet är familjehem, sökt är HVB.'] },
    ]);
    expect(answer.settingsVersion).toBe(0);
  });

  it('counts the children placed on the start day against the places', async () => {
    // On 2026-05-15 PL2 and PL3 were both in H1, which has 2 places; its permit was verified later.
    const answer = await db.services.quality.match({ ...need, startOn: '2026-05-15' });
    expect(answer.excluded.find((e) => e.homeId === 'H1')!.reasons).toEqual([
      'Hemmet ska ha IVO-tillstånd, men inget giltigt tillstånd är verifierat.',
      'Fullt: 2 barn på 2 platser 2026-05-15.',
    ]);
  });
});

describe('träffsäkerhet', () => {
  beforeEach(async () => {
    await signInAs(db.services, 'enhetschef');
  });

  it('judges each ended placement by its first home as it stood the day before, a protected child’s without its id', async () => {
    const accuracy = await db.services.quality.accuracy({ date: ON, offset: 0, limit: 50 });
    expect(accuracy.caseCount).toBe(2);
    expect(accuracy.cases.map((c) => [c.placementId, c.homeId, c.startedOn, c.endReason])).toEqual([
      [null, 'H1', '2025-10-01', 'planerad'],
      ['PL1', 'H1', '2025-01-10', 'sammanbrott'],
    ]);
    // Before 2025-01-10 nothing was known of H1: no number.
    expect(accuracy.cases[1]).toMatchObject({ score: null, grade: null });
    expect(accuracy.total).toMatchObject({ placements: 2, breakdowns: 1, tooFew: true });
    expect(accuracy.settingsVersion).toBe(0);
  });

  it('tries unsaved settings without saving them, and refuses settings that do not hold with the field named', async () => {
    const trying = await db.services.quality.accuracy({ date: ON, offset: 0, limit: 50, settings: { ...defaultQualitySettings, minEvidence: 1 } });
    expect(trying.settingsVersion).toBeNull();
    expect(trying.cases.find((c) => c.startedOn === '2025-10-01')!.score).not.toBeNull();
    expect((await db.services.quality.getSettings()).version).toBe(0);
    const error = await failure(db.services.quality.accuracy({ date: ON, offset: 0, limit: 50, settings: { ...defaultQualitySettings, gradeLimits: { A: 50, B: 60, C: 55, D: 40 } } }));
    expect(error).toMatchObject({ code: 'VALIDATION', issues: [{ path: '/settings/gradeLimits', message: 'Gränserna ska sjunka från A till D (A högst).' }] });
  });
});

describe('settings', () => {
  it('are versioned: a save names the version it edited, a stale one is refused, the history says what changed', async () => {
    const settings = { ...defaultQualitySettings, halfLifeMonths: 12, weights: { ...defaultQualitySettings.weights, 'ivo-tillsyn': 15, utfall: 40 } };
    const saved = await db.services.quality.saveSettings({ settings, version: 0, changedBy: 'Enid Enhetschef', reason: 'Nyare underlag ska väga mer.' });
    expect(saved.version).toBe(1);
    expect(saved.history).toEqual([
      { version: 1, changedAt: '2026-11-22T09:00:00.000Z', changedBy: 'Enid Enhetschef', reason: 'Nyare underlag ska väga mer.', changes: ['Vikt för IVO:s tillsyn: 20 → 15', 'Vikt för placeringarnas utfall: 25 → 40', 'Halveringstid: 24 → 12 månader'] },
    ]);
    const stale = await failure(db.services.quality.saveSettings({ settings, version: 0, changedBy: 'Enid Enhetschef', reason: 'Igen.' }));
    expect(stale.code).toBe('CONFLICT');
    expect((await db.services.quality.homeQuality('H1', ON)).settingsVersion).toBe(1);
    const bad = await failure(db.services.quality.saveSettings({ settings: { ...settings, weights: { 'ivo-tillsyn': 0, utfall: 0, uppfoljning: 0, avvikelser: 0, 'barnets-rost': 0, registerkontroll: 0 } }, version: 1, changedBy: 'X', reason: 'Y' }));
    expect(bad).toMatchObject({ code: 'VALIDATION', issues: [{ path: '/settings/weights', message: 'Minst en dimension måste ha en vikt större än 0.' }] });
  });
});
