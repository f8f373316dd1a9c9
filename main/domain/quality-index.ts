/**
 * The quality index of a home (quality-index.md, normative; docs/kvalitetsindex.md explains it to a
 * unit manager): one pure function of the evidence, the settings and the day, called by the
 * window, the command line, matching and the träffsäkerhet table alike.
 *
 * Each piece of evidence adds to a dimension's positive mass, its negative mass, or both (a
 * middling rating), weighed down by its age (half-life) and left out past the cut-off. A
 * dimension's score is 100 × positive / (positive + negative); the home's score is the weighted
 * mean of the dimensions that have evidence. Because a negative piece only ever adds negative mass
 * (and a dimension it opens starts at 0), more negative evidence never raises a score and more
 * positive never lowers it. Evidence dated after the day does not exist yet: the index of a day
 * never looks into the future.
 */
import { addDays, addMonths, daysBetween, type IsoDate } from './dates';
import { needsPermit } from './checks';
import { dimensionNames, gradeOf, qualityDimensions, type Grade, type QualityDimension, type QualitySettings } from './quality-settings';
import type { AssessmentDimension, ChildVoice, DeviationKind, EndReason, HomeKind, IvoVerdict, Severity } from './vocabulary';

export interface QualityHome {
  id: string;
  kind: HomeKind;
  operator: string | null;
  active: boolean;
}

/** A stay of a child in the home, with how its placement ended when this was its last stay. */
export interface QualityStay {
  placementId: string;
  from: IsoDate;
  to: IsoDate | null;
  /** The placement's end, when this stay was its last. */
  endedOn: IsoDate | null;
  endReason: EndReason | null;
}

export interface QualityEvidence {
  home: QualityHome;
  /** `ivo-tillsyn` events of the home. */
  inspections: readonly { id: string; date: IsoDate; verdict: IvoVerdict | null }[];
  stays: readonly QualityStay[];
  /** The assessments in force (a corrected one replaced by its correction). */
  assessments: readonly { id: string; date: IsoDate; scores: Partial<Record<AssessmentDimension, number>>; childVoice: ChildVoice | null }[];
  /** Deviations about the home, or about a placement while the child lived there. */
  deviations: readonly { id: string; date: IsoDate; kind: DeviationKind; severity: Severity }[];
  /** `ivo-tillstand` verifications of the home. */
  permits: readonly { id: string; date: IsoDate; outcome: string }[];
  /** The household's adults whose register checks the municipality requires, with their checks. */
  household: readonly { id: string; name: string; role: string; checks: readonly { id: string; register: string; date: IsoDate; outcome: string }[] }[];
  /** The municipality's rules: which registers are required for whom, and how old a check may be. */
  policy: {
    registers: readonly { register: string; name: string; roles: readonly string[]; maxAgeMonths: number }[];
    permitMaxAgeDays: number;
  };
}

export type EvidenceSource = 'ivo-tillsyn' | 'vistelse' | 'bedomning' | 'avvikelse' | 'ivo-tillstand' | 'registerkontroll';
export type Confidence = 'low' | 'medium' | 'high';

/** One piece of evidence as the window explains it. */
export interface EvidenceItem {
  source: EvidenceSource;
  /** The record behind it (event, placement, assessment, deviation, check or person id). */
  id: string;
  date: IsoDate | null;
  /** What it is, in Swedish ("Tillsyn: kritik"). */
  label: string;
  /** Its age's weight, 0–1 (1: today, 0.5: one half-life old). */
  decay: number;
  /** Mass towards a good and a bad score before the decay. */
  positive: number;
  negative: number;
  /** Why it does not count, when it does not ("äldre än 5 år"). */
  notCounted: string | null;
}

export interface QualityComponent {
  dimension: QualityDimension;
  name: string;
  /** null: no counted evidence in this dimension. */
  score: number | null;
  /** The dimension's share of the whole, as configured (0–1). */
  weight: number;
  /** Counted pieces of evidence. */
  evidence: number;
  items: EvidenceItem[];
}

export interface QualityResult {
  homeId: string;
  on: IsoDate;
  score: number | null;
  grade: Grade | null;
  confidence: Confidence;
  eligible: boolean;
  components: QualityComponent[];
  /** In Swedish: why no child can be placed there (inactive, no valid permit); empty when eligible. */
  barriers: string[];
  /** In Swedish: why there is no number, when there is none. */
  missing: string | null;
}

/** The reasons of the command line's `quality --json`: the barriers, then what is missing. */
export const qualityReasons = (result: QualityResult): string[] => [...result.barriers, ...(result.missing === null ? [] : [result.missing])];

export interface QualityOptions {
  /** Leave out the items (and their labels): the träffsäkerhet table needs only the numbers. */
  explain?: boolean;
}

const verdictMass: Record<IvoVerdict, { positive: number; negative: number; label: string }> = {
  'utan-anmarkning': { positive: 1, negative: 0, label: 'utan anmärkning' },
  kritik: { positive: 0, negative: 1, label: 'kritik' },
  forelaggande: { positive: 0, negative: 2, label: 'föreläggande' },
  aterkallelse: { positive: 0, negative: 4, label: 'återkallelse av tillstånd' },
};
const endMass: Record<EndReason, { positive: number; negative: number; label: string }> = {
  planerad: { positive: 1, negative: 0, label: 'avslutad enligt plan' },
  myndig: { positive: 1, negative: 0, label: 'avslutad när den unga blev vuxen' },
  hemflytt: { positive: 1, negative: 0, label: 'avslutad med hemflytt' },
  sammanbrott: { positive: 0, negative: 2, label: 'sammanbrott' },
  annan: { positive: 0, negative: 0, label: 'avslutad av annat skäl' },
};
const severityMass: Record<Severity, number> = { lag: 0.25, medel: 0.5, allvarlig: 1 };
/** A lex Sarah report weighs twice a deviation of the same severity. */
const lexSarahFactor = 2;
const voiceMass: Record<ChildVoice, { positive: number; negative: number; label: string }> = {
  trivs: { positive: 1, negative: 0, label: 'trivs' },
  'trivs-inte': { positive: 0, negative: 1, label: 'trivs inte' },
  'vill-flytta': { positive: 0, negative: 2, label: 'vill flytta' },
};
const severityNames: Record<Severity, string> = { lag: 'låg', medel: 'medel', allvarlig: 'allvarlig' };
const DAYS_PER_MONTH = 365.25 / 12;
/** Confidence: decayed evidence needed for medel and hög, and dimensions for hög. */
const MEDIUM_WEIGHT = 3;
const HIGH_WEIGHT = 8;
const HIGH_DIMENSIONS = 3;

const decimal = (value: number, digits = 1) => value.toFixed(digits).replace('.', ',');

/** The quality index of `evidence.home` on `on` under `settings`. */
export function qualityIndex(evidence: QualityEvidence, settings: QualitySettings, on: IsoDate, options: QualityOptions = {}): QualityResult {
  const explain = options.explain ?? true;
  const halfLifeDays = settings.halfLifeMonths * DAYS_PER_MONTH;
  const cutoff = addMonths(on, -12 * settings.cutoffYears);
  const decayOf = (date: IsoDate) => 0.5 ** (daysBetween(date, on) / halfLifeDays);
  const tooOld = `äldre än ${settings.cutoffYears} år`;

  const sums = new Map<QualityDimension, { positive: number; negative: number; count: number; weight: number; items: EvidenceItem[] }>(
    qualityDimensions.map((d) => [d, { positive: 0, negative: 0, count: 0, weight: 0, items: [] }]),
  );
  /**
   * Adds a piece of evidence dated `date` (null: a state on the day, not decayed). `label` is
   * built only when explaining. `massDecayed`: the mass already holds its age (time lived).
   */
  const add: Add = (dimension, source, id, date, mass, label, { notCounted = null, massDecayed = false } = {}) => {
    if (date !== null && date > on) return;
    const sum = sums.get(dimension)!;
    const old = date !== null && date < cutoff;
    const reason = notCounted ?? (old ? tooOld : mass.positive + mass.negative > 0 ? null : 'räknas inte');
    const decay = date === null ? 1 : old ? 0 : decayOf(date);
    if (reason === null) {
      const factor = massDecayed ? 1 : decay;
      sum.positive += factor * mass.positive;
      sum.negative += factor * mass.negative;
      sum.count += 1;
      sum.weight += decay;
    }
    if (explain) sum.items.push({ source, id, date, label: label(), decay, positive: mass.positive, negative: mass.negative, notCounted: reason });
  };

  for (const inspection of evidence.inspections) {
    const mass = inspection.verdict === null ? { positive: 0, negative: 0, label: 'utan registrerad bedömning' } : verdictMass[inspection.verdict];
    add('ivo-tillsyn', 'ivo-tillsyn', inspection.id, inspection.date, mass, () => `Tillsyn: ${mass.label}`);
  }

  for (const stay of evidence.stays) {
    if (stay.from > on) continue;
    const ended = stay.to !== null && stay.to <= on;
    if (ended && stay.endedOn !== null && stay.endReason !== null) {
      const mass = endMass[stay.endReason];
      add('utfall', 'vistelse', stay.placementId, stay.endedOn, mass, () => `Placering ${stay.from}–${stay.endedOn}: ${mass.label}`);
    } else if (ended) {
      add('utfall', 'vistelse', stay.placementId, stay.to, { positive: 0, negative: 0 }, () => `Placering ${stay.from}–${stay.to}: flyttade till ett annat hem (skälet registreras inte)`);
    }
    // The time a child lived there is the avvikelser dimension's positive evidence ("so many years
    // without a report"); a placement that broke down is no such evidence.
    if (stay.endReason === 'sammanbrott' && ended) continue;
    const end = ended ? stay.to! : on;
    const years = exposureYears(stay.from, end, on, cutoff, halfLifeDays);
    add('avvikelser', 'vistelse', stay.placementId, end, { positive: years, negative: 0 }, () =>
      `Placering ${stay.from}–${ended ? stay.to! : 'pågår'}: ${decimal(years, 2)} barnår utan avvikelse (vägda efter ålder)`,
      { massDecayed: true },
    );
  }

  for (const assessment of evidence.assessments) {
    const values = Object.values(assessment.scores).filter((v): v is number => typeof v === 'number');
    if (values.length > 0) {
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      add('uppfoljning', 'bedomning', assessment.id, assessment.date, { positive: (mean - 1) / 4, negative: (5 - mean) / 4 }, () => `Bedömning: medelbetyg ${decimal(mean)} av 5`);
    }
    if (assessment.childVoice !== null) {
      const mass = voiceMass[assessment.childVoice];
      add('barnets-rost', 'bedomning', assessment.id, assessment.date, mass, () => `Barnet ${mass.label}`);
    }
  }

  for (const deviation of evidence.deviations) {
    const negative = severityMass[deviation.severity] * (deviation.kind === 'lex-sarah' ? lexSarahFactor : 1);
    add('avvikelser', 'avvikelse', deviation.id, deviation.date, { positive: 0, negative }, () =>
      `${deviation.kind === 'lex-sarah' ? 'Lex Sarah' : 'Avvikelse'}, allvarlighet ${severityNames[deviation.severity]}`,
    );
  }

  addChecks(evidence, on, cutoff, add);

  const components: QualityComponent[] = [];
  const totalWeight = qualityDimensions.reduce((s, d) => s + settings.weights[d], 0);
  let weighted = 0;
  let weightOfPresent = 0;
  let counted = 0;
  let decayedWeight = 0;
  let present = 0;
  for (const dimension of qualityDimensions) {
    const sum = sums.get(dimension)!;
    const weight = settings.weights[dimension] / totalWeight;
    const mass = sum.positive + sum.negative;
    const score = sum.count > 0 && mass > 0 ? (100 * sum.positive) / mass : null;
    if (weight > 0) {
      counted += sum.count;
      decayedWeight += sum.weight;
      if (score !== null) {
        weighted += weight * score;
        weightOfPresent += weight;
        present += 1;
      }
    }
    components.push({ dimension, name: dimensionNames[dimension], score: score === null ? null : Math.round(score), weight, evidence: weight > 0 ? sum.count : 0, items: sum.items });
  }

  const barriers = eligibilityReasons(evidence, on);
  const enough = counted >= settings.minEvidence && weightOfPresent > 0;
  const score = enough ? Math.round(weighted / weightOfPresent) : null;
  const confidence: Confidence =
    score === null || decayedWeight < MEDIUM_WEIGHT ? 'low' : decayedWeight >= HIGH_WEIGHT && present >= HIGH_DIMENSIONS ? 'high' : 'medium';
  return {
    homeId: evidence.home.id,
    on,
    score,
    grade: score === null ? null : gradeOf(score, settings.gradeLimits),
    confidence,
    eligible: barriers.length === 0,
    components,
    barriers,
    missing: enough ? null : missingSentence(counted, settings.minEvidence, components),
  };
}

/** What is missing for a number, in plain Swedish: how much counts, how much is needed, which kinds are absent. */
function missingSentence(counted: number, needed: number, components: readonly QualityComponent[]): string {
  const absent = components.filter((c) => c.weight > 0 && c.evidence === 0).map((c) => absentNames[c.dimension]);
  const has = counted === 0 ? 'Inget underlag räknas' : `Bara ${counted} ${counted === 1 ? 'underlag räknas' : 'underlag räknas'}`;
  const lacking = absent.length > 0 ? ` Det saknas ${absent.length === 1 ? absent[0] : `${absent.slice(0, -1).join(', ')} och ${absent.at(-1)}`}.` : '';
  return `För lite underlag för ett värde: ${has.charAt(0).toLowerCase()}${has.slice(1)}, minst ${needed} behövs.${lacking}`;
}

const absentNames: Record<QualityDimension, string> = {
  'ivo-tillsyn': 'tillsyn från IVO med bedömning',
  utfall: 'avslutade placeringar',
  uppfoljning: 'bedömningar efter uppföljningsbesök',
  avvikelser: 'tid med placerade barn',
  'barnets-rost': 'vad barnen har sagt',
  registerkontroll: 'kontroller',
};

/** Child-years lived in the home between `from` and `to`, each day weighed by its age on `on`, within the cut-off. */
function exposureYears(from: IsoDate, to: IsoDate, on: IsoDate, cutoff: IsoDate, halfLifeDays: number): number {
  const start = from < cutoff ? cutoff : from;
  if (to <= start) return 0;
  // ∫ 2^(−age/h) d(age) from the end's age to the start's age, in years.
  const youngest = daysBetween(to, on);
  const oldest = daysBetween(start, on);
  return ((halfLifeDays / Math.LN2) * (0.5 ** (youngest / halfLifeDays) - 0.5 ** (oldest / halfLifeDays))) / 365.25;
}

type Add = (
  dimension: QualityDimension,
  source: EvidenceSource,
  id: string,
  date: IsoDate | null,
  mass: { positive: number; negative: number },
  label: () => string,
  options?: { notCounted?: string | null; massDecayed?: boolean },
) => void;

/**
 * registerkontroll: for a home that needs an IVO permit, its newest verification (valid and
 * recent is good, invalid bad, valid but old half of each); for a foster home, each required
 * register of each adult (current and clean is good, a remark or a missing check bad, an old clean
 * one half of each).
 * A check past the cut-off does not exist for the index.
 */
function addChecks(evidence: QualityEvidence, on: IsoDate, cutoff: IsoDate, add: Add): void {
  const { home, policy } = evidence;
  if (needsPermit(home.kind, home.operator)) {
    const permit = newest(evidence.permits.filter((p) => p.date <= on && p.date >= cutoff));
    if (permit === null) return;
    const age = daysBetween(permit.date, on);
    if (permit.outcome !== 'giltigt') {
      add('registerkontroll', 'ivo-tillstand', permit.id, null, { positive: 0, negative: 1 }, () => `IVO-tillstånd: ogiltigt enligt kontrollen ${permit.date}`);
    } else if (age > policy.permitMaxAgeDays) {
      add('registerkontroll', 'ivo-tillstand', permit.id, null, stale, () => `IVO-tillstånd: giltigt, men kontrollerat ${permit.date}, för ${age} dagar sedan`);
    } else {
      add('registerkontroll', 'ivo-tillstand', permit.id, null, { positive: 1, negative: 0 }, () => `IVO-tillstånd verifierat ${permit.date}`);
    }
    return;
  }
  for (const person of evidence.household) {
    for (const entry of policy.registers) {
      if (!entry.roles.includes(person.role)) continue;
      const check = newest(person.checks.filter((c) => c.register === entry.register && c.date <= on && c.date >= cutoff));
      const what = `${person.name}, ${entry.name}`;
      if (check === null) {
        add('registerkontroll', 'registerkontroll', person.id, null, { positive: 0, negative: 1 }, () => `${what}: inte kontrollerad`);
      } else if (check.outcome !== 'utan-anmarkning') {
        add('registerkontroll', 'registerkontroll', check.id, null, { positive: 0, negative: 1 }, () => `${what}: anmärkning ${check.date}`);
      } else if (check.date < addMonths(on, -entry.maxAgeMonths)) {
        add('registerkontroll', 'registerkontroll', check.id, null, stale, () => `${what}: kontrollerad ${check.date}, äldre än ${entry.maxAgeMonths} månader`);
      } else {
        add('registerkontroll', 'registerkontroll', check.id, null, { positive: 1, negative: 0 }, () => `${what}: utan anmärkning ${check.date}`);
      }
    }
  }
}

/** A clean check that is too old to rely on weighs as much for as against. */
const stale = { positive: 0.5, negative: 0.5 };

const newest = <T extends { date: IsoDate }>(rows: readonly T[]): T | null =>
  rows.reduce<T | null>((best, row) => (best === null || row.date > best.date ? row : best), null);

const INACTIVE = 'Hemmet är inaktivt och tar inte emot placeringar.';
const NO_PERMIT = 'Hemmet ska ha IVO-tillstånd, men inget giltigt tillstånd är verifierat.';
const INVALID_PERMIT = 'IVO-tillståndet var ogiltigt vid senaste kontrollen.';

/** The hard gates of quality-index.md that hold for every child: inactive, or a needed permit not verified valid. */
function eligibilityReasons(evidence: QualityEvidence, on: IsoDate): string[] {
  const reasons: string[] = [];
  if (!evidence.home.active) reasons.push(INACTIVE);
  if (needsPermit(evidence.home.kind, evidence.home.operator)) {
    const permit = newest(evidence.permits.filter((p) => p.date <= on));
    if (permit === null) reasons.push(NO_PERMIT);
    else if (permit.outcome !== 'giltigt') reasons.push(INVALID_PERMIT);
  }
  return reasons;
}

/** The day whose index a placement beginning on `startedOn` was made with: what was known the day before. */
export const indexDayFor = (startedOn: IsoDate): IsoDate => addDays(startedOn, -1);
