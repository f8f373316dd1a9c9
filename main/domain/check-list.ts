/**
 * The list of checks (Kontroller) as rules.md's checks section reads it: which rows are wrong in
 * themselves, which are still to be acted on (the nav badge), which are due soon, and the order of
 * urgency. Shared by main, which filters and counts the list, and the window, which marks its rows.
 */
import type { CheckRule, DeadlineStatus, DecisionCheckStatus } from './vocabulary';

export type CheckListStatus = DecisionCheckStatus | DeadlineStatus;

/** Every status of a row of Kontroller, the most urgent first: a decision check's and a re-check's. */
export const checkListStatuses = [
  'missing',
  'invalid',
  'overdue',
  'after-decision',
  'too-old',
  'remark',
  'due-soon',
  'upcoming',
  'ok',
] as const satisfies readonly CheckListStatus[];

interface Judged {
  check: CheckRule;
  status: CheckListStatus;
}

/**
 * A status that is wrong in itself (the ✕ beside it): a decision check that is not OK, also of an
 * ended placement, or a re-check that is overdue or due soon.
 */
export function isCheckProblem(row: Judged): boolean {
  if (row.check === 'registerkontroll-fortlopande') return row.status === 'overdue' || row.status === 'due-soon';
  return row.status !== 'ok';
}

/**
 * "Att åtgärda": a decision check that is not OK of a placement still active, or an overdue
 * re-check. Exactly what the nav badge counts (counts.problems + counts.overdue), so the two agree.
 */
export function needsAction(row: Judged & { current: boolean }): boolean {
  if (row.check === 'registerkontroll-fortlopande') return row.status === 'overdue';
  return row.status !== 'ok' && row.current;
}

/** "Snart": a re-check due soon (counts.dueSoon). */
export const isDueSoon = (row: Judged): boolean =>
  row.check === 'registerkontroll-fortlopande' && row.status === 'due-soon';

const statusRanks: Record<CheckListStatus, number> = {
  missing: 0,
  invalid: 0,
  overdue: 0,
  'after-decision': 1,
  'too-old': 1,
  remark: 2,
  'due-soon': 2,
  upcoming: 3,
  ok: 4,
};

/** The most urgent first: the order of the Status column. */
export const checkStatusRank = (row: Pick<Judged, 'status'>): number => statusRanks[row.status];

