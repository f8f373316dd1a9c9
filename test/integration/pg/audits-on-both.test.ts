/**
 * The file audits' repository on both engines (issue 18): the same round, answers, analyses and
 * actions give the same reads on the local register and the shared one.
 */
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import * as audits from '../../../main/db/audits-repository';
import type { Database } from '../../../main/db/schema';
import { entries, sorted, writeFictionalRegister } from './fictional-register';
import { adminUrl, onBothEngines, useMigratedRegister } from './harness';

async function ask(db: Kysely<Database>) {
  const facts = await audits.fileHomeFacts(db, ['F1', 'H1', 'F1']);
  return {
    spans: sorted(await audits.placementSpans(db, false)),
    spansWithStays: sorted(await audits.placementSpans(db, true)),
    recent: [...(await audits.recentlyAudited(db, '2025-01-01'))].sort(),
    notRecent: [...(await audits.recentlyAudited(db, '2025-06-30'))],
    rounds: await audits.listRounds(db),
    round: await audits.getRound(db, 'R1'),
    files: await audits.roundFiles(db, 'R1'),
    answers: await audits.roundAnswers(db, 'R1'),
    answersOfFile2: await audits.roundAnswers(db, 'R1', 2),
    analysis: await audits.latestAnalysis(db, 'R1'),
    actions: await audits.roundActions(db, 'R1'),
    open: await audits.openActions(db),
    action: await audits.getAction(db, 'AA1'),
    statuses: entries(await audits.deviationStatuses(db, ['D1', 'D2', 'X'])),
    homeFacts: { homeStays: sorted(facts.homeStays), homeEvents: sorted(facts.homeEvents) },
  };
}

describe.runIf(adminUrl)('the file audits on both engines', () => {
  const shared = useMigratedRegister('pk_audits_both');

  it('the same round, answers and actions give the same reads', async () => {
    await onBothEngines(shared, async (local, pg) => {
      for (const db of [local.db, pg]) await writeFictionalRegister(db);
      const [onSqlite, onPg] = [await ask(local.db), await ask(pg)];
      expect(onPg).toEqual(onSqlite);

      // The right answers, not equal by accident.
      expect(onSqlite.spansWithStays.find((s) => s.id === 'P1')!.stays.map((s) => s.form)).toEqual(['jourhem', 'familjehem']);
      expect(onSqlite.spans.every((s) => s.stays.length === 0)).toBe(true);
      expect(onSqlite.recent).toEqual(['P1']); // P2's file was drawn but never answered
      expect(onSqlite.notRecent).toEqual([]);
      expect(onSqlite.rounds).toEqual([expect.objectContaining({ id: 'R1', audited: 1, openActions: 1 })]);
      expect(onSqlite.files.map((f) => [f.placementId, f.childName])).toEqual([['P1', 'Tolvan Tolvansson'], ['P2', 'Maja Ärlig-Öst']]);
      expect(onSqlite.answers.map((a) => [a.seq, a.itemId])).toEqual([[1, 'beslut'], [2, 'vardplan']]);
      expect(onSqlite.answersOfFile2).toEqual([]);
      expect(onSqlite.analysis).toMatchObject({ seq: 2, text: 'Vårdplanerna kommer sent; rutinen ses över.' });
      expect(onSqlite.actions.map((a) => [a.id, a.doneOn])).toEqual([['AA1', '2025-09-15'], ['AA2', null]]);
      expect(onSqlite.open).toEqual([{ id: 'AA2', roundId: 'R1', action: 'Utbildning i BBIC', responsible: 'Enhetschefen', dueOn: '2025-12-01', createdAt: '2025-07-05T09:00:00.000Z', roundName: 'Våren 2025', unit: 'Barn och unga' }]);
      expect(onSqlite.statuses).toEqual([['D1', 'under-utredning'], ['D2', 'avslutad']]);
      expect(onSqlite.homeFacts.homeStays.map((s) => s.homeId)).toEqual(['F1', 'F1', 'H1', 'H1']);
      expect(onSqlite.homeFacts.homeEvents.map((e) => e.type)).toEqual(['ivo-anmalan-fler-an-tre', 'ivo-tillsyn']);
    });
  });
});
