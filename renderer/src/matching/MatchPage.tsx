import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { MatchAnswer } from '../../../preload/api';
import { api } from '../bridge/api';
import { errorMap, failureOf, type Failure } from '../placement/fields';
import { MatchForm, matchFieldId } from './MatchForm';
import { MatchResults } from './MatchResults';
import {
  describeSearch,
  emptyValues,
  excludedOpenIn,
  fieldOfPath,
  hasSearch,
  inputFromValues,
  matchFields,
  municipalityProblem,
  paramsFromValues,
  searchKey,
  valuesFromParams,
  withExcludedOpen,
  type MatchValues,
} from './search';
import './matching.css';

/** How the search in the address (its key) ended, for the register's version and the user's refresh it was made for. */
type Outcome = { key: string; version: number; refresh: number } & (
  | { kind: 'answer'; answer: MatchAnswer; searchedFor: string }
  | { kind: 'problem'; failure: Failure }
  | { kind: 'error'; message: string }
);

const CORRECT_FIELDS = 'Rätta det som är markerat och sök igen.';

/**
 * Hitta placering: a child's need matched to the homes of the register. The homes that can take
 * the child come ranked by fit and then by quality index, each with the reasons for its place; the
 * homes that cannot come with their hard reasons. The search lives in the address (search.ts):
 * sending the form writes it there and the page answers what the address holds, so Back from a
 * home's history finds the same answer with the form filled.
 */
export function MatchPage(props: { today: string; version: number; onOpenHistory: (homeId: string) => void }) {
  const { today, version } = props;
  const [params, setParams] = useSearchParams();
  const key = hasSearch(params) ? searchKey(params) : null;
  const [values, setValues] = useState<MatchValues>(() => (key === null ? emptyValues(today) : valuesFromParams(params, today)));
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  /** "Sök hem" on the search already shown: asked again. */
  const [refresh, setRefresh] = useState(0);
  /** A kommun that is none of Sweden's, found here before asking (main takes any text). */
  const [localFailure, setLocalFailure] = useState<Failure | null>(null);
  const resultsTitle = useRef<HTMLHeadingElement>(null);
  /** The search the user just sent: focus follows its outcome (not when Back or a reload shows one). */
  const sent = useRef<string | null>(null);

  // Back or Forward to another search on this page (or the menu item, to none): the form shows it.
  const [formKey, setFormKey] = useState(key);
  if (formKey !== key) {
    setFormKey(key);
    setValues(key === null ? emptyValues(today) : valuesFromParams(params, today));
    setLocalFailure(null);
  }

  const settled = outcome !== null && outcome.key === key && outcome.version === version && outcome.refresh === refresh;
  useEffect(() => {
    if (key === null || settled) return;
    let live = true;
    const asked = valuesFromParams(new URLSearchParams(key), today);
    void api.matchHomes(inputFromValues(asked)).then((result) => {
      if (!live) return;
      const made = { key, version, refresh };
      if (result.ok) setOutcome({ ...made, kind: 'answer', answer: result.value, searchedFor: describeSearch(asked) });
      else if ((result.error.issues ?? []).length > 0) setOutcome({ ...made, kind: 'problem', failure: failureOf(result.error, fieldOfPath) });
      else setOutcome({ ...made, kind: 'error', message: result.error.message });
    });
    return () => {
      live = false;
    };
    // `settled` stands for the outcome: a new outcome for this search asks nothing more.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version, refresh, today]);

  const current = outcome !== null && outcome.key === key ? outcome : null;
  const failure = localFailure ?? (current?.kind === 'problem' ? current.failure : null);
  const errors = errorMap(failure);

  // After "Sök hem": to the answer's heading, or to the first field with a problem.
  useEffect(() => {
    if (outcome === null || outcome.key !== sent.current) return;
    sent.current = null;
    if (outcome.kind === 'answer') resultsTitle.current?.focus();
    if (outcome.kind === 'problem') focusFirstProblem(errorMap(outcome.failure));
  }, [outcome]);

  function submit() {
    const local = municipalityProblem(values.municipality);
    if (local !== null) {
      const problem = { message: CORRECT_FIELDS, issues: [{ field: 'municipality', message: local }] };
      setLocalFailure(problem);
      focusFirstProblem(errorMap(problem));
      return;
    }
    setLocalFailure(null);
    const next = paramsFromValues(values);
    sent.current = searchKey(next);
    if (sent.current === key) {
      setRefresh((n) => n + 1);
    } else {
      // A new search is a new step in the history, so Back returns to this one; a search main
      // refused is replaced by the next rather than kept as a step.
      setParams(next, { replace: current !== null && current.kind !== 'answer' });
    }
  }

  const searching = key !== null && !settled;
  // While a new search is under way, the last answer stays (its "Sökt:" line says what it was for).
  const answer = key !== null && outcome?.kind === 'answer' ? outcome : null;
  const problem = failure === null ? null : failure.issues.some((issue) => issue.field !== '') ? CORRECT_FIELDS : failure.message;
  const error = current?.kind === 'error' ? current.message : null;

  return (
    <div className="match-page">
      <header className="match-page__head">
        <h1 className="page-title">Hitta placering</h1>
        <p className="page-lead">Vilka hem i registret kan ta emot barnet, och hur väl passar de?</p>
      </header>
      <div className="match-page__layout">
        <MatchForm
          values={values}
          errors={errors}
          searching={searching}
          problem={problem}
          onChange={setValues}
          onSubmit={submit}
        />
        <div className="match-page__answer">
          {(key === null || (answer === null && !searching && error === null)) && (
            <div className="match-intro">
              <h2 className="match-section__title">Så fungerar det</h2>
              <p>
                Ange det du vet om barnets behov och sök. Du får de hem i registret som kan ta emot barnet, ordnade efter hur väl de
                passar och efter kvalitetsindex, med skälen för varje hem. De hem som inte kan ta emot barnet visas för sig, med
                skälet: till exempel att IVO-tillståndet inte gäller barnets ålder, att hemmet är fullt eller inaktivt.
              </p>
              <p className="muted">Från varje hem öppnar ett klick dess vårdgivarhistorik.</p>
            </div>
          )}
          <p className={searching ? 'match-status' : 'match-status match-status--idle'} role="status">
            {searching ? 'Söker hem…' : ''}
          </p>
          {error !== null && (
            <div className="list-error" role="alert">
              <p>Sökningen kunde inte göras. {error}</p>
              <button type="button" className="button" onClick={() => setRefresh((n) => n + 1)}>
                Försök igen
              </button>
            </div>
          )}
          {answer && (
            <MatchResults
              answer={answer.answer}
              searchedFor={answer.searchedFor}
              need={inputFromValues(valuesFromParams(new URLSearchParams(answer.key), today))}
              titleRef={resultsTitle}
              excludedOpen={excludedOpenIn(params)}
              // Only how the answer is shown: the same history step, the same search.
              onExcludedToggle={(open) => setParams(withExcludedOpen(params, open), { replace: true })}
              onOpenHistory={props.onOpenHistory}
            />
          )}
        </div>
      </div>
    </div>
  );
}

/**
 * Focus to the first field with a problem, in the form's order, at once: the fields are there
 * already, and a later frame could take focus back from where the user has moved on to.
 */
function focusFirstProblem(errors: Map<string, string>) {
  const first = matchFields.find((field) => errors.has(field));
  if (first) document.getElementById(matchFieldId(first))?.focus();
}
