/**
 * The demo register's checks (issue 4): on the day it is loaded, most decision checks are ok and
 * every status worth showing is there once or more; permits have a scope, inspections a verdict;
 * the picture is the same whatever day it is loaded; and removing the demo takes its history along.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/connection';
import { permitCoverageProblems } from '../../../main/domain/checks';
import { addDays, addMonths } from '../../../main/domain/dates';
import { createServices, type Services } from '../../../main/services';
import { demoExchangeFile } from '../../../main/services/demo';
import { useServiceDatabase } from './harness';
import { testClock } from '../../clock';

const TODAY = '2026-11-22';

const db = useServiceDatabase();

const sql = (query: string) => db.connection.raw.prepare(query);

/** What a user sees of each check (not the dates, which move with the day the demo is loaded). */
async function picture(s: Services, today: string): Promise<string[]> {
  return (await s.checks.list(today)).map((r) => `${r.check} ${r.placementId ?? r.homeId} ${r.personId ?? '-'} ${r.register} ${r.status}`).sort();
}

describe('the demo’s register checks on the day it is loaded', () => {
  it('every uppdragstagare-check status of rules.md is there, and most decision checks are ok', async () => {
    await db.services.demo.load(TODAY);
    const results = await db.services.checks.list(TODAY);
    const decisions = results.filter((r) => r.check === 'registerkontroll');
    const statuses = (list: typeof results) => list.map((r) => r.status);

    expect(decisions.filter((r) => r.status === 'ok').length).toBeGreaterThan(decisions.length / 2);
    const find = (check: string, placementId: string | null, personId: string | null, register: string) =>
      results.find((r) => r.check === check && r.placementId === placementId && r.personId === personId && r.register === register)?.status;
    // A check made after the decision (Familjen Exempelhed).
    expect(find('registerkontroll', 'EXEMPEL-PL01', 'EXEMPEL-P11', 'misstankeregistret')).toBe('after-decision');
    // A check too old at the decision (Mormor Exempelgrens nätverkshem).
    expect(find('registerkontroll', 'EXEMPEL-PL10', 'EXEMPEL-P06', 'belastningsregistret')).toBe('too-old');
    // A remark (Älvängens jourhem), at both stays there.
    expect(find('registerkontroll', 'EXEMPEL-PL04', 'EXEMPEL-P02', 'belastningsregistret')).toBe('remark');
    expect(find('registerkontroll', 'EXEMPEL-PL05', 'EXEMPEL-P02', 'belastningsregistret')).toBe('remark');
    // An adult never checked in misstankeregistret (Ödmårdens jourhem).
    expect(find('registerkontroll', 'EXEMPEL-PL03', 'EXEMPEL-P10', 'misstankeregistret')).toBe('missing');
    // Everything in order in Familjen Provström-Exempel, at all three decisions.
    expect(statuses(decisions.filter((r) => r.homeId === 'EXEMPEL-H09'))).toEqual(Array(6).fill('ok'));

    // Re-checks: one overdue, some due within 30 days, the rest further ahead.
    const rechecks = results.filter((r) => r.check === 'registerkontroll-fortlopande');
    expect(find('registerkontroll-fortlopande', null, 'EXEMPEL-P06', 'belastningsregistret')).toBe('overdue');
    expect(find('registerkontroll-fortlopande', null, 'EXEMPEL-P06', 'misstankeregistret')).toBe('due-soon');
    expect(find('registerkontroll-fortlopande', null, 'EXEMPEL-P11', 'belastningsregistret')).toBe('due-soon');
    expect(rechecks.filter((r) => r.status === 'upcoming').length).toBeGreaterThan(rechecks.length / 2);

    // IVO permits: ok at each decision in Östergården, too old at the decision in Björkhagen.
    const permits = results.filter((r) => r.check === 'ivo-tillstand');
    expect(permits.map((r) => `${r.placementId} ${r.status}`).sort()).toEqual([
      'EXEMPEL-PL03 too-old',
      'EXEMPEL-PL08 ok',
      'EXEMPEL-PL12 ok',
      'EXEMPEL-PL13 ok',
    ]);
  });

  it('every check says who recorded it and when, nothing is dated after today, and the permits have their scope', async () => {
    await db.services.demo.load(TODAY);
    const checks = sql('SELECT * FROM register_checks ORDER BY id').all() as {
      id: string; checked_on: string; recorded_by: string | null; recorded_at: string | null; register: string; permit: string | null; home_id: string | null;
    }[];
    expect(checks.length).toBeGreaterThanOrEqual(20);
    for (const check of checks) {
      expect(check.id.startsWith('EXEMPEL-')).toBe(true);
      expect(check.recorded_by, check.id).toMatch(/^Handläggare Exempel [ABC]$/);
      expect(check.recorded_at! <= `${TODAY}T`, check.id).toBe(true);
      expect(check.checked_on <= TODAY, check.id).toBe(true);
    }
    const permits = checks.filter((c) => c.register === 'ivo-tillstand');
    // The enskilda HVB and stödboende, each with a scope.
    expect([...new Set(permits.map((p) => p.home_id))].sort()).toEqual(['EXEMPEL-H01', 'EXEMPEL-H07', 'EXEMPEL-H11']);
    expect(permits.every((p) => p.permit !== null)).toBe(true);

    // Björkhagen's permit covers 12–15 years: an older teenager cannot be placed there; Östergården's can take her.
    const bjorkhagen = (await db.services.registerChecks.homeChecks('EXEMPEL-H07', TODAY)).permits[0]!.permit;
    const sixteen = addMonths(TODAY, -16 * 12 - 3);
    expect(permitCoverageProblems(bjorkhagen, 'hvb', TODAY, sixteen)).toEqual([`Barnet är 16 år när vistelsen börjar ${TODAY}; IVO-tillståndet gäller 12–15 år.`]);
    const ostergarden = (await db.services.registerChecks.homeChecks('EXEMPEL-H01', TODAY)).permits[0]!.permit;
    expect(permitCoverageProblems(ostergarden, 'hvb', TODAY, sixteen)).toEqual([]);
    // The inactive stödboende's latest verification found the permit not valid.
    expect((await db.services.registerChecks.homeChecks('EXEMPEL-H11', TODAY)).permits[0]).toMatchObject({ outcome: 'ogiltigt' });
  });

  it('the IVO inspections have verdicts, one of them kritik', async () => {
    await db.services.demo.load(TODAY);
    expect(sql("SELECT home_id, verdict FROM events WHERE type = 'ivo-tillsyn' ORDER BY home_id").all()).toEqual([
      { home_id: 'EXEMPEL-H01', verdict: 'utan-anmarkning' },
      { home_id: 'EXEMPEL-H07', verdict: 'kritik' },
    ]);
    expect((await db.services.registerChecks.homeChecks('EXEMPEL-H07', TODAY)).inspections).toEqual([
      expect.objectContaining({ type: 'ivo-tillsyn', verdict: 'kritik' }),
    ]);
  });

  it('the home panels: adults of a foster home without placements, and a corrected check with its history', async () => {
    await db.services.demo.load(TODAY);
    const exempelsson = await db.services.registerChecks.homeChecks('EXEMPEL-H04', TODAY);
    expect(exempelsson.persons.map((p) => p.name)).toEqual(['Anna Exempelsson', 'Bertil Exempelsson']);
    for (const person of exempelsson.persons) {
      expect(person.registers.filter((r) => r.required).map((r) => [r.register, r.newestOutcome, r.dueOn])).toEqual([
        ['belastningsregistret', 'utan-anmarkning', null],
        ['misstankeregistret', 'utan-anmarkning', null],
      ]);
    }

    const alvangen = await db.services.registerChecks.homeChecks('EXEMPEL-H03', TODAY);
    const jonas = alvangen.persons.find((p) => p.personId === 'EXEMPEL-P02')!;
    const corrected = jonas.checks.find((c) => c.register === 'belastningsregistret')!;
    expect(corrected).toMatchObject({ outcome: 'med-anmarkning', revisions: 1 });
    expect(alvangen.history).toEqual([
      expect.objectContaining({ checkId: corrected.id, revision: 1, outcome: 'utan-anmarkning', action: 'rattad', changedBy: corrected.recordedBy }),
    ]);
    expect(alvangen.history[0]!.changedAt).toBe(corrected.recordedAt);
  });

  it('shows the same picture whatever day it is loaded (month ends, leap days)', async () => {
    await db.services.demo.load(TODAY);
    const reference = await picture(db.services, TODAY);
    expect(reference.length).toBeGreaterThanOrEqual(30);
    for (const today of ['2025-03-31', '2024-02-29', '2027-01-31', '2026-08-30', '2025-12-31']) {
      const other = await openDatabase(':memory:');
      try {
        const otherServices = createServices(other.db, { clock: testClock() });
        await otherServices.demo.load(today);
        expect(await picture(otherServices, today), today).toEqual(reference);
      } finally {
        await other.close();
      }
    }
  });

  it('is a valid exchange file with register checks, permits and verdicts on every day of a year', () => {
    for (let today = '2026-01-01'; today < '2027-01-01'; today = addDays(today, 7)) {
      const file = demoExchangeFile(today);
      expect(file.registerChecks?.length).toBeGreaterThanOrEqual(20);
      expect(file.events?.filter((e) => e.verdict !== undefined)).toHaveLength(2);
    }
  });
});

describe('removing the demo', () => {
  it('removes the history of demo checks, and of checks a user recorded on demo people and then removed', async () => {
    await db.services.demo.load(TODAY);
    await db.services.exchange.importFile({
      format: 'placeringskollen-exchange',
      version: 1,
      homes: [{ id: 'F-real', kind: 'familjehem', name: 'Familjen Ek' }],
      persons: [{ id: 'P-real', homeId: 'F-real', name: 'Anna Ek', role: 'uppdragstagare' }],
    });
    db.clock.set('2026-11-22T09:00:00.000Z');
    const real = await db.services.registerChecks.record(
      { personId: 'P-real', register: 'belastningsregistret', checkedOn: '2026-11-01', outcome: 'utan-anmarkning', reference: null, permit: null, recordedBy: 'Handläggare A' },
    );
    db.clock.set('2026-11-22T09:10:00.000Z');
    await db.services.registerChecks.correct(
      { ...real, personId: 'P-real', homeId: undefined, reference: 'Dnr 1', id: real.id, reason: 'Dnr saknades.', recordedBy: 'Handläggare A' },
    );
    // Trying the demo: a check recorded on a demo person, then removed again; a demo check corrected.
    db.clock.set('2026-11-22T09:20:00.000Z');
    const tried = await db.services.registerChecks.record(
      { personId: 'EXEMPEL-P03', register: 'kronofogden', checkedOn: '2026-11-20', outcome: 'utan-anmarkning', reference: null, permit: null, recordedBy: 'Handläggare A' },
    );
    db.clock.set('2026-11-22T09:30:00.000Z');
    await db.services.registerChecks.remove({ id: tried.id, reason: 'Bara ett test.', removedBy: 'Handläggare A', rowVersion: tried.rowVersion });
    const demoCheck = (await db.services.registerChecks.homeChecks('EXEMPEL-H06', TODAY)).persons[0]!.checks[0]!;
    db.clock.set('2026-11-22T09:40:00.000Z');
    await db.services.registerChecks.correct(
      { ...demoCheck, personId: demoCheck.personId!, homeId: undefined, reference: 'Dnr rättat', reason: 'Test.', recordedBy: 'Handläggare A' },
    );
    expect(sql('SELECT count(*) FROM register_check_history').pluck().get()).toBe(4);

    const loaded = sql("SELECT count(*) FROM homes WHERE id LIKE 'EXEMPEL-%'").pluck().get();
    expect((await db.services.demo.remove()).homes).toBe(loaded);
    expect(sql('SELECT check_id FROM register_check_history').pluck().all()).toEqual([real.id]);
    expect(sql('SELECT id FROM register_checks').pluck().all()).toEqual([real.id]);
  });

  it('is refused while a user’s check of a demo person is still there, and removes nothing', async () => {
    await db.services.demo.load(TODAY);
    db.clock.set('2026-11-22T09:20:00.000Z');
    await db.services.registerChecks.record(
      { personId: 'EXEMPEL-P03', register: 'kronofogden', checkedOn: '2026-11-20', outcome: 'utan-anmarkning', reference: null, permit: null, recordedBy: 'Handläggare A' },
    );
    const history = sql('SELECT count(*) FROM register_check_history').pluck().get();
    await expect(db.services.demo.remove()).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('1 registerkontroll gäller exempelhem eller personer i dem') });
    expect(sql('SELECT count(*) FROM register_check_history').pluck().get()).toBe(history);
    expect(await db.services.demo.present()).toBe(true);
  });
});
