/**
 * A list as a file for Excel: rows and column definitions in, the bytes of an xlsx workbook or a
 * CSV file out. Pure (no register, no clock): the export service pages the list and hands the
 * cells here.
 *
 * xlsx (ExcelJS): one sheet with a Swedish name, Swedish headers in a frozen first row with a
 * filter over it, dates as real Excel dates shown as yyyy-mm-dd, numbers as numbers.
 * CSV as Swedish Excel opens it: UTF-8 with a BOM, semicolons, CRLF, a field with ; " or a line
 * break quoted, numbers with a decimal comma, dates as YYYY-MM-DD.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

/** What a column holds: text, a calendar date (`YYYY-MM-DD`), a decimal number or a whole number. */
export type SheetColumnKind = 'text' | 'date' | 'number' | 'integer';

export interface SheetColumn {
  /** The Swedish header. */
  header: string;
  kind: SheetColumnKind;
  /** In characters, as Excel measures a column. */
  width: number;
}

/** One cell: text for `text`, `YYYY-MM-DD` for `date`, a number for `number`/`integer`; null when empty. */
export type SheetCell = string | number | null;

export interface Sheet {
  /** The sheet's name in Swedish (Excel allows 31 characters, none of \ / ? * [ ] :). */
  name: string;
  columns: readonly SheetColumn[];
  rows: Iterable<readonly SheetCell[]>;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as the Date Excel shows as that date: midnight UTC (ExcelJS writes UTC). */
function excelDate(value: string): Date | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** A name Excel accepts for a sheet. */
export function sheetName(name: string): string {
  const cleaned = name.replace(/[\\/?*[\]:]/g, '-').trim();
  return (cleaned === '' ? 'Blad1' : cleaned).slice(0, 31);
}

/** The cell's value as ExcelJS writes it: a Date for a date column, a number for a number column. */
function xlsxValue(kind: SheetColumnKind, cell: SheetCell): ExcelJS.CellValue {
  if (cell === null || cell === '') return null;
  switch (kind) {
    case 'date':
      return typeof cell === 'string' ? (excelDate(cell) ?? cell) : cell;
    case 'number':
    case 'integer':
      return typeof cell === 'number' ? cell : cell;
    case 'text':
      return String(cell);
  }
}

const numberFormats: Record<SheetColumnKind, string | undefined> = {
  text: undefined,
  date: 'yyyy-mm-dd',
  number: '0.0##',
  integer: '0',
};

/**
 * The sheet as the bytes of an xlsx workbook. ExcelJS's streaming writer: each row is committed
 * as it is added (its XML written and the row let go), which is several times faster than the
 * in-memory workbook for a list of thousands of rows (`npm run bench -- --only export`).
 */
export async function buildXlsx(sheet: Sheet, meta: { creator?: string; created?: Date } = {}): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = meta.creator ?? 'Placeringskollen';
  if (meta.created) {
    workbook.created = meta.created;
    workbook.modified = meta.created;
  }
  const worksheet = workbook.addWorksheet(sheetName(sheet.name), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
  });
  worksheet.columns = sheet.columns.map((column, index) => ({
    key: String(index),
    width: column.width,
    ...(numberFormats[column.kind] ? { style: { numFmt: numberFormats[column.kind] } } : {}),
  }));
  const header = worksheet.getRow(1);
  header.values = sheet.columns.map((column) => column.header);
  header.font = { bold: true };
  // The header's cells are text whatever the column's format.
  header.eachCell((cell) => {
    cell.numFmt = '@';
  });
  header.commit();
  let count = 0;
  for (const row of sheet.rows) {
    worksheet.addRow(sheet.columns.map((column, index) => xlsxValue(column.kind, row[index] ?? null))).commit();
    count++;
  }
  const columns = Math.max(1, sheet.columns.length);
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + count, column: columns } };
  worksheet.commit();
  await workbook.commit();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

const BOM = '\uFEFF';

/** A number with a decimal comma and no grouping ("1234,5"), as Swedish Excel reads it. */
function swedishNumber(value: number, kind: SheetColumnKind): string {
  if (!Number.isFinite(value)) return '';
  if (kind === 'integer') return String(Math.round(value));
  return String(value).replace('.', ',');
}

/**
 * One CSV field: quoted when it holds the separator, a quote or a line break (quotes doubled).
 * Text that Excel would take for a formula (= + - @ at the start) gets an apostrophe before it.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csvCell(kind: SheetColumnKind, cell: SheetCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return kind === 'text' ? csvField(String(cell)) : swedishNumber(cell, kind);
  // A date is written as given (YYYY-MM-DD); other text as a field.
  if (kind === 'date' && ISO_DATE.test(cell)) return cell;
  return csvField(cell);
}

/** The sheet as a CSV file's text (BOM, `;`, CRLF, a CRLF after the last row too). */
export function csvText(sheet: Pick<Sheet, 'columns' | 'rows'>): string {
  const lines = [sheet.columns.map((column) => csvField(column.header)).join(';')];
  for (const row of sheet.rows) lines.push(sheet.columns.map((column, index) => csvCell(column.kind, row[index] ?? null)).join(';'));
  return BOM + lines.join('\r\n') + '\r\n';
}

/** The sheet as the bytes of a CSV file (UTF-8 with BOM). */
export function buildCsv(sheet: Pick<Sheet, 'columns' | 'rows'>): Uint8Array {
  return new TextEncoder().encode(csvText(sheet));
}
