/**
 * The bevakningslista reads only what is open on its date (readOpenRegisterSnapshot): placements
 * active that day with the child's other placements, ended LVU care still waiting for its
 * follow-up, and the foster-home stays the home rule counts. Property: on random registers and
 * days, the engine's deadlines on that read are exactly its deadlines on the whole register.
 */
import { describe, expect, it } from 'vitest';
import { readOpenRegisterSnapshot, readRegisterSnapshot } from '../../../main/db/placements-repository';
import { computeDeadlines } from '../../../main/domain/deadlines';
import { toDeadlineRegister } from '../../../main/services/deadlines';
import { useServiceDatabase } from './harness';
import { daysToAsk, randomRegister } from './random-register';

const db = useServiceDatabase();
const seeds = Array.from({ length: 25 }, (_, i) => 1000 + i * 7919);

describe('the bevakningslista read for one day gives the deadlines of the whole register', () => {
  it.each(seeds)('random register, seed %i', async (seed) => {
    const file = randomRegister(seed);
    await db.services.exchange.importFile(file);
    const settings = await db.services.settings.effective();
    const whole = toDeadlineRegister(await readRegisterSnapshot(db.connection.db));
    let compared = 0;
    for (const day of daysToAsk(file, seed)) {
      const open = await readOpenRegisterSnapshot(db.connection.db, day);
      const expected = computeDeadlines(whole, day, settings);
      expect(computeDeadlines(toDeadlineRegister(open), day, settings), `seed ${seed}, ${day}`).toEqual(expected);
      // The point of it: the read leaves out what cannot matter.
      expect(open.placements.length).toBeLessThanOrEqual(whole.placements.length);
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('the service answers the same as the engine on the whole register, and one run serves requests made at once', async () => {
    await db.services.exchange.importFile(randomRegister(42));
    const settings = await db.services.settings.effective();
    const whole = toDeadlineRegister(await readRegisterSnapshot(db.connection.db));
    const day = '2026-11-22';
    const [a, b] = await Promise.all([db.services.deadlines.compute(day), db.services.deadlines.compute(day)]);
    expect(a).toBe(b);
    expect(a).toEqual(computeDeadlines(whole, day, settings));
  });
});

describe("a page of the list of placements counts its overdue deadlines from its own children's records", () => {
  it.each(seeds.slice(0, 10))('random register, seed %i: each page counts what the whole register counts', async (seed) => {
    const file = randomRegister(seed);
    await db.services.exchange.importFile(file);
    const settings = await db.services.settings.effective();
    const whole = toDeadlineRegister(await readRegisterSnapshot(db.connection.db));
    let overdueSeen = 0;
    for (const day of daysToAsk(file, seed)) {
      const expected = new Map<string, number>();
      for (const d of computeDeadlines(whole, day, settings)) {
        if (d.status === 'overdue' && d.placementId !== null) expected.set(d.placementId, (expected.get(d.placementId) ?? 0) + 1);
      }
      const ids = whole.placements.map((p) => p.id);
      // Pages of three: a page holds some of a child's placements and not others.
      for (let start = 0; start < ids.length; start += 3) {
        const page = ids.slice(start, start + 3);
        const counted = await db.services.deadlines.overdueOf(day, page);
        expect(Object.fromEntries(counted), `seed ${seed}, ${day}, ${page.join(' ')}`).toEqual(
          Object.fromEntries(page.filter((id) => expected.has(id)).map((id) => [id, expected.get(id)])),
        );
        overdueSeen += [...counted.values()].reduce((sum, n) => sum + n, 0);
      }
    }
    expect(overdueSeen).toBeGreaterThan(0);
  });
});
