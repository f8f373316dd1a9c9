/**
 * Children, their placements (with stays: omplacering is a new stay) and the events recorded on
 * placements and homes. The types are the contract's (preload/api/placements.ts).
 * A protected identity is masked here, in main, unless the caller asks to reveal it.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { parseStoredPermit } from '../db/checks-repository';
import * as repo from '../db/placements-repository';
import { inTransaction } from '../db/homes-repository';
import type { Database } from '../db/schema';
import { decisionDateOf, needsPermit, permitAtDecision, permitCoverageProblems } from '../domain/checks';
import { compareDates } from '../domain/dates';
import { isActiveOn, currentStay } from '../domain/deadlines';
import { placementProblems } from '../domain/placements';
import { identityMatches, validatePersonnummer } from '../domain/personnummer';
import { compareSwedish, containsSwedish, foldSwedish, searchWords } from '../domain/swedish';
import type { Clock } from './clock';
import { changedSince, saving, ServiceError, notFound, type ServiceIssue } from './errors';
import type {
  Child,
  ChildInput,
  ChildListRow,
  EventInput,
  Placement,
  PlacementInput,
  PlacementListRow,
  PlacementSort,
  PlacementSuggestions,
  RecordedEvent,
  RemoveRecordInput,
  UndoMoveInput,
} from '../../preload/api/placements';
import {
  isFosterHomeKind,
  placementEventTypes,
  type EndReason,
  type EventType,
  type HomeKind,
  type IvoVerdict,
  type LegalBasis,
} from '../domain/vocabulary';

/** The placement as written: its child is known. */
type PlacementWrite = Omit<PlacementInput, 'childId' | 'newChild'> & { childId: string };

/**
 * Where a protected child lives is as secret as its name: lists, searches and a placement's page
 * show this instead of the home until the user reveals the child's identity on that page.
 */
export const protectedHomeName = 'Skyddat boende';

/** The placement with its homes withheld, for a protected child's page before the user reveals it. */
export function withHomesHidden(placement: Placement): Placement {
  return { ...placement, stays: placement.stays.map((stay) => ({ ...stay, homeId: null, homeName: protectedHomeName })) };
}

/** How the UI names a child without saying more than it must. */
export function childLabel(child: { name: string | null; birthDate: string; protectedIdentity: boolean }, reveal = false): string {
  if (child.protectedIdentity && !reveal) return `Skyddad identitet (f. ${child.birthDate.slice(0, 4)})`;
  return child.name ?? `Barn f. ${child.birthDate}`;
}

/**
 * Whether a word of a search finds the child by what it is: its name as the list shows it, and
 * (unless the identity is protected) its birth date and personnummer. A protected child is never
 * found by its name, birth date or personnummer: that would tell who it is. Its label, which the
 * list shows anyway ("Skyddad identitet (f. 2012)"), it may be found by.
 */
function findsChild(child: { name: string | null; birthDate: string; personnummer: string | null; protectedIdentity: boolean }, word: string): boolean {
  if (containsSwedish(childLabel(child), word)) return true;
  if (child.protectedIdentity) return false;
  return child.birthDate.includes(word) || identityMatches(word, child.personnummer, child.birthDate);
}

function toChild(row: repo.ChildRow, reveal: boolean): Child {
  const masked = row.protectedIdentity && !reveal;
  return {
    id: row.id,
    name: masked ? null : row.name,
    birthDate: masked ? null : row.birthDate,
    birthYear: Number(row.birthDate.slice(0, 4)),
    personnummer: masked ? null : row.personnummer,
    protectedIdentity: row.protectedIdentity,
    masked,
    label: childLabel(row, reveal),
    rowVersion: row.rowVersion,
  };
}

export function toPlacement(row: repo.PlacementWithStays): Placement {
  return {
    id: row.id,
    childId: row.childId,
    legalBasis: row.legalBasis as LegalBasis,
    decidedOn: row.decidedOn,
    startedOn: row.startedOn,
    endedOn: row.endedOn,
    endReason: row.endReason as EndReason | null,
    caseworker: row.caseworker,
    unit: row.unit,
    dailyCost: row.dailyCost,
    rowVersion: row.rowVersion,
    stays: row.stays.map((s) => ({
      ordinal: s.ordinal,
      homeId: s.homeId,
      homeName: s.homeName,
      form: s.form as HomeKind,
      from: s.fromDate,
      to: s.toDate,
      decidedOn: s.decidedOn,
      investigationCompletedOn: s.investigationCompletedOn,
    })),
  };
}

const toEvent = (row: repo.EventRow): RecordedEvent => ({ ...row, type: row.type as EventType, verdict: row.verdict as IvoVerdict | null });

/** The list row of a placement on `on`; `overdue` counts its overdue deadlines (from the engine). */
export function placementListRow(row: repo.PlacementWithStays, label: string, on: string, overdue: number, hideHome: boolean): PlacementListRow {
  const stay = currentStay(row.stays.map((s) => ({ ...s, from: s.fromDate, to: s.toDate })), on) ?? row.stays.at(-1)!;
  return {
    id: row.id,
    childId: row.childId,
    childLabel: label,
    legalBasis: row.legalBasis as LegalBasis,
    decidedOn: row.decidedOn,
    startedOn: row.startedOn,
    endedOn: row.endedOn,
    caseworker: row.caseworker,
    unit: row.unit,
    homeId: hideHome ? null : stay.homeId,
    homeName: hideHome ? protectedHomeName : stay.homeName,
    form: stay.form as HomeKind,
    active: isActiveOn(row, on),
    overdueCount: overdue,
  };
}

/**
 * Names as a list to choose from: "saga handläggarsson" and "Saga Handläggarsson" are one name,
 * given in the spelling most placements have (on a tie, the first in Swedish order); Swedish order.
 */
function oncePerName(names: readonly { name: string; count: number }[]): string[] {
  const best = new Map<string, { name: string; count: number }>();
  for (const entry of [...names].sort((a, b) => b.count - a.count || compareSwedish(a.name, b.name))) {
    const key = foldSwedish(entry.name);
    if (!best.has(key)) best.set(key, entry);
  }
  return [...best.values()].map((entry) => entry.name).sort(compareSwedish);
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const pointer = (path: (string | number)[]) => path.map((p) => `/${p}`).join('');

const CHILD_SAVE_FAILED = 'Barnet kunde inte sparas.';
const PLACEMENT_SAVE_FAILED = 'Placeringen kunde inte sparas.';

/** The placements a list finds, in order, and how many more "Bara pågående" left out. */
export interface FoundPlacements {
  ids: string[];
  hidden: number;
}

/** What the list of placements shows and searches (of a home, only its name): a write to anything else keeps its answer. */
const listedTables = ['home_names', 'children', 'placements', 'stays'] as const;

/** How many placements' rows are read in one statement. */
const ROWS_AT_A_TIME = 500;

/** The words of a search as the database matches them (repo.findPlacements). */
function placementSearchWords(query: string): repo.PlacementSearchWord[] {
  return searchWords(query).map((word) => {
    const digits = word.replace(/\D/g, '');
    // identityMatches decides which words are (part of) a personnummer or birth date: such a
    // word's digits always contain themselves, so it matches them exactly when its shape is one.
    return { folded: foldSwedish(word), typed: word, digits: identityMatches(word, digits, null) ? digits : null };
  });
}

// Settings are not needed yet (the permit rule has no parameter); the signature matches index.ts.
export function createPlacementsService(db: Kysely<Database>, clock: Clock) {
  /**
   * Why the IVO permit does not cover the new or changed stays of `input` (rules.md, issue 4: the
   * permit check refuses a form or an age the permit does not cover). A stay is judged against
   * the permit its decision rests on: the newest verification of the home on or before the stay's
   * decision date (domain decisionDateOf); a verification recorded later cannot be what the
   * decision rested on, so no "today" is needed. The child's age is taken on the stay's `from`.
   * A stay that is unchanged (same home, start and decision date) is not judged again: a permit
   * corrected or narrowed later must not block editing, moving or ending an old placement.
   */
  async function permitIssues(
    trx: Transaction<Database>,
    input: PlacementWrite,
    existing: repo.PlacementWithStays | undefined,
    homes: Map<string, { kind: string; operator: string | null }>,
    birthDate: string | undefined,
    pathOf: (index: number) => string,
  ): Promise<ServiceIssue[]> {
    const inDateOrder = <S extends { from: string }>(stays: readonly S[]) =>
      stays.map((stay, index) => ({ stay, index })).sort((a, b) => compareDates(a.stay.from, b.stay.from));
    const keyOf = (homeId: string, from: string, decisionOn: string) => `${homeId}|${from}|${decisionOn}`;
    const unchanged = new Set(
      existing === undefined
        ? []
        : inDateOrder(existing.stays.map((s) => ({ homeId: s.homeId, form: s.form as HomeKind, from: s.fromDate, to: s.toDate, decidedOn: s.decidedOn }))).map(({ stay }, i) =>
            keyOf(stay.homeId, stay.from, decisionDateOf(existing, stay, i)),
          ),
    );
    const judged = inDateOrder(input.stays.map((s) => ({ ...s, form: (homes.get(s.homeId)?.kind ?? 'hvb') as HomeKind })))
      .map(({ stay, index }, i) => ({ stay, index, decisionOn: decisionDateOf(input, stay, i) }))
      .filter(({ stay, decisionOn }) => {
        const home = homes.get(stay.homeId);
        return home !== undefined && needsPermit(home.kind as HomeKind, home.operator) && !unchanged.has(keyOf(stay.homeId, stay.from, decisionOn));
      });
    if (judged.length === 0) return [];
    const permits = await repo.permitsOfHomes(trx, judged.map(({ stay }) => stay.homeId));
    return judged.flatMap(({ stay, index, decisionOn }) => {
      const permit = permitAtDecision(permits.filter((p) => p.homeId === stay.homeId), decisionOn, decisionOn);
      // A scope that does not parse is unknown: it limits nothing (the permit check still judges the permit).
      return permitCoverageProblems(parseStoredPermit(permit?.permit ?? null), stay.form, stay.from, birthDate ?? null).map((message) => ({
        path: pathOf(index),
        message,
      }));
    });
  }

  /** Checks and writes a whole placement in `trx`; every problem is reported at its field. */
  async function writePlacement(
    trx: Transaction<Database>,
    input: PlacementWrite,
    failed = PLACEMENT_SAVE_FAILED,
    permitPath: (index: number) => string = (index) => `/stays/${index}/homeId`,
  ) {
    const issues: ServiceIssue[] = [];
    const child = await repo.getChild(trx, input.childId);
    if (!child) issues.push({ path: '/childId', message: 'Barnet finns inte.' });
    const existing = input.id === undefined ? undefined : await repo.getPlacement(trx, input.id);
    if (input.id !== undefined && !existing) throw notFound('Placeringen');
    if (existing && existing.rowVersion !== input.rowVersion) throw await changedSince(trx, 'placements', existing.id, 'placeringen');
    if (existing && existing.childId !== input.childId) {
      issues.push({ path: '/childId', message: 'En placering kan inte flyttas till ett annat barn.' });
    }
    if (input.decidedOn > input.startedOn) {
      issues.push({ path: '/decidedOn', message: 'Beslutet kan inte vara fattat efter att placeringen började.' });
    }
    // Dates that cannot be true yet: a decision or an end is never after today (a move may be planned).
    const today = clock.today();
    if (input.decidedOn > today) issues.push({ path: '/decidedOn', message: `Beslutet kan inte vara fattat efter i dag (${today}).` });
    if (input.endedOn !== null && input.endedOn > today) {
      issues.push({ path: '/endedOn', message: `Placeringen kan inte avslutas efter i dag (${today}). Avsluta den när barnet har flyttat.` });
    }

    const homes = await repo.homesById(trx, input.stays.map((s) => s.homeId));
    input.stays.forEach((stay, k) => {
      if (!homes.has(stay.homeId)) issues.push({ path: `/stays/${k}/homeId`, message: 'Hemmet finns inte.' });
    });
    const stays = input.stays.map((s) => ({ ...s, form: (homes.get(s.homeId)?.kind ?? 'hvb') as HomeKind }));
    for (const problem of placementProblems({ ...input, stays }, {
      birthDate: child?.birthDate,
      homeKind: (id) => homes.get(id)?.kind as HomeKind | undefined,
    })) {
      issues.push({ path: pointer(problem.path), message: `${capitalize(problem.message)}.` });
    }
    issues.push(...(await permitIssues(trx, input, existing, homes, child?.birthDate, permitPath)));

    // One child is in one placement at a time: another placement of the child may not overlap.
    // An overlap that was already there (an imported file may hold one) does not block other edits.
    if (child) {
      const overlaps = (a: { startedOn: string; endedOn: string | null }, b: { startedOn: string; endedOn: string | null }) =>
        a.startedOn < (b.endedOn ?? '9999-12-31') && b.startedOn < (a.endedOn ?? '9999-12-31');
      for (const other of await repo.listPlacements(trx, child.id)) {
        if (other.id === input.id || (existing && overlaps(existing, other))) continue;
        if (overlaps(input, other)) {
          issues.push({
            path: '/startedOn',
            message: `Barnet har redan en placering ${other.startedOn}–${other.endedOn ?? 'pågår'} som överlappar.`,
          });
        }
      }
    }
    if (issues.length > 0) throw new ServiceError('VALIDATION', failed, issues);

    const id = input.id ?? randomUUID();
    await saving(trx, 'placements', id, 'placeringen', () => repo.savePlacement(
      trx,
      {
        id,
        childId: input.childId,
        legalBasis: input.legalBasis,
        decidedOn: input.decidedOn,
        startedOn: input.startedOn,
        endedOn: input.endedOn,
        endReason: input.endReason,
        caseworker: input.caseworker,
        unit: input.unit,
        dailyCost: input.dailyCost ?? null,
      },
      stays.map((s) => ({
        homeId: s.homeId,
        form: s.form,
        fromDate: s.from,
        toDate: s.to,
        decidedOn: s.decidedOn,
        investigationCompletedOn: s.investigationCompletedOn,
      })),
      existing ? existing.rowVersion : null,
    ));
    return toPlacement((await repo.getPlacement(trx, id))!);
  }

  /** Checks and writes a child in `trx`; issue paths are prefixed with `at` ("/newChild"). */
  async function writeChild(trx: Transaction<Database>, input: ChildInput, at = ''): Promise<repo.ChildRow> {
    const issues: ServiceIssue[] = [];
    if (input.birthDate > clock.today()) issues.push({ path: `${at}/birthDate`, message: 'Födelsedatumet kan inte vara efter i dag.' });
    let personnummer: string | null = null;
    if (input.personnummer !== null) {
      const result = validatePersonnummer(input.personnummer, input.birthDate);
      if (result.ok) personnummer = result.value;
      else issues.push({ path: `${at}/personnummer`, message: result.message });
    }
    const existing = input.id === undefined ? undefined : await repo.getChild(trx, input.id);
    if (input.id !== undefined && !existing) throw notFound('Barnet');
    if (existing && existing.rowVersion !== input.rowVersion) throw await changedSince(trx, 'children', existing.id, 'barnets uppgifter');
    if (existing) {
      const first = (await repo.listPlacements(trx, existing.id))[0];
      if (first && first.startedOn < input.birthDate) {
        issues.push({ path: `${at}/birthDate`, message: `Barnet har en placering som började ${first.startedOn}, före det födelsedatumet.` });
      }
    }
    if (issues.length > 0) throw new ServiceError('VALIDATION', CHILD_SAVE_FAILED, issues);
    const id = input.id ?? randomUUID();
    await saving(trx, 'children', id, 'barnets uppgifter', () =>
      repo.saveChild(trx, { id, name: input.name, birthDate: input.birthDate, personnummer, protectedIdentity: input.protectedIdentity }, existing ? existing.rowVersion : null),
    );
    return (await repo.getChild(trx, id))!;
  }

  /** The last list of placements found (findPlacements): its question, with the database's change stamp, and its answer. */
  let lastFound: { key: string; overdue: ReadonlyMap<string, number>; answer: Promise<FoundPlacements> } | null = null;

  async function find(
    date: string,
    words: repo.PlacementSearchWord[],
    activeOnly: boolean,
    sort: PlacementSort,
    overdue: ReadonlyMap<string, number>,
  ): Promise<FoundPlacements> {
    const { column, direction } = sort;
    const inSql = column === 'startedOn' || column === 'endedOn' || column === 'legalBasis';
    const byName = column === 'child' || column === 'home' || column === 'caseworker' || column === 'unit';
    const { found: shown, hidden } = await repo.findPlacements(db, {
      on: date,
      words,
      activeOnly,
      protectedHomeName,
      ...(inSql ? { orderBy: { column, direction } } : {}),
      ...(byName ? { key: column } : {}),
    });
    // Array.prototype.sort is stable: ties keep the database's order, newest first.
    const sign = direction === 'asc' ? 1 : -1;
    if (byName) {
      // A blank name after the others, in either direction.
      shown.sort((a, b) => (a.key === null ? (b.key === null ? 0 : 1) : b.key === null ? -1 : sign * compareSwedish(a.key, b.key)));
    } else if (column === 'overdue') {
      shown.sort((a, b) => sign * ((overdue.get(a.id) ?? 0) - (overdue.get(b.id) ?? 0)));
    }
    return { ids: shown.map((row) => row.id), hidden };
  }

  /** A stored placement as the input that would write it again (its homes always known: this is main). */
  const asInput = (row: repo.PlacementWithStays): PlacementWrite => ({
    ...toPlacement(row),
    stays: row.stays.map((s) => ({ homeId: s.homeId, from: s.fromDate, to: s.toDate, decidedOn: s.decidedOn, investigationCompletedOn: s.investigationCompletedOn })),
  });

  return {
    async listChildren({ query, date }: { query?: string | undefined; date: string }): Promise<ChildListRow[]> {
      const [children, placements] = await Promise.all([repo.listChildren(db), repo.listPlacements(db)]);
      const activeByChild = new Map<string, string>();
      for (const p of placements) if (isActiveOn(p, date)) activeByChild.set(p.childId, p.id);
      const words = searchWords(query ?? '');
      return children
        .filter((c) => words.every((word) => findsChild(c, word)))
        .map((c) => ({ ...toChild(c, false), placementCount: c.placementCount, activePlacementId: activeByChild.get(c.id) ?? null }))
        // Only by what is shown: ordering masked children by their withheld dates would hint at them.
        .sort((a, b) => compareSwedish(a.label, b.label) || (a.birthDate ?? '').localeCompare(b.birthDate ?? '') || a.id.localeCompare(b.id));
    },

    async getChild(id: string, reveal = false): Promise<Child> {
      const row = await repo.getChild(db, id);
      if (!row) throw notFound('Barnet');
      return toChild(row, reveal);
    },

    saveChild(input: ChildInput): Promise<Child> {
      // A protected identity stays masked in the answer too: it would end up in lists and toasts.
      return inTransaction(db, async (trx) => toChild(await writeChild(trx, input), false));
    },

    /**
     * The placements the list of placements finds, in the order asked for, as ids (FoundPlacements).
     * Each word of `query` must find the placement, in any order: by the child (its label; unless
     * the identity is protected, its birth date and personnummer in any form, as `findsChild`),
     * or by the home shown, handläggare, enhet or the placement's id. The search and the dates are
     * SQL; names are sorted here in Swedish order, and `overdue` (placement id → its overdue
     * deadlines) sorts the "Försenade bevakningar" column. The answer for the last question is
     * kept until what it rests on is written (the tables of `listedTables`; for the overdue order,
     * until the deadlines change), so the pages of one list share one search and one sort.
     */
    async findPlacements(
      input: { date: string; query?: string | undefined; activeOnly: boolean; sort: PlacementSort },
      overdue: ReadonlyMap<string, number>,
    ): Promise<FoundPlacements> {
      const words = placementSearchWords(input.query ?? '');
      const key = JSON.stringify([await repo.changeStamp(db, listedTables), input.date, words.map((w) => w.typed), input.activeOnly, input.sort]);
      if (lastFound?.key !== key || (input.sort.column === 'overdue' && lastFound.overdue !== overdue)) {
        const answer = find(input.date, words, input.activeOnly, input.sort, overdue);
        lastFound = { key, overdue, answer };
        // A failed search is not kept: the next question asks the database again.
        answer.catch(() => {
          if (lastFound?.answer === answer) lastFound = null;
        });
      }
      return lastFound.answer;
    },

    /** The list rows of these placements on `date`, in the order given; `overdue` as in findPlacements. */
    async placementRows(ids: readonly string[], date: string, overdue: ReadonlyMap<string, number>): Promise<PlacementListRow[]> {
      const rows: PlacementListRow[] = [];
      // In bounded pieces: SQLite takes a limited number of parameters in one statement.
      for (let start = 0; start < ids.length; start += ROWS_AT_A_TIME) {
        const part = ids.slice(start, start + ROWS_AT_A_TIME);
        const placements = new Map((await repo.placementsByIds(db, part)).map((p) => [p.id, p]));
        const children = await repo.childrenByIds(db, [...placements.values()].map((p) => p.childId));
        for (const id of part) {
          const placement = placements.get(id);
          if (!placement) continue; // removed since it was found
          const child = children.get(placement.childId);
          const label = child ? childLabel(child) : placement.childId;
          rows.push(placementListRow(placement, label, date, overdue.get(id) ?? 0, child?.protectedIdentity ?? false));
        }
      }
      return rows;
    },

    /** The handläggare and enheter written before, for the form to suggest (PlacementSuggestions). */
    async suggestions(): Promise<PlacementSuggestions> {
      const [caseworkers, units] = await Promise.all([repo.placementNames(db, 'caseworker'), repo.placementNames(db, 'unit')]);
      return { caseworkers: oncePerName(caseworkers), units: oncePerName(units) };
    },

    async getPlacement(id: string): Promise<Placement> {
      const row = await repo.getPlacement(db, id);
      if (!row) throw notFound('Placeringen');
      return toPlacement(row);
    },

    async childPlacements(childId: string): Promise<repo.PlacementWithStays[]> {
      return repo.listPlacements(db, childId);
    },

    async listPlacementEvents(placementId: string): Promise<RecordedEvent[]> {
      return (await repo.listEvents(db, { placementId })).map(toEvent);
    },

    /** With `newChild`, the child and the placement are written together or not at all. */
    savePlacement({ newChild, childId, ...input }: PlacementInput): Promise<Placement> {
      return inTransaction(db, async (trx) => {
        const child = newChild ? (await writeChild(trx, newChild, '/newChild')).id : childId;
        if (child === undefined) {
          throw new ServiceError('VALIDATION', PLACEMENT_SAVE_FAILED, [{ path: '/childId', message: 'Välj ett barn, eller lägg in ett nytt.' }]);
        }
        return writePlacement(trx, { ...input, childId: child });
      });
    },

    /** Omplacering: the current stay ends on `on`, and a new stay in `homeId` begins that day. */
    move(input: { id: string; on: string; homeId: string; decidedOn: string | null; investigationCompletedOn: string | null }): Promise<Placement> {
      return inTransaction(db, async (trx) => {
        const row = await repo.getPlacement(trx, input.id);
        if (!row) throw notFound('Placeringen');
        const placement = toPlacement(row);
        const fail = (path: string, message: string) => new ServiceError('VALIDATION', 'Omplaceringen kunde inte göras.', [{ path, message }]);
        if (placement.endedOn !== null) throw fail('/on', `Placeringen avslutades ${placement.endedOn}.`);
        const last = placement.stays.at(-1)!;
        if (input.on <= last.from) throw fail('/on', `Omplaceringen måste ske efter att den nuvarande vistelsen började (${last.from}).`);
        if (last.homeId === input.homeId) throw fail('/homeId', 'Barnet bor redan i det hemmet.');
        const written = asInput(row);
        const stays = [
          ...written.stays.slice(0, -1),
          { ...written.stays.at(-1)!, to: input.on },
          { homeId: input.homeId, from: input.on, to: null, decidedOn: input.decidedOn, investigationCompletedOn: input.investigationCompletedOn },
        ];
        return writePlacement(trx, { ...written, stays }, 'Omplaceringen kunde inte göras.', () => '/homeId');
      });
    },

    /** Ends the placement (and its last stay) on `on`. */
    end(input: { id: string; on: string; reason: EndReason }): Promise<Placement> {
      return inTransaction(db, async (trx) => {
        const row = await repo.getPlacement(trx, input.id);
        if (!row) throw notFound('Placeringen');
        const placement = asInput(row);
        if (row.endedOn !== null) {
          throw new ServiceError('CONFLICT', `Placeringen är redan avslutad (${row.endedOn}).`);
        }
        const last = placement.stays.at(-1)!;
        if (input.on <= last.from) {
          throw new ServiceError('VALIDATION', 'Placeringen kunde inte avslutas.', [
            { path: '/on', message: `Slutdatumet måste vara efter att den sista vistelsen började (${last.from}).` },
          ]);
        }
        if (input.on > clock.today()) {
          throw new ServiceError('VALIDATION', 'Placeringen kunde inte avslutas.', [
            { path: '/on', message: `Placeringen kan inte avslutas efter i dag (${clock.today()}). Avsluta den när barnet har flyttat.` },
          ]);
        }
        const stays = [...placement.stays.slice(0, -1), { ...last, to: input.on }];
        return writePlacement(trx, { ...placement, endedOn: input.on, endReason: input.reason, stays }, 'Placeringen kunde inte avslutas.');
      });
    },

    recordEvent(input: EventInput): Promise<RecordedEvent> {
      return inTransaction(db, async (trx) => {
        const onPlacement = (placementEventTypes as readonly string[]).includes(input.type);
        const fail = (path: string, message: string) => new ServiceError('VALIDATION', 'Händelsen kunde inte registreras.', [{ path, message }]);
        const verdict = input.verdict ?? null;
        if (verdict !== null && input.type !== 'ivo-tillsyn') throw fail('/verdict', 'IVO:s bedömning kan bara anges för en tillsyn av IVO.');
        if (input.date > clock.today()) throw fail('/date', `Det som registreras ska redan ha hänt: datumet kan inte vara efter i dag (${clock.today()}).`);
        if (input.placementId !== undefined) {
          if (!onPlacement) throw fail('/type', 'Den händelsen gäller ett hem, inte en placering.');
          const placement = await repo.getPlacement(trx, input.placementId);
          if (!placement) throw notFound('Placeringen');
          const child = await repo.getChild(trx, placement.childId);
          if (child && input.date < child.birthDate) throw fail('/date', `Datumet är före barnets födelse (${child.birthDate}).`);
          // Nothing of a placement happens before it is decided; the recurring follow-ups count from its start (rules.md).
          if (input.date < placement.decidedOn) throw fail('/date', `Datumet är före beslutet om placeringen (${placement.decidedOn}).`);
          if (input.date < placement.startedOn && duringTheStay.includes(input.type)) {
            throw fail('/date', `${eventTypeNames[input.type] ?? 'Händelsen'} kan inte vara före placeringens start (${placement.startedOn}).`);
          }
        } else {
          if (onPlacement) throw fail('/type', 'Den händelsen gäller en placering, inte ett hem.');
          const home = (await repo.homesById(trx, [input.homeId!])).get(input.homeId!);
          if (!home) throw notFound('Hemmet');
          if (input.type === 'ivo-anmalan-fler-an-tre' && !isFosterHomeKind(home.kind as HomeKind)) {
            throw fail('/type', 'Anmälan om fler än tre barn gäller familjehem, jourhem och nätverkshem.');
          }
        }
        const event: repo.EventRow = {
          id: randomUUID(),
          placementId: input.placementId ?? null,
          homeId: input.homeId ?? null,
          type: input.type,
          date: input.date,
          comment: input.comment,
          verdict,
        };
        await repo.insertEvent(trx, event);
        return toEvent(event);
      });
    },

    /** Ångra right after an omplacering: only the stay the move began, and only while it is the last. */
    undoMove(input: UndoMoveInput): Promise<Placement> {
      return inTransaction(db, async (trx) => {
        const row = await repo.getPlacement(trx, input.id);
        if (!row) throw notFound('Placeringen');
        const last = row.stays.at(-1);
        if (row.stays.length < 2 || !last || last.homeId !== input.homeId || last.fromDate !== input.from || row.endedOn !== null) {
          throw new ServiceError('CONFLICT', 'Omplaceringen kan inte ångras: placeringen har ändrats sedan dess. Rätta den under Ändra.');
        }
        await repo.removeLastStay(trx, row.id, last.ordinal);
        return toPlacement((await repo.getPlacement(trx, row.id))!);
      });
    },

    /**
     * Removes a placement entered by mistake. The whole of it (stays, events) is kept in the
     * history with who, when and why before it goes, in the same transaction; notes and
     * deviations that named it stay with the home.
     */
    removePlacement(input: RemoveRecordInput): Promise<Placement> {
      return inTransaction(db, async (trx) => {
        const row = await repo.getPlacement(trx, input.id);
        if (!row) throw notFound('Placeringen');
        const placement = toPlacement(row);
        const events = (await repo.listEvents(trx, { placementId: row.id })).map(toEvent);
        await repo.insertRemovedRecord(trx, {
          kind: 'placement',
          recordId: row.id,
          record: JSON.stringify({ placement, events }),
          removedBy: input.removedBy,
          removedAt: clock.now(),
          reason: input.reason,
        });
        await repo.deletePlacement(trx, row.id, row.stays.at(-1)?.homeId ?? null);
        return placement;
      });
    },

    /** Removes a child entered by mistake, kept in the history like a placement; refused while it has placements. */
    removeChild(input: RemoveRecordInput): Promise<Child> {
      return inTransaction(db, async (trx) => {
        const child = await repo.getChild(trx, input.id);
        if (!child) throw notFound('Barnet');
        const placements = await repo.listPlacements(trx, child.id);
        if (placements.length > 0) {
          throw new ServiceError(
            'CONFLICT',
            `Barnet har ${placements.length === 1 ? 'en placering' : `${placements.length} placeringar`}. Ta bort ${placements.length === 1 ? 'den' : 'dem'} först om ${placements.length === 1 ? 'den är felaktig' : 'de är felaktiga'}.`,
          );
        }
        await repo.insertRemovedRecord(trx, {
          kind: 'child',
          recordId: child.id,
          record: JSON.stringify(child),
          removedBy: input.removedBy,
          removedAt: clock.now(),
          reason: input.reason,
        });
        await repo.deleteChild(trx, child.id);
        return toChild(child, false);
      });
    },

    removeEvent(id: string): Promise<RecordedEvent> {
      return inTransaction(db, async (trx) => {
        const event = await repo.getEvent(trx, id);
        if (!event) throw notFound('Händelsen');
        await repo.deleteEvent(trx, id);
        return toEvent(event);
      });
    },

    async listHomeEvents(homeId: string): Promise<RecordedEvent[]> {
      if ((await repo.homesById(db, [homeId])).size === 0) throw notFound('Hemmet');
      return (await repo.listEvents(db, { homeId })).map(toEvent);
    },
  };
}

export type PlacementsService = ReturnType<typeof createPlacementsService>;

/** Events that happen while the child is placed: before the start they cannot be (rules.md counts them from it). */
const duringTheStay: readonly string[] = [
  'overvagande',
  'omprovning',
  'vardnadsoverflyttning-overvagande',
  'barnsamtal',
  'uppfoljningsbesok',
  'jourhem-sarskilda-skal',
  'uppfoljning-avslutad',
];
const eventTypeNames: Partial<Record<string, string>> = {
  overvagande: 'Ett övervägande',
  omprovning: 'En omprövning',
  'vardnadsoverflyttning-overvagande': 'Ett övervägande om vårdnadsöverflyttning',
  barnsamtal: 'Ett samtal med barnet',
  uppfoljningsbesok: 'Ett uppföljningsbesök',
  'jourhem-sarskilda-skal': 'Särskilda skäl för jourhem',
  'uppfoljning-avslutad': 'En uppföljning efter vården',
};
