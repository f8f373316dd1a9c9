/** The statuses of the list of checks: a decision check's (rules.md) or a re-check's (a deadline's). */
import type { CheckListRow } from '../../../preload/api';
import { decisionCheckStatusLabels, deadlineStatusLabels } from '../labels';

export type CheckStatus = CheckListRow['status'];

const labels: Record<CheckStatus, string> = { ...decisionCheckStatusLabels, ...deadlineStatusLabels };

export const statusLabel = (status: CheckStatus): string => labels[status];

/**
 * A status that is wrong in itself (the ✕ beside it): a decision check that is not OK, also of an
 * ended placement, or a re-check that is overdue or due soon.
 */
export function isProblem(row: Pick<CheckListRow, 'check' | 'status'>): boolean {
  if (row.check === 'registerkontroll-fortlopande') return row.status === 'overdue' || row.status === 'due-soon';
  return row.status !== 'ok';
}

/**
 * "Att åtgärda": a decision check that is not OK of a placement still active, or an overdue
 * re-check. Exactly what the nav badge counts (counts.problems + counts.overdue), so the two agree.
 */
export function needsAction(row: Pick<CheckListRow, 'check' | 'status' | 'current'>): boolean {
  if (row.check === 'registerkontroll-fortlopande') return row.status === 'overdue';
  return row.status !== 'ok' && row.current;
}

/** "Snart": a re-check due soon (counts.dueSoon). */
export const isDueSoon = (row: Pick<CheckListRow, 'check' | 'status'>): boolean =>
  row.check === 'registerkontroll-fortlopande' && row.status === 'due-soon';

const order: Record<CheckStatus, number> = {
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

/** The most urgent first. */
export const statusOrder = (row: Pick<CheckListRow, 'status'>): number => order[row.status];

/** Every status, in the order a filter offers them. */
export const allStatuses = (Object.keys(order) as CheckStatus[]).sort((a, b) => order[a] - order[b]);
