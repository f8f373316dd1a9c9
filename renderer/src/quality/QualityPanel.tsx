import { useId, useState } from 'react';
import type { HomeQuality, QualityComponentView, QualityEvidenceItem } from '../../../preload/api';
import { api } from '../bridge/api';
import { useLoaded } from '../components/useLoaded';
import { AppLink } from '../routing/links';
import { paths } from '../routing/paths';
import { QualityBadge } from './QualityBadge';
import { confidenceText, evidenceCount, firstSentence, itemWeightText, settingsVersionText, trendText, weakest, weightPercent } from './qualityText';
import './quality.css';

interface Props {
  homeId: string;
  /** The day the index is computed on. */
  today: string;
  /** The app's change counter: the index is fetched again when anything was saved. */
  version: number;
}

/** Loads a home's index on `today`, again when the day, the register or a retry asks for it. */
function useHomeQuality({ homeId, today, version }: Props) {
  const [retries, setRetries] = useState(0);
  const loaded = useLoaded(() => api.getHomeQuality({ homeId, date: today }), `${homeId}:${today}:${version}:${retries}`);
  return { loaded, retry: () => setRetries((n) => n + 1) };
}

/**
 * "Kvalitetsindex" on the home's history page: the score with its grade and how sure it is, the
 * score a year ago beside it, why no child can be placed there, what is missing for a number, and
 * each dimension with the dated evidence behind it and what each piece weighed after its age.
 */
export function QualityPanel(props: Props) {
  const { loaded, retry } = useHomeQuality(props);
  const quality = loaded?.value ?? null;
  return (
    <section className="quality-panel" aria-labelledby="quality-title">
      <h2 id="quality-title" className="quality-panel__title">Kvalitetsindex</h2>
      {loaded === null ? (
        <p className="muted" role="status">Hämtar kvalitetsindex…</p>
      ) : quality === null ? (
        <div className="quality-panel__error" role="alert">
          <p>Kvalitetsindexet kunde inte hämtas. {loaded.error}</p>
          <button type="button" className="button" onClick={retry}>Försök igen</button>
        </div>
      ) : (
        <>
          {loaded.error && <p className="field__error" role="alert">Kvalitetsindexet kunde inte hämtas på nytt. {loaded.error}</p>}
          <Headline quality={quality} />
          {quality.barriers.length > 0 && (
            <div className="quality-barriers">
              <h3 className="quality-barriers__title">
                <span aria-hidden="true">✕ </span>Kan inte ta emot placeringar
              </h3>
              <ul>
                {quality.barriers.map((barrier) => (
                  <li key={barrier}>{barrier}</li>
                ))}
              </ul>
            </div>
          )}
          {quality.missing !== null && <p className="quality-missing">{quality.missing}</p>}
          <ul className="quality-dimensions" aria-label="Indexets delar">
            {quality.components.map((component) => (
              <Dimension key={component.dimension} component={component} />
            ))}
          </ul>
          <p className="quality-panel__footer">
            {settingsVersionText(quality.settingsVersion)} Indexet gäller {quality.on}.
          </p>
        </>
      )}
    </section>
  );
}

const trendIcons = { up: '↑ ', down: '↓ ', same: '→ ', none: '' } as const;

function Headline({ quality }: { quality: HomeQuality }) {
  const trend = trendText(quality, quality.yearAgo);
  return (
    <div className="quality-head">
      {quality.score !== null && quality.grade !== null ? (
        <p className="quality-head__now">
          <span className="quality-head__score">
            <strong>{quality.score}</strong> av 100
          </span>
          <span className={`quality-grade quality-grade--large quality-grade--${quality.grade}`}>
            <span className="visually-hidden">betyg </span>
            {quality.grade}
          </span>
          <span className="quality-head__confidence">{confidenceText(quality.confidence)}</span>
        </p>
      ) : (
        <p className="quality-head__now">
          <span className="quality-head__score quality-head__score--none">Inget index</span>
        </p>
      )}
      <p className={`quality-trend quality-trend--${trend.direction}`}>
        <span aria-hidden="true">{trendIcons[trend.direction]}</span>
        {trend.text}
      </p>
    </div>
  );
}

function Dimension({ component }: { component: QualityComponentView }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const { name, score, weight, evidence, items } = component;
  return (
    <li className={weight === 0 ? 'quality-dim quality-dim--off' : 'quality-dim'}>
      <div className="quality-dim__row">
        <h3 className="quality-dim__name">{name}</h3>
        <span className="quality-dim__score">
          {score === null ? (
            <span className="muted">inget värde</span>
          ) : (
            <>
              <ScoreBar score={score} />
              <span>
                <strong>{score}</strong> av 100
              </span>
            </>
          )}
        </span>
        <span className="quality-dim__weight">vikt {weightPercent(weight)}</span>
        <span className="quality-dim__count">{evidenceCount(evidence)}</span>
        {items.length > 0 ? (
          <button type="button" className="text-link quality-dim__toggle" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
            {open ? 'Dölj underlaget' : `Visa underlaget (${items.length})`}
            <span className="visually-hidden"> för {name}</span>
          </button>
        ) : (
          <span className="quality-dim__toggle" />
        )}
      </div>
      {items.length > 0 && (
        <ul id={listId} className="quality-evidence" hidden={!open} aria-label={`Underlaget för ${name}`}>
          {items.map((item, index) => (
            <Evidence key={`${item.source}-${item.id ?? 'skyddad'}-${index}`} item={item} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** A score as a bar of 100: a picture only, the number beside it says it. */
function ScoreBar({ score }: { score: number }) {
  return (
    <svg className="quality-bar" width="80" height="8" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect className="quality-bar__track" x="0" y="0" width="100" height="8" rx="4" />
      <rect className="quality-bar__fill" x="0" y="0" width={Math.max(0, Math.min(100, score))} height="8" rx="4" />
    </svg>
  );
}

function Evidence({ item }: { item: QualityEvidenceItem }) {
  // Main leaves out the ids it must not link (placements; deviations written only on a placement).
  const link = item.source === 'avvikelse' && item.id !== null ? paths.deviation(item.id) : null;
  return (
    <li className={item.notCounted === null ? 'quality-item' : 'quality-item quality-item--not-counted'}>
      <span className="quality-item__date">{item.date ?? 'i dag'}</span>
      <span className="quality-item__label">
        {link === null ? (
          item.label
        ) : (
          <AppLink to={link} className="text-link">
            {item.label}
          </AppLink>
        )}
      </span>
      <span className="quality-item__weight">{itemWeightText(item)}</span>
    </li>
  );
}

/**
 * The index in the home's panel: the badge, the few reasons that matter most (why no child can be
 * placed there, what is missing, what pulls the score down), and the way to the whole breakdown.
 */
export function QualityBrief(props: Props) {
  const { loaded, retry } = useHomeQuality(props);
  const quality = loaded?.value ?? null;
  if (loaded === null) {
    return (
      <p className="quality-brief muted" role="status">
        Hämtar kvalitetsindex…
      </p>
    );
  }
  if (quality === null) {
    return (
      <p className="quality-brief field__error" role="alert">
        Kvalitetsindexet kunde inte hämtas. {loaded.error}{' '}
        <button type="button" className="text-link" onClick={retry}>Försök igen</button>
      </p>
    );
  }
  const low = weakest(quality.components);
  return (
    <div className="quality-brief">
      <p className="quality-brief__line">
        <span className="quality-brief__label">Kvalitetsindex</span> <QualityBadge summary={quality} />
      </p>
      {(quality.barriers.length > 0 || quality.missing !== null || low.length > 0) && (
        <ul className="quality-brief__reasons">
          {quality.barriers.map((barrier) => (
            <li key={barrier} className="quality-brief__barrier">{barrier}</li>
          ))}
          {quality.missing !== null && <li>{firstSentence(quality.missing)}</li>}
          {low.length > 0 && <li>Lägst: {low.join(', ')}.</li>}
        </ul>
      )}
      <p className="quality-brief__meta">
        {settingsVersionText(quality.settingsVersion)}{' '}
        <AppLink to={`${paths.homeHistory(props.homeId)}`} className="text-link">
          Hela underlaget för indexet
        </AppLink>
      </p>
    </div>
  );
}
