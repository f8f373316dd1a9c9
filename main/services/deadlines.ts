/**
 * The bevakningslista: the register read once, the one deadline engine (domain/deadlines) run
 * over it with the municipality's settings, and each deadline given its words (who, where, what
 * the rule says). The whole list also carries the re-checks of foster-home adults
 * (`registerkontroll-fortlopande`, from the checks service) as reminders beside the deadlines;
 * they are counted once, by the checks (Kontroller), not in the deadlines' counts.
 * The window, the command line and the audit checklist all come here.
 */
import type { Kysely } from 'kysely';
import { changeStamp, childOfPlacement, childrenOfPlacements, readOpenRegisterSnapshot, readRegisterSnapshot, type RegisterSnapshot } from '../db/placements-repository';
import type { Database } from '../db/schema';
import { openActions } from '../db/audits-repository';
import { computeDeadlines, currentStay, deadlineStatus, isActiveOn, type Deadline, type DeadlineRegister, type EnginePlacement } from '../domain/deadlines';
import { basisLabels, ruleExplanation, ruleTitles } from '../domain/rule-texts';
import { compareListText, compareSwedish } from '../domain/swedish';
import type { ChecksService, RecheckRow } from './checks';
import { childLabel, protectedHomeName } from './placements';
import type { EffectiveRuleSettings, SettingsService } from './settings';
import type { DeadlineRule, DeadlineStatus, DeviationStep, EventType, HomeKind, LegalBasis } from '../domain/vocabulary';
import type {
  DeadlineCounts,
  DeadlineFilterChoices,
  DeadlineOverview,
  DeadlinePage,
  DeadlineRow,
  DeadlineRowRule,
  DeadlineSort,
  ListDeadlinePageInput,
} from '../../preload/api/deadlines';
import { registerNames } from '../domain/rule-texts';
import { deadlineRules } from '../domain/vocabulary';

export type { Deadline };

type OpenAction = Awaited<ReturnType<typeof openActions>>[number];

/** The engine's view of a snapshot of the register. */
export function toDeadlineRegister(snapshot: RegisterSnapshot): DeadlineRegister {
  const staysByPlacement = new Map<string, EnginePlacement['stays'][number][]>();
  for (const stay of snapshot.stays) {
    const list = staysByPlacement.get(stay.placementId) ?? [];
    list.push({
      homeId: stay.homeId,
      form: stay.form as HomeKind,
      from: stay.fromDate,
      to: stay.toDate,
      investigationCompletedOn: stay.investigationCompletedOn,
    });
    staysByPlacement.set(stay.placementId, list);
  }
  return {
    children: new Map(snapshot.children.map((c) => [c.id, c.birthDate])),
    placements: snapshot.placements.map((p) => ({
      id: p.id,
      childId: p.childId,
      legalBasis: p.legalBasis as LegalBasis,
      startedOn: p.startedOn,
      endedOn: p.endedOn,
      stays: staysByPlacement.get(p.id) ?? [],
    })),
    events: snapshot.events,
    homes: new Map(snapshot.homes.map((h) => [h.id, h.kind as HomeKind])),
    ...(snapshot.homeStays && { homeStays: snapshot.homeStays.map((s) => ({ homeId: s.homeId, from: s.fromDate, to: s.toDate })) }),
    deviations: snapshot.lexSarah.map((d) => ({
      id: d.id,
      kind: 'lex-sarah',
      placementId: d.placementId,
      homeId: d.homeId,
      steps: (JSON.parse(d.steps) as { step: DeviationStep; date: string; serious: number | null }[]).map((s) => ({
        step: s.step,
        date: s.date,
        serious: s.serious === null ? null : s.serious === 1,
      })),
    })),
  };
}

export function countDeadlines(deadlines: readonly { status: DeadlineStatus }[]): DeadlineCounts {
  const counts = { overdue: 0, dueSoon: 0, upcoming: 0 };
  for (const { status } of deadlines) {
    if (status === 'overdue') counts.overdue++;
    else if (status === 'due-soon') counts.dueSoon++;
    else counts.upcoming++;
  }
  return counts;
}

/** Whose a row is: the handläggare and enheter, one by one and as shown. */
interface Owners {
  caseworkers: string[];
  units: string[];
}

const noOwners: Owners = { caseworkers: [], units: [] };

const ownerFields = ({ caseworkers, units }: Owners) => ({
  caseworker: caseworkers.length > 0 ? caseworkers.join(', ') : null,
  caseworkers,
  unit: units.length > 0 ? units.join(', ') : null,
  units,
});

const distinctSorted = (values: (string | null)[]) =>
  [...new Set(values.filter((value): value is string => value !== null && value !== ''))].sort(compareSwedish);

/**
 * The handläggare and enheter of the children living in each home on `date` (a placement active
 * that day with a stay there that covers it: the re-checks' own test of a child in the home). A
 * protected child's are left out: beside a home's name they would tell where the child lives.
 */
function ownersOfHomes(snapshot: RegisterSnapshot, date: string): Map<string, Owners> {
  const protectedChildren = new Set(snapshot.children.filter((c) => c.protectedIdentity).map((c) => c.id));
  const staysOf = new Map<string, { homeId: string; from: string; to: string | null }[]>();
  for (const stay of snapshot.stays) {
    const list = staysOf.get(stay.placementId) ?? [];
    list.push({ homeId: stay.homeId, from: stay.fromDate, to: stay.toDate });
    staysOf.set(stay.placementId, list);
  }
  const found = new Map<string, { caseworkers: (string | null)[]; units: (string | null)[] }>();
  for (const placement of snapshot.placements) {
    if (protectedChildren.has(placement.childId) || !isActiveOn(placement, date)) continue;
    const stay = currentStay(staysOf.get(placement.id) ?? [], date);
    if (!stay) continue;
    const home = found.get(stay.homeId) ?? { caseworkers: [], units: [] };
    home.caseworkers.push(placement.caseworker);
    home.units.push(placement.unit);
    found.set(stay.homeId, home);
  }
  return new Map([...found].map(([homeId, o]) => [homeId, { caseworkers: distinctSorted(o.caseworkers), units: distinctSorted(o.units) }]));
}

/** A re-check as a row of the bevakningslista (a home's adult; no placement, no child), whose the home's children are. */
function recheckDeadlineRow(r: RecheckRow, owners: Owners): DeadlineRow {
  return {
    rule: 'registerkontroll-fortlopande',
    placementId: null,
    homeId: r.homeId,
    homeName: r.homeName,
    dueOn: r.dueOn,
    basisOn: r.basisOn,
    basisLabel: r.basisLabel,
    status: r.status,
    legalRef: r.legalRef,
    title: r.title,
    explanation: r.explanation,
    satisfiedBy: null,
    personId: r.personId,
    personName: r.personName,
    register: r.register,
    specialReasonsOn: null,
    childId: null,
    childLabel: null,
    deviationId: null,
    auditRoundId: null,
    ...ownerFields(owners),
  };
}

/** The word the rule filter and the row use for an audit's action. */
const ACTION_TITLE = 'Åtgärd efter aktgranskning';

/**
 * An open action of an audit round as a row of the bevakningslista: due when the enhetschef set
 * it, the round's unit its owner, and "ansvarig" the one named to do it.
 */
function actionDeadlineRow(action: OpenAction, date: string, leadDays: number): DeadlineRow {
  return {
    rule: 'egenkontroll-atgard',
    placementId: null,
    homeId: null,
    homeName: null,
    dueOn: action.dueOn,
    basisOn: action.createdAt.slice(0, 10),
    basisLabel: 'åtgärden beslutades',
    status: deadlineStatus(action.dueOn, date, leadDays),
    legalRef: 'SOSFS 2011:9',
    title: `${ACTION_TITLE}: ${action.action}`,
    explanation: `Åtgärd från granskningsomgången ${action.roundName}, ansvarig ${action.responsible}. Markera den som klar på omgångens sida.`,
    satisfiedBy: null,
    personId: null,
    personName: action.responsible,
    register: null,
    specialReasonsOn: null,
    childId: null,
    childLabel: null,
    deviationId: null,
    auditRoundId: action.roundId,
    ...ownerFields({ caseworkers: [], units: distinctSorted([action.unit]) }),
  };
}

const code = (a: string | null, b: string | null) => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);
/** The engine's order (dueOn, placementId, rule, homeId), then person and register for the re-checks. */
const compareRows = (a: DeadlineRow, b: DeadlineRow) =>
  code(a.dueOn, b.dueOn) ||
  code(a.placementId, b.placementId) ||
  code(a.rule, b.rule) ||
  code(a.homeId, b.homeId) ||
  code(a.personId, b.personId) ||
  code(a.register, b.register);

/** What the deadlines rest on: a write elsewhere (a note, a register check) keeps the cached run. */
const deadlineTables = ['homes', 'children', 'placements', 'stays', 'events', 'settings', 'deviations', 'deviation_steps'] as const;

/**
 * What the whole list rests on: the deadlines, and the re-checks beside them (the adults of the
 * homes and their register checks, as the checks service counts them).
 */
const listTables = [
  'homes',
  'persons',
  'children',
  'placements',
  'stays',
  'events',
  'register_checks',
  'settings',
  'deviations',
  'deviation_steps',
  'audit_actions',
  'audit_rounds',
] as const;

/** The most rows one page carries, whatever is asked (the contract's DEADLINE_PAGE_LIMIT). */
const PAGE_LIMIT = 500;

/** The rules in the order the list's filter offers them before the window sorts them by name. */
const rowRules: readonly DeadlineRowRule[] = [...deadlineRules, 'registerkontroll-fortlopande', 'egenkontroll-atgard'];

/** A re-check reminder names the adult and the register; other deadlines keep the rule's title (the grid's words). */
export function deadlineTitle(row: Pick<DeadlineRow, 'rule' | 'title' | 'register' | 'personName'>): string {
  if (row.rule !== 'registerkontroll-fortlopande' || row.register === null) return row.title;
  const who = row.personName ? ` för ${row.personName}` : '';
  return `Registerkontroll: ${registerNames[row.register]}${who}`;
}

const isRecheck = (row: DeadlineRow) => row.rule === 'registerkontroll-fortlopande';

/** The quick search's form of a text, as the page has always folded it: Swedish lower case. */
const foldQuery = (text: string) => text.toLocaleLowerCase('sv');

/** The grid's order of names: Swedish, case and accents ignored, numbers as numbers, empty last. */
const compareNames = compareListText;
const statusOrder: Record<DeadlineStatus, number> = { overdue: 0, 'due-soon': 1, upcoming: 2 };

/** How each column sorts, as the grid sorted the rows when it held them all (its columns' comparators). */
const columnOrder: Record<DeadlineSort['column'], (a: DeadlineRow, b: DeadlineRow) => number> = {
  status: (a, b) => statusOrder[a.status] - statusOrder[b.status],
  dueOn: (a, b) => code(a.dueOn, b.dueOn),
  title: (a, b) => compareNames(deadlineTitle(a), deadlineTitle(b)),
  legalRef: (a, b) => compareNames(a.legalRef, b.legalRef),
  child: (a, b) => compareNames(a.childLabel ?? a.homeName ?? '', b.childLabel ?? b.homeName ?? ''),
  caseworker: (a, b) => compareNames(a.caseworker, b.caseworker),
};

/**
 * Whether a row has the handläggare or enhet the filter asks for: undefined is all, null "Ingen
 * angiven" (a placement's row without one; a home's row has no placement to give one), a name
 * those whose the row is (a home's row is each of its children's handläggare's).
 */
function hasOwner(row: DeadlineRow, names: readonly string[], filter: string | null | undefined): boolean {
  if (filter === undefined) return true;
  if (filter === null) return row.placementId !== null && names.length === 0;
  return names.includes(filter);
}

/** The filters' choices: what the whole list has. */
function filterChoices(rows: readonly DeadlineRow[]): DeadlineFilterChoices {
  const caseworkers = new Set<string>();
  const units = new Set<string>();
  const rules = new Set<DeadlineRowRule>();
  let caseworkerNotGiven = false;
  let unitNotGiven = false;
  for (const row of rows) {
    for (const name of row.caseworkers) caseworkers.add(name);
    for (const name of row.units) units.add(name);
    rules.add(row.rule);
    if (row.placementId !== null && row.caseworkers.length === 0) caseworkerNotGiven = true;
    if (row.placementId !== null && row.units.length === 0) unitNotGiven = true;
  }
  return {
    caseworkers: [...caseworkers].sort(compareListText),
    units: [...units].sort(compareListText),
    caseworkerNotGiven,
    unitNotGiven,
    rules: rowRules.filter((rule) => rules.has(rule)),
  };
}

/** The whole list of a day, and what the page's questions read from it (built once per change). */
interface WholeList {
  overview: DeadlineOverview;
  choices: DeadlineFilterChoices;
  /** Per row, the folded texts the quick search looks in; made when a search first asks. */
  searchTexts: string[][] | null;
}

/** The rows every filter of a question finds, in its order: scrolling through one list filters and sorts once. */
interface Answer {
  rows: DeadlineRow[];
  rechecks: number;
  counts: DeadlineCounts;
}

function answer(whole: WholeList, input: ListDeadlinePageInput): Answer {
  const { rows } = whole.overview;
  const query = foldQuery((input.query ?? '').trim());
  if (query !== '') {
    whole.searchTexts ??= rows.map((row) =>
      [row.childLabel, row.homeName, deadlineTitle(row), row.caseworker, row.personName].flatMap((text) => (text === null ? [] : [foldQuery(text)])),
    );
  }
  const texts = whole.searchTexts;
  // Every filter but the status: the counts on the status buttons say what each would show.
  const matching: number[] = [];
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    if (
      hasOwner(row, row.caseworkers, input.caseworker) &&
      hasOwner(row, row.units, input.unit) &&
      (input.rule === undefined || row.rule === input.rule) &&
      (query === '' || texts![index]!.some((text) => text.includes(query)))
    )
      matching.push(index);
  }
  const counts = { overdue: 0, dueSoon: 0, upcoming: 0 };
  for (const index of matching) {
    const row = rows[index]!;
    if (isRecheck(row)) continue;
    if (row.status === 'overdue') counts.overdue++;
    else if (row.status === 'due-soon') counts.dueSoon++;
    else counts.upcoming++;
  }
  const shown = input.status === undefined ? matching : matching.filter((index) => rows[index]!.status === input.status);
  // The list is in its own order (compareRows): a sort's ties keep it, in either direction, as the grid's did.
  const sort = input.sort;
  if (sort) {
    const compare = columnOrder[sort.column];
    const sign = sort.direction === 'asc' ? 1 : -1;
    shown.sort((a, b) => sign * compare(rows[a]!, rows[b]!) || a - b);
  }
  const page = shown.map((index) => rows[index]!);
  return { rows: page, rechecks: page.filter(isRecheck).length, counts };
}

export function createDeadlinesService(db: Kysely<Database>, settings: SettingsService, checks: ChecksService) {
  type Run = { snapshot: RegisterSnapshot; effective: EffectiveRuleSettings; deadlines: Deadline[] };
  // The register's deadlines for the last date asked, until anything is written: the nav counts,
  // the list and a search keystroke then share one run of the engine. The promise is kept, so a
  // request arriving while it runs waits for the same run instead of starting its own.
  let cached: { key: string; run: Promise<Run> } | null = null;

  async function compute(snapshot: Promise<RegisterSnapshot>, date: string): Promise<Run> {
    const [read, effective] = await Promise.all([snapshot, settings.effective()]);
    return { snapshot: read, effective, deadlines: computeDeadlines(toDeadlineRegister(read), date, effective) };
  }

  async function run(date: string): Promise<Run> {
    const key = `${date}|${await changeStamp(db, deadlineTables)}`;
    if (cached?.key !== key) {
      const entry = { key, run: compute(readOpenRegisterSnapshot(db, date), date) };
      cached = entry;
      // A failed run is not kept: the next request tries again.
      entry.run.catch(() => {
        if (cached === entry) cached = null;
      });
    }
    return cached.run;
  }

  // The whole list's rows as built for the last date asked, until a table they rest on is written
  // (listTables: the engine's and the re-checks'): the pages of the list and its filters read them
  // without building 43 000 rows anew per block. Shared while it is built, like the run.
  let wholeCache: { key: string; list: Promise<WholeList> } | null = null;
  // The rows the last question found, in its order: the next block of the same list is a slice.
  let answerCache: { key: string; answer: Answer } | null = null;

  function wholeList(date: string, stamp: string): Promise<WholeList> {
    const key = `${date}|${stamp}`;
    if (wholeCache?.key !== key) {
      const entry = {
        key,
        list: build(date).then((overview): WholeList => ({ overview, choices: filterChoices(overview.rows), searchTexts: null })),
      };
      wholeCache = entry;
      answerCache = null;
      entry.list.catch(() => {
        if (wholeCache === entry) wholeCache = null;
      });
    }
    return wholeCache.list;
  }

  /**
   * Every open deadline on `date` with its words, and the re-checks of foster-home adults (see
   * `overview`). With `placementId`: that child's deadlines, computed from its records alone.
   */
  async function build(date: string, placementId?: string, onlyThatPlacement = true, reveal = false): Promise<DeadlineOverview> {
    const childId =
      placementId === undefined
        ? undefined
        : ((await childOfPlacement(db, placementId)) ?? '');
    const { snapshot, effective, deadlines } =
      childId === undefined ? await run(date) : await compute(readRegisterSnapshot(db, childId), date);
    const children = new Map(snapshot.children.map((c) => [c.id, c]));
    const placements = new Map(snapshot.placements.map((p) => [p.id, p]));
    const homes = new Map(snapshot.homes.map((h) => [h.id, h.name]));
    const explanations = new Map<DeadlineRule, string>();
    // A home's rows (a home rule, a re-check) belong to the handläggare of the children living there.
    let homeOwners: Map<string, Owners> | null = null;
    const ownersOf = (homeId: string) => (homeOwners ??= ownersOfHomes(snapshot, date)).get(homeId) ?? noOwners;
    const explain = (rule: DeadlineRule) => {
      let text = explanations.get(rule);
      if (text === undefined) explanations.set(rule, (text = ruleExplanation(rule, effective.parameters)));
      return text;
    };
    const rows = deadlines
      .filter((d) => placementId === undefined || !onlyThatPlacement || d.placementId === placementId)
      .map((d): DeadlineRow => {
        const placement = d.placementId === null ? undefined : placements.get(d.placementId);
        const child = placement && children.get(placement.childId);
        // Where a protected child lives is withheld like its name (revealed on its placement's page only).
        const hideHome = !reveal && child?.protectedIdentity === true && d.homeId !== null;
        return {
          rule: d.rule,
          placementId: d.placementId,
          homeId: hideHome ? null : d.homeId,
          homeName: hideHome ? protectedHomeName : d.homeId === null ? null : (homes.get(d.homeId) ?? null),
          dueOn: d.dueOn,
          basisOn: d.basisOn,
          basisLabel: basisLabels[d.basis],
          status: d.status,
          legalRef: d.legalRef,
          title: ruleTitles[d.rule],
          explanation: explain(d.rule),
          // A lex Sarah report is reported to IVO on its own page, not by an event.
          satisfiedBy: d.deviationId === undefined ? (d.satisfiedBy as EventType) : null,
          deviationId: d.deviationId ?? null,
          auditRoundId: null,
          personId: null,
          personName: null,
          register: null,
          specialReasonsOn: d.specialReasonsOn,
          childId: placement?.childId ?? null,
          childLabel: child ? childLabel(child) : null,
          ...ownerFields(
            placement
              ? { caseworkers: distinctSorted([placement.caseworker]), units: distinctSorted([placement.unit]) }
              : d.homeId === null
                ? noOwners
                : ownersOf(d.homeId),
          ),
        };
      });
    // The audits' open actions are the unit's duties with dates: counted with the deadlines.
    if (placementId === undefined && !reveal) {
      rows.push(...(await openActions(db)).map((action) => actionDeadlineRow(action, date, effective.parameters.leadDays)));
    }
    // Counted before the re-checks join the list: Kontroller counts those.
    const counts = countDeadlines(rows);
    if (placementId === undefined) {
      rows.push(...(await checks.rechecks(date)).map((r) => recheckDeadlineRow(r, ownersOf(r.homeId))));
      rows.sort(compareRows);
    }
    return { date, rows, counts };
  }

  return {
    /** The engine's deadlines as of `date`, sorted (dueOn, placementId, rule). */
    async compute(date: string): Promise<Deadline[]> {
      return (await run(date)).deadlines;
    },

    /**
     * How many overdue deadlines each of these placements has on `date`, from their children's
     * records alone (all a placement's deadlines rest on, as `overview` with a placement): a page
     * of the list of placements costs its own rows, not a run over the register, which on a
     * shared register would follow every colleague's save.
     */
    async overdueOf(date: string, placementIds: readonly string[]): Promise<Map<string, number>> {
      const overdue = new Map<string, number>();
      if (placementIds.length === 0) return overdue;
      const wanted = new Set(placementIds);
      const { deadlines } = await compute(readRegisterSnapshot(db, await childrenOfPlacements(db, placementIds)), date);
      for (const d of deadlines) {
        if (d.status === 'overdue' && d.placementId !== null && wanted.has(d.placementId)) overdue.set(d.placementId, (overdue.get(d.placementId) ?? 0) + 1);
      }
      return overdue;
    },

    /**
     * What the navigation shows by Bevakning: the deadlines, as the list counts them. A re-check is
     * a check: the navigation counts it by Kontroller (checks.overview), so it is never counted twice.
     */
    async counts(date: string): Promise<DeadlineCounts> {
      const [{ deadlines, effective }, actions] = await Promise.all([run(date), openActions(db)]);
      return countDeadlines([...deadlines, ...actions.map((a) => ({ status: deadlineStatus(a.dueOn, date, effective.parameters.leadDays) }))]);
    },

    /**
     * Every open deadline on `date` with its words, and the re-checks of foster-home adults. With
     * `placementId`: the deadlines of that placement's child (all its placements;
     * `onlyThatPlacement` narrows to the one), computed from the child's records alone, which is
     * all they depend on (the home rule and the re-checks are not among them).
     */
    async overview(date: string, placementId?: string, onlyThatPlacement = true, reveal = false): Promise<DeadlineOverview> {
      if (placementId !== undefined || reveal) return build(date, placementId, onlyThatPlacement, reveal);
      // The whole list is kept for the pages; each caller gets its own list and counts to change.
      const { overview } = await wholeList(date, await changeStamp(db, listTables));
      return { date, rows: [...overview.rows], counts: { ...overview.counts } };
    },

    /**
     * Builds the day's whole list (and with it the re-checks the navigation counts) before anyone
     * asks: started when the register opens, the window's first requests share it while it loads.
     */
    async prepare(date: string): Promise<void> {
      await wholeList(date, await changeStamp(db, listTables));
    },

    /**
     * One page of the bevakningslista: the whole list of the day (built once per change) filtered
     * as the page's filters ask, sorted by the column asked (ties in the list's own order), and
     * cut from `offset`, at most 500 rows. With the counts of the status buttons, how many rows
     * the filters find, and the filters' choices from the whole list.
     */
    async page(input: ListDeadlinePageInput): Promise<DeadlinePage> {
      const stamp = await changeStamp(db, listTables);
      const whole = await wholeList(input.date, stamp);
      const { offset, limit, date, caseworker, unit, rule, status, query, sort } = input;
      // Absent (all) and null ("Ingen angiven") are different questions: JSON would make both null.
      const owner = (filter: string | null | undefined) => (filter === undefined ? { all: true } : filter);
      const key = JSON.stringify([date, stamp, owner(caseworker), owner(unit), rule ?? null, status ?? null, query?.trim() ?? '', sort ?? null]);
      if (answerCache?.key !== key) answerCache = { key, answer: answer(whole, input) };
      const found = answerCache.answer;
      return {
        date,
        rows: found.rows.slice(offset, offset + Math.min(limit, PAGE_LIMIT)),
        total: found.rows.length,
        rechecks: found.rechecks,
        counts: { ...found.counts },
        unfiltered: whole.overview.rows.length,
        choices: whole.choices,
      };
    },
  };
}

export type DeadlinesService = ReturnType<typeof createDeadlinesService>;
