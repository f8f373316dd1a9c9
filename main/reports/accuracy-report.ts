/**
 * "Träffsäkerhet för kvalitetsindexet" as a PDF: the per-grade figures of main/domain/accuracy as
 * a table, the window's chart (the same `accuracyChartOption`) and a short account of the method.
 * Only counts: the figures hold no child, no placement and no home by name.
 */
import { MEANINGFUL_PLACEMENTS, type AccuracyRow } from '../domain/accuracy';
import { accuracyChartOption, accuracyChartStyle, gradeLabel, percentText } from '../domain/accuracy-chart';
import type { IsoDate } from '../domain/dates';
import { chartSvg } from './chart';
import { chart, figure, heading, keyValues, paragraph, REPORT_FONT, table } from './document';
import type { DocumentDefinition } from './pdf';

export const ACCURACY_REPORT_TITLE = 'Träffsäkerhet för kvalitetsindexet';

/** What the report needs of the contract's `Accuracy` (main/reports may not import the contract). */
export interface AccuracyFigures {
  rows: readonly AccuracyRow[];
  total: AccuracyRow;
}

export interface AccuracyReportInput {
  municipality: string;
  /** The day the report was made. */
  date: IsoDate;
  /** The saved settings' version, or null for settings being tried and not saved. */
  settingsVersion: number | null;
  accuracy: AccuracyFigures;
  createdAt?: Date;
}

/** The chart's drawing size in SVG units; set 480 pt wide, its 12 px text prints at about 9 pt. */
const CHART_SIZE = { width: 640, height: 300 };
const CHART_WIDTH_PT = 470;

const rateText = (row: AccuracyRow) => (row.rate === null ? '–' : `${percentText(row.rate)} %`);
const intervalText = (row: AccuracyRow) => (row.low === null || row.high === null ? '–' : `${percentText(row.low)}–${percentText(row.high)} %`);

function remark(row: AccuracyRow): string {
  if (row.placements === 0) return 'Inga placeringar';
  if (row.tooFew) return `För få (under ${MEANINGFUL_PLACEMENTS})`;
  return '';
}

function settingsText(version: number | null): string {
  return version === null ? 'Osparade inställningar som prövas' : `Version ${version}`;
}

export function accuracyReport({ municipality, date, settingsVersion, accuracy, createdAt }: AccuracyReportInput): DocumentDefinition {
  const { rows, total } = accuracy;
  const figures = [...rows, total];
  const tableRows = figures.map((row, index) => [
    index === rows.length ? 'Alla' : gradeLabel(row),
    row.placements,
    row.breakdowns,
    rateText(row),
    intervalText(row),
    remark(row),
  ]);
  // The window's option with the PDF's one font, so the chart's words match the text around it.
  const svg = chartSvg(accuracyChartOption(rows, total, { style: { ...accuracyChartStyle, fontFamily: REPORT_FONT } }), CHART_SIZE);

  return {
    title: ACCURACY_REPORT_TITLE,
    author: municipality,
    subject: 'Andel placeringar som slutade i sammanbrott, per betyg i kvalitetsindexet',
    ...(createdAt ? { createdAt } : {}),
    content: [
      heading(ACCURACY_REPORT_TITLE, 1),
      keyValues([
        ['Kommun', municipality],
        ['Datum', date],
        ['Inställningar', settingsText(settingsVersion)],
        ['Avslutade placeringar', `${total.placements}, varav ${total.breakdowns} sammanbrott`],
      ]),
      heading('Så har träffsäkerheten räknats', 2),
      paragraph(
        'För varje avslutad placering tas det kvalitetsindex som placeringens första hem hade dagen innan placeringen började, ' +
          'alltså det som gick att veta när hemmet valdes, och ställs bredvid hur placeringen slutade. ' +
          'Per betyg redovisas hur många placeringar som slutade i sammanbrott och hur stor andel det är. ' +
          'Ett index som skiljer bra hem från mindre bra ska visa färre sammanbrott vid bättre betyg.',
      ),
      paragraph(
        'Andelen anges med ett 95 %-intervall (Wilson): med så många placeringar ligger den verkliga andelen troligen inom intervallet. ' +
          `Ett betyg med färre än ${MEANINGFUL_PLACEMENTS} placeringar är för få för att säga något; intervallet blir då bredare än ±20 procentenheter. ` +
          '”Inget index” är placeringar vars hem hade för lite underlag för ett värde.',
      ),
      heading('Sammanbrott per betyg', 2),
      table({
        header: ['Betyg', 'Placeringar', 'Sammanbrott', 'Andel', '95 %-intervall', 'Anmärkning'],
        rows: tableRows,
        widths: ['auto', 'auto', 'auto', 'auto', 'auto', '*'],
        alignRight: [1, 2, 3, 4],
        boldRows: [rows.length],
      }),
      figure(
        chart(svg, CHART_WIDTH_PT),
        'Staplarna visar andelen sammanbrott per betyg och strecken över dem 95 %-intervallet. ' +
          'Ljusa, streckade staplar har för få placeringar. Den streckade linjen är andelen för alla placeringar.',
      ),
    ],
  };
}
