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
