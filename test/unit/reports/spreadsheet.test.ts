import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildCsv, buildXlsx, csvText, sheetName, type Sheet } from '../../../main/reports/spreadsheet';

const sheet: Sheet = {
  name: 'Bevakningslista',
  columns: [
    { header: 'Barn', kind: 'text', width: 20 },
    { header: 'Förfaller', kind: 'date', width: 12 },
    { header: 'Andel', kind: 'number', width: 10 },
    { header: 'Försenade bevakningar', kind: 'integer', width: 10 },
  ],
  rows: [
    ['Åsa Öberg', '2026-11-22', 72.5, 3],
    ['Skyddad identitet', '2024-02-29', null, 0],
    ['Text; med "citat"\noch rad', null, 0.125, null],
    ['=HYPERLINK("x")', '2026-01-01', 1234.5, 12],
  ],
};

async function readBack(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

describe('the xlsx builder', () => {
  it('writes a sheet with a Swedish name and the Swedish headers in a bold first row', async () => {
    const workbook = await readBack(await buildXlsx(sheet));
    const ws = workbook.getWorksheet('Bevakningslista')!;
    expect(ws).toBeDefined();
    expect(ws.getRow(1).values).toEqual([undefined, 'Barn', 'Förfaller', 'Andel', 'Försenade bevakningar']);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.rowCount).toBe(5);
  });

  it('freezes the header row and sets a filter over the header and every row', async () => {
    const ws = (await readBack(await buildXlsx(sheet))).worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // ExcelJS reads an autofilter back as its range: the header and the four rows.
    expect(ws.autoFilter).toBe('A1:D5');
  });

  it('writes dates as real dates shown yyyy-mm-dd (29 February of a leap year too), numbers as numbers', async () => {
    const ws = (await readBack(await buildXlsx(sheet))).worksheets[0]!;
    const due = ws.getCell('B2');
    expect(due.type).toBe(ExcelJS.ValueType.Date);
    expect((due.value as Date).toISOString()).toBe('2026-11-22T00:00:00.000Z');
    expect(due.numFmt).toBe('yyyy-mm-dd');
    expect((ws.getCell('B3').value as Date).toISOString().slice(0, 10)).toBe('2024-02-29');
    expect(ws.getCell('C2').type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell('C2').value).toBe(72.5);
    expect(ws.getCell('D2').value).toBe(3);
    expect(ws.getCell('D2').numFmt).toBe('0');
    // An empty cell stays empty, never the text "null".
    expect(ws.getCell('C3').value).toBeNull();
    expect(ws.getCell('B4').value).toBeNull();
  });

  it('keeps text as text: åäö, line breaks, and what looks like a formula never becomes one', async () => {
    const ws = (await readBack(await buildXlsx(sheet))).worksheets[0]!;
    expect(ws.getCell('A2').value).toBe('Åsa Öberg');
    expect(ws.getCell('A4').value).toBe('Text; med "citat"\noch rad');
    expect(ws.getCell('A5').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A5').value).toBe('=HYPERLINK("x")');
  });

  it('makes an empty list a sheet with its header alone', async () => {
    const ws = (await readBack(await buildXlsx({ ...sheet, rows: [] }))).worksheets[0]!;
    expect(ws.rowCount).toBe(1);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('gives a sheet a name Excel accepts', () => {
    expect(sheetName('Kontroller: 2026/11')).toBe('Kontroller- 2026-11');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
    expect(sheetName('  ')).toBe('Blad1');
  });
});

describe('the csv builder', () => {
  it('starts with a UTF-8 BOM and separates with semicolons and CRLF', () => {
    const bytes = buildCsv(sheet);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFFBarn;Förfaller;Andel;Försenade bevakningar\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[1]).toBe('Åsa Öberg;2026-11-22;72,5;3');
  });

  it('writes dates as YYYY-MM-DD, numbers with a decimal comma, empty cells empty', () => {
    const lines = csvText(sheet).split('\r\n');
    expect(lines[2]).toBe('Skyddad identitet;2024-02-29;;0');
    expect(lines[4]).toBe(`"'=HYPERLINK(""x"")";2026-01-01;1234,5;12`);
  });

  it('quotes a field with a semicolon, a quote or a line break, doubling the quotes', () => {
    const text = csvText(sheet);
    expect(text).toContain('"Text; med ""citat""\noch rad";;0,125;\r\n');
  });

  it('never lets a spreadsheet run a field as a formula', () => {
    const text = csvText({ columns: [{ header: 'Namn', kind: 'text', width: 10 }], rows: [['=1+1'], ['+46'], ['-x'], ['@SUM']] });
    expect(text.split('\r\n').slice(1, 5)).toEqual(["'=1+1", "'+46", "'-x", "'@SUM"]);
  });
});
