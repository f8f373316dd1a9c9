import { describe, expect, it } from 'vitest';
import { spellOutReference } from '../../../main/domain/rule-texts';

describe('spellOutReference: the laws of a reference spelled out as in force on the day (rules.md: "the UI may spell them out")', () => {
  it('SoL and SoF are the new law and ordinance from 2025-07-01', () => {
    expect(spellOutReference('SoL 22 kap. 13 §', '2026-02-28')).toBe('socialtjänstlagen (2025:400) 22 kap. 13 §');
    expect(spellOutReference('SoF 3 kap. 3 §', '2025-07-01')).toBe('socialtjänstförordningen (2025:468) 3 kap. 3 §');
  });

  it('and the old ones up to 2025-06-30', () => {
    expect(spellOutReference('SoL 6 kap. 8 §', '2025-06-30')).toBe('socialtjänstlagen (2001:453) 6 kap. 8 §');
    expect(spellOutReference('SoL 11 kap. 3 §; SoF 5 kap. 1 a §', '2024-01-01')).toBe(
      'socialtjänstlagen (2001:453) 11 kap. 3 §; socialtjänstförordningen (2001:937) 5 kap. 1 a §',
    );
  });

  it('LVU, lag 2017:209 and SOSFS 2012:11 by their names; words it does not know stay as they are', () => {
    expect(spellOutReference('SoL 22 kap. 14 §; LVU 13 §', '2026-01-01')).toBe(
      'socialtjänstlagen (2025:400) 22 kap. 14 §; lagen (1990:52) med särskilda bestämmelser om vård av unga 13 §',
    );
    expect(spellOutReference('SoL 22 kap. 7 §; lag 2017:209', '2026-01-01')).toBe('socialtjänstlagen (2025:400) 22 kap. 7 §; lagen (2017:209)');
    expect(spellOutReference('SoL 11 kap. 3 §; SOSFS 2012:11', '2025-01-01')).toContain('Socialstyrelsens föreskrifter och allmänna råd (SOSFS 2012:11)');
    expect(spellOutReference('Lokal rutin (fortlöpande registerkontroller)', '2026-01-01')).toBe('Lokal rutin (fortlöpande registerkontroller)');
  });
});
