/**
 * The bevakningslista carries the re-checks of foster-home adults (`registerkontroll-fortlopande`)
 * beside the deadlines: rows and order, counted by Kontroller and not here, not on a placement's
 * page, and a cache that answers again after a write. Expected values worked out by hand from
 * /work/shared/domain/rules.md. Fictional homes, adults and a young adult placed under SoL.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { useServiceDatabase } from './harness';

const db = useServiceDatabase('pk-deadlines-rechecks-');

const D = '2026-11-22';

/*
 * F1 Familjen Ek: Anna Ek (P1), Bo Ek (P2) uppdragstagare; Cilla Ek (P3) annan-vuxen (never re-checked).
 *   Anna: belastning 2025-12-10, misstanke 2024-11-01. Bo: belastning 2026-03-02, misstanke never.
 * F2 Familjen Tom: Gun Tom uppdragstagare, checked 2024-01-01, but no child lives there: no re-check.
 * PL1: Ung Vuxen (C1, b. 2007-03-01, 19 on D: no övervägande, barnsamtal or vårdnadsöverflyttning;
 *   hälsoundersökning asked for 2026-02-10) in F1 under SoL from 2026-02-03 (decided 2026-02-01);
 *   vårdplan 2026-02-03; no genomförandeplan: 2026-02-03 + 30 days = 2026-03-05, overdue.
 * Re-checks (F1 has a child since 2026-02-03), newest check + 12 months; due-soon until D + 30 = 2026-12-22:
 *   Anna misstanke 2025-11-01 overdue; Bo misstanke never → 2026-02-03 overdue;
 *   Anna belastning 2026-12-10 due-soon; Bo belastning 2027-03-02 upcoming.
 */
beforeEach(async () => {
  await db.services.exchange.importFile({
    format: 'placeringskollen-exchange',
    version: 1,
    homes: [
      { id: 'F1', kind: 'familjehem', name: 'Familjen Ek' },
      { id: 'F2', kind: 'familjehem', name: 'Familjen Tom' },
    ],
    persons: [
      { id: 'P1', homeId: 'F1', name: 'Anna Ek', role: 'uppdragstagare' },
      { id: 'P2', homeId: 'F1', name: 'Bo Ek', role: 'uppdragstagare' },
      { id: 'P3', homeId: 'F1', name: 'Cilla Ek', role: 'annan-vuxen' },
      { id: 'P6', homeId: 'F2', name: 'Gun Tom', role: 'uppdragstagare' },
    ],
    registerChecks: [
      { id: 'R1', personId: 'P1', register: 'belastningsregistret', checkedOn: '2025-12-10', outcome: 'utan-anmarkning' },
      { id: 'R2', personId: 'P1', register: 'misstankeregistret', checkedOn: '2024-11-01', outcome: 'utan-anmarkning' },
      { id: 'R3', personId: 'P2', register: 'belastningsregistret', checkedOn: '2026-03-02', outcome: 'utan-anmarkning' },
      { id: 'R6', personId: 'P6', register: 'belastningsregistret', checkedOn: '2024-01-01', outcome: 'utan-anmarkning' },
    ],
    children: [{ id: 'C1', name: 'Ung Vuxen', birthDate: '2007-03-01' }],
    placements: [
      {
        id: 'PL1',
        childId: 'C1',
        legalBasis: 'SoL',
        decidedOn: '2026-02-01',
        startedOn: '2026-02-03',
        caseworker: 'Handläggare A',
        stays: [{ homeId: 'F1', form: 'familjehem', from: '2026-02-03' }],
      },
    ],
    events: [
      { id: 'E1', placementId: 'PL1', type: 'vardplan', date: '2026-02-03' },
      { id: 'E2', placementId: 'PL1', type: 'halsoundersokning-begard', date: '2026-02-10' },
    ],
  });
});

const recheck = (
  person: [string, string],
  register: string,
  dueOn: string,
  basisOn: string,
  basisLabel: string,
  status: string,
  explanation: string,
) => ({
  rule: 'registerkontroll-fortlopande',
  placementId: null,
  homeId: 'F1',
  homeName: 'Familjen Ek',
  dueOn,
  basisOn,
  basisLabel,
  status,
  legalRef: 'Lokal rutin (fortlöpande registerkontroller)',
  title: 'Fortlöpande registerkontroll',
  explanation,
  satisfiedBy: null,
  personId: person[0],
  personName: person[1],
  register,
  specialReasonsOn: null,
  childId: null,
  childLabel: null,
    deviationId: null,
    auditRoundId: null,
  // The handläggare of the child living in the home (Ung Vuxen's); the placement has no enhet.
  caseworker: 'Handläggare A',
  caseworkers: ['Handläggare A'],
  unit: null,
  units: [],
});
const anna: [string, string] = ['P1', 'Anna Ek'];
const bo: [string, string] = ['P2', 'Bo Ek'];

const genomforandeplan = {
  rule: 'genomforandeplan',
  placementId: 'PL1',
  homeId: 'F1',
  homeName: 'Familjen Ek',
  dueOn: '2026-03-05',
  basisOn: '2026-02-03',
  status: 'overdue',
  legalRef: 'SoL 9 kap. 12 §; SoF 10 kap. 3 §', // due 2026-03-05: the new SoL and SoF
  satisfiedBy: 'genomforandeplan',
  personId: null,
  personName: null,
  register: null,
  childId: 'C1',
  childLabel: 'Ung Vuxen',
  caseworker: 'Handläggare A',
  caseworkers: ['Handläggare A'],
  units: [],
};

describe('the bevakningslista with re-checks', () => {
  it('has the re-checks of the adults of homes with a child, beside the deadlines, by due date', async () => {
    const overview = await db.services.deadlines.overview(D);
    expect(overview.rows).toHaveLength(5);
    expect(overview.rows[0]).toEqual(
      recheck(anna, 'misstankeregistret', '2025-11-01', '2024-11-01', 'senast kontrollerad', 'overdue',
        'Ny kontroll i misstankeregistret för Anna Ek skulle ha gjorts senast 2025-11-01.'),
    );
    expect(overview.rows[1]).toEqual(
      recheck(bo, 'misstankeregistret', '2026-02-03', '2026-02-03', 'barn i hemmet sedan', 'overdue',
        'Kontroll i misstankeregistret för Bo Ek har aldrig gjorts; barn bor i hemmet sedan 2026-02-03.'),
    );
    expect(overview.rows[2]).toMatchObject(genomforandeplan);
    expect(overview.rows[3]).toEqual(
      recheck(anna, 'belastningsregistret', '2026-12-10', '2025-12-10', 'senast kontrollerad', 'due-soon',
        'Ny kontroll i belastningsregistret för Anna Ek ska göras senast 2026-12-10.'),
    );
    expect(overview.rows[4]).toEqual(
      recheck(bo, 'belastningsregistret', '2027-03-02', '2026-03-02', 'senast kontrollerad', 'upcoming',
        'Ny kontroll i belastningsregistret för Bo Ek ska göras senast 2027-03-02.'),
    );
  });

  it('counts only the deadlines, in the list and in the navigation: a re-check is counted once, by Kontroller', async () => {
    // The genomförandeplan alone; the re-checks are listed (above) but not counted here.
    const expected = { overdue: 1, dueSoon: 0, upcoming: 0 };
    expect((await db.services.deadlines.overview(D)).counts).toEqual(expected);
    expect(await db.services.deadlines.counts(D)).toEqual(expected);
    // Kontroller counts them: Anna's and Bo's misstankeregistret overdue, Anna's belastningsregistret due soon.
    expect((await db.services.checks.overview(D)).counts).toMatchObject({ overdue: 2, dueSoon: 1 });
  });

  it("a placement's page has its own deadlines only, and the list of placements counts only those", async () => {
    const own = await db.services.deadlines.overview(D, 'PL1');
    expect(own.rows).toHaveLength(1);
    expect(own.rows[0]).toMatchObject(genomforandeplan);
    expect(own.counts).toEqual({ overdue: 1, dueSoon: 0, upcoming: 0 });
    const detail = await db.services.placementViews.detail({ id: 'PL1', date: D, reveal: false });
    expect(detail.deadlines.map((d) => d.rule)).toEqual(['genomforandeplan']);
    const [row] = await db.services.placementViews.list({ date: D, activeOnly: true });
    expect(row).toMatchObject({ id: 'PL1', overdueCount: 1 });
  });

  it("gives a re-check the handläggare of the children living in the home, so a handläggare's list finds it", async () => {
    const place = (name: string, caseworker: string, unit: string, extra: { protectedIdentity?: boolean; endedOn?: string } = {}) =>
      db.services.placements.savePlacement({
        newChild: { name, birthDate: '2014-05-06', personnummer: null, protectedIdentity: extra.protectedIdentity ?? false },
        legalBasis: 'SoL',
        decidedOn: '2026-06-01',
        startedOn: '2026-06-01',
        endedOn: extra.endedOn ?? null,
        endReason: extra.endedOn ? 'hemflytt' : null,
        caseworker,
        unit,
        stays: [{ homeId: 'F1', from: '2026-06-01', to: extra.endedOn ?? null, decidedOn: null, investigationCompletedOn: null }],
      });
    // Another child in Familjen Ek, with another handläggare and an enhet.
    await place('Ada Ek-Barn', 'Handläggare B', 'Enhet Syd');
    // A child that has moved home: its handläggare no longer belongs to the home's re-checks.
    await place('Edvin Flyttad', 'Handläggare D', 'Enhet Öst', { endedOn: '2026-09-01' });
    // A protected child: its handläggare would tell where it lives, so it is left out.
    await place('Hemlig Barnsdotter', 'Handläggare C', 'Enhet Väst', { protectedIdentity: true });

    const rows = (await db.services.deadlines.overview(D)).rows.filter((r) => r.rule === 'registerkontroll-fortlopande');
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(row).toMatchObject({
        caseworker: 'Handläggare A, Handläggare B',
        caseworkers: ['Handläggare A', 'Handläggare B'],
        unit: 'Enhet Syd',
        units: ['Enhet Syd'],
      });
    }
    // A placement's own deadline keeps its own handläggare.
    const own = (await db.services.deadlines.overview(D)).rows.find((r) => r.rule === 'genomforandeplan' && r.placementId === 'PL1');
    expect(own).toMatchObject({ caseworker: 'Handläggare A', caseworkers: ['Handläggare A'], unit: null, units: [] });
  });

  it('has no re-checks once no child lives in the home', async () => {
    await db.services.placements.end({ id: 'PL1', on: '2026-11-01', reason: 'planerad' });
    const overview = await db.services.deadlines.overview(D);
    expect(overview.rows.filter((r) => r.rule === 'registerkontroll-fortlopande')).toEqual([]);
  });

  it('answers again after a write: a check renews the re-check, an event satisfies the deadline', async () => {
    expect(await db.services.deadlines.counts(D)).toEqual({ overdue: 1, dueSoon: 0, upcoming: 0 });
    expect((await db.services.checks.overview(D)).counts).toMatchObject({ overdue: 2, dueSoon: 1 });
    // Bo Ek's misstankeregistret checked 2026-11-10: due again 2027-11-10.
    await db.connection.db
      .insertInto('registerChecks')
      .values({
        id: 'R9',
        personId: 'P2',
        homeId: null,
        register: 'misstankeregistret',
        checkedOn: '2026-11-10',
        outcome: 'utan-anmarkning',
        reference: null,
        permit: null,
        recordedBy: 'Handläggare A',
        recordedAt: null,
      })
      .execute();
    expect((await db.services.checks.overview(D)).counts).toMatchObject({ overdue: 1, dueSoon: 1 });
    expect(await db.services.deadlines.counts(D)).toEqual({ overdue: 1, dueSoon: 0, upcoming: 0 });
    const bosMisstanke = (await db.services.deadlines.overview(D)).rows.find((r) => r.personId === 'P2' && r.register === 'misstankeregistret');
    expect(bosMisstanke).toMatchObject({ dueOn: '2027-11-10', basisOn: '2026-11-10', basisLabel: 'senast kontrollerad', status: 'upcoming' });

    await db.services.placements.recordEvent({ placementId: 'PL1', type: 'genomforandeplan', date: '2026-11-20', comment: null, verdict: null });
    expect(await db.services.deadlines.counts(D)).toEqual({ overdue: 0, dueSoon: 0, upcoming: 0 });
  });
});
