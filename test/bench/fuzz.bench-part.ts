/**
 * The channel fuzzing's figure for `npm run bench` (run.ts imports it; `--only fuzz` runs it
 * alone): every channel of the contract fuzzed as test/integration/ipc-fuzz.test.ts does it
 * (test/fuzz/channel-fuzz.ts), with more payloads, on a seeded register of its own (not the city:
 * a refusal must leave the register as it was, which is checked by hashing every table). The
 * figure is the time; the note says how many payloads and findings, and the findings are printed
 * as they are found. For a run of its own, with a seed and a size of your choice and an exit code:
 * `node --import tsx scripts/fuzz-channels.ts --per-channel 2000 --seed N`.
 */
import { findingLine, fuzzChannels } from '../fuzz/channel-fuzz';
import type { PartFigure } from './bench-part';

export type FuzzFigure = PartFigure<'fuzz'>;

/** Payloads per channel: `BENCH_FUZZ_PER_CHANNEL`, else 50 with `--small`, else 500. */
export function fuzzPerChannel(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env.BENCH_FUZZ_PER_CHANNEL);
  if (env.BENCH_FUZZ_PER_CHANNEL !== undefined && Number.isInteger(asked) && asked > 0) return asked;
  return argv.includes('--small') ? 50 : 500;
}

/** The seed: `BENCH_FUZZ_SEED`, else 17 (the same payloads every run, so the times compare). */
const seed = Number.isInteger(Number(process.env.BENCH_FUZZ_SEED)) && process.env.BENCH_FUZZ_SEED !== undefined ? Number(process.env.BENCH_FUZZ_SEED) : 17;
const perChannel = fuzzPerChannel();

export const fuzzFigures: FuzzFigure[] = [
  {
    section: 'detail',
    part: 'fuzz',
    what: `every channel fuzzed: ${perChannel} payloads per channel (a quarter for the PDFs) from its zod schema, valid and mutated, through dispatch, the gate and the services on a seeded register of its own, seed ${seed}; nothing should be found`,
    unit: 'ms',
    target: null,
    stat: 'median',
    measure: async () => {
      const run = await fuzzChannels({ perChannel, seed });
      const payloads = run.tallies.reduce((sum, t) => sum + t.payloads, 0);
      const internal = run.tallies.reduce((sum, t) => sum + t.internal, 0);
      for (const finding of run.findings) console.log(`    fuzz finding: ${findingLine(finding)}`);
      const found = run.findings.length === 0 ? '' : `; run scripts/fuzz-channels.ts --per-channel ${perChannel} --seed ${seed} to see them again`;
      return {
        samples: [run.ms],
        note: `${payloads} payloads over ${run.tallies.length} channels, ${run.findings.length} findings (${internal} INTERNAL), ${(run.ms / 1000).toFixed(1)} s${found}`,
      };
    },
  },
];
