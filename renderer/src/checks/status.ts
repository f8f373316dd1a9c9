/** The statuses of the list of checks: a decision check's (rules.md) or a re-check's (a deadline's). */
import { checkListStatuses, type CheckListRow } from '../../../preload/api';
import { decisionCheckStatusLabels, deadlineStatusLabels } from '../labels';

export { checkStatusRank as statusOrder, isCheckProblem as isProblem, isDueSoon, needsAction } from '../../../preload/api';

export type CheckStatus = CheckListRow['status'];

const labels: Record<CheckStatus, string> = { ...decisionCheckStatusLabels, ...deadlineStatusLabels };

export const statusLabel = (status: CheckStatus): string => labels[status];

/** Every status, in the order a filter offers them (the most urgent first). */
export const allStatuses: readonly CheckStatus[] = checkListStatuses;
