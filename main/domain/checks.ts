/**
 * The checks of rules.md ("Checks before and during a placement") as pure functions of the
 * register and the evaluation date D: register checks of foster-home adults before the decision
 * (`registerkontroll`), IVO permits of private HVB and stödboende (`ivo-tillstand`), and the
 * recurring re-check of foster-home adults while a child lives there (`registerkontroll-fortlopande`).
 * Checks dated after D have not happened yet and are ignored, like events.
 */
import { addDays, addMonths, compareDates, type IsoDate } from './dates';
import { deadlineStatus, isActiveOn, type DeadlineStatus } from './deadlines';
import type { HomeKind } from './homes';
import type { RuleParameters } from './rule-settings';

export const personCheckRegisters = ['belastningsregistret', 'misstankeregistret', 'socialregistret', 'kronofogden', 'forsakringskassan'] as const;
export type PersonCheckRegister = (typeof personCheckRegisters)[number];

/** Which person registers are required before a decision and re-checked (a versioned setting). */
export interface RegisterCatalogueEntry {
  register: PersonCheckRegister;
  /** Required for these roles of a foster home's household. */
  roles: ('uppdragstagare' | 'annan-vuxen')[];
  required: boolean;
}

/** rules.md: belastnings- and misstankeregistret for every uppdragstagare; the others optional. */
export const defaultRegisterCatalogue: RegisterCatalogueEntry[] = [
  { register: 'belastningsregistret', roles: ['uppdragstagare'], required: true },
  { register: 'misstankeregistret', roles: ['uppdragstagare'], required: true },
  { register: 'socialregistret', roles: ['uppdragstagare'], required: false },
  { register: 'kronofogden', roles: ['uppdragstagare'], required: false },
  { register: 'forsakringskassan', roles: ['uppdragstagare'], required: false },
];

export type DecisionCheckStatus = 'ok' | 'missing' | 'after-decision' | 'too-old' | 'remark' | 'invalid';

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
const permitForms: readonly string[] = ['hvb', 'stodboende'];

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

export function computeChecks(
  register: CheckRegister,
  on: IsoDate,
  parameters: RuleParameters,
  catalogue: readonly RegisterCatalogueEntry[] = defaultRegisterCatalogue,
): CheckResult[] {
  const checksBy = new Map<string, CheckRecord[]>();
  for (const check of register.checks) {
    if (check.checkedOn > on) continue; // not made yet as of D
    const key = `${check.personId ?? `home:${check.homeId}`}|${check.register}`;
    const list = checksBy.get(key);
    if (list) list.push(check);
    else checksBy.set(key, [check]);
  }
  const checksOf = (subject: string, reg: string) => checksBy.get(`${subject}|${reg}`) ?? [];
  const personsByHome = new Map<string, CheckPerson[]>();
  for (const person of register.persons) {
    const list = personsByHome.get(person.homeId) ?? [];
    list.push(person);
    personsByHome.set(person.homeId, list);
  }
  const required = (role: string) => catalogue.filter((entry) => entry.required && (entry.roles as string[]).includes(role));

  const results: CheckResult[] = [];
  /** Home id → the earliest `from` of a stay there that is active on D. */
  const activeSince = new Map<string, IsoDate>();
  for (const placement of register.placements) {
    // rules.md: "the placement's decidedOn for the first stay" is the earliest stay, not the first listed.
    [...placement.stays].sort((x, y) => compareDates(x.from, y.from)).forEach((stay, index) => {
      if (stay.from > on) return;
      const decisionOn = decisionDateOf(placement, stay, index);
      if (fosterForms.includes(stay.form)) {
        for (const person of personsByHome.get(stay.homeId) ?? []) {
          for (const { register: reg } of required(person.role)) {
            const judged = judgeAtDecision(checksOf(person.id, reg), decisionOn, addMonths(decisionOn, -parameters.registerkontrollMaxAgeMonths), {
              outcome: 'med-anmarkning',
              status: 'remark',
            });
            results.push({ check: 'registerkontroll', placementId: placement.id, homeId: stay.homeId, personId: person.id, register: reg, decisionOn, ...judged });
          }
        }
      } else if (permitForms.includes(stay.form) && register.homes.get(stay.homeId)?.operator === 'enskild') {
        const judged = judgeAtDecision(checksOf(`home:${stay.homeId}`, 'ivo-tillstand'), decisionOn, addDays(decisionOn, -parameters.ivoTillstandMaxAgeDays), {
          outcome: 'ogiltigt',
          status: 'invalid',
        });
        results.push({ check: 'ivo-tillstand', placementId: placement.id, homeId: stay.homeId, personId: null, register: 'ivo-tillstand', decisionOn, ...judged });
      }
      const current = stay.from <= on && (stay.to === null || on < stay.to) && isActiveOn(placement, on);
      if (current && fosterForms.includes(stay.form)) {
        const since = activeSince.get(stay.homeId);
        if (since === undefined || stay.from < since) activeSince.set(stay.homeId, stay.from);
      }
    });
  }

  for (const [homeId, since] of [...activeSince].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (const person of personsByHome.get(homeId) ?? []) {
      for (const { register: reg } of required(person.role)) {
        let newest: IsoDate | null = null;
        for (const check of checksOf(person.id, reg)) if (newest === null || check.checkedOn > newest) newest = check.checkedOn;
        const dueOn = newest === null ? since : addMonths(newest, parameters.registerkontrollFortlopandeMonths);
        results.push({
          check: 'registerkontroll-fortlopande',
          placementId: null,
          homeId,
          personId: person.id,
          register: reg,
          dueOn,
          status: deadlineStatus(dueOn, on, parameters.leadDays),
          checkedOn: newest,
        });
      }
    }
  }
  return results;
}

/** Order of the `checks` output: by check, then placement or home, then person and register. */
export function compareCheckResults(a: CheckResult, b: CheckResult): number {
  const order = (r: CheckResult) => ['registerkontroll', 'ivo-tillstand', 'registerkontroll-fortlopande'].indexOf(r.check);
  const text = (x: string | null) => x ?? '';
  const code = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return (
    order(a) - order(b) ||
    code(text(a.placementId), text(b.placementId)) ||
    code(a.homeId, b.homeId) ||
    compareDates('decisionOn' in a ? a.decisionOn : a.dueOn, 'decisionOn' in b ? b.decisionOn : b.dueOn) ||
    code(text(a.personId), text(b.personId)) ||
    code(a.register, b.register)
  );
}
