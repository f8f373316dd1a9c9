/**
 * Register checks of foster homes and IVO permits of HVB (rules.md, "Checks before and during a
 * placement"): the register read once and judged by the one check engine (domain/checks), with
 * the municipality's catalogue and parameters, and each result given its words (names, legal
 * reference, one Swedish sentence from domain/rule-texts). The "Redo för beslut?" panel, the list
 * of checks, a placement's page, the bevakningslista's re-checks and the command line come here.
 */
import type { Kysely } from 'kysely';
import { parseStoredPermit, readChecksSnapshot, readHomeChecksSnapshot, readOpenChecksSnapshot, readPlacementChecksSnapshot, type ChecksSnapshot } from '../db/checks-repository';
import { changeStamp, getChild, placementChildren, placementIdsOfChild, placementOfProtectedChild } from '../db/placements-repository';
import type { Database } from '../db/schema';
import {
  compareCheckResults,
  computeChecks,
  needsPermit,
  permitAtDecision,
  permitCoverageProblems,
  readinessAt,
  type CheckPlacement,
  type CheckRegister,
  type CheckResult,
} from '../domain/checks';
import { occupancyWarnings, placementsInHomeOn } from '../domain/capacity';
import { compareDates } from '../domain/dates';
import { isActiveOn } from '../domain/deadlines';
import { legalReferenceOn } from '../domain/rule-settings';
import { checkExplanation, checkTitles, recheckBasisLabels } from '../domain/rule-texts';
import { compareListText, compareSwedish } from '../domain/swedish';
import { notFound } from './errors';
import { childLabel, protectedHomeName } from './placements';
import type { EffectiveRuleSettings, SettingsService } from './settings';
import { checkListStatuses, checkStatusRank, isDueSoon, needsAction } from '../domain/check-list';
import type {
  CheckCounts,
  CheckListRow,
  CheckOverview,
  CheckPage,
  CheckSortColumn,
  DecisionCheckRow,
  ListCheckPageInput,
  Readiness,
  ReadinessInput,
} from '../../preload/api/checks';
import { personRegisters, type DeadlineStatus, type HomeKind, type PersonRegister, type Register } from '../domain/vocabulary';

export type { CheckResult };

/** A due re-check (`registerkontroll-fortlopande`) with its words, for the bevakningslista. */
export interface RecheckRow {
  homeId: string;
  homeName: string;
  personId: string;
  personName: string;
  register: PersonRegister;
  dueOn: string;
  /** The newest check, or (never checked) the day a child came to live in the home. */
  basisOn: string;
  basisLabel: string;
  status: DeadlineStatus;
  legalRef: string;
  title: string;
  explanation: string;
}

export function toCheckRegister(snapshot: ChecksSnapshot): CheckRegister {
  const stays = new Map<string, CheckPlacement['stays'][number][]>();
  for (const s of snapshot.stays) {
    const list = stays.get(s.placementId) ?? [];
    list.push({ homeId: s.homeId, form: s.form as HomeKind, from: s.fromDate, to: s.toDate, decidedOn: s.decidedOn });
    stays.set(s.placementId, list);
  }
  return {
    homes: new Map(snapshot.homes.map((h) => [h.id, { id: h.id, kind: h.kind as HomeKind, operator: h.operator }])),
    persons: snapshot.persons,
    placements: snapshot.placements.map((p) => ({ ...p, stays: stays.get(p.id) ?? [] })),
    checks: snapshot.checks,
  };
}

type ChildOfPlacement = Awaited<ReturnType<typeof placementChildren>> extends Map<string, infer C> ? C : never;

/** What every question reads: the register once per change, not once per question. */
interface Base {
  snapshot: ChecksSnapshot;
  effective: EffectiveRuleSettings;
  register: CheckRegister;
  homes: Map<string, ChecksSnapshot['homes'][number]>;
  persons: Map<string, ChecksSnapshot['persons'][number]>;
  placements: Map<string, CheckPlacement>;
  children: Map<string, ChildOfPlacement>;
}

interface Run extends Base {
  /** As the engine gives them, with the window's household gaps (CheckOptions); each question sorts its own rows. */
  results: CheckResult[];
  /** The command line's rows (no household gaps: the spec's one row per person) in its order, sorted once when first asked for. */
  sorted: CheckResult[] | null;
  /** The re-checks with their words, built once (the bevakningslista and its counts ask often). */
  rechecks: RecheckRow[] | null;
}

type DecisionResult = Extract<CheckResult, { check: 'registerkontroll' | 'ivo-tillstand' }>;
type RecheckResult = Extract<CheckResult, { check: 'registerkontroll-fortlopande' }>;

/** Listed either way, but only what can still be put right is counted (the nav badge): a decision check of an open placement, a re-check due. */
function countChecks(rows: readonly Pick<CheckListRow, 'check' | 'status' | 'current'>[]): CheckCounts {
  const counts = { problems: 0, overdue: 0, dueSoon: 0 };
  for (const row of rows) {
    if (row.check !== 'registerkontroll-fortlopande') {
      if (row.status !== 'ok' && row.current) counts.problems++;
    } else if (row.status === 'overdue') counts.overdue++;
    else if (row.status === 'due-soon') counts.dueSoon++;
  }
  return counts;
}

const checkOrder = ['registerkontroll', 'ivo-tillstand', 'registerkontroll-fortlopande'];
const registerOrder: readonly string[] = [...personRegisters, 'ivo-tillstand'];
const code = (a: string | null, b: string | null) => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);
/**
 * Rows of one date as a person reads them: the check, the home and the adult by name, the
 * registers in the catalogue's order (belastnings- before misstankeregistret), then placement.
 */
const compareRowsOfADate = (
  a: Pick<CheckListRow, 'check' | 'homeName' | 'personName' | 'register' | 'placementId' | 'homeId' | 'personId'>,
  b: typeof a,
) =>
  checkOrder.indexOf(a.check) - checkOrder.indexOf(b.check) ||
  compareSwedish(a.homeName, b.homeName) ||
  code(a.homeId, b.homeId) ||
  compareSwedish(a.personName ?? '', b.personName ?? '') ||
  code(a.personId, b.personId) ||
  registerOrder.indexOf(a.register) - registerOrder.indexOf(b.register) ||
  code(a.placementId, b.placementId);

function baseOf(snapshot: ChecksSnapshot, effective: EffectiveRuleSettings, children: Map<string, ChildOfPlacement>): Base {
  const register = toCheckRegister(snapshot);
  return {
    snapshot,
    effective,
    register,
    homes: new Map(snapshot.homes.map((h) => [h.id, h])),
    persons: new Map(snapshot.persons.map((p) => [p.id, p])),
    placements: new Map(register.placements.map((p) => [p.id, p])),
    children,
  };
}

/** The most rows one page carries, whatever is asked (the contract's CHECK_PAGE_LIMIT). */
const PAGE_LIMIT = 500;

/** A row of Kontroller before its words. */
type BareRow = Omit<CheckListRow, 'legalRef' | 'explanation'>;
interface Listed {
  result: CheckResult;
  row: BareRow;
}

/** The whole list of a day, for its pages: the run, its rows in the list's order, the statuses present. */
interface WholeList {
  run: Run;
  listed: Listed[];
  statuses: CheckListRow['status'][];
  /** Per row, the folded names the quick search looks in; made when a search first asks. */
  searchTexts: string[] | null;
}

/** The rows a question finds, in its order, and what each card would show. */
interface CheckAnswer {
  found: Listed[];
  cards: CheckPage['cards'];
}

/**
 * The list's own order: the most urgent status first (every problem before what is in order), then
 * by date, then as a person reads the rows of a date.
 */
const compareListOrder = (a: BareRow, b: BareRow) =>
  checkStatusRank(a) - checkStatusRank(b) || compareDates(a.date, b.date) || compareRowsOfADate(a, b);

/** The order of each column of the grid, as its cells read. */
const columnOrder: Record<CheckSortColumn, (a: BareRow, b: BareRow) => number> = {
  status: (a, b) => checkStatusRank(a) - checkStatusRank(b),
  check: (a, b) => checkOrder.indexOf(a.check) - checkOrder.indexOf(b.check) || compareListText(a.childLabel, b.childLabel),
  home: (a, b) => compareListText(a.homeName, b.homeName),
  person: (a, b) => compareListText(a.personName, b.personName),
  register: (a, b) => registerOrder.indexOf(a.register) - registerOrder.indexOf(b.register),
  date: (a, b) => compareDates(a.date, b.date),
  checkedOn: (a, b) => code(a.checkedOn, b.checkedOn),
};

const fold = (text: string) => text.toLocaleLowerCase('sv');

function answerOf(whole: WholeList, input: ListCheckPageInput): CheckAnswer {
  const { listed } = whole;
  const query = fold((input.query ?? '').trim());
  if (query !== '') {
    // The names as the list shows them (masked), joined by a character no search can hold.
    whole.searchTexts ??= listed.map(({ row }) => fold([row.homeName, row.personName ?? '', row.childLabel ?? ''].join('\u0000')));
  }
  const texts = whole.searchTexts;
  // Every filter but the card: the count on each card says what it would show.
  const matching: number[] = [];
  const cards = { action: 0, dueSoon: 0, all: 0 };
  for (let index = 0; index < listed.length; index++) {
    const { row } = listed[index]!;
    if (
      (input.check === undefined || row.check === input.check) &&
      (input.status === undefined || row.status === input.status) &&
      (query === '' || texts![index]!.includes(query))
    ) {
      matching.push(index);
      if (needsAction(row)) cards.action++;
      if (isDueSoon(row)) cards.dueSoon++;
    }
  }
  cards.all = matching.length;
  const shows = input.show === 'action' ? needsAction : isDueSoon;
  const shown = input.show === 'all' ? matching : matching.filter((index) => shows(listed[index]!.row));
  const sort = input.sort;
  if (sort) {
    const compare = columnOrder[sort.column];
    const sign = sort.direction === 'asc' ? 1 : -1;
    // A stable sort of rows in the list's order: ties keep it, in either direction.
    shown.sort((a, b) => sign * compare(listed[a]!.row, listed[b]!.row));
  }
  return { found: shown.map((index) => listed[index]!), cards };
}

/** What the checks rest on: a write elsewhere (an event, a note) keeps the cached results. */
const checkTables = ['homes', 'persons', 'children', 'placements', 'stays', 'register_checks', 'settings'] as const;

export function createChecksService(db: Kysely<Database>, settings: SettingsService) {
  // Like the deadline cache: the register and the results of the last date asked, until anything
  // is written (changeStamp counts other connections' commits too, e.g. a nightly import).
  let cachedBase: { stamp: string; base: Base } | null = null;
  let cachedRun: { key: string; run: Run } | null = null;

  async function load(): Promise<{ stamp: string; base: Base }> {
    const stamp = await changeStamp(db, checkTables);
    if (cachedBase?.stamp !== stamp) {
      const [snapshot, effective, children] = await Promise.all([readChecksSnapshot(db), settings.effective(), placementChildren(db)]);
      cachedBase = { stamp, base: baseOf(snapshot, effective, children) };
    }
    return cachedBase;
  }

  async function runOn(date: string): Promise<Run> {
    const { stamp, base } = await load();
    const key = `${date}|${stamp}`;
    if (cachedRun?.key !== key) cachedRun = { key, run: judge(base, date) };
    return cachedRun.run;
  }

  function judge(base: Base, date: string): Run {
    const { parameters, catalogue } = base.effective;
    return { ...base, results: computeChecks(base.register, date, parameters, catalogue, { householdGaps: true }), sorted: null, rechecks: null };
  }

  /**
   * The checks of the placements active on `date` and the re-checks, from what they rest on alone
   * (readOpenChecksSnapshot): what the navigation counts and the bevakningslista ask for, without
   * judging every decision of ten years. A request made while it runs shares the run.
   */
  let cachedOpen: { key: string; run: Promise<Run> } | null = null;
  async function openRunOn(date: string): Promise<Run> {
    const key = `${date}|${await changeStamp(db, checkTables)}`;
    if (cachedOpen?.key !== key) {
      const entry = {
        key,
        run: Promise.all([readOpenChecksSnapshot(db, date), settings.effective()]).then(([snapshot, effective]) =>
          judge(baseOf(snapshot, effective, new Map()), date),
        ),
      };
      cachedOpen = entry;
      entry.run.catch(() => {
        if (cachedOpen === entry) cachedOpen = null;
      });
    }
    return cachedOpen.run;
  }

  function decisionRow(base: Base, r: Omit<DecisionResult, 'placementId'> & { placementId: string | null }): DecisionCheckRow {
    const { parameters, references, catalogue } = base.effective;
    const personName = r.personId === null ? null : (base.persons.get(r.personId)?.name ?? r.personId);
    return {
      check: r.check,
      placementId: r.placementId,
      homeId: r.homeId,
      homeName: base.homes.get(r.homeId)?.name ?? r.homeId,
      personId: r.personId,
      personName,
      register: r.register as Register,
      decisionOn: r.decisionOn,
      status: r.status,
      checkedOn: r.checkedOn,
      // A file is judged by the law in force when it was decided.
      legalRef: legalReferenceOn(references, r.check, r.decisionOn),
      explanation: checkExplanation(
        { check: r.check, register: r.register, personName, status: r.status, date: r.decisionOn, checkedOn: r.checkedOn },
        parameters,
        catalogue,
      ),
    };
  }

  /**
   * A protected child's decision check without its home: the home, its adults and the sentence that
   * names them would tell where the child lives. Its placement's page shows them once revealed.
   */
  function withHomeHidden(row: DecisionCheckRow): DecisionCheckRow {
    return {
      ...row,
      homeId: null,
      homeName: protectedHomeName,
      personId: null,
      personName: null,
      explanation: 'Hemmet visas inte: barnet har skyddad identitet. Öppna placeringen och visa de skyddade uppgifterna för att se kontrollen.',
    };
  }

  function recheckRow(base: Base, r: RecheckResult): RecheckRow {
    const { parameters, references, catalogue } = base.effective;
    const personName = base.persons.get(r.personId)?.name ?? r.personId;
    return {
      homeId: r.homeId,
      homeName: base.homes.get(r.homeId)?.name ?? r.homeId,
      personId: r.personId,
      personName,
      register: r.register as PersonRegister,
      dueOn: r.dueOn,
      // Never checked: the engine counts from the earliest active stay's start, which is dueOn.
      basisOn: r.checkedOn ?? r.dueOn,
      basisLabel: r.checkedOn === null ? recheckBasisLabels.since : recheckBasisLabels.checked,
      status: r.status,
      legalRef: legalReferenceOn(references, r.check, r.dueOn),
      title: checkTitles[r.check],
      explanation: checkExplanation(
        { check: r.check, register: r.register, personName, status: r.status, date: r.dueOn, checkedOn: r.checkedOn },
        parameters,
        catalogue,
      ),
    };
  }

  /** A row of the list without its words (explanation, law): what the filters and sorts read. Masked as everywhere else. */
  function bareRow(base: Base, r: CheckResult, date: string): BareRow {
    if (r.check === 'registerkontroll-fortlopande') {
      return {
        check: r.check,
        placementId: null,
        childLabel: null,
        homeId: r.homeId,
        homeName: base.homes.get(r.homeId)?.name ?? r.homeId,
        personId: r.personId,
        personName: base.persons.get(r.personId)?.name ?? r.personId,
        register: r.register as PersonRegister,
        date: r.dueOn,
        status: r.status,
        checkedOn: r.checkedOn,
        // The engine gives re-checks only while a child lives in the home.
        current: true,
      };
    }
    const child = base.children.get(r.placementId);
    // A protected identity is never named in a list, nor where it lives.
    const hidden = child?.protectedIdentity === true;
    const placement = base.placements.get(r.placementId);
    return {
      check: r.check,
      placementId: r.placementId,
      childLabel: child ? childLabel(child) : null,
      homeId: hidden ? null : r.homeId,
      homeName: hidden ? protectedHomeName : (base.homes.get(r.homeId)?.name ?? r.homeId),
      personId: hidden || r.personId === null ? null : r.personId,
      personName: hidden || r.personId === null ? null : (base.persons.get(r.personId)?.name ?? r.personId),
      register: r.register as Register,
      date: r.decisionOn,
      status: r.status,
      checkedOn: r.checkedOn,
      current: placement !== undefined && isActiveOn(placement, date),
    };
  }

  /** The row with its words: built for the rows a page shows, not for every check of ten years. */
  function listRow(base: Base, r: CheckResult, bare: BareRow): CheckListRow {
    if (r.check === 'registerkontroll-fortlopande') {
      const { legalRef, explanation } = recheckRow(base, r);
      return { ...bare, legalRef, explanation };
    }
    const judged = decisionRow(base, r);
    const { legalRef, explanation } = base.children.get(r.placementId)?.protectedIdentity ? withHomeHidden(judged) : judged;
    return { ...bare, legalRef, explanation };
  }

  // Every check of the day as a bare row, in the list's own order, kept for the pages until a table
  // it rests on is written; shared while it is built. The last question's rows are kept with it, so
  // the next page of the same list is a slice.
  let wholeCache: { key: string; list: Promise<WholeList> } | null = null;
  let answerCache: { whole: WholeList; key: string; answer: CheckAnswer } | null = null;

  async function wholeList(date: string): Promise<WholeList> {
    const build = async (): Promise<WholeList> => {
      const run = await runOn(date);
      const listed = run.results.map((result) => ({ result, row: bareRow(run, result, date) }));
      listed.sort((a, b) => compareListOrder(a.row, b.row));
      const present = new Set(listed.map(({ row }) => row.status));
      return { run, listed, statuses: checkListStatuses.filter((status) => present.has(status)), searchTexts: null };
    };
    const key = `${date}|${await changeStamp(db, checkTables)}`;
    if (wholeCache?.key !== key) {
      const entry = { key, list: build() };
      wholeCache = entry;
      // A failed build is not kept: the next request tries again.
      entry.list.catch(() => {
        if (wholeCache === entry) wholeCache = null;
      });
    }
    return wholeCache.list;
  }

  return {
    /** Every check of the register as of `date`, in the engine's order (the command line's list). */
    async list(date: string): Promise<CheckResult[]> {
      const run = await runOn(date);
      // Only the command line needs the engine's order; the window's lists sort their rows themselves.
      run.sorted ??= run.results.filter((r) => r.personId !== null || r.check !== 'registerkontroll').sort(compareCheckResults);
      return run.sorted;
    },

    /**
     * Every check as of `date`, unsorted, with a foster home's missing household as its own
     * result: an audited file answers "were the adults checked?" from these.
     */
    async results(date: string): Promise<readonly CheckResult[]> {
      return (await runOn(date)).results;
    },

    /** Names of homes and persons, for lists that show them. */
    async names(): Promise<{ homes: Map<string, string>; persons: Map<string, string> }> {
      const { base } = await load();
      return {
        homes: new Map(base.snapshot.homes.map((h) => [h.id, h.name])),
        persons: new Map(base.snapshot.persons.map((p) => [p.id, p.name])),
      };
    },

    /**
     * "Redo för beslut?": the checks a decision on `decisionOn` to place a child in `homeId` would
     * rest on, judged as the stay will be judged afterwards, and what refuses the placement
     * outright (the permit does not cover the form or the child's age on `from`, else the decision
     * date). A foster home with nobody to check has one `missing` item per required register, as
     * its stay will have afterwards. Green only when every item is ok and nothing refuses.
     */
    async readiness({ homeId, decisionOn, from, childId, birthDate, date }: ReadinessInput): Promise<Readiness> {
      const [snapshot, effective] = await Promise.all([readHomeChecksSnapshot(db, homeId), settings.effective()]);
      const base = baseOf(snapshot, effective, new Map());
      const home = base.homes.get(homeId);
      if (!home) throw notFound('Hemmet');
      let born = birthDate;
      if (childId !== undefined && childId !== null) {
        const child = await getChild(db, childId);
        if (!child) throw notFound('Barnet');
        born = child.birthDate;
      }
      const kind = home.kind as HomeKind;
      const { parameters, catalogue } = base.effective;
      // Nothing to judge is not the same as nothing wrong: an empty household is never green.
      const items = readinessAt(base.register, homeId, decisionOn, date, parameters, catalogue, { householdGaps: true })
        .map((judged) => decisionRow(base, { ...judged, placementId: null, homeId, decisionOn }))
        .sort(compareRowsOfADate);
      const refusals: string[] = [];
      if (needsPermit(kind, home.operator)) {
        const permits = base.snapshot.checks.filter((c) => c.homeId === homeId && c.register === 'ivo-tillstand');
        const permit = permitAtDecision(permits, decisionOn, date);
        // A scope that does not parse is unknown (parseStoredPermit gives null): it refuses nothing.
        refusals.push(...permitCoverageProblems(parseStoredPermit(permit?.permit ?? null), kind, from ?? decisionOn, born));
      }
      const on = from ?? decisionOn;
      // The child being decided on does not count against itself (an omplacering, a corrected stay).
      const own = new Set(childId === undefined || childId === null ? [] : await placementIdsOfChild(db, childId));
      const warnings = occupancyWarnings({
        kind,
        capacity: home.capacity,
        placed: placementsInHomeOn(base.register.placements, homeId, on).filter((id) => !own.has(id)).length,
        on,
        flerAnTreBarnLimit: parameters.flerAnTreBarnLimit,
        flerAnTreReference: legalReferenceOn(base.effective.references, 'fler-an-tre-barn', on),
      });
      return { ready: refusals.length === 0 && items.every((item) => item.status === 'ok'), items, refusals, warnings };
    },

    /**
     * Every decision check and re-check on `date` in the list's own order (compareListOrder: the
     * most urgent status first, so every problem before what is in order, then by date, check,
     * home, adult and register). The child is masked as in every list.
     */
    async overview(date: string): Promise<CheckOverview> {
      const { run, listed } = await wholeList(date);
      const rows = listed.map(({ result, row }) => listRow(run, result, row));
      return { date, rows, counts: countChecks(rows) };
    },

    /**
     * One page of Kontroller: the whole list of the day (built once per change, without words)
     * filtered as the page asks, sorted by the column asked (ties in the list's own order), and cut
     * from `offset`; only the page's rows get their explanation and law. With what each card would
     * show, how many rows the filters find, and the statuses of the whole list.
     */
    async page(input: ListCheckPageInput): Promise<CheckPage> {
      const whole = await wholeList(input.date);
      const key = JSON.stringify([input.show, input.check ?? null, input.status ?? null, input.query?.trim() ?? '', input.sort ?? null]);
      if (answerCache?.whole !== whole || answerCache.key !== key) answerCache = { whole, key, answer: answerOf(whole, input) };
      const { found, cards } = answerCache.answer;
      const { offset, limit } = input;
      return {
        date: input.date,
        rows: found.slice(offset, offset + Math.min(limit, PAGE_LIMIT)).map(({ result, row }) => listRow(whole.run, result, row)),
        total: found.length,
        cards: { ...cards },
        unfiltered: whole.listed.length,
        statuses: [...whole.statuses],
      };
    },

    /** What the navigation shows by Kontroller, as the list counts it, from the open placements alone. */
    async counts(date: string): Promise<CheckCounts> {
      const run = await openRunOn(date);
      return countChecks(run.results.map((r) => ({ check: r.check, status: r.status, current: true })));
    },

    /** The `registerkontroll` and `ivo-tillstand` results of one placement's stays, by decision date. */
    async forPlacement(placementId: string, date: string, reveal = false): Promise<DecisionCheckRow[]> {
      // From what this placement's checks rest on alone; the child only for whether to hide its homes.
      const [snapshot, effective, isProtected] = await Promise.all([readPlacementChecksSnapshot(db, placementId), settings.effective(), placementOfProtectedChild(db, placementId)]);
      const run = judge(baseOf(snapshot, effective, new Map()), date);
      const hide = !reveal && isProtected;
      return run.results
        .filter((r): r is DecisionResult => r.check !== 'registerkontroll-fortlopande' && r.placementId === placementId)
        .map((r) => (hide ? withHomeHidden(decisionRow(run, r)) : decisionRow(run, r)))
        .sort((a, b) => compareDates(a.decisionOn, b.decisionOn) || compareRowsOfADate(a, b));
    },

    /** The re-checks due while children live in foster homes (`registerkontroll-fortlopande`), for the bevakningslista. */
    async rechecks(date: string): Promise<RecheckRow[]> {
      const run = await openRunOn(date);
      run.rechecks ??= run.results.filter((r): r is RecheckResult => r.check === 'registerkontroll-fortlopande').map((r) => recheckRow(run, r));
      return run.rechecks;
    },
  };
}

export type ChecksService = ReturnType<typeof createChecksService>;
