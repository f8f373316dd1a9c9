/**
 * A large, obviously fictional exchange file for the benchmark, deterministic for a given size.
 * Shaped like a municipality's register as of `benchDate`: most placements active, some ended,
 * some moved from a jourhem to a familjehem, and each with the events a caseworker records
 * (plans, övervägande/omprövning, barnsamtal), so the deadline engine has real work to do.
 */
import { addDays, addMonths, daysBetween, type IsoDate } from '../../main/domain/dates';

/** The date the benchmark computes deadlines as of (the project's "today"; passed, never read from a clock). */
export const benchDate: IsoDate = '2026-11-22';

const municipalities = ['Timrå', 'Sundsvall', 'Härnösand', 'Örnsköldsvik', 'Ånge', 'Kramfors', 'Sollefteå'];
const names = ['Östergården', 'Åkerbacken', 'Älvängen', 'Björkhagen', 'Solgläntan', 'Lindåsen'];
const endReasons = ['planerad', 'hemflytt', 'sammanbrott', 'annan'] as const;

/** mulberry32: a small seeded generator, so every run benchmarks the same register. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)), chance: (p: number) => next() < p };
}

interface Event {
  id: string;
  placementId: string;
  type: string;
  date: IsoDate;
}

export function syntheticRegister({ homes, placements }: { homes: number; placements: number }) {
  const rnd = random(20261122);
  const homeRows = Array.from({ length: homes }, (_, i) => {
    const institution = i % 4 === 0;
    const kind = institution ? 'hvb' : i % 10 === 1 ? 'jourhem' : i % 10 === 5 ? 'natverkshem' : 'familjehem';
    return {
      id: `H${i}`,
      kind,
      name: `${names[i % names.length]} ${institution ? 'HVB' : 'hem'} ${i}`,
      municipality: municipalities[i % municipalities.length],
      ...(institution ? { operator: 'enskild', capacity: 8, targetGroup: { minAge: 13, maxAge: 17, needs: ['missbruk'] } } : {}),
    };
  });
  const byKind = (kind: string) => homeRows.filter((h) => h.kind === kind);
  const hvb = byKind('hvb');
  const familjehem = byKind('familjehem');
  const jourhem = byKind('jourhem');
  const natverkshem = byKind('natverkshem');
  const taken = new Map([hvb, familjehem, jourhem, natverkshem].map((list) => [list, 0]));

  const persons = homeRows
    .filter((h) => h.kind !== 'hvb')
    .map((h, i) => ({ id: `P${i}`, homeId: h.id, name: `Vuxen Exempelsson ${i}`, role: 'uppdragstagare', birthYear: 1970 + (i % 20) }));

  // Each adult was checked in both registers once or twice in the last three years; each HVB's
  // permit verified once or twice: so the check engine judges real histories.
  const registerChecks: Record<string, unknown>[] = [];
  for (const person of persons) {
    for (const register of ['belastningsregistret', 'misstankeregistret']) {
      for (let n = rnd.int(1, 2); n > 0; n--) {
        registerChecks.push({ id: `RC${registerChecks.length}`, personId: person.id, register, checkedOn: addDays(benchDate, -rnd.int(0, 1100)), outcome: rnd.chance(0.03) ? 'med-anmarkning' : 'utan-anmarkning' });
      }
    }
  }
  for (const home of hvb) {
    for (let n = rnd.int(1, 2); n > 0; n--) {
      registerChecks.push({ id: `RC${registerChecks.length}`, homeId: home.id, register: 'ivo-tillstand', checkedOn: addDays(benchDate, -rnd.int(0, 1100)), outcome: 'giltigt' });
    }
  }

  const children: { id: string; name: string; birthDate: IsoDate; protectedIdentity?: boolean }[] = [];
  const placementRows: Record<string, unknown>[] = [];
  const events: Event[] = [];

  for (let i = 0; i < placements; i++) {
    // Started 2 weeks to ~4 years before the bench date; 1 in 12 has ended since.
    const startedOn = addDays(benchDate, -rnd.int(14, 1450));
    const ended = rnd.chance(1 / 12);
    const endedOn = ended ? addDays(startedOn, rnd.int(30, Math.max(31, daysBetween(startedOn, benchDate) - 1))) : null;
    const last = endedOn !== null && endedOn < benchDate ? endedOn : benchDate;
    const ageAtStart = rnd.int(1, 17);
    const birthDate = addDays(addMonths(startedOn, -12 * ageAtStart), -rnd.int(0, 360));
    children.push({ id: `C${i}`, name: `Barn ${i}`, birthDate, ...(i % 97 === 0 ? { protectedIdentity: true } : {}) });

    // Half of the children live in an HVB (8 per home), the rest in family homes: about 3 per
    // familjehem, denser than reality (20 000 placements on 5 000 homes), so some homes have more
    // than three and the home rule has work too. One family placement in ten begins in a jourhem
    // and moves on after a few months; another one in ten is still there.
    const stays: Record<string, unknown>[] = [];
    const next = (homes: typeof homeRows) => {
      const n = taken.get(homes)!;
      taken.set(homes, n + 1);
      return homes[n % homes.length]!;
    };
    if (i % 2 === 0) {
      stays.push({ homeId: next(hvb).id, form: 'hvb', from: startedOn });
    } else {
      const j = (i - 1) / 2;
      const home = j % 10 === 0 ? next(natverkshem) : next(familjehem);
      const moveOn = addMonths(startedOn, rnd.int(2, 5));
      if (j % 10 === 1 && moveOn < last) {
        const jour = next(jourhem);
        stays.push({ homeId: jour.id, form: 'jourhem', from: startedOn, to: moveOn, investigationCompletedOn: addMonths(startedOn, 1) });
        stays.push({ homeId: home.id, form: home.kind, from: moveOn });
      } else if (j % 10 === 3) {
        // Still in the jourhem: the case the tidsgräns is about.
        const jour = next(jourhem);
        stays.push({ homeId: jour.id, form: 'jourhem', from: startedOn });
      } else {
        stays.push({ homeId: home.id, form: home.kind, from: startedOn });
      }
    }
    if (endedOn !== null) stays[stays.length - 1]!.to = endedOn;

    const legalBasis = (['SoL', 'SoL', 'LVU2', 'LVU3'] as const)[i % 4]!;
    placementRows.push({
      id: `PL${i}`,
      childId: `C${i}`,
      legalBasis,
      decidedOn: addDays(startedOn, -rnd.int(0, 5)),
      startedOn,
      ...(endedOn !== null ? { endedOn, endReason: endReasons[i % endReasons.length] } : {}),
      caseworker: `Handläggare ${i % 40}`,
      unit: `Enhet ${i % 6}`,
      stays,
    });

    // The plans, mostly on time; then the recurring events, of which the newest few are kept
    // (a case system's export of one placement holds 3–8 events).
    const id = `PL${i}`;
    const own: Omit<Event, 'id'>[] = [];
    const add = (type: string, date: IsoDate) => {
      if (date <= last) own.push({ placementId: id, type, date });
    };
    if (rnd.chance(0.95)) add('vardplan', startedOn);
    if (rnd.chance(0.9)) add('genomforandeplan', addDays(startedOn, rnd.int(5, 40)));
    if (rnd.chance(0.85)) add('halsoundersokning-begard', addDays(startedOn, rnd.int(0, 25)));
    const recurring: Omit<Event, 'id'>[] = [];
    const review = legalBasis === 'LVU3' ? 'omprovning' : 'overvagande';
    for (let k = 1; ; k++) {
      const date = addDays(addMonths(startedOn, 6 * k), rnd.int(-30, 20));
      if (date > last) break;
      recurring.push({ placementId: id, type: review, date });
    }
    for (let k = 1; ; k++) {
      const date = addDays(addMonths(startedOn, 3 * k), rnd.int(-20, 25));
      if (date > last) break;
      recurring.push({ placementId: id, type: 'barnsamtal', date });
    }
    if (daysBetween(startedOn, last) > 730 && rnd.chance(0.7)) {
      recurring.push({ placementId: id, type: 'vardnadsoverflyttning-overvagande', date: addDays(addMonths(startedOn, 24), rnd.int(-30, 30)) });
    }
    if (endedOn !== null && legalBasis !== 'SoL' && rnd.chance(0.5)) {
      const followedUp = addDays(endedOn, rnd.int(30, 150));
      if (followedUp <= benchDate) own.push({ placementId: id, type: 'uppfoljning-avslutad', date: followedUp });
    }
    recurring.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const keep = Math.min(8 - own.length, Math.max(3 - own.length, rnd.int(2, 5)));
    for (const event of [...own, ...recurring.filter((e) => e.date <= last).slice(-keep)]) {
      events.push({ id: `E${events.length}`, ...event });
    }
  }
  return {
    format: 'placeringskollen-exchange',
    version: 1,
    homes: homeRows,
    persons,
    registerChecks,
    children,
    placements: placementRows,
    events,
  };
}

/** Counted from a file, for the benchmark's headline. */
export function describeRegister(file: ReturnType<typeof syntheticRegister>, on: IsoDate) {
  const active = file.placements.filter((p) => (p.startedOn as IsoDate) <= on && (p.endedOn === undefined || on < (p.endedOn as IsoDate))).length;
  return { active, events: file.events.length };
}
