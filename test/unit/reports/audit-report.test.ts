import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultChecklist, type ChecklistAnswer, type ChecklistItem } from '../../../main/domain/audit-checklist';
import { luhnCheckDigit } from '../../../main/domain/luhn';
import { complianceOf, fileLabel, overallCompliance, type FileAnswer } from '../../../main/domain/audit-summary';
import { drawSample } from '../../../main/domain/sampling';
import { AUDIT_REPORT_TITLE, auditReport, hashText, withoutPersonnummer, type AuditReportInput } from '../../../main/reports/audit-report';
import { renderPdf } from '../../../main/reports/pdf';

// Rendered PDFs are read back with poppler's tools, as a person's PDF reader would see them.
const dir = mkdtempSync(join(tmpdir(), 'pk-audit-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const poppler = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });
const squeezed = (s: string) => s.replace(/\s+/g, ' ');
const text = (file: string, ...pages: string[]) => squeezed(poppler('pdftotext', ...pages, file, '-'));
/** The text as laid out: one line per table row, runs of spaces as one. */
const lines = (file: string) =>
  poppler('pdftotext', '-layout', file, '-')
    .split('\n')
    .map((line) => squeezed(line).trim());
const pageCount = (file: string) => Number(/^Pages:\s+(\d+)$/m.exec(poppler('pdfinfo', file))?.[1]);

async function rendered(input: AuditReportInput, name: string): Promise<string> {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await renderPdf(auditReport(input)));
  return file;
}

/**
 * What the register knows and the report must not say: placements with their children. The
 * report's input is built from it the way the service will be: the draw, then "Akt N" by rank.
 */
const population = Array.from({ length: 30 }, (_, i) => {
  const nine = `1001${String(10 + i).padStart(2, '0')}${String(200 + i)}`;
  return {
    placementId: `PL-${String(i + 1).padStart(3, '0')}`,
    child: { name: `Barn${i + 1} Testsson`, personnummer: `20${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}` },
  };
});
const placementIds = population.map((p) => p.placementId);
const SEED = 'a3f9c2d18e7b4056';

interface RoundSpec {
  items: readonly ChecklistItem[];
  size: number;
  audited: number;
  /** The answer of file number `akt` (from 1) to item number `item` (from 1); undefined: not answered. */
  answer: (akt: number, item: number) => ChecklistAnswer | undefined;
  comment?: (akt: number, item: number) => string;
  seed?: string;
}

function roundOf({ items, size, audited, answer, comment = () => '', seed = SEED }: RoundSpec): AuditReportInput {
  const draw = drawSample(placementIds, seed, size);
  const answers: FileAnswer[] = [];
  draw.sample.slice(0, audited).forEach((fileId, index) =>
    items.forEach((item, itemIndex) => {
      const value = answer(index + 1, itemIndex + 1);
      if (value) answers.push({ fileId, itemId: item.id, answer: value });
    }),
  );
  const compliance = complianceOf(items, draw.sample, answers);
  const deviations = answers
    .filter((a) => a.answer === 'nej')
    .map((a) => {
      const akt = draw.sample.indexOf(a.fileId) + 1;
      const itemNumber = items.findIndex((item) => item.id === a.itemId) + 1;
      return { file: fileLabel(akt), itemNumber, item: items[itemNumber - 1]!.text, comment: comment(akt, itemNumber), alreadyReported: itemNumber === 2 };
    });
  return {
    municipality: 'Exempelby kommun',
    author: 'Åsa Öberg',
    date: '2026-08-20',
    round: {
      name: 'Vårens egenkontroll 2026',
      from: '2026-01-01',
      to: '2026-06-30',
      unit: 'Barn och unga',
      form: 'Familjehem',
      legalBasis: null,
      caseworker: null,
      seed,
      populationSize: draw.populationSize,
      populationHash: draw.populationHash,
      size,
      excludedCount: 4,
      exclusionMonths: 12,
      checklistVersion: 2,
      createdBy: 'Göran Ärlig',
      createdAt: '2026-07-01T10:15:00.000Z',
    },
    progress: { audited, total: size },
    compliance,
    overall: overallCompliance(compliance),
    deviations,
    analysis: 'Vårdplanerna saknar oftast barnets egen syn.\n\nÖvervägandena görs i tid; det är en förbättring sedan hösten.',
    actions: [
      { action: 'Utbildning i vårdplaner för alla handläggare', responsible: 'Enhetschef', dueOn: '2026-10-31', doneOn: null },
      { action: 'Ny mall för barnsamtal', responsible: 'Kvalitetsutvecklare', dueOn: '2026-09-30', doneOn: '2026-09-12' },
    ],
    createdAt: new Date('2026-08-20T10:00:00Z'),
  };
}

// Six files drawn, five audited. Item 2: nej in Akt 3; item 5 (jourhem) applies to none; item 6:
// nej in Akt 1 and Akt 3; item 17 not yet answered in Akt 4 and 5; everything else ja.
const small = roundOf({
  items: defaultChecklist.items,
  size: 6,
  audited: 5,
  answer: (akt, item) => {
    if (item === 5) return 'ej-tillampligt';
    if ((item === 2 && akt === 3) || (item === 6 && (akt === 1 || akt === 3))) return 'nej';
    if (item === 17 && akt >= 4) return undefined;
    return 'ja';
  },
  // The auditor typed the child's personnummer into a comment.
  comment: (akt, item) => (akt === 3 && item === 6 ? `Barnets syn saknas (${population[0]!.child.personnummer.replace('-', '')}).` : 'Vårdplanen saknar umgänget.'),
});

describe('the audit report as a PDF', () => {
  let file = '';
  let words = '';
  beforeAll(async () => {
    file = await rendered(small, 'small');
    words = text(file);
  });

  it('has its title, the round and the sections, with åäö as text and the pages numbered', () => {
    for (const expected of [
      AUDIT_REPORT_TITLE,
      'Kommun Exempelby kommun',
      'Enhet Barn och unga',
      'Granskningsomgång Vårens egenkontroll 2026',
      'Period 2026-01-01 – 2026-06-30',
      'Rapporten gjord av Åsa Öberg',
      'Datum 2026-08-20',
      'Metod',
      'Resultat per punkt',
      'Avvikelser',
      'Analys',
      'Åtgärder',
      'Sida 1 av',
    ]) {
      expect(words).toContain(expected);
    }
    expect(poppler('pdfinfo', file)).toMatch(/^Title:\s+Egenkontroll – slumpmässig aktgranskning$/m);
    expect(poppler('pdfinfo', file)).toMatch(/^Author:\s+Exempelby kommun$/m);
  });

  it('says how the files were drawn and how to check it: seed, population, its hash in groups, the script', () => {
    expect(words).toContain(`Frö (seed) ${SEED}`);
    expect(words).toContain('Populationens storlek 30 placeringar');
    expect(words).toContain('Urvalets storlek 6 akter');
    expect(words).toContain('enhet Barn och unga; placeringsform Familjehem');
    expect(words).toContain('Placeringar som granskats i en omgång som slutade mindre än 12 månader före periodens början räknades bort: 4 placeringar.');
    expect(words).toContain('Checklista Version 2');
    expect(words).toContain('Urvalet drogs 2026-07-01 av Göran Ärlig');
    expect(words).toContain('SHA-256(frö + ":" + placeringens id)');
    expect(words).toContain('docs/aktgranskning.md');
    const hash = small.round.populationHash;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(words).toContain(hashText(hash).replace('\n', ' '));
  });

  it('has a row per item with ja, nej, ej tillämpligt, ej besvarad and the share ja, and all items together', () => {
    const rows = lines(file);
    expect(words).toContain('5 av 6 akter granskade; resultatet gäller de granskade.');
    expect(rows).toContain('1 Beslut om vård finns, i rätt hem. 5 0 0 1 100 %');
    expect(rows).toContain('7 Genomförandeplan upprättad och aktuell. 5 0 0 1 100 %');
    expect(rows).toContain('17 Barnet finns i förteckningen till IVO (31 januari). 3 0 0 3 100 %');
    // Item 6 applied to all five: 3 ja, 2 nej; item 5 to none.
    expect(rows.some((row) => /^6 Vårdplan med insatser.* 3 2 0 1 60 %$/.test(row))).toBe(true);
    expect(rows.some((row) => /^5 Jourhem: .* 0 0 5 1 –$/.test(row))).toBe(true);
    // 75 ja of 78 answers where an item applied.
    expect(rows).toContain('Alla punkter 75 3 5 19 96 %');
  });

  it('draws the chart as vectors with its words as text', () => {
    expect(words).toContain('1. Beslut om vård finns, i rätt hem');
    expect(words).toContain('ej tillämplig');
    expect(words).toContain('Alla punkter: 96 %');
    expect(words).toContain('Andel ja av de akter där punkten var tillämplig (%)');
    // pdfimages lists two header lines and then one line per raster image.
    expect(poppler('pdfimages', '-list', file).trim().split('\n')).toHaveLength(2);
  });

  it('lists the deviations by Akt, the analysis in its paragraphs and the actions', () => {
    const rows = lines(file);
    // Item 2's deviation was already reported, the others not.
    expect(rows.some((row) => /^Akt 3 2\. Hemmet utrett .*Vårdplanen saknar umgänget\. Ja$/.test(row))).toBe(true);
    expect(rows.some((row) => /^Akt 1 6\. Vårdplan med insatser.*Vårdplanen saknar umgänget\. Nej$/.test(row))).toBe(true);
    expect(words).toContain('Vårdplanerna saknar oftast barnets egen syn.');
    expect(words).toContain('Övervägandena görs i tid; det är en förbättring sedan hösten.');
    expect(rows).toContain('Utbildning i vårdplaner för alla handläggare Enhetschef 2026-10-31 Inte ännu');
    expect(rows).toContain('Ny mall för barnsamtal Kvalitetsutvecklare 2026-09-30 2026-09-12');
  });

  it('names no child: files are "Akt N", with no placement id, child\'s name or personnummer', () => {
    expect(words).toContain('Akt 3');
    expect(words).not.toMatch(/PL-\d{3}/);
    for (const { child } of population) {
      expect(words).not.toContain(child.name);
      expect(words).not.toContain(child.personnummer);
      expect(words).not.toContain(child.personnummer.replace('-', ''));
    }
    // The personnummer the auditor typed into a comment is masked; the rest of the comment stays.
    expect(words).toContain('Barnets syn saknas ([personnummer borttaget]).');
  });

  it('embeds every font it uses', () => {
    const rows = poppler('pdffonts', file).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      // name, type words, encoding, then emb sub uni object ID: emb is the fifth field from the end.
      const fields = row.trim().split(/\s+/);
      expect(fields[fields.length - 5], row).toBe('yes');
      expect(row).toContain('Roboto');
    }
  });
});

describe('a full round', () => {
  it('renders 50 files, 20 items, 30 deviations and 5 actions, every word inside the page', async () => {
    const items: ChecklistItem[] = [
      ...defaultChecklist.items,
      { id: 'umgange', text: 'Umgänget med föräldrar och syskon följt enligt vårdplanen.', auto: null },
      { id: 'skolplacering', text: 'Skolplacering ordnad inom en vecka från placeringen.', auto: null },
      { id: 'tandvard', text: 'Tandvård erbjuden.', auto: null },
    ];
    // 30 deviations in 30 different files: Akt (7k mod 50) + 1 has nej on item (3k mod 20) + 1.
    const nej = new Set(Array.from({ length: 30 }, (_, k) => `${((7 * k) % 50) + 1}:${((3 * k) % 20) + 1}`));
    const population50 = Array.from({ length: 180 }, (_, i) => `PL-${String(i + 1).padStart(3, '0')}`);
    // Words with no hyphen or slash to break at: pdfmake lets such a word run out of a table cell.
    const longWord = 'DokumentidentitetVardplanBarnOchUngaEgenkontroll2026Version3Bilaga7';
    const base = roundOf({
      items,
      size: 30,
      audited: 30,
      answer: () => 'ja',
      seed: 'vikinglotto2026dragning1vinnarrad07121923314005tillaggsnummer05',
    });
    const draw = drawSample(population50, base.round.seed, 50);
    const answers: FileAnswer[] = draw.sample.flatMap((fileId, index) =>
      items.map((item, itemIndex): FileAnswer => ({
        fileId,
        itemId: item.id,
        answer: nej.has(`${index + 1}:${itemIndex + 1}`) ? 'nej' : item.id === 'jourhem' && index % 3 > 0 ? 'ej-tillampligt' : 'ja',
      })),
    );
    const compliance = complianceOf(items, draw.sample, answers);
    const deviations = answers
      .filter((a) => a.answer === 'nej')
      .map((a, k) => {
        const itemNumber = items.findIndex((item) => item.id === a.itemId) + 1;
        const comment = k === 0 ? `Rutinen följdes inte, se ${longWord}` : 'Dokumentationen saknas i akten; handläggaren kompletterar under hösten.';
        return { file: fileLabel(draw.sample.indexOf(a.fileId) + 1), itemNumber, item: items[itemNumber - 1]!.text, comment, alreadyReported: k % 4 === 0 };
      });
    const input: AuditReportInput = {
      ...base,
      round: { ...base.round, size: 50, populationSize: draw.populationSize, populationHash: draw.populationHash },
      progress: { audited: 50, total: 50 },
      compliance,
      overall: overallCompliance(compliance),
      deviations,
      actions: Array.from({ length: 5 }, (_, i) => ({ action: `Åtgärd ${i + 1}: följ upp punkt ${i + 3} i alla akter`, responsible: 'Enhetschef', dueOn: '2026-12-31', doneOn: i < 2 ? '2026-11-15' : null })),
    };
    expect(deviations).toHaveLength(30);

    const started = performance.now();
    const file = await rendered(input, 'full');
    const ms = Math.round(performance.now() - started);
    const pages = pageCount(file);
    console.log(`Audit report, 50 files, 20 items, 30 deviations, 5 actions: ${pages} pages in ${ms} ms`);

    for (let page = 1; page <= pages; page++) {
      expect(text(file, '-f', String(page), '-l', String(page))).toContain(`Sida ${page} av ${pages}`);
    }
    const words = text(file);
    expect(words).toContain('Alla 50 akter är granskade.');
    expect(words).toContain('Akt 50');
    expect(words).not.toMatch(/PL-\d{3}/);
    // The chart and its items stay together on one page.
    const chartPage = Array.from({ length: pages }, (_, i) => text(file, '-f', String(i + 1), '-l', String(i + 1))).find((p) => p.includes('Andel ja av de akter'));
    expect(chartPage).toContain('1. Beslut om vård finns, i rätt hem');
    expect(chartPage).toContain('20. Tandvård erbjuden');
    // No word runs past the right margin (A4 is 595 pt wide, 57 pt margins): not the long seed, not the URL.
    const bbox = poppler('pdftotext', '-bbox', file, '-');
    const rightEdges = [...bbox.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(rightEdges.length).toBeGreaterThan(1000);
    expect(Math.max(...rightEdges)).toBeLessThanOrEqual(595.28 - 57 + 1);
    expect(words).toContain('vikinglotto2026');
    // Broken into pieces, and all of it there.
    expect(words.replace(/\s/g, '')).toContain(longWord);
  });
});

describe('the audit report document', () => {
  /** Every text in the document, as one string: what the report can say at all. */
  const said = (input: AuditReportInput) => {
    const texts: string[] = [];
    JSON.stringify(auditReport(input).content, (key, value: unknown) => {
      if (key === 'text' && typeof value === 'string') texts.push(value);
      return value;
    });
    return texts.join(' | ');
  };
  const empty: AuditReportInput = {
    ...small,
    round: { ...small.round, unit: null, form: null, exclusionMonths: null, excludedCount: 0 },
    progress: { audited: 6, total: 6 },
    deviations: [],
    analysis: '  \n\n ',
    actions: [],
  };

  it('says so where there is nothing: no deviations, no analysis, no actions, no filter, no exclusion', () => {
    const words = said(empty);
    expect(words).toContain('Inga avvikelser: ingen granskad akt har fått nej på någon punkt.');
    expect(words).toContain('Ingen analys skriven.');
    expect(words).toContain('Inga åtgärder beslutade.');
    expect(words).toContain('Ingen: alla placeringar');
    expect(words).toContain('Inget: placeringar som granskats tidigare kunde dras igen.');
    expect(words).toContain('Alla enheter');
    expect(words).toContain('Alla 6 akter är granskade.');
    expect(words).not.toContain('resultatet gäller de granskade');
  });

  it('says when the exclusion left out no placement', () => {
    expect(said({ ...small, round: { ...small.round, excludedCount: 0 } })).toContain('mindre än 12 månader före periodens början räknades bort: ingen denna gång.');
  });

  it('names every filter of the round', () => {
    const words = said({ ...small, round: { ...small.round, legalBasis: 'LVU', caseworker: 'Karin Ek' } });
    expect(words).toContain('enhet Barn och unga; placeringsform Familjehem; lagrum LVU; handläggare Karin Ek');
  });

  it('gives the PDF the municipality as author, never a person', () => {
    const doc = auditReport(small);
    expect(doc.author).toBe('Exempelby kommun');
    expect(doc.title).toBe(AUDIT_REPORT_TITLE);
    expect(doc.createdAt).toEqual(small.createdAt);
  });

  it('masks personnummer and samordningsnummer in free text, and leaves other numbers alone', () => {
    const masked = '[personnummer borttaget]';
    for (const pnr of ['200101022382', '20010102-2382', '010102-2382', '0101022382', '120315+1236', '150275-1231', '010102 2382', '20010102 2382']) {
      expect(withoutPersonnummer(`Se ${pnr}.`)).toBe(`Se ${masked}.`);
    }
    // A wrong check digit, a phone number, a date, longer digit runs.
    for (const other of ['200101022384', '0701234567', '070-1234567', '2026-01-01', '12345678901234', '2001010223820']) {
      expect(withoutPersonnummer(`Se ${other}.`)).toBe(`Se ${other}.`);
    }
    const words = said({ ...small, analysis: 'Barnet 20010102-2382 saknade vårdplan.', actions: [{ action: 'Följ upp 0101022382', responsible: 'Enhetschef', dueOn: '2026-10-31', doneOn: null }] });
    expect(words).not.toMatch(/2382/);
  });

  it('sets the chart 470 pt wide, narrower for a long checklist so that it fits a page', () => {
    const chartOf = (input: AuditReportInput) => {
      const found: { svg: string; width: number }[] = [];
      JSON.stringify(auditReport(input).content, (key, value: { svg?: string; width?: number }) => {
        if (value && typeof value === 'object' && typeof value.svg === 'string') found.push({ svg: value.svg, width: value.width ?? 0 });
        return value;
      });
      expect(found).toHaveLength(1);
      const [, w, h] = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(found[0]!.svg)!;
      return { width: found[0]!.width, height: (found[0]!.width * Number(h)) / Number(w) };
    };
    expect(chartOf(small).width).toBe(470);
    const items = Array.from({ length: 60 }, (_, i) => ({ id: `p${i}`, text: `Punkt ${i + 1}.`, auto: null }));
    const long = chartOf({ ...small, compliance: complianceOf(items, ['A'], []) });
    expect(long.width).toBeLessThan(470);
    // An A4 page has about 726 pt for content; the caption needs some of it.
    expect(long.height).toBeLessThanOrEqual(620);
  });

  it('writes the population hash in eight groups of eight on two lines', () => {
    const hash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    expect(hashText(hash)).toBe('e3b0c442 98fc1c14 9afbf4c8 996fb924\n27ae41e4 649b934c a495991b 7852b855');
    expect(hashText(hash).replace(/\s/g, '')).toBe(hash);
  });
});
