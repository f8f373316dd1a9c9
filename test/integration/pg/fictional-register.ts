/**
 * A small fictional register written through the repositories, the same on either engine: three
 * homes with their adults, three children (Skatteverket's test personnummer, one with skyddad
 * identitet), four placements with stays (one moved on from a jourhem, one LVU care ended and not
 * yet followed up), events of placements and homes, register checks with history, a lex Sarah
 * report with its steps, an assessment and its correction, and an audit round. The tests of the
 * repositories on both engines (issue 18) write it on each and compare what they read.
 */
import type { Kysely } from 'kysely';
import * as audits from '../../../main/db/audits-repository';
import * as checks from '../../../main/db/checks-repository';
import * as homes from '../../../main/db/homes-repository';
import * as placements from '../../../main/db/placements-repository';
import type { Database } from '../../../main/db/schema';

const caseworker = 'Hanna Handläggarsson';
const recorded = { recordedBy: caseworker, recordedAt: '2025-04-01T09:00:00.000Z' };

export async function writeFictionalRegister(db: Kysely<Database>): Promise<void> {
  const noHome = { orgNr: null, operator: null, municipality: null, capacity: null, targetGroup: null, agency: null };
  await homes.saveHome(db, { ...noHome, id: 'F1', kind: 'familjehem', name: 'Familjen Åberg', municipality: 'Örebro', capacity: 2, agency: 'Konsulentstöd Exempel AB' }, [
    { id: 'F1-P0', name: 'Émile Åberg', role: 'uppdragstagare', birthYear: 1975 },
    { id: 'F1-P1', name: 'Ørjan Åberg', role: 'uppdragstagare', birthYear: 1973 },
  ], null);
  await homes.saveHome(db, { ...noHome, id: 'H1', kind: 'hvb', name: 'Östergårdens HVB', orgNr: '556000-0019', operator: 'enskild', municipality: 'Timrå', capacity: 8 }, [], null);
  await homes.saveHome(db, { ...noHome, id: 'J1', kind: 'jourhem', name: 'Jourhemmet Lind', municipality: 'Sundsvall', capacity: 1 }, [
    { id: 'J1-P0', name: 'Lena Lind', role: 'uppdragstagare', birthYear: 1968 },
  ], null);

  await placements.saveChild(db, { id: 'C1', name: 'Tolvan Tolvansson', birthDate: '2012-12-12', personnummer: '20121212-1212', protectedIdentity: false }, null);
  await placements.saveChild(db, { id: 'C2', name: 'Maja Ärlig', birthDate: '2010-04-01', personnummer: '20100401-2389', protectedIdentity: false }, null);
  await placements.saveChild(db, { id: 'C3', name: 'Sara Skyddad', birthDate: '2014-06-15', personnummer: '20140615-2387', protectedIdentity: true }, null);
  // A correction: the version moves on, on both engines alike.
  await placements.saveChild(db, { id: 'C2', name: 'Maja Ärlig-Öst', birthDate: '2010-04-01', personnummer: '20100401-2389', protectedIdentity: false }, 1);

  const stay = { decidedOn: null, investigationCompletedOn: null };
  const placement = { decidedOn: '2025-03-01', endedOn: null, endReason: null, caseworker, unit: 'Barn och unga', dailyCost: 1850 };
  await placements.savePlacement(db, { ...placement, id: 'P1', childId: 'C1', legalBasis: 'LVU2', startedOn: '2025-03-02' }, [
    { ...stay, homeId: 'J1', form: 'jourhem', fromDate: '2025-03-02', toDate: '2025-05-01' },
    { homeId: 'F1', form: 'familjehem', fromDate: '2025-05-01', toDate: null, decidedOn: '2025-04-20', investigationCompletedOn: '2025-04-15' },
  ], null);
  await placements.savePlacement(db, { ...placement, id: 'P2', childId: 'C2', legalBasis: 'SoL', decidedOn: '2024-01-05', startedOn: '2024-01-10', endedOn: '2025-02-28', endReason: 'planerad', dailyCost: 4200 }, [
    { ...stay, homeId: 'H1', form: 'hvb', fromDate: '2024-01-10', toDate: null },
  ], null);
  await placements.savePlacement(db, { ...placement, id: 'P3', childId: 'C3', legalBasis: 'LVU3', startedOn: '2025-06-01', caseworker: 'Östen Ek', unit: 'Öppenvården' }, [
    { ...stay, homeId: 'H1', form: 'hvb', fromDate: '2025-06-01', toDate: null },
  ], null);
  await placements.savePlacement(db, { ...placement, id: 'P4', childId: 'C2', legalBasis: 'LVU2', startedOn: '2025-03-05', endedOn: '2025-09-01', endReason: 'hemflytt', caseworker: null }, [
    { ...stay, homeId: 'F1', form: 'familjehem', fromDate: '2025-03-05', toDate: null },
  ], null);
  // An edit of P1 (a new caseworker) at its version: its stays are written anew.
  const p1 = (await placements.getPlacement(db, 'P1'))!;
  await placements.savePlacement(db, { ...placement, id: 'P1', childId: 'C1', legalBasis: 'LVU2', startedOn: '2025-03-02', caseworker: 'Åsa Öberg' },
    p1.stays.map(({ placementId: _p, ordinal: _o, homeName: _h, ...rest }) => rest), p1.rowVersion);

  const event = { placementId: null, homeId: null, comment: null, verdict: null };
  for (const row of [
    { ...event, id: 'E1', placementId: 'P1', type: 'overvagande', date: '2025-08-30' },
    { ...event, id: 'E2', placementId: 'P1', type: 'vardplan', date: '2025-03-20', comment: 'Vårdplan klar.' },
    { ...event, id: 'E3', placementId: 'P1', type: 'barnsamtal', date: '2025-06-01' },
    { ...event, id: 'E4', placementId: 'P1', type: 'overvagande', date: '2025-03-01' },
    { ...event, id: 'E5', placementId: 'P3', type: 'vardplan', date: '2025-06-20' },
    { ...event, id: 'E6', homeId: 'H1', type: 'ivo-tillsyn', date: '2025-04-01', verdict: 'kritik' },
    { ...event, id: 'E7', homeId: 'F1', type: 'ivo-anmalan-fler-an-tre', date: '2025-05-02' },
    { ...event, id: 'E8', placementId: 'P2', type: 'uppfoljningsbesok', date: '2024-06-01' },
  ]) {
    await placements.insertEvent(db, row);
  }

  const check = { personId: null, homeId: null, reference: null, permit: null, ...recorded };
  await checks.insertCheck(db, { ...check, id: 'K1', personId: 'F1-P0', register: 'belastningsregistret', checkedOn: '2025-04-01', outcome: 'utan-anmarkning' });
  await checks.insertCheck(db, { ...check, id: 'K2', personId: 'F1-P0', register: 'socialregistret', checkedOn: '2025-04-02', outcome: 'med-anmarkning' });
  await checks.insertCheck(db, { ...check, id: 'K3', homeId: 'H1', register: 'ivo-tillstand', checkedOn: '2024-01-01', outcome: 'giltigt', permit: checks.serializePermit({ forms: ['hvb'], minAge: 13, maxAge: 17, places: 8 }) });
  await checks.insertCheck(db, { ...check, id: 'K4', personId: 'J1-P0', register: 'belastningsregistret', checkedOn: '2025-02-20', outcome: 'utan-anmarkning' });
  await checks.insertCheck(db, { ...check, id: 'K5', personId: 'F1-P1', register: 'belastningsregistret', checkedOn: '2026-01-10', outcome: 'utan-anmarkning' });
  // K2 corrected and K4 removed, each kept in the history first.
  const k2 = (await checks.getCheck(db, 'K2'))!;
  await checks.insertRevision(db, k2, await checks.nextRevision(db, 'K2'), { action: 'rattad', changedBy: caseworker, changedAt: '2025-04-03T10:00:00.000Z', reason: 'Fel utfall.' });
  await checks.updateCheck(db, { ...k2, outcome: 'utan-anmarkning' }, k2.rowVersion);
  const k4 = (await checks.getCheck(db, 'K4'))!;
  await checks.insertRevision(db, k4, await checks.nextRevision(db, 'K4'), { action: 'borttagen', changedBy: caseworker, changedAt: '2025-04-04T10:00:00.000Z', reason: 'Fel person.' });
  await checks.deleteCheck(db, 'K4', k4.rowVersion);

  await db.insertInto('deviations').values([
    { id: 'D1', homeId: 'H1', placementId: 'P3', reportedOn: '2025-07-01', kind: 'lex-sarah', category: null, severity: 'allvarlig', description: 'Barnet lämnades utan tillsyn en natt.', status: 'under-utredning', ...recorded },
    { id: 'D2', homeId: null, placementId: 'P1', reportedOn: '2025-06-10', kind: 'avvikelse', category: null, severity: 'lag', description: 'Skolskjutsen uteblev.', status: 'avslutad', ...recorded },
  ]).execute();
  await db.insertInto('deviationSteps').values([
    { deviationId: 'D1', ordinal: 1, step: 'bedomning', date: '2025-07-05', text: 'Allvarligt.', serious: 1, ...recorded },
    { deviationId: 'D1', ordinal: 0, step: 'under-utredning', date: '2025-07-01', text: null, serious: null, ...recorded },
  ]).execute();
  await db.insertInto('assessments').values([
    { id: 'A1', homeId: 'F1', placementId: 'P1', assessedOn: '2025-06-01', assessor: caseworker, scores: '{"trygghet":4,"skola":3}', childVoice: 'Trivs.', comment: null, corrects: null, ...recorded },
    { id: 'A2', homeId: 'F1', placementId: 'P1', assessedOn: '2025-06-01', assessor: caseworker, scores: '{"trygghet":5,"skola":3}', childVoice: 'Trivs bra.', comment: 'Rättad.', corrects: 'A1', ...recorded },
  ]).execute();

  const round = {
    id: 'R1', name: 'Våren 2025', fromDate: '2025-01-01', toDate: '2025-06-30', unit: 'Barn och unga', form: null, legalBasis: null, caseworker: null,
    size: 2, sizePercent: null, seed: 'lotto', populationSize: 3, populationHash: 'abc', exclusionMonths: 12, excluded: 0, checklistVersion: 1,
    createdBy: caseworker, createdAt: '2025-07-02T08:00:00.000Z',
  };
  await audits.insertRound(db, round, [
    { roundId: 'R1', ordinal: 1, placementId: 'P1', rank: '0001' },
    { roundId: 'R1', ordinal: 2, placementId: 'P2', rank: '0002' },
  ]);
  const answer = { roundId: 'R1', comment: '', proposed: null, proposedReason: null, overrideReason: null, alreadyReported: 0, deviationId: null, answeredBy: caseworker };
  await audits.insertAnswers(db, [
    { ...answer, ordinal: 1, itemId: 'beslut', answer: 'ja', answeredAt: '2025-07-03T08:00:00.000Z' },
    { ...answer, ordinal: 1, itemId: 'vardplan', answer: 'nej', comment: 'Sen.', deviationId: 'D2', answeredAt: '2025-07-03T08:05:00.000Z' },
  ]);
  await audits.insertAnalysis(db, { roundId: 'R1', text: 'Vårdplanerna kommer sent.', writtenBy: caseworker, writtenAt: '2025-07-04T08:00:00.000Z' });
  await audits.insertAnalysis(db, { roundId: 'R1', text: 'Vårdplanerna kommer sent; rutinen ses över.', writtenBy: caseworker, writtenAt: '2025-07-05T08:00:00.000Z' });
  const action = { roundId: 'R1', responsible: 'Enhetschefen', doneOn: null, doneBy: null, createdBy: caseworker, createdAt: '2025-07-05T09:00:00.000Z' };
  await audits.insertAction(db, { ...action, id: 'AA1', action: 'Rutin för vårdplan', dueOn: '2025-10-01' });
  await audits.insertAction(db, { ...action, id: 'AA2', action: 'Utbildning i BBIC', dueOn: '2025-12-01' });
  await audits.markActionDone(db, 'AA1', '2025-09-15', 'Enhetschefen');
}

/** Rows of a query without an order, in one order: compared as sets. */
export function sorted<T>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0));
}

/** A map's entries in key order. */
export function entries<K, V>(map: Map<K, V>): [K, V][] {
  return [...map.entries()].sort(([a], [b]) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
}
