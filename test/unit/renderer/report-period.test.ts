import { describe, expect, it } from 'vitest';
import { shareChange, rateChange, shareFigureText } from '../../../renderer/src/reports/kpi';
import { paramsFromPeriod, periodFromParams, periodProblems, quickPeriods } from '../../../renderer/src/reports/period';

describe('the nämndrapport period', () => {
  it('quick choices count from the given day: last year, this year so far, the last whole half-year', () => {
    expect(quickPeriods('2026-11-22')).toEqual([
      { label: 'Förra året', from: '2025-01-01', to: '2025-12-31' },
      { label: 'I år hittills', from: '2026-01-01', to: '2026-11-22' },
      { label: 'Förra halvåret', from: '2026-01-01', to: '2026-06-30' },
    ]);
    expect(quickPeriods('2026-03-01')[2]).toEqual({ label: 'Förra halvåret', from: '2025-07-01', to: '2025-12-31' });
    expect(quickPeriods('2026-07-01')[2]).toEqual({ label: 'Förra halvåret', from: '2026-01-01', to: '2026-06-30' });
  });

  it('lives in the address with Swedish keys, and comes back the same', () => {
    const params = paramsFromPeriod({ from: '2025-01-01', to: '2025-12-31', unit: 'Barn och unga Nord' });
    expect(params.toString()).toBe('from=2025-01-01&to=2025-12-31&enhet=Barn+och+unga+Nord');
    expect(periodFromParams(params, '2026-11-22')).toEqual({ from: '2025-01-01', to: '2025-12-31', unit: 'Barn och unga Nord' });
    expect(periodFromParams(new URLSearchParams(), '2026-11-22')).toEqual({ from: '2025-01-01', to: '2025-12-31', unit: '' });
  });

  it('an end before the start is told at "Till"; a missing or impossible day at its own field', () => {
    expect(periodProblems({ from: '2026-01-01', to: '2025-06-30', unit: '' })).toEqual({ to: 'Perioden slutar (2025-06-30) innan den börjar (2026-01-01).' });
    expect(periodProblems({ from: '', to: '2025-02-30', unit: '' })).toMatchObject({ from: 'Ange ett datum.', to: expect.any(String) });
    expect(periodProblems({ from: '2025-01-01', to: '2025-01-01', unit: '' })).toEqual({});
  });
});

describe('the key figures', () => {
  it('say a change in procentenheter with its direction in words; for jourhem a fall is better', () => {
    expect(shareChange('vardplanInPlace', { share: 0.9, counted: true }, { share: 0.8, counted: true })).toEqual({ text: '▲ 10 procentenheter', judgement: 'bättre', direction: 'better' });
    expect(shareChange('jourhemOverLimit', { share: 0.9, counted: true }, { share: 0.8, counted: true })).toMatchObject({ judgement: 'sämre', direction: 'worse' });
    expect(shareChange('vardplanInPlace', { share: 0.9, counted: true }, { share: null, counted: false })).toBeNull();
    expect(rateChange({ rate: 4, counted: true }, { rate: 3.6, counted: true })).toEqual({ text: '▲ 0,4 per barn och år', judgement: 'bättre', direction: 'better' });
  });

  it('hide small numbers as the PDF does: "färre än 5" and "inget att räkna"', () => {
    expect(shareFigureText({ share: null, counted: true })).toBe('färre än 5');
    expect(shareFigureText({ share: null, counted: false })).toBe('inget att räkna');
  });
});
