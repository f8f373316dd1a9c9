import type { DeviationCounts } from '../../../preload/api';
import './deviations.css';

/**
 * Avvikelser's badges in the main menu: those not yet avslutade ("3 öppna"), and the lex Sarah
 * reports whose anmälan till IVO is late ("1 till IVO", in the overdue colour). The words say
 * what the colours only help with.
 */
export function DeviationNavCounts({ counts }: { counts: DeviationCounts }) {
  if (counts.open === 0 && counts.ivoOverdue === 0) return null;
  return (
    <span className="nav-counts">
      {counts.open > 0 && <span className="nav-count nav-count--open">{counts.open} {counts.open === 1 ? 'öppen' : 'öppna'}</span>}
      {counts.ivoOverdue > 0 && <span className="nav-count nav-count--overdue">{counts.ivoOverdue} till IVO</span>}
    </span>
  );
}
