/** The list of checks (Kontroller): which rows are problems, which are to be acted on, and their order of urgency. */
import { describe, expect, it } from 'vitest';
import { checkListStatuses, checkStatusRank, isCheckProblem, isDueSoon, needsAction } from '../../../main/domain/check-list';
import { checkRules, decisionCheckStatuses, deadlineStatuses } from '../../../main/domain/vocabulary';

const decision = (status: (typeof decisionCheckStatuses)[number], current = true) => ({ check: 'registerkontroll' as const, status, current });
const recheck = (status: (typeof deadlineStatuses)[number]) => ({ check: 'registerkontroll-fortlopande' as const, status, current: true });

describe('Kontroller: problems, action and urgency (rules.md, checks before and during a placement)', () => {
  it('a decision check is a problem unless ok; a re-check when overdue or due soon', () => {
    expect(decisionCheckStatuses.filter((s) => isCheckProblem(decision(s)))).toEqual(['missing', 'after-decision', 'too-old', 'remark', 'invalid']);
    expect(deadlineStatuses.filter((s) => isCheckProblem(recheck(s)))).toEqual(['overdue', 'due-soon']);
  });

  it('"Att åtgärda": a problem of a placement still active, or an overdue re-check; an ended placement is history', () => {
    expect(needsAction(decision('missing'))).toBe(true);
    expect(needsAction(decision('missing', false))).toBe(false);
    expect(needsAction(decision('ok'))).toBe(false);
    expect(needsAction(recheck('overdue'))).toBe(true);
    expect(needsAction(recheck('due-soon'))).toBe(false);
    expect(isDueSoon(recheck('due-soon'))).toBe(true);
    expect(isDueSoon({ check: 'ivo-tillstand', status: 'remark' })).toBe(false);
  });

  it('every problem ranks before every status in order, and the statuses are listed most urgent first', () => {
    const rows = checkRules.flatMap((check) =>
      (check === 'registerkontroll-fortlopande' ? deadlineStatuses : decisionCheckStatuses).map((status) => ({ check, status })),
    );
    const problems = rows.filter(isCheckProblem).map(checkStatusRank);
    const inOrder = rows.filter((row) => !isCheckProblem(row)).map(checkStatusRank);
    expect(Math.max(...problems)).toBeLessThan(Math.min(...inOrder));
    const ranks = checkListStatuses.map((status) => checkStatusRank({ status }));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(checkListStatuses)).toEqual(new Set([...decisionCheckStatuses, ...deadlineStatuses]));
  });
});
