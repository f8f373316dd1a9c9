import { assessmentDimensions } from '../../../preload/api';
import type { AssessmentDimension, HistoryAssessmentPoint } from '../../../preload/api';
import { assessmentDimensionLabels } from '../labels';
import { dateRange, meanText, SCORE_MAX, SCORE_MIN, sparklineDots } from './historyText';

const CHART = { width: 160, height: 44, pad: 6 };
const LOW_SCORE = 2;

const scoreY = (score: number) => CHART.pad + (1 - (score - SCORE_MIN) / (SCORE_MAX - SCORE_MIN)) * (CHART.height - 2 * CHART.pad);

/** A dimension's assessments in words: what a screen reader hears instead of the chart. */
export function chartText(dimension: AssessmentDimension, points: readonly HistoryAssessmentPoint[]): string {
  const label = assessmentDimensionLabels[dimension];
  if (points.length === 0) return `${label}: inte bedömd.`;
  const list = points.map((p) => `${p.assessedOn} betyg ${p.score}`).join(', ');
  return `${label}, ${points.length === 1 ? '1 bedömning' : `${points.length} bedömningar`} på skalan 1 till 5: ${list}.`;
}

/**
 * The assessments over time, one small chart per dimension: a dot per assessment (1–5, low
 * scores in red), the dates across the same span in every chart so they can be read together.
 * Each chart is an image whose text lists the scores; the table under them shows the same.
 */
export function AssessmentCharts({ assessments }: { assessments: Record<AssessmentDimension, HistoryAssessmentPoint[]> }) {
  const series = assessmentDimensions.map((dimension) => ({
    dimension,
    points: [...(assessments[dimension] ?? [])].sort((a, b) => a.assessedOn.localeCompare(b.assessedOn)),
  }));
  const range = dateRange(series.map((s) => s.points));
  if (range === null) return <p className="muted">Inga bedömningar ännu.</p>;

  const dates = [...new Set(series.flatMap((s) => s.points.map((p) => p.assessedOn)))].sort().reverse();

  return (
    <>
      <p className="history-card__lead">
        {range.from === range.to ? `Bedömt ${range.from}.` : `Från ${range.from} till ${range.to}.`} Betyg 1–5, där 5 är bäst (överst i
        diagrammen); låga betyg i rött.
      </p>
      <ul className="history-charts">
        {series.map(({ dimension, points }) => {
          const latest = points[points.length - 1];
          const dots = sparklineDots(points, range, CHART);
          return (
            <li key={dimension} className="history-chart">
              <span className="history-chart__label" aria-hidden="true">{assessmentDimensionLabels[dimension]}</span>
              <svg
                className="history-chart__image"
                role="img"
                aria-label={chartText(dimension, points)}
                width={CHART.width}
                height={CHART.height}
                viewBox={`0 0 ${CHART.width} ${CHART.height}`}
              >
                {[SCORE_MIN, 3, SCORE_MAX].map((score) => (
                  <line key={score} x1={0} x2={CHART.width} y1={scoreY(score)} y2={scoreY(score)} className="history-chart__grid" />
                ))}
                {dots.length > 1 && <polyline className="history-chart__line" points={dots.map((d) => `${d.x},${d.y}`).join(' ')} />}
                {dots.map((dot, index) => (
                  <circle
                    key={`${dot.point.assessedOn}-${index}`}
                    cx={dot.x}
                    cy={dot.y}
                    r={index === dots.length - 1 ? 4.5 : 3.5}
                    className={dot.point.score <= LOW_SCORE ? 'history-chart__dot history-chart__dot--low' : 'history-chart__dot'}
                  >
                    <title>{`${dot.point.assessedOn}: ${dot.point.score}`}</title>
                  </circle>
                ))}
              </svg>
              {/* The latest score is in the image's text too: shown, not read twice. */}
              <span className="history-chart__latest" aria-hidden="true">
                {latest ? (
                  <>
                    <span>
                      <strong>{latest.score}</strong> av 5
                    </span>
                    <span className="history-chart__meta">
                      {points.length > 1 ? `${points.length} bedömningar · snitt ${meanText(points)}` : latest.assessedOn}
                    </span>
                  </>
                ) : (
                  <span className="muted">Inte bedömd</span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      <details className="history-details">
        <summary>Visa bedömningarna som tabell</summary>
        <table className="history-table history-table--compact">
          <caption className="visually-hidden">Bedömningar per datum och område, nyast först</caption>
          <thead>
            <tr>
              <th scope="col">Datum</th>
              {assessmentDimensions.map((dimension) => (
                <th key={dimension} scope="col">{assessmentDimensionLabels[dimension]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {dates.map((date) => (
              <tr key={date}>
                <th scope="row">{date}</th>
                {series.map(({ dimension, points }) => {
                  const scores = points.filter((p) => p.assessedOn === date).map((p) => p.score);
                  return <td key={dimension}>{scores.length > 0 ? scores.join(', ') : <span className="muted">–</span>}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
