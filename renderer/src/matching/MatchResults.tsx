import type { Ref } from 'react';
import { confidenceNames } from '../../../preload/api';
import type { ChannelInput, Exclusion, Match, MatchAnswer } from '../../../preload/api';
import { ExportMenu } from '../components/ExportMenu';
import { kindLabels } from '../labels';

type Effect = Match['reasons'][number]['effect'];

/** A reason's mark: a sign to see and a word to hear, so the colour is never the only cue. */
const marks: Record<Effect, { sign: string; words: string }> = {
  plus: { sign: '+', words: 'Talar för:' },
  minus: { sign: '−', words: 'Talar emot:' },
  info: { sign: 'i', words: 'Att veta:' },
};

const where = (home: { kind: Match['kind']; municipality: string | null }) => `${kindLabels[home.kind]} · ${home.municipality ?? 'kommun ej angiven'}`;
const homes = (n: number) => (n === 1 ? '1 hem' : `${n} hem`);

/**
 * The answer to a search: the homes that can take the child, best first, each with its reasons,
 * then the homes that cannot, each with its hard reasons (folded away: they are the exception one
 * looks into). From every home, one click opens its history.
 */
export function MatchResults({
  titleRef,
  ...props
}: {
  answer: MatchAnswer;
  /** The search the answer is for, in words. */
  searchedFor: string;
  /** The same search as main takes it: what Exportera writes to a file. */
  need: ChannelInput<'matchHomes'>;
  titleRef: Ref<HTMLHeadingElement>;
  /** Whether the excluded homes are unfolded (the address keeps it, so Back finds them as left). */
  excludedOpen: boolean | null;
  onExcludedToggle: (open: boolean) => void;
  onOpenHistory: (homeId: string) => void;
}) {
  const { matches, excluded, settingsVersion } = props.answer;
  const empty = matches.length === 0;
  return (
    <>
      <section className="match-section" aria-labelledby="match-results-title">
        <h2 id="match-results-title" className="match-section__title" ref={titleRef} tabIndex={-1}>
          Hem som kan ta emot barnet <span className="match-section__count">{homes(matches.length)}</span>
        </h2>
        <div className="match-section__head">
          <p className="match-section__for">Sökt: {props.searchedFor}</p>
          <ExportMenu disabled={matches.length + excluded.length === 0} request={() => ({ list: 'matching', filter: props.need })} />
        </div>
        {empty ? (
          <p className="match-none">
            {excluded.length === 0
              ? 'Registret har inga hem att söka bland.'
              : 'Inget hem i registret kan ta emot barnet med de här uppgifterna. Under "Kan inte ta emot barnet" står skälen för varje hem.'}
          </p>
        ) : (
          <>
            <p className="match-section__rule">Ordnade efter hur väl hemmet passar behovet, sedan efter kvalitetsindex.</p>
            <p className="match-legend" aria-hidden="true">
              <span className="reason__mark reason__mark--plus">+</span> talar för
              <span className="reason__mark reason__mark--minus">−</span> talar emot
              <span className="reason__mark reason__mark--info">i</span> att veta
            </p>
            <ol className="match-list">
              {matches.map((match, index) => (
                <MatchItem key={match.homeId} match={match} rank={index + 1} onOpenHistory={props.onOpenHistory} />
              ))}
            </ol>
          </>
        )}
        <p className="match-section__settings">
          {settingsVersion === 0
            ? 'Beräknat med kvalitetsindexets standardinställningar.'
            : `Beräknat med kvalitetsindexets inställningar version ${settingsVersion}.`}
        </p>
      </section>

      {excluded.length > 0 && (
        // Unfolded at first only when no home can take the child: then the reasons are the answer.
        <Excluded excluded={excluded} open={props.excludedOpen ?? empty} onToggle={props.onExcludedToggle} onOpenHistory={props.onOpenHistory} />
      )}
    </>
  );
}

function MatchItem({ match, rank, onOpenHistory }: { match: Match; rank: number; onOpenHistory: (homeId: string) => void }) {
  return (
    <li className="match">
      <span className="match__rank" aria-hidden="true">{rank}</span>
      <div className="match__body">
        <div className="match__head">
          <div className="match__who">
            <h3 className="match__name">{match.name}</h3>
            <p className="match__meta">{where(match)}</p>
          </div>
          <HistoryButton homeId={match.homeId} name={match.name} onOpenHistory={onOpenHistory} />
        </div>
        <div className="match__figures">
          <p className="match__fit">
            Passar <strong>{match.fit}</strong> av 100
            <svg className="match__fit-bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <rect className="match__fit-track" x="0" y="0" width="100" height="6" rx="3" />
              <rect className="match__fit-value" x="0" y="0" width={Math.max(0, Math.min(100, match.fit))} height="6" rx="3" />
            </svg>
          </p>
          <p className="match__index">
            {match.score === null ? (
              <span className="grade grade--none">Inget index</span>
            ) : (
              <>
                <span className={`grade grade--${match.grade ?? 'none'}`}>
                  Index {match.score}
                  {match.grade && ` · ${match.grade}`}
                </span>{' '}
                <span className="match__confidence">säkerhet {confidenceNames[match.confidence]}</span>
              </>
            )}
          </p>
        </div>
        <ul className="match__reasons" aria-label={`Skäl för ${match.name}`}>
          {match.reasons.map((reason) => (
            <li key={reason.text} className={`reason reason--${reason.effect}`}>
              <span className={`reason__mark reason__mark--${reason.effect}`} aria-hidden="true">
                {marks[reason.effect].sign}
              </span>
              <span className="visually-hidden">{marks[reason.effect].words} </span>
              {reason.text}
            </li>
          ))}
        </ul>
      </div>
    </li>
  );
}

function Excluded(props: { excluded: Exclusion[]; open: boolean; onToggle: (open: boolean) => void; onOpenHistory: (homeId: string) => void }) {
  const { excluded, open, onOpenHistory } = props;
  return (
    <section className="match-section match-section--excluded" aria-labelledby="match-excluded-title">
      <h2 id="match-excluded-title" className="match-section__title">Kan inte ta emot barnet</h2>
      <details
        className="excluded"
        open={open}
        onToggle={(event) => {
          if (event.currentTarget.open !== open) props.onToggle(event.currentTarget.open);
        }}
      >
        <summary className="excluded__summary">
          {excluded.length === 1 ? '1 hem kan inte ta emot barnet' : `${excluded.length} hem kan inte ta emot barnet`}
        </summary>
        <p className="excluded__note">Ett hårt skäl väger inte upp av något annat: hemmet visas inte bland dem som kan ta emot barnet, vilket kvalitetsindex det än har.</p>
        <ul className="excluded__list">
          {excluded.map((home) => (
            <li key={home.homeId} className="excluded__item">
              <div className="excluded__head">
                <div>
                  <h3 className="excluded__name">{home.name}</h3>
                  <p className="match__meta">{where(home)}</p>
                </div>
                <HistoryButton homeId={home.homeId} name={home.name} quiet onOpenHistory={onOpenHistory} />
              </div>
              <ul className="excluded__reasons" aria-label={`Skäl att ${home.name} inte kan ta emot barnet`}>
                {home.reasons.map((reason) => (
                  <li key={reason} className="reason reason--hard">
                    <span className="reason__mark reason__mark--hard" aria-hidden="true">✕</span>
                    <span className="visually-hidden">Hinder: </span>
                    {reason}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

/** One click to everything the municipality knows of the home; its name is heard with the words. */
function HistoryButton(props: { homeId: string; name: string; quiet?: boolean; onOpenHistory: (homeId: string) => void }) {
  return (
    <button type="button" className={props.quiet ? 'button button--quiet match__history' : 'button match__history'} onClick={() => props.onOpenHistory(props.homeId)}>
      Vårdgivarhistorik<span className="visually-hidden"> – {props.name}</span>
    </button>
  );
}
