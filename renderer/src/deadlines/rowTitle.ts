import type { DeadlineRow } from '../../../preload/api';
import { registerLabels } from '../labels';

/** A re-check reminder names the adult and the register; other deadlines keep the rule's title. */
export function deadlineTitle(row: Pick<DeadlineRow, 'rule' | 'title' | 'register' | 'personName'>): string {
  if (row.rule !== 'registerkontroll-fortlopande' || row.register === null) return row.title;
  const who = row.personName ? ` för ${row.personName}` : '';
  return `Registerkontroll: ${registerLabels[row.register]}${who}`;
}
