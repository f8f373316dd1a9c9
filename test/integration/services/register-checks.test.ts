/**
 * Register checks as the home panel records them (issue 4): recorded with who and when,
 * corrected and removed with the earlier version kept (who, when, why) in one transaction,
 * refused with a Swedish message at the field, and judged by the check engine in the panel.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { failure, useServiceDatabase } from './harness';
import type { CorrectRegisterCheckInput, RegisterCheckInput, RemoveRegisterCheckInput } from '../../../preload/api/checks';

const TODAY = '2026-11-22';
const NOW = '2026-11-22T10:15:00.000Z';
const LATER = '2026-11-22T14:40:00.000Z';

const db = useServiceDatabase('pk-register-checks-');
/** The panel's calls at the instants the assertions name: a check recorded at NOW, corrected or removed LATER unless told. */
const checks = {
  record: (input: RegisterCheckInput) => {
    db.clock.set(NOW);
    return db.services.registerChecks.record(input);
  },
  correct: (input: CorrectRegisterCheckInput, at = LATER) => {
    db.clock.set(at);
    return db.services.registerChecks.correct(input);
  },
  remove: (input: RemoveRegisterCheckInput, at = LATER) => {
    db.clock.set(at);
    return db.services.registerChecks.remove(input);
  },
};
beforeEach(async () => {
  await db.services.exchange.importFile({
    format: 'placeringskollen-exchange',
    version: 1,
    homes: [
      { id: 'F1', kind: 'familjehem', name: 'Familjen Ek' },
      { id: 'F2', kind: 'jourhem', name: 'Jourhemmet Lind' },
      { id: 'H1', kind: 'hvb', name: 'Solgläntans HVB', operator: 'enskild', orgNr: '556677-8899' },
      { id: 'S1', kind: 'stodboende', name: 'Björkens stödboende', operator: 'kommunal' },
      { id: 'X1', kind: 'sis', name: 'Statens exempelhem', operator: 'statlig' },
    ],
    persons: [
      { id: 'P1', homeId: 'F1', name: 'Anna Ek', role: 'uppdragstagare', birthYear: 1980 },
      { id: 'P2', homeId: 'F1', name: 'Bo Ek', role: 'annan-vuxen' },
      { id: 'P3', homeId: 'F1', name: 'Cia Ek', role: 'barn-i-hemmet', birthYear: 2012 },
      { id: 'P4', homeId: 'F2', name: 'Dan Lind', role: 'uppdragstagare' },
    ],
    children: [{ id: 'C1', name: 'Tolvan T.', birthDate: '2012-12-12' }],
    // A child in Familjen Ek since 2025-02-03: its adults are re-checked.
    placements: [
      {
        id: 'PL1', childId: 'C1', legalBasis: 'SoL', decidedOn: '2025-02-01', startedOn: '2025-02-03',
        stays: [{ homeId: 'F1', form: 'familjehem', from: '2025-02-03' }],
      },
    ],
  });
});

const personCheck = (fields: Partial<RegisterCheckInput> = {}): RegisterCheckInput => ({
  personId: 'P1',
  register: 'belastningsregistret',
  checkedOn: '2026-01-10',
  outcome: 'utan-anmarkning',
  reference: 'Dnr 2026/12',
  permit: null,
  recordedBy: 'Handläggare A',
  ...fields,
});

const permitCheck = (fields: Partial<RegisterCheckInput> = {}): RegisterCheckInput => ({
  homeId: 'H1',
  register: 'ivo-tillstand',
  checkedOn: '2026-10-01',
  outcome: 'giltigt',
  reference: 'IVO 3.5.1-1234/2019',
  permit: { forms: ['hvb'], minAge: 13, maxAge: 17, places: 8, targetGroup: 'Ungdomar med missbruk', holderOrgNr: '5566778899' },
  recordedBy: 'Handläggare B',
  ...fields,
});

/** A correction of `check` as read (its id and version). */
const correction = (
  { id, rowVersion }: { id: string; rowVersion: number },
  input: RegisterCheckInput,
  fields: Partial<CorrectRegisterCheckInput> = {},
): CorrectRegisterCheckInput => ({
  ...input,
  id,
  rowVersion,
  reason: 'Fel diarienummer.',
  recordedBy: 'Handläggare C',
  ...fields,
});

const rows = (table: string) => db.connection.raw.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all();
const count = (table: string) => db.connection.raw.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('recording a check', () => {
  it('records a check of an adult with who recorded it and when, under a new UUID', async () => {
    const check = await checks.record(personCheck());
    expect(check).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      personId: 'P1',
      homeId: null,
      register: 'belastningsregistret',
      checkedOn: '2026-01-10',
      outcome: 'utan-anmarkning',
      reference: 'Dnr 2026/12',
      permit: null,
      recordedBy: 'Handläggare A',
      recordedAt: NOW,
      revisions: 0,
      rowVersion: 1,
    });
    expect(rows('register_checks')).toEqual([
      {
        id: check.id, person_id: 'P1', home_id: null, register: 'belastningsregistret', checked_on: '2026-01-10',
        outcome: 'utan-anmarkning', reference: 'Dnr 2026/12', permit: null, recorded_by: 'Handläggare A', recorded_at: NOW, row_version: 1,
      },
    ]);
    const second = await checks.record(personCheck());
    expect(second.id).not.toBe(check.id);
  });

  it('records an IVO permit with its scope, the holder’s org.nr in its normal form', async () => {
    const check = await checks.record(permitCheck());
    expect(check.permit).toEqual({ forms: ['hvb'], minAge: 13, maxAge: 17, places: 8, targetGroup: 'Ungdomar med missbruk', holderOrgNr: '556677-8899' });
    expect(JSON.parse(db.connection.raw.prepare('SELECT permit FROM register_checks').pluck().get() as string)).toEqual(check.permit);
    // A permit of unknown scope is a verification all the same.
    expect((await checks.record(permitCheck({ permit: null, homeId: 'S1' }))).permit).toBeNull();
  });

  it('accepts a check made today, and a check of an adult of a jourhem', async () => {
    await expect(checks.record(personCheck({ checkedOn: TODAY, personId: 'P4' }))).resolves.toMatchObject({ personId: 'P4' });
  });
});

describe('what a check is refused for, with the message at its field', () => {
  it.each<[string, () => RegisterCheckInput, { path: string; message: string }[]]>([
    ['a person that does not exist', () => personCheck({ personId: 'P9' }), [{ path: '/personId', message: 'Personen finns inte.' }]],
    ['a home that does not exist', () => permitCheck({ homeId: 'H9' }), [{ path: '/homeId', message: 'Hemmet finns inte.' }]],
    [
      'an IVO permit of a person',
      () => personCheck({ register: 'ivo-tillstand', outcome: 'giltigt' }),
      [{ path: '/register', message: 'Ett IVO-tillstånd kontrolleras för ett HVB eller stödboende, inte för en person.' }],
    ],
    [
      'a person register on a home',
      () => permitCheck({ register: 'belastningsregistret', outcome: 'utan-anmarkning', permit: null }),
      [{ path: '/register', message: 'Belastningsregistret kontrolleras för en person i hushållet, inte för hemmet.' }],
    ],
    [
      'an IVO permit of a familjehem (a home that is not an HVB)',
      () => permitCheck({ homeId: 'F1' }),
      [{ path: '/homeId', message: 'Ett IVO-tillstånd kontrolleras för HVB och stödboende; Familjen Ek är ett familjehem.' }],
    ],
    [
      'an IVO permit of a SiS home',
      () => permitCheck({ homeId: 'X1' }),
      [{ path: '/homeId', message: 'Ett IVO-tillstånd kontrolleras för HVB och stödboende; Statens exempelhem är ett särskilt ungdomshem (SiS).' }],
    ],
    [
      'an outcome of a permit on a person register',
      () => personCheck({ outcome: 'giltigt' }),
      [{ path: '/outcome', message: 'En registerkontroll är utan eller med anmärkning.' }],
    ],
    [
      'an outcome of a person register on a permit',
      () => permitCheck({ outcome: 'med-anmarkning' }),
      [{ path: '/outcome', message: 'Ett IVO-tillstånd är giltigt eller inte giltigt.' }],
    ],
    [
      'a permit scope on a person register',
      () => personCheck({ permit: { forms: ['hvb'], minAge: null, maxAge: null, places: null, targetGroup: null, holderOrgNr: null } }),
      [{ path: '/permit', message: 'Vad tillståndet omfattar anges bara för IVO-tillstånd.' }],
    ],
    ['a check dated tomorrow', () => personCheck({ checkedOn: '2026-11-23' }), [{ path: '/checkedOn', message: 'En kontroll kan inte vara gjord i framtiden.' }]],
    [
      'a holder org.nr with a wrong check digit',
      () => permitCheck({ permit: { ...permitCheck().permit!, holderOrgNr: '556677-8898' } }),
      [{ path: '/permit/holderOrgNr', message: 'Organisationsnumrets kontrollsiffra stämmer inte.' }],
    ],
    [
      'the same form twice in the scope',
      () => permitCheck({ permit: { ...permitCheck().permit!, forms: ['hvb', 'hvb'] } }),
      [{ path: '/permit/forms', message: 'Samma form står två gånger.' }],
    ],
    [
      'neither a person nor a home (past the contract)',
      () => personCheck({ personId: undefined }),
      [{ path: '/personId', message: 'Ange antingen en person eller ett hem.' }],
    ],
    [
      'several problems at once, each at its field',
      () => personCheck({ outcome: 'ogiltigt', checkedOn: '2027-01-01' }),
      [
        { path: '/outcome', message: 'En registerkontroll är utan eller med anmärkning.' },
        { path: '/checkedOn', message: 'En kontroll kan inte vara gjord i framtiden.' },
      ],
    ],
  ])('%s', async (_name, input, issues) => {
    const error = await failure(checks.record(input()));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('Kontrollen kunde inte sparas.');
    expect(error.issues).toEqual(issues);
    expect(count('register_checks')).toBe(0);
  });

  it('a person of a household that is not a foster home (only a broken import could put one there)', async () => {
    db.connection.raw.prepare("INSERT INTO persons (id, home_id, name, role) VALUES ('P9', 'H1', 'Eva Fel', 'uppdragstagare')").run();
    const error = await failure(checks.record(personCheck({ personId: 'P9' })));
    expect(error.issues).toEqual([
      { path: '/personId', message: 'Registerkontroller görs för personer i familjehem, jourhem och nätverkshem; Solgläntans HVB är ett HVB.' },
    ]);
  });
});

describe('correcting a check', () => {
  it('keeps the earlier version with who recorded it, who corrected it, when and why; revisions count up', async () => {
    const recorded = await checks.record(personCheck());

    const first = await checks.correct(correction(recorded, personCheck({ reference: 'Dnr 2026/21' })));
    expect(first).toEqual({ ...recorded, reference: 'Dnr 2026/21', recordedBy: 'Handläggare C', recordedAt: LATER, revisions: 1, rowVersion: recorded.rowVersion + 1 });

    const second = await checks.correct(
      correction(first, personCheck({ reference: 'Dnr 2026/21', outcome: 'med-anmarkning' }), { reason: 'Utdraget hade en anmärkning.', recordedBy: 'Handläggare D' }), '2026-11-23T08:00:00.000Z');
    expect(second).toMatchObject({ outcome: 'med-anmarkning', recordedBy: 'Handläggare D', revisions: 2, rowVersion: first.rowVersion + 1 });

    // A person's version also keeps the home of her household then (the home's history finds it by that).
    expect(rows('register_check_history')).toEqual([
      {
        check_id: recorded.id, revision: 1, person_id: 'P1', home_id: 'F1', register: 'belastningsregistret', checked_on: '2026-01-10',
        outcome: 'utan-anmarkning', reference: 'Dnr 2026/12', permit: null, recorded_by: 'Handläggare A', recorded_at: NOW,
        action: 'rattad', changed_by: 'Handläggare C', changed_at: LATER, reason: 'Fel diarienummer.',
      },
      {
        check_id: recorded.id, revision: 2, person_id: 'P1', home_id: 'F1', register: 'belastningsregistret', checked_on: '2026-01-10',
        outcome: 'utan-anmarkning', reference: 'Dnr 2026/21', permit: null, recorded_by: 'Handläggare C', recorded_at: LATER,
        action: 'rattad', changed_by: 'Handläggare D', changed_at: '2026-11-23T08:00:00.000Z', reason: 'Utdraget hade en anmärkning.',
      },
    ]);

    // The panel: the check as it is now, and its history newest change first.
    const panel = await db.services.registerChecks.homeChecks('F1', TODAY);
    expect(panel.persons[0]!.checks).toEqual([second]);
    expect(panel.history.map((h) => [h.revision, h.reference, h.changedBy])).toEqual([
      [2, 'Dnr 2026/21', 'Handläggare D'],
      [1, 'Dnr 2026/12', 'Handläggare C'],
    ]);
  });

  it('corrects an IVO permit’s scope and keeps the scope it had', async () => {
    const recorded = await checks.record(permitCheck());
    const corrected = await checks.correct(
      correction(recorded, permitCheck({ permit: { ...permitCheck().permit!, maxAge: 20, forms: ['hvb', 'stodboende'] } })));
    expect(corrected.permit).toMatchObject({ maxAge: 20, forms: ['hvb', 'stodboende'] });
    const { history } = await db.services.registerChecks.homeChecks('H1', TODAY);
    expect(history).toEqual([
      expect.objectContaining({ checkId: recorded.id, revision: 1, homeId: 'H1', permit: recorded.permit, action: 'rattad' }),
    ]);
  });

  it('refuses a correction that changes nothing, and writes nothing', async () => {
    const recorded = await checks.record(permitCheck());
    const before = rows('register_checks');
    // Another person correcting, and the org.nr written without the hyphen: still the same check.
    const error = await failure(checks.correct(correction(recorded, permitCheck(), { recordedBy: 'Handläggare Z' })));
    expect(error).toMatchObject({ code: 'VALIDATION', message: 'Inget har ändrats.' });
    expect(error.issues).toEqual([{ path: '', message: 'Inget har ändrats.' }]);
    expect(rows('register_checks')).toEqual(before);
    expect(count('register_check_history')).toBe(0);
  });

  it('cannot move a check to another person or another home', async () => {
    const personal = await checks.record(personCheck());
    const moved = await failure(checks.correct(correction(personal, personCheck({ personId: 'P2' }))));
    expect(moved.issues).toEqual([
      { path: '/personId', message: 'En kontroll kan inte flyttas till en annan person eller ett annat hem. Ta bort den och registrera en ny.' },
    ]);

    const permit = await checks.record(permitCheck());
    const toOtherHome = await failure(checks.correct(correction(permit, permitCheck({ homeId: 'S1' }))));
    expect(toOtherHome.issues.map((i) => i.path)).toEqual(['/homeId']);
    expect(count('register_check_history')).toBe(0);
  });

  it('is validated like a new check, and says the correction could not be saved', async () => {
    const recorded = await checks.record(personCheck());
    const error = await failure(checks.correct(correction(recorded, personCheck({ checkedOn: '2026-12-01', outcome: 'giltigt' }))));
    expect(error.message).toBe('Rättelsen kunde inte sparas.');
    expect(error.issues).toEqual([
      { path: '/outcome', message: 'En registerkontroll är utan eller med anmärkning.' },
      { path: '/checkedOn', message: 'En kontroll kan inte vara gjord i framtiden.' },
    ]);
    expect(count('register_check_history')).toBe(0);
  });

  it('of a check that does not exist is NOT_FOUND', async () => {
    const error = await failure(checks.correct(correction({ id: 'RC-saknas', rowVersion: 1 }, personCheck())));
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'Kontrollen finns inte.' });
  });

  it('is one transaction: when the change fails, the history row is not written either', async () => {
    const recorded = await checks.record(personCheck());
    const before = rows('register_checks');
    db.connection.raw.exec("CREATE TRIGGER refuse BEFORE UPDATE ON register_checks BEGIN SELECT RAISE(ABORT, 'nej'); END;");
    await expect(checks.correct(correction(recorded, personCheck({ reference: 'Dnr ny' })))).rejects.toThrow(/nej/);
    expect(count('register_check_history')).toBe(0);
    expect(rows('register_checks')).toEqual(before);

    db.connection.raw.exec('DROP TRIGGER refuse');
    await expect(checks.correct(correction(recorded, personCheck({ reference: 'Dnr ny' })))).resolves.toMatchObject({
      revisions: 1,
    });
  });
});

describe('removing a check', () => {
  it('removes it and keeps it in the history with who removed it and why; returns it as it was', async () => {
    const recorded = await checks.record(personCheck());
    const corrected = await checks.correct(correction(recorded, personCheck({ reference: 'Dnr 2026/21' })));

    const removed = await checks.remove(
      { id: recorded.id, reason: 'Registrerad på fel person.', removedBy: 'Handläggare E', rowVersion: corrected.rowVersion },
      '2026-11-22T16:00:00.000Z',
    );
    expect(removed).toMatchObject({ id: recorded.id, reference: 'Dnr 2026/21', recordedBy: 'Handläggare C', recordedAt: LATER, revisions: 1 });
    expect(count('register_checks')).toBe(0);

    const { persons, history } = await db.services.registerChecks.homeChecks('F1', TODAY);
    expect(persons[0]!.checks).toEqual([]);
    expect(history.map((h) => [h.revision, h.action, h.changedBy, h.reason, h.reference])).toEqual([
      [2, 'borttagen', 'Handläggare E', 'Registrerad på fel person.', 'Dnr 2026/21'],
      [1, 'rattad', 'Handläggare C', 'Fel diarienummer.', 'Dnr 2026/12'],
    ]);
  });

  it('of a check that does not exist is NOT_FOUND, and writes no history', async () => {
    await expect(checks.remove({ id: 'RC-saknas', reason: 'x', removedBy: 'y', rowVersion: 1 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Kontrollen finns inte.',
    });
    expect(count('register_check_history')).toBe(0);
  });

  it('is one transaction: when the removal fails, nothing is kept in the history', async () => {
    const recorded = await checks.record(permitCheck());
    db.connection.raw.exec("CREATE TRIGGER refuse BEFORE DELETE ON register_checks BEGIN SELECT RAISE(ABORT, 'nej'); END;");
    await expect(checks.remove({ id: recorded.id, reason: 'Fel hem.', removedBy: 'Handläggare E', rowVersion: recorded.rowVersion })).rejects.toThrow(/nej/);
    expect(count('register_check_history')).toBe(0);
    expect(count('register_checks')).toBe(1);
  });
});

describe('the home panel', () => {
  const record = (fields: Partial<RegisterCheckInput>) => checks.record(personCheck(fields));

  it('is NOT_FOUND for a home that does not exist', async () => {
    await expect(db.services.registerChecks.homeChecks('H9', TODAY)).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Hemmet finns inte.' });
  });

  it('shows each adult with checks newest first and a status per required register, judged as of the date', async () => {
    const old = await record({ checkedOn: '2025-01-20', reference: 'Dnr 2025/1' });
    const newest = await record({ checkedOn: '2025-12-10', reference: 'Dnr 2025/9' });
    const social = await record({ register: 'socialregistret', checkedOn: '2025-11-01' });
    // Dated after the panel's date: a record, listed, but not yet made as of that date.
    const later = await record({ checkedOn: TODAY, reference: 'Dnr 2026/40' });

    const panel = await db.services.registerChecks.homeChecks('F1', '2026-11-20');
    expect(panel).toMatchObject({ homeId: 'F1', date: '2026-11-20', permits: [], permitRequired: false, inspections: [], history: [] });
    // Adults only: the child of the household has no checks and is not listed.
    expect(panel.persons.map((p) => [p.name, p.role])).toEqual([
      ['Anna Ek', 'uppdragstagare'],
      ['Bo Ek', 'annan-vuxen'],
    ]);
    const anna = panel.persons[0]!;
    expect(anna.checks.map((c) => c.id)).toEqual([later.id, newest.id, social.id, old.id]);
    expect(anna.registers).toEqual([
      // Checked 2025-12-10: due 2026-12-10, within 30 days of 2026-11-20.
      { register: 'belastningsregistret', required: true, newestCheckedOn: '2025-12-10', newestOutcome: 'utan-anmarkning', dueOn: '2026-12-10', status: 'due-soon' },
      // Never checked while a child lives there: due from the first day of the stay.
      { register: 'misstankeregistret', required: true, newestCheckedOn: null, newestOutcome: null, dueOn: '2025-02-03', status: 'overdue' },
      // Offered, not required: shown because it was checked; not re-checked.
      { register: 'socialregistret', required: false, newestCheckedOn: '2025-11-01', newestOutcome: 'utan-anmarkning', dueOn: null, status: null },
    ]);
    // An annan vuxen is not required in rules.md's catalogue: listed, without registers or checks.
    expect(panel.persons[1]).toEqual({ personId: 'P2', name: 'Bo Ek', role: 'annan-vuxen', checks: [], registers: [] });
    expect(panel.catalogue).toEqual((await db.services.settings.effective()).catalogue);
  });

  it('a person without any check: every required register missing, re-checks due from the stay', async () => {
    const { persons } = await db.services.registerChecks.homeChecks('F1', TODAY);
    expect(persons[0]!.registers.map((r) => [r.register, r.newestCheckedOn, r.dueOn, r.status])).toEqual([
      ['belastningsregistret', null, '2025-02-03', 'overdue'],
      ['misstankeregistret', null, '2025-02-03', 'overdue'],
    ]);
  });

  it('no re-check dates while no child lives in the home', async () => {
    await record({ checkedOn: '2024-06-01' });
    const before = await db.services.registerChecks.homeChecks('F1', '2025-02-02');
    expect(before.persons[0]!.registers.map((r) => [r.register, r.newestCheckedOn, r.dueOn, r.status])).toEqual([
      ['belastningsregistret', '2024-06-01', null, null],
      ['misstankeregistret', null, null, null],
    ]);
    const jourhem = await db.services.registerChecks.homeChecks('F2', TODAY);
    expect(jourhem.persons[0]!.registers.every((r) => r.dueOn === null && r.status === null)).toBe(true);
  });

  it('follows the catalogue: a register made required is listed in catalogue order with its re-check', async () => {
    await record({ register: 'socialregistret', checkedOn: '2025-06-01' });
    const settings = await db.services.settings.get();
    await db.services.settings.save(
      {
        parameters: {},
        references: settings.references,
        catalogue: settings.catalogue.map((e) => (e.register === 'socialregistret' ? { ...e, required: true, recheckMonths: 24 } : e)),
        version: settings.version,
        changedBy: 'Enhetschef E',
        reason: 'Test av reglerna.',
      });
    const { persons, catalogue } = await db.services.registerChecks.homeChecks('F1', TODAY);
    expect(catalogue.find((e) => e.register === 'socialregistret')).toMatchObject({ required: true, recheckMonths: 24 });
    expect(persons[0]!.registers.map((r) => [r.register, r.required, r.dueOn, r.status])).toEqual([
      ['belastningsregistret', true, '2025-02-03', 'overdue'],
      ['misstankeregistret', true, '2025-02-03', 'overdue'],
      ['socialregistret', true, '2027-06-01', 'upcoming'],
    ]);
  });

  it('an HVB: permits newest first with their scope parsed, and whether a permit is required', async () => {
    const older = await checks.record(permitCheck({ checkedOn: '2025-03-01', outcome: 'ogiltigt' }));
    const newer = await checks.record(permitCheck());
    const panel = await db.services.registerChecks.homeChecks('H1', TODAY);
    expect(panel.persons).toEqual([]);
    expect(panel.permitRequired).toBe(true);
    expect(panel.permits).toEqual([newer, older]);
    expect(panel.permits[0]!.permit).toEqual({
      forms: ['hvb'], minAge: 13, maxAge: 17, places: 8, targetGroup: 'Ungdomar med missbruk', holderOrgNr: '556677-8899',
    });
    // A kommunal stödboende needs no permit check (rules.md: enskild huvudman).
    expect((await db.services.registerChecks.homeChecks('S1', TODAY)).permitRequired).toBe(false);
  });

  it('a stored scope that does not parse is shown as unknown, not as an error', async () => {
    const check = await checks.record(permitCheck());
    for (const broken of ['{"forms": ["slott"]}', 'inte json', '{"minAge": "tretton"}']) {
      db.connection.raw.prepare('UPDATE register_checks SET permit = ? WHERE id = ?').run(broken, check.id);
      const { permits } = await db.services.registerChecks.homeChecks('H1', TODAY);
      expect(permits.map((p) => [p.id, p.permit]), broken).toEqual([[check.id, null]]);
    }
    // Parts left out of the stored scope are unknown.
    db.connection.raw.prepare('UPDATE register_checks SET permit = ? WHERE id = ?').run('{"maxAge": 17}', check.id);
    expect((await db.services.registerChecks.homeChecks('H1', TODAY)).permits[0]!.permit).toEqual({
      forms: [], minAge: null, maxAge: 17, places: null, targetGroup: null, holderOrgNr: null,
    });
  });

  it('lists IVO inspections with their verdict, newest first, and no other home events', async () => {
    await db.services.exchange.importFile({
      format: 'placeringskollen-exchange',
      version: 1,
      events: [
        { id: 'E1', homeId: 'H1', type: 'ivo-tillsyn', date: '2025-03-10', verdict: 'utan-anmarkning' },
        { id: 'E2', homeId: 'H1', type: 'ivo-tillsyn', date: '2026-04-02', verdict: 'kritik', comment: 'Brister i bemanningen.' },
        { id: 'E3', homeId: 'H1', type: 'ivo-tillsyn', date: '2024-01-15' },
        { id: 'E4', homeId: 'F1', type: 'ivo-anmalan-fler-an-tre', date: '2026-01-01' },
        { id: 'E5', homeId: 'S1', type: 'ivo-tillsyn', date: '2026-05-01', verdict: 'forelaggande' },
      ],
    });
    const { inspections } = await db.services.registerChecks.homeChecks('H1', TODAY);
    expect(inspections).toEqual([
      { id: 'E2', placementId: null, homeId: 'H1', type: 'ivo-tillsyn', date: '2026-04-02', comment: 'Brister i bemanningen.', verdict: 'kritik' },
      { id: 'E1', placementId: null, homeId: 'H1', type: 'ivo-tillsyn', date: '2025-03-10', comment: null, verdict: 'utan-anmarkning' },
      { id: 'E3', placementId: null, homeId: 'H1', type: 'ivo-tillsyn', date: '2024-01-15', comment: null, verdict: null },
    ]);
    expect((await db.services.registerChecks.homeChecks('F1', TODAY)).inspections).toEqual([]);
  });

  it('history covers the home’s permits and its adults’ checks, not other homes’', async () => {
    const anna = await record({});
    const dan = await record({ personId: 'P4' });
    const permit = await checks.record(permitCheck());
    await checks.remove({ id: anna.id, reason: 'Fel.', removedBy: 'Handläggare E', rowVersion: anna.rowVersion });
    await checks.remove({ id: dan.id, reason: 'Fel.', removedBy: 'Handläggare E', rowVersion: dan.rowVersion });
    await checks.remove({ id: permit.id, reason: 'Fel hem.', removedBy: 'Handläggare E', rowVersion: permit.rowVersion });
    expect((await db.services.registerChecks.homeChecks('F1', TODAY)).history.map((h) => h.checkId)).toEqual([anna.id]);
    expect((await db.services.registerChecks.homeChecks('F2', TODAY)).history.map((h) => h.checkId)).toEqual([dan.id]);
    expect((await db.services.registerChecks.homeChecks('H1', TODAY)).history.map((h) => h.checkId)).toEqual([permit.id]);
  });

  it('history of a removed person’s checks stays with the home after she leaves the household', async () => {
    const bo = await record({ personId: 'P2', register: 'misstankeregistret' });
    await checks.remove({ id: bo.id, reason: 'Registrerad på fel person.', removedBy: 'Handläggare E', rowVersion: bo.rowVersion });
    const home = await db.services.homes.get('F1');
    await db.services.homes.save({ ...home, persons: home.persons.filter((p) => p.id !== 'P2') });
    expect(db.connection.raw.prepare("SELECT count(*) FROM persons WHERE id = 'P2'").pluck().get()).toBe(0);

    const panel = await db.services.registerChecks.homeChecks('F1', TODAY);
    // The revision is still the person's (one subject), though the row keeps the home.
    expect(panel.history).toEqual([
      expect.objectContaining({ checkId: bo.id, personId: 'P2', homeId: null, action: 'borttagen', changedBy: 'Handläggare E' }),
    ]);
    expect((await db.services.registerChecks.homeChecks('F2', TODAY)).history).toEqual([]);
  });

  it('history kept before home ids were stored (no home id) is still found through the household', async () => {
    const anna = await record({});
    await checks.remove({ id: anna.id, reason: 'Fel.', removedBy: 'Handläggare E', rowVersion: anna.rowVersion });
    // As a version kept before this change (and the demo's older databases) looks: no home id.
    db.connection.raw.exec('UPDATE register_check_history SET home_id = NULL');
    expect((await db.services.registerChecks.homeChecks('F1', TODAY)).history.map((h) => h.checkId)).toEqual([anna.id]);
    expect((await db.services.registerChecks.homeChecks('F2', TODAY)).history).toEqual([]);
  });
});
