/**
 * The navigation's Kontroller badge and the bevakningslista's re-checks read only the placements
 * active on their day (readOpenChecksSnapshot). Property: on random registers and days they are
 * exactly what the whole register's list gives.
 */
import { describe, expect, it } from 'vitest';
import { readChecksSnapshot } from '../../../main/db/checks-repository';
import { occupancyWarnings, placementsInHomeOn } from '../../../main/domain/capacity';
import { readinessAt } from '../../../main/domain/checks';
import { legalReferenceOn } from '../../../main/domain/rule-settings';
import { toCheckRegister } from '../../../main/services/checks';
import { useServiceDatabase } from './harness';
import { daysToAsk, randomRegister } from './random-register';

const db = useServiceDatabase();
const seeds = Array.from({ length: 20 }, (_, i) => 77 + i * 104729);

describe('the checks counted for the navigation are those of the whole list', () => {
  it.each(seeds)('random register, seed %i', async (seed) => {
    const file = randomRegister(seed);
    await db.services.exchange.importFile(file);
    let counted = 0;
    for (const day of daysToAsk(file, seed)) {
      const whole = await db.services.checks.overview(day);
      const counts = await db.services.checks.counts(day);
      expect(counts, `seed ${seed}, ${day}`).toEqual(whole.counts);
      const rechecks = (await db.services.checks.rechecks(day)).map((r) => `${r.homeId}|${r.personId}|${r.register}|${r.dueOn}|${r.status}|${r.basisOn}`).sort();
      const listed = whole.rows
        .filter((row) => row.check === 'registerkontroll-fortlopande')
        .map((r) => `${r.homeId}|${r.personId}|${r.register}|${r.date}|${r.status}|${r.checkedOn ?? r.date}`)
        .sort();
      expect(rechecks, `seed ${seed}, ${day}`).toEqual(listed);
      counted += counts.problems + counts.overdue + counts.dueSoon + rechecks.length;
    }
    expect(counted).toBeGreaterThan(0);
  });

  it.each(seeds.slice(0, 8))('a home panel\'s re-checks are the list\'s, seed %i', async (seed) => {
    const file = randomRegister(seed);
    await db.services.exchange.importFile(file);
    let compared = 0;
    for (const day of daysToAsk(file, seed)) {
      const listed = (await db.services.checks.overview(day)).rows.filter((row) => row.check === 'registerkontroll-fortlopande');
      for (const home of file.homes) {
        const panel = await db.services.registerChecks.homeChecks(home.id, day);
        const shown = panel.persons
          .flatMap((person) => person.registers.filter((r) => r.dueOn !== null).map((r) => `${person.personId}|${r.register}|${r.dueOn}|${r.status}`))
          .sort();
        const expected = listed.filter((row) => row.homeId === home.id).map((r) => `${r.personId}|${r.register}|${r.date}|${r.status}`).sort();
        expect(shown, `seed ${seed}, ${home.id}, ${day}`).toEqual(expected);
        compared += expected.length;
      }
    }
    expect(compared).toBeGreaterThan(0);
  });

  it.each(seeds.slice(0, 8))('a placement page\'s checks are the list\'s, seed %i', async (seed) => {
    const file = randomRegister(seed);
    await db.services.exchange.importFile(file);
    let compared = 0;
    for (const day of daysToAsk(file, seed).slice(0, 4)) {
      const listed = (await db.services.checks.overview(day)).rows.filter((row) => row.check !== 'registerkontroll-fortlopande');
      for (const placement of file.placements) {
        const id = placement.id as string;
        const page = (await db.services.checks.forPlacement(id, day)).map((r) => `${r.check}|${r.homeId}|${r.personId}|${r.register}|${r.decisionOn}|${r.status}|${r.checkedOn}`);
        const expected = listed.filter((row) => row.placementId === id).map((r) => `${r.check}|${r.homeId}|${r.personId}|${r.register}|${r.date}|${r.status}|${r.checkedOn}`);
        expect(page.sort(), `seed ${seed}, ${id}, ${day}`).toEqual(expected.sort());
        compared += expected.length;
      }
    }
    expect(compared).toBeGreaterThan(0);
  });

  it.each(seeds.slice(0, 6))('"Redo för beslut?" judges a home as the whole register would, seed %i', async (seed) => {
    const file = randomRegister(seed);
    await db.services.exchange.importFile(file);
    const { parameters, catalogue, references } = await db.services.settings.effective();
    const whole = toCheckRegister(await readChecksSnapshot(db.connection.db));
    let compared = 0;
    for (const day of daysToAsk(file, seed).filter((d) => d <= '2026-11-22').slice(0, 4)) {
      for (const home of file.homes) {
        const child = file.children[compared % file.children.length]!;
        const ready = await db.services.checks.readiness({ homeId: home.id, decisionOn: day, from: null, childId: child.id, birthDate: null, date: day });
        const expected = readinessAt(whole, home.id, day, day, parameters, catalogue, { householdGaps: true });
        const key = (r: { check: string; personId: string | null; register: string; status: string; checkedOn: string | null }) =>
          `${r.check}|${r.personId}|${r.register}|${r.status}|${r.checkedOn}`;
        expect(ready.items.map(key).sort(), `seed ${seed}, ${home.id}, ${day}`).toEqual(expected.map(key).sort());
        const own = new Set(file.placements.filter((p) => p.childId === child.id).map((p) => p.id as string));
        const placed = placementsInHomeOn(whole.placements, home.id, day).filter((id) => !own.has(id)).length;
        const warnings = occupancyWarnings({
          kind: home.kind,
          capacity: null,
          placed,
          on: day,
          flerAnTreBarnLimit: parameters.flerAnTreBarnLimit,
          flerAnTreReference: legalReferenceOn(references, 'fler-an-tre-barn', day),
        });
        expect(ready.warnings, `seed ${seed}, ${home.id}, ${day}`).toEqual(warnings);
        compared += expected.length + warnings.length;
      }
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('requests made at once share one run', async () => {
    await db.services.exchange.importFile(randomRegister(5));
    const [a, b] = await Promise.all([db.services.checks.rechecks('2026-11-22'), db.services.checks.rechecks('2026-11-22')]);
    expect(a).toBe(b);
  });
});
