/**
 * Rounds of egenkontroll over a real register: the draw kept as drawn, the files answered with the
 * register's proposals, a "nej" becoming a deviation, the history of answers, the analysis, the
 * actions in the bevakningslista, and the refusals, in Swedish, that write nothing.
 * Fictional homes and children.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultChecklist } from '../../../main/domain/audit-checklist';
import { drawRank, populationHash } from '../../../main/domain/sampling';
import type { CreateAuditRoundInput } from '../../../preload/api/audits';
import { signInAs } from '../../signed-in';
import { failure, issuesOf, useServiceDatabase } from './harness';

const db = useServiceDatabase();

const register = {
  format: 'placeringskollen-exchange',
  version: 1,
  homes: [
    { id: 'F1', kind: 'familjehem', name: 'Familjen Lind', municipality: 'Timrå' },
    { id: 'H1', kind: 'hvb', name: 'Granens HVB', operator: 'kommunal', municipality: 'Sundsvall' },
  ],
  children: [
    { id: 'C1', birthDate: '2012-01-11', name: 'Tilda Testsson' },
    { id: 'C2', birthDate: '2012-02-12', name: 'Kalle Provsson' },
    { id: 'C3', birthDate: '2012-03-13', name: 'Sigge Skyddsson', protectedIdentity: true },
    { id: 'C4', birthDate: '2012-04-14', name: 'Maja Exempelsson' },
  ],
  placements: [
    { id: 'PL1', childId: 'C1', legalBasis: 'SoL', decidedOn: '2025-01-01', startedOn: '2025-01-01', unit: 'Barn och unga', stays: [{ homeId: 'F1', form: 'familjehem', from: '2025-01-01' }] },
    { id: 'PL2', childId: 'C2', legalBasis: 'LVU2', decidedOn: '2025-03-01', startedOn: '2025-03-01', unit: 'Barn och unga', stays: [{ homeId: 'H1', form: 'hvb', from: '2025-03-01' }] },
    { id: 'PL3', childId: 'C3', legalBasis: 'SoL', decidedOn: '2025-06-01', startedOn: '2025-06-01', unit: 'Barn och unga', stays: [{ homeId: 'F1', form: 'familjehem', from: '2025-06-01' }] },
    // Ended before the period: never drawn.
    { id: 'PL4', childId: 'C4', legalBasis: 'SoL', decidedOn: '2024-01-01', startedOn: '2024-01-01', endedOn: '2025-06-01', endReason: 'planerad', stays: [{ homeId: 'F1', form: 'familjehem', from: '2024-01-01', to: '2025-06-01' }] },
  ],
  events: [
    // PL1's övervägande: due 2025-07-01, made 2025-06-20; next due 2025-12-20, made late on 2026-02-01.
    { id: 'E1', placementId: 'PL1', type: 'overvagande', date: '2025-06-20' },
    { id: 'E2', placementId: 'PL1', type: 'overvagande', date: '2026-02-01' },
  ],
};

const spring = (overrides: Partial<CreateAuditRoundInput> = {}): CreateAuditRoundInput => ({
  name: 'Våren 2026',
  from: '2026-01-01',
  to: '2026-06-30',
  unit: null,
  form: null,
  legalBasis: null,
  caseworker: null,
  size: { kind: 'count', value: 3 },
  exclusionMonths: 12,
  seed: 'lotto-2026-48',
  recordedBy: 'Elin Enhetschefsson',
  ...overrides,
});

/** Every item answered ja, except where the register proposes otherwise (then its answer). */
async function answersFor(roundId: string, ordinal: number) {
  const file = await db.services.audits.getFile(roundId, ordinal);
  return file.items.map((i) => ({ itemId: i.item.id, answer: i.proposed?.answer ?? ('ja' as const), comment: '', overrideReason: null, alreadyReported: false }));
}

beforeEach(async () => {
  await db.services.exchange.importFile(register);
  await signInAs(db.services, 'enhetschef');
});

describe('a round is its draw, kept as drawn', () => {
  it('draws rules.md’s sample and keeps the seed, the population’s size and hash, and each file’s rank', async () => {
    const round = await db.services.audits.createRound(spring());
    const population = ['PL1', 'PL2', 'PL3'];
    const expected = [...population].sort((a, b) => (drawRank('lotto-2026-48', a) < drawRank('lotto-2026-48', b) ? -1 : 1));
    expect(round).toMatchObject({ seed: 'lotto-2026-48', populationSize: 3, populationHash: populationHash(population), size: 3, audited: 0, checklistVersion: 1 });
    expect(round.files.map((f) => f.placementId)).toEqual(expected);
    expect(round.files.map((f) => f.label)).toEqual(['Akt 1', 'Akt 2', 'Akt 3']);
    // The protected child is masked in the round as everywhere.
    expect(round.files.find((f) => f.placementId === 'PL3')!.childLabel).toBe('Skyddad identitet (f. 2012)');
  });

  it('a fresh random seed of 16 hex characters when none is typed', async () => {
    const round = await db.services.audits.createRound(spring({ seed: null }));
    expect(round.seed).toMatch(/^[0-9a-f]{16}$/);
  });

  it('a share of the population is rounded up', async () => {
    expect(await db.services.audits.preview({ ...spring(), size: { kind: 'percent', value: 50 } })).toEqual({ populationSize: 3, excluded: 0, size: 2 });
  });

  it('changing the register after the draw does not change the stored round', async () => {
    const round = await db.services.audits.createRound(spring({ size: { kind: 'count', value: 2 } }));
    await db.services.exchange.importFile({
      ...register,
      children: [...register.children, { id: 'C5', birthDate: '2013-05-05', name: 'Nils Nysson' }],
      placements: [...register.placements, { id: 'PL5', childId: 'C5', legalBasis: 'SoL', decidedOn: '2026-02-01', startedOn: '2026-02-01', stays: [{ homeId: 'H1', form: 'hvb', from: '2026-02-01' }] }],
    });
    const again = await db.services.audits.getRound(round.id);
    expect(again).toMatchObject({ populationSize: 3, populationHash: round.populationHash });
    expect(again.files.map((f) => f.placementId)).toEqual(round.files.map((f) => f.placementId));
  });

  it('the files audited in a round that ended less than 12 months before are left out of the next; a file drawn but not audited is not', async () => {
    const first = await db.services.audits.createRound(spring({ size: { kind: 'count', value: 1 } }));
    const autumn = { ...spring(), from: '2026-07-01', to: '2026-10-31' };
    // Drawn, not yet answered: not audited.
    expect(await db.services.audits.preview(autumn)).toMatchObject({ populationSize: 3, excluded: 0 });
    await db.services.audits.saveFile({ roundId: first.id, ordinal: 1, answers: await answersFor(first.id, 1), recordedBy: 'Hanna Handläggarsson' });
    expect(await db.services.audits.preview(autumn)).toMatchObject({ populationSize: 2, excluded: 1 });
    expect(await db.services.audits.preview({ ...autumn, exclusionMonths: null })).toMatchObject({ populationSize: 3, excluded: 0 });
    // The spring round ended 2026-06-30: a period from 2027-06-30 starts exactly 12 months after, no longer less.
    const later = { ...spring(), from: '2027-06-30', to: '2027-07-31' };
    expect(await db.services.audits.preview(later)).toMatchObject({ excluded: 0 });
    expect(await db.services.audits.preview({ ...later, from: '2027-06-29' })).toMatchObject({ excluded: 1 });
  });

  it('the command line\'s draw leaves out the files audited recently too, as long back as the settings say', async () => {
    const first = await db.services.audits.createRound(spring({ size: { kind: 'count', value: 1 } }));
    await db.services.audits.saveFile({ roundId: first.id, ordinal: 1, answers: await answersFor(first.id, 1), recordedBy: 'Hanna Handläggarsson' });
    const autumn = { from: '2026-07-01', to: '2026-10-31', size: 1, seed: 'x' };
    expect((await db.services.audits.draw(autumn)).populationSize).toBe(2);
    // Five months after the spring round: with a setting of 3 months, the file may be drawn again.
    const later = { ...autumn, from: '2026-12-01', to: '2026-12-31' };
    expect((await db.services.audits.draw(later)).populationSize).toBe(2);
    const current = await db.services.settings.get();
    await db.services.settings.save({ parameters: { auditExclusionMonths: 3 }, references: current.references, version: current.version, changedBy: 'Ada Administratörsson', reason: 'Kortare uppehåll mellan granskningar.' });
    expect((await db.services.audits.draw(later)).populationSize).toBe(3);
  });

  it('the filters narrow the population: legal basis, form, unit', async () => {
    expect((await db.services.audits.preview({ ...spring(), legalBasis: 'LVU2' })).populationSize).toBe(1);
    expect((await db.services.audits.preview({ ...spring(), form: 'familjehem' })).populationSize).toBe(2);
    expect((await db.services.audits.preview({ ...spring(), unit: 'Annan enhet' })).populationSize).toBe(0);
  });

  it('refuses a period that ends before it starts, a size larger than the population, and an empty population, writing nothing', async () => {
    expect((await issuesOf(db.services.audits.createRound(spring({ from: '2026-07-01', to: '2024-01-01' })))).issues).toEqual([
      { path: '/to', message: 'Perioden slutar (2024-01-01) innan den börjar (2026-07-01).' },
    ]);
    const tooMany = await issuesOf(db.services.audits.createRound(spring({ size: { kind: 'count', value: 4 } })));
    expect(tooMany.issues).toEqual([{ path: '/size', message: 'Urvalet (4) är större än populationen: 3 placeringar var aktiva under perioden.' }]);
    expect((await issuesOf(db.services.audits.createRound(spring({ unit: 'Annan enhet' })))).issues).toEqual([
      { path: '/size', message: 'Ingen placering var aktiv under perioden med de valda avgränsningarna.' },
    ]);
    expect((await issuesOf(db.services.audits.createRound(spring({ seed: '   ' })))).issues).toEqual([
      { path: '/seed', message: 'Ange ett frö (seed), t.ex. 16 hexadecimala tecken eller ett publicerat lottonummer.' },
    ]);
    expect(await db.services.audits.listRounds()).toEqual([]);
  });
});

describe('a file answered item by item', () => {
  it('the register proposes its answers with the reason: a late övervägande is nej', async () => {
    const round = await db.services.audits.createRound(spring());
    const ordinal = round.files.find((f) => f.placementId === 'PL1')!.ordinal;
    const file = await db.services.audits.getFile(round.id, ordinal);
    expect(file.childLabel).toBe('Tilda Testsson');
    const overvagande = file.items.find((i) => i.item.id === 'overvagande')!;
    expect(overvagande.proposed).toEqual({ answer: 'nej', reason: expect.stringContaining('senast 2025-12-20, gjort 2026-02-01 – försenat') });
    expect(file.items.find((i) => i.item.id === 'beslut')!.proposed).toBeNull();
    // Nothing of the plans is recorded: each is late since its first due date.
    expect(file.items.find((i) => i.item.id === 'vardplan')!.proposed).toEqual({ answer: 'nej', reason: expect.stringContaining('senast 2025-01-01, inte gjort per 2026-06-30') });
    // A familjehem with no adult registered has had nobody checked.
    expect(file.items.find((i) => i.item.id === 'registerkontroll')!.proposed).toMatchObject({ answer: 'nej', reason: expect.stringContaining('Familjen Lind') });
    expect(file.items.find((i) => i.item.id === 'ivo-tillstand')!.proposed).toMatchObject({ answer: 'ej-tillampligt' });
    expect(file.items).toHaveLength(defaultChecklist.items.length);
  });

  it('a nej becomes a deviation on the placement, once; an answer other than the register’s needs a reason', async () => {
    const round = await db.services.audits.createRound(spring());
    const ordinal = round.files.find((f) => f.placementId === 'PL1')!.ordinal;
    const answers = await answersFor(round.id, ordinal);
    const at = answers.findIndex((a) => a.itemId === 'overvagande');

    // Overriding the register's nej without a reason is refused at the item.
    const overridden = answers.map((a, i) => (i === at ? { ...a, answer: 'ja' as const } : a));
    const refused = await issuesOf(db.services.audits.saveFile({ roundId: round.id, ordinal, answers: overridden, recordedBy: 'Hanna Handläggarsson' }));
    expect(refused.issues).toEqual([{ path: `/answers/${at}/overrideReason`, message: 'Skriv varför du svarar annorlunda än registret på punkt 13.' }]);

    const withComment = answers.map((a, i) => (i === at ? { ...a, comment: 'Övervägandet gjordes sex veckor för sent.' } : a));
    const saved = await db.services.audits.saveFile({ roundId: round.id, ordinal, answers: withComment, recordedBy: 'Hanna Handläggarsson' });
    const answer = saved.items[at]!.current!;
    expect(answer).toMatchObject({ answer: 'nej', answeredBy: 'Hanna Handläggarsson' });
    expect(answer.deviationId).not.toBeNull();
    const deviation = await db.services.journal.getDeviation(answer.deviationId!, '2026-11-22');
    expect(deviation).toMatchObject({ placementId: 'PL1', kind: 'avvikelse', status: 'oppen' });
    expect(deviation.description).toContain('Akt');
    expect(deviation.description).toContain('Övervägandet gjordes sex veckor för sent.');

    // Saved again with a new comment: a new row of history, the same deviation.
    const again = await db.services.audits.saveFile({
      roundId: round.id,
      ordinal,
      answers: withComment.map((a, i) => (i === at ? { ...a, comment: 'Sex veckor sent; rutinen ses över.' } : a)),
      recordedBy: 'Elin Enhetschefsson',
    });
    expect(again.items[at]!.history).toHaveLength(2);
    expect(again.items[at]!.current!.deviationId).toBe(answer.deviationId);

    const shown = await db.services.audits.getRound(round.id);
    const nej = answers.filter((a) => a.answer === 'nej').length;
    expect(nej).toBeGreaterThan(1);
    expect(shown.audited).toBe(1);
    expect(shown.files.find((f) => f.ordinal === ordinal)).toMatchObject({ audited: true, nej, auditedBy: 'Elin Enhetschefsson' });
    expect(shown.deviations).toHaveLength(nej);
    expect(new Set(shown.deviations.map((d) => d.deviationId)).size).toBe(nej);
    expect(shown.deviations.find((d) => d.itemNumber === 13)).toMatchObject({ label: `Akt ${ordinal}`, deviationId: answer.deviationId, deviationStatus: 'oppen' });
    expect(shown.compliance.find((c) => c.itemId === 'overvagande')).toMatchObject({ nej: 1, ja: 0, unanswered: 2, share: 0 });
  });

  it('a nej marked as already reported makes no deviation', async () => {
    const round = await db.services.audits.createRound(spring());
    const ordinal = round.files.find((f) => f.placementId === 'PL2')!.ordinal;
    const answers = (await answersFor(round.id, ordinal)).map((a) => (a.itemId === 'beslut' ? { ...a, answer: 'nej' as const, alreadyReported: true } : a));
    const saved = await db.services.audits.saveFile({ roundId: round.id, ordinal, answers, recordedBy: 'Hanna Handläggarsson' });
    expect(saved.items.find((i) => i.item.id === 'beslut')!.current).toMatchObject({ answer: 'nej', alreadyReported: true, deviationId: null });
  });

  it('a nej changed to ja closes the deviation it became, saying why; a nej again makes a new one', async () => {
    const round = await db.services.audits.createRound(spring());
    const ordinal = round.files.find((f) => f.placementId === 'PL2')!.ordinal;
    const base = await answersFor(round.id, ordinal);
    const at = base.findIndex((a) => a.itemId === 'beslut');
    const save = (answer: 'ja' | 'nej', comment: string) =>
      db.services.audits.saveFile({ roundId: round.id, ordinal, answers: base.map((a, i) => (i === at ? { ...a, answer, comment } : a)), recordedBy: 'Hanna Handläggarsson' });
    const first = (await save('nej', 'Beslutet saknades i akten.')).items[at]!.current!.deviationId!;
    const changed = await save('ja', 'Beslutet fanns i en annan pärm.');
    expect(changed.items[at]!.current).toMatchObject({ answer: 'ja', deviationId: null });
    const closed = await db.services.journal.getDeviation(first, '2026-11-22');
    expect(closed.status).toBe('avslutad');
    expect(closed.steps.at(-1)).toMatchObject({ step: 'avslutad', text: expect.stringContaining('ändrades till ja. Beslutet fanns i en annan pärm.') });
    expect((await db.services.audits.getRound(round.id)).deviations.some((d) => d.itemNumber === 1)).toBe(false);
    const again = (await save('nej', 'Beslutet var för ett annat hem.')).items[at]!.current!.deviationId;
    expect(again).not.toBeNull();
    expect(again).not.toBe(first);
  });

  it('two saves of one file at once write each answer and each deviation once', async () => {
    const round = await db.services.audits.createRound(spring());
    const ordinal = round.files.find((f) => f.placementId === 'PL1')!.ordinal;
    const answers = await answersFor(round.id, ordinal);
    const nej = answers.filter((a) => a.answer === 'nej').length;
    const input = { roundId: round.id, ordinal, answers, recordedBy: 'Hanna Handläggarsson' };
    await Promise.all([db.services.audits.saveFile(input), db.services.audits.saveFile(input)]);
    const rows = await db.connection.db.selectFrom('auditAnswers').select('seq').where('roundId', '=', round.id).execute();
    expect(rows).toHaveLength(answers.length);
    const deviations = await db.connection.db.selectFrom('deviations').select('id').where('placementId', '=', 'PL1').execute();
    expect(deviations).toHaveLength(nej);
  });

  it('a protected child\'s file names neither its home nor the adults there in the register\'s reasons', async () => {
    const round = await db.services.audits.createRound(spring());
    const ordinal = round.files.find((f) => f.placementId === 'PL3')!.ordinal;
    const file = await db.services.audits.getFile(round.id, ordinal);
    const reasons = file.items.map((i) => i.proposed?.reason ?? '').join(' ');
    expect(file.items.find((i) => i.item.id === 'registerkontroll')!.proposed).toMatchObject({ answer: 'nej', reason: expect.stringContaining('hemmet') });
    expect(reasons).not.toContain('Familjen Lind');
    expect(reasons).not.toContain('F1');
  });

  it('a nej on a file whose placement was removed is refused unless already reported, in Swedish', async () => {
    const round = await db.services.audits.createRound(spring());
    const ordinal = round.files.find((f) => f.placementId === 'PL2')!.ordinal;
    await db.services.placements.removePlacement({ id: 'PL2', reason: 'Registrerad på fel barn.', removedBy: 'Elin Enhetschefsson' });
    const file = await db.services.audits.getFile(round.id, ordinal);
    expect(file.childLabel).toBeNull();
    const answers = file.items.map((i) => ({ itemId: i.item.id, answer: i.item.id === 'beslut' ? ('nej' as const) : ('ja' as const), comment: '', overrideReason: null, alreadyReported: false }));
    const refused = await issuesOf(db.services.audits.saveFile({ roundId: round.id, ordinal, answers, recordedBy: 'Hanna Handläggarsson' }));
    expect(refused.issues).toEqual([{ path: '/answers/0/alreadyReported', message: 'Anmäl avvikelsen på hemmet under Avvikelser och markera nej som redan rapporterat.' }]);
    const reported = answers.map((a, i) => (i === 0 ? { ...a, alreadyReported: true } : a));
    expect((await db.services.audits.saveFile({ roundId: round.id, ordinal, answers: reported, recordedBy: 'Hanna Handläggarsson' })).items[0]!.current).toMatchObject({ answer: 'nej', alreadyReported: true });
  });

  it('every item must be answered; nothing is written until all are', async () => {
    const round = await db.services.audits.createRound(spring());
    const answers = (await answersFor(round.id, 1)).slice(1);
    const refused = await issuesOf(db.services.audits.saveFile({ roundId: round.id, ordinal: 1, answers, recordedBy: 'Hanna Handläggarsson' }));
    expect(refused.issues).toEqual([{ path: '/answers', message: 'Punkt 1 är inte besvarad.' }]);
    expect((await db.services.audits.getRound(round.id)).files[0]!.answered).toBe(0);
  });

  it('a file that is not in the round is not found', async () => {
    const round = await db.services.audits.createRound(spring());
    expect(await failure(db.services.audits.getFile(round.id, 9))).toMatchObject({ code: 'NOT_FOUND', message: 'Akt 9 i omgången finns inte.' });
  });
});

describe('the summary: analysis and actions', () => {
  it('the analysis is kept in versions; an action is in the bevakningslista until done', async () => {
    const round = await db.services.audits.createRound(spring());
    await db.services.audits.saveAnalysis({ roundId: round.id, text: 'Övervägandena görs för sent.', recordedBy: 'Elin Enhetschefsson' });
    const withAction = await db.services.audits.addAction({ roundId: round.id, action: 'Påminnelse om övervägande i bevakningen', responsible: 'Elin Enhetschefsson', dueOn: '2026-12-01', recordedBy: 'Elin Enhetschefsson' });
    expect(withAction.analysis).toMatchObject({ text: 'Övervägandena görs för sent.' });
    expect(withAction.openActions).toBe(1);

    const listed = (await db.services.deadlines.overview('2026-11-22')).rows.filter((r) => r.rule === 'egenkontroll-atgard');
    expect(listed).toEqual([
      expect.objectContaining({ dueOn: '2026-12-01', status: 'due-soon', auditRoundId: round.id, personName: 'Elin Enhetschefsson', title: 'Åtgärd efter aktgranskning: Påminnelse om övervägande i bevakningen' }),
    ]);
    const before = await db.services.deadlines.counts('2026-11-22');

    const done = await db.services.audits.completeAction({ id: withAction.actions[0]!.id, doneOn: '2026-11-22', recordedBy: 'Elin Enhetschefsson' });
    expect(done.actions[0]).toMatchObject({ doneOn: '2026-11-22', doneBy: 'Elin Enhetschefsson' });
    expect((await db.services.deadlines.overview('2026-11-22')).rows.some((r) => r.rule === 'egenkontroll-atgard')).toBe(false);
    expect((await db.services.deadlines.counts('2026-11-22')).dueSoon).toBe(before.dueSoon - 1);
    expect(await failure(db.services.audits.completeAction({ id: withAction.actions[0]!.id, doneOn: '2026-11-22', recordedBy: 'X' }))).toMatchObject({ code: 'CONFLICT' });
  });

  it('the database refuses to change a round, its files and its answers, whoever writes', async () => {
    const round = await db.services.audits.createRound(spring());
    const raw = db.connection.raw;
    expect(() => raw.prepare("UPDATE audit_rounds SET seed = 'x' WHERE id = ?").run(round.id)).toThrow('En granskningsomgång och dess urval kan inte ändras eller tas bort.');
    expect(() => raw.prepare('DELETE FROM audit_files WHERE round_id = ?').run(round.id)).toThrow('kan inte ändras eller tas bort');
  });
});
