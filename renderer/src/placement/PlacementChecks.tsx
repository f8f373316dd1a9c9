import type { DecisionCheckRow } from '../../../preload/api';
import { decisionCheckStatusLabels, ruleLabels, svCollator } from '../labels';
import { HomeLink } from '../routing/links';
import { statusOrder } from '../checks/status';
import { checkSubject } from './ReadinessPanel';
import { LegalRef } from '../components/LegalRef';

/** The gravest first (missing before late, late before a remark), then the latest decision. */
function compareChecks(a: DecisionCheckRow, b: DecisionCheckRow): number {
  return (
    statusOrder(a) - statusOrder(b) ||
    b.decisionOn.localeCompare(a.decisionOn) ||
    svCollator.compare(a.homeName, b.homeName) ||
    svCollator.compare(checkSubject(a), checkSubject(b))
  );
}

const keyOf = (row: DecisionCheckRow) => `${row.homeId}:${row.decisionOn}:${row.personId ?? ''}:${row.register}`;

/**
 * The register checks (`registerkontroll`) and IVO permits (`ivo-tillstand`) the placement's
 * decisions rested on, judged after the fact: what was missing, late, too old or needs a look.
 */
export function PlacementChecks({ checks }: { checks: DecisionCheckRow[] }) {
  const sorted = [...checks].sort(compareChecks);
  const problems = checks.filter((row) => row.status !== 'ok').length;
  return (
    <section className="placement-card" aria-labelledby="placement-checks-title">
      <h2 id="placement-checks-title" className="placement-card__title">
        Kontroller före beslut
        {checks.length > 0 && (
          <span className="placement-card__count">
            {' '}
            ({problems === 0 ? 'alla OK' : problems === 1 ? '1 brist' : `${problems} brister`})
          </span>
        )}
      </h2>
      {sorted.length === 0 ? (
        <p className="muted">Inga kontroller krävs för placeringens hem.</p>
      ) : (
        <ul className="check-list">
          {sorted.map((row) => {
            const key = keyOf(row);
            const ok = row.status === 'ok';
            return (
              <li key={key} className={ok ? 'check-item' : 'check-item check-item--problem'}>
                <div className="check-item__top">
                  <span className={ok ? 'badge badge--check-ok' : 'badge badge--check-problem'}>
                    <span aria-hidden="true">{ok ? '✓ ' : '✕ '}</span>
                    {decisionCheckStatusLabels[row.status]}
                  </span>
                  <span className="check-item__kind">{ruleLabels[row.check]}</span>
                </div>
                <h3 className="check-item__title">{checkSubject(row)}</h3>
                <p className="check-item__text">{row.explanation}</p>
                <p className="check-item__meta">
                  <HomeLink homeId={row.homeId} homeName={row.homeName} />
                  {' · '}Beslut {row.decisionOn}
                  {' · '}
                  {row.checkedOn ? `Kontrollerad ${row.checkedOn}` : 'Ingen kontroll registrerad'}
                  {' · '}
                  <LegalRef className="check-item__ref" reference={row.legalRef} on={row.decisionOn} />
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
