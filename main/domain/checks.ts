/**
 * The checks of rules.md ("Checks before and during a placement") as pure functions of the
 * register and the evaluation date D: register checks of foster-home adults before the decision
 * (`registerkontroll`), IVO permits of private HVB and stödboende (`ivo-tillstand`), and the
 * recurring re-check of foster-home adults while a child lives there (`registerkontroll-fortlopande`).
 * Checks dated after D have not happened yet and are ignored, like events.
 */
import { addDays, addMonths, compareDates, type IsoDate } from './dates';
import { deadlineStatus, isActiveOn } from './deadlines';
import { defaultRegisterCatalogue, type RegisterCatalogueEntry, type RuleParameters } from './rule-settings';
import { permitForms, type DeadlineStatus, type DecisionCheckStatus, type HomeKind, type Operator } from './vocabulary';

export { defaultRegisterCatalogue, type RegisterCatalogueEntry };


export interface CheckRecord {
  personId: string | null;
  homeId: string | null;
  register: string;
  checkedOn: IsoDate;
  outcome: string;
}

export interface CheckHome {
  id: string;
  kind: HomeKind;
  operator: string | null;
}

export interface CheckPerson {
  id: string;
  homeId: string;
  role: string;
}

export interface CheckStay {
  homeId: string;
  form: HomeKind;
  from: IsoDate;
  to: IsoDate | null;
  decidedOn: IsoDate | null;
}

export interface CheckPlacement {
  id: string;
  decidedOn: IsoDate;
  startedOn: IsoDate;
  endedOn: IsoDate | null;
  stays: readonly CheckStay[];
}

export interface CheckRegister {
  homes: ReadonlyMap<string, CheckHome>;
  persons: readonly CheckPerson[];
  placements: readonly CheckPlacement[];
  checks: readonly CheckRecord[];
}

export type CheckResult =
  | {
      check: 'registerkontroll' | 'ivo-tillstand';
      placementId: string;
      homeId: string;
      personId: string | null;
      register: string;
      decisionOn: IsoDate;
      status: DecisionCheckStatus;
      /** The check the status was judged on (the newest on or before the decision, else the first after it). */
      checkedOn: IsoDate | null;
    }
  | {
      check: 'registerkontroll-fortlopande';
      placementId: null;
      homeId: string;
      personId: string;
      register: string;
      dueOn: IsoDate;
      status: DeadlineStatus;
      checkedOn: IsoDate | null;
    };

const fosterForms: readonly string[] = ['familjehem', 'natverkshem', 'jourhem'];
/** A stay's decision date: its own, else the placement's for the first stay (`index` 0 in date order), else the day it began. */
export function decisionDateOf(placement: Pick<CheckPlacement, 'decidedOn'>, stay: CheckStay, index: number): IsoDate {
  return stay.decidedOn ?? (index === 0 ? placement.decidedOn : stay.from);
}

/**
 * The status of one required check at a decision: judged on the newest check on or before the
 * decision date; a check after it only turns `missing` into `after-decision`.
 */
export function judgeAtDecision(
  checks: readonly CheckRecord[],
  decisionOn: IsoDate,
  oldestAllowed: IsoDate,
  badOutcome: { outcome: string; status: 'remark' | 'invalid' },
): { status: DecisionCheckStatus; checkedOn: IsoDate | null } {
  let before: CheckRecord | null = null;
  let after: CheckRecord | null = null;
  for (const check of checks) {
    if (check.checkedOn <= decisionOn) {
      if (before === null || check.checkedOn > before.checkedOn) before = check;
    } else if (after === null || check.checkedOn < after.checkedOn) {
      after = check;
    }
  }
  if (before === null) return after === null ? { status: 'missing', checkedOn: null } : { status: 'after-decision', checkedOn: after.checkedOn };
  // A check older than allowed does not count at all, whatever it said.
  if (before.checkedOn < oldestAllowed) return { status: 'too-old', checkedOn: before.checkedOn };
  if (before.outcome === badOutcome.outcome) return { status: badOutcome.status, checkedOn: before.checkedOn };
  return { status: 'ok', checkedOn: before.checkedOn };
}

/** The register's checks indexed by subject and register, without those made after `on`. */
function indexChecks(register: CheckRegister, on: IsoDate) {
  const checksBy = new Map<string, CheckRecord[]>();
  for (const check of register.checks) {
    if (check.checkedOn > on) continue; // not made yet as of D
    const key = `${check.personId ?? `home:${check.homeId}`}|${check.register}`;
    const list = checksBy.get(key);
    if (list) list.push(check);
    else checksBy.set(key, [check]);
  }
  const personsByHome = new Map<string, CheckPerson[]>();
  for (const person of register.persons) {
    const list = personsByHome.get(person.homeId) ?? [];
    list.push(person);
    personsByHome.set(person.homeId, list);
  }
  return {
    checksOf: (subject: string, reg: string) => checksBy.get(`${subject}|${reg}`) ?? [],
    personsOf: (homeId: string) => personsByHome.get(homeId) ?? [],
  };
}

/** What a decision to place in a home rests on: one judged check per required register of each adult, or the permit. */
export interface DecisionCheck {
  check: 'registerkontroll' | 'ivo-tillstand';
  personId: string | null;
  register: string;
  status: DecisionCheckStatus;
  checkedOn: IsoDate | null;
}

function judgeDecision(
  index: ReturnType<typeof indexChecks>,
  home: CheckHome | undefined,
  form: HomeKind,
  homeId: string,
  decisionOn: IsoDate,
  parameters: RuleParameters,
  catalogue: readonly RegisterCatalogueEntry[],
  options: CheckOptions,
): DecisionCheck[] {
  if (fosterForms.includes(form)) {
    const persons = index.personsOf(homeId);
    const judged = persons.flatMap((person) =>
      requiredFor(catalogue, person.role).map((entry): DecisionCheck => ({
        check: 'registerkontroll',
        personId: person.id,
        register: entry.register,
        ...judgeAtDecision(index.checksOf(person.id, entry.register), decisionOn, addMonths(decisionOn, -entry.maxAgeMonths), {
          outcome: 'med-anmarkning',
          status: 'remark',
        }),
      })),
    );
    if (!options.householdGaps) return judged;
    const gaps = catalogue
      .filter((entry) => entry.required && !persons.some((person) => (entry.roles as readonly string[]).includes(person.role)))
      .map((entry): DecisionCheck => ({ check: 'registerkontroll', personId: null, register: entry.register, status: 'missing', checkedOn: null }));
    return [...judged, ...gaps];
  }
  if (home !== undefined && needsPermit(form, home.operator)) {
    const judged = judgeAtDecision(index.checksOf(`home:${homeId}`, 'ivo-tillstand'), decisionOn, addDays(decisionOn, -parameters.ivoTillstandMaxAgeDays), {
      outcome: 'ogiltigt',
      status: 'invalid',
    });
    return [{ check: 'ivo-tillstand', personId: null, register: 'ivo-tillstand', ...judged }];
  }
  return [];
}

export interface CheckOptions {
  /**
   * Also one `missing` `registerkontroll` without a person per required register that nobody in
   * a foster home's household is to be checked in (a home without uppdragstagare), so that such
   * a home never looks as if nothing were wrong. For the window: the spec's `checks` output has
   * one row per stay × person × register, and a person who is not there has none.
   */
  householdGaps?: boolean;
}

const requiredFor = (catalogue: readonly RegisterCatalogueEntry[], role: string) =>
  catalogue.filter((entry) => entry.required && (entry.roles as readonly string[]).includes(role));

export function computeChecks(
  register: CheckRegister,
  on: IsoDate,
  parameters: RuleParameters,
  catalogue: readonly RegisterCatalogueEntry[] = defaultRegisterCatalogue,
  options: CheckOptions = {},
): CheckResult[] {
  const index = indexChecks(register, on);
  const results: CheckResult[] = [];
  /** Home id → the earliest `from` of a stay there that is active on D. */
  const activeSince = new Map<string, IsoDate>();
  for (const placement of register.placements) {
    // rules.md: "the placement's decidedOn for the first stay" is the earliest stay, not the first listed.
    [...placement.stays].sort((x, y) => compareDates(x.from, y.from)).forEach((stay, i) => {
      if (stay.from > on) return;
      const decisionOn = decisionDateOf(placement, stay, i);
      for (const judged of judgeDecision(index, register.homes.get(stay.homeId), stay.form, stay.homeId, decisionOn, parameters, catalogue, options)) {
        results.push({ ...judged, placementId: placement.id, homeId: stay.homeId, decisionOn });
      }
      const current = stay.from <= on && (stay.to === null || on < stay.to) && isActiveOn(placement, on);
      if (current && fosterForms.includes(stay.form)) {
        const since = activeSince.get(stay.homeId);
        if (since === undefined || stay.from < since) activeSince.set(stay.homeId, stay.from);
      }
    });
  }

  for (const [homeId, since] of [...activeSince].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (const person of index.personsOf(homeId)) {
      for (const entry of requiredFor(catalogue, person.role)) {
        if (entry.recheckMonths === null) continue;
        let newest: IsoDate | null = null;
        for (const check of index.checksOf(person.id, entry.register)) if (newest === null || check.checkedOn > newest) newest = check.checkedOn;
        const dueOn = newest === null ? since : addMonths(newest, entry.recheckMonths);
        results.push({
          check: 'registerkontroll-fortlopande',
          placementId: null,
          homeId,
          personId: person.id,
          register: entry.register,
          dueOn,
          status: deadlineStatus(dueOn, on, parameters.leadDays),
          checkedOn: newest,
        });
      }
    }
  }
  return results;
}

/**
 * "Redo för beslut?": the checks a decision on `decisionOn` to place a child in `homeId` would rest
 * on, judged exactly as `registerkontroll` / `ivo-tillstand` will judge the stay afterwards.
 * Checks recorded after `on` (today) do not exist yet.
 */
export function readinessAt(
  register: CheckRegister,
  homeId: string,
  decisionOn: IsoDate,
  on: IsoDate,
  parameters: RuleParameters,
  catalogue: readonly RegisterCatalogueEntry[] = defaultRegisterCatalogue,
  options: CheckOptions = {},
): DecisionCheck[] {
  const home = register.homes.get(homeId);
  if (home === undefined) return [];
  return judgeDecision(indexChecks(register, on), home, home.kind, homeId, decisionOn, parameters, catalogue, options);
}

/** Public huvudmän run their HVB and stödboende without IVO's permit (rules.md, `ivo-tillstand`). */
const publicOperators: readonly string[] = ['kommunal', 'region', 'statlig'] satisfies readonly Operator[];

/**
 * Whether a stay of `form` in a home run by `operator` rests on an IVO permit (`ivo-tillstand`):
 * an HVB or stödboende whose huvudman is enskild **or not given** (an unknown operator must never
 * skip the check). The one answer for the engine, the readiness panel, the placement form, the
 * home panel and the command line.
 */
export function needsPermit(form: HomeKind, operator: string | null): boolean {
  return (permitForms as readonly HomeKind[]).includes(form) && !publicOperators.includes(operator ?? '');
}

/** What an IVO permit covers, as verified; unknown parts are null and limit nothing. */
export interface PermitScope {
  forms: readonly string[];
  minAge: number | null;
  maxAge: number | null;
}

/** Whole years of age on `on` (a 29 February birthday turns over on 1 March in other years). */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/**
 * Why the permit does not cover a stay of `form` beginning on `from` for a child born on
 * `birthDate` (Swedish, one sentence each); empty when it does, or when nothing is known to exclude it.
 */
export function permitCoverageProblems(permit: PermitScope | null, form: HomeKind, from: IsoDate, birthDate: IsoDate | null): string[] {
  if (permit === null) return [];
  const problems: string[] = [];
  const formName = form === 'hvb' ? 'HVB' : form === 'stodboende' ? 'stödboende' : form;
  if (permit.forms.length > 0 && !permit.forms.includes(form)) {
    problems.push(`IVO-tillståndet gäller inte ${formName}; det gäller ${permit.forms.map((f) => (f === 'hvb' ? 'HVB' : 'stödboende')).join(' och ')}.`);
  }
  if (birthDate !== null && (permit.minAge !== null || permit.maxAge !== null)) {
    const age = ageOn(birthDate, from);
    const range = `${permit.minAge ?? 0}–${permit.maxAge ?? '…'} år`;
    if ((permit.minAge !== null && age < permit.minAge) || (permit.maxAge !== null && age > permit.maxAge)) {
      problems.push(`Barnet är ${age} år när vistelsen börjar ${from}; IVO-tillståndet gäller ${range}.`);
    }
  }
  return problems;
}

/** The permit a decision rests on: the newest verification on or before `decisionOn` (and `on`), with its scope. */
export function permitAtDecision<T extends { checkedOn: IsoDate; outcome: string }>(permits: readonly T[], decisionOn: IsoDate, on: IsoDate): T | null {
  let newest: T | null = null;
  for (const permit of permits) {
    if (permit.checkedOn > decisionOn || permit.checkedOn > on) continue;
    if (newest === null || permit.checkedOn > newest.checkedOn) newest = permit;
  }
  return newest;
}

const checkOrder: Record<CheckResult['check'], number> = { registerkontroll: 0, 'ivo-tillstand': 1, 'registerkontroll-fortlopande': 2 };
const compareText = (x: string | null, y: string | null) => {
  const a = x ?? '';
  const b = y ?? '';
  return a < b ? -1 : a > b ? 1 : 0;
};
const dateOf = (r: CheckResult) => (r.check === 'registerkontroll-fortlopande' ? r.dueOn : r.decisionOn);

/** Order of the `checks` output: by check, then placement or home, then person and register. */
export function compareCheckResults(a: CheckResult, b: CheckResult): number {
  return (
    checkOrder[a.check] - checkOrder[b.check] ||
    compareText(a.placementId, b.placementId) ||
    compareText(a.homeId, b.homeId) ||
    compareDates(dateOf(a), dateOf(b)) ||
    compareText(a.personId, b.personId) ||
    compareText(a.register, b.register)
  );
}
