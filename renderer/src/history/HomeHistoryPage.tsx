import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { childVoices, isFosterHomeKind } from '../../../preload/api';
import type { Deviation, HistoryInspection, HistoryPlacement, HomeHistory, IvoVerdict, Operator } from '../../../preload/api';
import { api } from '../bridge/api';
import { downloadFile } from '../components/downloadFile';
import type { ConfirmOptions } from '../components/ConfirmDialog';
import type { ToastMessage } from '../components/Toast';
import { useLoaded } from '../components/useLoaded';
import { DeviationForm } from '../deviations/DeviationForm';
import { NotesSection } from '../journal/NotesSection';
import {
  childVoiceLabels,
  deviationCategoryLabel,
  deviationKindLabels,
  deviationStatusLabels,
  ivoVerdictLabels,
  kindLabels,
  legalBasisLabels,
  operatorLabels,
  severityLabels,
} from '../labels';
import { AppLink, BackButton, useOpen } from '../routing/links';
import { paths } from '../routing/paths';
import { QualityPanel } from '../quality/QualityPanel';
import { AssessmentCharts } from './AssessmentCharts';
import { stayEnding, stayLength } from './historyText';
import './history.css';

export interface HomeHistoryPageProps {
  homeId: string;
  today: string;
  version: number;
  showBack: boolean;
  notify: (message: string, action?: ToastMessage['action']) => void;
  confirm: (options: ConfirmOptions) => Promise<boolean>;
  onChanged: () => void;
}

/**
 * "Vårdgivarhistorik": before the next placement in a home, everything the municipality knows of
 * it on one screen: its permit and checks now, IVO's inspections, every placement made there and
 * how it ended, the assessments over time, what the children said, deviations and notes. No
 * child is named here: a placement is a row with an age, and a protected child's row leads nowhere.
 */
export function HomeHistoryPage(props: HomeHistoryPageProps) {
  const { homeId, today, version } = props;
  const [reloads, setReloads] = useState(0);
  const loaded = useLoaded(() => api.getHomeHistory({ homeId, date: today }), `${homeId}:${today}:${version}:${reloads}`);
  const history = loaded?.value ?? null;
  const titleRef = useRef<HTMLHeadingElement>(null);

  // Reading starts at the title once the history is there (the page was opened to read it).
  const shown = history !== null;
  useEffect(() => {
    if (shown) titleRef.current?.focus();
  }, [shown]);

  if (loaded === null) return <p className="page-message" role="status">Hämtar vårdgivarhistoriken…</p>;
  if (history === null) {
    return (
      <div className="page-message page-message--error" role="alert">
        <p>Vårdgivarhistoriken kunde inte hämtas. {loaded.error}</p>
        <div className="page-message__actions">
          <button type="button" className="button" onClick={() => setReloads((n) => n + 1)}>Försök igen</button>
          {props.showBack && <BackButton />}
        </div>
      </div>
    );
  }

  const { home } = history;
  return (
    <article className="history-page" aria-labelledby="history-title">
      {props.showBack && <BackButton className="placement-page__back" />}
      <header className="placement-head history-head">
        <div>
          <p className="placement-head__eyebrow">
            {kindLabels[home.kind]}
            {!home.active && <span className="badge badge--inactive">Inaktiv</span>}
          </p>
          <h1 id="history-title" className="page-title" ref={titleRef} tabIndex={-1}>
            Vårdgivarhistorik – {home.name}
          </h1>
          <p className="page-lead">Allt kommunen vet om hemmet, inför nästa placering.</p>
        </div>
        <div className="history-head__actions">
          <SavePdfButton homeId={home.id} today={today} notify={props.notify} />
          <AppLink to={paths.home(home.id)} className="button">Öppna i registret</AppLink>
        </div>
      </header>
      {loaded.error && <p className="field__error" role="alert">Vårdgivarhistoriken kunde inte hämtas på nytt. {loaded.error}</p>}

      <HomeFacts home={home} />
      <Counts history={history} />
      <QualityPanel homeId={home.id} today={today} version={version} />

      <div className="history-grid">
        <Checks checks={history.checks} />
        <Inspections inspections={history.inspections} />
      </div>

      <Placements placements={history.placements} today={today} />

      <Card id="history-assessments" title="Bedömningar över tid" className="history-card--wide">
        <AssessmentCharts assessments={history.assessments} />
      </Card>

      <div className="history-grid">
        <Voices voices={history.voices} />
        <Deviations homeId={home.id} deviations={history.deviations} today={today} notify={props.notify} onChanged={props.onChanged} />
      </div>

      <NotesSection
        target={{ homeId: home.id }}
        today={today}
        version={version}
        notify={props.notify}
        confirm={props.confirm}
        onChanged={props.onChanged}
        heading="Anteckningar om hemmet"
        initial={history.notes}
      />
    </article>
  );
}

/** A section of the page: a card with its heading, and a button beside it if any. */
function Card(props: { id: string; title: ReactNode; action?: ReactNode; className?: string; children: ReactNode }) {
  return (
    <section className={props.className ? `history-card ${props.className}` : 'history-card'} aria-labelledby={`${props.id}-title`}>
      <div className="history-card__head">
        <h2 id={`${props.id}-title`} className="history-card__title" tabIndex={-1}>{props.title}</h2>
        {props.action}
      </div>
      {props.children}
    </section>
  );
}

const missing = <span className="muted">Ej angivet</span>;

function HomeFacts({ home }: { home: HomeHistory['home'] }) {
  const foster = isFosterHomeKind(home.kind);
  const facts: [string, ReactNode][] = [
    ['Typ', kindLabels[home.kind]],
    ...(foster
      ? [['Konsulentverksamhet', home.agency ?? <span className="muted">Inte konsulentstött</span>] as [string, ReactNode]]
      : [
          ['Huvudman', home.operator ? (operatorLabels[home.operator as Operator] ?? home.operator) : missing] as [string, ReactNode],
          ['Organisationsnummer', home.orgNr ?? missing] as [string, ReactNode],
        ]),
    ['Kommun', home.municipality ?? missing],
    ['Antal platser', home.capacity ?? missing],
  ];
  return (
    <dl className="facts">
      {facts.map(([term, value]) => (
        <div key={term} className="facts__item">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Counts({ history }: { history: HomeHistory }) {
  const { total, breakdowns, ongoing } = history.placementCounts;
  const open = history.deviations.filter((d) => d.status !== 'avslutad').length;
  const items: { label: string; value: number; alarm?: boolean }[] = [
    { label: 'Placeringar', value: total },
    { label: 'Sammanbrott', value: breakdowns, alarm: breakdowns > 0 },
    { label: 'Pågående', value: ongoing },
    { label: 'Öppna avvikelser', value: open, alarm: open > 0 },
  ];
  return (
    <dl className="history-counts">
      {items.map((item) => (
        <div key={item.label} className={item.alarm ? 'history-counts__item history-counts__item--alarm' : 'history-counts__item'}>
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

const checkWords = { ok: 'I ordning', problem: 'Brist', none: 'Ingen uppgift' } as const;
const checkIcons = { ok: '✓ ', problem: '✕ ', none: '– ' } as const;
const checkBadges = { ok: 'badge badge--check-ok', problem: 'badge badge--check-problem', none: 'badge badge--inactive' } as const;

function Checks({ checks }: { checks: HomeHistory['checks'] }) {
  const problems = checks.filter((c) => c.status === 'problem').length;
  return (
    <Card
      id="history-checks"
      title={
        <>
          Tillstånd och kontroller i dag
          {checks.length > 0 && (
            <span className="placement-card__count"> ({problems === 0 ? 'inga brister' : problems === 1 ? '1 brist' : `${problems} brister`})</span>
          )}
        </>
      }
    >
      {checks.length === 0 ? (
        <p className="muted">Inga tillstånd eller registerkontroller gäller för hemmet.</p>
      ) : (
        <ul className="history-list">
          {checks.map((check, index) => (
            <li key={`${index}-${check.label}`} className={`history-check history-check--${check.status}`}>
              <span className={checkBadges[check.status]}>
                <span aria-hidden="true">{checkIcons[check.status]}</span>
                {checkWords[check.status]}
              </span>
              <div>
                <h3 className="history-item__title">{check.label}</h3>
                <p className="history-item__text">{check.text}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

const verdictBadges: Record<IvoVerdict, string> = {
  'utan-anmarkning': 'badge badge--check-ok',
  kritik: 'badge badge--check-warning',
  forelaggande: 'badge badge--check-problem',
  aterkallelse: 'badge badge--check-problem',
};

function Inspections({ inspections }: { inspections: HistoryInspection[] }) {
  const sorted = [...inspections].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <Card id="history-inspections" title="IVO:s tillsyn">
      {sorted.length === 0 ? (
        <p className="muted">Ingen tillsyn av IVO registrerad.</p>
      ) : (
        <ul className="history-list">
          {sorted.map((inspection, index) => (
            <li key={`${inspection.date}-${index}`} className="history-inspection">
              <span className="history-item__date">{inspection.date}</span>
              <div>
                {inspection.verdict ? (
                  <span className={verdictBadges[inspection.verdict]}>{ivoVerdictLabels[inspection.verdict]}</span>
                ) : (
                  <span className="badge badge--inactive">Utfall inte registrerat</span>
                )}
                {inspection.comment && <p className="history-item__text">{inspection.comment}</p>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function Placements({ placements, today }: { placements: HistoryPlacement[]; today: string }) {
  const sorted = [...placements].sort((a, b) => b.from.localeCompare(a.from));
  return (
    <Card id="history-placements" title="Kommunens placeringar i hemmet" className="history-card--wide">
      {sorted.length === 0 ? (
        <p className="muted">Inga placeringar här ännu.</p>
      ) : (
        <table className="history-table">
          <caption className="visually-hidden">Placeringar i hemmet, nyast först</caption>
          <thead>
            <tr>
              <th scope="col">Ålder vid start</th>
              <th scope="col">Lagrum</th>
              <th scope="col">Form</th>
              <th scope="col">Tid i hemmet</th>
              <th scope="col">Längd</th>
              <th scope="col">Hur det slutade</th>
              <th scope="col"><span className="visually-hidden">Placeringen</span></th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((stay, index) => (
              <tr key={`${stay.placementId ?? 'skyddad'}-${stay.from}-${index}`} className={stay.breakdown ? 'history-table__breakdown' : undefined}>
                <td>{stay.ageAtStart} år</td>
                <td>{legalBasisLabels[stay.legalBasis]}</td>
                <td>{kindLabels[stay.form]}</td>
                <td className="history-table__dates">
                  {stay.from} – {stay.to ?? 'pågår'}
                </td>
                <td>{stayLength(stay.from, stay.to ?? today)}</td>
                <td>
                  {stay.breakdown ? (
                    <span className="badge badge--check-problem">
                      <span aria-hidden="true">⚠ </span>
                      {stayEnding(stay)}
                    </span>
                  ) : stay.to === null && stay.endReason === null ? (
                    <span className="badge badge--active">Pågår</span>
                  ) : (
                    stayEnding(stay)
                  )}
                </td>
                <td>
                  {stay.placementId !== null ? (
                    <AppLink to={paths.placement(stay.placementId)} className="text-link">
                      Öppna<span className="visually-hidden"> placeringen från {stay.from}</span>
                    </AppLink>
                  ) : (
                    <span className="muted">–</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

function Voices({ voices }: { voices: HomeHistory['voices'] }) {
  return (
    <Card id="history-voices" title="Barnens röster">
      {voices.length === 0 ? (
        <p className="muted">Inget registrerat om vad barnen har sagt.</p>
      ) : (
        <>
          <ul className="history-voice-counts" aria-label="Antal">
            {childVoices.map((voice) => (
              <li key={voice} className={`voice voice--${voice}`}>
                {childVoiceLabels[voice]}: {voices.filter((v) => v.childVoice === voice).length}
              </li>
            ))}
          </ul>
          <ul className="history-list">
            {voices.map((voice, index) => (
              <li key={`${voice.assessedOn}-${index}`} className="history-voice">
                <span className="history-item__date">{voice.assessedOn}</span>
                <div>
                  <span className={`voice voice--${voice.childVoice}`}>{childVoiceLabels[voice.childVoice]}</span>
                  {voice.comment && <p className="history-item__text">{voice.comment}</p>}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

const statusBadges: Record<Deviation['status'], string> = {
  oppen: 'badge badge--check-problem',
  'under-utredning': 'badge badge--check-warning',
  atgardad: 'badge badge--inactive',
  avslutad: 'badge badge--check-ok',
};

function Deviations(props: {
  homeId: string;
  deviations: Deviation[];
  today: string;
  notify: HomeHistoryPageProps['notify'];
  onChanged: () => void;
}) {
  const [adding, setAdding] = useState(false);
  const open = useOpen();
  const focus = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  return (
    <Card
      id="history-deviations"
      title="Avvikelser och lex Sarah"
      action={
        <button type="button" id="history-new-deviation" className="button" aria-expanded={adding} onClick={() => setAdding(!adding)}>
          Ny avvikelse
        </button>
      }
    >
      {adding && (
        <div className="inline-form history-card__form">
          <DeviationForm
            homeId={props.homeId}
            today={props.today}
            onCancel={() => {
              setAdding(false);
              focus('history-new-deviation');
            }}
            onSaved={(deviation) => {
              setAdding(false);
              props.onChanged();
              props.notify(`Avvikelsen från ${deviation.reportedOn} är registrerad.`, { label: 'Öppna', run: () => open.deviation(deviation.id) });
              focus('history-deviations-title');
            }}
          />
        </div>
      )}
      {props.deviations.length === 0 ? (
        <p className="muted">Inga avvikelser registrerade.</p>
      ) : (
        <ul className="history-list">
          {props.deviations.map((deviation) => (
            <li key={deviation.id} className="history-deviation">
              <span className="history-item__date">{deviation.reportedOn}</span>
              <div className="history-deviation__body">
                <div className="history-deviation__top">
                  <AppLink to={paths.deviation(deviation.id)} className="text-link history-deviation__link">
                    {deviationKindLabels[deviation.kind]}
                    {deviation.category && `: ${deviationCategoryLabel(deviation.category).toLowerCase()}`}
                  </AppLink>
                  <span className={statusBadges[deviation.status]}>{deviationStatusLabels[deviation.status]}</span>
                  <span className="history-deviation__severity">Allvarlighet: {severityLabels[deviation.severity].toLowerCase()}</span>
                  {deviation.reportedToIvo && <span className="badge badge--inactive">Anmäld till IVO</span>}
                </div>
                <p className="history-item__text history-deviation__text">{deviation.description}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** The history as a PDF (made in main), saved as a download: to print or attach before a placement meeting. */
function SavePdfButton({ homeId, today, notify }: { homeId: string; today: string; notify: HomeHistoryPageProps['notify'] }) {
  const [busy, setBusy] = useState(false);
  async function save() {
    setBusy(true);
    const result = await api.getHomeHistoryReport({ homeId, date: today });
    setBusy(false);
    if (!result.ok) {
      notify(`PDF:en kunde inte skapas. ${result.error.message}`);
      return;
    }
    downloadFile(result.value.base64, result.value.fileName, 'application/pdf');
    notify(`Vårdgivarhistoriken är sparad som ${result.value.fileName}.`);
  }
  return (
    <button type="button" className="button" disabled={busy} onClick={() => void save()}>
      {busy ? 'Skapar PDF …' : 'Spara som PDF'}
    </button>
  );
}
