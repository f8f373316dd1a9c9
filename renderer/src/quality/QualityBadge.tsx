import type { QualitySummary } from '../../../preload/api';
import { confidenceText } from './qualityText';
import './quality.css';

const NO_INDEX_REASON = 'För lite underlag för ett kvalitetsindex.';
const NO_REASON_WORDS = 'för lite underlag';
const NOT_ELIGIBLE = 'Kan inte ta emot placeringar';

/**
 * A home's quality index in a few words: "63 C · medel säkerhet", or "Inget index" when the
 * evidence is too thin for a number, and a marker when no child can be placed there (whatever the
 * number). `stacked` puts the confidence on a line of its own (a grid cell).
 * The grade's colour only helps: the letter says it.
 */
export function QualityBadge({ summary, stacked = false }: { summary: QualitySummary; stacked?: boolean }) {
  const { score, grade, confidence, eligible } = summary;
  const layout = stacked ? 'quality-badge quality-badge--stacked' : 'quality-badge';
  const barrier = !eligible && (
    <span className="quality-badge__barrier">
      <span aria-hidden="true">✕ </span>
      {NOT_ELIGIBLE}
    </span>
  );
  if (score === null || grade === null) {
    return (
      <span className={layout}>
        <span className="quality-badge__none" title={NO_INDEX_REASON}>
          Inget index
          {stacked ? ' ' : <span className="visually-hidden"> ({NO_REASON_WORDS})</span>}
        </span>
        {stacked && <span className="quality-badge__confidence">{NO_REASON_WORDS}</span>}
        {barrier}
      </span>
    );
  }
  return (
    <span className={layout}>
      <span className="quality-badge__main" title={`Kvalitetsindex ${score} av 100, betyg ${grade}, ${confidenceText(confidence)}`}>
        <strong className="quality-badge__score">{score}</strong> <span className={`quality-grade quality-grade--${grade}`}>{grade}</span>
        {stacked ? ' ' : ' · '}
        <span className="quality-badge__confidence">{confidenceText(confidence)}</span>
      </span>
      {barrier}
    </span>
  );
}
