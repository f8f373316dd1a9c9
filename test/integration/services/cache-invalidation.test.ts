/**
 * The lists' cached results are recomputed when a table they rest on changes, by this connection
 * or another (the command line's nightly import), and kept when only other tables change
 * (change counters, migration 8).
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/connection';
import { registerCheckInput } from '../../../preload/api';
import { useServiceDatabase } from './harness';
import { randomRegister } from './random-register';

const db = useServiceDatabase('pk-cache-');
const D = '2026-11-22';

describe('a cached list is recomputed by the changes it rests on, and only by them', () => {
  it('a register check keeps the deadlines and renews the re-checks; an event does the opposite', async () => {
    const file = randomRegister(11);
    await db.services.exchange.importFile(file);
    const deadlines = await db.services.deadlines.compute(D);
    const rechecks = await db.services.checks.rechecks(D);

    const person = file.persons[0]!;
    await db.services.registerChecks.record(
      registerCheckInput.parse({ personId: person.id, register: 'belastningsregistret', checkedOn: D, outcome: 'utan-anmarkning', recordedBy: 'Saga Handläggarsson' }),
    );
    expect(await db.services.deadlines.compute(D)).toBe(deadlines);
    const rechecksAfterCheck = await db.services.checks.rechecks(D);
    expect(rechecksAfterCheck).not.toBe(rechecks);

    const open = file.placements.find((p) => p.endedOn === undefined)!;
    const event = await db.services.placements.recordEvent({ placementId: open.id as string, type: 'barnsamtal', date: D, comment: null, verdict: null });
    expect(await db.services.checks.rechecks(D)).toBe(rechecksAfterCheck);
    const deadlinesAfterEvent = await db.services.deadlines.compute(D);
    expect(deadlinesAfterEvent).not.toBe(deadlines);
    expect(deadlinesAfterEvent.some((d) => d.placementId === open.id && d.rule === 'barnsamtal' && d.basisOn === D)).toBe(true);
    expect(event.date).toBe(D);
  });

  it('a write by another connection to the same file is seen', async () => {
    const file = randomRegister(12);
    await db.services.exchange.importFile(file);
    const before = await db.services.deadlines.compute(D);
    const open = file.placements.find((p) => p.endedOn === undefined)!;
    const other = await openDatabase(db.file);
    try {
      await other.db.deleteFrom('events').where('placementId', '=', open.id as string).execute();
    } finally {
      await other.close();
    }
    const after = await db.services.deadlines.compute(D);
    expect(after).not.toBe(before);
    expect(after.filter((d) => d.placementId === open.id && d.rule === 'vardplan')).toHaveLength(1);
  });
});
