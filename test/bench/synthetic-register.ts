/**
 * A fictional large Swedish city's register of placements, as an exchange file
 * (docs/data-format.md): what `npm run bench` measures, and, at small sizes, what tests import.
 *
 * Seeded and reproducible: the same scale (seed included) gives the same file, byte for byte, on
 * every machine. Its sizes are parameters (`CityScale`); `cityScale` is the large city and
 * `smallScale` the same city at 1/100.
 *
 * Shaped like a big city's ten years of placements as of `benchDate`: homes of every kind across
 * Sweden's real municipalities (most foster homes near the city), HVB and stödboende with IVO
 * permits and inspections, foster homes whose uppdragstagare were checked in the registers when
 * the home was first used and once a year while a child lives there; children placed once or
 * several times, under SoL or LVU, many moving from a jourhem to a familjehem or from an HVB to a
 * stödboende; each placement with the events a case worker records over its whole life (plans,
 * övervägande or omprövning every six months, barnsamtal every three, the vårdnadsöverflyttning
 * question after two years in the same home, särskilda skäl for long jourhem stays), mostly on
 * time, sometimes late or missing; ended LVU placements followed up; one child in ~97 with a
 * protected identity; a few foster homes with more than three children, most of them reported to
 * IVO. Every name is invented (Exempel-, Prov-, Påhitts-…); kommun values are official names;
 * no personnummer (birth dates are enough).
 */
import { fromDayNumber, toDayNumber, type IsoDate } from '../../main/domain/dates';
import type {
  ExchangeChild,
  ExchangeEvent,
  ExchangeFile,
  ExchangeHome,
  ExchangePerson,
  ExchangePlacement,
  ExchangeRegisterCheck,
  ExchangeStay,
} from '../../main/domain/exchange';
import { municipalities } from '../../main/domain/kommuner';
import { commonNeeds, fosterHomeKinds, homeKinds, type HomeKind, type LegalBasis } from '../../main/domain/vocabulary';
import { seeded } from '../seeded';

/** The date the benchmark computes deadlines as of (the project's "today"; passed, never read from a clock). */
export const benchDate: IsoDate = '2026-11-22';

export interface CityScale {
  /** Seed of the random generator: the same scale gives the same file. */
  seed: number;
  /** Homes of each kind. */
  homes: Record<HomeKind, number>;
  /** Uppdragstagare over all foster homes (familjehem, jourhem, nätverkshem): one to three a home. */
  uppdragstagare: number;
  children: number;
  /** Placements over `years`; at least one per child, several for some. */
  placements: number;
  /** Placements active on the file's date (the children in care that day). */
  activePlacements: number;
  /** How far back the register reaches: every placement began within these years. */
  years: number;
}

/**
 * The large city: 5 000 homes, ~7 900 uppdragstagare, 50 000 children, 60 000
 * placements over ten years of which 7 800 active; the generator adds ~30 000 register checks
 * and ~610 000 events.
 */
export const cityScale: CityScale = {
  seed: 20261122,
  homes: { hvb: 900, stodboende: 300, sis: 50, familjehem: 2_750, jourhem: 450, natverkshem: 550 },
  uppdragstagare: 7_900,
  children: 50_000,
  placements: 60_000,
  activePlacements: 7_800,
  years: 10,
};

/** A city `factor` times the size of `base` (at least one home of each kind, one child, one placement). */
export function scaledCity(factor: number, base: CityScale = cityScale): CityScale {
  const homes = Object.fromEntries(
    Object.entries(base.homes).map(([kind, n]) => [kind, Math.max(1, Math.round(n * factor))]),
  ) as Record<HomeKind, number>;
  const fosterHomes = fosterHomeKinds.reduce((sum, kind) => sum + homes[kind], 0);
  const children = Math.max(1, Math.round(base.children * factor));
  return {
    seed: base.seed,
    homes,
    uppdragstagare: Math.min(3 * fosterHomes, Math.max(fosterHomes, Math.round(base.uppdragstagare * factor))),
    children,
    placements: Math.max(children, Math.round(base.placements * factor)),
    activePlacements: Math.min(children, Math.round(base.activePlacements * factor)),
    years: base.years,
  };
}

/** The same city at 1/100: 50 homes, 500 children, 600 placements; imports in a blink. */
export const smallScale: CityScale = scaledCity(1 / 100);

/**
 * The older call, by a number of homes and of placements (scripts/bench-search.ts sizes its
 * register so): the city with about that many homes, and children, placements, checks and events
 * in the city's proportions to the placements.
 */
export function syntheticRegister({ homes, placements }: { homes: number; placements: number }): CityFile {
  const cityHomes = Object.values(cityScale.homes).reduce((sum, n) => sum + n, 0);
  const byHomes = scaledCity(homes / cityHomes);
  return syntheticCity({ ...scaledCity(placements / cityScale.placements), homes: byHomes.homes, uppdragstagare: byHomes.uppdragstagare });
}

/** What the generator writes: an exchange file with every list present. */
export type CityFile = Required<ExchangeFile>;

// ---------------------------------------------------------------------------------------------
// Words, all invented except the kommuner

const adultFirstNames = [
  'Anna', 'Per', 'Maria', 'Lars', 'Karin', 'Johan', 'Eva', 'Mikael', 'Sara', 'Anders', 'Lena', 'Erik', 'Sofia',
  'Jonas', 'Emma', 'Fredrik', 'Malin', 'Daniel', 'Hanna', 'Ali', 'Fatima', 'Mohammed', 'Amina', 'Ahmed', 'Leila',
  'Omar', 'Ida', 'Peter', 'Linda', 'Stefan', 'Ulla', 'Bengt', 'Gun', 'Kjell', 'Birgitta', 'Nils', 'Ingrid',
  'Magnus', 'Helena', 'Tomas', 'Åsa', 'Örjan', 'Ängla', 'Mirja', 'Goran', 'Samira',
];
const childFirstNames = [
  'Alva', 'Bilal', 'Cornelia', 'Dante', 'Elin', 'Filip', 'Hamid', 'Ida', 'Leo', 'Maja', 'Noah', 'Olivia', 'Elias',
  'Wilma', 'Hugo', 'Saga', 'Liam', 'Alice', 'William', 'Ella', 'Lucas', 'Vera', 'Adam', 'Selma', 'Omar', 'Nora',
  'Isak', 'Stella', 'Yusuf', 'Ebba', 'Theo', 'Astrid', 'Ali', 'Leah', 'Melvin', 'Signe', 'Sam', 'Tyra', 'Amira',
  'Östen', 'Åke', 'Ängel', 'Zara', 'Kevin', 'Jamal', 'Nova',
];
const nameStems = ['Exempel', 'Prov', 'Påhitt', 'Fiktiv', 'Låtsas', 'Saga', 'Fabel', 'Dikt', 'Drömme', 'Fantasi'];
const surnameEndings = [
  'sson', 'berg', 'ström', 'lund', 'gren', 'qvist', 'dal', 'holm', 'bäck', 'mark', 'vik', 'ås', 'stam', 'nor',
  'gård', 'sjö', 'hed', 'strand', 'by', 'fors',
];
const surnames = nameStems.flatMap((stem) => surnameEndings.map((ending) => stem + ending));
const placeEndings = [
  'gården', 'backen', 'hagen', 'gläntan', 'viken', 'udden', 'dalen', 'ängen', 'lunden', 'torpet', 'näset',
  'holmen', 'sätern', 'berget', 'stranden',
];
const places = nameStems.flatMap((stem) => placeEndings.map((ending) => stem + ending));
const relatives = ['Mormor', 'Morfar', 'Farmor', 'Farfar', 'Moster', 'Faster', 'Morbror', 'Farbror', 'Kusin', 'Storasyster'];
const agencies = [
  'Exempelstigens familjehemskonsulenter AB',
  'Provhemmen konsulentstöd AB',
  'Sagobron familjevård AB',
  'Fabelvägens konsulentverksamhet',
  'Påhittsgårdens familjehem AB',
];
const units = [
  'Barn och unga Norr', 'Barn och unga Söder', 'Barn och unga Öster', 'Barn och unga Väster', 'Barn och unga Centrum',
  'Familjehemsenheten', 'Ungdomsenheten', 'Placeringsenheten', 'Mottagningen', 'Enheten för ensamkommande',
  'Utredningsenheten Norr', 'Utredningsenheten Söder',
];
/** The city's own county: most of its foster homes live there (the kommun names are real, the city is not). */
const homeCounty = '01';
const nearby = municipalities.filter((m) => m.countyCode === homeCounty).map((m) => m.name);
const anywhere = municipalities.map((m) => m.name);

const genitive = (word: string) => (/[sxz]$/.test(word) ? word : `${word}s`);

// ---------------------------------------------------------------------------------------------
// The seeded generator

/** An organisationsnummer with a valid check digit (Luhn), from the same fictional series as the demo's (556000-…). */
function orgNr(serial: number): string {
  const body = `5560${String(serial).padStart(5, '0')}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(body[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  const check = (10 - (sum % 10)) % 10;
  return `${body.slice(0, 6)}-${body.slice(6)}${check}`;
}

/**
 * Dygnskostnad in kronor by the kind of home of the placement's last stay (what it costs now, or
 * cost at its end), in steps of 50 kr. Rough levels: stödboende and SiS are this file's assumption.
 */
const dailyCostRanges: Record<HomeKind, readonly [number, number]> = {
  hvb: [4_000, 9_000],
  familjehem: [900, 1_800],
  jourhem: [1_500, 2_500],
  natverkshem: [600, 1_200],
  stodboende: [2_000, 3_500],
  sis: [4_500, 6_500],
};

/** A placement's daily cost, or (one in eight, as a register where not every cost is known) none. */
function dailyCostOf(kind: HomeKind, rnd: ReturnType<typeof seeded>): { dailyCost?: number } {
  const [min, max] = dailyCostRanges[kind];
  const cost = rnd.int(min / 50, max / 50) * 50;
  return rnd.chance(0.125) ? {} : { dailyCost: cost };
}

const pad = (prefix: string, n: number, width: number) => `${prefix}${String(n).padStart(width, '0')}`;
const YEAR = 365.25;
const NEVER = Number.POSITIVE_INFINITY;

/** A home while the file is made: its record, how many children it takes at once and who is there when. */
interface HomeSlot {
  home: ExchangeHome;
  capacity: number;
  /** Stays as [from, to) day pairs, flat; an ongoing stay ends at NEVER. */
  stays: number[];
  surname: string | null;
}

interface StayPlan {
  kind: HomeKind;
  from: number;
  to: number;
}

/**
 * The city's register as an exchange file, as of `date`. Sizes come from `scale`; the counts of
 * register checks and events follow from them (~0.5 checks and ~10 events a placement).
 */
export function syntheticCity(scale: CityScale = cityScale, date: IsoDate = benchDate): CityFile {
  const rnd = seeded(scale.seed);
  // The daily costs have their own stream of the same seed: drawn from \`rnd\` they would shift every
  // later draw, and the city's homes, stays and events would no longer be those of earlier runs.
  const costRnd = seeded(scale.seed ^ 0xc057);
  const today = toDayNumber(date);
  const windowStart = today - Math.round(scale.years * YEAR);
  const dayCache = new Map<number, IsoDate>();
  const iso = (day: number): IsoDate => {
    let text = dayCache.get(day);
    if (text === undefined) dayCache.set(day, (text = fromDayNumber(day)));
    return text;
  };

  // ----- Homes -------------------------------------------------------------------------------
  const homes: ExchangeHome[] = [];
  const slots = new Map<HomeKind, HomeSlot[]>();
  const usedNames = new Set<string>();
  /** A name not yet used in that kommun (two homes with the same name and kommun are flagged as possible duplicates). */
  const unique = (candidates: () => string, municipality: string) => {
    for (let attempt = 0; ; attempt++) {
      const name = attempt < 8 ? candidates() : `${candidates()} ${attempt - 6}`;
      const key = `${name.toLowerCase()}|${municipality}`;
      if (!usedNames.has(key)) {
        usedNames.add(key);
        return name;
      }
    }
  };
  let orgSerial = 0;
  const kindsInOrder: HomeKind[] = ['hvb', 'stodboende', 'sis', 'familjehem', 'jourhem', 'natverkshem'];
  for (const kind of kindsInOrder) {
    const list: HomeSlot[] = [];
    for (let n = 0; n < scale.homes[kind]; n++) {
      const id = pad('H', homes.length + 1, 5);
      const foster = (fosterHomeKinds as readonly HomeKind[]).includes(kind);
      const municipality = foster && rnd.chance(0.7) ? rnd.pick(nearby) : rnd.pick(anywhere);
      let home: ExchangeHome;
      let capacity: number;
      let surname: string | null = null;
      if (kind === 'hvb' || kind === 'stodboende') {
        const operator = kind === 'hvb'
          ? rnd.weighted([['enskild', 80], ['kommunal', 15], ['region', 5]] as const)
          : rnd.weighted([['enskild', 65], ['kommunal', 35]] as const);
        capacity = kind === 'hvb' ? rnd.int(4, 16) : rnd.int(4, 24);
        const minAge = kind === 'hvb' ? rnd.pick([0, 6, 12, 13, 13, 15]) : 16;
        const maxAge = kind === 'hvb' ? rnd.pick([17, 17, 18, 20]) : 20;
        const needs = [...new Set([rnd.pick(commonNeeds), rnd.pick(commonNeeds)])].slice(0, rnd.int(1, 2));
        home = {
          id,
          kind,
          name: unique(() => `${genitive(rnd.pick(places))} ${kind === 'hvb' ? 'HVB' : 'stödboende'}`, municipality),
          ...(operator === 'enskild' ? { orgNr: orgNr(++orgSerial) } : {}),
          operator,
          municipality,
          capacity,
          targetGroup: { minAge, maxAge, gender: rnd.weighted([['alla', 6], ['flickor', 2], ['pojkar', 2]] as const), needs },
        };
      } else if (kind === 'sis') {
        capacity = rnd.int(8, 30);
        home = {
          id,
          kind,
          name: unique(() => `Statens ungdomshem ${rnd.pick(places)}`, municipality),
          operator: 'statlig',
          municipality,
          capacity,
          targetGroup: { minAge: 12, maxAge: 20, gender: rnd.weighted([['alla', 4], ['flickor', 3], ['pojkar', 3]] as const), needs: ['skyddsbehov'] },
        };
      } else {
        surname = rnd.pick(surnames);
        const name = () => {
          surname = rnd.pick(surnames);
          if (kind === 'familjehem') return `Familjen ${surname}`;
          if (kind === 'jourhem') return `Jourhemmet ${surname}`;
          return `${rnd.pick(relatives)} ${genitive(surname)} nätverkshem`;
        };
        capacity =
          kind === 'familjehem'
            ? rnd.weighted([[1, 20], [2, 42], [3, 34], [4, 3], [5, 1]] as const)
            : kind === 'jourhem'
              ? rnd.weighted([[1, 50], [2, 40], [3, 10]] as const)
              : rnd.weighted([[1, 75], [2, 25]] as const);
        home = {
          id,
          kind,
          name: unique(name, municipality),
          municipality,
          capacity,
          ...(kind !== 'natverkshem' && rnd.chance(0.3) ? { agency: rnd.pick(agencies) } : {}),
        };
      }
      homes.push(home);
      list.push({ home, capacity, stays: [], surname });
    }
    slots.set(kind, list);
  }
  const largeFosterHomes = (slots.get('familjehem') ?? []).filter((slot) => slot.capacity > 3);

  /** How many stays in `slot` overlap [from, to). */
  const overlapping = (slot: HomeSlot, from: number, to: number) => {
    let count = 0;
    for (let i = 0; i < slot.stays.length; i += 2) if (slot.stays[i]! < to && from < slot.stays[i + 1]!) count++;
    return count;
  };
  /**
   * A home of `kind` with a free place for [from, to): the first of a few random homes that has
   * one, else the least crowded of them (a city short of homes crowds them, as cities do).
   */
  const place = (kind: HomeKind, from: number, to: number, except: HomeSlot | null = null): HomeSlot => {
    const list = slots.get(kind)!;
    let best: HomeSlot | undefined;
    let bestExcess = NEVER;
    const consider = (slot: HomeSlot) => {
      if (slot === except && list.length > 1) return false;
      const excess = overlapping(slot, from, to) - slot.capacity;
      if (excess < bestExcess) {
        best = slot;
        bestExcess = excess;
      }
      return excess < 0;
    };
    // Large families take more than their share: that is how homes come to have more than three children.
    let found = kind === 'familjehem' && largeFosterHomes.length > 0 && rnd.chance(0.05) && consider(rnd.pick(largeFosterHomes));
    for (let attempt = 0; !found && attempt < 40; attempt++) found = consider(rnd.pick(list));
    best!.stays.push(from, to);
    return best!;
  };

  // ----- Persons: the households of foster homes ------------------------------------------------
  const fosterSlots = fosterHomeKinds.flatMap((kind) => slots.get(kind) ?? []);
  const adultsPerHome = fosterSlots.map(() => rnd.weighted([[1, 8], [2, 74], [3, 18]] as const) as number);
  // Exactly the scale's number of uppdragstagare (as far as one to three a home allows).
  const wantedAdults = Math.min(3 * fosterSlots.length, Math.max(fosterSlots.length, scale.uppdragstagare));
  for (let adults = adultsPerHome.reduce((sum, n) => sum + n, 0); adults !== wantedAdults; ) {
    const k = rnd.int(0, fosterSlots.length - 1);
    if (adults < wantedAdults && adultsPerHome[k]! < 3) {
      adultsPerHome[k]! += 1;
      adults++;
    } else if (adults > wantedAdults && adultsPerHome[k]! > 1) {
      adultsPerHome[k]! -= 1;
      adults--;
    }
  }
  const persons: ExchangePerson[] = [];
  const uppdragstagareOf = new Map<string, string[]>();
  fosterSlots.forEach((slot, k) => {
    const ids: string[] = [];
    const born = rnd.int(1952, 1994);
    for (let a = 0; a < adultsPerHome[k]!; a++) {
      const id = pad('P', persons.length + 1, 5);
      ids.push(id);
      persons.push({ id, homeId: slot.home.id, name: `${rnd.pick(adultFirstNames)} ${slot.surname}`, role: 'uppdragstagare', birthYear: born + rnd.int(-4, 4) });
    }
    uppdragstagareOf.set(slot.home.id, ids);
    if (rnd.chance(0.05)) {
      persons.push({ id: pad('P', persons.length + 1, 5), homeId: slot.home.id, name: `${rnd.pick(adultFirstNames)} ${slot.surname}`, role: 'annan-vuxen', birthYear: rnd.int(1950, 2004) });
    }
    for (let c = rnd.chance(0.3) ? rnd.int(1, 2) : 0; c > 0; c--) {
      persons.push({ id: pad('P', persons.length + 1, 5), homeId: slot.home.id, name: `${rnd.pick(childFirstNames)} ${slot.surname}`, role: 'barn-i-hemmet', birthYear: rnd.int(2006, 2022) });
    }
  });

  // ----- Children, placements, stays and events -----------------------------------------------
  const children: ExchangeChild[] = [];
  const placements: ExchangePlacement[] = [];
  const events: ExchangeEvent[] = [];
  const addEvent = (event: Omit<ExchangeEvent, 'id'>) => events.push({ id: pad('E', events.length + 1, 7), ...event });
  const caseworkers = Array.from({ length: Math.max(4, Math.round(scale.placements / 120)) }, (_, k) => ({
    name: `${rnd.pick(adultFirstNames)} ${rnd.pick(surnames)}`,
    unit: units[k % units.length]!,
  }));
  /** Per home: the day each stay there was decided (for the register checks made before it). */
  const decisionsByHome = new Map<string, number[]>();

  // How many placements each child has: one each, and the rest among the children who come back.
  const placementCounts = new Array<number>(scale.children).fill(1);
  const returning: number[] = [];
  for (let i = 0; i < scale.children; i++) if (rnd.chance(0.18)) returning.push(i);
  if (returning.length === 0 && scale.children > 0) returning.push(0);
  for (let extra = scale.placements - scale.children; extra > 0; ) {
    const i = rnd.pick(returning);
    if (placementCounts[i]! < 6 || returning.length * 5 < extra) {
      placementCounts[i]! += 1;
      extra--;
    }
  }

  let activeLeft = scale.activePlacements;
  let carried = 0;
  const ageWeights = [6, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 6, 8, 10, 11, 10, 7].map((w, age) => [age, w] as const);
  const endedDuration = () =>
    rnd.weighted([
      [() => rnd.int(7, 120), 35],
      [() => rnd.int(120, 540), 35],
      [() => rnd.int(540, 1460), 22],
      [() => rnd.int(1460, 3000), 8],
    ] as const)();
  const activeDuration = () =>
    rnd.weighted([
      [() => rnd.int(14, 365), 35],
      [() => rnd.int(365, 3 * 365), 35],
      [() => rnd.int(3 * 365, Math.max(3 * 365 + 1, today - windowStart - 30)), 30],
    ] as const)();

  for (let i = 0; i < scale.children; i++) {
    const childId = pad('B', i + 1, 6);
    const active = rnd.next() < activeLeft / (scale.children - i);
    if (active) activeLeft--;
    let wanted = placementCounts[i]! + carried;
    carried = 0;
    if (wanted > 8) {
      carried = wanted - 8;
      wanted = 8;
    }

    // The child's placements, newest first in time, then put in order: [start, end) day numbers.
    const spans: { start: number; end: number }[] = [];
    if (active) {
      spans.push({ start: Math.max(windowStart, today - activeDuration()), end: NEVER });
    } else {
      const end = today - rnd.int(1, Math.max(1, today - windowStart - 31));
      spans.push({ start: Math.max(windowStart, end - endedDuration()), end });
    }
    while (spans.length < wanted) {
      const end = spans[spans.length - 1]!.start - rnd.int(14, 600);
      const start = Math.max(windowStart, end - endedDuration());
      if (end - start < 7) break;
      spans.push({ start, end });
    }
    carried += wanted - spans.length;
    spans.reverse();

    // Born so that the child is under 21 on its last day in care (or today).
    const first = spans[0]!.start;
    const lastDay = Math.min(today, spans[spans.length - 1]!.end);
    const oldest = Math.max(0, Math.floor((20 * YEAR - (lastDay - first)) / YEAR));
    const ageAtFirst = Math.min(rnd.weighted(ageWeights), oldest);
    const birth = first - Math.round(ageAtFirst * YEAR) - rnd.int(0, 300);
    const adult = birth + Math.round(18 * YEAR);
    const protectedIdentity = i % 97 === 48;
    const firstName = rnd.pick(childFirstNames);
    const surname = rnd.pick(surnames);
    children.push({
      id: childId,
      name: protectedIdentity ? `${firstName[0]}. ${surname[0]}.` : `${firstName} ${surname}`,
      birthDate: iso(birth),
      ...(protectedIdentity ? { protectedIdentity: true } : {}),
    });
    let caseworker = rnd.pick(caseworkers);

    for (const span of spans) {
      const placementId = pad('PL', placements.length + 1, 6);
      const ageAtStart = (span.start - birth) / YEAR;
      const last = Math.min(span.end, today);
      const length = (span.end === NEVER ? today : span.end) - span.start;
      if (rnd.chance(0.3)) caseworker = rnd.pick(caseworkers);

      // Where the child lives: one to three stays, by age.
      const plan: StayPlan[] = [];
      const split = (kinds: HomeKind[], cuts: number[]) => {
        let from = span.start;
        kinds.forEach((kind, k) => {
          const to = k < kinds.length - 1 ? cuts[k]! : span.end;
          plan.push({ kind, from, to });
          from = to;
        });
      };
      const cut = (min: number, max: number) => span.start + Math.min(length - 7, rnd.int(min, max));
      if (ageAtStart >= 18) {
        split([rnd.weighted([['stodboende', 60], ['hvb', 20], ['familjehem', 20]] as const)], []);
      } else if (ageAtStart >= 13) {
        const path = rnd.weighted([['sis', 8], ['hvb', 48], ['stodboende', 10], ['jour', 10], ['familjehem', 20], ['natverkshem', 4]] as const);
        if (path === 'sis') split(length > 90 && !(span.end === NEVER && length < 240) ? ['sis', 'hvb'] : ['sis'], [cut(30, 180)]);
        else if (path === 'hvb' && length > 365 && ageAtStart >= 15 && rnd.chance(0.3)) split(['hvb', 'stodboende'], [cut(240, length - 60)]);
        else if (path === 'hvb' && length > 300 && rnd.chance(0.1)) split(['hvb', 'familjehem'], [cut(120, length - 60)]);
        else if (path === 'hvb' || (path === 'stodboende' && ageAtStart < 16)) split(['hvb'], []);
        else if (path === 'stodboende') split(['stodboende'], []);
        else if (path === 'jour') split(length > 60 ? ['jourhem', 'familjehem'] : ['jourhem'], [cut(30, 180)]);
        else split([path], []);
      } else {
        const path = rnd.weighted([['jour', 25], ['jourOnly', 8], ['natverkshem', 9], ['familjehem', 58]] as const);
        const stillInJourhem = span.end === NEVER && length < 200 && rnd.chance(0.5);
        if ((path === 'jour' || path === 'jourOnly') && (length <= 60 || stillInJourhem || (path === 'jourOnly' && length < 240))) split(['jourhem'], []);
        else if (path === 'jour' || path === 'jourOnly') split(['jourhem', 'familjehem'], [cut(30, 180)]);
        else if (path === 'familjehem' && length > 2 * 365 && rnd.chance(0.06)) {
          split(ageAtStart + 2 >= 12 ? ['familjehem', 'hvb'] : ['familjehem', 'familjehem'], [cut(365, length - 60)]);
        } else split([path], []);
      }

      const legalBasis: LegalBasis =
        plan[0]!.kind === 'sis' ? 'LVU3'
        : ageAtStart >= 18 || plan[0]!.kind === 'stodboende' ? 'SoL'
        : plan[0]!.kind === 'hvb' ? rnd.weighted([['SoL', 45], ['LVU3', 35], ['LVU2', 20]] as const)
        : plan[0]!.kind === 'natverkshem' ? rnd.weighted([['SoL', 75], ['LVU2', 25]] as const)
        : rnd.weighted([['SoL', 55], ['LVU2', 42], ['LVU3', 3]] as const);

      const decidedOn = span.start - rnd.int(0, 7);
      let previous: HomeSlot | null = null;
      const stays: ExchangeStay[] = plan.map((stay, k) => {
        const slot = place(stay.kind, stay.from, stay.to, previous);
        previous = slot;
        const stayDecided = k === 0 ? decidedOn : stay.from - rnd.int(0, 10);
        const decisions = decisionsByHome.get(slot.home.id) ?? [];
        decisions.push(stayDecided);
        decisionsByHome.set(slot.home.id, decisions);
        return {
          homeId: slot.home.id,
          form: stay.kind,
          from: iso(stay.from),
          ...(stay.to !== NEVER ? { to: iso(stay.to) } : {}),
          ...(k > 0 ? { decidedOn: iso(stayDecided) } : {}),
          // The investigation of a jourhem placement, done while the child is still there.
          ...(stay.kind === 'jourhem' && rnd.chance(0.7) && stay.from + 20 < Math.min(stay.to, last)
            ? { investigationCompletedOn: iso(Math.min(Math.min(stay.to, last) - 1, stay.from + rnd.int(20, 110))) }
            : {}),
        };
      });

      const endedOn = span.end === NEVER ? null : span.end;
      const ageAtEnd = endedOn === null ? null : (endedOn - birth) / YEAR;
      placements.push({
        id: placementId,
        childId,
        legalBasis,
        decidedOn: iso(decidedOn),
        startedOn: iso(span.start),
        ...(endedOn !== null
          ? {
              endedOn: iso(endedOn),
              endReason: ageAtEnd! >= 18 && rnd.chance(0.6)
                ? 'myndig'
                : rnd.weighted([['planerad', 32], ['hemflytt', 45], ['sammanbrott', 12], ['annan', 11]] as const),
            }
          : {}),
        caseworker: caseworker.name,
        unit: caseworker.unit,
        ...dailyCostOf(plan[plan.length - 1]!.kind, costRnd),
        stays,
      });

      // The events of the placement's whole life, mostly on time.
      const on = (type: ExchangeEvent['type'], day: number) => {
        if (day >= span.start && day <= last) addEvent({ placementId, type, date: iso(day) });
      };
      if (rnd.chance(0.95)) on('vardplan', span.start + rnd.int(0, 14));
      if (rnd.chance(0.88)) on('genomforandeplan', span.start + rnd.int(5, 45));
      if (ageAtStart < 21 && rnd.chance(0.85)) on('halsoundersokning-begard', span.start + rnd.int(0, 30));
      const review = legalBasis === 'LVU3' ? 'omprovning' : 'overvagande';
      for (let day = span.start; ; ) {
        day += 182 + (rnd.chance(0.05) ? rnd.int(10, 90) : rnd.int(-30, 12));
        if (day > last) break;
        if ((legalBasis !== 'SoL' || day < adult) && rnd.chance(0.95)) on(review, day);
      }
      for (let day = span.start; ; ) {
        day += 91 + (rnd.chance(0.06) ? rnd.int(15, 60) : rnd.int(-20, 10));
        if (day > last || day >= adult) break;
        if (rnd.chance(0.83)) on('barnsamtal', day);
      }
      for (const stay of plan) {
        const stayLast = Math.min(stay.to, last);
        if ((stay.kind === 'familjehem' || stay.kind === 'natverkshem') && stayLast - stay.from > 2 * 365) {
          for (let day = stay.from + 730 + rnd.int(-40, 10); day <= stayLast && day < adult; day += 365 + rnd.int(-30, 20)) {
            if (rnd.chance(0.9)) on('vardnadsoverflyttning-overvagande', day);
          }
        }
        if (stay.kind === 'jourhem' && stayLast - stay.from > 60 && rnd.chance(0.8)) {
          on('jourhem-sarskilda-skal', stay.from + rnd.int(45, Math.min(180, stayLast - stay.from)));
        }
        // A follow-up visit now and then (the many ordinary visits live in the case system's journal).
        if ((fosterHomeKinds as readonly HomeKind[]).includes(stay.kind)) {
          for (let day = stay.from + rnd.int(60, 400); day <= stayLast; day += rnd.int(700, 1400)) on('uppfoljningsbesok', day);
        }
      }
      // Ended LVU care of a child: followed up within six months, most of the time (lex lilla hjärtat).
      if (endedOn !== null && legalBasis !== 'SoL' && ageAtEnd! < 18 && rnd.chance(0.94)) {
        const followedUp = endedOn + rnd.int(20, 170);
        if (followedUp <= today) addEvent({ placementId, type: 'uppfoljning-avslutad', date: iso(followedUp) });
      }
    }
  }

  // ----- Home events: IVO's inspections, and reports of more than three children ---------------
  for (const kind of ['hvb', 'stodboende'] as const) {
    for (const slot of slots.get(kind) ?? []) {
      for (let day = windowStart + rnd.int(0, 700); day <= today; day += rnd.int(300, 1100)) {
        const verdict = rnd.weighted([['utan-anmarkning', 75], ['kritik', 18], ['forelaggande', 6], ['aterkallelse', 1]] as const);
        addEvent({ homeId: slot.home.id, type: 'ivo-tillsyn', date: iso(day), verdict });
        if (verdict === 'aterkallelse' && !slot.stays.some((to, k) => k % 2 === 1 && to > day)) slot.home.status = 'inaktiv';
      }
    }
  }
  for (const slot of fosterSlots) {
    if (slot.capacity <= 3) continue;
    const changes: [number, number][] = [];
    for (let k = 0; k < slot.stays.length; k += 2) {
      changes.push([slot.stays[k]!, 1]);
      if (slot.stays[k + 1]! !== NEVER) changes.push([slot.stays[k + 1]!, -1]);
    }
    changes.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let count = 0;
    const firstOver = changes.find(([, delta]) => (count += delta) > 3)?.[0];
    if (firstOver !== undefined && firstOver <= today && rnd.chance(0.7)) {
      addEvent({ homeId: slot.home.id, type: 'ivo-anmalan-fler-an-tre', date: iso(Math.min(today, firstOver + rnd.int(0, 20))) });
    }
  }
  // A home nobody lives in now is sometimes no longer used.
  for (const list of slots.values()) {
    for (const slot of list) {
      if (slot.home.status === undefined && !slot.stays.some((to, k) => k % 2 === 1 && to === NEVER) && rnd.chance(0.15)) {
        slot.home.status = 'inaktiv';
      }
    }
  }

  // ----- Register checks ------------------------------------------------------------------------
  const registerChecks: ExchangeRegisterCheck[] = [];
  const check = (record: Omit<ExchangeRegisterCheck, 'id'>) => registerChecks.push({ id: pad('RK', registerChecks.length + 1, 6), ...record });
  for (const slot of fosterSlots) {
    const decisions = decisionsByHome.get(slot.home.id) ?? [];
    const firstDecision = decisions.length > 0 ? Math.min(...decisions) : null;
    const lastDecision = decisions.length > 0 ? Math.max(...decisions) : null;
    const current = slot.stays.some((to, k) => k % 2 === 1 && to === NEVER);
    for (const personId of uppdragstagareOf.get(slot.home.id) ?? []) {
      for (const register of ['belastningsregistret', 'misstankeregistret'] as const) {
        const outcome = () => (rnd.chance(0.015) ? 'med-anmarkning' : 'utan-anmarkning');
        // Before the home was first used…
        let latest: number | null = null;
        if (firstDecision !== null && rnd.chance(0.85)) {
          latest = firstDecision - rnd.int(5, 90);
          check({ personId, register, checkedOn: iso(latest), outcome: outcome() });
        }
        // …and again while a child lives there: mostly within the year, some overdue, a few never.
        if (current) {
          const recheck = rnd.weighted([[today - rnd.int(0, 330), 85], [today - rnd.int(335, 600), 12], [null, 3]] as const);
          if (recheck !== null && (latest === null || recheck > latest + 60)) check({ personId, register, checkedOn: iso(recheck), outcome: outcome() });
        } else if (firstDecision === null) {
          check({ personId, register, checkedOn: iso(today - rnd.int(0, 400)), outcome: outcome() });
        } else if (lastDecision! - firstDecision > 400 && rnd.chance(0.4)) {
          check({ personId, register, checkedOn: iso(lastDecision! - rnd.int(5, 90)), outcome: outcome() });
        }
      }
      if (firstDecision !== null && rnd.chance(0.1)) {
        check({ personId, register: rnd.pick(['socialregistret', 'kronofogden', 'forsakringskassan'] as const), checkedOn: iso(firstDecision - rnd.int(5, 90)), outcome: 'utan-anmarkning' });
      }
    }
  }
  // IVO permits: verified before a placement in a private HVB or stödboende, once per 90 days a home.
  for (const kind of ['hvb', 'stodboende'] as const) {
    for (const slot of slots.get(kind) ?? []) {
      if (slot.home.operator !== 'enskild') continue;
      const decisions = [...(decisionsByHome.get(slot.home.id) ?? [])].filter((day) => day > today - 3 * 365).sort((a, b) => a - b);
      let lastCheck = -NEVER;
      for (const day of decisions) {
        if (day - lastCheck < 90 || !rnd.chance(0.8)) continue;
        lastCheck = day - rnd.int(0, 30);
        const scope = rnd.chance(0.6);
        check({
          homeId: slot.home.id,
          register: 'ivo-tillstand',
          checkedOn: iso(lastCheck),
          outcome: rnd.chance(0.99) ? 'giltigt' : 'ogiltigt',
          ...(scope
            ? { permit: { forms: [kind], minAge: slot.home.targetGroup?.minAge, maxAge: slot.home.targetGroup?.maxAge, places: slot.capacity, holderOrgNr: slot.home.orgNr } }
            : {}),
        });
      }
      if (decisions.length === 0) {
        check({ homeId: slot.home.id, register: 'ivo-tillstand', checkedOn: iso(today - rnd.int(0, 700)), outcome: 'giltigt' });
      }
    }
  }

  return {
    format: 'placeringskollen-exchange',
    version: 1,
    homes,
    persons,
    registerChecks,
    children,
    placements,
    events,
    notes: [],
    assessments: [],
    deviations: [],
  };
}

/** The shape of a file, counted: the benchmark's headline and the generator's tests. */
export function describeRegister(file: CityFile, on: IsoDate = benchDate) {
  const activeOn = (p: ExchangePlacement) => p.startedOn <= on && (p.endedOn === undefined || on < p.endedOn);
  const byKind = Object.fromEntries(homeKinds.map((kind) => [kind, 0])) as Record<HomeKind, number>;
  for (const home of file.homes) byKind[home.kind] += 1;
  const placementsPerChild = new Map<string, number>();
  for (const p of file.placements) placementsPerChild.set(p.childId, (placementsPerChild.get(p.childId) ?? 0) + 1);
  const homeKind = new Map(file.homes.map((h) => [h.id, h.kind]));
  // Children living in each foster home on `on`: how many homes have more than three.
  const living = new Map<string, number>();
  for (const p of file.placements) {
    if (!activeOn(p)) continue;
    const stay = p.stays.find((s) => s.from <= on && (s.to === undefined || on < s.to));
    if (stay && (fosterHomeKinds as readonly string[]).includes(homeKind.get(stay.homeId) ?? '')) {
      living.set(stay.homeId, (living.get(stay.homeId) ?? 0) + 1);
    }
  }
  const ended = file.placements.filter((p) => p.endedOn !== undefined);
  const followedUp = new Set(file.events.filter((e) => e.type === 'uppfoljning-avslutad').map((e) => e.placementId));
  return {
    homes: file.homes.length,
    homesByKind: byKind,
    uppdragstagare: file.persons.filter((p) => p.role === 'uppdragstagare').length,
    persons: file.persons.length,
    registerChecks: file.registerChecks.length,
    children: file.children.length,
    protectedChildren: file.children.filter((c) => c.protectedIdentity === true).length,
    childrenWithSeveralPlacements: [...placementsPerChild.values()].filter((n) => n > 1).length,
    placements: file.placements.length,
    active: file.placements.filter(activeOn).length,
    ended: ended.length,
    lvu: file.placements.filter((p) => p.legalBasis !== 'SoL').length,
    jourhemToFamiljehem: file.placements.filter((p) =>
      p.stays.some((s, k) => s.form === 'jourhem' && p.stays[k + 1]?.form === 'familjehem'),
    ).length,
    severalStays: file.placements.filter((p) => p.stays.length > 1).length,
    endedLvuFollowedUp: ended.filter((p) => p.legalBasis !== 'SoL' && followedUp.has(p.id)).length,
    fosterHomesWithMoreThanThree: [...living.values()].filter((n) => n > 3).length,
    events: file.events.length,
  };
}
