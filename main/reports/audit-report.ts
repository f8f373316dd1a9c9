/**
 * "Egenkontroll – slumpmässig aktgranskning" as a PDF, for the board (nämnden): how the files were
 * drawn and how anyone can check the draw, the result per checklist item as a table and the
 * window's chart (the same `complianceChartOption`), the deviations, the analysis and the actions.
 *
 * The report is about vulnerable children, so it names none: files are "Akt N" (their place in
 * the draw), and the input carries no placement id, child or personnummer. The free texts are the
 * auditors' own; a personnummer typed into one is masked all the same (withoutPersonnummer).
 */
import type { ContentTable } from 'pdfmake/interfaces';
import { complianceChartHeight, complianceChartOption, complianceChartStyle, shareText } from '../domain/audit-chart';
import type { ItemCompliance } from '../domain/audit-summary';
import type { IsoDate } from '../domain/dates';
import { hasValidLuhn } from '../domain/luhn';
import { chartSvg } from './chart';
import { chart, figure, heading, keyValues, paragraph, REPORT_FONT, table, type Content } from './document';
import { CREATOR, type DocumentDefinition } from './pdf';

export const AUDIT_REPORT_TITLE = 'Egenkontroll – slumpmässig aktgranskning';

/** Where a revisor finds the script that repeats the draw with coreutils. */
export const AUDIT_SCRIPT_DOC = 'docs/aktgranskning.md';

export interface AuditDeviation {
  /** The file's pseudonym, "Akt 7" (fileLabel): never the child or the placement. */
  file: string;
  itemNumber: number;
  item: string;
  comment: string;
  alreadyReported: boolean;
}

export interface AuditAction {
  action: string;
  responsible: string;
  dueOn: IsoDate;
  doneOn: IsoDate | null;
}

export interface AuditReportInput {
  /** "Exempelby kommun": also the PDF's author, which names no person; null when not given (the command line's report without --kommun). */
  municipality: string | null;
  /** Who made the report (the signed-in user). */
  author: string;
  /** The day the report was made. */
  date: IsoDate;
  round: {
    name: string;
    from: IsoDate;
    to: IsoDate;
    unit: string | null;
    /** The placement form's Swedish label. */
    form: string | null;
    legalBasis: string | null;
    caseworker: string | null;
    seed: string;
    populationSize: number;
    /** SHA-256 of the population's ids, 64 lowercase hex. */
    populationHash: string;
    /** Files drawn. */
    size: number;
    /** Placements left out because they were audited in a round that ended within `exclusionMonths`. */
    excludedCount: number;
    /** null: no exclusion. */
    exclusionMonths: number | null;
    checklistVersion: number;
    createdBy: string;
    /** ISO timestamp of the draw. */
    createdAt: string;
  };
  progress: { audited: number; total: number };
  /** Per item, in the checklist's order (complianceOf). */
  compliance: readonly ItemCompliance[];
  /** All items together (overallCompliance). */
  overall: number | null;
  /** In the order to print: by file, then item. */
  deviations: readonly AuditDeviation[];
  analysis: string;
  actions: readonly AuditAction[];
  createdAt?: Date;
}

/** The chart's drawing width in SVG units; set 470 pt wide, its 12 px text prints at about 9 pt. */
const CHART_WIDTH = 640;
const CHART_WIDTH_PT = 470;
/** An A4 page's content height is about 726 pt: the chart and its caption never need more than one. */
const CHART_MAX_HEIGHT_PT = 620;

/**
 * Personnummer and samordningsnummer (10 or 12 digits, with or without "-" or "+") whose date
 * part could be a birth date and whose check digit holds: masked in the free texts, since an
 * auditor may paste one into a comment and the report goes to the board.
 */
const PERSONNUMMER_LIKE = /(?<!\d)(?:(?:19|20)\d{2}|\d{2})(\d{2})(\d{2})[-+ ]?\d{4}(?!\d)/g;
const MASK = '[personnummer borttaget]';

export function withoutPersonnummer(text: string): string {
  return text.replace(PERSONNUMMER_LIKE, (found: string, month: string, day: string) => {
    const digits = found.replace(/[-+ ]/g, '').slice(-10);
    const m = Number(month);
    const d = Number(day) > 60 ? Number(day) - 60 : Number(day);
    return m >= 1 && m <= 12 && d >= 1 && d <= 31 && hasValidLuhn(digits) ? MASK : found;
  });
}

/** The 64 hex of a SHA-256 in eight groups of eight on two lines: it fits the column and reads like a fingerprint. */
export function hashText(hash: string): string {
  const groups = hash.match(/.{1,8}/g) ?? [hash];
  return `${groups.slice(0, 4).join(' ')}\n${groups.slice(4).join(' ')}`.trim();
}

/**
 * A word longer than `length` characters is broken by hand: in a table cell pdfmake breaks a
 * word only at a hyphen, and one without (a long seed, a document id) runs out of the cell and
 * off the page. 24 characters fit the report's narrowest text column (the comments, ~180 pt at 9 pt).
 */
function breakLongWords(text: string, length = 24): string {
  return text.replace(new RegExp(`\\S{${length + 1},}`, 'g'), (word) => (word.match(new RegExp(`.{1,${length}}`, 'g')) ?? [word]).join('\n'));
}

/** Free text for a table cell: no personnummer, no word wider than the cell. */
const cellText = (text: string) => breakLongWords(withoutPersonnummer(text));

/** The calendar day of an ISO timestamp in the machine's time zone, the user's (as the window shows it). */
function localDay(timestamp: string): string {
  const parsed = new Date(timestamp);
  if (Number.isNaN(parsed.getTime())) return timestamp.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
}

/**
 * keyValues with a label column of fixed width: pdfmake shares the room of an auto column with a
 * long value and would wrap "Populationens storlek"; fixed, both blocks also line up.
 */
function facts(pairs: readonly (readonly [string, string])[]): ContentTable {
  const node = keyValues(pairs);
  return { ...node, table: { ...node.table, widths: [LABEL_WIDTH_PT, '*'] } };
}
const LABEL_WIDTH_PT = 118;
const FILE_WIDTH_PT = 42;

const period = (from: IsoDate, to: IsoDate) => `${from} – ${to}`;
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function filtersText(round: AuditReportInput['round']): string {
  const filters = [
    round.unit === null ? null : `enhet ${round.unit}`,
    round.form === null ? null : `placeringsform ${round.form}`,
    round.legalBasis === null ? null : `lagrum ${round.legalBasis}`,
    round.caseworker === null ? null : `handläggare ${round.caseworker}`,
  ].filter((f): f is string => f !== null);
  return filters.length === 0 ? 'Ingen: alla placeringar' : filters.join('; ');
}

function exclusionText(round: AuditReportInput['round']): string {
  if (round.exclusionMonths === null) return 'Inget: placeringar som granskats tidigare kunde dras igen.';
  const left = round.excludedCount === 0 ? 'ingen denna gång' : count(round.excludedCount, 'placering', 'placeringar');
  return `Placeringar som granskats i en omgång som slutade mindre än ${round.exclusionMonths} månader före periodens början räknades bort: ${left}.`;
}

function progressText({ audited, total }: AuditReportInput['progress']): string {
  return audited < total ? `${audited} av ${total} akter granskade; resultatet gäller de granskade.` : `Alla ${total} akter är granskade.`;
}

function method(round: AuditReportInput['round']): Content[] {
  return [
    heading('Metod', 2),
    paragraph(
      `Populationen är de placeringar som var aktiva minst en dag under perioden ${period(round.from, round.to)}, ` +
        'med avgränsningen och undantaget nedan. Ur den drogs urvalet slumpmässigt, på ett sätt som vem som helst ' +
        'kan upprepa utan Placeringskollen. Akterna kallas Akt 1, Akt 2 och så vidare efter sin plats i urvalet; ' +
        'rapporten namnger inga barn.',
    ),
    facts([
      ['Avgränsning', filtersText(round)],
      ['Undantag', exclusionText(round)],
      ['Populationens storlek', count(round.populationSize, 'placering', 'placeringar')],
      ['Urvalets storlek', count(round.size, 'akt', 'akter')],
      // The seed's column is wide: a line of 48 characters, so that a typed-in seed reads in few pieces.
      ['Frö (seed)', breakLongWords(round.seed, 48)],
      ['Populationens SHA-256', hashText(round.populationHash)],
      ['Checklista', `Version ${round.checklistVersion}`],
      ['Urvalet drogs', `${localDay(round.createdAt)} av ${round.createdBy}`],
    ]),
    heading('Så kontrolleras urvalet', 3),
    paragraph(
      'Rangordna varje placering i populationen efter SHA-256(frö + ":" + placeringens id), skrivet med små ' +
        `hexadecimala tecken. Urvalet är de ${round.size} placeringar som har lägst rang, i rangordning: Akt 1 har lägst. ` +
        'Populationens SHA-256 räknas över placeringarnas id sorterade i teckenkodsordning, ett per rad utan radbrytning ' +
        'efter det sista, och ska vara densamma som ovan (mellanslagen och radbrytningen i summan ovan hör inte till den). ' +
        `Ett skript som gör båda med sha256sum finns i ${AUDIT_SCRIPT_DOC}.`,
    ),
  ];
}

function results(input: AuditReportInput): Content[] {
  const { compliance, overall, progress } = input;
  const sum = (pick: (row: ItemCompliance) => number) => compliance.reduce((total, row) => total + pick(row), 0);
  const rows = compliance.map((row) => [row.number, breakLongWords(row.text), row.ja, row.nej, row.ejTillampligt, row.unanswered, shareText(row.share)]);
  const totalRow = ['', 'Alla punkter', sum((r) => r.ja), sum((r) => r.nej), sum((r) => r.ejTillampligt), sum((r) => r.unanswered), shareText(overall)];
  // The window's option with the PDF's one font, so the chart's words match the text around it.
  const height = complianceChartHeight(compliance.length);
  const svg = chartSvg(complianceChartOption(compliance, { style: { ...complianceChartStyle, fontFamily: REPORT_FONT } }), { width: CHART_WIDTH, height });
  // A long checklist draws a tall chart: narrower, so that it and its caption fit one page.
  const widthPt = Math.min(CHART_WIDTH_PT, Math.floor((CHART_MAX_HEIGHT_PT * CHART_WIDTH) / height));
  return [
    heading('Resultat per punkt', 2),
    paragraph(progressText(progress)),
    paragraph(
      'Andel ja är andelen akter med ja av de akter där punkten var tillämplig (ja eller nej). ' +
        'Ej besvarad är akter där punkten ännu inte har besvarats; de räknas inte in i andelen.',
    ),
    table({
      header: ['Nr', 'Punkt', 'Ja', 'Nej', 'Ej tillämpligt', 'Ej besvarad', 'Andel ja'],
      rows: [...rows, totalRow],
      widths: ['auto', '*', 'auto', 'auto', 'auto', 'auto', 'auto'],
      alignRight: [0, 2, 3, 4, 5, 6],
      boldRows: [rows.length],
    }),
    figure(
      chart(svg, widthPt),
      'Staplarna visar andelen ja per punkt av de akter där punkten var tillämplig. En punkt som inte var tillämplig ' +
        'i någon besvarad akt har ingen stapel. Den streckade linjen är andelen för alla punkter tillsammans.',
    ),
  ];
}

function deviations(input: AuditReportInput): Content[] {
  if (input.deviations.length === 0) {
    return [heading('Avvikelser', 2), paragraph('Inga avvikelser: ingen granskad akt har fått nej på någon punkt.')];
  }
  return [
    heading('Avvikelser', 2),
    paragraph(
      `Varje nej är en avvikelse: ${count(input.deviations.length, 'avvikelse', 'avvikelser')}. ` +
        '”Redan rapporterad” är en avvikelse som granskaren angett som redan rapporterad, till exempel som lex Sarah.',
    ),
    table({
      header: ['Akt', 'Punkt', 'Kommentar', 'Redan rapporterad'],
      rows: input.deviations.map((d) => [d.file, breakLongWords(`${d.itemNumber}. ${d.item}`), d.comment.trim() === '' ? '–' : cellText(d.comment), d.alreadyReported ? 'Ja' : 'Nej']),
      // Fixed: an auto column would wrap "Akt 12" to make room for the comments.
      widths: [FILE_WIDTH_PT, '*', '*', 'auto'],
    }),
  ];
}

function analysis(text: string): Content[] {
  // Blank lines separate paragraphs, as the auditor wrote them; pdfmake breaks a paragraph's long words itself.
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return [heading('Analys', 2), ...(paragraphs.length === 0 ? [paragraph('Ingen analys skriven.')] : paragraphs.map((p) => paragraph(withoutPersonnummer(p))))];
}

function actions(input: AuditReportInput): Content[] {
  if (input.actions.length === 0) return [heading('Åtgärder', 2), paragraph('Inga åtgärder beslutade.')];
  return [
    heading('Åtgärder', 2),
    table({
      header: ['Åtgärd', 'Ansvarig', 'Klart senast', 'Klar'],
      rows: input.actions.map((a) => [cellText(a.action), cellText(a.responsible), a.dueOn, a.doneOn ?? 'Inte ännu']),
      widths: ['*', 'auto', 'auto', 'auto'],
    }),
  ];
}

export function auditReport(input: AuditReportInput): DocumentDefinition {
  const { municipality, author, date, round, progress, createdAt } = input;
  return {
    title: AUDIT_REPORT_TITLE,
    author: municipality ?? round.unit ?? CREATOR,
    subject: `Slumpmässig aktgranskning ${period(round.from, round.to)}: resultat per punkt, avvikelser, analys och åtgärder`,
    ...(createdAt ? { createdAt } : {}),
    content: [
      heading(AUDIT_REPORT_TITLE, 1),
      facts([
        ...(municipality === null ? [] : [['Kommun', municipality] as const]),
        ['Enhet', round.unit ?? 'Alla enheter'],
        ['Granskningsomgång', withoutPersonnummer(round.name)],
        ['Period', period(round.from, round.to)],
        ['Granskade akter', `${progress.audited} av ${progress.total}`],
        ['Rapporten gjord av', author],
        ['Datum', date],
      ]),
      ...method(round),
      ...results(input),
      ...deviations(input),
      ...analysis(input.analysis),
      ...actions(input),
    ],
  };
}
