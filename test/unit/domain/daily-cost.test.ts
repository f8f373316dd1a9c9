import { describe, expect, it } from 'vitest';
import { DAILY_COST_MAX, formatDailyCost, formatKronor, isDailyCost } from '../../../main/domain/daily-cost';

describe('a placement’s daily cost (dygnskostnad)', () => {
  it('is whole kronor from 0 to 1 000 000', () => {
    for (const good of [0, 1, 1850, DAILY_COST_MAX]) expect(isDailyCost(good), String(good)).toBe(true);
    for (const bad of [-1, 1850.5, DAILY_COST_MAX + 1, Number.NaN, '1850', null]) expect(isDailyCost(bad), String(bad)).toBe(false);
  });

  it('is written with Swedish thousands separators, non-breaking so the figure never wraps', () => {
    expect(formatDailyCost(1850)).toBe('1\u00a0850\u00a0kr/dygn');
    expect(formatDailyCost(0)).toBe('0\u00a0kr/dygn');
    expect(formatDailyCost(950)).toBe('950\u00a0kr/dygn');
    expect(formatKronor(12_500)).toBe('12\u00a0500');
    expect(formatKronor(1_000_000)).toBe('1\u00a0000\u00a0000');
  });
});
