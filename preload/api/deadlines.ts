/** The bevakningslista: every open deadline of rules.md on a day, with its counts. */
import { z } from 'zod';
import { deadlineRules, deadlineStatuses, type DeadlineRule, type DeadlineStatus, type EventType, type PersonRegister } from '../../main/domain/vocabulary';
import { channel } from './channel';
import { asOf, date, pageLimit, pageOffset, query, sortBy } from './fields';

/** A deadline as the bevakningslista and a placement's page show it. */
export interface DeadlineRow {
  /**
   * A deadline rule, the recurring register check of a foster-home adult (a reminder beside them),
   * or an action decided after a random file audit, until it is done.
   */
  rule: DeadlineRule | 'registerkontroll-fortlopande' | 'egenkontroll-atgard';
  /** Null for the home rule `fler-an-tre-barn`. */
  placementId: string | null;
  /** The current home, or the home of a home rule; null after the placement ended. */
  homeId: string | null;
  homeName: string | null;
  dueOn: string;
  /** The date the deadline was counted from, and (`basisLabel`) what that date is, in Swedish. */
  basisOn: string;
  basisLabel: string;
  status: DeadlineStatus;
  legalRef: string;
  /** The rule in plain Swedish: a short title and one sentence of what the law asks. */
  title: string;
  explanation: string;
  /** The event that renews or satisfies the deadline: what to record; null when a register check is (on the home), or a deviation's step. */
  satisfiedBy: EventType | null;
  /** `lex-sarah-anmalan`: the deviation whose anmälan till IVO is due (recorded on it). */
  deviationId: string | null;
  /** `egenkontroll-atgard`: the audit round whose action it is (done on the round's page). */
  auditRoundId: string | null;
  /** `registerkontroll-fortlopande`: the adult to re-check and the register. */
  personId: string | null;
  personName: string | null;
  register: PersonRegister | null;
  /** Jourhem overruns: when särskilda skäl were documented during the stay, if they were. */
  specialReasonsOn: string | null;
  childId: string | null;
  childLabel: string | null;
  /**
   * Whose the row is, as shown ("Handläggare A, Handläggare B"); null when nobody is given. A
   * placement's deadline: its handläggare and enhet. A home's row (a re-check, a home rule): those
   * of the placements with a child living in the home on the day, a protected child's left out
   * (they would tell where it lives).
   */
  caseworker: string | null;
  /** The same handläggare one by one, in Swedish order, for filtering; empty when nobody is given. */
  caseworkers: string[];
  unit: string | null;
  units: string[];
}

export interface DeadlineCounts {
  overdue: number;
  dueSoon: number;
  upcoming: number;
}

export interface DeadlineOverview {
  date: string;
  rows: DeadlineRow[];
  /**
   * The deadlines of `rows` by status. The re-checks among them (`registerkontroll-fortlopande`) are
   * not counted here: they are checks, counted once, by the list of checks (`CheckOverview.counts`).
   */
  counts: DeadlineCounts;
}

/** The rules a row of the bevakningslista can have: the deadline rules, the re-check reminders and the audits' actions. */
export const deadlineRowRules = [...deadlineRules, 'registerkontroll-fortlopande', 'egenkontroll-atgard'] as const;
export type DeadlineRowRule = (typeof deadlineRowRules)[number];

/** The columns the bevakningslista can be sorted by (the grid's column ids). */
export const deadlineSortColumns = ['status', 'dueOn', 'title', 'legalRef', 'child', 'caseworker'] as const;
export type DeadlineSortColumn = (typeof deadlineSortColumns)[number];

/** The most rows one answer carries: a window shows a few dozen, the bevakningslista pages of 100. */
export const DEADLINE_PAGE_LIMIT = 500;

/**
 * A handläggare or enhet to filter by: absent for all; a name for the rows that are theirs (a
 * home's row, e.g. a re-check, belongs to each handläggare of the children living there); null for
 * "Ingen angiven", a placement's rows that have none.
 */
const ownerFilter = (what: string) =>
  z.string(`Välj ${what} i listan.`).trim().min(1, `Välj ${what} i listan.`).max(200, 'Högst 200 tecken.').nullable().optional();

/**
 * One page of the bevakningslista, filtered, sorted and cut out in main. The filters are those of
 * the page: handläggare, enhet, regel, status and the quick search (the whole text, in Swedish
 * lower case, within the child, the home, the title, the handläggare or the adult). Without
 * `sort` the list's own order (due date, placement, rule); with it, that order breaks ties.
 */
export const listDeadlinePageInput = z
  .object({
    date,
    caseworker: ownerFilter('en handläggare'),
    unit: ownerFilter('en enhet'),
    rule: z.enum(deadlineRowRules, 'Välj en regel i listan.').optional(),
    status: z.enum(deadlineStatuses, 'Välj Försenade, Snart eller Kommande.').optional(),
    query,
    sort: sortBy(deadlineSortColumns).optional(),
    offset: pageOffset,
    limit: pageLimit(DEADLINE_PAGE_LIMIT),
  })
  .strict();
export type ListDeadlinePageInput = z.output<typeof listDeadlinePageInput>;
export type DeadlineSort = NonNullable<ListDeadlinePageInput['sort']>;

/** The choices of the page's filters: what the whole list of the day has. */
export interface DeadlineFilterChoices {
  /** The handläggare and enheter of the rows, in Swedish order. */
  caseworkers: string[];
  units: string[];
  /** Whether a placement's row has no handläggare (enhet): "Ingen angiven" is a choice. */
  caseworkerNotGiven: boolean;
  unitNotGiven: boolean;
  /** The rules the rows have, in the list's order of rules. */
  rules: DeadlineRowRule[];
}

/** A page of the bevakningslista, with what the page around it shows. */
export interface DeadlinePage {
  date: string;
  /** The rows from `offset`, at most `limit`. */
  rows: DeadlineRow[];
  /** How many rows every filter finds (the grid's row count), and how many of them are re-checks. */
  total: number;
  rechecks: number;
  /**
   * The deadlines every filter but the status finds, by status (the status buttons; "Alla" is
   * their sum). Re-checks are not counted: Kontroller counts them.
   */
  counts: DeadlineCounts;
  /** The rows of the whole list of the day, before any filter: 0 means nothing to watch. */
  unfiltered: number;
  choices: DeadlineFilterChoices;
}

export const deadlineChannels = {
  /** The bevakningslista: every open deadline on `date`. */
  listDeadlines: channel(asOf).returns<DeadlineOverview>(),
  /** One page of the bevakningslista, filtered, sorted and paged in main, with its counts and filter choices. */
  listDeadlinePage: channel(listDeadlinePageInput).returns<DeadlinePage>(),
  /** The navigation's counts by Bevakning: `DeadlineOverview.counts` without the list. */
  countDeadlines: channel(asOf).returns<DeadlineCounts>(),
};
