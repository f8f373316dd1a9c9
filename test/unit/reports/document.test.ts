import { describe, expect, it } from 'vitest';
import type { Content, ContentStack, ContentText, TDocumentDefinitions } from 'pdfmake/interfaces';
import { accuracyTable } from '../../../main/domain/accuracy';
import { accuracyReport, ACCURACY_REPORT_TITLE } from '../../../main/reports/accuracy-report';
import { chartSvg } from '../../../main/reports/chart';
import { chart, figure, heading, keyValues, paragraph, table } from '../../../main/reports/document';
import { framedDocument } from '../../../main/reports/pdf';

type Dynamic = Extract<TDocumentDefinitions['footer'], (...args: never[]) => unknown>;
const pageSize = { width: 595.28, height: 841.89, orientation: 'portrait' as const };

describe('report builders', () => {
  it('a table repeats its header row on each page and keeps rows whole', () => {
    const node = table({ header: ['Betyg', 'Placeringar'], rows: [['A', 34], ['B', 41]], alignRight: [1], boldRows: [1] });
    expect(node.table.headerRows).toBe(1);
    expect(node.table.dontBreakRows).toBe(true);
    expect(node.table.widths).toEqual(['*', 'auto']);
    const [header, first, second] = node.table.body;
    expect(header).toEqual([
      { text: 'Betyg', style: 'tableHeader', alignment: 'left' },
      { text: 'Placeringar', style: 'tableHeader', alignment: 'right' },
    ]);
    expect(first).toEqual([
      { text: 'A', alignment: 'left', bold: false },
      { text: '34', alignment: 'right', bold: false },
    ]);
    expect(second?.[1]).toEqual({ text: '41', alignment: 'right', bold: true });
  });

  it('a row or widths of the wrong length throw instead of shifting figures', () => {
    expect(() => table({ header: ['Betyg', 'Placeringar'], rows: [['A']] })).toThrow(/Tabellrad 1 har 1 celler, rubriken 2/);
    expect(() => table({ header: ['Betyg', 'Placeringar'], rows: [], widths: ['*'] })).toThrow(/2 kolumner men 1 bredder/);
  });

  it('headings, paragraphs, key values and figures are plain content nodes', () => {
    expect(heading('Rubrik', 1)).toEqual({ text: 'Rubrik', style: 'h1', headlineLevel: 1 });
    expect(heading('Underrubrik')).toMatchObject({ style: 'h2' });
    expect(paragraph('Text')).toEqual({ text: 'Text', style: 'paragraph' });
    expect(keyValues([['Kommun', 'Exempelby kommun']]).table.body).toEqual([[{ text: 'Kommun', style: 'label' }, { text: 'Exempelby kommun' }]]);
    expect(chart('<svg/>', 300)).toMatchObject({ svg: '<svg/>', width: 300 });
    const kept = figure(chart('<svg/>', 300), 'Bildtext');
    expect(kept.unbreakable).toBe(true);
    expect(kept.stack[1]).toEqual({ text: 'Bildtext', style: 'caption' });
  });
});

describe('the page frame', () => {
  const framed = framedDocument({ title: 'Rapport om något', author: 'Exempelby kommun', content: [paragraph('Text')] });

  it('is A4 in Swedish with the app, not pdfmake, as creator and producer', () => {
    expect(framed.pageSize).toBe('A4');
    expect(framed.language).toBe('sv-SE');
    expect(framed.info).toEqual({ title: 'Rapport om något', author: 'Exempelby kommun', creator: 'Placeringskollen', producer: 'Placeringskollen' });
    expect(framed.defaultStyle).toMatchObject({ font: 'Roboto' });
  });

  it('numbers the pages in Swedish and heads each with the title', () => {
    const footer = (framed.footer as Dynamic)(2, 3, pageSize) as ContentText;
    expect(footer.text).toBe('Sida 2 av 3');
    const header = (framed.header as Dynamic)(1, 3, pageSize) as ContentStack;
    expect(JSON.stringify(header)).toContain('"text":"Rapport om något"');
  });
});

describe('the träffsäkerhet report document', () => {
  const { rows, total } = accuracyTable([]);
  const doc = accuracyReport({ municipality: 'Exempelby kommun', date: '2026-11-22', settingsVersion: 4, accuracy: { rows, total } });
  const texts = (nodes: Content): string[] => JSON.stringify(nodes).match(/"text":"[^"]*"/g) ?? [];

  it('has its title, the settings version and a row per grade and the total', () => {
    expect(doc.title).toBe(ACCURACY_REPORT_TITLE);
    expect(doc.author).toBe('Exempelby kommun');
    const words = texts(doc.content);
    expect(words).toContain('"text":"Version 4"');
    for (const grade of ['A', 'B', 'C', 'D', 'E', 'Inget index', 'Alla']) expect(words).toContain(`"text":"${grade}"`);
  });

  it('draws the chart as SVG with its axis names as text', () => {
    const svg = chartSvg({ xAxis: { type: 'category', data: ['Å', 'Ö'] }, yAxis: { type: 'value', name: 'Andel sammanbrott (%)' }, series: [{ type: 'bar', data: [1, 2] }] }, { width: 400, height: 200 });
    expect(svg).toMatch(/^<svg[^>]* width="400" height="200"/);
    expect(svg).toContain('Andel sammanbrott (%)');
    expect(svg).toContain('>Å<');
  });
});
