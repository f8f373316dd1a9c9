import { describe, expect, it } from 'vitest';
import {
  complianceChartHeight,
  complianceChartOption,
  complianceChartStyle,
  complianceChartText,
  complianceText,
  itemLabel,
  NOT_APPLICABLE_LABEL,
  NOT_APPLICABLE_SERIES,
  shareText,
  SHARE_SERIES,
} from '../../../main/domain/audit-chart';
import { defaultChecklist } from '../../../main/domain/audit-checklist';
import { complianceOf, type FileAnswer } from '../../../main/domain/audit-summary';

const [beslut, hemmet, registerkontroll, , jourhem] = defaultChecklist.items;
const items = [beslut!, hemmet!, registerkontroll!, jourhem!];
const files = ['PL-1', 'PL-2', 'PL-3', 'PL-4'];
const answer = (fileId: string, itemId: string, value: FileAnswer['answer']): FileAnswer => ({ fileId, itemId, answer: value });

// Item 1: ja in all four files; item 2: 3 ja, 1 nej; item 3: 1 ja, 2 nej, 1 unanswered; item 4 (jourhem): applied to none.
const answers: FileAnswer[] = [
  ...files.map((f) => answer(f, beslut!.id, 'ja')),
  ...files.map((f, i) => answer(f, hemmet!.id, i === 3 ? 'nej' : 'ja')),
  answer('PL-1', registerkontroll!.id, 'ja'),
  answer('PL-2', registerkontroll!.id, 'nej'),
  answer('PL-3', registerkontroll!.id, 'nej'),
  ...files.map((f) => answer(f, jourhem!.id, 'ej-tillampligt')),
];
const rows = complianceOf(items, files, answers);

describe('complianceChartOption', () => {
  const option = complianceChartOption(rows);
  const [shares, notApplicable] = option.series;

  it('is data only: it survives JSON unchanged (a report in main renders the same option)', () => {
    expect(JSON.parse(JSON.stringify(option))).toEqual(option);
    expect(option.animation).toBe(false);
    expect(JSON.stringify(option)).not.toContain('function');
  });

  it('has a bar per item, item 1 at the top, named by its number and the start of its text', () => {
    const [items, values] = option.yAxis;
    expect(items.inverse).toBe(true);
    expect(items.data).toEqual(['1. Beslut om vård finns, i rätt hem', '2. Hemmet utrett och godkänt för rätt…', '3. Registerkontroller före beslut…', '4. Jourhem: högst 2 månader efter…']);
    // The shares in Swedish, in a column at the right: the table's "Andel ja".
    expect(values.position).toBe('right');
    expect(values.data).toEqual(['100 %', '75 %', '33 %', '–']);
  });

  it('draws the share ja in percent 0–100, and no bar where the item applied to no file', () => {
    expect(shares.name).toBe(SHARE_SERIES);
    expect(shares.data).toEqual([100, 75, 33.3, '-']);
    expect(option.xAxis).toMatchObject({ min: 0, max: 100 });
  });

  it('says "ej tillämplig" where an item applied to no file, in a series of its own in the same slot', () => {
    expect(notApplicable.name).toBe(NOT_APPLICABLE_SERIES);
    expect(notApplicable.data).toEqual(['-', '-', '-', 0]);
    expect(notApplicable.label.formatter).toBe(NOT_APPLICABLE_LABEL);
    expect(shares.barGap).toBe('-100%');
  });

  it('marks all items together: 8 ja of 11 applicable answers', () => {
    expect(shares.markLine?.data).toEqual([{ xAxis: 72.7 }]);
    expect(shares.markLine?.label.formatter).toBe('Alla punkter: 73 %');
  });

  it('takes a style, e.g. the report\'s font, and keeps the rest', () => {
    const styled = complianceChartOption(rows, { style: { fontFamily: 'Roboto' } });
    expect(styled.textStyle.fontFamily).toBe('Roboto');
    expect(styled.series[0].itemStyle.color).toBe(complianceChartStyle.bar);
  });

  it('without answers: no bars, no line, every item "ej tillämplig"', () => {
    const blank = complianceChartOption(complianceOf(items, files, []));
    expect(blank.series[0].data.every((d) => d === '-')).toBe(true);
    expect(blank.series[0].markLine).toBeUndefined();
    expect(blank.series[1].data).toEqual([0, 0, 0, 0]);
  });
});

describe('the chart\'s size and labels', () => {
  it('grows with the items, and a long checklist gets tighter rows so it fits a page', () => {
    expect(complianceChartHeight(20)).toBeGreaterThan(complianceChartHeight(10));
    expect(complianceChartHeight(20)).toBeLessThanOrEqual(640);
    // 60 items (the most a checklist has) at no less than 16 units a row: still readable 12 px text.
    expect(complianceChartHeight(60)).toBeLessThanOrEqual(60 * 16 + 100);
  });

  it('cuts an item\'s text at a word, without the final full stop', () => {
    expect(itemLabel({ number: 13, text: 'Övervägande eller omprövning minst var sjätte månad.' })).toBe('13. Övervägande eller omprövning minst…');
    expect(itemLabel({ number: 7, text: 'Genomförandeplan upprättad.' })).toBe('7. Genomförandeplan upprättad');
  });

  it('never rounds a share to all or nothing', () => {
    expect(complianceText(0.75)).toBe('75');
    expect(complianceText(0.025)).toBe('2,5');
    expect(complianceText(1)).toBe('100');
    expect(complianceText(0.996)).toBe('99,6');
    expect(complianceText(0.9999)).toBe('99,9');
    expect(complianceText(0)).toBe('0');
    expect(complianceText(0.0004)).toBe('under 0,1');
    expect(shareText(null)).toBe('–');
  });
});

describe('complianceChartText', () => {
  it('says every item in words with its full text, and all items together', () => {
    const text = complianceChartText(rows);
    expect(text).toMatch(/^Andel ja per punkt i checklistan, av de akter där punkten var tillämplig\./);
    expect(text).toContain('Punkt 1 (Beslut om vård finns, i rätt hem): 4 av 4 ja (100 %)');
    expect(text).toContain('Punkt 2 (Hemmet utrett och godkänt för rätt kategori (familjehem eller jourhem) före placering): 3 av 4 ja (75 %)');
    expect(text).toContain('Punkt 3 (Registerkontroller före beslut (belastnings- och misstankeregistret) för familjehemsföräldrar): 1 av 3 ja (33 %)');
    expect(text).toContain(`Punkt 4 (${jourhem!.text.replace(/\.$/, '')}): ej tillämplig i någon besvarad akt.`);
    expect(text).toMatch(/Alla punkter: 8 av 11 ja \(73 %\)\.$/);
  });

  it('without answers says so, and gives no total', () => {
    const text = complianceChartText(complianceOf(items, files, []));
    expect(text).not.toContain('Alla punkter');
    expect(text.match(/ej tillämplig i någon besvarad akt/g)).toHaveLength(4);
  });
});
