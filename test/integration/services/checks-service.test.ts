/**
 * The checks service over a real SQLite register: "Redo för beslut?" (readiness), the list of
 * checks (overview), a placement's checks (forPlacement and the placement page) and the catalogue
 * from the settings. Every expected value is worked out by hand from
 * /work/shared/domain/rules.md ("Checks before and during a placement"); the reasoning is beside it.
 * Fictional homes, adults and children.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { failure, useServiceDatabase } from './harness';

const db = useServiceDatabase('pk-checks-service-');

const D = '2026-11-22';
/** rules.md's legal references: the old numbering to 2025-06-30, the new SoF/SoL (2025:468, 2025:400) from 2025-07-01. */
const SOF = (on: string) => (on < '2025-07-01' ? 'SoF 5 kap. 1 b §' : 'SoF 3 kap. 3 §');
const SOL_IVO = (on: string) => (on < '2025-07-01' ? 'SoL 7 kap. 1 §' : 'SoL 26 kap. 1 §');
const LOCAL = 'Lokal rutin (fortlöpande registerkontroller)';
const B = 'belastningsregistret';
const M = 'misstankeregistret';

/*
 * F1 Familjen Ek: Anna Ek (P1) and Bo Ek (P2) uppdragstagare, Cilla Ek (P3) annan-vuxen.
 *   P1 belastning 2025-12-10, misstanke 2024-11-01; P2 belastning 2026-03-02; P2 misstanke none.
 * F2 Familjen Tom: only Gun Tom, annan-vuxen: nobody whose checks are required.
 * F3 Familjen Lind: Dan Lind, belastning 2026-01-05 med anmärkning, misstanke 2026-01-05.
 * F4 Familjen Berg: Eva Berg, both 2026-01-20 utan anmärkning.
 * H1 Solgläntans HVB (enskild): permits 2025-10-01 and 2026-01-02 (scope HVB, 13–17 år).
 * H2 Ljungbo stödboende (enskild): permit 2026-01-10 ogiltigt (scope stödboende, 18–20 år).
 * H3 Kommunens HVB (kommunal): no permit needed.
 * H4 Norrgårdens stödboende (enskild): permit 2026-01-20 giltigt, but its scope is HVB only.
 * H5 Ekbackens HVB (enskild): permit 2026-01-20 giltigt with a scope that does not parse.
 * H6 Okända HVB: huvudman not given (an AB's org.nr), no permit verified.
 * PL1 Tilda Test (C1) in F1, decided 2026-02-01, from 2026-02-03.
 * PL2 a protected child (C2, b. 2012-07-07) in H1, decided 2026-04-20, from 2026-04-21.
 * PL3 Vera Väst (C3) in F4, decided 2026-01-25, from 2026-01-26.
 */
beforeEach(async () => {
  await db.services.exchange.importFile({
    format: 'placeringskollen-exchange',
    version: 1,
    homes: [
      { id: 'F1', kind: 'familjehem', name: 'Familjen Ek' },
      { id: 'F2', kind: 'familjehem', name: 'Familjen Tom' },
      { id: 'F3', kind: 'familjehem', name: 'Familjen Lind' },
      { id: 'F4', kind: 'familjehem', name: 'Familjen Berg' },
      { id: 'H1', kind: 'hvb', name: 'Solgläntans HVB', operator: 'enskild' },
      { id: 'H2', kind: 'stodboende', name: 'Ljungbo stödboende', operator: 'enskild' },
      { id: 'H3', kind: 'hvb', name: 'Kommunens HVB', operator: 'kommunal' },
      { id: 'H4', kind: 'stodboende', name: 'Norrgårdens stödboende', operator: 'enskild' },
      { id: 'H5', kind: 'hvb', name: 'Ekbackens HVB', operator: 'enskild' },
      { id: 'H6', kind: 'hvb', name: 'Okända HVB', orgNr: '556000-0027' },
    ],
    persons: [
      { id: 'P1', homeId: 'F1', name: 'Anna Ek', role: 'uppdragstagare' },
      { id: 'P2', homeId: 'F1', name: 'Bo Ek', role: 'uppdragstagare' },
      { id: 'P3', homeId: 'F1', name: 'Cilla Ek', role: 'annan-vuxen' },
      { id: 'P4', homeId: 'F3', name: 'Dan Lind', role: 'uppdragstagare' },
      { id: 'P5', homeId: 'F4', name: 'Eva Berg', role: 'uppdragstagare' },
      { id: 'P6', homeId: 'F2', name: 'Gun Tom', role: 'annan-vuxen' },
    ],
    registerChecks: [
      { id: 'R1', personId: 'P1', register: B, checkedOn: '2025-12-10', outcome: 'utan-anmarkning' },
      { id: 'R2', personId: 'P1', register: M, checkedOn: '2024-11-01', outcome: 'utan-anmarkning' },
      { id: 'R3', personId: 'P2', register: B, checkedOn: '2026-03-02', outcome: 'utan-anmarkning' },
      { id: 'R4', personId: 'P4', register: B, checkedOn: '2026-01-05', outcome: 'med-anmarkning' },
      { id: 'R5', personId: 'P4', register: M, checkedOn: '2026-01-05', outcome: 'utan-anmarkning' },
      { id: 'R6', personId: 'P5', register: B, checkedOn: '2026-01-20', outcome: 'utan-anmarkning' },
      { id: 'R7', personId: 'P5', register: M, checkedOn: '2026-01-20', outcome: 'utan-anmarkning' },
      { id: 'I1', homeId: 'H1', register: 'ivo-tillstand', checkedOn: '2025-10-01', outcome: 'giltigt' },
      { id: 'I2', homeId: 'H1', register: 'ivo-tillstand', checkedOn: '2026-01-02', outcome: 'giltigt' },
      { id: 'I3', homeId: 'H2', register: 'ivo-tillstand', checkedOn: '2026-01-10', outcome: 'ogiltigt' },
      { id: 'I4', homeId: 'H4', register: 'ivo-tillstand', checkedOn: '2026-01-20', outcome: 'giltigt' },
      { id: 'I5', homeId: 'H5', register: 'ivo-tillstand', checkedOn: '2026-01-20', outcome: 'giltigt' },
    ],
    children: [
      { id: 'C1', name: 'Tilda Test', birthDate: '2014-05-05' },
      { id: 'C2', name: 'Hemlig Testsson', birthDate: '2012-07-07', protectedIdentity: true },
      { id: 'C3', name: 'Vera Väst', birthDate: '2015-01-01' },
    ],
    placements: [
      { id: 'PL1', childId: 'C1', legalBasis: 'SoL', decidedOn: '2026-02-01', startedOn: '2026-02-03', stays: [{ homeId: 'F1', form: 'familjehem', from: '2026-02-03' }] },
      { id: 'PL2', childId: 'C2', legalBasis: 'LVU2', decidedOn: '2026-04-20', startedOn: '2026-04-21', stays: [{ homeId: 'H1', form: 'hvb', from: '2026-04-21' }] },
      { id: 'PL3', childId: 'C3', legalBasis: 'SoL', decidedOn: '2026-01-25', startedOn: '2026-01-26', stays: [{ homeId: 'F4', form: 'familjehem', from: '2026-01-26' }] },
    ],
  });
  // The permits' scopes, as the register-check form stores them (JSON text).
  const scope = (id: string, permit: string) => db.connection.db.updateTable('registerChecks').set({ permit }).where('id', '=', id).execute();
  const hvb13to17 = JSON.stringify({ forms: ['hvb'], minAge: 13, maxAge: 17, places: 8, targetGroup: null, holderOrgNr: null });
  await scope('I1', hvb13to17);
  await scope('I2', hvb13to17);
  await scope('I3', JSON.stringify({ forms: ['stodboende'], minAge: 18, maxAge: 20, places: null, targetGroup: null, holderOrgNr: null }));
  await scope('I4', JSON.stringify({ forms: ['hvb'], minAge: null, maxAge: null, places: null, targetGroup: null, holderOrgNr: null }));
  await scope('I5', '{"forms": "hvb", "minAge": "tretton"');
});

const ready = (homeId: string, decisionOn: string, extra: { from?: string; birthDate?: string; date?: string } = {}) =>
  db.services.checks.readiness({ homeId, decisionOn, from: extra.from ?? null, childId: null, birthDate: extra.birthDate ?? null, date: extra.date ?? D });

/** A decision check row as the window shows it (placementId null: asked before the placement exists). */
const item = (
  homeId: string,
  homeName: string,
  person: [string, string] | null,
  register: string,
  decisionOn: string,
  status: string,
  checkedOn: string | null,
  explanation: string,
  placementId: string | null = null,
) => ({
  check: person === null ? 'ivo-tillstand' : 'registerkontroll',
  placementId,
  homeId,
  homeName,
  personId: person?.[0] ?? null,
  personName: person?.[1] ?? null,
  register,
  decisionOn,
  status,
  checkedOn,
  legalRef: person === null ? SOL_IVO(decisionOn) : SOF(decisionOn),
  explanation,
});

const HIDDEN = 'Hemmet visas inte: barnet har skyddad identitet. Öppna placeringen och visa de skyddade uppgifterna för att se kontrollen.';
const NOBODY =
  'Hemmet har ingen registrerad uppdragstagare – registerkontroller kan inte göras före beslut. Lägg till hushållet i registret.';

const anna: [string, string] = ['P1', 'Anna Ek'];
const bo: [string, string] = ['P2', 'Bo Ek'];
const dan: [string, string] = ['P4', 'Dan Lind'];
const eva: [string, string] = ['P5', 'Eva Berg'];

describe('Redo för beslut? (registerkontroll)', () => {
  it('names each check that is missing, after the decision, too old; and the one that is ok', async () => {
    // Decision 2026-02-01; 12 months back is 2025-02-01.
    expect(await ready('F1', '2026-02-01')).toEqual({
      ready: false,
      refusals: [],
      warnings: [],
      items: [
        // 2025-12-10 is within 12 months before the decision.
        item('F1', 'Familjen Ek', anna, B, '2026-02-01', 'ok', '2025-12-10', 'Kontrollerat 2025-12-10, före beslutet.'),
        // 2024-11-01 is before 2025-02-01.
        item('F1', 'Familjen Ek', anna, M, '2026-02-01', 'too-old', '2024-11-01',
          'Utdraget ur misstankeregistret för Anna Ek är från 2024-11-01, mer än 12 månader före beslutet.'),
        // Only a check after the decision.
        item('F1', 'Familjen Ek', bo, B, '2026-02-01', 'after-decision', '2026-03-02',
          'Kontrollen i belastningsregistret för Bo Ek gjordes 2026-03-02, efter beslutet 2026-02-01.'),
        item('F1', 'Familjen Ek', bo, M, '2026-02-01', 'missing', null, 'Kontroll i misstankeregistret för Bo Ek saknas – kontrollera före beslut.'),
      ],
    });
  });

  it('does not see a check recorded after the date asked as of: it is missing, not after the decision', async () => {
    const result = await ready('F1', '2026-02-01', { date: '2026-02-15' });
    expect(result.items.find((i) => i.personId === 'P2' && i.register === B)).toMatchObject({ status: 'missing', checkedOn: null });
  });

  it('a remark is not green: a person must judge it', async () => {
    expect(await ready('F3', '2026-02-01')).toEqual({
      ready: false,
      refusals: [],
      warnings: [],
      items: [
        item('F3', 'Familjen Lind', dan, B, '2026-02-01', 'remark', '2026-01-05', 'Utdraget ur belastningsregistret för Dan Lind har anmärkning – en handläggare ska bedöma den.'),
        item('F3', 'Familjen Lind', dan, M, '2026-02-01', 'ok', '2026-01-05', 'Kontrollerat 2026-01-05, före beslutet.'),
      ],
    });
  });

  it('is green when every required check of every uppdragstagare is ok (a check on the decision day counts)', async () => {
    expect(await ready('F4', '2026-01-20')).toEqual({
      ready: true,
      refusals: [],
      warnings: [],
      items: [
        item('F4', 'Familjen Berg', eva, B, '2026-01-20', 'ok', '2026-01-20', 'Kontrollerat 2026-01-20, samma dag som beslutet.'),
        item('F4', 'Familjen Berg', eva, M, '2026-01-20', 'ok', '2026-01-20', 'Kontrollerat 2026-01-20, samma dag som beslutet.'),
      ],
    });
  });

  it('is never green for a household without uppdragstagare (an annan-vuxen is not checked): each required register missing', async () => {
    // Not a refusal (those are the permit's): the same rows the stay will have after the decision.
    expect(await ready('F2', '2026-02-01')).toEqual({
      ready: false,
      items: [
        { ...item('F2', 'Familjen Tom', null, B, '2026-02-01', 'missing', null, NOBODY), check: 'registerkontroll', legalRef: SOF('2026-01-01') },
        { ...item('F2', 'Familjen Tom', null, M, '2026-02-01', 'missing', null, NOBODY), check: 'registerkontroll', legalRef: SOF('2026-01-01') },
      ],
      refusals: [],
      warnings: [],
    });
  });

  it('refuses a home that does not exist', async () => {
    const error = await failure(ready('NOPE', '2026-02-01'));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('Hemmet finns inte.');
  });
});

describe('Redo för beslut? (ivo-tillstand and the permit scope)', () => {
  it('is green with a valid permit checked within 90 days, when the child is inside the age range', async () => {
    // 2026-02-01 − 90 days = 2025-11-03; the newest permit on or before the decision is 2026-01-02.
    // Born 2013-02-03: exactly 13 on 2026-02-03, the first day of the stay.
    expect(await ready('H1', '2026-02-01', { from: '2026-02-03', birthDate: '2013-02-03' })).toEqual({
      ready: true,
      refusals: [],
      warnings: [],
      items: [item('H1', 'Solgläntans HVB', null, 'ivo-tillstand', '2026-02-01', 'ok', '2026-01-02', 'Kontrollerat 2026-01-02, före beslutet.')],
    });
  });

  it('too old: checked more than 90 days before the decision; exactly 90 days is still ok', async () => {
    // 2026-01-01 − 90 days = 2025-10-03; the newest permit on or before 2026-01-01 is 2025-10-01.
    expect((await ready('H1', '2026-01-01')).items).toEqual([
      item('H1', 'Solgläntans HVB', null, 'ivo-tillstand', '2026-01-01', 'too-old', '2025-10-01',
        'IVO-tillståndet kontrollerades 2025-10-01, mer än 90 dagar före beslutet.'),
    ]);
    // 2025-12-30 − 90 days = 2025-10-01: on the limit.
    expect((await ready('H1', '2025-12-30')).items.map((i) => [i.status, i.checkedOn])).toEqual([['ok', '2025-10-01']]);
  });

  it('missing before any verification; after the decision once one is made later', async () => {
    const before = await ready('H1', '2025-09-01', { date: '2025-09-15' });
    expect(before.ready).toBe(false);
    expect(before.items).toEqual([
      item('H1', 'Solgläntans HVB', null, 'ivo-tillstand', '2025-09-01', 'missing', null, 'IVO-tillståndet har inte kontrollerats – kontrollera det före beslut.'),
    ]);
    expect((await ready('H1', '2025-09-01')).items).toEqual([
      item('H1', 'Solgläntans HVB', null, 'ivo-tillstand', '2025-09-01', 'after-decision', '2025-10-01',
        'IVO-tillståndet kontrollerades 2025-10-01, efter beslutet 2025-09-01.'),
    ]);
  });

  it('invalid: the permit is not valid', async () => {
    const result = await ready('H2', '2026-02-01', { from: '2026-02-03', birthDate: '2007-06-01' });
    expect(result).toEqual({
      ready: false,
      refusals: [],
      warnings: [],
      items: [item('H2', 'Ljungbo stödboende', null, 'ivo-tillstand', '2026-02-01', 'invalid', '2026-01-10', 'IVO-tillståndet är inte giltigt.')],
    });
  });

  it('refuses a child below the age range on the day the stay begins', async () => {
    // Born 2013-06-01: 12 on 2026-02-03.
    const result = await ready('H1', '2026-02-01', { from: '2026-02-03', birthDate: '2013-06-01' });
    expect(result.ready).toBe(false);
    expect(result.items.map((i) => i.status)).toEqual(['ok']);
    expect(result.refusals).toEqual(['Barnet är 12 år när vistelsen börjar 2026-02-03; IVO-tillståndet gäller 13–17 år.']);
  });

  it('refuses a child above the age range', async () => {
    // Born 2008-01-15: 18 on 2026-02-03.
    expect((await ready('H1', '2026-02-01', { from: '2026-02-03', birthDate: '2008-01-15' })).refusals).toEqual([
      'Barnet är 18 år när vistelsen börjar 2026-02-03; IVO-tillståndet gäller 13–17 år.',
    ]);
  });

  it('without a start date, takes the age on the decision date', async () => {
    // Born 2013-02-02: 12 on 2026-02-01 (turns 13 the next day).
    expect((await ready('H1', '2026-02-01', { birthDate: '2013-02-02' })).refusals).toEqual([
      'Barnet är 12 år när vistelsen börjar 2026-02-01; IVO-tillståndet gäller 13–17 år.',
    ]);
  });

  it('refuses a stödboende stay under a permit for HVB only', async () => {
    expect(await ready('H4', '2026-02-01', { from: '2026-02-03', birthDate: '2008-01-15' })).toEqual({
      ready: false,
      items: [item('H4', 'Norrgårdens stödboende', null, 'ivo-tillstand', '2026-02-01', 'ok', '2026-01-20', 'Kontrollerat 2026-01-20, före beslutet.')],
      refusals: ['IVO-tillståndet gäller inte stödboende; det gäller HVB.'],
      warnings: [],
    });
  });

  it('a scope that does not parse is unknown: it refuses nothing', async () => {
    expect(await ready('H5', '2026-02-01', { from: '2026-02-03', birthDate: '2020-01-01' })).toMatchObject({ ready: true, refusals: [] });
  });

  it('an HVB whose huvudman is not given needs a verified permit like an enskild one (rules.md: an unknown operator never skips the check)', async () => {
    expect(await ready('H6', '2026-02-01', { from: '2026-02-03', birthDate: '2012-01-01' })).toEqual({
      ready: false,
      refusals: [],
      warnings: [],
      items: [item('H6', 'Okända HVB', null, 'ivo-tillstand', '2026-02-01', 'missing', null, 'IVO-tillståndet har inte kontrollerats – kontrollera det före beslut.')],
    });
    expect((await db.services.registerChecks.homeChecks('H6', D)).permitRequired).toBe(true);
  });

  it('a kommunal HVB needs no permit check: nothing to judge, nothing refused', async () => {
    expect(await ready('H3', '2026-02-01', { from: '2026-02-03', birthDate: '2020-01-01' })).toEqual({ ready: true, items: [], refusals: [], warnings: [] });
  });
});

/** A row of the list of checks. */
const listRow = (fields: {
  check: string;
  placementId?: string | null;
  childLabel?: string | null;
  homeId: string | null;
  homeName: string;
  person: [string, string] | null;
  register: string;
  date: string;
  status: string;
  checkedOn: string | null;
  explanation: string;
  current?: boolean;
}) => ({
  check: fields.check,
  placementId: fields.placementId ?? null,
  childLabel: fields.childLabel ?? null,
  homeId: fields.homeId,
  homeName: fields.homeName,
  personId: fields.person?.[0] ?? null,
  personName: fields.person?.[1] ?? null,
  register: fields.register,
  date: fields.date,
  status: fields.status,
  checkedOn: fields.checkedOn,
  legalRef: fields.check === 'registerkontroll' ? SOF(fields.date) : fields.check === 'ivo-tillstand' ? SOL_IVO(fields.date) : LOCAL,
  explanation: fields.explanation,
  // Every placement of the register above is active on D, and re-checks always are current.
  current: fields.current ?? true,
});

const F1 = { homeId: 'F1', homeName: 'Familjen Ek' };
const F4 = { homeId: 'F4', homeName: 'Familjen Berg' };
const pl1 = { check: 'registerkontroll', placementId: 'PL1', childLabel: 'Tilda Test', ...F1, date: '2026-02-01' };
const pl3 = { check: 'registerkontroll', placementId: 'PL3', childLabel: 'Vera Väst', ...F4, date: '2026-01-25' };
const recheck = { check: 'registerkontroll-fortlopande' };

/*
 * As of D = 2026-11-22 (due-soon: dueOn ≤ D + 30 days = 2026-12-22).
 * Decision checks: PL1 (2026-02-01) as in the readiness test above; PL2 in H1 decided 2026-04-20,
 *   90 days back is 2026-01-20, newest permit 2026-01-02: too-old; PL3 in F4 decided 2026-01-25:
 *   Eva Berg's checks of 2026-01-20 ok.
 * Re-checks (homes with a child on D: F1 since 2026-02-03, F4 since 2026-01-26), newest + 12 months:
 *   Anna belastning 2025-12-10 → 2026-12-10 due-soon; Anna misstanke 2024-11-01 → 2025-11-01 overdue;
 *   Bo belastning 2026-03-02 → 2027-03-02 upcoming; Bo misstanke never → 2026-02-03 overdue;
 *   Eva both 2026-01-20 → 2027-01-20 upcoming. F3 has no child: no re-checks.
 * Order: the most urgent status first (saknas and försenad, then efter beslut and för gammal, then
 * snart, kommande and OK), each by date, then check, home, adult, register.
 */
const expectedOverview = [
  listRow({ ...recheck, ...F1, person: anna, register: M, date: '2025-11-01', status: 'overdue', checkedOn: '2024-11-01',
    explanation: 'Ny kontroll i misstankeregistret för Anna Ek skulle ha gjorts senast 2025-11-01.' }),
  listRow({ ...pl1, person: bo, register: M, status: 'missing', checkedOn: null, explanation: 'Kontroll i misstankeregistret för Bo Ek saknas – kontrollera före beslut.' }),
  listRow({ ...recheck, ...F1, person: bo, register: M, date: '2026-02-03', status: 'overdue', checkedOn: null,
    explanation: 'Kontroll i misstankeregistret för Bo Ek har aldrig gjorts; barn bor i hemmet sedan 2026-02-03.' }),
  listRow({ ...pl1, person: anna, register: M, status: 'too-old', checkedOn: '2024-11-01',
    explanation: 'Utdraget ur misstankeregistret för Anna Ek är från 2024-11-01, mer än 12 månader före beslutet.' }),
  listRow({ ...pl1, person: bo, register: B, status: 'after-decision', checkedOn: '2026-03-02',
    explanation: 'Kontrollen i belastningsregistret för Bo Ek gjordes 2026-03-02, efter beslutet 2026-02-01.' }),
  // A protected child's stay: where the child lives is withheld like its name (issue 10).
  listRow({ check: 'ivo-tillstand', placementId: 'PL2', childLabel: 'Skyddad identitet (f. 2012)', homeId: null, homeName: 'Skyddat boende', person: null,
    register: 'ivo-tillstand', date: '2026-04-20', status: 'too-old', checkedOn: '2026-01-02', explanation: HIDDEN }),
  listRow({ ...recheck, ...F1, person: anna, register: B, date: '2026-12-10', status: 'due-soon', checkedOn: '2025-12-10',
    explanation: 'Ny kontroll i belastningsregistret för Anna Ek ska göras senast 2026-12-10.' }),
  listRow({ ...recheck, ...F4, person: eva, register: B, date: '2027-01-20', status: 'upcoming', checkedOn: '2026-01-20',
    explanation: 'Ny kontroll i belastningsregistret för Eva Berg ska göras senast 2027-01-20.' }),
  listRow({ ...recheck, ...F4, person: eva, register: M, date: '2027-01-20', status: 'upcoming', checkedOn: '2026-01-20',
    explanation: 'Ny kontroll i misstankeregistret för Eva Berg ska göras senast 2027-01-20.' }),
  listRow({ ...recheck, ...F1, person: bo, register: B, date: '2027-03-02', status: 'upcoming', checkedOn: '2026-03-02',
    explanation: 'Ny kontroll i belastningsregistret för Bo Ek ska göras senast 2027-03-02.' }),
  listRow({ ...pl3, person: eva, register: B, status: 'ok', checkedOn: '2026-01-20', explanation: 'Kontrollerat 2026-01-20, före beslutet.' }),
  listRow({ ...pl3, person: eva, register: M, status: 'ok', checkedOn: '2026-01-20', explanation: 'Kontrollerat 2026-01-20, före beslutet.' }),
  listRow({ ...pl1, person: anna, register: B, status: 'ok', checkedOn: '2025-12-10', explanation: 'Kontrollerat 2025-12-10, före beslutet.' }),
];

describe('the list of checks', () => {
  it('has every decision check and re-check, the most urgent first, then by date, with names and Swedish explanations', async () => {
    const overview = await db.services.checks.overview(D);
    expect(overview.date).toBe(D);
    expect(overview.rows).toEqual(expectedOverview);
  });

  it('counts decision checks that are not ok, and re-checks overdue and due soon', async () => {
    expect((await db.services.checks.overview(D)).counts).toEqual({ problems: 4, overdue: 2, dueSoon: 1 });
  });

  it('counts only the decision checks of placements active on the date, and still lists those of ended ones', async () => {
    // PL1 ends 2026-10-01: its three decision checks that are not ok can no longer be put right.
    await db.services.exchange.importFile({
      format: 'placeringskollen-exchange',
      version: 1,
      placements: [
        {
          id: 'PL1', childId: 'C1', legalBasis: 'SoL', decidedOn: '2026-02-01', startedOn: '2026-02-03', endedOn: '2026-10-01', endReason: 'planerad',
          stays: [{ homeId: 'F1', form: 'familjehem', from: '2026-02-03', to: '2026-10-01' }],
        },
      ],
    });
    const overview = await db.services.checks.overview(D);
    // Left: PL2's permit (too old). F1 has no child any more, so its re-checks are gone as well.
    expect(overview.counts).toEqual({ problems: 1, overdue: 0, dueSoon: 0 });
    expect(overview.rows.filter((r) => r.placementId === 'PL1').map((r) => r.status)).toEqual(['missing', 'too-old', 'after-decision', 'ok']);
    // `current` says which rows the counts see: the ended PL1's are history, the active PL2's and
    // PL3's are not, and a re-check (Eva Berg's, PL3 still lives in F4) always is.
    const current = (rows: typeof overview.rows, placementId: string | null) =>
      rows.filter((r) => r.placementId === placementId).map((r) => [r.check, r.current]);
    expect(current(overview.rows, 'PL1')).toEqual(Array.from({ length: 4 }, () => ['registerkontroll', false]));
    expect(current(overview.rows, 'PL2')).toEqual([['ivo-tillstand', true]]);
    expect(current(overview.rows, 'PL3')).toEqual([['registerkontroll', true], ['registerkontroll', true]]);
    expect(current(overview.rows, null)).toEqual([
      ['registerkontroll-fortlopande', true],
      ['registerkontroll-fortlopande', true],
    ]);
    // As of a day the placement was still active, they count and are current.
    const before = await db.services.checks.overview('2026-09-30');
    expect(before.counts.problems).toBe(4);
    expect(current(before.rows, 'PL1')).toEqual(Array.from({ length: 4 }, () => ['registerkontroll', true]));
  });

  it('a foster stay in a home with nobody to check: one missing row per required register, without a person', async () => {
    await db.services.exchange.importFile({
      format: 'placeringskollen-exchange',
      version: 1,
      children: [{ id: 'C4', name: 'Tage Tom', birthDate: '2016-03-03' }],
      placements: [
        { id: 'PL4', childId: 'C4', legalBasis: 'SoL', decidedOn: '2026-03-01', startedOn: '2026-03-02', stays: [{ homeId: 'F2', form: 'familjehem', from: '2026-03-02' }] },
      ],
    });
    const rows = [
      { ...item('F2', 'Familjen Tom', null, B, '2026-03-01', 'missing', null, NOBODY, 'PL4'), check: 'registerkontroll', legalRef: SOF('2026-01-01') },
      { ...item('F2', 'Familjen Tom', null, M, '2026-03-01', 'missing', null, NOBODY, 'PL4'), check: 'registerkontroll', legalRef: SOF('2026-01-01') },
    ];
    expect(await db.services.checks.forPlacement('PL4', D)).toEqual(rows);
    const overview = await db.services.checks.overview(D);
    expect(overview.rows.filter((r) => r.placementId === 'PL4')).toEqual(
      rows.map(({ decisionOn, ...row }) => ({ ...row, childLabel: 'Tage Tom', date: decisionOn, current: true })),
    );
    expect(overview.counts.problems).toBe(6);
    // The command line's list (checks --json) stays one result per stay × person × register: none here.
    expect((await db.services.checks.list(D)).filter((r) => r.placementId === 'PL4')).toEqual([]);
    // Once an uppdragstagare is registered, she is judged instead.
    await db.services.exchange.importFile({
      format: 'placeringskollen-exchange',
      version: 1,
      persons: [{ id: 'P7', homeId: 'F2', name: 'Hans Tom', role: 'uppdragstagare' }],
    });
    expect((await db.services.checks.forPlacement('PL4', D)).map((r) => [r.personName, r.register, r.status])).toEqual([
      ['Hans Tom', B, 'missing'],
      ['Hans Tom', M, 'missing'],
    ]);
  });

  it('masks a protected child and never names it', async () => {
    const overview = await db.services.checks.overview(D);
    expect(overview.rows.filter((r) => r.placementId === 'PL2').map((r) => r.childLabel)).toEqual(['Skyddad identitet (f. 2012)']);
    expect(JSON.stringify(overview)).not.toContain('Hemlig');
    expect(JSON.stringify(overview)).not.toContain('Testsson');
  });

  it('answers again after a write: a check recorded renews the re-check and clears the problem', async () => {
    expect((await db.services.checks.overview(D)).counts).toEqual({ problems: 4, overdue: 2, dueSoon: 1 });
    // Bo Ek's misstankeregistret, checked 2026-11-01: after PL1's decision (2026-02-01), and due again 2027-11-01.
    await db.connection.db
      .insertInto('registerChecks')
      .values({ id: 'R9', personId: 'P2', homeId: null, register: M, checkedOn: '2026-11-01', outcome: 'utan-anmarkning', reference: null, permit: null, recordedBy: 'Handläggare A', recordedAt: null })
      .execute();
    const after = await db.services.checks.overview(D);
    expect(after.counts).toEqual({ problems: 4, overdue: 1, dueSoon: 1 });
    expect(after.rows.find((r) => r.placementId === 'PL1' && r.personId === 'P2' && r.register === M)).toMatchObject({
      status: 'after-decision',
      checkedOn: '2026-11-01',
    });
    expect(after.rows.find((r) => r.check === 'registerkontroll-fortlopande' && r.personId === 'P2' && r.register === M)).toMatchObject({
      date: '2027-11-01',
      status: 'upcoming',
    });
  });

  it('follows the catalogue in the settings: maximum age and re-check interval per register', async () => {
    const before = await db.services.settings.get();
    const catalogue = before.catalogue.map((entry) =>
      entry.register === M ? { ...entry, maxAgeMonths: 24 } : entry.register === B ? { ...entry, recheckMonths: 6 } : entry,
    );
    await db.services.settings.save({ parameters: {}, references: before.references, catalogue, version: before.version, changedBy: 'Enhetschef E', reason: 'Test av reglerna.' });
    const overview = await db.services.checks.overview(D);
    // 24 months before 2026-02-01 is 2024-02-01: Anna's misstankeregistret of 2024-11-01 is ok now.
    expect(overview.rows.find((r) => r.placementId === 'PL1' && r.personId === 'P1' && r.register === M)).toMatchObject({ status: 'ok' });
    // Belastningsregistret every 6 months: Anna 2025-12-10 → 2026-06-10 (overdue), Eva 2026-01-20 → 2026-07-20 (overdue).
    const rechecks = overview.rows.filter((r) => r.check === 'registerkontroll-fortlopande' && r.register === B);
    expect(rechecks.map((r) => [r.personId, r.date, r.status])).toEqual([
      ['P1', '2026-06-10', 'overdue'],
      ['P5', '2026-07-20', 'overdue'],
      ['P2', '2026-09-02', 'overdue'],
    ]);
    // The command line's list uses the same catalogue.
    const list = await db.services.checks.list(D);
    expect(list.find((r) => r.check === 'registerkontroll' && r.placementId === 'PL1' && r.personId === 'P1' && r.register === M)?.status).toBe('ok');
    // And the sentence says the municipality's number (24 months before 2027-01-01 is 2025-01-01).
    const older = await ready('F1', '2027-01-01');
    expect(older.items.find((i) => i.personId === 'P1' && i.register === M)?.explanation).toBe(
      'Utdraget ur misstankeregistret för Anna Ek är från 2024-11-01, mer än 24 månader före beslutet.',
    );
  });
});

describe("a placement's checks", () => {
  it('forPlacement: only that placement’s decision checks, with names and explanations', async () => {
    expect(await db.services.checks.forPlacement('PL1', D)).toEqual([
      item('F1', 'Familjen Ek', anna, B, '2026-02-01', 'ok', '2025-12-10', 'Kontrollerat 2025-12-10, före beslutet.', 'PL1'),
      item('F1', 'Familjen Ek', anna, M, '2026-02-01', 'too-old', '2024-11-01',
        'Utdraget ur misstankeregistret för Anna Ek är från 2024-11-01, mer än 12 månader före beslutet.', 'PL1'),
      item('F1', 'Familjen Ek', bo, B, '2026-02-01', 'after-decision', '2026-03-02',
        'Kontrollen i belastningsregistret för Bo Ek gjordes 2026-03-02, efter beslutet 2026-02-01.', 'PL1'),
      item('F1', 'Familjen Ek', bo, M, '2026-02-01', 'missing', null, 'Kontroll i misstankeregistret för Bo Ek saknas – kontrollera före beslut.', 'PL1'),
    ]);
    // A protected child's: the home withheld until revealed on its page.
    expect(await db.services.checks.forPlacement('PL2', D)).toEqual([
      { ...item('H1', 'Solgläntans HVB', null, 'ivo-tillstand', '2026-04-20', 'too-old', '2026-01-02', HIDDEN, 'PL2'), homeId: null, homeName: 'Skyddat boende' },
    ]);
    expect(await db.services.checks.forPlacement('PL2', D, true)).toEqual([
      item('H1', 'Solgläntans HVB', null, 'ivo-tillstand', '2026-04-20', 'too-old', '2026-01-02',
        'IVO-tillståndet kontrollerades 2026-01-02, mer än 90 dagar före beslutet.', 'PL2'),
    ]);
    // As of a date before the stay began, there is nothing to judge yet.
    expect(await db.services.checks.forPlacement('PL2', '2026-04-20')).toEqual([]);
  });

  it('the placement page carries them, stays in date order after an omplacering', async () => {
    // PL3 moves from F4 to F1 on 2026-06-01 with its own decision 2026-05-25 (12 months back: 2025-05-25).
    await db.services.placements.move({ id: 'PL3', on: '2026-06-01', homeId: 'F1', decidedOn: '2026-05-25', investigationCompletedOn: null });
    const detail = await db.services.placementViews.detail({ id: 'PL3', date: D, reveal: false });
    expect(detail.checks.map((c) => [c.homeId, c.decisionOn, c.personName, c.register, c.status])).toEqual([
      ['F4', '2026-01-25', 'Eva Berg', B, 'ok'],
      ['F4', '2026-01-25', 'Eva Berg', M, 'ok'],
      ['F1', '2026-05-25', 'Anna Ek', B, 'ok'],
      ['F1', '2026-05-25', 'Anna Ek', M, 'too-old'],
      // 2026-03-02 is before this decision now, and within 12 months.
      ['F1', '2026-05-25', 'Bo Ek', B, 'ok'],
      ['F1', '2026-05-25', 'Bo Ek', M, 'missing'],
    ]);
    expect(detail.checks.every((c) => c.placementId === 'PL3')).toBe(true);
  });
});

describe('Redo för beslut? (the home’s places, and more than three children in a foster home)', () => {
  /** A foster home with `capacity` places and `children` placed there from 2026-01-01 (C9x), imported beside the register above. */
  async function fosterHomeWith(capacity: number | null, children: number) {
    const ids = Array.from({ length: children }, (_, i) => i + 1);
    await db.services.exchange.importFile({
      format: 'placeringskollen-exchange',
      version: 1,
      homes: [{ id: 'F9', kind: 'familjehem', name: 'Familjen Full', capacity }],
      persons: [{ id: 'P9', homeId: 'F9', name: 'Olle Full', role: 'uppdragstagare' }],
      registerChecks: [B, M].map((register, i) => ({ id: `R9${i}`, personId: 'P9', register, checkedOn: '2026-10-01', outcome: 'utan-anmarkning' })),
      children: ids.map((i) => ({ id: `C9${i}`, name: `Barn ${i}`, birthDate: '2014-05-05' })),
      placements: ids.map((i) => ({
        id: `PL9${i}`, childId: `C9${i}`, legalBasis: 'SoL', decidedOn: '2025-12-20', startedOn: '2026-01-01',
        stays: [{ homeId: 'F9', form: 'familjehem', from: '2026-01-01' }],
      })),
    });
  }
  const decide = (childId: string | null = null) =>
    db.services.checks.readiness({ homeId: 'F9', decisionOn: '2026-11-20', from: '2026-11-22', childId, birthDate: childId ? null : '2015-01-01', date: D });

  it('a third child in a home with 2 places is a warning with the numbers; the checks alone are green', async () => {
    await fosterHomeWith(2, 2);
    const answer = await decide();
    expect(answer.ready).toBe(true);
    expect(answer.warnings).toEqual(['Hemmet har 2 platser och 2 placerade barn 2026-11-22: med det här barnet blir det 3 barn på 2 platser.']);
  });

  it('a fourth child in a foster home names the report to IVO (fler-an-tre-barn, SoF 16 kap. 2 §)', async () => {
    await fosterHomeWith(null, 3);
    expect((await decide()).warnings).toEqual([
      'Med det här barnet bor 4 placerade barn i hemmet 2026-11-22, fler än 3: beslutet ska anmälas till IVO (SoF 16 kap. 2 §).',
    ]);
  });

  it('a child already in the home does not count against itself (a new decision for the same child)', async () => {
    await fosterHomeWith(2, 2);
    expect((await decide('C91')).warnings).toEqual([]);
  });
});
