/**
 * The pieces a report is built from: data in, pdfmake content out. Pure (no fonts, no files): the
 * page frame and the rendering are pdf.ts's. Every report uses these, so headings, tables and
 * figures look the same in all of them.
 */
import type { Content, ContentStack, ContentSvg, ContentTable, ContentText, CustomTableLayout, Size, StyleDictionary, TableCell } from 'pdfmake/interfaces';

/** The one typeface, embedded from pdfmake's package (pdf.ts): it has å, ä and ö. */
export const REPORT_FONT = 'Roboto';

export const reportColours = {
  text: '#1b2430',
  muted: '#4f5b67',
  rule: '#b9c3ce',
  headerFill: '#e9eef3',
} as const;

export const reportStyles: StyleDictionary = {
  h1: { fontSize: 17, bold: true, margin: [0, 0, 0, 6] },
  h2: { fontSize: 13, bold: true, margin: [0, 12, 0, 4] },
  h3: { fontSize: 11, bold: true, margin: [0, 8, 0, 3] },
  paragraph: { margin: [0, 0, 0, 6] },
  table: { fontSize: 9, margin: [0, 2, 0, 10] },
  tableHeader: { bold: true, fillColor: reportColours.headerFill },
  label: { color: reportColours.muted },
  caption: { fontSize: 8.5, color: reportColours.muted, margin: [0, 2, 0, 8] },
  frame: { fontSize: 8, color: reportColours.muted },
};

export type HeadingLevel = 1 | 2 | 3;

export function heading(text: string, level: HeadingLevel = 2): ContentText {
  return { text, style: `h${level}`, headlineLevel: level };
}

export function paragraph(text: string): ContentText {
  return { text, style: 'paragraph' };
}

/** Small muted text under a figure or a table: what it shows, in words. */
export function caption(text: string): ContentText {
  return { text, style: 'caption' };
}

/** Thin rules between rows, a shaded header, no vertical lines: reads well printed in grey. */
const rowRules: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.8 : i === (node.table.headerRows ?? 0) ? 0.8 : 0.4),
  vLineWidth: () => 0,
  hLineColor: () => reportColours.rule,
  paddingLeft: (i) => (i === 0 ? 4 : 6),
  paddingRight: () => 4,
  paddingTop: () => 2.5,
  paddingBottom: () => 2.5,
};

export type CellValue = string | number;

export interface TableSpec {
  header: readonly string[];
  rows: readonly (readonly CellValue[])[];
  /** pdfmake sizes per column: a number in pt, 'auto' or '*'. Default: the first '*', the rest 'auto'. */
  widths?: readonly Size[];
  /** Column indexes whose cells (header too) align right: the figures. */
  alignRight?: readonly number[];
  /** Row indexes (in `rows`) set in bold, e.g. a total. */
  boldRows?: readonly number[];
}

/**
 * A table whose header row repeats at the top of each page it runs onto; a row is never split
 * across pages. A row of the wrong length is a programming error and throws, rather than shifting
 * figures under the wrong heading.
 */
export function table({ header, rows, widths, alignRight = [], boldRows = [] }: TableSpec): ContentTable {
  const columns = header.length;
  rows.forEach((row, index) => {
    if (row.length !== columns) throw new Error(`Tabellrad ${index + 1} har ${row.length} celler, rubriken ${columns}.`);
  });
  if (widths && widths.length !== columns) throw new Error(`Tabellen har ${columns} kolumner men ${widths.length} bredder.`);
  const align = (column: number) => (alignRight.includes(column) ? ('right' as const) : ('left' as const));
  const headerCells: TableCell[] = header.map((text, column) => ({ text, style: 'tableHeader', alignment: align(column) }));
  const body: TableCell[][] = [
    headerCells,
    ...rows.map((row, index) => row.map((value, column): TableCell => ({ text: String(value), alignment: align(column), bold: boldRows.includes(index) }))),
  ];
  return {
    style: 'table',
    layout: rowRules,
    table: {
      headerRows: 1,
      // The header never stands alone at a page's foot: it goes over with the first row.
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: widths ? [...widths] : header.map((_, column) => (column === 0 ? '*' : 'auto')),
      body,
    },
  };
}

/** Label and value pairs, e.g. what a report covers: two columns, no lines. */
export function keyValues(pairs: readonly (readonly [string, string])[]): ContentTable {
  return {
    style: 'table',
    layout: 'noBorders',
    table: {
      widths: ['auto', '*'],
      body: pairs.map(([label, value]): TableCell[] => [
        { text: label, style: 'label' },
        { text: value },
      ]),
    },
  };
}

/** An SVG (chartSvg's) as a vector figure `width` pt wide, its aspect kept; never split over a page. */
export function chart(svg: string, width: number): ContentSvg {
  return { svg, width, margin: [0, 4, 0, 2], unbreakable: true };
}

/** A figure and its caption kept together on one page: a caption alone atop the next page says nothing. */
export function figure(item: Content, captionText: string): ContentStack {
  return { stack: [item, caption(captionText)], unbreakable: true };
}

export type { Content };
