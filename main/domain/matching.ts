/**
 * Matching a child's placement need to homes (quality-index.md, "Matching"): the hard gates first
 * (a home that cannot take the child is excluded with the reason, whatever its score), then the
 * homes that can, ranked by how well they fit the need and then by their quality index. Every
 * step is a sentence the case worker can check. Pure: the candidates and the day come in.
 */
import { addMonths, daysBetween, type IsoDate } from './dates';
import { municipalities } from './kommuner';
import type { QualityResult } from './quality-index';
import type { Grade } from './quality-settings';
import { kindInText, needNames, type HomeKind, type LegalBasis, type TargetGender } from './vocabulary';

export const childGenders = ['flicka', 'pojke'] as const;
export type ChildGender = (typeof childGenders)[number];

/** What the case worker knows of the need: no name, no personnummer (data minimisation). */
export interface PlacementNeed {
  age: number;
  gender: ChildGender | null;
  needs: readonly string[];
  legalBasis: LegalBasis | null;
  municipality: string | null;
  form: HomeKind | null;
  startOn: IsoDate;
}

export interface MatchCandidate {
  home: {
    id: string;
    name: string;
    kind: HomeKind;
    municipality: string | null;
    capacity: number | null;
    targetGroup: { minAge: number | null; maxAge: number | null; gender: TargetGender | null; needs: readonly string[] } | null;
  };
  /** The newest IVO permit verification on or before the start, with what it covers. */
  permit: { checkedOn: IsoDate; outcome: string; forms: readonly string[]; minAge: number | null; maxAge: number | null } | null;
  /** Children placed there on the start day. */
  placed: number;
  /** Placements there that ended in sammanbrott, by end date. */
  breakdowns: readonly IsoDate[];
  quality: QualityResult;
}

export type ReasonEffect = 'plus' | 'minus' | 'info';
export interface MatchReason {
  text: string;
  effect: ReasonEffect;
}

export interface Match {
  homeId: string;
  name: string;
  kind: HomeKind;
  municipality: string | null;
  /** How well the home fits the need, 0–100 (its parts are the reasons). */
  fit: number;
  score: number | null;
  grade: Grade | null;
  confidence: QualityResult['confidence'];
  reasons: MatchReason[];
}

export interface Exclusion {
  homeId: string;
  name: string;
  kind: HomeKind;
  municipality: string | null;
  reasons: string[];
}

export interface MatchPolicy {
  /** rules.md `ivo-tillstand`: how old a permit's verification may be at the decision. */
  permitMaxAgeDays: number;
  /** Swedish order of names, for ties. */
  compareNames: (a: string, b: string) => number;
}

/** The parts of the fit: target-group ages, needs, place, free places. */
export const fitPoints = { ages: 30, needs: 40, place: 20, capacity: 10 } as const;
/** The breakdowns a reason counts back over. */
const BREAKDOWN_MONTHS = 24;
/** rules.md `fler-an-tre-barn`: more children than this in a foster home are reported to IVO. */
const FOSTER_LIMIT = 3;
const fosterKinds: readonly HomeKind[] = ['familjehem', 'jourhem', 'natverkshem'];

/** A suggested need in lower case inside a sentence; a need typed freely as it was typed ("ADHD"). */
// Own keys only: a need typed as "constructor" or "__proto__" is the child's text, not an object's property.
const needName = (need: string) => (Object.hasOwn(needNames, need) ? needNames[need]!.toLowerCase() : need);
const list = (words: readonly string[]) => (words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} och ${words.at(-1)}`);
const ages = (min: number | null, max: number | null) => `${min ?? 0}–${max ?? '…'} år`;
const countyOf = (name: string | null) => municipalities.find((m) => m.name === name)?.countyCode ?? null;
const countyName = (code: string) => municipalities.find((m) => m.countyCode === code)?.county ?? code;

/** Why `candidate` cannot take the child at all, in Swedish; empty when it can. */
export function hardReasons(candidate: MatchCandidate, need: PlacementNeed): string[] {
  const { home, permit, placed, quality } = candidate;
  const reasons = [...quality.barriers];
  if (need.form !== null && home.kind !== need.form) {
    reasons.push(`Fel boendeform: hemmet är ${kindInText(home.kind)}, sökt är ${kindInText(need.form)}.`);
  }
  if (permit !== null && permit.outcome === 'giltigt') {
    if (permit.forms.length > 0 && !permit.forms.includes(home.kind)) {
      reasons.push(`IVO-tillståndet gäller inte ${kindInText(home.kind)}.`);
    }
    if ((permit.minAge !== null && need.age < permit.minAge) || (permit.maxAge !== null && need.age > permit.maxAge)) {
      reasons.push(`IVO-tillståndet gäller ${ages(permit.minAge, permit.maxAge)}; barnet är ${need.age} år.`);
    }
  }
  const gender = home.targetGroup?.gender ?? null;
  if (need.gender !== null && gender !== null && gender !== 'alla' && (gender === 'flickor') !== (need.gender === 'flicka')) {
    reasons.push(`Hemmet tar bara emot ${gender}.`);
  }
  if (home.capacity !== null && placed >= home.capacity) {
    reasons.push(`Fullt: ${placed} barn på ${home.capacity} ${home.capacity === 1 ? 'plats' : 'platser'} ${need.startOn}.`);
  }
  return reasons;
}

/** How well an eligible home fits, with the reasons that make up its points. */
export function fitOf(candidate: MatchCandidate, need: PlacementNeed, policy: MatchPolicy): { fit: number; reasons: MatchReason[] } {
  const { home, permit, placed } = candidate;
  const reasons: MatchReason[] = [];
  let fit = 0;
  const group = home.targetGroup;

  if (group === null || (group.minAge === null && group.maxAge === null)) {
    fit += fitPoints.ages / 2;
    reasons.push({ text: 'Målgruppens åldrar är inte angivna', effect: 'info' });
  } else if ((group.minAge ?? 0) <= need.age && need.age <= (group.maxAge ?? 99)) {
    fit += fitPoints.ages;
    reasons.push({ text: `Målgrupp ${ages(group.minAge, group.maxAge)} täcker ${need.age} år`, effect: 'plus' });
  } else {
    reasons.push({ text: `Målgrupp ${ages(group.minAge, group.maxAge)} täcker inte ${need.age} år`, effect: 'minus' });
  }

  if (need.needs.length === 0) {
    fit += fitPoints.needs;
  } else {
    const offered = new Set(group?.needs ?? []);
    const met = need.needs.filter((n) => offered.has(n));
    const unmet = need.needs.filter((n) => !offered.has(n));
    fit += (fitPoints.needs * met.length) / need.needs.length;
    if (met.length > 0) reasons.push({ text: `Målgruppen omfattar ${list(met.map(needName))}`, effect: 'plus' });
    if (unmet.length > 0) reasons.push({ text: `Målgruppen nämner inte ${list(unmet.map(needName))}`, effect: 'minus' });
  }

  if (need.municipality === null) {
    fit += fitPoints.place;
  } else if (home.municipality === need.municipality) {
    fit += fitPoints.place;
    reasons.push({ text: `I ${need.municipality}`, effect: 'plus' });
  } else {
    const county = countyOf(need.municipality);
    if (county !== null && countyOf(home.municipality) === county) {
      fit += fitPoints.place / 2;
      reasons.push({ text: `I ${home.municipality}, samma län (${countyName(county)})`, effect: 'plus' });
    } else {
      reasons.push({ text: home.municipality === null ? 'Kommunen är inte angiven' : `I ${home.municipality}, utanför ${countyName(county ?? '') || 'önskat län'}`, effect: 'minus' });
    }
  }

  if (home.capacity === null) {
    fit += fitPoints.capacity / 2;
    reasons.push({ text: `Antal platser okänt, ${placed} ${placed === 1 ? 'barn placerat' : 'barn placerade'}`, effect: 'info' });
  } else {
    fit += fitPoints.capacity;
    const free = home.capacity - placed;
    reasons.push({ text: `${free} ${free === 1 ? 'plats ledig' : 'platser lediga'}`, effect: 'plus' });
  }
  if (fosterKinds.includes(home.kind) && placed + 1 > FOSTER_LIMIT) {
    reasons.push({ text: `${placed + 1} placerade barn med det här: beslutet ska anmälas till IVO`, effect: 'minus' });
  }

  if (permit !== null && permit.outcome === 'giltigt') {
    reasons.push(
      daysBetween(permit.checkedOn, need.startOn) <= policy.permitMaxAgeDays
        ? { text: `IVO-tillstånd verifierat ${permit.checkedOn}`, effect: 'plus' }
        : { text: `IVO-tillståndet verifierades ${permit.checkedOn}: kontrollera det igen före beslut`, effect: 'minus' },
    );
  }
  const since = addMonths(need.startOn, -BREAKDOWN_MONTHS);
  const recent = candidate.breakdowns.filter((d) => d >= since && d <= need.startOn).length;
  if (recent > 0) reasons.push({ text: `${recent} ${recent === 1 ? 'sammanbrott' : 'sammanbrott'} senaste ${BREAKDOWN_MONTHS} månaderna`, effect: 'minus' });
  return { fit: Math.round(fit), reasons };
}

export const confidenceNames: Record<QualityResult['confidence'], string> = { low: 'låg', medium: 'medel', high: 'hög' };

/**
 * The homes that can take the child, best first (fit, then quality, then name), and the homes that
 * cannot, each with its hard reasons.
 */
export function matchHomes(candidates: readonly MatchCandidate[], need: PlacementNeed, policy: MatchPolicy): { matches: Match[]; excluded: Exclusion[] } {
  const { compareNames } = policy;
  const matches: Match[] = [];
  const excluded: Exclusion[] = [];
  for (const candidate of candidates) {
    const { home, quality } = candidate;
    const hard = hardReasons(candidate, need);
    if (hard.length > 0) {
      excluded.push({ homeId: home.id, name: home.name, kind: home.kind, municipality: home.municipality, reasons: hard });
      continue;
    }
    const { fit, reasons } = fitOf(candidate, need, policy);
    matches.push({ homeId: home.id, name: home.name, kind: home.kind, municipality: home.municipality, fit, score: quality.score, grade: quality.grade, confidence: quality.confidence, reasons });
  }
  matches.sort((a, b) => b.fit - a.fit || (b.score ?? -1) - (a.score ?? -1) || compareNames(a.name, b.name));
  excluded.sort((a, b) => compareNames(a.name, b.name));
  return { matches, excluded };
}
