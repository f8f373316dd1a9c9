/**
 * Journal notes, the search across them, assessments, deviations and lex Sarah, and a home's
 * history, over a real register. Fictional names; the children's personnummer are left out.
 */
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { signInAs } from '../../signed-in';
import { useServiceDatabase } from './harness';

const db = useServiceDatabase();

const register = {
  format: 'placeringskollen-exchange',
  version: 1,
  homes: [
    { id: 'H1', kind: 'hvb', name: 'Björkgården HVB', operator: 'enskild' },
    { id: 'F1', kind: 'familjehem', name: 'Familjen Ekström' },
  ],
  children: [
    { id: 'C1', birthDate: '2012-03-04', name: 'Tilda Testsson' },
    { id: 'C2', birthDate: '2011-05-06', name: 'Kalle Skyddsson', protectedIdentity: true },
  ],
  placements: [
    { id: 'PL1', childId: 'C1', legalBasis: 'SoL', decidedOn: '2024-01-10', startedOn: '2024-01-10', endedOn: '2025-03-01', endReason: 'sammanbrott', stays: [{ homeId: 'H1', form: 'hvb', from: '2024-01-10', to: '2025-03-01' }] },
    { id: 'PL2', childId: 'C2', legalBasis: 'LVU2', decidedOn: '2025-05-01', startedOn: '2025-05-01', stays: [{ homeId: 'H1', form: 'hvb', from: '2025-05-01' }] },
    { id: 'PL3', childId: 'C1', legalBasis: 'SoL', decidedOn: '2025-03-01', startedOn: '2025-03-01', stays: [{ homeId: 'F1', form: 'familjehem', from: '2025-03-01' }] },
  ],
};

async function writeNote(target: { homeId?: string; placementId?: string }, text: string, writtenOn = '2026-11-20', corrects: string | null = null) {
  const draft = await db.services.notes.saveDraft({ ...target, category: 'erfarenhet', writtenOn, text, corrects });
  return db.services.notes.sign(draft.id);
}

const search = (query: string, extra: Partial<Parameters<typeof db.services.notes.search>[0]> = {}) =>
  db.services.notes.search({ query, order: 'newest', offset: 0, limit: 50, ...extra });

const hitTexts = (result: Awaited<ReturnType<typeof search>>) => result.hits.map((h) => h.snippet.map((s) => s.text).join(''));

beforeEach(async () => {
  await db.services.exchange.importFile(register);
  await signInAs(db.services, 'handlaggare');
});

describe('journal notes: a draft is kept as typed, a signed note never changes', () => {
  it('a draft is saved again and again under one id, then signed by the signed-in user', async () => {
    const first = await db.services.notes.saveDraft({ homeId: 'H1', category: 'erfarenhet', writtenOn: '2026-11-20', text: 'Bra', corrects: null });
    const again = await db.services.notes.saveDraft({ id: first.id, homeId: 'H1', category: 'erfarenhet', writtenOn: '2026-11-20', text: 'Bra bemötande', corrects: null });
    expect(again.id).toBe(first.id);
    expect((await db.services.notes.list({ homeId: 'H1', offset: 0, limit: 20 })).drafts.map((d) => d.text)).toEqual(['Bra bemötande']);
    const note = await db.services.notes.sign(first.id);
    expect(note).toMatchObject({ author: 'Hanna Handläggarsson', text: 'Bra bemötande', homeName: 'Björkgården HVB', signedAt: '2026-11-22T09:00:00.000Z' });
    const page = await db.services.notes.list({ homeId: 'H1', offset: 0, limit: 20 });
    expect(page.drafts).toEqual([]);
    expect(page.notes.map((n) => n.id)).toEqual([note.id]);
  });

  it('the database itself refuses to change or delete a signed note', async () => {
    const note = await writeNote({ homeId: 'H1' }, 'Personalen var lyhörd.');
    const raw = db.connection.db;
    await expect(sql`UPDATE notes SET text = 'Ändrad' WHERE id = ${note.id}`.execute(raw)).rejects.toThrow('En signerad anteckning kan inte ändras');
    await expect(sql`DELETE FROM notes WHERE id = ${note.id}`.execute(raw)).rejects.toThrow('En signerad anteckning kan inte ändras');
    expect((await db.services.notes.list({ homeId: 'H1', offset: 0, limit: 20 })).notes[0]?.text).toBe('Personalen var lyhörd.');
  });

  it('a correction is a note of its own, shown with the note it corrects', async () => {
    const note = await writeNote({ homeId: 'H1' }, 'Besöket gjordes 3 november.');
    const fix = await writeNote({ homeId: 'H1' }, 'Rätt datum är 4 november.', '2026-11-21', note.id);
    const page = await db.services.notes.list({ homeId: 'H1', offset: 0, limit: 20 });
    expect(page.total).toBe(1);
    expect(page.notes[0]).toMatchObject({ id: note.id, text: 'Besöket gjordes 3 november.' });
    expect(page.notes[0]?.corrections.map((c) => [c.id, c.text, c.corrects])).toEqual([[fix.id, 'Rätt datum är 4 november.', note.id]]);
  });

  it('signing an empty draft, or one dated in the future, is refused at its field and writes nothing', async () => {
    const empty = await db.services.notes.saveDraft({ homeId: 'H1', category: 'erfarenhet', writtenOn: '2026-11-20', text: '   ', corrects: null });
    await expect(db.services.notes.sign(empty.id)).rejects.toMatchObject({ issues: [{ path: '/text' }] });
    const later = await db.services.notes.saveDraft({ homeId: 'H1', category: 'erfarenhet', writtenOn: '2026-12-24', text: 'Julbesök', corrects: null });
    await expect(db.services.notes.sign(later.id)).rejects.toMatchObject({ issues: [{ path: '/writtenOn' }] });
    expect((await db.services.notes.list({ homeId: 'H1', offset: 0, limit: 20 })).total).toBe(0);
  });

  it("another user's draft is neither listed nor signable", async () => {
    const draft = await db.services.notes.saveDraft({ homeId: 'H1', category: 'kontakt', writtenOn: '2026-11-20', text: 'Ringde hemmet.', corrects: null });
    await signInAs(db.services, 'enhetschef');
    expect(await db.services.notes.drafts()).toEqual([]);
    await expect(db.services.notes.sign(draft.id)).rejects.toThrow('Utkastet finns inte längre');
  });
});

describe('search in notes: Swedish word forms, å/ä/ö, a protected child', () => {
  beforeEach(async () => {
    await writeNote({ homeId: 'H1' }, 'Skolan ligger nära och skolans kurator är engagerad.', '2026-10-01');
    await writeNote({ homeId: 'F1' }, 'Barnen trivs. Familjen far ofta till landet.', '2026-10-02');
    await writeNote({ homeId: 'H1' }, 'Vi får svar från IVO i januari.', '2026-10-03');
    await writeNote({ placementId: 'PL2' }, 'Kalle berättade om skolan och ville byta klass.', '2026-10-04');
  });

  it('"skola" finds skolan and skolans, "barn" finds barnen; the found words are marked', async () => {
    const skola = await search('skola');
    expect(skola.total).toBe(2);
    const first = skola.hits.find((h) => h.homeId === 'H1' && h.childLabel === null);
    expect(first?.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['Skolan', 'skolans']);
    expect(hitTexts(await search('barn'))).toEqual(['Barnen trivs. Familjen far ofta till landet.']);
  });

  it('case does not matter, but å/ä/ö are letters of their own: "får" is not "far"', async () => {
    expect(hitTexts(await search('FÅR'))).toEqual(['Vi får svar från IVO i januari.']);
    expect(hitTexts(await search('far'))).toEqual(['Barnen trivs. Familjen far ofta till landet.']);
  });

  it("a protected child's name is never found, and never shown in a hit", async () => {
    expect((await search('Kalle')).total).toBe(0);
    const hits = (await search('klass')).hits;
    expect(hits).toHaveLength(1);
    expect(hitTexts({ ...(await search('klass')) })[0]).not.toContain('Kalle');
    // Seen from the search the child is not named, and its placement is not linked from the home.
    expect(hits[0]).toMatchObject({ childLabel: 'Skyddad identitet (f. 2011)', placementId: null });
  });

  it('filters by home and period, and the newest come first', async () => {
    expect((await search('skola', { homeId: 'H1', to: '2026-10-01' })).hits.map((h) => h.writtenOn)).toEqual(['2026-10-01']);
    expect((await search('skola')).hits.map((h) => h.writtenOn)).toEqual(['2026-10-04', '2026-10-01']);
    // Both ends of the period are days included (the index is keyed by day).
    expect((await search('skola', { from: '2026-10-04', to: '2026-10-04' })).hits.map((h) => h.writtenOn)).toEqual(['2026-10-04']);
    expect((await search('skola', { from: '2026-10-02', to: '2026-10-03' })).total).toBe(0);
  });

  it('best first puts the note that is most about the word first, whatever its date', async () => {
    await writeNote({ homeId: 'F1' }, 'Klassresan gick bra.', '2026-10-06');
    await writeNote({ homeId: 'F1' }, 'Klass, klassen, klassens lärare: allt om klassen.', '2026-09-01');
    const newest = await search('klass');
    // The beginning of a compound is found too (klassresan).
    expect(newest.hits.map((h) => h.writtenOn)).toEqual(['2026-10-06', '2026-10-04', '2026-09-01']);
    const best = await search('klass', { order: 'best' });
    expect(best.hits.map((h) => h.writtenOn)[0]).toBe('2026-09-01');
    expect(best.total).toBe(3);
  });

  it('a corrected note says so in its hit', async () => {
    const [hit] = (await search('januari')).hits;
    await writeNote({ homeId: 'H1' }, 'Svaret kommer i februari.', '2026-10-05', hit?.id ?? null);
    expect((await search('januari')).hits[0]?.corrected).toBe(true);
  });

  it('a query of FTS5 syntax is taken as words, not as a query language', async () => {
    await expect(search('skola" OR NEAR(barn')).resolves.toMatchObject({ total: 0 });
    expect((await search('(skolan)')).total).toBe(2);
  });
});

describe('deviations and lex Sarah: steps in order, and the anmälan till IVO', () => {
  async function lexSarah(reportedOn: string) {
    return db.services.journal.recordDeviation({ homeId: 'H1', reportedOn, kind: 'lex-sarah', category: 'sakerhet', severity: 'allvarlig', description: 'Barnet lämnades utan tillsyn en natt.', recordedBy: 'x' });
  }
  const step = (deviationId: string, step: 'under-utredning' | 'bedomning' | 'anmald-ivo' | 'atgardad' | 'avslutad', date: string, serious: boolean | null = null) =>
    db.services.journal.addStep({ deviationId, step, date, text: null, serious, recordedBy: 'x' });

  it('a lex Sarah report is investigated, judged, and when serious reported to IVO before it is closed', async () => {
    const report = await lexSarah('2026-01-20');
    expect(report.nextSteps).toEqual(['under-utredning']);
    await step(report.id, 'under-utredning', '2026-01-21');
    const judged = await step(report.id, 'bedomning', '2026-01-31', true);
    expect(judged.nextSteps).toEqual(['anmald-ivo', 'atgardad']);
    await expect(step(report.id, 'avslutad', '2026-02-01')).rejects.toMatchObject({ issues: [{ path: '/step' }] });
    const reported = await step(report.id, 'anmald-ivo', '2026-02-03');
    expect(reported).toMatchObject({ reportedToIvo: true, ivoDeadline: null, nextSteps: ['atgardad', 'avslutad'] });
    expect((await step(report.id, 'avslutad', '2026-02-10')).status).toBe('avslutad');
  });

  it('judged serious on the last of a month, the anmälan is due 14 days later in the next month, with the new law', async () => {
    const report = await lexSarah('2026-01-20');
    await step(report.id, 'under-utredning', '2026-01-21');
    await step(report.id, 'bedomning', '2026-01-31', true);
    const shown = await db.services.journal.getDeviation(report.id, '2026-02-14');
    expect(shown.ivoDeadline).toMatchObject({ dueOn: '2026-02-14', basisOn: '2026-01-31', legalRef: 'SoL 27 kap. 6 §' });
    // In the bevakningslista with the rest, linked to the report.
    const row = (await db.services.deadlines.overview('2026-02-15')).rows.find((r) => r.rule === 'lex-sarah-anmalan');
    expect(row).toMatchObject({ deviationId: report.id, dueOn: '2026-02-14', status: 'overdue', homeId: 'H1', satisfiedBy: null });
  });

  it('over a leap day: judged 2028-02-20, due 2028-03-05', async () => {
    db.clock.set('2028-03-01T09:00:00.000Z');
    const report = await lexSarah('2028-02-18');
    await step(report.id, 'under-utredning', '2028-02-19');
    await step(report.id, 'bedomning', '2028-02-20', true);
    expect((await db.services.journal.getDeviation(report.id, '2028-03-01')).ivoDeadline?.dueOn).toBe('2028-03-05');
  });

  it('judged not serious, no anmälan is due', async () => {
    const report = await lexSarah('2026-01-20');
    await step(report.id, 'under-utredning', '2026-01-21');
    const judged = await step(report.id, 'bedomning', '2026-01-31', false);
    expect(judged).toMatchObject({ ivoDeadline: null, nextSteps: ['atgardad', 'avslutad'] });
  });

  it('a step before the one before it, or a bedömning without an answer, is refused and writes nothing', async () => {
    const report = await lexSarah('2026-01-20');
    await expect(step(report.id, 'under-utredning', '2026-01-19')).rejects.toMatchObject({ issues: [{ path: '/date' }] });
    await step(report.id, 'under-utredning', '2026-01-21');
    await expect(step(report.id, 'bedomning', '2026-01-22')).rejects.toMatchObject({ issues: [{ path: '/serious' }] });
    expect((await db.services.journal.getDeviation(report.id, '2026-01-22')).steps.map((s) => s.step)).toEqual(['under-utredning']);
  });

  it('the database refuses to change a step or what was reported', async () => {
    const report = await lexSarah('2026-01-20');
    await step(report.id, 'under-utredning', '2026-01-21');
    const raw = db.connection.db;
    await expect(sql`UPDATE deviation_steps SET date = '2026-01-01'`.execute(raw)).rejects.toThrow('kan inte ändras');
    await expect(sql`UPDATE deviations SET description = 'Inget hände.'`.execute(raw)).rejects.toThrow('kan inte ändras');
    await expect(sql`DELETE FROM deviations`.execute(raw)).rejects.toThrow('kan inte ändras');
  });

  it('the list shows the open first, with counts', async () => {
    const open = await lexSarah('2026-01-20');
    const closed = await db.services.journal.recordDeviation({ placementId: 'PL3', reportedOn: '2026-02-01', kind: 'avvikelse', category: null, severity: 'lag', description: 'Journalanteckning försenad.', recordedBy: 'x' });
    await step(closed.id, 'avslutad', '2026-02-02');
    const page = await db.services.journal.deviationPage({ date: '2026-11-22', offset: 0, limit: 50 });
    expect(page.rows.map((d) => d.id)).toEqual([open.id, closed.id]);
    expect(page.counts).toMatchObject({ open: 1, byStatus: { oppen: 1, avslutad: 1 } });
    // The list's search: every word somewhere, in any order, Swedish-folded.
    const found = await db.services.journal.deviationPage({ date: '2026-11-22', query: 'NATT björkgården', offset: 0, limit: 50 });
    expect(found.rows.map((d) => d.id)).toEqual([open.id]);
  });
});

describe('an assessment after a visit or barnsamtal', () => {
  it("is refused at the event when the event is not one of the placement's visits or barnsamtal", async () => {
    const visit = await db.services.placements.recordEvent({ placementId: 'PL3', type: 'uppfoljningsbesok', date: '2026-11-01', comment: null, verdict: null });
    const plan = await db.services.placements.recordEvent({ placementId: 'PL3', type: 'vardplan', date: '2026-11-01', comment: null, verdict: null });
    const scores = { trygghet: 4, skola: null, halsa: null, delaktighet: null, samverkan: null, kontinuitet: null };
    const assess = (eventId: string, placementId = 'PL3') =>
      db.services.journal.recordAssessment({ placementId, assessedOn: '2026-11-01', eventId, scores, childVoice: null, comment: null, corrects: null, recordedBy: 'x' });
    await expect(assess(plan.id)).rejects.toMatchObject({ issues: [{ path: '/eventId' }] });
    await expect(assess(visit.id, 'PL2')).rejects.toMatchObject({ issues: [{ path: '/eventId' }] });
    expect(await db.services.journal.listAssessments('PL3')).toEqual([]);
    expect((await assess(visit.id)).scores).toEqual({ trygghet: 4 });
  });
});

describe("a home's history", () => {
  it('every placement there with age, basis and how it ended; a protected child not linked; assessments over time', async () => {
    await db.services.journal.recordAssessment({ placementId: 'PL1', assessedOn: '2024-06-01', eventId: null, scores: { trygghet: 4, skola: 2, halsa: null, delaktighet: null, samverkan: null, kontinuitet: null }, childVoice: 'trivs', comment: null, corrects: null, recordedBy: 'x' });
    const earlier = await db.services.journal.recordAssessment({ placementId: 'PL1', assessedOn: '2024-12-01', eventId: null, scores: { trygghet: 1, skola: null, halsa: null, delaktighet: null, samverkan: null, kontinuitet: null }, childVoice: 'vill-flytta', comment: null, corrects: null, recordedBy: 'x' });
    await db.services.journal.recordAssessment({ placementId: 'PL1', assessedOn: '2024-12-01', eventId: null, scores: { trygghet: 2, skola: null, halsa: null, delaktighet: null, samverkan: null, kontinuitet: null }, childVoice: 'vill-flytta', comment: 'Rättad', corrects: earlier.id, recordedBy: 'x' });
    await writeNote({ placementId: 'PL1' }, 'Placeringen bröt samman efter en konflikt.', '2025-03-01');
    const history = await db.services.journal.homeHistory('H1', '2026-11-22');
    expect(history.home.name).toBe('Björkgården HVB');
    expect(history.placements.map((p) => [p.placementId, p.ageAtStart, p.legalBasis, p.breakdown, p.endReason])).toEqual([
      [null, 13, 'LVU2', false, null],
      ['PL1', 11, 'SoL', true, 'sammanbrott'],
    ]);
    expect(history.placementCounts).toEqual({ total: 2, breakdowns: 1, ongoing: 1 });
    // The replaced assessment is left out of the series.
    expect(history.assessments.trygghet).toEqual([{ assessedOn: '2024-06-01', score: 4 }, { assessedOn: '2024-12-01', score: 2 }]);
    expect(history.voices.map((v) => v.childVoice)).toEqual(['vill-flytta', 'trivs']);
    // A note on a placement there belongs to the home's history too.
    expect(history.notes.notes.map((n) => n.text)).toEqual(['Placeringen bröt samman efter en konflikt.']);
    expect(history.checks.map((c) => c.label)).toEqual(['IVO-tillstånd']);
  });
});

describe('the exchange file carries the journal: export, import into an empty register, export again', () => {
  it('gives the same file, and the same file twice writes nothing new', async () => {
    const note = await writeNote({ homeId: 'H1' }, 'Första intrycket var gott.');
    await writeNote({ homeId: 'H1' }, 'Rättelse: intrycket var blandat.', '2026-11-21', note.id);
    await db.services.journal.recordAssessment({ placementId: 'PL3', assessedOn: '2026-11-01', eventId: null, scores: { trygghet: 5, skola: 4, halsa: null, delaktighet: null, samverkan: null, kontinuitet: null }, childVoice: 'trivs', comment: 'Trygg', corrects: null, recordedBy: 'x' });
    const report = await db.services.journal.recordDeviation({ homeId: 'H1', reportedOn: '2026-11-01', kind: 'lex-sarah', category: 'sakerhet', severity: 'allvarlig', description: 'Brist i tillsynen.', recordedBy: 'x' });
    await db.services.journal.addStep({ deviationId: report.id, step: 'under-utredning', date: '2026-11-02', text: 'Utredning påbörjad', serious: null, recordedBy: 'x' });
    await db.services.journal.addStep({ deviationId: report.id, step: 'bedomning', date: '2026-11-10', text: null, serious: true, recordedBy: 'x' });
    const exported = await db.services.exchange.exportAll();
    expect(exported.deviations[0]?.steps?.map((s) => s.step)).toEqual(['under-utredning', 'bedomning']);
    expect(exported.notes.find((n) => n.corrects === note.id)).toBeDefined();

    const { openDatabase } = await import('../../../main/db/connection');
    const { createServices } = await import('../../../main/services');
    const { testClock } = await import('../../clock');
    const other = await openDatabase(':memory:');
    try {
      const services = createServices(other.db, { clock: testClock() });
      await services.exchange.importFile(exported);
      expect(await services.exchange.exportAll()).toEqual(exported);
      await services.exchange.importFile(exported);
      expect(await services.exchange.exportAll()).toEqual(exported);
      // The imported notes are found by the search.
      await signInAs(services, 'handlaggare');
      expect((await services.notes.search({ query: 'intryck', order: 'newest', offset: 0, limit: 10 })).total).toBe(2);
    } finally {
      await other.close();
    }
  });
});

describe('a file that would change what is only added to is refused with reasons, and writes nothing', () => {
  it('a signed note, an assessment, a deviation and its earlier step, each at its path', async () => {
    await writeNote({ homeId: 'H1' }, 'Gott bemötande.');
    await db.services.journal.recordAssessment({ placementId: 'PL3', assessedOn: '2026-11-01', eventId: null, scores: { trygghet: 5, skola: null, halsa: null, delaktighet: null, samverkan: null, kontinuitet: null }, childVoice: null, comment: null, corrects: null, recordedBy: 'x' });
    const report = await db.services.journal.recordDeviation({ homeId: 'H1', reportedOn: '2026-11-01', kind: 'avvikelse', category: null, severity: 'lag', description: 'Försenad dokumentation.', recordedBy: 'x' });
    await db.services.journal.addStep({ deviationId: report.id, step: 'under-utredning', date: '2026-11-02', text: null, serious: null, recordedBy: 'x' });
    const exported = await db.services.exchange.exportAll();
    const changed = structuredClone(exported);
    changed.notes[0]!.text = 'Dåligt bemötande.';
    changed.assessments[0]!.scores = { trygghet: 1 };
    changed.deviations[0]!.description = 'Ingenting hände.';
    changed.deviations[0]!.steps![0]!.date = '2026-11-03';
    changed.homes[0]!.name = 'Nytt namn';
    await expect(db.services.exchange.importFile(changed)).rejects.toMatchObject({
      issues: [
        { path: '/notes/0', message: expect.stringContaining('signerad') },
        { path: '/assessments/0' },
        { path: '/deviations/0' },
        { path: '/deviations/0/steps/0' },
      ],
    });
    expect(await db.services.exchange.exportAll()).toEqual(exported);
    // Steps beyond the stored ones are added.
    const more = structuredClone(exported);
    more.deviations[0]!.steps!.push({ step: 'avslutad', date: '2026-11-05' });
    await db.services.exchange.importFile({ ...more, deviations: more.deviations.map((d) => ({ ...d, status: 'avslutad' as const })) });
    expect((await db.services.journal.getDeviation(report.id, '2026-11-22')).steps.map((s) => s.step)).toEqual(['under-utredning', 'avslutad']);
  });
});

describe('a placement removed as a mistake', () => {
  it('leaves its signed notes, drafts and deviations with its home', async () => {
    const note = await writeNote({ placementId: 'PL3' }, 'Första besöket.');
    const draft = await db.services.notes.saveDraft({ placementId: 'PL3', category: 'kontakt', writtenOn: '2026-11-21', text: 'Halvskrivet', corrects: null });
    await db.services.journal.recordDeviation({ placementId: 'PL3', reportedOn: '2026-11-01', kind: 'avvikelse', category: null, severity: 'lag', description: 'Sen rapport.', recordedBy: 'x' });
    await db.services.placements.removePlacement({ id: 'PL3', reason: 'Inlagd på fel barn', removedBy: 'x' });
    const page = await db.services.notes.list({ homeId: 'F1', offset: 0, limit: 20 });
    expect(page.notes.map((n) => [n.id, n.placementId])).toEqual([[note.id, null]]);
    expect(page.drafts.map((d) => [d.id, d.homeId, d.placementId])).toEqual([[draft.id, 'F1', null]]);
    expect((await db.services.journal.deviationPage({ date: '2026-11-22', homeId: 'F1', offset: 0, limit: 10 })).total).toBe(1);
  });
});

describe('a file with a journal that does not hold together is refused with reasons, and writes nothing', () => {
  it('a bedömning without its answer, an answer on another step, a correction of a note that does not exist or of itself', async () => {
    const before = await db.services.exchange.exportAll();
    const file = {
      format: 'placeringskollen-exchange',
      version: 1,
      notes: [
        { id: 'N1', homeId: 'H1', author: 'Hanna Handläggarsson', writtenOn: '2026-11-01', category: 'erfarenhet', text: 'Rättelse.', corrects: 'N-SAKNAS' },
        { id: 'N2', homeId: 'H1', author: 'Hanna Handläggarsson', writtenOn: '2026-11-01', category: 'erfarenhet', text: 'Rättar sig själv.', corrects: 'N2' },
      ],
      deviations: [
        {
          id: 'D1', homeId: 'H1', reportedOn: '2026-01-20', kind: 'lex-sarah', severity: 'allvarlig', description: 'Brist i tillsynen.',
          steps: [{ step: 'under-utredning', date: '2026-01-21', serious: false }, { step: 'bedomning', date: '2026-01-31' }],
        },
      ],
    };
    await expect(db.services.exchange.importFile(file)).rejects.toMatchObject({
      issues: [
        { path: '/notes/1/corrects', message: 'kan inte hänvisa till sig själv' },
        { path: '/deviations/0/steps/0/serious', message: 'gäller bara bedomning, inte under-utredning' },
        { path: '/deviations/0/steps/1/serious', message: expect.stringContaining('saknas') },
      ],
    });
    const { notes: _notes, ...rest } = file;
    await expect(db.services.exchange.importFile({ ...rest, deviations: [], notes: [file.notes[0]] })).rejects.toMatchObject({
      issues: [{ path: '/notes/0/corrects', message: 'hänvisar till anteckningen "N-SAKNAS" som inte finns' }],
    });
    expect(await db.services.exchange.exportAll()).toEqual(before);
  });
});

