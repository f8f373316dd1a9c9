/**
 * The register's quick search at municipal scale: p50 and p95 of ~50 varied queries
 * through the service, as the register page calls it per keystroke, and SQLite's query plan.
 * `npx node --import tsx scripts/bench-search.ts [homes] [placements]` (the project's Node 24). Not a test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../main/db/connection';
import { createServices } from '../main/services';
import { syntheticRegister } from '../test/bench/synthetic-register';
import { testClock } from '../test/clock';

const homes = Number(process.argv[2] ?? 5_000);
const placements = Number(process.argv[3] ?? 20_000);
const rounds = 5;

/** What a case worker types: prefixes as typed, names, kommuner, numbers, several words, misses. */
const queries = [
  'ö', 'ös', 'öst', 'öste', 'östergården', 'å', 'åk', 'åkerbacken', 'ä', 'älv', 'b', 'bj', 'björk', 'björkhagen',
  's', 'so', 'sol', 'solgläntan', 'l', 'lind', 'lindåsen', 'hvb', 'hem', 'hem 12', 'hem 123', 'hem 1234', 'timrå',
  'sundsvall', 'härnösand', 'örnsköldsvik', 'ånge', 'kramfors', 'sollefteå', 'vuxen', 'exempelsson', 'exempelsson 4711',
  '4711', 'vuxen 12', '12', '123', 'östergården hvb', 'hvb timrå', 'hem ånge', 'lindåsen hem 42', 'zzz', 'nyköping', 'o',
  'e', '556000-0019', '',
];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'placeringskollen-search-'));
try {
  const connection = await openDatabase(path.join(dir, 'bench.sqlite'));
  const services = createServices(connection.db, { clock: testClock() });
  const importStart = performance.now();
  await services.exchange.importFile(syntheticRegister({ homes, placements }));
  console.log(`${homes} hem, ${connection.raw.prepare("SELECT count(*) FROM persons WHERE role <> 'barn-i-hemmet'").pluck().get()} vuxna; import ${(performance.now() - importStart).toFixed(0)} ms`);

  // Before migration 9 the register page called `list` (every match); since then `search` (ranked, cut at 200).
  const homesService = services.homes as Partial<Pick<typeof services.homes, 'search'>> & Pick<typeof services.homes, 'list'>;
  const ranked = homesService.search?.bind(services.homes);
  const list = async (query: string) => (await services.homes.list({ query })).length;
  type Mode = [label: string, search: (query: string) => Promise<number>];
  const modes: Mode[] = [['services.homes.list (alla träffar i namnordning)', list]];
  if (ranked) {
    modes.unshift([
      'services.homes.search (registersidan: aktiva hem, rangordnade, högst 200 rader)',
      async (query) => (await ranked({ query, status: 'active' })).total,
    ]);
  }

  // Every statement the page's search sends, with its parameters, for SQLite's query plan.
  const sent: { sql: string; parameters: unknown[] }[] = [];
  const prepare = connection.raw.prepare.bind(connection.raw);
  const recording = ((source: string) => {
    const statement = prepare(source);
    if (!statement.reader) return statement;
    const all = statement.all.bind(statement);
    return Object.assign(statement, { all: (parameters: unknown[]) => (sent.push({ sql: source, parameters }), all(parameters)) });
  }) as typeof connection.raw.prepare;
  connection.raw.prepare = recording;
  await modes[0]![1]('exempelsson 4711');
  connection.raw.prepare = prepare;
  for (const { sql, parameters } of sent) {
    console.log(`\n${sql}\n  ${JSON.stringify(parameters)}`);
    const plan = connection.raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as { id: number; parent: number; detail: string }[];
    const depth = new Map<number, number>([[0, 0]]);
    for (const step of plan) {
      depth.set(step.id, (depth.get(step.parent) ?? 0) + 1);
      console.log(`${'  '.repeat(depth.get(step.id)!)}${step.detail}`);
    }
  }

  const pct = (list: number[], p: number) => {
    const sorted = [...list].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  };
  for (const [label, search] of modes) {
    for (const query of queries) await search(query); // warm up: statements prepared, pages cached
    const times: number[] = [];
    const perQuery = new Map<string, { ms: number[]; hits: number }>();
    for (let round = 0; round < rounds; round++) {
      for (const query of queries) {
        const start = performance.now();
        const hits = await search(query);
        const ms = performance.now() - start;
        times.push(ms);
        const entry = perQuery.get(query) ?? { ms: [], hits };
        entry.ms.push(ms);
        perQuery.set(query, entry);
      }
    }
    const slowest = [...perQuery].sort((a, b) => pct(b[1].ms, 50) - pct(a[1].ms, 50)).slice(0, 5);
    console.log(`\n${label}\n${queries.length} sökningar × ${rounds}: p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, max ${pct(times, 100).toFixed(1)} ms`);
    console.log('långsammast (median):');
    for (const [query, { ms, hits }] of slowest) console.log(`  ${JSON.stringify(query).padEnd(22)} ${pct(ms, 50).toFixed(1).padStart(6)} ms  ${hits} träffar`);
  }
  await connection.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
