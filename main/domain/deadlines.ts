/**
 * The deadline engine (bevakning): every deadline rule of rules.md as a pure function of the
 * register and the evaluation date D. The window, the command line and the audit checklist all
 * ask this one engine; there is no second implementation.
 *
 * Conventions (rules.md): plain calendar dates; a placement is active on D when
 * startedOn ≤ D < endedOn; a stay is current when from ≤ D < to; anything dated after D (an event,
 * a completed investigation) has not happened yet.
 */
import { addDays, addMonths, birthday, compareDates, type IsoDate } from './dates';
import { ivoReportDueOn, type StepFacts } from './deviations';
import { legalReferenceOn, type LegalReference, type RuleParameters } from './rule-settings';
import { fosterHomeKinds, type DeadlineRule, type DeadlineStatus, type DeviationKind, type HomeKind, type LegalBasis } from './vocabulary';


export interface EngineStay {
  homeId: string;
  form: HomeKind;
  from: IsoDate;
  to: IsoDate | null;
  investigationCompletedOn: IsoDate | null;
}

export interface EnginePlacement {
  id: string;
  childId: string;
  legalBasis: LegalBasis;
  startedOn: IsoDate;
  endedOn: IsoDate | null;
  /** In order; contiguous (the exchange format and the placement form make sure of it). */
  stays: readonly EngineStay[];
}

export interface EngineEvent {
  placementId: string | null;
  homeId: string | null;
  type: string;
  date: IsoDate;
}

export interface DeadlineRegister {
  /** Child id → birth date. */
  children: ReadonlyMap<string, IsoDate>;
  placements: readonly EnginePlacement[];
  events: readonly EngineEvent[];
  /** Home id → kind (for the home rules). */
  homes: ReadonlyMap<string, HomeKind>;
  /**
   * The stays the home rule counts, when the register holds only the placements still open on D
   * (the rule looks at every stay ever begun in a home). Absent: the placements' stays.
   */
  homeStays?: readonly Pick<EngineStay, 'homeId' | 'from' | 'to'>[];
  /** Lex Sarah reports with their steps (`lex-sarah-anmalan`); absent: none. */
  deviations?: readonly EngineDeviation[];
}

export interface EngineDeviation {
  id: string;
  kind: DeviationKind;
  placementId: string | null;
  homeId: string | null;
  steps: readonly StepFacts[];
}

/** What a deadline was counted from: the UI says it in words. */
export type DeadlineBasis =
  | 'placement-start'
  | 'latest-event'
  | 'same-home-since'
  | 'investigation-completed'
  | 'jourhem-stay-start'
  | 'placement-end'
  | 'over-limit-since'
  | 'judged-serious';

export interface Deadline {
  rule: DeadlineRule;
  /** Null for the home rule `fler-an-tre-barn`. */
  placementId: string | null;
  /** The home the deadline concerns: the current stay's home, or the home of a home rule; null after the placement ended. */
  homeId: string | null;
  dueOn: IsoDate;
  basisOn: IsoDate;
  basis: DeadlineBasis;
  status: DeadlineStatus;
  /** The reference in force on `dueOn`, from the table in settings. */
  legalRef: string;
  /** The event that renews or satisfies the deadline: what the user records. */
  satisfiedBy: string;
  /** `jourhem-tidsgrans` only: the latest `jourhem-sarskilda-skal` during the stay, shown beside it. */
  specialReasonsOn: IsoDate | null;
  /** `lex-sarah-anmalan` only: the report waiting for its anmälan. */
  deviationId?: string;
}

export interface DeadlineSettings {
  parameters: RuleParameters;
  references: readonly LegalReference[];
}

export function deadlineStatus(dueOn: IsoDate, on: IsoDate, leadDays: number): DeadlineStatus {
  return statusAgainst(dueOn, on, addDays(on, leadDays));
}

/** `dueOn − lead ≤ D` is `dueOn ≤ D + lead`: the horizon is computed once per run, not per deadline. */
function statusAgainst(dueOn: IsoDate, on: IsoDate, horizon: IsoDate): DeadlineStatus {
  if (on > dueOn) return 'overdue';
  return dueOn <= horizon ? 'due-soon' : 'upcoming';
}

export const isActiveOn = (placement: Pick<EnginePlacement, 'startedOn' | 'endedOn'>, on: IsoDate): boolean =>
  placement.startedOn <= on && (placement.endedOn === null || on < placement.endedOn);

export const currentStay = <S extends Pick<EngineStay, 'from' | 'to'>>(stays: readonly S[], on: IsoDate): S | null =>
  stays.find((stay) => stay.from <= on && (stay.to === null || on < stay.to)) ?? null;

/** Sorted by dueOn, then placementId, then rule (the spec's order), then homeId. */
export function compareDeadlines(a: Deadline, b: Deadline): number {
  return (
    compareDates(a.dueOn, b.dueOn) ||
    codeOrder(a.placementId ?? '', b.placementId ?? '') ||
    codeOrder(a.rule, b.rule) ||
    codeOrder(a.homeId ?? '', b.homeId ?? '')
  );
}
const codeOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every open deadline of the register as of `on`, sorted. */
export function computeDeadlines(register: DeadlineRegister, on: IsoDate, settings: DeadlineSettings): Deadline[] {
  const known = indexRegister(register, on, settings.parameters);
  const deadlines: Deadline[] = [];
  for (const placement of register.placements) {
    deadlines.push(...placementDeadlines(placement, known, on, settings));
  }
  deadlines.push(...homeDeadlines(register, known, on, settings));
  for (const deviation of register.deviations ?? []) {
    const due = ivoReportDueOn(deviation.kind, deviation.steps, on, settings.parameters.lexSarahIvoDays);
    if (due === null) continue;
    deadlines.push({
      rule: 'lex-sarah-anmalan',
      placementId: deviation.placementId,
      homeId: deviation.homeId,
      ...due,
      basis: 'judged-serious',
      status: statusAgainst(due.dueOn, on, known.horizon),
      legalRef: legalReferenceOn(settings.references, 'lex-sarah-anmalan', due.dueOn),
      satisfiedBy: 'anmald-ivo',
      specialReasonsOn: null,
      deviationId: deviation.id,
    });
  }
  return deadlines.sort(compareDeadlines);
}

// ---------------------------------------------------------------------------------------------

interface Indexed {
  children: ReadonlyMap<string, IsoDate>;
  /** D + leadDays: a deadline due on or before it (and not past) is due soon. */
  horizon: IsoDate;
  /** Birth date → its birthdays at the age limits (computed once per child, not per rule). */
  birthdays: Map<string, { child: IsoDate; health: IsoDate }>;
  /** Placement id → its events dated ≤ D, oldest first. */
  eventsByPlacement: Map<string, EngineEvent[]>;
  /** Home id → its events dated ≤ D, oldest first. */
  eventsByHome: Map<string, EngineEvent[]>;
  /** Child id → every stay of the child (all placements), with its placement id, by `from`. */
  staysByChild: Map<string, (EngineStay & { placementId: string })[]>;
}

function indexRegister(register: DeadlineRegister, on: IsoDate, parameters: RuleParameters): Indexed {
  const eventsByPlacement = new Map<string, EngineEvent[]>();
  const eventsByHome = new Map<string, EngineEvent[]>();
  for (const event of register.events) {
    if (event.date > on) continue; // not happened yet as of D
    if (event.placementId !== null) push(eventsByPlacement, event.placementId, event);
    else if (event.homeId !== null) push(eventsByHome, event.homeId, event);
  }
  for (const list of [...eventsByPlacement.values(), ...eventsByHome.values()]) list.sort((a, b) => compareDates(a.date, b.date));

  const staysByChild = new Map<string, (EngineStay & { placementId: string })[]>();
  for (const placement of register.placements) {
    for (const stay of placement.stays) push(staysByChild, placement.childId, { ...stay, placementId: placement.id });
  }
  for (const list of staysByChild.values()) list.sort((a, b) => compareDates(a.from, b.from));
  return {
    children: register.children,
    horizon: addDays(on, parameters.leadDays),
    birthdays: new Map(),
    eventsByPlacement,
    eventsByHome,
    staysByChild,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The newest event of `type` dated in [from, D] (events are already ≤ D and sorted). */
function latest(events: readonly EngineEvent[] | undefined, type: string, from: IsoDate | null = null): EngineEvent | null {
  if (!events) return null;
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if (event.type !== type) continue;
    return from === null || event.date >= from ? event : null;
  }
  return null;
}

function placementDeadlines(placement: EnginePlacement, known: Indexed, on: IsoDate, settings: DeadlineSettings): Deadline[] {
  const p = settings.parameters;
  const birthDate = known.children.get(placement.childId);
  const events = known.eventsByPlacement.get(placement.id);
  const out: Deadline[] = [];
  const make = (
    rule: DeadlineRule,
    dueOn: IsoDate,
    basisOn: IsoDate,
    basis: DeadlineBasis,
    satisfiedBy: string,
    homeId: string | null,
    specialReasonsOn: IsoDate | null = null,
  ): Deadline => ({
    rule,
    placementId: placement.id,
    homeId,
    dueOn,
    basisOn,
    basis,
    status: statusAgainst(dueOn, on, known.horizon),
    legalRef: legalReferenceOn(settings.references, rule, dueOn),
    satisfiedBy,
    specialReasonsOn,
  });

  // A child without a known birth date cannot be judged by age: the age rules then apply (fail safe).
  let birthdays = birthDate === undefined ? undefined : known.birthdays.get(birthDate);
  if (birthDate !== undefined && birthdays === undefined) {
    birthdays = { child: birthday(birthDate, p.childAgeLimit), health: birthday(birthDate, p.halsoundersokningAgeLimit) };
    known.birthdays.set(birthDate, birthdays);
  }
  // "Under 18 on D" means D is before the 18th birthday.
  const under = (limit: 'child' | 'health', date: IsoDate) => birthdays === undefined || date < birthdays[limit];

  // Ended LVU care: the follow-up within 6 months (lex lilla hjärtat).
  if (placement.endedOn !== null && placement.endedOn <= on) {
    if (placement.legalBasis !== 'SoL' && under('child', placement.endedOn)) {
      const done = events?.some((e) => e.type === 'uppfoljning-avslutad' && e.date >= placement.endedOn!);
      if (!done) {
        out.push(make('uppfoljning-efter-lvu', addMonths(placement.endedOn, p.uppfoljningEfterLvuMonths), placement.endedOn, 'placement-end', 'uppfoljning-avslutad', null));
      }
    }
    return out;
  }
  if (!isActiveOn(placement, on)) return out;

  const stay = currentStay(placement.stays, on);
  const homeId = stay?.homeId ?? null;
  const renewing = (rule: DeadlineRule, type: string, months: number) => {
    const event = latest(events, type, placement.startedOn);
    const basisOn = event?.date ?? placement.startedOn;
    out.push(make(rule, addMonths(basisOn, months), basisOn, event ? 'latest-event' : 'placement-start', type, homeId));
  };
  const once = (rule: DeadlineRule, type: string, dueOn: IsoDate) => {
    if (!events?.some((e) => e.type === type)) out.push(make(rule, dueOn, placement.startedOn, 'placement-start', type, homeId));
  };

  const minor = under('child', on);
  if (placement.legalBasis === 'SoL' && minor) renewing('sol-overvagande', 'overvagande', p.overvagandeMonths);
  if (placement.legalBasis === 'LVU2') renewing('lvu-overvagande', 'overvagande', p.overvagandeMonths);
  if (placement.legalBasis === 'LVU3') renewing('lvu-omprovning', 'omprovning', p.omprovningMonths);

  if (stay && (stay.form === 'familjehem' || stay.form === 'natverkshem') && minor) {
    const since = sameHomeSince(known.staysByChild.get(placement.childId) ?? [], stay);
    const childPlacements = new Set((known.staysByChild.get(placement.childId) ?? []).map((s) => s.placementId));
    let event: EngineEvent | null = null;
    for (const id of childPlacements) {
      const candidate = latest(known.eventsByPlacement.get(id), 'vardnadsoverflyttning-overvagande', since);
      if (candidate && (event === null || candidate.date > event.date)) event = candidate;
    }
    out.push(
      event
        ? make('vardnadsoverflyttning', addMonths(event.date, p.vardnadsoverflyttningThenMonths), event.date, 'latest-event', 'vardnadsoverflyttning-overvagande', homeId)
        : make('vardnadsoverflyttning', addMonths(since, p.vardnadsoverflyttningFirstMonths), since, 'same-home-since', 'vardnadsoverflyttning-overvagande', homeId),
    );
  }

  if (stay && stay.form === 'jourhem') {
    const completed = stay.investigationCompletedOn !== null && stay.investigationCompletedOn <= on ? stay.investigationCompletedOn : null;
    const reasons = latest(events, 'jourhem-sarskilda-skal', stay.from)?.date ?? null;
    out.push(
      completed
        ? make('jourhem-tidsgrans', addMonths(completed, p.jourhemAfterInvestigationMonths), completed, 'investigation-completed', 'jourhem-sarskilda-skal', homeId, reasons)
        : make('jourhem-tidsgrans', addMonths(stay.from, p.jourhemWithoutInvestigationMonths), stay.from, 'jourhem-stay-start', 'jourhem-sarskilda-skal', homeId, reasons),
    );
  }

  if (minor) renewing('barnsamtal', 'barnsamtal', p.barnsamtalMonths);
  once('vardplan', 'vardplan', placement.startedOn);
  once('genomforandeplan', 'genomforandeplan', addDays(placement.startedOn, p.genomforandeplanDays));
  if (under('health', on)) {
    once('halsoundersokning', 'halsoundersokning-begard', addDays(placement.startedOn, p.halsoundersokningDays));
  }
  return out;
}

/**
 * The day from which the child has lived in the current stay's home without a break: walk back
 * over the child's stays (of any placement) in the same home that end where the next begins.
 */
function sameHomeSince(childStays: readonly (EngineStay & { placementId: string })[], current: EngineStay): IsoDate {
  let since = current.from;
  for (let changed = true; changed; ) {
    changed = false;
    for (const stay of childStays) {
      if (stay.homeId !== current.homeId || stay.from >= since) continue;
      // Touching (to = since) or overlapping: no day without the home in between.
      if (stay.to === null || stay.to >= since) {
        since = stay.from;
        changed = true;
      }
    }
  }
  return since;
}

/**
 * `fler-an-tre-barn`: the first day ≤ D on which more placements than the limit had a stay active
 * in the same foster home, unless a home event `ivo-anmalan-fler-an-tre` dated from that day to D
 * reports it.
 */
function homeDeadlines(register: DeadlineRegister, known: Indexed, on: IsoDate, settings: DeadlineSettings): Deadline[] {
  const p = settings.parameters;
  const changesByHome = new Map<string, { day: IsoDate; delta: number }[]>();
  for (const stay of register.homeStays ?? register.placements.flatMap((placement) => placement.stays)) {
    const kind = register.homes.get(stay.homeId);
    if (kind === undefined || !(fosterHomeKinds as readonly string[]).includes(kind) || stay.from > on) continue;
    push(changesByHome, stay.homeId, { day: stay.from, delta: 1 });
    if (stay.to !== null) push(changesByHome, stay.homeId, { day: stay.to, delta: -1 });
  }
  const out: Deadline[] = [];
  for (const [homeId, changes] of changesByHome) {
    // A stay ending on a day frees its place before another begins on it (half-open periods).
    changes.sort((a, b) => compareDates(a.day, b.day) || a.delta - b.delta);
    let count = 0;
    let firstOver: IsoDate | null = null;
    for (const { day, delta } of changes) {
      if (day > on) break;
      count += delta;
      if (count > p.flerAnTreBarnLimit) {
        firstOver = day;
        break;
      }
    }
    if (firstOver === null) continue;
    if (known.eventsByHome.get(homeId)?.some((e) => e.type === 'ivo-anmalan-fler-an-tre' && e.date >= firstOver)) continue;
    out.push({
      rule: 'fler-an-tre-barn',
      placementId: null,
      homeId,
      dueOn: firstOver,
      basisOn: firstOver,
      basis: 'over-limit-since',
      status: statusAgainst(firstOver, on, known.horizon),
      legalRef: legalReferenceOn(settings.references, 'fler-an-tre-barn', firstOver),
      satisfiedBy: 'ivo-anmalan-fler-an-tre',
      specialReasonsOn: null,
    });
  }
  return out;
}
