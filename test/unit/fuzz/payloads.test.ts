/**
 * The fuzzing's generator itself (test/fuzz): the same seed gives the same payloads, so a finding
 * can be run again; and the payloads it calls valid are mostly ones the channel's schema accepts,
 * so the fuzzing reaches the services rather than stopping at the contract.
 */
import { describe, expect, it } from 'vitest';
import { channels, contract } from '../../../preload/api';
import { payloadsFor } from '../../fuzz/channel-fuzz';
import { describe as show } from '../../fuzz/mutations';

const noHints = {};

describe('the fuzzing’s payloads', () => {
  it('are the same for the same seed and differ for another', () => {
    for (const channel of ['savePlacement', 'saveHome', 'startExport', 'saveRuleSettings'] as const) {
      const shown = (seed: number) => [...payloadsFor(channel, 30, seed, noHints)].map(({ payload, how }) => `${show(payload)} ${how.join('; ')}`);
      expect(shown(5), channel).toEqual(shown(5));
      expect(shown(5), channel).not.toEqual(shown(6));
    }
  });

  it.each(channels)('%s: most valid payloads pass its schema, most mutated ones do not', (channel) => {
    const schema = contract[channel].input;
    const payloads = [...payloadsFor(channel, 60, 17, noHints)];
    const valid = payloads.filter((p) => p.how.length === 0);
    const mutated = payloads.filter((p) => p.how.length > 0);
    expect(valid.filter((p) => schema.safeParse(p.payload).success).length / valid.length).toBeGreaterThanOrEqual(0.5);
    expect(mutated.filter((p) => !schema.safeParse(p.payload).success).length / mutated.length).toBeGreaterThanOrEqual(0.5);
  });
});
