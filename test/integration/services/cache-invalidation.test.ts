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
import { saveInputOf } from '../../home-input';

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

  it("the list of placements keeps its search when a home's capacity changes, and searches again when a home is renamed", async () => {
    const file = randomRegister(14);
    await db.services.exchange.importFile(file);
    const question = { date: D, query: '', activeOnly: false, sort: { column: 'home', direction: 'asc' } } as const;
    const find = () => db.services.placements.findPlacements(question, new Map());
    const found = await find();
    const homeId = (file.placements as { stays: { homeId: string }[] }[]).find((p) => p.stays.length > 0)!.stays[0]!.homeId;
    const home = await db.services.homes.get(homeId);
    const resized = await db.services.homes.save({ ...saveInputOf(home), capacity: (home.capacity ?? 0) + 1, duplicateConfirmed: true });
    expect(await find()).toBe(found);
    await db.services.homes.save({ ...saveInputOf(resized), name: 'Åbygårdens nya namn', duplicateConfirmed: true });
    const renamed = await find();
    expect(renamed).not.toBe(found);
    const byNewName = await db.services.placements.findPlacements({ ...question, query: 'åbygårdens' }, new Map());
    expect(byNewName.ids.length).toBeGreaterThan(0);
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

describe('the day is prepared as the register opens', () => {
  it("warmUp builds today's bevakningslista and the re-checks: the first requests are answered from it", async () => {
    const file = randomRegister(13);
    await db.services.exchange.importFile(file);
    const today = db.clock.today();
    await db.services.warmUp();
    // Shared, not rebuilt: the run the navigation's counts read is the one warmUp made.
    const rechecks = await db.services.checks.rechecks(today);
    const deadlines = await db.services.deadlines.compute(today);
    const page = await db.services.deadlines.page({ date: today, offset: 0, limit: 100 });
    expect(await db.services.checks.rechecks(today)).toBe(rechecks);
    expect(await db.services.deadlines.compute(today)).toBe(deadlines);
    expect(page.total).toBe((await db.services.deadlines.overview(today)).rows.length);
    expect(page.total).toBeGreaterThan(0);
  });

  it('a failure while preparing is left to the window\'s own request, which says what went wrong', async () => {
    // A damaged register: a table the list reads is gone.
    await db.connection.raw.exec('DROP TABLE events');
    await expect(db.services.warmUp()).resolves.toBeUndefined();
    await expect(db.services.deadlines.page({ date: db.clock.today(), offset: 0, limit: 100 })).rejects.toThrow();
  });
});
