/**
 * "Redo för beslut?": while a placement in a home is being decided, the register and permit checks
 * that decision rests on. Green only when every check is made before the decision and is fresh;
 * otherwise each missing or stale check is named, with what to do.
 */
import { useEffect, useState } from 'react';
import type { DecisionCheckRow, Readiness } from '../../../preload/api';
import { api } from '../bridge/api';
import { decisionCheckStatusLabels, registerLabels } from '../labels';
import { useDebounced } from '../register/useDebounced';

export interface ReadinessQuery {
  homeId: string;
  decisionOn: string;
  /** The day the stay would begin; the child's birth date (the permit's age range), when known. */
  from: string | null;
  birthDate: string | null;
}

const isDate = (value: string | null | undefined): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The query, once there is a home and a whole decision date; unfinished dates are left out. */
export function readinessQuery(homeId: string, decisionOn: string, from: string | null, birthDate: string | null): ReadinessQuery | null {
  if (!homeId || !isDate(decisionOn)) return null;
  return { homeId, decisionOn, from: isDate(from) ? from : null, birthDate: isDate(birthDate) ? birthDate : null };
}

interface Answer {
  key: string;
  readiness: Readiness | null;
  error: string | null;
}

/** Who and what a check is about: "Belastningsregistret, Anna Ek". */
export function checkSubject(item: Pick<DecisionCheckRow, 'register' | 'personName'>): string {
  const register = registerLabels[item.register];
  return item.personName ? `${register}, ${item.personName}` : register;
}

export function ReadinessPanel(props: {
  /** Unique on the page (several stays may each show one). */
  idPrefix: string;
  query: ReadinessQuery;
  today: string;
  /** Where the missing checks are recorded: the home in the register. */
  onOpenHome?: (homeId: string) => void;
}) {
  const { idPrefix, today, onOpenHome } = props;
  const key = JSON.stringify({ ...props.query, today });
  // Dates change part by part as they are typed: ask once they have settled.
  const settled = useDebounced(key, 300);
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => {
    let current = true;
    const { homeId, decisionOn, from, birthDate, today: date } = JSON.parse(settled) as ReadinessQuery & { today: string };
    void api.checkReadiness({ homeId, decisionOn, from, birthDate, date }).then((result) => {
      // An answer to an earlier question (another home or date) is dropped.
      if (!current) return;
      setAnswer(result.ok ? { key: settled, readiness: result.value, error: null } : { key: settled, readiness: null, error: result.error.message });
    });
    return () => {
      current = false;
    };
  }, [settled]);

  const titleId = `${idPrefix}-readiness-title`;
  const fresh = answer !== null && answer.key === key ? answer : null;
  const readiness = fresh?.readiness ?? null;
  const problems = readiness ? readiness.items.filter((item) => item.status !== 'ok') : [];
  const state = !readiness ? 'pending' : !readiness.ready ? 'problem' : readiness.items.length === 0 ? 'none' : 'ready';

  return (
    <div className={`readiness readiness--${fresh?.error ? 'problem' : state}`} role="group" aria-labelledby={titleId}>
      <h3 id={titleId} className="readiness__title">Redo för beslut?</h3>
      <div role="status" aria-live="polite" aria-atomic="true" className="readiness__summary">
        {fresh === null ? (
          <p className="readiness__line muted">Kontrollerar registerkontroller och tillstånd…</p>
        ) : fresh.error !== null ? (
          <p className="readiness__line">
            <span className="readiness__icon" aria-hidden="true">!</span>
            Kontrollerna kunde inte hämtas. {fresh.error}
          </p>
        ) : state === 'ready' ? (
          <p className="readiness__line">
            <span className="readiness__icon" aria-hidden="true">✓</span>
            Redo för beslut: alla kontroller är gjorda före beslutet och är aktuella.
          </p>
        ) : state === 'none' ? (
          <p className="readiness__line">Inga register- eller tillståndskontroller krävs för det här hemmet.</p>
        ) : (
          <p className="readiness__line">
            <span className="readiness__icon" aria-hidden="true">✕</span>
            <strong>Inte redo för beslut.</strong> {problemCount(problems.length, readiness?.refusals.length ?? 0)}
          </p>
        )}
      </div>
      {readiness && (readiness.refusals.length > 0 || problems.length > 0) && (
        <ul className="readiness__list">
          {readiness.refusals.map((refusal) => (
            <li key={refusal} className="readiness__item">
              <span className="badge badge--check-problem">Täcks inte av tillståndet</span>
              <span>{refusal}</span>
            </li>
          ))}
          {problems.map((item) => (
            <li key={`${item.personId ?? ''}:${item.register}`} className="readiness__item">
              <span className="badge badge--check-problem">{decisionCheckStatusLabels[item.status]}</span>
              <span>
                {item.explanation}
                {item.checkedOn && <span className="muted"> Senaste kontroll {item.checkedOn}.</span>}
                <span className="readiness__ref"> {item.legalRef}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {readiness && state === 'ready' && (
        <details className="readiness__details">
          <summary>Visa kontrollerna ({readiness.items.length})</summary>
          <ul className="readiness__done">
            {readiness.items.map((item) => (
              <li key={`${item.personId ?? ''}:${item.register}`}>
                {checkSubject(item)}: kontrollerad {item.checkedOn ?? '–'}
              </li>
            ))}
          </ul>
        </details>
      )}
      {onOpenHome && problems.length > 0 && (
        <p className="readiness__action">
          <button type="button" className="button" onClick={() => onOpenHome(props.query.homeId)}>
            Öppna hemmet
          </button>
          <span className="field__hint">Kontrollerna registreras på hemmet i registret. Osparade uppgifter i formuläret följer inte med.</span>
        </p>
      )}
    </div>
  );
}

function problemCount(problems: number, refusals: number): string {
  const parts: string[] = [];
  if (refusals > 0) parts.push('Hemmets tillstånd täcker inte placeringen.');
  if (problems === 1) parts.push('1 kontroll saknas eller brister.');
  else if (problems > 1) parts.push(`${problems} kontroller saknas eller brister.`);
  return parts.join(' ');
}
