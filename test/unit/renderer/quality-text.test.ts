import { describe, expect, it } from 'vitest';
import type { QualityComponentView, QualityEvidenceItem, QualitySummary } from '../../../preload/api';
import {
  evidenceCount,
  firstSentence,
  itemWeightText,
  settingsVersionText,
  summaryText,
  trendText,
  weakest,
} from '../../../renderer/src/quality/qualityText';

const summary = (score: number | null, grade: QualitySummary['grade'], confidence: QualitySummary['confidence'] = 'medium'): QualitySummary => ({
  score,
  grade,
  confidence,
  eligible: true,
  settingsVersion: 0,
});

describe('summaryText: the badge in words', () => {
  it('says the score, the grade and how sure', () => {
    expect(summaryText(summary(63, 'C'))).toBe('63 C · medel säkerhet');
    expect(summaryText(summary(91, 'A', 'high'))).toBe('91 A · hög säkerhet');
  });

  it('says there is no index rather than a number without evidence', () => {
    expect(summaryText(summary(null, null, 'low'))).toBe('Inget index');
  });
});

describe('trendText: today beside a year ago', () => {
  const before = (score: number | null, grade: QualitySummary['grade']) => ({ ...summary(score, grade), on: '2025-11-22' });

  it.each([
    [63, 50, { direction: 'up', text: 'Upp 13 sedan 2025-11-22 (då 50 D).' }],
    [55, 72, { direction: 'down', text: 'Ned 17 sedan 2025-11-22 (då 72 B).' }],
    [70, 70, { direction: 'same', text: 'Oförändrat sedan 2025-11-22 (70 B).' }],
  ] as const)('%i now, %i then', (now, then, trend) => {
    const grade = (score: number) => (score >= 85 ? 'A' : score >= 70 ? 'B' : score >= 55 ? 'C' : score >= 40 ? 'D' : 'E');
    expect(trendText(summary(now, grade(now)), before(then, grade(then)))).toEqual(trend);
  });

  it('says when there was no index a year ago, and what it was when there is none now', () => {
    expect(trendText(summary(63, 'C'), before(null, null))).toEqual({ direction: 'none', text: 'Inget index för ett år sedan (2025-11-22).' });
    expect(trendText(summary(null, null), before(58, 'D'))).toEqual({ direction: 'none', text: 'För ett år sedan (2025-11-22): 58 D.' });
  });
});

describe('the breakdown in words', () => {
  const item = (decay: number, notCounted: string | null = null): QualityEvidenceItem => ({
    source: 'ivo-tillsyn',
    id: 'E1',
    date: '2025-06-10',
    label: 'Tillsyn: kritik',
    decay,
    positive: 0,
    negative: 1,
    notCounted,
  });

  it('gives an item\'s weight after its age in whole percent, or why it does not count', () => {
    expect(itemWeightText(item(0.8374))).toBe('väger 84 %');
    expect(itemWeightText(item(1))).toBe('väger 100 %');
    expect(itemWeightText(item(0, 'äldre än 5 år'))).toBe('räknas inte: äldre än 5 år');
  });

  it('counts the evidence and names the settings version', () => {
    expect(evidenceCount(0)).toBe('inget underlag');
    expect(evidenceCount(3)).toBe('3 underlag');
    expect(settingsVersionText(0)).toBe('Beräknat med standardinställningarna.');
    expect(settingsVersionText(4)).toBe('Beräknat med inställningar version 4.');
  });

  it('shortens what is missing to its first sentence for the panel', () => {
    expect(firstSentence('För lite underlag för ett värde: bara 1 underlag räknas, minst 3 behövs. Det saknas kontroller.')).toBe(
      'För lite underlag för ett värde: bara 1 underlag räknas, minst 3 behövs.',
    );
    expect(firstSentence('Inget mer.')).toBe('Inget mer.');
  });

  it('names the lowest dimensions below the limit, lowest first, and none left out by weight 0', () => {
    const component = (name: string, score: number | null, weight = 0.2): QualityComponentView => ({
      dimension: 'utfall',
      name,
      score,
      weight,
      evidence: score === null ? 0 : 1,
      items: [],
    });
    const components = [component('A', 90), component('B', 34), component('C', null), component('D', 50), component('E', 10, 0), component('F', 60)];
    expect(weakest(components)).toEqual(['B 34', 'D 50']);
    expect(weakest([component('A', 90)])).toEqual([]);
  });
});
