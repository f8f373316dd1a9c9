import type { HomeChecks } from '../../../preload/api';
import { dayOf } from '../today';
import { checkSummary, recordedText } from './CheckFormat';

/**
 * The earlier versions of the home's checks, newest change first: what a check said before it
 * was corrected or removed, and who changed it, when and why. Collapsed: it is for looking back.
 */
export function CheckHistory({ checks }: { checks: HomeChecks }) {
  const { history } = checks;
  if (history.length === 0) return null;
  const names = new Map(checks.persons.map((person) => [person.personId, person.name]));
  const whose = (personId: string | null) =>
    personId === null ? 'Hemmet' : (names.get(personId) ?? 'En person som inte längre finns i hushållet');

  return (
    <details className="check-history">
      <summary>Historik: {history.length === 1 ? '1 ändring' : `${history.length} ändringar`}</summary>
      <ol className="check-history__list">
        {history.map((revision) => (
          <li key={`${revision.checkId}:${revision.revision}`} className="check-history__item">
            <p className="check-history__change">
              {revision.action === 'rattad' ? 'Rättad' : 'Borttagen'} av {revision.changedBy}, {dayOf(revision.changedAt)}: {revision.reason}
            </p>
            <p className="check-history__before">
              Innan: {whose(revision.personId)} – {checkSummary(revision)} ({recordedText({ ...revision, revisions: revision.revision - 1 })}).
            </p>
          </li>
        ))}
      </ol>
    </details>
  );
}
