/**
 * Issue 17: every channel fuzzed at length, the same way as test/integration/ipc-fuzz.test.ts
 * (test/fuzz/channel-fuzz.ts says what is checked) but with thousands of payloads per channel.
 *
 *   node --import tsx scripts/fuzz-channels.ts --per-channel 2000 --seed 17
 *   node --import tsx scripts/fuzz-channels.ts --only matchHomes,saveHome --per-channel 500
 *   node --import tsx scripts/fuzz-channels.ts --messages     every distinct refusal message, to read
 *
 * Prints per channel how many payloads were answered ok, refused (by the contract before any
 * handler, or by the gate or the service, by code) and INTERNAL, then every finding with its
 * payload, what is worth a look besides, and the total time. Exits 1 on any finding, so a seed that
 * finds something can be run again as it is.
 */
import { performance } from 'node:perf_hooks';
import { channels, type Channel } from '../preload/api';
import { findingLine, fuzzChannels, type ChannelTally } from '../test/fuzz/channel-fuzz';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const perChannel = Number(option('--per-channel') ?? 2000);
const seed = Number(option('--seed') ?? 17);
if (!Number.isInteger(perChannel) || perChannel < 1) fail('--per-channel: a whole number of payloads per channel, at least 1');
if (!Number.isInteger(seed)) fail('--seed: a whole number');
const only = option('--only')?.split(',').map((c) => c.trim()).filter((c) => c !== '');
const unknown = (only ?? []).filter((c) => !(channels as readonly string[]).includes(c));
if (unknown.length > 0) fail(`--only: no such channel: ${unknown.join(', ')}`);

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const refusedText = (t: ChannelTally) => {
  const service = Object.entries(t.serviceRefused).map(([code, n]) => `${code} ${n}`).join(', ');
  return `contract ${t.contractRefused}${service ? `, ${service}` : ''}`;
};

console.log(`Fuzzing ${only?.length ?? channels.length} channels: ${perChannel} payloads each (a quarter for the PDFs), seed ${seed} (Node ${process.version})`);
console.log(`${'channel'.padEnd(26)} ${'payloads'.padStart(8)} ${'ok'.padStart(6)} ${'internal'.padStart(8)} ${'findings'.padStart(8)} ${'time'.padStart(8)}  refused`);
const began = performance.now();
const run = await fuzzChannels({
  perChannel,
  seed,
  ...(only ? { only: only as Channel[] } : {}),
  onChannel: (t) =>
    console.log(
      `${t.channel.padEnd(26)} ${String(t.payloads).padStart(8)} ${String(t.ok).padStart(6)} ${String(t.internal).padStart(8)} ${String(t.findings).padStart(8)} ${seconds(t.ms).padStart(8)}  ${refusedText(t)}`,
    ),
});

const payloads = run.tallies.reduce((sum, t) => sum + t.payloads, 0);
const ok = run.tallies.reduce((sum, t) => sum + t.ok, 0);
const internal = run.tallies.reduce((sum, t) => sum + t.internal, 0);
const slowest = [...run.tallies].sort((a, b) => b.slowestMs - a.slowestMs)[0];

if (process.argv.includes('--messages')) {
  console.log('\nEvery distinct refusal message, most frequent first:');
  for (const [message, n] of [...run.seen.messages].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(8)}  ${message.slice(0, 300)}`);
}
if (run.seen.observations.size > 0) {
  console.log('\nWorth a look (not findings):');
  for (const [what, { count, example }] of run.seen.observations) console.log(`  ${what} (${count}×), e.g. ${example.slice(0, 200)}`);
}
if (run.findings.length > 0) {
  console.log(`\nFindings (${run.findings.length}):`);
  for (const finding of run.findings) console.log(`  ${findingLine(finding)}`);
}
console.log(
  `\n${payloads} payloads over ${run.tallies.length} channels: ${ok} ok, ${payloads - ok - internal} refused, ${internal} INTERNAL; ` +
    `${run.findings.length} findings; ${seconds(performance.now() - began)}` +
    (slowest ? ` (slowest call: ${slowest.channel}, ${Math.round(slowest.slowestMs)} ms)` : ''),
);
process.exitCode = run.findings.length > 0 ? 1 : 0;
