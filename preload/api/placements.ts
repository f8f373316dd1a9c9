/**
 * Children, their placements (with stays: omplacering is a new stay) and the events recorded on
 * placements and homes. A protected identity is masked in main unless the caller asks to reveal it.
 */
import { z } from 'zod';
import {
  endReasons,
  eventTypes,
  ivoVerdicts,
  legalBases,
  type EndReason,
  type EventType,
  type IvoVerdict,
  type LegalBasis,
  type StayForm,
} from '../../main/domain/vocabulary';
import { DAILY_COST_MAX, DAILY_COST_MESSAGE } from '../../main/domain/daily-cost';
import { channel } from './channel';
import type { DecisionCheckRow } from './checks';
import type { DeadlineRow } from './deadlines';
import { byId, chosen, date, empty, id, optionalDate, optionalText, orNull, pageLimit, pageOffset, query, rowVersion, sortBy, trimmed, versionIfEdit, versionIfEditIssue } from './fields';

/** A child: minimal identity (data minimisation). */
export interface Child {
  id: string;
  /** Name or initials; null when none is recorded, or when withheld (`masked`). */
  name: string | null;
  /**
   * Null when withheld (`masked`): a full birth date plus a municipality can point out a
   * protected child. `birthYear` is always given (the label shows it anyway).
   */
  birthDate: string | null;
  birthYear: number;
  /** Null when none is recorded, or when withheld. */
  personnummer: string | null;
  protectedIdentity: boolean;
  /** Protected identity and not revealed: `name`, `birthDate` and `personnummer` are withheld. */
  masked: boolean;
  /** How the UI names the child: the name, "Skyddad identitet (f. 2012)", or "Barn f. 2012-03-04". */
  label: string;
  /** The version read: a save names it (fields.ts `rowVersion`). */
  rowVersion: number;
}

export interface ChildListRow extends Child {
  /** Placements of the child, and whether one is active on the date asked for. */
  placementCount: number;
  activePlacementId: string | null;
}

export interface Stay {
  /** 0-based position in the placement. */
  ordinal: number;
  /**
   * Null, and the name "Skyddat boende", while the child's identity is protected and not revealed:
   * where a protected child lives must not leak (revealed on the placement's page only).
   */
  homeId: string | null;
  homeName: string;
  form: StayForm;
  from: string;
  /** The day the child left (the next stay's `from`, or the placement's end); null while it lasts. */
  to: string | null;
  /** The decision for this very stay, when it differs from the placement's. */
  decidedOn: string | null;
  /** Jourhem: the day the investigation (utredning) was completed. */
  investigationCompletedOn: string | null;
}

export interface Placement {
  id: string;
  childId: string;
  legalBasis: LegalBasis;
  decidedOn: string;
  startedOn: string;
  endedOn: string | null;
  endReason: EndReason | null;
  caseworker: string | null;
  unit: string | null;
  /** Dygnskostnad in whole kronor; null when not known. */
  dailyCost: number | null;
  stays: Stay[];
  /** The version read: a save names it (fields.ts `rowVersion`). */
  rowVersion: number;
}

/** An event on a placement (`placementId`) or on a home (`homeId`). */
export interface RecordedEvent {
  id: string;
  placementId: string | null;
  homeId: string | null;
  type: EventType;
  date: string;
  comment: string | null;
  /** `ivo-tillsyn` only: what IVO concluded; null when not recorded. */
  verdict: IvoVerdict | null;
}

/** A row of the list of placements. */
export interface PlacementListRow {
  id: string;
  childId: string;
  childLabel: string;
  legalBasis: LegalBasis;
  decidedOn: string;
  startedOn: string;
  endedOn: string | null;
  caseworker: string | null;
  unit: string | null;
  /** The stay current on the date asked for (else the last one); hidden as in `Stay` for a protected child. */
  homeId: string | null;
  homeName: string;
  form: StayForm;
  active: boolean;
  overdueCount: number;
}

/**
 * The handläggare and enheter written on placements, for the placement form to suggest: each
 * name once (in its most used spelling), in Swedish order. A municipality has tens of them, so
 * the whole list travels.
 */
export interface PlacementSuggestions {
  caseworkers: string[];
  units: string[];
}

/** Everything a placement's page shows. */
export interface PlacementDetail {
  placement: Placement;
  child: Child;
  /** The placement's events, newest first. */
  events: RecordedEvent[];
  /** Its open deadlines on the date asked for. */
  deadlines: DeadlineRow[];
  /** The child's other placements, for the history. */
  otherPlacements: PlacementListRow[];
  /** `registerkontroll` and `ivo-tillstand` of its stays, judged as of the date asked for. */
  checks: DecisionCheckRow[];
}

export const childInput = z
  .object({
    id: id.optional(),
    name: optionalText(200),
    birthDate: date,
    personnummer: optionalText(20),
    protectedIdentity: z.boolean().default(false),
    /** The version the form was read at; absent when the child is registered. */
    rowVersion: rowVersion.optional(),
  })
  .strict();
export type ChildInput = z.output<typeof childInput>;

export const stayInput = z
  .object({
    homeId: chosen('ett hem'),
    from: date,
    to: optionalDate,
    decidedOn: optionalDate,
    investigationCompletedOn: optionalDate,
  })
  .strict();
export type StayInput = z.output<typeof stayInput>;

/**
 * A placement as its form saves it. The stays' forms follow from their homes' kinds; the service
 * checks the rules that need the register (the stays tile the placement, the homes can take them).
 */
export const placementInput = z
  .object({
    id: id.optional(),
    /** The child, or `newChild` to register one in the same transaction (nothing is left behind if the placement fails). */
    childId: chosen('ett barn').optional(),
    newChild: childInput.omit({ id: true, rowVersion: true }).optional(),
    legalBasis: z.enum(legalBases, 'Välj SoL, LVU 2 § eller LVU 3 §.'),
    decidedOn: date,
    startedOn: date,
    endedOn: optionalDate,
    endReason: orNull(z.enum(endReasons, 'Välj en orsak.')),
    caseworker: optionalText(200),
    unit: optionalText(200),
    /**
     * Dygnskostnad, whole kronor. Absent or null is "not known": the placement is saved without one
     * (the form always sends it). Optional in the type too, so callers older than the field still compile.
     */
    dailyCost: orNull(z.int(DAILY_COST_MESSAGE).min(0, DAILY_COST_MESSAGE).max(DAILY_COST_MAX, DAILY_COST_MESSAGE)).optional(),
    stays: z.array(stayInput).min(1, 'En placering har minst en vistelse.').max(100, 'Högst 100 vistelser.'),
    /** The version the form was read at; absent when the placement is created. */
    rowVersion: rowVersion.optional(),
  })
  .strict()
  .refine((p) => (p.childId === undefined) !== (p.newChild === undefined), {
    message: 'Välj ett barn, eller lägg in ett nytt.',
    path: ['childId'],
  })
  .refine(versionIfEdit, versionIfEditIssue);
export type PlacementInput = z.output<typeof placementInput>;

/** Omplacering: the current stay ends on `on` and a new one begins there, in `homeId`. */
export const movePlacementInput = z
  .object({
    id,
    on: date,
    homeId: chosen('ett hem'),
    decidedOn: optionalDate,
    investigationCompletedOn: optionalDate,
  })
  .strict();
export type MovePlacementInput = z.output<typeof movePlacementInput>;

export const endPlacementInput = z.object({ id, on: date, reason: z.enum(endReasons, 'Välj en orsak.') }).strict();
export type EndPlacementInput = z.output<typeof endPlacementInput>;

/** An event on exactly one of a placement or a home; the service checks the type fits. */
export const eventInput = z
  .object({
    placementId: id.optional(),
    homeId: id.optional(),
    type: z.enum(eventTypes, 'Välj vad som har gjorts.'),
    date,
    comment: optionalText(2000),
    /** `ivo-tillsyn` only (the service refuses it on other types). */
    verdict: orNull(z.enum(ivoVerdicts, 'Välj IVO:s bedömning.')),
  })
  .strict()
  .refine((e) => (e.placementId === undefined) !== (e.homeId === undefined), {
    message: 'Ange antingen en placering eller ett hem.',
    path: ['placementId'],
  });
export type EventInput = z.output<typeof eventInput>;

/** A placement or child entered by mistake, removed: the whole record is kept in the history with who and why. */
export const removeRecordInput = z.object({ id, reason: trimmed(500), removedBy: trimmed(200) }).strict();
export type RemoveRecordInput = z.output<typeof removeRecordInput>;

/** Ångra right after an omplacering: the stay that began `from` in `homeId` goes, and the one before it goes on. */
export const undoMoveInput = z.object({ id, homeId: id, from: date }).strict();
export type UndoMoveInput = z.output<typeof undoMoveInput>;

export const listChildrenInput = z.object({ query, date }).strict();
export const listPlacementsInput = z.object({ date, query, activeOnly: z.boolean().default(false) }).strict();
export type ListPlacementsInput = z.output<typeof listPlacementsInput>;

/** The columns the list of placements can be sorted by (the grid's column ids). */
export const placementSortColumns = ['child', 'legalBasis', 'home', 'startedOn', 'endedOn', 'caseworker', 'unit', 'overdue'] as const;
export type PlacementSortColumn = (typeof placementSortColumns)[number];

/** The most rows one answer carries: a window shows a few dozen, the grid asks for blocks of 100. */
export const PLACEMENT_PAGE_LIMIT = 500;

/**
 * One page of the list of placements, filtered (`query`, `activeOnly`), sorted and cut out in main.
 * Names sort in Swedish order (Å, Ä, Ö after Z); a placement without handläggare or enhet comes
 * after the others in either direction, and an ongoing placement ends later than any date. Ties
 * go newest first.
 */
export const listPlacementPageInput = z
  .object({
    date,
    query,
    activeOnly: z.boolean().default(false),
    offset: pageOffset,
    limit: pageLimit(PLACEMENT_PAGE_LIMIT),
    sort: sortBy(placementSortColumns).default({ column: 'child', direction: 'asc' }),
  })
  .strict();
export type ListPlacementPageInput = z.output<typeof listPlacementPageInput>;
export type PlacementSort = ListPlacementPageInput['sort'];

/** A page of the list of placements, and how many there are in all. */
export interface PlacementPage {
  /** The rows from `offset`, at most `limit` (and never more than PLACEMENT_PAGE_LIMIT). */
  rows: PlacementListRow[];
  /** How many placements the search and "Bara pågående" find: the grid's row count. */
  total: number;
  /**
   * How many more the search finds that "Bara pågående" leaves out (ended, or not yet begun);
   * 0 without `activeOnly`. With `total` it tells whether the register has placements at all.
   */
  hidden: number;
}
/** Why a protected identity is shown: asked every time, and written in the access log with the reveal. */
const revealReason = optionalText(500);
const reasonGiven = { message: 'Ange varför du behöver se de skyddade uppgifterna.', path: ['reason'] };
const withReason = (input: { reveal: boolean; reason: string | null }) => !input.reveal || input.reason !== null;

export const getPlacementInput = z
  .object({ id, date, reveal: z.boolean().default(false), reason: revealReason })
  .strict()
  .refine(withReason, reasonGiven);
export type GetPlacementInput = z.output<typeof getPlacementInput>;

export const placementChannels = {
  /** Children; a protected identity is masked unless `reveal` is asked for. */
  listChildren: channel(listChildrenInput).returns<ChildListRow[]>(),
  getChild: channel(z.object({ id, reveal: z.boolean().default(false), reason: revealReason }).strict().refine(withReason, reasonGiven)).returns<Child>(),
  saveChild: channel(childInput.refine(versionIfEdit, versionIfEditIssue)).returns<Child>(),

  /** Every placement the search finds, newest first: for callers that want them all (the whole list is large). */
  listPlacements: channel(listPlacementsInput).returns<PlacementListRow[]>(),
  /** One page of the list of placements, filtered, sorted and paged in main, with the count of all it finds. */
  listPlacementPage: channel(listPlacementPageInput).returns<PlacementPage>(),
  getPlacement: channel(getPlacementInput).returns<PlacementDetail>(),
  savePlacement: channel(placementInput).returns<Placement>(),
  /** Read-only: what handläggare and enhet have been written before, for the form's suggestions. */
  getPlacementSuggestions: channel(empty).returns<PlacementSuggestions>(),
  movePlacement: channel(movePlacementInput).returns<Placement>(),
  undoMove: channel(undoMoveInput).returns<Placement>(),
  endPlacement: channel(endPlacementInput).returns<Placement>(),
  /** Removes a placement entered by mistake, with its stays and events; returns what was removed. */
  removePlacement: channel(removeRecordInput).returns<Placement>(),
  /** Removes a child entered by mistake; refused while it has placements. */
  removeChild: channel(removeRecordInput).returns<Child>(),

  recordEvent: channel(eventInput).returns<RecordedEvent>(),
  /** Removes a recorded event (Ångra, or a mistake); returns what was removed. */
  removeEvent: channel(byId).returns<RecordedEvent>(),
  listHomeEvents: channel(z.object({ homeId: id }).strict()).returns<RecordedEvent[]>(),
};
