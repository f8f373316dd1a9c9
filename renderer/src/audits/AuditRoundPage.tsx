import { useEffect, useState } from 'react';
import { roleAllows, shareText, type AuditDeviationRow, type AuditFileRow, type AuditRound, type ItemCompliance } from '../../../preload/api';
import { api } from '../bridge/api';
import { deviationStatusLabels } from '../labels';
import { AppLink } from '../routing/links';
import { paths } from '../routing/paths';
import { useSession } from '../shell/SignIn';
import { filesText, filterFacts, filterSentence, periodText, placementsText, whenText } from './auditText';
import { ComplianceChart } from './ComplianceChart';
import { AnalysisSection, ActionsSection, ReportSection } from './RoundWork';
import './audits.css';

export interface RoundPageProps {
  roundId: string;
  today: string;
  version: number;
  onChanged: () => void;
  notify: (message: string) => void;
  onDirtyChange: (dirty: boolean) => void;
}

/**
 * One round of egenkontroll: its draw and how to check it, its files and how far the audit has
 * come, the result per checklist item, the deviations the nej answers became, and the
 * enhetschef's analysis, actions and report for the nämnd.
 */
export function AuditRoundPage(props: RoundPageProps) {
  const { roundId, version, onDirtyChange } = props;
  const { user } = useSession();
  const [round, setRound] = useState<AuditRound | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [retries, setRetries] = useState(0);
  const [analysisDirty, setAnalysisDirty] = useState(false);
  const [actionDirty, setActionDirty] = useState(false);

  useEffect(() => {
    let live = true;
    void api.getAuditRound({ id: roundId }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setRound(result.value);
        setError(null);
      } else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [roundId, version, retries]);

  useEffect(() => onDirtyChange(analysisDirty || actionDirty), [analysisDirty, actionDirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  const back = (
    <AppLink to={paths.section('aktgranskning')} className="text-link audits__back">
      <span aria-hidden="true">← </span>Alla granskningsomgångar
    </AppLink>
  );

  if (round === null) {
    return (
      <section className="audits" aria-labelledby="audit-round-title">
        {back}
        <h1 id="audit-round-title" className="page-title">Granskningsomgång</h1>
        {error === null ? (
          <p className="page-message" role="status">Hämtar granskningsomgången…</p>
        ) : (
          <div className="page-message page-message--error" role="alert">
            <p>Granskningsomgången kunde inte hämtas. {error}</p>
            <div className="page-message__actions">
              <button type="button" className="button" onClick={() => setRetries((n) => n + 1)}>Försök igen</button>
            </div>
          </div>
        )}
      </section>
    );
  }

  const manager = roleAllows(user.role, 'enhetschef');
  /** A change saved here: the page shows main's answer, and the lists and menu counts follow. */
  const saved = (next: AuditRound) => {
    setRound(next);
    props.onChanged();
  };

  return (
    <section className="audits audit-round" aria-labelledby="audit-round-title">
      {back}
      <div className="register__head">
        <div>
          <h1 id="audit-round-title" className="page-title">{round.name}</h1>
          <p className="page-lead">
            Dragen av {round.createdBy} {whenText(round.createdAt)}, med checklistans version {round.checklistVersion}.
          </p>
        </div>
      </div>
      {error !== null && (
        <div className="list-error" role="alert">
          <p>Granskningsomgången kunde inte hämtas på nytt. {error}</p>
          <button type="button" className="button" onClick={() => setRetries((n) => n + 1)}>Försök igen</button>
        </div>
      )}

      <dl className="audit-facts">
        <div>
          <dt>Period</dt>
          <dd>{periodText(round)}</dd>
        </div>
        {filterFacts(round).map((fact) => (
          <div key={fact.label}>
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
        <div>
          <dt>Checklista</dt>
          <dd>Version {round.checklistVersion}, {round.checklist.length} punkter</dd>
        </div>
      </dl>

      <FilesSection round={round} />
      <MethodSection round={round} />
      <ResultsSection round={round} />
      <DeviationsSection round={round} />
      <AnalysisSection round={round} manager={manager} onSaved={saved} notify={props.notify} onDirty={setAnalysisDirty} />
      <ActionsSection round={round} manager={manager} today={props.today} onSaved={saved} notify={props.notify} onDirty={setActionDirty} />
      {manager && <ReportSection round={round} notify={props.notify} />}
    </section>
  );
}

function fileStatus(file: AuditFileRow): { label: string; tone: string } {
  if (file.audited) return { label: 'Granskad', tone: 'done' };
  if (file.answered > 0) return { label: 'Påbörjad', tone: 'started' };
  return { label: 'Ej granskad', tone: 'todo' };
}

function FilesSection({ round }: { round: AuditRound }) {
  return (
    <section className="audits__card" aria-labelledby="audit-files-title">
      <h2 id="audit-files-title" className="audits__title">Akterna</h2>
      <div className="audit-progress">
        <p id="audit-progress-text" className="audit-progress__text">
          Granskade {round.audited} av {filesText(round.size)}
        </p>
        <progress className="audit-progress__bar" aria-labelledby="audit-progress-text" value={round.audited} max={Math.max(1, round.size)} />
      </div>
      <p className="audits__hint">
        Varje akt kallas Akt 1, Akt 2 och så vidare efter sin plats i urvalet; rapporten till nämnden nämner aldrig barnet.
      </p>
      <div className="audits__table-wrap">
        <table className="audit-table">
          <caption className="visually-hidden">Akterna i urvalet, i dragningens ordning</caption>
          <thead>
            <tr>
              <th scope="col">Akt</th>
              <th scope="col">Barn</th>
              <th scope="col">Status</th>
              <th scope="col" className="audit-table__number">Nej-svar</th>
              <th scope="col">Granskad av</th>
            </tr>
          </thead>
          <tbody>
            {round.files.map((file) => {
              const status = fileStatus(file);
              return (
                <tr key={file.ordinal}>
                  <th scope="row" className="audit-table__nowrap">
                    <AppLink to={paths.auditFile(round.id, file.ordinal)} className="text-link">{file.label}</AppLink>
                  </th>
                  <td>{file.childLabel ?? <span className="muted">Placeringen är borttagen</span>}</td>
                  <td>
                    <span className={`badge audit-badge audit-badge--${status.tone}`}>{status.label}</span>
                    {!file.audited && file.answered > 0 && (
                      <span className="audit-table__sub">{file.answered} av {round.checklist.length} punkter</span>
                    )}
                  </td>
                  <td className="audit-table__number">{file.answered > 0 ? file.nej : <span className="muted">–</span>}</td>
                  <td>
                    {file.auditedBy === null ? (
                      <span className="muted">–</span>
                    ) : (
                      <>
                        {file.auditedBy}
                        <span className="audit-table__sub">{file.auditedAt ? whenText(file.auditedAt) : ''}</span>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function MethodSection({ round }: { round: AuditRound }) {
  const excluded =
    round.exclusionMonths === null
      ? ' Inga akter lämnades utanför för att de granskats nyligen.'
      : round.excluded === 0
        ? ` Ingen av dem hade granskats i en omgång som slutade de senaste ${round.exclusionMonths} månaderna före periodens början.`
        : ` ${placementsText(round.excluded)} lämnades utanför, eftersom de granskats i en omgång som slutade de senaste ${round.exclusionMonths} månaderna före periodens början.`;
  return (
    <section className="audits__card" aria-labelledby="audit-method-title">
      <h2 id="audit-method-title" className="audits__title">Så kontrolleras urvalet</h2>
      <p className="audits__text">
        Populationen är de placeringar som var aktiva minst en dag under perioden {periodText(round)}
        {filterSentence(round)}.{excluded} Ur den drogs {filesText(round.size)}
        {round.sizePercent !== null ? ` (${round.sizePercent} % av populationen, avrundat uppåt)` : ''}. Vem som helst kan dra om
        urvalet utan programmet, med fröet och listan över populationens placeringar:
      </p>
      <dl className="audit-method">
        <div>
          <dt>Frö</dt>
          <dd className="audit-method__code">{round.seed}</dd>
        </div>
        <div>
          <dt>Populationens storlek</dt>
          <dd>{placementsText(round.populationSize)}</dd>
        </div>
        <div>
          <dt>Populationens SHA-256</dt>
          <dd className="audit-method__code">{round.populationHash}</dd>
        </div>
      </dl>
      <ol className="audit-method__steps">
        <li>
          Ta fram populationens placeringar med deras id. Sortera id:na i teckenkodsordning och foga ihop dem med en radbrytning
          mellan varje. SHA-256 av den texten (UTF-8) ska vara populationens SHA-256 ovan: då är det samma akter.
        </li>
        <li>
          Ge varje placering en rang: SHA-256 av texten ”frö:placeringens id”, alltså ”{round.seed}:” följt av placeringens id,
          skriven med små hexadecimala tecken.
        </li>
        <li>
          Urvalet är de {round.size} placeringar som har lägst rang, i rangordning: Akt 1 har den lägsta, Akt 2 den näst lägsta
          och så vidare.
        </li>
      </ol>
      <p className="audits__hint">
        Programmets handbok (docs/aktgranskning.md) har ett skript på fem rader som gör just detta, för den som vill kontrollera
        urvalet själv.
      </p>
    </section>
  );
}

function ResultsSection({ round }: { round: AuditRound }) {
  const rows = round.compliance;
  const sum = (pick: (row: ItemCompliance) => number) => rows.reduce((total, row) => total + pick(row), 0);
  return (
    <section className="audits__card" aria-labelledby="audit-results-title">
      <h2 id="audit-results-title" className="audits__title">Resultat per punkt</h2>
      <p className="audits__hint">
        Andel ja räknas på de akter där punkten var tillämplig och besvarad. Alla punkter:{' '}
        <strong>{round.overall === null ? 'inget besvarat ännu' : shareText(round.overall)}</strong>.
      </p>
      <div className="audits__table-wrap">
        <table className="audit-table audit-table--results">
          <caption className="visually-hidden">Svaren per punkt i checklistan</caption>
          <thead>
            <tr>
              <th scope="col" className="audit-table__number">Nr</th>
              <th scope="col">Punkt</th>
              <th scope="col" className="audit-table__number">Ja</th>
              <th scope="col" className="audit-table__number">Nej</th>
              <th scope="col" className="audit-table__number">Ej tillämpligt</th>
              <th scope="col" className="audit-table__number">Ej besvarad</th>
              <th scope="col" className="audit-table__number">Andel ja</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.itemId}>
                <td className="audit-table__number">{row.number}</td>
                <th scope="row" className="audit-table__item">{row.text}</th>
                <td className="audit-table__number">{row.ja}</td>
                <td className="audit-table__number">{row.nej}</td>
                <td className="audit-table__number">{row.ejTillampligt}</td>
                <td className="audit-table__number">{row.unanswered}</td>
                <td className="audit-table__number">{shareText(row.share)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td />
              <th scope="row">Alla punkter</th>
              <td className="audit-table__number">{sum((row) => row.ja)}</td>
              <td className="audit-table__number">{sum((row) => row.nej)}</td>
              <td className="audit-table__number">{sum((row) => row.ejTillampligt)}</td>
              <td className="audit-table__number">{sum((row) => row.unanswered)}</td>
              <td className="audit-table__number">{shareText(round.overall)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <ComplianceChart rows={rows} />
    </section>
  );
}

function DeviationsSection({ round }: { round: AuditRound }) {
  return (
    <section className="audits__card" aria-labelledby="audit-deviations-title">
      <h2 id="audit-deviations-title" className="audits__title">Avvikelser</h2>
      <p className="audits__hint">
        Varje nej blir en avvikelse på placeringen, om den som granskade inte angav att det redan var rapporterat. Avvikelserna
        utreds och avslutas under Avvikelser.
      </p>
      {round.deviations.length === 0 ? (
        <p className="audits__none">Inga nej-svar ännu.</p>
      ) : (
        <div className="audits__table-wrap">
          <table className="audit-table">
            <caption className="visually-hidden">Nej-svaren och avvikelserna de blev</caption>
            <thead>
              <tr>
                <th scope="col">Akt</th>
                <th scope="col">Punkt</th>
                <th scope="col">Kommentar</th>
                <th scope="col">Avvikelse</th>
              </tr>
            </thead>
            <tbody>
              {round.deviations.map((row) => (
                <tr key={`${row.ordinal}:${row.itemNumber}`}>
                  <th scope="row" className="audit-table__nowrap">
                    <AppLink to={paths.auditFile(round.id, row.ordinal)} className="text-link">{row.label}</AppLink>
                  </th>
                  <td className="audit-table__item">
                    {row.itemNumber}. {row.item}
                  </td>
                  <td>{row.comment || <span className="muted">Ingen kommentar</span>}</td>
                  <td className="audit-table__nowrap">
                    <DeviationCell row={row} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function DeviationCell({ row }: { row: AuditDeviationRow }) {
  if (row.alreadyReported) return <span className="muted">Redan rapporterad</span>;
  if (row.deviationId === null) return <span className="muted">Ingen avvikelse (placeringen är borttagen)</span>;
  return (
    <>
      <span className="audit-table__status">{row.deviationStatus === null ? 'Borttagen' : deviationStatusLabels[row.deviationStatus]}</span>
      {row.deviationStatus !== null && (
        <AppLink to={paths.deviation(row.deviationId)} className="text-link">
          Öppna avvikelsen<span className="visually-hidden"> för {row.label}, punkt {row.itemNumber}</span>
        </AppLink>
      )}
    </>
  );
}

