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
import { addDays, addMonths, daysBetween, storedDayNumber as dayOf, type IsoDate } from './dates';
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
const unjudged = { positive: 0, negative: 0, label: 'utan registrerad bedömning' };
const severityNames: Record<Severity, string> = { lag: 'låg', medel: 'medel', allvarlig: 'allvarlig' };
const DAYS_PER_MONTH = 365.25 / 12;
/** Confidence: decayed evidence needed for medel and hög, and dimensions for hög. */
const MEDIUM_WEIGHT = 3;
const HIGH_WEIGHT = 8;
const HIGH_DIMENSIONS = 3;

const decimal = (value: number, digits = 1) => value.toFixed(digits).replace('.', ',');

/**
 * The evidence's dates as day numbers and the assessments' mean ratings (NaN for none), in arrays
 * beside the evidence's own, made once per evidence object: the service keeps a register's
 * evidence, and träffsäkerhet asks the same home's index on many days.
 */
interface Prepared {
  inspections: Float64Array;
  stayFrom: Float64Array;
  /** NaN: going on. */
  stayTo: Float64Array;
  assessments: Float64Array;
  means: Float64Array;
  deviations: Float64Array;
}
const preparedOf = new WeakMap<QualityEvidence, Prepared>();

function prepare(evidence: QualityEvidence): Prepared {
  let prepared = preparedOf.get(evidence);
  if (prepared) return prepared;
  const days = <T>(rows: readonly T[], date: (row: T) => IsoDate | null) => Float64Array.from(rows, (row) => {
    const d = date(row);
    return d === null ? Number.NaN : dayOf(d);
  });
  prepared = {
    inspections: days(evidence.inspections, (i) => i.date),
    stayFrom: days(evidence.stays, (s) => s.from),
    stayTo: days(evidence.stays, (s) => s.to),
    assessments: days(evidence.assessments, (a) => a.date),
    means: Float64Array.from(evidence.assessments, (a) => {
      let sum = 0;
      let n = 0;
      for (const v of Object.values(a.scores)) {
        if (typeof v === 'number') {
          sum += v;
          n += 1;
        }
      }
      return n === 0 ? Number.NaN : sum / n;
    }),
    deviations: days(evidence.deviations, (d) => d.date),
  };
  preparedOf.set(evidence, prepared);
  return prepared;
}

/** A piece of evidence as the breakdown shows it, before its weight is known. */
type Described = Pick<EvidenceItem, 'source' | 'id' | 'date' | 'label'>;

/** What the dimensions add up to on one day. */
class Sums {
  readonly positive = qualityDimensions.map(() => 0);
  readonly negative = qualityDimensions.map(() => 0);
  readonly count = qualityDimensions.map(() => 0);
  readonly weight = qualityDimensions.map(() => 0);
  readonly items: EvidenceItem[][] = qualityDimensions.map(() => []);

  constructor(
    private readonly onDay: number,
    private readonly cutoffDay: number,
    private readonly halfLifeDays: number,
    private readonly tooOld: string,
  ) {}

  /**
   * Adds a piece of evidence of day `day` (null: a state on the day, not decayed) to dimension
   * `d`. `described` is given only when explaining. `massDecayed`: the mass already holds its age
   * (time lived).
   */
  add(d: number, day: number | null, positive: number, negative: number, described: Described | null, massDecayed = false): void {
    if (day !== null && day > this.onDay) return;
    const old = day !== null && day < this.cutoffDay;
    const notCounted = old ? this.tooOld : positive + negative > 0 ? null : 'räknas inte';
    const decay = day === null ? 1 : old ? 0 : 0.5 ** ((this.onDay - day) / this.halfLifeDays);
    if (notCounted === null) {
      const factor = massDecayed ? 1 : decay;
      this.positive[d] = this.positive[d]! + factor * positive;
      this.negative[d] = this.negative[d]! + factor * negative;
      this.count[d] = this.count[d]! + 1;
      this.weight[d] = this.weight[d]! + decay;
    }
    if (described !== null) this.items[d]!.push({ ...described, decay, positive, negative, notCounted });
  }
}

const IVO = qualityDimensions.indexOf('ivo-tillsyn');
const UTFALL = qualityDimensions.indexOf('utfall');
const UPPFOLJNING = qualityDimensions.indexOf('uppfoljning');
const AVVIKELSER = qualityDimensions.indexOf('avvikelser');
const ROST = qualityDimensions.indexOf('barnets-rost');
const KONTROLL = qualityDimensions.indexOf('registerkontroll');

/** The quality index of `evidence.home` on `on` under `settings`. */
export function qualityIndex(evidence: QualityEvidence, settings: QualitySettings, on: IsoDate, options: QualityOptions = {}): QualityResult {
  const explain = options.explain ?? true;
  const halfLifeDays = settings.halfLifeMonths * DAYS_PER_MONTH;
  const onDay = dayOf(on);
  const cutoff = addMonths(on, -12 * settings.cutoffYears);
  const cutoffDay = dayOf(cutoff);
  const sums = new Sums(onDay, cutoffDay, halfLifeDays, `äldre än ${settings.cutoffYears} år`);
  const prepared = prepare(evidence);

  evidence.inspections.forEach((i, k) => {
    const mass = i.verdict === null ? unjudged : verdictMass[i.verdict];
    sums.add(IVO, prepared.inspections[k]!, mass.positive, mass.negative, explain ? { source: 'ivo-tillsyn', id: i.id, date: i.date, label: `Tillsyn: ${mass.label}` } : null);
  });

  evidence.stays.forEach((stay, k) => {
    const from = prepared.stayFrom[k]!;
    const to = prepared.stayTo[k]!;
    if (from > onDay) return;
    const ended = to <= onDay;
    if (ended && stay.endedOn !== null && stay.endReason !== null) {
      const mass = endMass[stay.endReason];
      sums.add(UTFALL, to, mass.positive, mass.negative, explain ? { source: 'vistelse', id: stay.placementId, date: stay.endedOn, label: `Placering ${stay.from}–${stay.endedOn}: ${mass.label}` } : null);
    } else if (ended) {
      const how = stay.endedOn === null ? 'flyttade till ett annat hem (skälet registreras inte)' : 'avslutad utan angivet skäl';
      sums.add(UTFALL, to, 0, 0, explain ? { source: 'vistelse', id: stay.placementId, date: stay.to, label: `Placering ${stay.from}–${stay.to}: ${how}` } : null);
    }
    // The time a child lived there is the avvikelser dimension's positive evidence ("so many years
    // without a report"); a placement that broke down is no such evidence.
    if (stay.endReason === 'sammanbrott' && ended) return;
    const end = ended ? to : onDay;
    const years = exposureYears(from, end, onDay, cutoffDay, halfLifeDays);
    sums.add(
      AVVIKELSER,
      end,
      years,
      0,
      explain ? { source: 'vistelse', id: stay.placementId, date: ended ? stay.to : on, label: `Placering ${stay.from}–${ended ? stay.to! : 'pågår'}: ${decimal(years, 2)} barnår utan avvikelse (vägda efter ålder)` } : null,
      true,
    );
  });

  evidence.assessments.forEach((a, k) => {
    const day = prepared.assessments[k]!;
    const mean = prepared.means[k]!;
    if (!Number.isNaN(mean)) {
      sums.add(UPPFOLJNING, day, (mean - 1) / 4, (5 - mean) / 4, explain ? { source: 'bedomning', id: a.id, date: a.date, label: `Bedömning: medelbetyg ${decimal(mean)} av 5` } : null);
    }
    if (a.childVoice !== null) {
      const voice = voiceMass[a.childVoice];
      sums.add(ROST, day, voice.positive, voice.negative, explain ? { source: 'bedomning', id: a.id, date: a.date, label: `Barnet ${voice.label}` } : null);
    }
  });

  evidence.deviations.forEach((d, k) => {
    const negative = severityMass[d.severity] * (d.kind === 'lex-sarah' ? lexSarahFactor : 1);
    sums.add(
      AVVIKELSER,
      prepared.deviations[k]!,
      0,
      negative,
      explain ? { source: 'avvikelse', id: d.id, date: d.date, label: `${d.kind === 'lex-sarah' ? 'Lex Sarah' : 'Avvikelse'}, allvarlighet ${severityNames[d.severity]}` } : null,
    );
  });

  addChecks(evidence, on, cutoff, (source, id, positive, negative, label) => sums.add(KONTROLL, null, positive, negative, explain ? { source, id, date: null, label: label() } : null));

  const components: QualityComponent[] = [];
  const totalWeight = qualityDimensions.reduce((s, d) => s + settings.weights[d], 0);
  let weighted = 0;
  let weightOfPresent = 0;
  let counted = 0;
  let decayedWeight = 0;
  let present = 0;
  for (const [k, dimension] of qualityDimensions.entries()) {
    const weight = settings.weights[dimension] / totalWeight;
    const mass = sums.positive[k]! + sums.negative[k]!;
    const score = sums.count[k]! > 0 && mass > 0 ? (100 * sums.positive[k]!) / mass : null;
    if (weight > 0) {
      counted += sums.count[k]!;
      decayedWeight += sums.weight[k]!;
      if (score !== null) {
        weighted += weight * score;
        weightOfPresent += weight;
        present += 1;
      }
    }
    components.push({ dimension, name: dimensionNames[dimension], score: score === null ? null : Math.round(score), weight, evidence: weight > 0 ? sums.count[k]! : 0, items: sums.items[k]! });
  }

  const barriers = eligibilityReasons(evidence, on, cutoff);
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

/** Child-years lived in the home between days `from` and `to`, each day weighed by its age on `onDay`, within the cut-off. */
function exposureYears(from: number, to: number, onDay: number, cutoffDay: number, halfLifeDays: number): number {
  const start = Math.max(from, cutoffDay);
  if (to <= start) return 0;
  // ∫ 2^(−age/h) d(age) from the end's age to the start's age, in years.
  return ((halfLifeDays / Math.LN2) * (0.5 ** ((onDay - to) / halfLifeDays) - 0.5 ** ((onDay - start) / halfLifeDays))) / 365.25;
}

/** Adds a check's state on the day to registerkontroll; the label is asked for only when explaining. */
type AddCheck = (source: EvidenceSource, id: string, positive: number, negative: number, label: () => string) => void;

/**
 * registerkontroll: for a home that needs an IVO permit, its newest verification (valid and
 * recent is good, invalid bad, valid but old half of each); for a foster home, each required
 * register of each adult (current and clean is good, a remark or a missing check bad, an old clean
 * one half of each).
 * A check past the cut-off does not exist for the index.
 */
function addChecks(evidence: QualityEvidence, on: IsoDate, cutoff: IsoDate, add: AddCheck): void {
  const { home, policy } = evidence;
  if (needsPermit(home.kind, home.operator)) {
    const permit = newest(evidence.permits, on, cutoff);
    if (permit === null) return;
    const age = daysBetween(permit.date, on);
    if (permit.outcome !== 'giltigt') {
      add('ivo-tillstand', permit.id, 0, 1, () => `IVO-tillstånd: ogiltigt enligt kontrollen ${permit.date}`);
    } else if (age > policy.permitMaxAgeDays) {
      add('ivo-tillstand', permit.id, stale.positive, stale.negative, () => `IVO-tillstånd: giltigt, men kontrollerat ${permit.date}, för ${age} dagar sedan`);
    } else {
      add('ivo-tillstand', permit.id, 1, 0, () => `IVO-tillstånd verifierat ${permit.date}`);
    }
    return;
  }
  for (const person of evidence.household) {
    for (const entry of policy.registers) {
      if (!entry.roles.includes(person.role)) continue;
      const check = newest(person.checks, on, cutoff, entry.register);
      const what = () => `${person.name}, ${entry.name}`;
      if (check === null) {
        add('registerkontroll', person.id, 0, 1, () => `${what()}: inte kontrollerad`);
      } else if (check.outcome !== 'utan-anmarkning') {
        add('registerkontroll', check.id, 0, 1, () => `${what()}: anmärkning ${check.date}`);
      } else if (check.date < addMonths(on, -entry.maxAgeMonths)) {
        add('registerkontroll', check.id, stale.positive, stale.negative, () => `${what()}: kontrollerad ${check.date}, äldre än ${entry.maxAgeMonths} månader`);
      } else {
        add('registerkontroll', check.id, 1, 0, () => `${what()}: utan anmärkning ${check.date}`);
      }
    }
  }
}

/** A clean check that is too old to rely on weighs as much for as against. */
const stale = { positive: 0.5, negative: 0.5 };

/**
 * The newest of `rows` dated from `from` to `on` (of `register`, when given). Of two on the same
 * day the worse counts (an invalid permit, a remark), whatever order the rows come in.
 */
export function newest<T extends { date: IsoDate; outcome: string; register?: string }>(rows: readonly T[], on: IsoDate, from: IsoDate, register?: string): T | null {
  let best: T | null = null;
  for (const row of rows) {
    if (row.date > on || row.date < from || (register !== undefined && row.register !== register)) continue;
    if (best === null || row.date > best.date || (row.date === best.date && isClean(best.outcome) && !isClean(row.outcome))) best = row;
  }
  return best;
}

const isClean = (outcome: string) => outcome === 'giltigt' || outcome === 'utan-anmarkning';

const INACTIVE = 'Hemmet är inaktivt och tar inte emot placeringar.';
const NO_PERMIT = 'Hemmet ska ha IVO-tillstånd, men inget giltigt tillstånd är verifierat.';
const INVALID_PERMIT = 'IVO-tillståndet var ogiltigt vid senaste kontrollen.';

/**
 * The hard gates of quality-index.md that hold for every child: inactive, or a needed permit not
 * verified valid (a verification past the cut-off verifies nothing today).
 */
function eligibilityReasons(evidence: QualityEvidence, on: IsoDate, cutoff: IsoDate): string[] {
  const reasons: string[] = [];
  if (!evidence.home.active) reasons.push(INACTIVE);
  if (needsPermit(evidence.home.kind, evidence.home.operator)) {
    const permit = newest(evidence.permits, on, cutoff);
    if (permit === null) reasons.push(NO_PERMIT);
    else if (permit.outcome !== 'giltigt') reasons.push(INVALID_PERMIT);
  }
  return reasons;
}

/** The day whose index a placement beginning on `startedOn` was made with: what was known the day before. */
export const indexDayFor = (startedOn: IsoDate): IsoDate => addDays(startedOn, -1);
