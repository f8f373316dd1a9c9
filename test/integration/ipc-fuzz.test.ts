/**
 * Issue 17, hardening: every channel fuzzed through the real dispatch, gate, handlers and services
 * over a real seeded register, signed in as an administratör (test/fuzz/channel-fuzz.ts says what
 * is checked for each payload). A few dozen payloads per channel from its own zod schema, about
 * 40 % valid and the rest mutated, the same ones on every run (the seed); a larger run is
 * `node --import tsx scripts/fuzz-channels.ts --per-channel 2000 --seed N` and `npm run bench`'s
 * `fuzz` part.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../preload/api';
import { createFuzzRegister, findingLine, fuzzChannel, newSeen, type FuzzRegister } from '../fuzz/channel-fuzz';

/** Payloads per channel (a quarter for the PDFs). */
const PER_CHANNEL = 48;
const SEED = 17;

let dir: string;
let register: FuzzRegister;
const seen = newSeen();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-ipc-fuzz-'));
  register = await createFuzzRegister(dir);
}, 60_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('every channel, fuzzed: a clear Swedish answer to every payload, and a refusal changes nothing', () => {
  it.each(channels)('%s', async (channel) => {
    const { tally, findings } = await fuzzChannel(channel, register, dir, { perChannel: PER_CHANNEL, seed: SEED }, seen);
    expect(findings.map(findingLine)).toEqual([]);
    expect(tally.payloads).toBeGreaterThanOrEqual(12);
    // The generator makes payloads the channel takes, so the fuzzing reaches the service and not only the contract.
    expect(tally.validAccepted, 'valid payloads the schema accepts').toBeGreaterThanOrEqual(Math.ceil(tally.valid / 2));
    expect(tally.contractRefused, 'mutated payloads the schema refuses').toBeGreaterThan(0);
  });
});
