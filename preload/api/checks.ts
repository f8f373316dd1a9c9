/**
 * Register checks of foster homes' adults and IVO permits of HVB and stödboende (rules.md's
 * checks): recorded with who and when, corrected and removed with the history kept, judged before
 * a decision ("Redo för beslut?") and listed.
 */
import { z } from 'zod';
import type { RegisterCatalogueEntry } from '../../main/domain/rule-settings';
import {
  checkOutcomes,
  checkRules,
  permitForms,
  registers,
  type CheckOutcome,
  type DeadlineStatus,
  type DecisionCheckStatus,
  type PermitForm,
  type PersonRegister,
  type PersonRole,
  type Register,
} from '../../main/domain/vocabulary';
import { checkListStatuses } from '../../main/domain/check-list';
import { channel } from './channel';
import { age, asOf, chosen, date, id, optionalText, orNull, pageLimit, pageOffset, query, rowVersion, sortBy, trimmed } from './fields';
import type { RecordedEvent } from './placements';

/** What an IVO permit covers, as verified (any part may be unknown). */
export interface PermitScope {
  forms: PermitForm[];
  minAge: number | null;
  maxAge: number | null;
  places: number | null;
  targetGroup: string | null;
  /** Org.nr of the permit holder (tillståndshavare). */
  holderOrgNr: string | null;
}

/** A register check of an adult (`personId`) or an IVO permit verification of a home (`homeId`). Never the extract's contents. */
export interface RegisterCheck {
  id: string;
  personId: string | null;
  homeId: string | null;
  register: Register;
  checkedOn: string;
  outcome: CheckOutcome;
  /** Diarienummer or the permit's reference. */
  reference: string | null;
  /** `ivo-tillstand` only. */
  permit: PermitScope | null;
  /** Who recorded (or last corrected) it and when (ISO timestamp); null for imported checks. */
  recordedBy: string | null;
  recordedAt: string | null;
  /** How many earlier versions the history keeps. */
  revisions: number;
  /** The version read: a correction or removal names it (fields.ts `rowVersion`). */
  rowVersion: number;
}

/** An earlier version of a check, kept when it was corrected or removed (who, when, why). */
export interface RegisterCheckRevision extends Omit<RegisterCheck, 'id' | 'revisions' | 'rowVersion'> {
  checkId: string;
  /** 1 for the first recorded version. */
  revision: number;
  action: 'rattad' | 'borttagen';
  changedBy: string;
  changedAt: string;
  reason: string;
}

/** One register of one adult: the newest check and when the next is due while a child lives there. */
export interface PersonRegisterStatus {
  register: PersonRegister;
  required: boolean;
  newestCheckedOn: string | null;
  newestOutcome: CheckOutcome | null;
  /** `registerkontroll-fortlopande` when the home has a child in it on the date; null otherwise. */
  dueOn: string | null;
  status: DeadlineStatus | null;
}

/** An adult of a foster home's household with their checks (newest first) and per-register status. */
export interface PersonChecks {
  personId: string;
  name: string;
  role: PersonRole;
  checks: RegisterCheck[];
  registers: PersonRegisterStatus[];
}

/** Everything the home panel shows about checks. */
export interface HomeChecks {
  homeId: string;
  date: string;
  /** Foster homes: every adult of the household. */
  persons: PersonChecks[];
  /** HVB and stödboende: IVO permit verifications, newest first. */
  permits: RegisterCheck[];
  /** Whether this home needs a verified permit before a decision (an enskild HVB or stödboende). */
  permitRequired: boolean;
  /** IVO inspections (`ivo-tillsyn` events), newest first. */
  inspections: RecordedEvent[];
  /** Earlier versions of this home's checks and its adults', newest change first. */
  history: RegisterCheckRevision[];
  /** The catalogue in force, for the form's list of registers. */
  catalogue: RegisterCatalogueEntry[];
}

/** A `registerkontroll` or `ivo-tillstand` result as the window shows it. */
export interface DecisionCheckRow {
  check: 'registerkontroll' | 'ivo-tillstand';
  /** Null when asked before a placement exists ("Redo för beslut?"). */
  placementId: string | null;
  /** Null, with the name "Skyddat boende" and no person, for a protected child's stay not revealed. */
  homeId: string | null;
  homeName: string;
  personId: string | null;
  personName: string | null;
  register: Register;
  decisionOn: string;
  status: DecisionCheckStatus;
  /** The check the status was judged on. */
  checkedOn: string | null;
  legalRef: string;
  /** One sentence in Swedish of what is wrong and what to do ("Kontroll i belastningsregistret för Anna Ek saknas – kontrollera före beslut."). */
  explanation: string;
}

/** The "Redo för beslut?" panel: green only when every item is `ok` and nothing refuses the placement. */
export interface Readiness {
  ready: boolean;
  items: DecisionCheckRow[];
  /** Why the home cannot take this child at all (the permit does not cover the form or the age), in Swedish. */
  refusals: string[];
  /** What one more child in the home means on the day the stay begins (over its places, more than three in a foster home), in Swedish. */
  warnings: string[];
}

/** A row of the list of checks: a decision check of a stay, or a due re-check. */
export interface CheckListRow {
  check: 'registerkontroll' | 'ivo-tillstand' | 'registerkontroll-fortlopande';
  placementId: string | null;
  /** The placed child, masked as elsewhere; null for a re-check. */
  childLabel: string | null;
  /** Hidden as in `DecisionCheckRow` for a protected child's stay. */
  homeId: string | null;
  homeName: string;
  personId: string | null;
  personName: string | null;
  register: Register;
  /** `decisionOn` for a decision check, `dueOn` for a re-check. */
  date: string;
  status: DecisionCheckStatus | DeadlineStatus;
  checkedOn: string | null;
  legalRef: string;
  explanation: string;
  /**
   * Still to be acted on as of the date: true for a re-check (given only while a child lives in
   * the home), and for a decision check whose placement is active on the date; false for a
   * decision check of an ended placement (history, which can no longer be put right).
   */
  current: boolean;
}

export interface CheckOverview {
  date: string;
  rows: CheckListRow[];
  /**
   * `problems`: decision checks that are not `ok` and `current` (of placements active on `date`;
   * an ended placement's can no longer be put right, `rows` still lists them); `overdue` /
   * `dueSoon`: re-checks with that status.
   */
  counts: CheckCounts;
}

/**
 * `problems`: decision checks that are not `ok` of placements active on the date (an ended
 * placement's can no longer be put right); `overdue` / `dueSoon`: re-checks with that status.
 */
export interface CheckCounts {
  problems: number;
  overdue: number;
  dueSoon: number;
}

/** What the cards of Kontroller choose: what to act on (the nav badge), re-checks due soon, or every check incl. ended placements. */
export const checkShows = ['action', 'due-soon', 'all'] as const;
export type CheckShow = (typeof checkShows)[number];
/** The columns main can sort Kontroller by (the grid's column ids). */
export const checkSortColumns = ['status', 'check', 'home', 'person', 'register', 'date', 'checkedOn'] as const;
export type CheckSortColumn = (typeof checkSortColumns)[number];
/** The most rows one answer carries: a few screens. */
export const CHECK_PAGE_LIMIT = 500;

/**
 * One page of Kontroller, filtered, sorted and cut out in main: the card chosen (`show`), the
 * check, the status and the quick search (in Swedish lower case, within the home, the adult and
 * the child as the list shows them). Without `sort` the list's own order (problems first, then
 * date, check, home, adult, register); with it, that order breaks ties.
 */
export const listCheckPageInput = z
  .object({
    date,
    show: z.enum(checkShows, 'Välj Att åtgärda, Snart eller Alla.').default('action'),
    check: z.enum(checkRules, 'Välj en kontroll i listan.').optional(),
    status: z.enum(checkListStatuses, 'Välj en status i listan.').optional(),
    query,
    sort: sortBy(checkSortColumns).optional(),
    offset: pageOffset,
    limit: pageLimit(CHECK_PAGE_LIMIT),
  })
  .strict();
export type ListCheckPageInput = z.output<typeof listCheckPageInput>;
export type CheckSort = NonNullable<ListCheckPageInput['sort']>;

/** A page of Kontroller, with what the page around it shows. */
export interface CheckPage {
  date: string;
  /** The rows from `offset`, at most `limit`. */
  rows: CheckListRow[];
  /** How many rows every filter finds. */
  total: number;
  /** What each card would show with the other filters: to act on, due soon, all. */
  cards: { action: number; dueSoon: number; all: number };
  /** The rows of the whole list of the day, before any filter: 0 means nothing to show. */
  unfiltered: number;
  /** The statuses that occur in the whole list (the status filter's choices), most urgent first. */
  statuses: CheckListRow['status'][];
}

export const permitScopeInput = z
  .object({
    forms: z.array(z.enum(permitForms)).min(1, 'Välj vad tillståndet gäller: HVB, stödboende eller båda.').max(2),
    minAge: orNull(age),
    maxAge: orNull(age),
    places: orNull(z.int('Ange ett heltal.').min(0, 'Kan inte vara negativt.').max(999, 'Högst 999 platser.')),
    targetGroup: optionalText(500),
    holderOrgNr: optionalText(20),
  })
  .strict()
  .refine((p) => p.minAge === null || p.maxAge === null || p.minAge <= p.maxAge, {
    message: 'Lägsta ålder får inte vara högre än högsta ålder.',
    path: ['maxAge'],
  });
export type PermitScopeInput = z.output<typeof permitScopeInput>;

/**
 * A register check as its form records it: of an adult (`personId`) or an IVO permit of a home
 * (`homeId`). Date, outcome, reference and who records it; never the contents of the extract.
 * The service checks that the register and outcome fit the subject.
 */
const registerCheckFields = {
  personId: id.optional(),
  homeId: id.optional(),
  register: z.enum(registers, 'Välj ett register.'),
  checkedOn: date,
  outcome: z.enum(checkOutcomes, 'Välj ett utfall.'),
  reference: optionalText(200),
  permit: orNull(permitScopeInput),
  /** Who records it (the case worker's name). */
  recordedBy: trimmed(200),
};
const oneSubject = <T extends { personId?: string; homeId?: string }>(c: T) => (c.personId === undefined) !== (c.homeId === undefined);
const oneSubjectIssue = { message: 'Ange antingen en person eller ett hem.', path: ['personId'] };

export const registerCheckInput = z.object(registerCheckFields).strict().refine(oneSubject, oneSubjectIssue);
export type RegisterCheckInput = z.output<typeof registerCheckInput>;

/** A correction: the earlier version is kept in the history with who, when and why. */
export const correctRegisterCheckInput = z
  .object({ ...registerCheckFields, id, reason: trimmed(500), rowVersion })
  .strict()
  .refine(oneSubject, oneSubjectIssue);
export type CorrectRegisterCheckInput = z.output<typeof correctRegisterCheckInput>;

/** Removal (a check entered by mistake, or Ångra): kept in the history with who and why. */
export const removeRegisterCheckInput = z.object({ id, reason: trimmed(500), removedBy: trimmed(200), rowVersion }).strict();
export type RemoveRegisterCheckInput = z.output<typeof removeRegisterCheckInput>;

/** "Redo för beslut?": the checks a decision on `decisionOn` to place in `homeId` would rest on. */
export const readinessInput = z
  .object({
    homeId: chosen('ett hem'),
    decisionOn: date,
    /**
     * The day the stay would begin and the child, for the permit's age range: `childId` for a child
     * in the register (main reads its birth date, which a masked child's answers withhold),
     * `birthDate` for a new child typed into the form. With both, `childId` wins.
     */
    from: orNull(date),
    childId: orNull(id),
    birthDate: orNull(date),
    /** Today: checks recorded after it have not happened yet. */
    date,
  })
  .strict();
export type ReadinessInput = z.output<typeof readinessInput>;

export const checkChannels = {
  /** Register checks of a home's adults, its IVO permits and inspections, with their history. */
  getHomeChecks: channel(z.object({ homeId: id, date }).strict()).returns<HomeChecks>(),
  recordRegisterCheck: channel(registerCheckInput).returns<RegisterCheck>(),
  correctRegisterCheck: channel(correctRegisterCheckInput).returns<RegisterCheck>(),
  removeRegisterCheck: channel(removeRegisterCheckInput).returns<RegisterCheck>(),
  /** "Redo för beslut?" for a placement being decided. */
  checkReadiness: channel(readinessInput).returns<Readiness>(),
  /** One page of Kontroller, filtered, sorted and paged in main, with the cards' counts. */
  listCheckPage: channel(listCheckPageInput).returns<CheckPage>(),
  /** The navigation's badge: the counts alone, computed in main from the open placements. */
  countChecks: channel(asOf).returns<CheckCounts>(),
};
