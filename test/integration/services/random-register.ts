/**
 * Small random registers for property tests: seeded, so a failing seed can be run again, and
 * drawn to hit the engines' edges — placements that begin or end near each other, children moved
 * between placements and homes, ended LVU care with and without its follow-up, foster homes with
 * more than three children, adults checked before and after. Every record is fictional and valid
 * for the import as of TEST_NOW (2026-11-22).
 */
import { addDays, daysBetween, type IsoDate } from '../../../main/domain/dates';
import { seeded } from '../../seeded';

const NOW: IsoDate = '2026-11-22';
const FIRST: IsoDate = '2017-01-01';
const placementEvents = ['overvagande', 'omprovning', 'vardnadsoverflyttning-overvagande', 'barnsamtal', 'vardplan', 'genomforandeplan', 'halsoundersokning-begard', 'jourhem-sarskilda-skal'];

export function randomRegister(seed: number) {
  const rnd = seeded(seed);
  const day = (from: IsoDate, to: IsoDate) => addDays(from, rnd.int(0, Math.max(0, daysBetween(from, to))));

  const kinds = ['familjehem', 'familjehem', 'jourhem', 'natverkshem', 'familjehem', 'jourhem', 'hvb'] as const;
  const homes = kinds.map((kind, i) => ({
    id: `H${i}`,
    kind,
    name: `${kind === 'hvb' ? 'Provgårdens HVB' : 'Familjen Prov'} ${i}`,
    ...(kind === 'hvb' ? { operator: 'enskild' } : {}),
  }));
  const fosterHomes = homes.filter((h) => h.kind !== 'hvb');

  const persons = fosterHomes.flatMap((home, i) =>
    Array.from({ length: rnd.int(1, 2) }, (_, k) => ({ id: `P${i}-${k}`, homeId: home.id, name: `Vuxen Provsson ${i}-${k}`, role: 'uppdragstagare', birthYear: 1960 + rnd.int(0, 30) })),
  );
  const registerChecks = persons.flatMap((person, i) =>
    Array.from({ length: rnd.int(0, 3) }, (_, k) => ({
      id: `R${i}-${k}`,
      personId: person.id,
      register: rnd.pick(['belastningsregistret', 'misstankeregistret']),
      checkedOn: day(FIRST, NOW),
      outcome: 'utan-anmarkning',
    })),
  );

  // The HVB's permit, verified now and then.
  for (let k = rnd.int(0, 3); k > 0; k--) {
    registerChecks.push({ id: `R-ivo-${k}`, homeId: 'H6', register: 'ivo-tillstand', checkedOn: day(FIRST, NOW), outcome: 'giltigt' } as never);
  }

  const children: { id: string; name: string; birthDate: IsoDate }[] = [];
  const placements: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  for (let c = 0; c < 14; c++) {
    const birthDate = day('2003-06-01', '2024-06-01');
    children.push({ id: `C${c}`, name: `Barn Provsson ${c}`, birthDate });
    // One to three placements one after the other, some touching, the last often still open.
    let cursor = birthDate > FIRST ? birthDate : FIRST;
    // A new placement often goes on in the home of the last (vårdnadsöverflyttning counts the time there).
    let previousHome: (typeof homes)[number] | null = null;
    for (let n = rnd.int(1, 3), k = 0; k < n && cursor < NOW; k++) {
      // Often the next placement begins the day the last ended (a new decision, the same care).
      const startedOn = k > 0 && rnd.chance(0.6) ? cursor : day(cursor, addDays(cursor, 900) < NOW ? addDays(cursor, 900) : NOW);
      if (daysBetween(birthDate, startedOn) >= 20 * 365) break;
      const open = k === n - 1 && rnd.chance(0.6);
      const endedOn = open || startedOn >= NOW ? null : day(addDays(startedOn, 1), addDays(startedOn, 1400) < NOW ? addDays(startedOn, 1400) : NOW);
      const last = endedOn ?? NOW;
      const id = `PL${c}-${k}`;
      // Stays tile the placement: each begins where the previous ends.
      const stays: Record<string, unknown>[] = [];
      let from = startedOn;
      for (let s = rnd.int(1, 3); s > 0; s--) {
        const home: (typeof homes)[number] =
          from === startedOn && previousHome !== null && rnd.chance(0.6)
            ? previousHome
            : rnd.chance(0.15)
              ? homes.find((h) => h.kind === 'hvb')!
              : rnd.pick(fosterHomes);
        previousHome = home;
        const to = s > 1 && from < last ? day(addDays(from, 1), last) : endedOn;
        const stay: Record<string, unknown> = { homeId: home.id, form: home.kind, from, ...(to !== null ? { to } : {}) };
        if (home.kind === 'jourhem' && rnd.chance(0.5)) stay.investigationCompletedOn = day(from, last < NOW ? last : NOW);
        stays.push(stay);
        if (to === null || to === endedOn) break;
        from = to;
      }
      const legalBasis = rnd.pick(['SoL', 'LVU2', 'LVU3'] as const);
      placements.push({
        id,
        childId: `C${c}`,
        legalBasis,
        decidedOn: addDays(startedOn, -rnd.int(0, 5)) < birthDate ? startedOn : addDays(startedOn, -rnd.int(0, 5)),
        startedOn,
        ...(endedOn !== null ? { endedOn, endReason: 'planerad' } : {}),
        caseworker: rnd.chance(0.8) ? `Handläggare ${rnd.int(1, 3)}` : null,
        stays,
      });
      for (let e = rnd.int(0, 9); e > 0; e--) {
        events.push({ id: `E${events.length}`, placementId: id, type: rnd.pick(placementEvents), date: day(startedOn, last < NOW ? last : NOW) });
      }
      if (endedOn !== null && rnd.chance(0.5)) {
        // The follow-up of ended care, sometimes recorded before the end (it then does not count).
        const date = rnd.chance(0.8) ? day(endedOn, NOW) : day(startedOn, endedOn);
        events.push({ id: `E${events.length}`, placementId: id, type: 'uppfoljning-avslutad', date });
      }
      cursor = last;
    }
  }
  // Reports to IVO of a fourth child, some homes more than one (only a report after the fourth came counts).
  for (const home of fosterHomes) {
    for (let k = rnd.chance(0.4) ? rnd.int(1, 3) : 0; k > 0; k--) {
      events.push({ id: `E${events.length}`, homeId: home.id, type: 'ivo-anmalan-fler-an-tre', date: day(FIRST, NOW) });
    }
  }
  return { format: 'placeringskollen-exchange', version: 1, homes, persons, registerChecks, children, placements, events };
}

/** The days worth asking about: each placement's and stay's first and last day and their neighbours, and a few at random. */
export function daysToAsk(file: ReturnType<typeof randomRegister>, seed: number): IsoDate[] {
  const rnd = seeded(seed);
  const days = new Set<IsoDate>();
  for (const placement of file.placements) {
    for (const date of [placement.startedOn, placement.endedOn] as (IsoDate | undefined)[]) {
      if (date !== undefined) for (const offset of [-1, 0, 1]) days.add(addDays(date, offset));
    }
  }
  const all = [...days].sort();
  const chosen = Array.from({ length: 6 }, () => all[rnd.int(0, all.length - 1)]!);
  for (let i = 0; i < 3; i++) chosen.push(addDays('2016-06-01', rnd.int(0, 4000)));
  return chosen;
}
