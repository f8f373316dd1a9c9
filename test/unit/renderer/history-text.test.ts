import { describe, expect, it } from 'vitest';
import { dateRange, meanText, sparklineDots, stayEnding, stayLength } from '../../../renderer/src/history/historyText';

describe('stayLength: how long a stay in the home lasted, in words', () => {
  it.each([
    ['2026-11-01', '2026-11-01', '0 dagar'],
    ['2026-11-01', '2026-11-02', '1 dag'],
    ['2026-11-01', '2026-11-18', '17 dagar'],
    ['2026-10-01', '2026-11-01', '1 månad'],
    ['2026-06-10', '2026-11-22', '5 månader 12 dagar'],
    ['2025-11-22', '2026-11-22', '1 år'],
    ['2024-08-01', '2026-11-22', '2 år 3 månader'],
  ])('%s to %s is %s', (from, to, words) => {
    expect(stayLength(from, to)).toBe(words);
  });

  it('counts a month from the 31st to the end of a shorter month, not past it', () => {
    expect(stayLength('2026-01-31', '2026-02-28')).toBe('1 månad');
    expect(stayLength('2026-01-31', '2026-02-27')).toBe('27 dagar');
    expect(stayLength('2028-01-31', '2028-03-01')).toBe('1 månad 1 dag');
  });
});

describe('stayEnding: how the stay ended', () => {
  const stay = { to: '2026-05-01', endReason: null, movedOn: false, breakdown: false } as const;
  it('names the end reason, a sammanbrott among them', () => {
    expect(stayEnding({ ...stay, endReason: 'planerad' })).toBe('Planerad');
    expect(stayEnding({ ...stay, endReason: 'sammanbrott', breakdown: true })).toBe('Sammanbrott');
  });
  it('tells a move to another home, and one that broke down', () => {
    expect(stayEnding({ ...stay, movedOn: true })).toBe('Omplacerad till annat hem');
    expect(stayEnding({ ...stay, movedOn: true, breakdown: true })).toBe('Sammanbrott, omplacerad');
  });
  it('says a stay without an end goes on', () => {
    expect(stayEnding({ ...stay, to: null })).toBe('Pågår');
  });
});

describe('sparklineDots: an assessment in its small chart', () => {
  const size = { width: 110, height: 50, pad: 5 };
  it('puts 5 at the top, 1 at the bottom, and the dates across the shared range', () => {
    const dots = sparklineDots(
      [
        { assessedOn: '2026-01-01', score: 5 },
        { assessedOn: '2026-01-11', score: 1 },
        { assessedOn: '2026-01-06', score: 3 },
      ],
      { from: '2026-01-01', to: '2026-01-11' },
      size,
    );
    expect(dots.map(({ x, y }) => [x, y])).toEqual([
      [5, 5],
      [105, 45],
      [55, 25],
    ]);
  });
  it('puts the dots of a range of one day in the middle', () => {
    const [dot] = sparklineDots([{ assessedOn: '2026-01-01', score: 4 }], { from: '2026-01-01', to: '2026-01-01' }, size);
    expect(dot?.x).toBe(55);
  });
  it('finds the range over every dimension, and says a mean the Swedish way', () => {
    expect(dateRange([[{ assessedOn: '2026-03-01', score: 2 }], [], [{ assessedOn: '2025-12-24', score: 4 }]])).toEqual({ from: '2025-12-24', to: '2026-03-01' });
    expect(dateRange([[], []])).toBeNull();
    expect(meanText([{ assessedOn: '2026-01-01', score: 4 }, { assessedOn: '2026-01-02', score: 3 }, { assessedOn: '2026-01-03', score: 4 }])).toBe('3,7');
  });
});
