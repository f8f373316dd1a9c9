/**
 * Nämndrapporten: the board's figures for a period, each indicator defined once here with its
 * numerator and denominator (docs/namndrapport.md says the same in Swedish), for the screen, the
 * PDF, the spreadsheet and the command line alike. Pure: the placements of the period, their
 * events, the homes, the deviations, the audit rounds and the checks come in, with the day rules.
 *
 * Every count that describes children goes through the small-number rules (small-numbers.ts)
 * before it leaves: the report becomes a public document.
 */
import { computeChecks, type CheckRegister } from './checks';
import { addDays, addMonths, birthday, daysBetween, type IsoDate } from './dates';
import { grades, type Grade } from './quality-settings';
import { defaultRegisterCatalogue, type RegisterCatalogueEntry, type RuleParameters } from './rule-settings';
import { HIDDEN, isShown, isSmall, shownShare, suppressLines, suppressTable, type Shown, type Term } from './small-numbers';
import type { DeviationKind, EndReason, HomeKind, LegalBasis, Severity } from './vocabulary';
import { deviationKinds, legalBases, severities } from './vocabulary';

export interface Period {
  from: IsoDate;
  /** The last day of the period, included. */
  to: IsoDate;
}

/** The same period a year earlier: what each figure is compared with. */
export const yearBefore = ({ from, to }: Period): Period => ({ from: addMonths(from, -12), to: lastOfMonthKept(to) });

/** A year before `to`; the last day of February stays the last (2025-02-28 → 2024-02-29). */
function lastOfMonthKept(to: IsoDate): IsoDate {
  const before = addMonths(to, -12);
  const nextDay = addDays(to, 1);
  return nextDay.slice(8) === '01' ? addDays(addMonths(nextDay, -12), -1) : before;
}

export interface BoardStay {
  homeId: string;
  form: HomeKind;
  from: IsoDate;
  /** The first day not there; null while it goes on. */
  to: IsoDate | null;
  decidedOn: IsoDate | null;
  investigationCompletedOn: IsoDate | null;
}

export interface BoardPlacement {
  id: string;
  childId: string;
  /** Null when unknown: the age rules then apply. */
  birthDate: IsoDate | null;
  legalBasis: LegalBasis;
  decidedOn: IsoDate;
  startedOn: IsoDate;
  endedOn: IsoDate | null;
  endReason: EndReason | null;
  /** Kronor per dygn, when given. */
  dailyCost: number | null;
  /** In date order, contiguous. */
  stays: readonly BoardStay[];
  /** The placement's own events (type and date), any order. */
  events: readonly { type: string; date: IsoDate }[];
}

export interface BoardHome {
  kind: HomeKind;
  name: string;
  operator: string | null;
  /** The konsulentverksamhet a foster home is hired through. */
  agency: string | null;
}

export interface BoardDeviation {
  reportedOn: IsoDate;
  kind: DeviationKind;
  severity: Severity;
}

export interface BoardAuditRound {
  name: string;
  fromDate: IsoDate;
  toDate: IsoDate;
  /** The day the round was drawn. */
  drawnOn: IsoDate;
  files: number;
  /** Share of the answered items that were "ja" (audit-summary.ts), null before any answer. */
  compliance: number | null;
}

export interface BoardFacts {
  /** Every placement of every child placed during the periods (earlier ones too: vårdnadsöverflyttning counts the time in a home across placements). */
  placements: readonly BoardPlacement[];
  homes: ReadonlyMap<string, BoardHome>;
  deviations: readonly BoardDeviation[];
  auditRounds: readonly BoardAuditRound[];
  /** The homes' adults and checks, for the checks before each decision (checks.ts judges them). */
  checks: Pick<CheckRegister, 'persons' | 'checks'>;
  /** The grade of each ended placement's first home the day before it began (accuracy.ts), null without a number. */
  gradeAtStart: ReadonlyMap<string, Grade | null>;
}

export interface BoardRules {
  parameters: RuleParameters;
  catalogue?: readonly RegisterCatalogueEntry[];
}

// ---------------------------------------------------------------------------------------------
// The form groups the board reads (familjehem split into nätverkshem and the others).

export const formGroups = ['natverkshem', 'familjehem', 'jourhem', 'hvb', 'stodboende', 'sis'] as const;
export type FormGroup = (typeof formGroups)[number];
export const formGroupNames: Record<FormGroup, string> = {
  natverkshem: 'Nätverkshem',
  familjehem: 'Familjehem (övriga)',
  jourhem: 'Jourhem',
  hvb: 'HVB',
  stodboende: 'Stödboende',
  sis: 'SiS-hem',
};
const institutionForms: readonly HomeKind[] = ['hvb', 'stodboende', 'sis'];
/** A placement without any stay recorded: counted, as "Vistelse saknas", so that the tables agree. */
const NO_STAY = 'ingen-vistelse';
const NO_STAY_NAME = 'Vistelse saknas';
/** A median is published only of this many placements or more. */
const MEDIAN_LIMIT = 10;

// ---------------------------------------------------------------------------------------------
// What the report holds. `Shown` is a number that may be published, null ("färre än 5") or "dold".

export interface ShownTableFigures {
  rows: string[];
  columns: string[];
  cells: Shown[][];
  /** Null where the columns count different things, so a row's sum counts nothing (new, ended, ongoing). */
  rowTotals: Shown[] | null;
  /** The columns that are the same period a year earlier (placements: new and ongoing then). */
  previousColumns?: number[];
  columnTotals: Shown[];
  total: Shown;
}

/**
 * A share indicator as it may be published: the share only, rounded to a tenth of a percent.
 * Neither its numerator nor its denominator leaves the domain: two indicators' denominators side
 * by side would tell of the few placements between them (42 with a vårdplan, 40 due a plan).
 */
export interface ShareFigure {
  /** 0–1, null where it would describe fewer than 5 children or there is nothing to count. */
  share: number | null;
  /** Whether there was anything to count (false: "inget att räkna"). */
  counted: boolean;
}

export interface RateFigure {
  /** Barnsamtal per child and year, null with fewer than 5 children. */
  rate: number | null;
  counted: boolean;
}

/** An audit round as the report lists it: its files are children's files, so few are not counted. */
export interface AuditRoundRow {
  name: string;
  fromDate: IsoDate;
  toDate: IsoDate;
  files: Shown;
  compliance: number | null;
}

export interface OutcomeRow {
  label: string;
  ended: Shown;
  breakdowns: Shown;
  share: number | null;
}

export interface LengthRow {
  label: string;
  ended: Shown;
  /** Median length in days; null with fewer than 10 placements (a median of 5 is one placement's length). */
  medianDays: number | null;
}

export interface CostRow {
  label: string;
  children: Shown;
  /** Care days in the period (vårddygn); null where the children are too few to show. */
  careDays: Shown;
  /** Kronor for the care days with a daily cost. */
  cost: Shown;
  /** Care days without a daily cost. */
  daysWithoutCost: Shown;
}

export interface BoardFigures {
  period: Period;
  placements: {
    byForm: ShownTableFigures;
    byBasis: ShownTableFigures;
    /** Of the placements going on on the last day: those in HVB, stödboende or SiS. */
    institutionShare: ShareFigure;
  };
  /** `jourhemSpecialReasons`: of the jourhem stays over the limit, those with särskilda skäl documented. */
  compliance: Record<ComplianceIndicator, ShareFigure> & { barnsamtal: RateFigure; jourhemSpecialReasons: ShareFigure };
  outcomes: {
    byForm: OutcomeRow[];
    byGrade: OutcomeRow[];
    total: OutcomeRow;
    length: LengthRow[];
    deviations: ShownTableFigures;
    auditRounds: AuditRoundRow[];
  };
  cost: { byForm: CostRow[]; byProvider: CostRow[]; total: CostRow };
}

/** The share indicators of legal compliance, in the report's order. */
export const complianceIndicators = [
  'overvagandeOnTime',
  'vardnadsoverflyttningOnTime',
  'jourhemOverLimit',
  'vardplanInPlace',
  'genomforandeplanInPlace',
  'halsoundersokningRequested',
  'registerChecksBeforeDecision',
  'permitBeforeDecision',
] as const;
export type ComplianceIndicator = (typeof complianceIndicators)[number];

/** Each indicator's name and, for the summary, what a rise means. */
export const complianceNames: Record<ComplianceIndicator, { title: string; subject: string; higherIsBetter: boolean }> = {
  overvagandeOnTime: { title: 'Överväganden och omprövningar i tid', subject: 'Andelen överväganden och omprövningar i tid', higherIsBetter: true },
  vardnadsoverflyttningOnTime: { title: 'Överväganden om vårdnadsöverflyttning i tid', subject: 'Andelen överväganden om vårdnadsöverflyttning i tid', higherIsBetter: true },
  jourhemOverLimit: { title: 'Jourhemsvistelser över tidsgränsen', subject: 'Andelen jourhemsvistelser över tidsgränsen', higherIsBetter: false },
  vardplanInPlace: { title: 'Vårdplan finns', subject: 'Andelen placeringar med vårdplan', higherIsBetter: true },
  genomforandeplanInPlace: { title: 'Genomförandeplan finns', subject: 'Andelen placeringar med genomförandeplan', higherIsBetter: true },
  halsoundersokningRequested: { title: 'Hälsoundersökning begärd i tid', subject: 'Andelen placeringar med hälsoundersökning begärd i tid', higherIsBetter: true },
  registerChecksBeforeDecision: { title: 'Registerkontroller klara före beslut', subject: 'Andelen familjehemsbeslut med registerkontroller klara före beslut', higherIsBetter: true },
  permitBeforeDecision: { title: 'IVO-tillstånd kontrollerat före beslut', subject: 'Andelen HVB-beslut med kontrollerat IVO-tillstånd', higherIsBetter: true },
};

// ---------------------------------------------------------------------------------------------

const within = (date: IsoDate, { from, to }: Period) => date >= from && date <= to;
/** Whether [start, end) (end null: open) has a day in the period. */
const overlaps = (start: IsoDate, end: IsoDate | null, { from, to }: Period) => start <= to && (end === null || end > from);
/** The stay on `day`, if the placement has one. */
const stayOn = (p: BoardPlacement, day: IsoDate) => p.stays.find((s) => s.from <= day && (s.to === null || day < s.to)) ?? null;
const activeOn = (p: BoardPlacement, day: IsoDate) => p.startedOn <= day && (p.endedOn === null || day < p.endedOn);
const earliest = (...dates: (IsoDate | null)[]): IsoDate | null => dates.reduce<IsoDate | null>((a, b) => (b === null ? a : a === null || b < a ? b : a), null);

/** The form group of a stay: nätverkshem apart from the other familjehem. */
const groupOf = (form: HomeKind): FormGroup => form;
const share = (numerator: number, denominator: number): ShareFigure => {
  const shown = shownShare(numerator, denominator);
  return { share: shown === null ? null : Math.round(shown * 1000) / 1000, counted: denominator > 0 };
};

/**
 * The occasions of a renewing duty (övervägande, vårdnadsöverflyttning) as the deadline engine
 * sees them day by day: the first is due `first` months after `basis`; each is met by the first
 * event after the one before (on the basis day itself for the first), and the next is counted from
 * that event, on time or late. `until` is the first day the duty no longer applies.
 */
export function renewals(basis: IsoDate, first: number, then: number, eventDates: readonly IsoDate[], until: IsoDate | null): { dueOn: IsoDate; metOn: IsoDate | null }[] {
  const sorted = [...eventDates].sort();
  const out: { dueOn: IsoDate; metOn: IsoDate | null }[] = [];
  let at = basis;
  let months = first;
  for (let firstOccasion = true; ; firstOccasion = false) {
    const dueOn = addMonths(at, months);
    if (until !== null && dueOn >= until) return out;
    const met = sorted.find((d) => (firstOccasion ? d >= at : d > at)) ?? null;
    out.push({ dueOn, metOn: met });
    if (met === null) return out;
    at = met;
    months = then;
  }
}

/** What every period's figures start from, worked out once: each placement's dates, and the occasions of the renewing duties. */
interface Prepared {
  facts: BoardFacts;
  rules: BoardRules;
  info: Map<BoardPlacement, PlacementInfo>;
  /** Every övervägande and omprövning of every placement. */
  overvagande: Occasion[];
  /** Every vårdnadsöverflyttning övervägande of every child. */
  custody: Occasion[];
}

interface PlacementInfo {
  /** Its events' dates by type, oldest first. */
  dates: Map<string, IsoDate[]>;
  /** The child's 18th birthday (the age limit of the child rules), null when the birth date is unknown. */
  adultOn: IsoDate | null;
  /** The birthday at the hälsoundersökning's age limit. */
  healthLimitOn: IsoDate | null;
  /** The last day to ask for the hälsoundersökning, and the day the genomförandeplan is due. */
  healthDueOn: IsoDate;
  planDueOn: IsoDate;
}

type Occasion = { dueOn: IsoDate; metOn: IsoDate | null };

function prepare(facts: BoardFacts, rules: BoardRules): Prepared {
  const p = rules.parameters;
  const info = new Map<BoardPlacement, PlacementInfo>();
  for (const pl of facts.placements) {
    const dates = new Map<string, IsoDate[]>();
    for (const e of pl.events) {
      const list = dates.get(e.type);
      if (list) list.push(e.date);
      else dates.set(e.type, [e.date]);
    }
    for (const list of dates.values()) list.sort();
    info.set(pl, {
      dates,
      adultOn: pl.birthDate === null ? null : birthday(pl.birthDate, p.childAgeLimit),
      healthLimitOn: pl.birthDate === null ? null : birthday(pl.birthDate, p.halsoundersokningAgeLimit),
      healthDueOn: addDays(pl.startedOn, p.halsoundersokningDays),
      planDueOn: addDays(pl.startedOn, p.genomforandeplanDays),
    });
  }
  const datesOf = (pl: BoardPlacement, type: string) => info.get(pl)!.dates.get(type) ?? [];

  // Övervägande (SoL while under 18, LVU 2 §) and omprövning (LVU 3 §) every 6 months from the start.
  const overvagande: Occasion[] = [];
  for (const pl of facts.placements) {
    const [type, months, until] =
      pl.legalBasis === 'LVU3'
        ? ['omprovning', p.omprovningMonths, pl.endedOn]
        : pl.legalBasis === 'LVU2'
          ? ['overvagande', p.overvagandeMonths, pl.endedOn]
          : ['overvagande', p.overvagandeMonths, earliest(pl.endedOn, info.get(pl)!.adultOn)];
    overvagande.push(...renewals(pl.startedOn, months, months, datesOf(pl, type), until));
  }

  // Vårdnadsöverflyttning: counted from the day the child came to live in the familjehem, across
  // placements that follow each other in the same home, while the child is under 18.
  const custody: Occasion[] = [];
  const byChild = new Map<string, BoardPlacement[]>();
  for (const pl of facts.placements) {
    const list = byChild.get(pl.childId);
    if (list) list.push(pl);
    else byChild.set(pl.childId, [pl]);
  }
  // The time in a home counts from the first of the stays there that follow each other, whatever
  // their form (a jourhem that became the familjehem counts from the jourhem's start, as the
  // engine's sameHomeSince); an occasion is a duty only if the child is in a familjehem or
  // nätverkshem there on its due day.
  const custodyForms: readonly HomeKind[] = ['familjehem', 'natverkshem'];
  for (const childPlacements of byChild.values()) {
    if (!childPlacements.some((pl) => pl.stays.some((s) => custodyForms.includes(s.form)))) continue;
    const stays = childPlacements.flatMap((pl) => pl.stays.map((s) => ({ ...s, to: earliest(s.to, pl.endedOn) }))).sort((a, b) => (a.from < b.from ? -1 : 1));
    const events = childPlacements.flatMap((pl) => datesOf(pl, 'vardnadsoverflyttning-overvagande'));
    const adult = info.get(childPlacements[0]!)!.adultOn;
    for (let i = 0; i < stays.length; ) {
      const since = stays[i]!.from;
      let end = stays[i]!.to;
      let j = i + 1;
      while (j < stays.length && stays[j]!.homeId === stays[i]!.homeId && end !== null && stays[j]!.from <= end) {
        end = stays[j]!.to === null ? null : stays[j]!.to! > end ? stays[j]!.to : end;
        j += 1;
      }
      const run = stays.slice(i, j);
      if (run.some((s) => custodyForms.includes(s.form))) {
        for (const occasion of renewals(since, p.vardnadsoverflyttningFirstMonths, p.vardnadsoverflyttningThenMonths, events, earliest(end, adult))) {
          const there = run.find((s) => s.from <= occasion.dueOn && (s.to === null || occasion.dueOn < s.to));
          if (there && custodyForms.includes(there.form)) custody.push(occasion);
        }
      }
      i = j;
    }
  }
  return { facts, rules, info, overvagande, custody };
}

/** The figures of one period. */
export function boardFigures(facts: BoardFacts, period: Period, rules: BoardRules): BoardFigures {
  return figuresOf(prepare(facts, rules), period);
}

function figuresOf({ facts, rules, info, overvagande, custody }: Prepared, period: Period): BoardFigures {
  const p = rules.parameters;
  const placements = facts.placements.filter((pl) => overlaps(pl.startedOn, pl.endedOn, period));
  // Ended in the period: an end on its first day leaves the placement no day in it, but it ended then.
  const ended = facts.placements.filter((pl) => pl.endedOn !== null && within(pl.endedOn, period));
  const datesOf = (pl: BoardPlacement, type: string) => info.get(pl)!.dates.get(type) ?? [];
  const lastDay = period.to;

  // --- Placements: new, ended, going on at the end, and new and going on a year before -------
  // Published together and tied by sums: each column with its total, and each row's stock and
  // flow (going on a year before, plus new, less ended, is going on now).
  const previous = yearBefore(period);
  const touching = (over: Period) => facts.placements.filter((pl) => overlaps(pl.startedOn, pl.endedOn, over) || (pl.endedOn !== null && within(pl.endedOn, over)));
  const [nowPlacements, previousPlacements] = [touching(period), touching(previous)];
  const counts = (list: readonly BoardPlacement[], over: Period, key: (pl: BoardPlacement, day: IsoDate) => string, keys: readonly string[]) => {
    const cells = keys.map(() => [0, 0, 0]);
    for (const pl of list) {
      const columns: [number, IsoDate][] = [];
      if (within(pl.startedOn, over)) columns.push([0, pl.startedOn]);
      if (pl.endedOn !== null && within(pl.endedOn, over)) columns.push([1, addDays(pl.endedOn, -1)]);
      if (activeOn(pl, over.to)) columns.push([2, over.to]);
      for (const [column, day] of columns) cells[keys.indexOf(key(pl, day))]![column]! += 1;
    }
    return cells;
  };
  const formKey = (pl: BoardPlacement, day: IsoDate): string => {
    const stay = stayOn(pl, day) ?? pl.stays.at(-1);
    return stay ? groupOf(stay.form) : NO_STAY;
  };
  const placementTable = (labels: string[], key: (pl: BoardPlacement, day: IsoDate) => string, keys: readonly string[]) => {
    const now = counts(nowPlacements, period, key, keys);
    const before = counts(previousPlacements, previous, key, keys);
    return stockAndFlowTable(
      labels,
      now.map((row, r) => [row[0]!, row[1]!, row[2]!, before[r]![0]!, before[r]![2]!]),
    );
  };
  const byForm = placementTable([...formGroups.map((g) => formGroupNames[g]), NO_STAY_NAME], formKey, [...formGroups, NO_STAY]);
  const byBasis = placementTable(
    legalBases.map((b) => ({ SoL: 'SoL', LVU2: 'LVU 2 § (miljön)', LVU3: 'LVU 3 § (eget beteende)' })[b]),
    (pl) => pl.legalBasis,
    legalBases,
  );
  const going = placements.filter((pl) => activeOn(pl, lastDay));
  // The share tells the institutions' sum of the column: only where no cell of it is hidden.
  const ongoingColumn = byForm.cells.map((row) => row[2]!);
  const institutionShare = ongoingColumn.every(isShown)
    ? share(going.filter((pl) => institutionForms.includes(formKey(pl, lastDay) as HomeKind)).length, going.length)
    : { share: null, counted: going.length > 0 };

  // --- Legal compliance ----------------------------------------------------------------------
  const onTime = (occasions: readonly Occasion[]) => {
    const due = occasions.filter((o) => within(o.dueOn, period));
    return share(due.filter((o) => o.metOn !== null && o.metOn <= o.dueOn).length, due.length);
  };

  // Jourhem: a stay going on in the period after its limit (2 months after the investigation, or
  // the local limit without one).
  let jourhemStays = 0;
  let jourhemOver = 0;
  let jourhemSpecialReasons = 0;
  for (const pl of placements) {
    for (const stay of pl.stays) {
      const end = earliest(stay.to, pl.endedOn);
      if (stay.form !== 'jourhem' || !overlaps(stay.from, end, period)) continue;
      jourhemStays += 1;
      const completed = stay.investigationCompletedOn !== null && stay.investigationCompletedOn <= lastDay ? stay.investigationCompletedOn : null;
      const limit = completed ? addMonths(completed, p.jourhemAfterInvestigationMonths) : addMonths(stay.from, p.jourhemWithoutInvestigationMonths);
      // Over the limit on a day of the period: a day after the limit, before the stay ended.
      const firstOver = addDays(limit, 1) > period.from ? addDays(limit, 1) : period.from;
      if (firstOver <= lastDay && (end === null || firstOver < end)) {
        jourhemOver += 1;
        if (datesOf(pl, 'jourhem-sarskilda-skal').some((d) => d >= stay.from && d <= lastDay)) jourhemSpecialReasons += 1;
      }
    }
  }

  // Barnsamtal per child and year: the talks in the period over the years the children under 18
  // were placed in it.
  let talks = 0;
  let placedDays = 0;
  const talkedChildren = new Set<string>();
  const dayAfter = addDays(lastDay, 1);
  for (const pl of placements) {
    const start = pl.startedOn > period.from ? pl.startedOn : period.from;
    const end = earliest(pl.endedOn, dayAfter, info.get(pl)!.adultOn)!;
    if (end <= start) continue;
    placedDays += daysBetween(start, end);
    talkedChildren.add(pl.childId);
    for (const d of datesOf(pl, 'barnsamtal')) if (d >= start && d < end) talks += 1;
  }
  const years = placedDays / 365.25;
  const barnsamtal: RateFigure = {
    rate: talkedChildren.size >= 5 && years > 0 ? Math.round((talks / years) * 10) / 10 : null,
    counted: talkedChildren.size > 0,
  };

  // Plans: of the placements going on on the last day, those with the plan recorded by then (the
  // genomförandeplan only once it was due).
  const planned = (pl: BoardPlacement, type: string) => (datesOf(pl, type)[0] ?? '9999') <= lastDay;
  const vardplanInPlace = share(going.filter((pl) => planned(pl, 'vardplan')).length, going.length);
  // Due on the last day is not yet late (the engine's overdue is the day after).
  const planDue = going.filter((pl) => info.get(pl)!.planDueOn < lastDay);
  const genomforandeplanInPlace = share(planDue.filter((pl) => planned(pl, 'genomforandeplan')).length, planDue.length);

  // Hälsoundersökning: placements begun in the period, of a child under the limit, whose time to
  // ask has run out by the last day; asked in time or not.
  const healthDue = placements.filter((pl) => {
    const { healthLimitOn, healthDueOn } = info.get(pl)!;
    // A placement that ended before its time ran out was never due one.
    const stillThere = pl.endedOn === null || pl.endedOn > healthDueOn;
    return within(pl.startedOn, period) && (healthLimitOn === null || pl.startedOn < healthLimitOn) && healthDueOn < lastDay && stillThere;
  });
  const halsoundersokningRequested = share(
    healthDue.filter((pl) => (datesOf(pl, 'halsoundersokning-begard')[0] ?? '9999') <= info.get(pl)!.healthDueOn).length,
    healthDue.length,
  );

  // Checks before each decision in the period (checks.ts judges each, as on Kontroller).
  const decided = placements.filter((pl) => pl.stays.some((s, i) => within(s.decidedOn ?? (i === 0 ? pl.decidedOn : s.from), period)));
  const register: CheckRegister = {
    homes: new Map([...facts.homes].map(([id, h]) => [id, { id, kind: h.kind, operator: h.operator }])),
    persons: facts.checks.persons,
    placements: decided,
    checks: facts.checks.checks,
  };
  const decisions = new Map<string, { kind: 'registerkontroll' | 'ivo-tillstand'; ok: boolean }>();
  // A foster home without any adult to check is a decision without its checks, as on Kontroller.
  for (const result of computeChecks(register, lastDay, p, rules.catalogue ?? defaultRegisterCatalogue, { householdGaps: true })) {
    if (result.check === 'registerkontroll-fortlopande' || !within(result.decisionOn, period)) continue;
    const key = `${result.placementId}|${result.homeId}|${result.decisionOn}`;
    const was = decisions.get(key);
    decisions.set(key, { kind: result.check, ok: (was?.ok ?? true) && result.status === 'ok' });
  }
  // A decision in an HVB run by a public huvudman needs no permit and is not counted.
  const decisionShare = (kind: 'registerkontroll' | 'ivo-tillstand') => {
    const list = [...decisions.values()].filter((d) => d.kind === kind);
    return share(list.filter((d) => d.ok).length, list.length);
  };

  const compliance = {
    overvagandeOnTime: onTime(overvagande),
    vardnadsoverflyttningOnTime: onTime(custody),
    jourhemOverLimit: share(jourhemOver, jourhemStays),
    vardplanInPlace,
    genomforandeplanInPlace,
    halsoundersokningRequested,
    registerChecksBeforeDecision: decisionShare('registerkontroll'),
    permitBeforeDecision: decisionShare('ivo-tillstand'),
    barnsamtal,
    jourhemSpecialReasons: share(jourhemSpecialReasons, jourhemOver),
  };

  // --- Outcomes ------------------------------------------------------------------------------
  const outcomeRows = (labels: readonly string[], keyOf: (pl: BoardPlacement) => number) => {
    const cells = labels.map(() => [0, 0]);
    for (const pl of ended) {
      const row = keyOf(pl);
      if (row >= 0) cells[row]![pl.endReason === 'sammanbrott' ? 0 : 1]! += 1;
    }
    const shown = suppressTable({ cells });
    // A share with its count beside it gives the other: shown only where both counts are.
    const shareOf = (breakdowns: Shown, all: Shown) => (isShown(breakdowns) && isShown(all) ? share(breakdowns, all).share : null);
    const rows = labels.map((label, r) => ({ label, ended: shown.rowTotals[r]!, breakdowns: shown.cells[r]![0]!, share: shareOf(shown.cells[r]![0]!, shown.rowTotals[r]!) }));
    return { rows, total: { label: 'Totalt', ended: shown.total, breakdowns: shown.columnTotals[0]!, share: shareOf(shown.columnTotals[0]!, shown.total) } };
  };
  const lastStayForm = (pl: BoardPlacement): string => (pl.stays.length === 0 ? NO_STAY : groupOf(pl.stays.at(-1)!.form));
  const formKeys: readonly string[] = [...formGroups, NO_STAY];
  const lastForm = (pl: BoardPlacement) => formKeys.indexOf(lastStayForm(pl));
  const outcomesByForm = outcomeRows([...formGroups.map((g) => formGroupNames[g]), NO_STAY_NAME], lastForm);
  const gradeLabels = [...grades.map((g) => `Betyg ${g}`), 'Utan betyg'];
  const outcomesByGrade = outcomeRows(gradeLabels, (pl) => {
    const grade = facts.gradeAtStart.get(pl.id);
    return grade === undefined || grade === null ? grades.length : grades.indexOf(grade);
  });

  // The counts as the sammanbrott table shows them (suppressed together there); the median only
  // of 10 or more (the median of 5 is one placement's length).
  const length: LengthRow[] = [...formKeys.map((_, i) => ended.filter((pl) => lastForm(pl) === i)), ended].map((list, i) => {
    const shown = i < formKeys.length ? outcomesByForm.rows[i]! : outcomesByForm.total;
    return {
      label: shown.label,
      ended: shown.ended,
      medianDays: isShown(shown.ended) && list.length >= MEDIAN_LIMIT ? median(list.map((pl) => daysBetween(pl.startedOn, pl.endedOn!))) : null,
    };
  });

  const deviationCells = deviationKinds.map((kind) =>
    severities.map((severity) => facts.deviations.filter((d) => d.kind === kind && d.severity === severity && within(d.reportedOn, period)).length),
  );
  const deviations = table(
    deviationKinds.map((k) => ({ avvikelse: 'Avvikelser', 'lex-sarah': 'Lex Sarah' })[k]),
    severities.map((s) => ({ lag: 'Låg', medel: 'Medel', allvarlig: 'Allvarlig' })[s]),
    deviationCells,
  );
  const auditRounds: AuditRoundRow[] = facts.auditRounds
    .filter((r) => within(r.drawnOn, period))
    .sort((a, b) => (a.drawnOn < b.drawnOn ? -1 : 1))
    .map((r) => ({ name: r.name, fromDate: r.fromDate, toDate: r.toDate, files: isSmall(r.files) ? null : r.files, compliance: r.compliance }));

  // --- Cost: care days in the period, priced where the placement has a daily cost ------------
  // One table of providers by form, suppressed as one, so that neither the forms' rows nor the
  // providers' rows can be subtracted from the other; the two lists are its totals.
  const care = new Map<string, Map<FormGroup, CareEntry>>();
  for (const pl of placements) {
    for (const stay of pl.stays) {
      const start = stay.from > period.from ? stay.from : period.from;
      const end = earliest(stay.to, pl.endedOn, dayAfter)!;
      if (end <= start) continue;
      const days = daysBetween(start, end);
      const provider = providerOf(stay.form, facts.homes.get(stay.homeId));
      const byForm = care.get(provider) ?? new Map<FormGroup, CareEntry>();
      const entry = byForm.get(groupOf(stay.form)) ?? empty();
      entry.children.add(pl.childId);
      entry.days += days;
      if (pl.dailyCost === null) entry.daysWithoutCost += days;
      else entry.cost += days * pl.dailyCost;
      byForm.set(groupOf(stay.form), entry);
      care.set(provider, byForm);
    }
  }
  const cost = costTables(poolSmallProviders(care));

  return {
    period,
    placements: { byForm, byBasis, institutionShare },
    compliance,
    outcomes: { byForm: outcomesByForm.rows, byGrade: outcomesByGrade.rows, total: outcomesByForm.total, length, deviations, auditRounds },
    cost,
  };
}

function table(rows: string[], columns: string[], cells: number[][]): ShownTableFigures {
  return { rows, columns, ...suppressTable({ cells }) };
}

/**
 * The placements table: new, ended and going on at the end, then new and going on at the end of
 * the year before; each column with its total, and each row's stock and flow as one more sum
 * (going on a year before + new − ended − going on now = 0, exact for lagrum, nearly so for
 * forms), so no hidden cell follows from the others.
 */
function stockAndFlowTable(rows: string[], cells: number[][]): ShownTableFigures {
  const columns = 5;
  const width = columns;
  const grid = [...cells, Array.from({ length: columns }, (_, c) => cells.reduce((sum, row) => sum + row[c]!, 0))];
  const at = (r: number, c: number) => r * width + c;
  const lines: Term[][] = [
    ...Array.from({ length: columns }, (_, c) => grid.map((_, r): Term => ({ at: at(r, c), sign: r === cells.length ? -1 : 1 }))),
    ...grid.map((_, r): Term[] => [
      { at: at(r, 4), sign: 1 },
      { at: at(r, 0), sign: 1 },
      { at: at(r, 1), sign: -1 },
      { at: at(r, 2), sign: -1 },
    ]),
  ];
  const shown = suppressLines(grid.flat(), lines);
  return {
    rows,
    columns: ['Nya', 'Avslutade', 'Pågående vid slutet', 'Nya året innan', 'Pågående vid slutet året innan'],
    cells: cells.map((_, r) => Array.from({ length: columns }, (_, c) => shown[at(r, c)]!)),
    rowTotals: null,
    columnTotals: Array.from({ length: columns }, (_, c) => shown[at(cells.length, c)]!),
    total: null,
    previousColumns: [3, 4],
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

interface CareEntry {
  children: Set<string>;
  days: number;
  cost: number;
  daysWithoutCost: number;
}
const empty = (): CareEntry => ({ children: new Set<string>(), days: 0, cost: 0, daysWithoutCost: 0 });
function mergeInto(into: CareEntry, from: CareEntry): CareEntry {
  for (const child of from.children) into.children.add(child);
  into.days += from.days;
  into.cost += from.cost;
  into.daysWithoutCost += from.daysWithoutCost;
  return into;
}
const childrenOf = (byForm: ReadonlyMap<FormGroup, CareEntry>) => new Set([...byForm.values()].flatMap((e) => [...e.children])).size;

/**
 * Who is paid for a stay: an institution by its own name; a foster home never by its family's
 * name (that names a family, and so a child) but by its konsulentverksamhet, or as the
 * municipality's own.
 */
function providerOf(form: HomeKind, home: BoardHome | undefined): string {
  if (institutionForms.includes(form)) return home?.name ?? 'Okänd utförare';
  return home?.agency ? home.agency : 'Egna familjehem';
}

export const OTHER_PROVIDERS = 'Övriga utförare';

/**
 * Providers with at least 5 children each, by cost; the others pooled as one row. A pool of 1–4
 * children takes the smallest named provider in with it, so no provider's row describes fewer
 * than 5 (the table's suppression then needs to hide less).
 */
function poolSmallProviders(care: ReadonlyMap<string, ReadonlyMap<FormGroup, CareEntry>>): [string, Map<FormGroup, CareEntry>][] {
  const total = (byForm: ReadonlyMap<FormGroup, CareEntry>) => [...byForm.values()].reduce((sum, e) => sum + e.cost, 0);
  const named = [...care]
    .filter(([, byForm]) => childrenOf(byForm) >= 5)
    .sort(([a, x], [b, y]) => total(y) - total(x) || (a < b ? -1 : 1))
    .map(([name, byForm]): [string, Map<FormGroup, CareEntry>] => [name, new Map(byForm)]);
  const pool = new Map<FormGroup, CareEntry>();
  const addToPool = (byForm: ReadonlyMap<FormGroup, CareEntry>) => {
    for (const [form, entry] of byForm) pool.set(form, mergeInto(pool.get(form) ?? empty(), entry));
  };
  for (const [, byForm] of [...care].filter(([, byForm]) => childrenOf(byForm) < 5)) addToPool(byForm);
  while (isSmall(childrenOf(pool)) && named.length > 0) addToPool(named.pop()![1]);
  return pool.size > 0 ? [...named, [OTHER_PROVIDERS, pool]] : named;
}

/**
 * The provider × form table of children, suppressed as one; the cost lists are its totals, and a
 * row's days and kronor are shown only with its children. A child who moved between forms or
 * providers counts in each.
 */
function costTables(providers: readonly [string, ReadonlyMap<FormGroup, CareEntry>][]): { byForm: CostRow[]; byProvider: CostRow[]; total: CostRow } {
  const cells = providers.map(([, byForm]) => formGroups.map((form) => byForm.get(form)?.children.size ?? 0));
  const shown = suppressTable({ cells });
  const sum = (entries: (CareEntry | undefined)[]) => entries.reduce<CareEntry>((all, e) => (e ? mergeInto(all, e) : all), empty());
  const row = (label: string, children: Shown, entry: CareEntry): CostRow =>
    isShown(children)
      ? { label, children, careDays: entry.days, cost: entry.cost, daysWithoutCost: entry.daysWithoutCost }
      : { label, children, careDays: HIDDEN, cost: HIDDEN, daysWithoutCost: HIDDEN };
  const byForm = formGroups.map((form, c) => row(formGroupNames[form], shown.columnTotals[c]!, sum(providers.map(([, byForm]) => byForm.get(form)))));
  const byProvider = providers.map(([name, byForm], r) => row(name, shown.rowTotals[r]!, sum([...byForm.values()])));
  const total = row('Totalt', shown.total, sum(providers.flatMap(([, byForm]) => [...byForm.values()])));
  return { byForm, byProvider, total };
}

// ---------------------------------------------------------------------------------------------

export interface BoardReport {
  current: BoardFigures;
  previous: BoardFigures;
  /** The largest changes since the year before, as sentences. */
  summary: string[];
}

/** The period's figures beside the same period a year earlier, and what changed most. */
export function boardReport(facts: BoardFacts, period: Period, rules: BoardRules): BoardReport {
  const prepared = prepare(facts, rules);
  const current = figuresOf(prepared, period);
  const previous = figuresOf(prepared, yearBefore(period));
  return { current, previous, summary: boardSummary(current, previous) };
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

/**
 * The largest changes in words: the shares that moved at least 5 points, largest first, then the
 * counts of new and ongoing placements that moved at least a tenth. At most five sentences; a
 * figure that may not be shown in either year is never compared.
 */
export function boardSummary(current: BoardFigures, previous: BoardFigures): string[] {
  const changes: { kind: 'share' | 'count'; size: number; text: string }[] = [];
  for (const id of complianceIndicators) {
    const now = current.compliance[id].share;
    const then = previous.compliance[id].share;
    if (now === null || then === null) continue;
    const points = Math.round(now * 100) - Math.round(then * 100);
    if (Math.abs(points) < 5) continue;
    const verb = points > 0 ? 'steg' : 'sjönk';
    changes.push({ kind: 'share', size: Math.abs(points), text: `${complianceNames[id].subject} ${verb} från ${percent(then)} till ${percent(now)}.` });
  }
  const breakdownNow = current.outcomes.total.share;
  const breakdownThen = previous.outcomes.total.share;
  if (breakdownNow !== null && breakdownThen !== null && Math.abs(Math.round(breakdownNow * 100) - Math.round(breakdownThen * 100)) >= 5) {
    const verb = breakdownNow > breakdownThen ? 'steg' : 'sjönk';
    changes.push({ kind: 'share', size: Math.abs(Math.round((breakdownNow - breakdownThen) * 100)), text: `Andelen sammanbrott bland avslutade placeringar ${verb} från ${percent(breakdownThen)} till ${percent(breakdownNow)}.` });
  }
  // The year before as this report's table shows it (its own columns, suppressed with the rest).
  const totals = current.placements.byForm.columnTotals;
  const counted: [string, Shown, Shown][] = [
    ['Antalet nya placeringar', totals[0]!, totals[3]!],
    ['Antalet pågående placeringar vid periodens slut', totals[2]!, totals[4]!],
  ];
  for (const [subject, now, then] of counted) {
    if (!isShown(now) || !isShown(then) || then === 0) continue;
    const change = (now - then) / then;
    if (Math.abs(change) < 0.1) continue;
    changes.push({ kind: 'count', size: Math.round(Math.abs(change) * 100), text: `${subject} ${now > then ? 'ökade' : 'minskade'} från ${then} till ${now}.` });
  }
  // The shares first (compliance and outcome, by points), then the counts (by their relative change).
  const shares = changes.filter((c) => c.kind === 'share').sort((a, b) => b.size - a.size);
  const counts = changes.filter((c) => c.kind === 'count').sort((a, b) => b.size - a.size);
  return [...shares, ...counts].slice(0, 5).map((c) => c.text);
}
