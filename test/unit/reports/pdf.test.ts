import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { accuracyTable, type AccuracyCase } from '../../../main/domain/accuracy';
import type { Grade } from '../../../main/domain/quality-settings';
import { accuracyReport } from '../../../main/reports/accuracy-report';
import { heading, paragraph, table } from '../../../main/reports/document';
import { renderPdf, type DocumentDefinition } from '../../../main/reports/pdf';

// Rendered PDFs are read back with poppler's tools, as a person's PDF reader would see them.
const dir = mkdtempSync(join(tmpdir(), 'pk-reports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
async function rendered(doc: DocumentDefinition): Promise<{ file: string; bytes: Buffer }> {
  const bytes = await renderPdf(doc);
  const file = join(dir, `report-${++fileCount}.pdf`);
  writeFileSync(file, bytes);
  return { file, bytes };
}
const poppler = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });
const text = (file: string, ...pages: string[]) => poppler('pdftotext', ...pages, file, '-');
const squeezed = (s: string) => s.replace(/\s+/g, ' ');
/** The text as laid out: one line per table row, runs of spaces as one. */
const lines = (file: string, ...pages: string[]) =>
  poppler('pdftotext', '-layout', ...pages, file, '-')
    .split('\n')
    .map((line) => squeezed(line).trim());

/** Fictional history: per grade, n ended placements of which k broke down. */
function accuracyOf(spec: readonly [Grade | null, number, number][]) {
  const cases: AccuracyCase[] = [];
  for (const [grade, n, k] of spec) {
    for (let i = 0; i < n; i++) {
      cases.push({
        placementId: `p-${cases.length}`,
        homeId: 'h-1',
        startedOn: '2024-01-10',
        endedOn: '2025-03-01',
        endReason: i < k ? 'sammanbrott' : null,
        score: null,
        grade,
        breakdown: i < k,
      });
    }
  }
  return accuracyTable(cases);
}

const accuracy = accuracyOf([
  ['A', 34, 3],
  ['B', 41, 6],
  ['C', 27, 7],
  ['D', 12, 5],
  ['E', 4, 3],
  [null, 9, 2],
]);
const report = () => accuracyReport({ municipality: 'Exempelby kommun', date: '2026-11-22', settingsVersion: 3, accuracy, createdAt: new Date('2026-11-22T09:00:00Z') });

describe('the träffsäkerhet report as a PDF', () => {
  it('has its title, its figures, the page footer and Swedish letters as text', async () => {
    const { file } = await rendered(report());
    const words = squeezed(text(file));
    expect(words).toContain('Träffsäkerhet för kvalitetsindexet');
    expect(words).toContain('Så har träffsäkerheten räknats');
    expect(words).toContain('Exempelby kommun');
    const rows = lines(file);
    expect(rows).toContain('Betyg Placeringar Sammanbrott Andel 95 %-intervall Anmärkning');
    // Grade B: 6 of 41, 15 %, Wilson interval 6,9–28 %.
    expect(rows).toContain('B 41 6 15 % 6,9–28 %');
    expect(rows).toContain('D 12 5 42 % 19–68 % För få (under 20)');
    expect(rows).toContain('Alla 127 26 20 % 14–28 %');
    expect(words).toContain('För få (under 20)');
    expect(words).toContain('Sida 1 av 1');
  });

  it('embeds every font it uses', async () => {
    const { file } = await rendered(report());
    const rows = poppler('pdffonts', file).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      // name, type words, encoding, then emb sub uni object ID: emb is the fifth field from the end.
      const fields = row.trim().split(/\s+/);
      expect(fields[fields.length - 5], row).toBe('yes');
      expect(row).toContain('Roboto');
    }
  });

  it('draws the chart as vectors and text, not as a picture', async () => {
    const { file } = await rendered(report());
    const words = squeezed(text(file));
    // Words only the chart's SVG has: the axis name, the labels under the bars, the all-grades line.
    expect(words).toContain('Andel sammanbrott (%)');
    expect(words).toContain('3 av 34');
    expect(words).toContain('Alla: 20 %');
    // pdfimages lists two header lines and then one line per raster image.
    expect(poppler('pdfimages', '-list', file).trim().split('\n')).toHaveLength(2);
  });

  it('names the report and the app in its metadata, and nothing of the machine', async () => {
    const { file, bytes } = await rendered(report());
    const info = poppler('pdfinfo', file);
    expect(info).toMatch(/^Title:\s+Träffsäkerhet för kvalitetsindexet$/m);
    expect(info).toMatch(/^Author:\s+Exempelby kommun$/m);
    expect(info).toMatch(/^Creator:\s+Placeringskollen$/m);
    expect(info).toMatch(/^Producer:\s+Placeringskollen$/m);
    expect(info).toMatch(/^Page size:.*\(A4\)$/m);
    const raw = bytes.toString('latin1');
    expect(raw).not.toContain('node_modules');
    expect(raw).not.toContain(resolve('.'));
    expect(raw).not.toContain('pdfmake');
  });

  it('renders a history without a single ended placement', async () => {
    const empty = accuracyOf([]);
    const { file } = await rendered(accuracyReport({ municipality: 'Exempelby kommun', date: '2026-11-22', settingsVersion: null, accuracy: empty }));
    const rows = lines(file);
    expect(rows).toContain('Inställningar Osparade inställningar som prövas');
    expect(rows).toContain('A 0 0 – – Inga placeringar');
    expect(rows).toContain('Alla 0 0 – – Inga placeringar');
  });
});

describe('the page frame and the access policies', () => {
  it('repeats a long table\'s header on every page and numbers the pages', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`Rad ${i + 1}`, i + 1]);
    const { file } = await rendered({
      title: 'Lång tabell',
      author: 'Exempelby kommun',
      content: [heading('Lång tabell', 1), table({ header: ['Benämning', 'Värde'], rows, alignRight: [1] })],
    });
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(poppler('pdfinfo', file))?.[1]);
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++) {
      const onPage = lines(file, '-f', String(page), '-l', String(page));
      expect(onPage).toContain('Benämning Värde');
      expect(onPage).toContain(`Sida ${page} av ${pages}`);
      expect(onPage).toContain('Lång tabell Placeringskollen');
    }
  });

  it('reads no local file but its fonts', async () => {
    const doc: DocumentDefinition = { title: 'Bild', author: 'Exempelby kommun', content: [{ image: resolve('package.json') }] };
    await expect(renderPdf(doc)).rejects.toThrow(/Access to local file denied/);
  });

  it('fetches no URL', async () => {
    // A report's frame has no images dictionary, so a URL can only come as a node's source; the
    // local policy refuses it before anything is fetched (the URL policy is shut as well).
    const doc: DocumentDefinition = { title: 'Bild', author: 'Exempelby kommun', content: [{ image: 'https://example.invalid/bild.png' }] };
    await expect(renderPdf(doc)).rejects.toThrow(/denied/);
  });
});

describe('a heading keeps with what follows it', () => {
  it('a heading that would end a page starts the next one instead', async () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => paragraph(`Rad ${i + 1}`));
    const onFirstPage = async (content: DocumentDefinition['content']) => text((await rendered({ title: 'Prov', author: 'Exempelby kommun', content })).file, '-f', '1', '-l', '1');
    // The most rows after which a heading alone still ends page 1: there it is the page's last line.
    let rows = 60;
    while (!(await onFirstPage([...filler(rows), heading('Rubriken', 2)])).includes('Rubriken')) rows -= 1;
    // With a paragraph after it that no longer fits, the heading goes with it to page 2.
    const { file } = await rendered({ title: 'Prov', author: 'Exempelby kommun', content: [...filler(rows), heading('Rubriken', 2), paragraph('Texten under rubriken.')] });
    expect(text(file, '-f', '1', '-l', '1')).not.toContain('Rubriken');
    expect(squeezed(text(file, '-f', '2', '-l', '2'))).toContain('Rubriken Texten under rubriken.');
  });
});
