/**
 * Dates that cannot be true are refused with a Swedish message at their field (issue 10): a
 * decision or an end after today, an event before its placement or in the future, a child born
 * in the future or 21 or older when its placement begins, an adult born in the future or an
 * uppdragstagare who is not an adult. Today is the services' clock: 2026-11-22.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { PlacementInput } from '../../../preload/api/placements';
import { issuesOf, useServiceDatabase } from './harness';

const db = useServiceDatabase('pk-impossible-dates-');

beforeEach(async () => {
  await db.services.exchange.importFile({
    format: 'placeringskollen-exchange',
    version: 1,
    homes: [{ id: 'F1', kind: 'familjehem', name: 'Familjen Ek' }],
    children: [
      { id: 'C1', name: 'Tolvan T.', birthDate: '2012-12-12' },
      { id: 'C2', name: 'Vuxen V.', birthDate: '1990-05-05' },
      { id: 'C3', name: 'Nittonåring N.', birthDate: '2007-05-05' },
    ],
    placements: [
      { id: 'PL1', childId: 'C1', legalBasis: 'SoL', decidedOn: '2026-10-01', startedOn: '2026-10-05', stays: [{ homeId: 'F1', form: 'familjehem', from: '2026-10-05' }] },
    ],
  });
});

const placement = (fields: Partial<PlacementInput> = {}): PlacementInput => ({
  childId: 'C1',
  legalBasis: 'SoL',
  decidedOn: '2026-11-01',
  startedOn: '2026-11-02',
  endedOn: null,
  endReason: null,
  caseworker: null,
  unit: null,
  stays: [{ homeId: 'F1', from: '2026-11-02', to: null, decidedOn: null, investigationCompletedOn: null }],
  ...fields,
});
const event = (type: 'barnsamtal' | 'vardplan' | 'overvagande', date: string) =>
  db.services.placements.recordEvent({ placementId: 'PL1', type, date, comment: null, verdict: null });

describe('dates that cannot be true', () => {
  it('a decision after today is refused; a move planned after today is not', async () => {
    expect((await issuesOf(db.services.placements.savePlacement(placement({ childId: 'C3', decidedOn: '2026-11-23', startedOn: '2026-12-01', stays: [{ homeId: 'F1', from: '2026-12-01', to: null, decidedOn: null, investigationCompletedOn: null }] })))).issues).toEqual([
      { path: '/decidedOn', message: 'Beslutet kan inte vara fattat efter i dag (2026-11-22).' },
    ]);
    await expect(db.services.placements.savePlacement(placement({ childId: 'C3', decidedOn: '2026-11-20', startedOn: '2026-12-01', stays: [{ homeId: 'F1', from: '2026-12-01', to: null, decidedOn: null, investigationCompletedOn: null }] }))).resolves.toMatchObject({ startedOn: '2026-12-01' });
  });

  it('an end after today is refused, in the form and when ending', async () => {
    const { rowVersion } = await db.services.placements.getPlacement('PL1');
    const saved = await issuesOf(
      db.services.placements.savePlacement(placement({ id: 'PL1', rowVersion, decidedOn: '2026-10-01', startedOn: '2026-10-05', endedOn: '2027-03-01', endReason: 'planerad', stays: [{ homeId: 'F1', from: '2026-10-05', to: '2027-03-01', decidedOn: null, investigationCompletedOn: null }] })),
    );
    expect(saved.issues).toEqual([{ path: '/endedOn', message: 'Placeringen kan inte avslutas efter i dag (2026-11-22). Avsluta den när barnet har flyttat.' }]);
    expect((await issuesOf(db.services.placements.end({ id: 'PL1', on: '2027-03-01', reason: 'planerad' }))).issues).toEqual([
      { path: '/on', message: 'Placeringen kan inte avslutas efter i dag (2026-11-22). Avsluta den när barnet har flyttat.' },
    ]);
    await expect(db.services.placements.end({ id: 'PL1', on: '2026-11-22', reason: 'planerad' })).resolves.toMatchObject({ endedOn: '2026-11-22' });
  });

  it('a barnsamtal before the placement began is refused; a vårdplan between decision and start is not; nothing before the decision', async () => {
    expect((await issuesOf(event('barnsamtal', '2026-10-03'))).issues).toEqual([
      { path: '/date', message: 'Ett samtal med barnet kan inte vara före placeringens start (2026-10-05).' },
    ]);
    await expect(event('vardplan', '2026-10-03')).resolves.toMatchObject({ type: 'vardplan' });
    expect((await issuesOf(event('vardplan', '2026-09-30'))).issues).toEqual([{ path: '/date', message: 'Datumet är före beslutet om placeringen (2026-10-01).' }]);
  });

  it('an event in the future is refused: what is recorded has happened', async () => {
    expect((await issuesOf(event('overvagande', '2026-11-23'))).issues).toEqual([
      { path: '/date', message: 'Det som registreras ska redan ha hänt: datumet kan inte vara efter i dag (2026-11-22).' },
    ]);
    await expect(event('overvagande', '2026-11-22')).resolves.toMatchObject({ date: '2026-11-22' });
  });

  it('a child born in the future is refused at its birth date', async () => {
    const refused = await issuesOf(db.services.placements.saveChild({ name: 'Framtida F.', birthDate: '2027-01-01', personnummer: null, protectedIdentity: false }));
    expect(refused.issues).toEqual([{ path: '/birthDate', message: 'Födelsedatumet kan inte vara efter i dag.' }]);
  });

  it('a "child" of 36 on the first day is refused; 19 is allowed (the form warns)', async () => {
    const refused = await issuesOf(db.services.placements.savePlacement(placement({ childId: 'C2' })));
    expect(refused.issues).toEqual([{ path: '/startedOn', message: 'Barnet är 36 år när placeringen börjar; placeringar gäller barn och unga under 21 år.' }]);
    await expect(db.services.placements.savePlacement(placement({ childId: 'C3' }))).resolves.toMatchObject({ childId: 'C3' });
  });

  it('an adult born in the future, or an uppdragstagare younger than 18, is refused at the birth year', async () => {
    const refused = await issuesOf(
      db.services.homes.save({
        kind: 'familjehem', name: 'Familjen Ung', orgNr: null, operator: null, municipality: null, capacity: null, targetGroup: null, agency: null,
        persons: [
          { name: 'Framtida Vuxen', role: 'annan-vuxen', birthYear: 2031 },
          { name: 'Ung Uppdragstagare', role: 'uppdragstagare', birthYear: 2010 },
          { name: 'Vuxen Uppdragstagare', role: 'uppdragstagare', birthYear: 2008 },
          { name: 'Barn i hemmet', role: 'barn-i-hemmet', birthYear: 2019 },
        ],
      }),
    );
    expect(refused.issues).toEqual([
      { path: '/persons/0/birthYear', message: 'Födelseåret kan inte vara efter i år (2026).' },
      { path: '/persons/1/birthYear', message: 'En uppdragstagare ska vara vuxen: född 2008 eller tidigare.' },
    ]);
  });
});
