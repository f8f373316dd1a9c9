/**
 * "Redo för beslut?": while a placement in a home is being decided, the register and permit checks
 * that decision rests on. Green only when every check is made before the decision and is fresh;
 * otherwise each missing or stale check is named, with what to do.
 */
import { useEffect, useState } from 'react';
import { isCalendarDate } from '../../../preload/api';
import type { DecisionCheckRow, Readiness } from '../../../preload/api';
import { api } from '../bridge/api';
import { decisionCheckStatusLabels, registerLabels } from '../labels';
import { useDebounced } from '../register/useDebounced';
import { LegalRef } from '../components/LegalRef';

export interface ReadinessQuery {
  homeId: string;
  decisionOn: string;
  /**
   * The day the stay would begin, and the child for the permit's age range: `childId` for a child in
   * the register (main knows its birth date, which a masked child's answers withhold), else the
   * birth date of a new child as typed.
   */
  from: string | null;
  childId: string | null;
  birthDate: string | null;
}

/** The child a readiness query is about: one in the register, or a new one's birth date (either may be unknown). */
export type ReadinessChild = { childId: string | null } | { birthDate: string | null };

// A typed date that is not a day (2026-02-30) waits like an unfinished one: no question asked with it.
const isDate = (value: string | null | undefined): value is string => typeof value === 'string' && isCalendarDate(value);

/** The query, once there is a home and a whole decision date; unfinished dates are left out. */
export function readinessQuery(homeId: string, decisionOn: string, from: string | null, child: ReadinessChild): ReadinessQuery | null {
  if (!homeId || !isDate(decisionOn)) return null;
  const childId = 'childId' in child && child.childId ? child.childId : null;
  const birthDate = 'birthDate' in child && isDate(child.birthDate) ? child.birthDate : null;
  return { homeId, decisionOn, from: isDate(from) ? from : null, childId, birthDate };
}

interface Answer {
  key: string;
  readiness: Readiness | null;
  error: string | null;
}

/**
 * A required register check nobody can be checked for: a foster home with no uppdragstagare
 * registered comes as one item per required register, without a person.
 */
export function isHouseholdGap(item: Pick<DecisionCheckRow, 'check' | 'personId' | 'homeId'>): boolean {
  // A protected child's check comes without its home and adults: that is no empty household.
  return item.check === 'registerkontroll' && item.personId === null && item.homeId !== null;
}

/** Who and what a check is about: "Belastningsregistret, Anna Ek"; the permit or a missing adult without a name. */
export function checkSubject(item: Pick<DecisionCheckRow, 'check' | 'register' | 'personId' | 'personName' | 'homeId'>): string {
  const register = registerLabels[item.register];
  if (isHouseholdGap(item)) return `${register}, ingen uppdragstagare registrerad`;
  return item.personName ? `${register}, ${item.personName}` : register;
}

export function ReadinessPanel(props: {
  /** Unique on the page (several stays may each show one). */
  idPrefix: string;
  query: ReadinessQuery;
  today: string;
  /** Where the missing checks are recorded: the home in the register. */
  onOpenHome?: (homeId: string) => void;
  /** The form is kept while the home is open (a new placement's): says so instead of warning. */
  keepsDraft?: boolean;
}) {
  const { idPrefix, today, onOpenHome } = props;
  const key = JSON.stringify({ ...props.query, today });
  // Dates change part by part as they are typed: ask once they have settled.
  const settled = useDebounced(key, 300);
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => {
    let current = true;
    const { homeId, decisionOn, from, childId, birthDate, today: date } = JSON.parse(settled) as ReadinessQuery & { today: string };
    void api.checkReadiness({ homeId, decisionOn, from, childId, birthDate, date }).then((result) => {
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
  // Nobody in the household to check: one entry for the home, not one per register "för" nobody.
  const householdGaps = problems.filter(isHouseholdGap);
  const personProblems = problems.filter((item) => !isHouseholdGap(item));
  const warnings = readiness?.warnings ?? [];
  const state = !readiness
    ? 'pending'
    : !readiness.ready
      ? 'problem'
      : warnings.length > 0
        ? 'warning'
        : readiness.items.length === 0
          ? 'none'
          : 'ready';

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
        ) : state === 'warning' ? (
          <p className="readiness__line">
            <span className="readiness__icon" aria-hidden="true">!</span>
            <span>
              <strong>Se upp före beslut.</strong>{' '}
              {readiness?.items.length ? 'Kontrollerna är gjorda före beslutet och är aktuella, men' : 'Inga kontroller krävs, men'}{' '}
              {warnings.length === 1 ? 'en sak ska bedömas:' : `${warnings.length} saker ska bedömas:`}
            </span>
          </p>
        ) : state === 'none' ? (
          <p className="readiness__line">Inga register- eller tillståndskontroller krävs för det här hemmet.</p>
        ) : (
          <p className="readiness__line">
            <span className="readiness__icon" aria-hidden="true">✕</span>
            <span>
              <strong>Inte redo för beslut.</strong> {problemCount(personProblems.length, householdGaps.length > 0, readiness?.refusals.length ?? 0)}
            </span>
          </p>
        )}
      </div>
      {readiness && (readiness.refusals.length > 0 || problems.length > 0 || warnings.length > 0) && (
        <ul className="readiness__list">
          {warnings.map((warning) => (
            <li key={warning} className="readiness__item">
              <span className="badge badge--check-warning">Varning</span>
              <span>{warning}</span>
            </li>
          ))}
          {readiness.refusals.map((refusal) => (
            <li key={refusal} className="readiness__item">
              <span className="badge badge--check-problem">Täcks inte av tillståndet</span>
              <span>{refusal}</span>
            </li>
          ))}
          {householdGaps.length > 0 && <HouseholdGap items={householdGaps} />}
          {personProblems.map((item) => (
            <li key={`${item.personId ?? ''}:${item.register}`} className="readiness__item">
              <span className="badge badge--check-problem">{decisionCheckStatusLabels[item.status]}</span>
              <span>
                {item.explanation}
                {item.checkedOn && <span className="muted"> Senaste kontroll {item.checkedOn}.</span>}
                {' '}
                <LegalRef className="readiness__ref" reference={item.legalRef} on={item.decisionOn} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {readiness && (state === 'ready' || (state === 'warning' && readiness.items.length > 0)) && (
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
          <span className="field__hint">
            {householdGaps.length > 0
              ? 'Hushållets uppdragstagare och deras kontroller registreras på hemmet i registret.'
              : 'Kontrollerna registreras på hemmet i registret.'}{' '}
            {props.keepsDraft
              ? 'Formuläret sparas som utkast och öppnas igen när du går tillbaka till Placeringar.'
              : 'Osparade uppgifter i formuläret följer inte med.'}
          </span>
        </p>
      )}
    </div>
  );
}

/** The household without uppdragstagare, once: what is wrong, and which registers wait for an adult. */
function HouseholdGap({ items }: { items: DecisionCheckRow[] }) {
  const explanations = [...new Set(items.map((item) => item.explanation))];
  const refs = [...new Set(items.map((item) => item.legalRef))];
  const registers = items.map((item) => registerLabels[item.register]);
  return (
    <li className="readiness__item">
      <span className="badge badge--check-problem">Ingen uppdragstagare</span>
      <span>
        {explanations.join(' ')}
        <span className="muted"> Krävs före beslut: {listInWords(registers)}.</span>
        <span className="readiness__ref"> {refs.join(', ')}</span>
      </span>
    </li>
  );
}

/** "A", "A och B", "A, B och C". */
function listInWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} och ${words[words.length - 1]}`;
}

function problemCount(problems: number, noHousehold: boolean, refusals: number): string {
  const parts: string[] = [];
  if (refusals > 0) parts.push('Hemmets tillstånd täcker inte placeringen.');
  if (noHousehold) parts.push('Hemmet har ingen registrerad uppdragstagare att kontrollera.');
  if (problems === 1) parts.push('1 kontroll saknas eller brister.');
  else if (problems > 1) parts.push(`${problems} kontroller saknas eller brister.`);
  return parts.join(' ');
}
