/**
 * The journal's repository on both engines (issue 18): the same writes give the same notes, drafts,
 * assessments, deviations with their steps and note authors on the local register and the shared
 * one. The notes' search is FTS5 with the domain's stemmer on the one and the `swedish` text search
 * on the other (the shared register's migration 9), so hits need not be equal everywhere; they are
 * for the questions below, and each engine is checked for what it must find: inflected forms
 * ("skolor" finds "skola"), word beginnings, dates, authors and pages alike, and a protected child's
 * name never found until the protection is lifted.
 */
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import * as journal from '../../../main/db/journal-repository';
import { sharedKysely } from '../../../main/db/pg/kysely';
import type { Database } from '../../../main/db/schema';
import { matchQuery } from '../../../main/domain/swedish-search';
import { adminUrl, onBothEngines, useMigratedRegister } from './harness';

type Db = Kysely<Database>;

const note = (id: string, fields: { homeId?: string; placementId?: string; author: string; writtenOn: string; text: string; corrects?: string; category?: string }) => ({
  id,
  homeId: fields.homeId ?? null,
  placementId: fields.placementId ?? null,
  author: fields.author,
  writtenOn: fields.writtenOn,
  category: fields.category ?? 'kontakt',
  text: fields.text,
  signedAt: `${fields.writtenOn}T15:00:00.000Z`,
  corrects: fields.corrects ?? null,
});

/** The register every test writes, the same on both engines: children, one protected, in two homes. */
async function register(db: Db): Promise<void> {
  await db.insertInto('users').values({ id: 'U1', name: 'Anna Handläggare', initials: 'AH', role: 'handlaggare', createdAt: '2026-01-01T08:00:00.000Z' }).execute();
  await db
    .insertInto('homes')
    .values([
      { id: 'H1', kind: 'familjehem', name: 'Familjen Ek', orgNr: null, operator: null, municipality: 'Timrå', capacity: 2, targetGroup: null, agency: null },
      { id: 'H2', kind: 'hvb', name: 'Östergårdens HVB', orgNr: '556000-0019', operator: 'enskild', municipality: 'Ånge', capacity: 8, targetGroup: null, agency: null },
    ])
    .execute();
  await db
    .insertInto('children')
    .values([
      { id: 'C1', name: 'Ida Exempel', birthDate: '2014-05-01', personnummer: null, protectedIdentity: 1 },
      { id: 'C2', name: 'Olle Prov', birthDate: '2012-09-12', personnummer: null, protectedIdentity: 0 },
      // A name with characters a pattern would read as operators.
      { id: 'C3', name: 'Nour* (Al-Sayed) .+', birthDate: '2011-02-03', personnummer: null, protectedIdentity: 1 },
    ])
    .execute();
  await db
    .insertInto('placements')
    .values(['P1', 'P2', 'P3'].map((id, i) => ({ id, childId: `C${i + 1}`, legalBasis: 'SoL', decidedOn: '2025-12-01', startedOn: '2025-12-15', endedOn: null, endReason: null, caseworker: 'Anna Handläggare', unit: null, dailyCost: null })))
    .execute();
  await db
    .insertInto('stays')
    .values([
      { placementId: 'P1', ordinal: 0, homeId: 'H2', form: 'hvb', fromDate: '2025-12-15', toDate: '2026-01-31', decidedOn: null, investigationCompletedOn: null },
      { placementId: 'P1', ordinal: 1, homeId: 'H1', form: 'familjehem', fromDate: '2026-02-01', toDate: null, decidedOn: null, investigationCompletedOn: null },
      { placementId: 'P2', ordinal: 0, homeId: 'H1', form: 'familjehem', fromDate: '2025-12-20', toDate: null, decidedOn: null, investigationCompletedOn: null },
      { placementId: 'P3', ordinal: 0, homeId: 'H2', form: 'hvb', fromDate: '2026-01-05', toDate: null, decidedOn: null, investigationCompletedOn: null },
    ])
    .execute();

  const notes = [
    note('N1', { placementId: 'P1', author: 'Anna Handläggare', writtenOn: '2026-01-10', text: 'Idas skola har ringt. Ida mår bra i skolan.' }),
    note('N2', { placementId: 'P2', homeId: 'H1', author: 'Anna Handläggare', writtenOn: '2026-02-03', text: 'Olle byter skolor i höst.', category: 'barnsamtal' }),
    note('N3', { homeId: 'H1', author: 'Bo Konsulent', writtenOn: '2026-03-01', text: 'Hembesök: familjen talade om skola och fritid.', category: 'uppfoljningsbesok' }),
    note('N4', { homeId: 'H2', author: 'Bo Konsulent', writtenOn: '2026-03-01', text: 'Samtal med Émile om fotboll och läxor.' }),
    note('N5', { placementId: 'P2', homeId: 'H1', author: 'Anna Handläggare', writtenOn: '2026-02-03', text: 'Olle byter skola i höst, inte nu.', corrects: 'N2' }),
    note('N6', { placementId: 'P3', homeId: 'H2', author: 'Cecilia Exempelsson', writtenOn: '2026-03-15', text: 'Nour och Al-Sayed åt middag; Nours syster kom på besök.' }),
  ];
  // Enough hits for pages: the same word on seven more days.
  for (let day = 1; day <= 7; day += 1) {
    notes.push(note(`M${day}`, { homeId: 'H2', author: day % 2 === 0 ? 'Bo Konsulent' : 'Cecilia Exempelsson', writtenOn: `2026-04-0${day}`, text: `Veckomöte ${day}: fotbollsträning och skolarbete.` }));
  }
  for (const row of notes) await journal.insertNote(db, row);

  const draft = { id: 'D1', userId: 'U1', homeId: null, placementId: 'P2', category: 'kontakt', writtenOn: '2026-04-10', text: 'Utkast', corrects: null, savedAt: '2026-04-10T09:00:00.000Z' };
  await journal.saveDraft(db, draft);
  await journal.saveDraft(db, { ...draft, text: 'Utkast, skrivet vidare', savedAt: '2026-04-10T09:05:00.000Z' });
  await journal.saveDraft(db, { ...draft, id: 'D2', homeId: 'H1', placementId: null, savedAt: '2026-04-10T10:00:00.000Z' });
  await journal.saveDraft(db, { ...draft, id: 'D3', savedAt: '2026-04-10T11:00:00.000Z', corrects: 'N2' });
  await journal.deleteDraft(db, 'D3');

  const assessment = { id: 'A1', homeId: 'H1', placementId: 'P2', assessedOn: '2026-03-20', assessor: 'Anna Handläggare', scores: '{"trygghet":3}', childVoice: 'Trivs', comment: null, recordedBy: 'Anna Handläggare', recordedAt: '2026-03-20T10:00:00.000Z', corrects: null };
  await journal.insertAssessment(db, assessment);
  await journal.insertAssessment(db, { ...assessment, id: 'A2', scores: '{"trygghet":4}', recordedAt: '2026-03-21T10:00:00.000Z', corrects: 'A1' });
  await journal.insertAssessment(db, { ...assessment, id: 'A3', homeId: 'H2', placementId: null, assessedOn: '2026-02-01' });

  const deviation = { id: 'V1', homeId: 'H2', placementId: 'P3', reportedOn: '2026-03-02', kind: 'lex-sarah', category: null, severity: 'allvarlig', description: 'Rymning', status: 'oppen', reportedToIvo: 0, recordedBy: 'Anna Handläggare', recordedAt: '2026-03-02T12:00:00.000Z' };
  await journal.insertDeviation(db, deviation);
  await journal.insertDeviation(db, { ...deviation, id: 'V2', placementId: null, kind: 'avvikelse', reportedOn: '2026-03-05' });
  const step = { deviationId: 'V1', ordinal: 0, step: 'under-utredning', date: '2026-03-03', text: 'Utreds', serious: null, recordedBy: 'Anna Handläggare', recordedAt: '2026-03-03T08:00:00.000Z' };
  await journal.appendStep(db, step, { status: 'under-utredning', reportedToIvo: false });
  await journal.appendStep(db, { ...step, ordinal: 1, step: 'bedomning', date: '2026-03-04', serious: 1 }, { status: 'bedomd', reportedToIvo: false });
  await journal.appendStep(db, { ...step, ordinal: 2, step: 'anmald-ivo', date: '2026-03-05', text: null }, { status: 'anmald-ivo', reportedToIvo: true });
}

/** The notes a search finds, by id, in the order found, with the count. */
async function search(db: Db, query: string, more: Partial<journal.NoteSearch> = {}): Promise<{ ids: string[]; total: number }> {
  const { rows, total } = await journal.searchNotes(db, { query, match: matchQuery(query) ?? '""', order: 'newest', offset: 0, limit: 50, countLimit: 1000, ...more });
  return { ids: rows.map((r) => r.id), total };
}

const setProtection = (db: Db, childId: string, changes: { protectedIdentity?: number; name?: string }) => db.updateTable('children').set(changes).where('id', '=', childId).execute();

describe.runIf(adminUrl)('the journal on both engines', () => {
  const shared = useMigratedRegister('pk_journal_both');

  it('the same writes give the same notes, drafts, assessments, deviations and authors on the local and the shared register', async () => {
    await onBothEngines(shared, async (local, pg) => {
      await register(local.db);
      await register(pg);
      const ask = async (db: Db) => ({
        facts: [...(await journal.placementFacts(db, ['P1', 'P2', 'P1', 'P-gone']))].sort(([a], [b]) => a.localeCompare(b)),
        missing: [await journal.missingTargets(db, { homeId: 'H1', placementId: 'P-gone' }), await journal.missingTargets(db, { homeId: 'H-gone' })],
        stays: [await journal.homeStays(db, 'H1'), await journal.homeStays(db, 'H2')],
        homeNames: [...(await journal.homeNames(db, ['H1', 'H2', 'H1']))].sort(([a], [b]) => a.localeCompare(b)),
        rootsOfHome: await journal.listRootNotes(db, { homeId: 'H1' }, 0, 10),
        rootsPaged: [await journal.listRootNotes(db, { homeId: 'H2' }, 0, 3), await journal.listRootNotes(db, { homeId: 'H2' }, 3, 3)],
        rootsOfPlacement: await journal.listRootNotes(db, { placementId: 'P2' }, 0, 10),
        corrections: await journal.corrections(db, ['N2', 'N3']),
        note: await journal.getNote(db, 'N5'),
        noNote: await journal.getNote(db, 'N-gone'),
        corrected: [...(await journal.correctedIds(db, ['N1', 'N2', 'N5']))].sort(),
        authors: (await journal.noteAuthors(db)).sort(),
        drafts: await journal.listDrafts(db, 'U1'),
        draftsOfPlacement: await journal.listDrafts(db, 'U1', { placementId: 'P2' }),
        draft: await journal.getDraft(db, 'D1'),
        assessments: [await journal.listAssessments(db, { placementId: 'P2' }), await journal.listAssessments(db, { homeId: 'H2' })],
        assessment: await journal.getAssessment(db, 'A2'),
        deviations: [
          await journal.listDeviations(db),
          await journal.listDeviations(db, { statuses: ['anmald-ivo'] }),
          await journal.listDeviations(db, { kind: 'avvikelse', homeId: 'H2' }),
          await journal.listDeviations(db, { placementId: 'P3' }),
        ],
        deviation: await journal.getDeviation(db, 'V1'),
        steps: [...(await journal.stepsOf(db, ['V1', 'V2']))],
      });
      const [onSqlite, onPg] = [await ask(local.db), await ask(pg)];
      expect(onPg).toEqual(onSqlite);
      // And they are the right answers, not the same by accident.
      expect(onSqlite.rootsOfHome.rows.map((n) => n.id)).toEqual(['N3', 'N2']);
      expect(onSqlite.rootsOfHome.total).toBe(2);
      expect(onSqlite.rootsPaged.map((page) => page.rows.map((n) => n.id))).toEqual([['M7', 'M6', 'M5'], ['M4', 'M3', 'M2']]);
      expect(onSqlite.rootsPaged[0]!.total).toBe(9);
      expect(typeof onPg.note!.seq).toBe('number');
      expect(onSqlite.corrections.map((n) => n.id)).toEqual(['N5']);
      expect(onSqlite.corrected).toEqual(['N2']);
      expect(onSqlite.authors).toEqual(['Anna Handläggare', 'Bo Konsulent', 'Cecilia Exempelsson']);
      expect(onSqlite.drafts.map((d) => [d.id, d.text])).toEqual([['D2', 'Utkast'], ['D1', 'Utkast, skrivet vidare']]);
      expect(onSqlite.stays.map((stays) => stays.map((s) => [s.placementId, s.isLast]))).toEqual([
        [['P1', true], ['P2', true]],
        [['P3', true], ['P1', false]],
      ]);
      expect(onSqlite.deviation).toMatchObject({ status: 'anmald-ivo', reportedToIvo: 1 });
      expect(onSqlite.steps[0]![1].map((s) => s.step)).toEqual(['under-utredning', 'bedomning', 'anmald-ivo']);
      expect(onSqlite.missing).toEqual([{ home: false, placement: true }, { home: true, placement: false }]);
      expect(onSqlite.facts.map(([id, f]) => [id, f.protectedIdentity, f.stays.length])).toEqual([['P1', true, 2], ['P2', false, 1]]);
    });
  });

  it('finds notes alike on both: inflected forms and word beginnings, newest first, by date, author and page', async () => {
    await onBothEngines(shared, async (local, pg) => {
      // The first test's writes are the shared register's already, unless it ran alone.
      const engines = [local.db, pg];
      if ((await pg.selectFrom('notes').select('id').executeTakeFirst()) === undefined) await register(pg);
      await register(local.db);
      const questions: [string, Partial<journal.NoteSearch>][] = [
        ['skolor', {}],
        ['skola', { from: '2026-02-01', to: '2026-03-31' }],
        ['skola', { author: 'Anna Handläggare' }],
        ['skola', { homeId: 'H1', category: 'uppfoljningsbesok' }],
        ['fotboll', { limit: 3 }],
        ['fotboll', { limit: 3, offset: 3 }],
        ['fotboll', { limit: 3, offset: 6, countLimit: 4 }],
        ['fotb', {}],
        ['emile', {}],
        ['ÉMILE läxor', {}],
        ['olle höst', {}],
        ['middag', {}],
      ];
      const ask = (db: Db) => Promise.all(questions.map(([query, more]) => search(db, query, more)));
      const [onSqlite, onPg] = [await ask(local.db), await ask(pg)];
      expect(onPg).toEqual(onSqlite);
      const found = (query: string, at = 0) => onSqlite.filter((_, i) => questions[i]![0] === query)[at]!;
      // "skolor" finds "skola", "skolor", "skolan" and "skolarbete": the stem "skol" begins each.
      expect(found('skolor').ids).toEqual(['M7', 'M6', 'M5', 'M4', 'M3', 'M2', 'M1', 'N3', 'N5', 'N2', 'N1']);
      expect(found('skola', 0).ids).toEqual(['N3', 'N5', 'N2']);
      expect(found('skola', 1).ids.every((id) => ['N1', 'N2', 'N5'].includes(id))).toBe(true);
      expect(found('skola', 2).ids).toEqual(['N3']);
      expect(found('fotboll', 0)).toEqual({ ids: ['M7', 'M6', 'M5'], total: 8 });
      expect(found('fotboll', 1).ids).toEqual(['M4', 'M3', 'M2']);
      expect(found('fotboll', 2)).toEqual({ ids: ['M1', 'N4'], total: 5 });
      expect(found('fotb').total).toBe(8);
      expect(found('emile').ids).toEqual(['N4']);
      expect(found('ÉMILE läxor').ids).toEqual(['N4']);
      expect(found('olle höst').ids).toEqual(['N5', 'N2']);
      expect(found('middag').ids).toEqual(['N6']);

      // "Best first" ranks on each engine's own terms: the same notes, in an order of its own.
      for (const db of engines) expect((await search(db, 'fotboll', { order: 'best' })).ids.sort()).toEqual(['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7', 'N4']);
    });
  });

  it('never finds a protected child’s name, until the protection is lifted; a new name is hidden in its place', async () => {
    await onBothEngines(shared, async (local, pg) => {
      if ((await pg.selectFrom('notes').select('id').executeTakeFirst()) === undefined) await register(pg);
      await register(local.db);
      for (const db of [local.db, pg]) {
        await setProtection(db, 'C1', { protectedIdentity: 1 });
        await setProtection(db, 'C3', { protectedIdentity: 1, name: 'Nour* (Al-Sayed) .+' });
      }
      const names = ['ida', 'idas', 'exempel', 'nour', 'nours', 'al', 'sayed', 'al-sayed'];
      const ask = async (db: Db) => Object.fromEntries(await Promise.all(names.map(async (name) => [name, (await search(db, name)).ids] as const)));
      for (const db of [local.db, pg]) {
        // Hidden: the name, its genitive and a name's parts; what else the note says is found.
        expect(await ask(db)).toEqual({ ida: [], idas: [], exempel: [], nour: [], nours: [], al: [], sayed: [], 'al-sayed': [] });
        expect((await search(db, 'skolan')).ids).toContain('N1');
        expect((await search(db, 'middag')).ids).toEqual(['N6']);

        // Lifted: the notes about the child are indexed anew, and the name is found.
        await setProtection(db, 'C1', { protectedIdentity: 0 });
        await setProtection(db, 'C3', { protectedIdentity: 0 });
        expect(await ask(db)).toEqual({ ida: ['N1'], idas: ['N1'], exempel: [], nour: ['N6'], nours: ['N6'], al: ['N6'], sayed: ['N6'], 'al-sayed': ['N6'] });

        // Protected again under another name: that name is hidden, the old one is plain text now.
        await setProtection(db, 'C1', { protectedIdentity: 1, name: 'Mår Exempel' });
        expect((await search(db, 'ida')).ids).toEqual(['N1']);
        expect((await search(db, 'mår')).ids).toEqual([]);
        await setProtection(db, 'C1', { name: 'Ida Exempel' });
        expect((await search(db, 'ida')).ids).toEqual([]);
        expect((await search(db, 'mår')).ids).toEqual(['N1']);
      }
    });
  });

  it('keeps the search and the authors whoever writes: a handläggare, who may not update a signed note', async () => {
    const pg = sharedKysely(shared.pool);
    if ((await pg.selectFrom('notes').select('id').executeTakeFirst()) === undefined) await register(pg);
    const client = await shared.pool.connect();
    const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL ROLE ${rows[0]!.db}_handlaggare`);
      await client.query(
        "INSERT INTO notes (id, placement_id, author, written_on, category, text, signed_at) VALUES ('N9', 'P1', 'Dora Ny', '2026-05-01', 'kontakt', 'Ida har börjat på simskolan.', '2026-05-01T10:00:00.000Z')",
      );
      const found = async (word: string) =>
        (await client.query<{ id: string }>("SELECT id FROM notes WHERE search_terms @@ to_tsquery('swedish', $1) ORDER BY id", [`${word}:*`])).rows.map((r) => r.id);
      await client.query("UPDATE children SET protected_identity = 1 WHERE id = 'C1'");
      expect(await found('simskolan')).toEqual(['N9']);
      expect(await found('ida')).toEqual([]);
      await client.query("UPDATE children SET protected_identity = 0 WHERE id = 'C1'");
      expect(await found('ida')).toEqual(['N1', 'N9']);
      expect((await client.query("SELECT author FROM note_authors WHERE author = 'Dora Ny'")).rowCount).toBe(1);
      // The search column is the triggers' alone.
      await client.query('SAVEPOINT refused');
      await expect(client.query("UPDATE notes SET search_terms = '' WHERE id = 'N9'")).rejects.toThrow(/permission denied/);
      await client.query('ROLLBACK TO SAVEPOINT refused');
      // The log has the note as signed, once: the search's words are no part of it, and indexing anew
      // is no change. Read where the entries wait for the commit (migration 13), as the register's owner.
      await client.query('RESET ROLE');
      const logged = await client.query<{ action: string; detail: string }>(
        "SELECT action, detail FROM access_log_pending WHERE entity = 'notes' AND entity_id = 'N9' AND tx = txid_current()",
      );
      expect(logged.rows.map((r) => r.action)).toEqual(['insert']);
      expect(JSON.parse(logged.rows[0]!.detail)).toEqual({ after: expect.objectContaining({ id: 'N9', text: 'Ida har börjat på simskolan.' }) });
      expect(logged.rows[0]!.detail).not.toContain('search');
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
