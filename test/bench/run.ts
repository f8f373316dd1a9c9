/**
 * `npm run bench`: the register at municipal scale, timed and printed. Not a test: figures
 * depend on the machine, so nothing here fails on a slow run; read the numbers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../main/db/connection';
import { createServices } from '../../main/services';
import { syntheticRegister } from './synthetic-register';

const sizes = { homes: 5_000, placements: 20_000 };

async function timed<T>(label: string, fn: () => Promise<T>, repeat = 1): Promise<T> {
  let result!: T;
  const start = performance.now();
  for (let i = 0; i < repeat; i++) result = await fn();
  const ms = (performance.now() - start) / repeat;
  console.log(`${label.padEnd(58)} ${ms.toFixed(1).padStart(9)} ms${repeat > 1 ? `  (medel av ${repeat})` : ''}`);
  return result;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'placeringskollen-bench-'));
try {
  const file = syntheticRegister(sizes);
  console.log(`Syntetiskt register: ${sizes.homes} hem, ${sizes.placements} barn och placeringar (Node ${process.version})\n`);

  const connection = await openDatabase(path.join(dir, 'bench.sqlite'));
  const services = createServices(connection.db);

  await timed('import (validering + skrivning i en transaktion)', () => services.exchange.importFile(file));
  await timed('import av samma fil igen (sammanslagning per id)', () => services.exchange.importFile(file));
  const exported = await timed('export av hela registret', () => services.exchange.exportAll());
  console.log(`${'  exportfilens storlek'.padEnd(58)} ${(JSON.stringify(exported).length / 1e6).toFixed(1).padStart(9)} MB`);
  await timed('registerlistan, alla hem', () => services.homes.list(), 10);
  const hits = await timed('snabbsökning "ö" (svensk skiftlägesvikning i SQLite)', () => services.homes.list({ query: 'ö' }), 10);
  console.log(`${'  träffar'.padEnd(58)} ${String(hits.length).padStart(9)}`);
  await timed('snabbsökning på en persons namn', () => services.homes.list({ query: 'Exempelsson 4711' }), 10);
  await connection.close();

  const memory = process.memoryUsage();
  console.log(`\nMinne efteråt: heap ${(memory.heapUsed / 1e6).toFixed(0)} MB, rss ${(memory.rss / 1e6).toFixed(0)} MB`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
