import { useMemo } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import {
  boardChartHeight,
  boardComplianceChartOption,
  boardComplianceChartText,
  boardShareText,
  complianceIndicators,
  complianceNames,
  countText,
  daysText,
  kronorText,
  HIDDEN_TEXT,
  SUPPRESSED_TEXT,
  type BoardFigures,
  type BoardReportView,
  type CostRow,
  type OutcomeRow,
  type ShownTableFigures,
} from '../../../preload/api';
import { useEChart } from '../components/useEChart';
import { rateChange, rateFigureText, shareChange, shareFigureText, type Change } from './kpi';
import { periodText } from './period';

/** The PDF's words when nothing changed much (main/reports/board-report.ts). */
const NO_LARGE_CHANGES = 'Ingen av de jämförda andelarna ändrades med 5 procentenheter eller mer, och antalet placeringar ändrades mindre än en tiondel.';

/**
 * The nämndrapport on screen: the same figures as its PDF, in its words, through the same
 * small-number rules (they come from main already suppressed). The key figures first, as cards
 * and a chart; then the PDF's tables, section by section.
 */
export function BoardDashboard({ report }: { report: BoardReportView }) {
  const { current, previous, summary } = report;
  return (
    <div className="board">
      <section className="report-card board__summary" aria-labelledby="board-summary-title">
        <h2 id="board-summary-title" className="report-card__title">Sammanfattning</h2>
        {summary.length === 0 ? (
          <p>{NO_LARGE_CHANGES}</p>
        ) : (
          <ul className="board__summary-list">
            {summary.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        )}
        <p className="report-hint">
          Siffror som beskriver färre än 5 barn visas som ”{SUPPRESSED_TEXT}”. En siffra som skulle låta en sådan räknas fram visas som ”{HIDDEN_TEXT}”
          (sekretess enligt offentlighets- och sekretesslagen: rapporten är en allmän handling). Andelar visas utan antal.
        </p>
      </section>

      <Compliance current={current} previous={previous} />
      <Placements current={current} previous={previous} />
      <Outcomes current={current} previous={previous} />
      <Cost current={current} />
    </div>
  );
}

function ChangeLine({ change }: { change: Change | null }) {
  if (change === null) return <p className="kpi__change kpi__change--none">Ingen jämförelse</p>;
  return (
    <p className={`kpi__change kpi__change--${change.direction}`}>
      {change.text}
      {change.judgement && <span className="kpi__judgement">, {change.judgement}</span>}
    </p>
  );
}

function Compliance({ current, previous }: { current: BoardFigures; previous: BoardFigures }) {
  const option = useMemo(() => boardComplianceChartOption(current, previous) as EChartsCoreOption, [current, previous]);
  const box = useEChart(option, boardChartHeight());
  const barnsamtal = current.compliance.barnsamtal;
  return (
    <section className="report-card" aria-labelledby="board-compliance-title">
      <h2 id="board-compliance-title" className="report-card__title">Följsamhet mot lagen</h2>
      <ul className="kpis" aria-label="Måtten för perioden, jämfört med samma period året innan">
        {complianceIndicators.map((id) => {
          const now = current.compliance[id];
          const then = previous.compliance[id];
          return (
            <li key={id} className="kpi">
              <h3 className="kpi__title">{complianceNames[id].title}</h3>
              <p className={now.share === null ? 'kpi__value kpi__value--none' : 'kpi__value'}>{shareFigureText(now)}</p>
              <p className="kpi__before">året innan: {shareFigureText(then)}</p>
              <ChangeLine change={shareChange(id, now, then)} />
            </li>
          );
        })}
        <li className="kpi">
          <h3 className="kpi__title">Barnsamtal per barn och år</h3>
          <p className={barnsamtal.rate === null ? 'kpi__value kpi__value--none' : 'kpi__value'}>{rateFigureText(barnsamtal)}</p>
          <p className="kpi__before">året innan: {rateFigureText(previous.compliance.barnsamtal)}</p>
          <ChangeLine change={rateChange(barnsamtal, previous.compliance.barnsamtal)} />
        </li>
      </ul>
      <p className="report-text">
        Barnsamtal ska hållas minst var tredje månad, det vill säga minst fyra per barn och år.{' '}
        {!current.compliance.jourhemSpecialReasons.counted
          ? 'Ingen jourhemsvistelse var över tidsgränsen.'
          : current.compliance.jourhemSpecialReasons.share !== null &&
            `Av jourhemsvistelserna över tidsgränsen hade ${boardShareText(current.compliance.jourhemSpecialReasons.share)} särskilda skäl dokumenterade.`}
      </p>
      <figure className="board-chart">
        <div ref={box} className="board-chart__box" role="img" aria-label={boardComplianceChartText(current, previous)} />
        <figcaption className="report-hint">
          Staplarna visar varje mått för perioden (mörk) och samma period året innan (ljus). Ett mått utan stapel hade inget att räkna eller
          beskrev färre än 5 barn. För jourhem är en lägre andel bättre; för de andra en högre.
        </figcaption>
      </figure>
    </section>
  );
}

/** A table of counts, as the PDF's: row labels down the side, totals last; the year before's columns where asked. */
function CountTable({ figures, label, caption }: { figures: ShownTableFigures; label: string; caption: string }) {
  const withTotals = figures.rowTotals !== null;
  return (
    <div className="report-table-wrap">
      <table className="report-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{label}</th>
            {figures.columns.map((column) => (
              <th key={column} scope="col" className="report-table__number">{column}</th>
            ))}
            {withTotals && <th scope="col" className="report-table__number">Totalt</th>}
          </tr>
        </thead>
        <tbody>
          {figures.rows.map((row, r) => (
            <tr key={row}>
              <th scope="row">{row}</th>
              {figures.cells[r]!.map((cell, c) => (
                <NumberCell key={c} text={countText(cell)} before={figures.previousColumns?.includes(c) === true} />
              ))}
              {withTotals && <NumberCell text={countText(figures.rowTotals![r]!)} />}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Totalt</th>
            {figures.columnTotals.map((cell, c) => (
              <NumberCell key={c} text={countText(cell)} before={figures.previousColumns?.includes(c) === true} />
            ))}
            {withTotals && <NumberCell text={countText(figures.total)} />}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** A figure, right-aligned; "färre än 5" and "dold" marked so they read as reasons, not numbers. */
function NumberCell({ text, before = false }: { text: string; before?: boolean }) {
  const hidden = text === SUPPRESSED_TEXT || text === HIDDEN_TEXT;
  const classes = ['report-table__number', before && 'report-table__before', hidden && 'report-table__suppressed'].filter(Boolean).join(' ');
  return <td className={classes}>{text}</td>;
}

function Placements({ current, previous }: { current: BoardFigures; previous: BoardFigures }) {
  return (
    <section className="report-card" aria-labelledby="board-placements-title">
      <h2 id="board-placements-title" className="report-card__title">Placeringar</h2>
      <p className="report-hint">
        Nya är placeringar som började under perioden, avslutade de som slutade under den, pågående de som pågick periodens sista dag. Formen är
        den vistelse placeringen hade den dagen (den första för nya, den sista för avslutade). Totalt räknar en placering en gång per kolumn.
      </p>
      <div className="report-pair">
        <div>
          <h3 className="report-subtitle">Efter placeringsform</h3>
          <CountTable figures={current.placements.byForm} label="Placeringsform" caption="Placeringar efter placeringsform" />
        </div>
        <div>
          <h3 className="report-subtitle">Efter lagrum</h3>
          <CountTable figures={current.placements.byBasis} label="Lagrum" caption="Placeringar efter lagrum" />
        </div>
      </div>
      <p className="report-text">
        Av placeringarna som pågick periodens sista dag var {boardShareText(current.placements.institutionShare.share)} i HVB, stödboende eller
        SiS-hem (samma dag året innan: {boardShareText(previous.placements.institutionShare.share)}); resten i familjehem, jourhem och nätverkshem.
      </p>
    </section>
  );
}

function OutcomeTable({ label, caption, rows, total, before, beforeTotal }: { label: string; caption: string; rows: readonly OutcomeRow[]; total: OutcomeRow | null; before: readonly OutcomeRow[]; beforeTotal: OutcomeRow | null }) {
  const line = (row: OutcomeRow, then: OutcomeRow) => (
    <>
      <th scope="row">{row.label}</th>
      <NumberCell text={countText(row.ended)} />
      <NumberCell text={countText(row.breakdowns)} />
      <NumberCell text={boardShareText(row.share)} />
      <NumberCell text={boardShareText(then.share)} before />
    </>
  );
  return (
    <div className="report-table-wrap">
      <table className="report-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{label}</th>
            <th scope="col" className="report-table__number">Avslutade</th>
            <th scope="col" className="report-table__number">Sammanbrott</th>
            <th scope="col" className="report-table__number">Andel</th>
            <th scope="col" className="report-table__number report-table__before">Andel året innan</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={row.label}>{line(row, before[i]!)}</tr>
          ))}
        </tbody>
        {total && beforeTotal && (
          <tfoot>
            <tr>{line(total, beforeTotal)}</tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

function Outcomes({ current, previous }: { current: BoardFigures; previous: BoardFigures }) {
  const o = current.outcomes;
  const lengthRows = o.length.slice(0, -1);
  const lengthTotal = o.length.at(-1)!;
  const lengthLine = (row: (typeof o.length)[number], i: number) => (
    <>
      <th scope="row">{row.label}</th>
      <NumberCell text={countText(row.ended)} />
      <NumberCell text={daysText(row.medianDays)} />
      <NumberCell text={daysText(previous.outcomes.length[i]!.medianDays)} before />
    </>
  );
  return (
    <section className="report-card" aria-labelledby="board-outcomes-title">
      <h2 id="board-outcomes-title" className="report-card__title">Utfall</h2>
      <div className="report-pair">
        <div>
          <h3 className="report-subtitle">Sammanbrott efter placeringsform</h3>
          <p className="report-hint">Placeringar som avslutades under perioden, efter formen de hade sist; sammanbrott är de som avslutades oplanerat.</p>
          <OutcomeTable label="Placeringsform" caption="Sammanbrott efter placeringsform" rows={o.byForm} total={o.total} before={previous.outcomes.byForm} beforeTotal={previous.outcomes.total} />
        </div>
        <div>
          <h3 className="report-subtitle">Sammanbrott efter hemmets betyg</h3>
          <p className="report-hint">Betyget är det första hemmets kvalitetsindex dagen innan placeringen började, som i Träffsäkerhet.</p>
          <OutcomeTable label="Betyg" caption="Sammanbrott efter hemmets betyg" rows={o.byGrade} total={null} before={previous.outcomes.byGrade} beforeTotal={null} />
        </div>
      </div>
      <div className="report-pair">
        <div>
          <h3 className="report-subtitle">Placeringarnas längd</h3>
          <div className="report-table-wrap">
            <table className="report-table">
              <caption className="visually-hidden">Placeringarnas längd</caption>
              <thead>
                <tr>
                  <th scope="col">Placeringsform</th>
                  <th scope="col" className="report-table__number">Avslutade</th>
                  <th scope="col" className="report-table__number">Median</th>
                  <th scope="col" className="report-table__number report-table__before">Median året innan</th>
                </tr>
              </thead>
              <tbody>
                {lengthRows.map((row, i) => (
                  <tr key={row.label}>{lengthLine(row, i)}</tr>
                ))}
              </tbody>
              <tfoot>
                <tr>{lengthLine(lengthTotal, o.length.length - 1)}</tr>
              </tfoot>
            </table>
          </div>
        </div>
        <div>
          <h3 className="report-subtitle">Avvikelser och lex Sarah efter allvarlighet</h3>
          <CountTable figures={o.deviations} label="Slag" caption="Avvikelser och lex Sarah efter allvarlighet" />
        </div>
      </div>
      <h3 className="report-subtitle">Egenkontroll</h3>
      {o.auditRounds.length === 0 ? (
        <p className="report-text">Ingen slumpmässig aktgranskning drogs under perioden.</p>
      ) : (
        <div className="report-table-wrap">
          <table className="report-table">
            <caption className="visually-hidden">Egenkontroll: aktgranskningar under perioden</caption>
            <thead>
              <tr>
                <th scope="col">Omgång</th>
                <th scope="col">Granskad period</th>
                <th scope="col" className="report-table__number">Akter</th>
                <th scope="col" className="report-table__number">Andel ja</th>
              </tr>
            </thead>
            <tbody>
              {o.auditRounds.map((round) => (
                <tr key={`${round.name}-${round.fromDate}-${round.toDate}`}>
                  <th scope="row">{round.name}</th>
                  <td>{periodText({ from: round.fromDate, to: round.toDate })}</td>
                  <NumberCell text={countText(round.files)} />
                  <NumberCell text={boardShareText(round.compliance)} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function CostTable({ label, caption, rows, total }: { label: string; caption: string; rows: readonly CostRow[]; total: CostRow | null }) {
  const line = (r: CostRow) => (
    <>
      <th scope="row">{r.label}</th>
      <NumberCell text={countText(r.children)} />
      <NumberCell text={countText(r.careDays)} />
      <NumberCell text={kronorText(r.cost)} />
      <NumberCell text={countText(r.daysWithoutCost)} />
    </>
  );
  return (
    <div className="report-table-wrap">
      <table className="report-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{label}</th>
            <th scope="col" className="report-table__number">Barn</th>
            <th scope="col" className="report-table__number">Vårddygn</th>
            <th scope="col" className="report-table__number">Kostnad</th>
            <th scope="col" className="report-table__number">Vårddygn utan kostnad</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>{line(r)}</tr>
          ))}
        </tbody>
        {total && (
          <tfoot>
            <tr>{line(total)}</tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

function Cost({ current }: { current: BoardFigures }) {
  return (
    <section className="report-card" aria-labelledby="board-cost-title">
      <h2 id="board-cost-title" className="report-card__title">Kostnader</h2>
      <p className="report-hint">
        Vårddygn är dagarna under perioden som barn var placerade; kostnaden är vårddygnen gånger placeringens dygnskostnad, där en sådan är
        angiven. Familjehem redovisas efter konsulentverksamhet eller som kommunens egna, aldrig efter familj. Utförare med färre än 5 barn
        redovisas tillsammans.
      </p>
      <div className="report-pair">
        <div>
          <h3 className="report-subtitle">Efter placeringsform</h3>
          <CostTable label="Placeringsform" caption="Kostnader efter placeringsform" rows={current.cost.byForm} total={current.cost.total} />
        </div>
        <div>
          <h3 className="report-subtitle">Efter utförare</h3>
          {current.cost.byProvider.length === 0 ? (
            <p className="report-text">Inga vårddygn under perioden.</p>
          ) : (
            <CostTable label="Utförare" caption="Kostnader efter utförare" rows={current.cost.byProvider} total={null} />
          )}
        </div>
      </div>
    </section>
  );
}
