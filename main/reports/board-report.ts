/**
 * Nämndrapporten as a PDF: the period's placements, legal compliance, outcomes and cost beside the
 * same period a year earlier, with the automatic summary first. Every figure comes from
 * main/domain/board-report (already through the small-number rules) and is worded by board-text,
 * as on the screen. The report becomes a public document: no child, no family is named in it.
 */
import { complianceChartStyle } from '../domain/audit-chart';
import { boardChartHeight, boardComplianceChartOption } from '../domain/board-chart';
import { complianceIndicators, complianceNames, type BoardFigures, type BoardReport, type CostRow, type OutcomeRow, type ShareFigure, type ShownTableFigures } from '../domain/board-report';
import { boardShareText, countText, daysText, kronorText, rateText } from '../domain/board-text';
import type { IsoDate } from '../domain/dates';
import { HIDDEN_TEXT, SUPPRESSED_TEXT } from '../domain/small-numbers';
import { chartSvg } from './chart';
import { chart, figure, heading, keyValues, paragraph, REPORT_FONT, table, type CellValue, type Content } from './document';
import { CREATOR, type DocumentDefinition } from './pdf';

export const BOARD_REPORT_TITLE = 'Nämndrapport: placerade barn och unga';

export interface BoardReportInput extends BoardReport {
  municipality: string | null;
  unit: string | null;
  /** The day the report was made. */
  date: IsoDate;
  createdAt?: Date;
}

const CHART_WIDTH = 640;
const CHART_WIDTH_PT = 470;

const periodText = ({ from, to }: BoardFigures['period']) => `${from} – ${to}`;

export function boardReportDocument(input: BoardReportInput): DocumentDefinition {
  const { current, previous, summary, municipality, unit, date, createdAt } = input;
  return {
    title: BOARD_REPORT_TITLE,
    author: municipality ?? unit ?? CREATOR,
    subject: `Placeringar, följsamhet mot lagen, utfall och kostnader ${periodText(current.period)}, jämfört med ${periodText(previous.period)}`,
    ...(createdAt ? { createdAt } : {}),
    content: [
      heading(BOARD_REPORT_TITLE, 1),
      keyValues([
        ...(municipality === null ? [] : [['Kommun', municipality] as const]),
        ['Enhet', unit ?? 'Alla enheter'],
        ['Period', periodText(current.period)],
        ['Jämförs med', periodText(previous.period)],
        ['Datum', date],
      ]),
      heading('Sammanfattning', 2),
      summary.length === 0
        ? paragraph('Ingen av de jämförda andelarna ändrades med 5 procentenheter eller mer, och antalet placeringar ändrades mindre än en tiondel.')
        : { ul: summary.map((text) => ({ text, style: 'paragraph' })), margin: [0, 0, 0, 6] },
      paragraph(
        `Siffror som beskriver färre än 5 barn visas som ”${SUPPRESSED_TEXT}”. En siffra som skulle låta en sådan räknas fram visas som ”${HIDDEN_TEXT}” ` +
          '(sekretess enligt offentlighets- och sekretesslagen: rapporten är en allmän handling). Andelar visas utan antal. Varje mått beskrivs med täljare och nämnare sist i rapporten.',
      ),
      ...placements(current, previous),
      ...compliance(current, previous),
      ...outcomes(current, previous),
      ...cost(current),
      ...definitions(),
    ],
  };
}

/**
 * A table of counts: the row labels down the side, the column totals last; the row totals too
 * where adding a row's cells counts something (`rowTotals`).
 */
function countTable(figures: ShownTableFigures, label: string): Content {
  const totalColumn = (value: string): string[] => (figures.rowTotals === null ? [] : [value]);
  const header = [label, ...figures.columns, ...totalColumn('Totalt')];
  const rows: CellValue[][] = figures.rows.map((row, r) => [row, ...figures.cells[r]!.map(countText), ...totalColumn(countText(figures.rowTotals?.[r] ?? null))]);
  rows.push(['Totalt', ...figures.columnTotals.map(countText), ...totalColumn(countText(figures.total))]);
  return table({
    header,
    rows,
    widths: header.map((_, i) => (i === 0 ? '*' : 'auto')),
    alignRight: header.map((_, i) => i).filter((i) => i > 0),
    boldRows: [rows.length - 1],
  });
}

function placements(current: BoardFigures, previous: BoardFigures): Content[] {
  const share = (s: ShareFigure) => boardShareText(s.share);
  return [
    heading('Placeringar', 2),
    paragraph(
      'Nya är placeringar som började under perioden, avslutade de som slutade under den, pågående de som pågick periodens sista dag. ' +
        'Formen är den vistelse placeringen hade den dagen (den första för nya, den sista för avslutade). Totalt räknar en placering en gång per kolumn.',
    ),
    heading('Efter placeringsform', 3),
    countTable(current.placements.byForm, 'Placeringsform'),
    heading('Efter lagrum', 3),
    countTable(current.placements.byBasis, 'Lagrum'),
    paragraph(
      `Av placeringarna som pågick periodens sista dag var ${share(current.placements.institutionShare)} i HVB, stödboende eller SiS-hem ` +
        `(samma dag året innan: ${share(previous.placements.institutionShare)}); resten i familjehem, jourhem och nätverkshem.`,
    ),
  ];
}

/** A share as published: the percent only (numerators and denominators side by side would tell of the few between them). */
function shareCell(s: ShareFigure): string {
  if (!s.counted) return 'inget att räkna';
  if (s.share === null) return SUPPRESSED_TEXT;
  return boardShareText(s.share);
}

function compliance(current: BoardFigures, previous: BoardFigures): Content[] {
  const svg = chartSvg(boardComplianceChartOption(current, previous, { style: { ...complianceChartStyle, fontFamily: REPORT_FONT } }), {
    width: CHART_WIDTH,
    height: boardChartHeight(),
  });
  const rows: CellValue[][] = complianceIndicators.map((id) => [complianceNames[id].title, shareCell(current.compliance[id]), shareCell(previous.compliance[id])]);
  rows.push(['Barnsamtal per barn och år', rateText(current.compliance.barnsamtal.rate), rateText(previous.compliance.barnsamtal.rate)]);
  const reasons = current.compliance.jourhemSpecialReasons;
  const reasonsText = !reasons.counted ? 'Ingen jourhemsvistelse var över tidsgränsen.' : reasons.share === null ? '' : `Av jourhemsvistelserna över tidsgränsen hade ${boardShareText(reasons.share)} särskilda skäl dokumenterade.`;
  return [
    heading('Följsamhet mot lagen', 2),
    table({ header: ['Mått', 'Perioden', 'Året innan'], rows, widths: ['*', 'auto', 'auto'], alignRight: [1, 2] }),
    paragraph(`Barnsamtal ska hållas minst var tredje månad, det vill säga minst fyra per barn och år. ${reasonsText}`.trim()),
    figure(
      chart(svg, CHART_WIDTH_PT),
      'Staplarna visar varje mått för perioden (mörk) och samma period året innan (ljus). Ett mått utan stapel hade inget att räkna eller beskrev färre än 5 barn. ' +
        'För jourhem är en lägre andel bättre; för de andra en högre.',
    ),
  ];
}

function outcomeTable(label: string, rows: readonly OutcomeRow[], total: OutcomeRow | null, before: readonly OutcomeRow[], beforeTotal: OutcomeRow | null): Content {
  const body: CellValue[][] = rows.map((row, i) => [row.label, countText(row.ended), countText(row.breakdowns), boardShareText(row.share), boardShareText(before[i]!.share)]);
  if (total && beforeTotal) body.push([total.label, countText(total.ended), countText(total.breakdowns), boardShareText(total.share), boardShareText(beforeTotal.share)]);
  return table({
    header: [label, 'Avslutade', 'Sammanbrott', 'Andel', 'Andel året innan'],
    rows: body,
    widths: ['*', 'auto', 'auto', 'auto', 'auto'],
    alignRight: [1, 2, 3, 4],
    boldRows: total ? [body.length - 1] : [],
  });
}

function outcomes(current: BoardFigures, previous: BoardFigures): Content[] {
  const o = current.outcomes;
  return [
    heading('Utfall', 2),
    heading('Sammanbrott efter placeringsform', 3),
    paragraph('Placeringar som avslutades under perioden, efter formen de hade sist; sammanbrott är de som avslutades oplanerat.'),
    outcomeTable('Placeringsform', o.byForm, o.total, previous.outcomes.byForm, previous.outcomes.total),
    heading('Sammanbrott efter hemmets betyg', 3),
    paragraph('Betyget är det första hemmets kvalitetsindex dagen innan placeringen började, som i Träffsäkerhet.'),
    outcomeTable('Betyg', o.byGrade, null, previous.outcomes.byGrade, null),
    heading('Placeringarnas längd', 3),
    table({
      header: ['Placeringsform', 'Avslutade', 'Median', 'Median året innan'],
      rows: o.length.map((row, i) => [row.label, countText(row.ended), daysText(row.medianDays), daysText(previous.outcomes.length[i]!.medianDays)]),
      widths: ['*', 'auto', 'auto', 'auto'],
      alignRight: [1, 2, 3],
      boldRows: [o.length.length - 1],
    }),
    heading('Avvikelser och lex Sarah efter allvarlighet', 3),
    countTable(o.deviations, 'Slag'),
    heading('Egenkontroll', 3),
    o.auditRounds.length === 0
      ? paragraph('Ingen slumpmässig aktgranskning drogs under perioden.')
      : table({
          header: ['Omgång', 'Granskad period', 'Akter', 'Andel ja'],
          rows: o.auditRounds.map((r) => [r.name, `${r.fromDate} – ${r.toDate}`, countText(r.files), boardShareText(r.compliance)]),
          widths: ['*', 'auto', 'auto', 'auto'],
          alignRight: [2, 3],
        }),
  ];
}

function costTable(label: string, rows: readonly CostRow[], total: CostRow | null): Content {
  const body: CellValue[][] = rows.map((r) => [r.label, countText(r.children), countText(r.careDays), kronorText(r.cost), countText(r.daysWithoutCost)]);
  if (total) body.push([total.label, countText(total.children), countText(total.careDays), kronorText(total.cost), countText(total.daysWithoutCost)]);
  return table({
    header: [label, 'Barn', 'Vårddygn', 'Kostnad', 'Vårddygn utan kostnad'],
    rows: body,
    widths: ['*', 'auto', 'auto', 'auto', 'auto'],
    alignRight: [1, 2, 3, 4],
    boldRows: total ? [body.length - 1] : [],
  });
}

function cost(current: BoardFigures): Content[] {
  return [
    heading('Kostnader', 2),
    paragraph(
      'Vårddygn är dagarna under perioden som barn var placerade; kostnaden är vårddygnen gånger placeringens dygnskostnad, där en sådan är angiven. ' +
        'Familjehem redovisas efter konsulentverksamhet eller som kommunens egna, aldrig efter familj. Utförare med färre än 5 barn redovisas tillsammans.',
    ),
    heading('Efter placeringsform', 3),
    costTable('Placeringsform', current.cost.byForm, current.cost.total),
    heading('Efter utförare', 3),
    current.cost.byProvider.length === 0 ? paragraph('Inga vårddygn under perioden.') : costTable('Utförare', current.cost.byProvider, null),
  ];
}

function definitions(): Content[] {
  return [
    heading('Så räknas måtten', 2),
    table({
      header: ['Mått', 'Täljare', 'Nämnare'],
      rows: indicatorDefinitions.map((d) => [d.title, d.numerator, d.denominator]),
      widths: [120, '*', '*'],
    }),
  ];
}

/** Each indicator's numerator and denominator in words (docs/namndrapport.md says the same, longer). */
export const indicatorDefinitions: readonly { title: string; numerator: string; denominator: string }[] = [
  {
    title: complianceNames.overvagandeOnTime.title,
    numerator: 'de som gjordes senast den dagen',
    denominator: 'överväganden (SoL, LVU 2 §) och omprövningar (LVU 3 §) med sista dag under perioden medan placeringen pågick',
  },
  {
    title: complianceNames.vardnadsoverflyttningOnTime.title,
    numerator: 'de som gjordes senast den dagen',
    denominator: 'överväganden om vårdnadsöverflyttning (2 år i samma familjehem, sedan varje år) med sista dag under perioden',
  },
  {
    title: complianceNames.jourhemOverLimit.title,
    numerator: 'de där barnet bodde kvar efter tidsgränsen någon dag under perioden',
    denominator: 'jourhemsvistelser som pågick någon dag under perioden',
  },
  { title: complianceNames.vardplanInPlace.title, numerator: 'de med vårdplan registrerad', denominator: 'placeringar som pågick periodens sista dag' },
  {
    title: complianceNames.genomforandeplanInPlace.title,
    numerator: 'de med genomförandeplan registrerad',
    denominator: 'placeringar som pågick periodens sista dag och där tiden för planen gått ut',
  },
  {
    title: complianceNames.halsoundersokningRequested.title,
    numerator: 'de där hälsoundersökning begärdes inom tiden',
    denominator: 'placeringar som började under perioden, av barn och unga under åldersgränsen, där tiden gått ut',
  },
  {
    title: complianceNames.registerChecksBeforeDecision.title,
    numerator: 'de där varje vuxens obligatoriska kontroller var gjorda och godtagbara före beslutet',
    denominator: 'beslut under perioden om vistelse i familjehem, jourhem eller nätverkshem',
  },
  {
    title: complianceNames.permitBeforeDecision.title,
    numerator: 'de där ett giltigt IVO-tillstånd var kontrollerat före beslutet',
    denominator: 'beslut under perioden om vistelse i HVB eller stödboende med enskild huvudman',
  },
  { title: 'Barnsamtal per barn och år', numerator: 'barnsamtal under perioden', denominator: 'år som barn under 18 var placerade under perioden' },
  { title: 'Andel sammanbrott', numerator: 'placeringar som avslutades som sammanbrott', denominator: 'placeringar som avslutades under perioden' },
];
