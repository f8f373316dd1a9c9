/**
 * One step of `npm run bench` in a process of its own, so that its memory is the memory of that
 * step alone and not of the benchmark holding the whole generated city:
 *
 *   node --expose-gc --import tsx test/bench/process-probe.ts import <file.json> <database>
 *     reads, parses and imports an exchange file, as the command line does;
 *   node --expose-gc --import tsx test/bench/process-probe.ts start <database> <date>
 *     answers what the window asks at start and on a few pages, through the API (handlers,
 *     validation, the JSON the browser host sends), as the main process does.
 *
 * Prints one line `BENCH_RESULT {json}` with the times (ms) and memory (bytes).
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../main/db/connection';
import { dispatch } from '../../main/ipc/dispatch';
import { createHandlers } from '../../main/ipc/handlers';
import { signInAs } from '../signed-in';
import { createServices } from '../../main/services';
import { clockOnDay, testClock } from '../clock';

function memory() {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed, maxRss: process.resourceUsage().maxRSS * 1024 };
}

function report(result: Record<string, unknown>): void {
  console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
}

const [mode, ...args] = process.argv.slice(2);

if (mode === 'import') {
  const [jsonFile, databasePath] = args as [string, string];
  const connection = await openDatabase(databasePath);
  const services = createServices(connection.db, { clock: testClock() });
  const start = performance.now();
  const parsed: unknown = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
  await services.exchange.importFile(parsed);
  const importMs = performance.now() - start;
  report({ importMs, afterImport: memory() });
  await connection.close();
} else if (mode === 'start') {
  const [databasePath, date] = args as [string, string];
  const before = memory();
  const connection = await openDatabase(databasePath);
  const services = createServices(connection.db, { clock: clockOnDay(date) });
  await signInAs(services);
  const handlers = createHandlers(services, { host: 'browser', databasePath, encrypted: false, version: 'bench' });
  const sizes: Record<string, number> = {};
  const call = async (channel: string, input: unknown) => {
    const text = JSON.stringify(await dispatch(channel, input, handlers));
    if (!text.startsWith('{"ok":true')) throw new Error(`${channel}: ${text.slice(0, 300)}`);
    sizes[channel] = Math.max(sizes[channel] ?? 0, text.length);
    return JSON.parse(text) as { value: unknown };
  };
  // The window's first requests, all at once as App and the Bevakning page make them.
  const started = performance.now();
  await Promise.all([
    call('getAppInfo', {}),
    call('countDeadlines', { date }),
    call('countChecks', { date }),
    call('listDeadlinePage', { date, offset: 0, limit: 100 }),
    call('getRuleSettings', {}),
    call('getPreferences', {}),
  ]);
  const startMs = performance.now() - started;
  const afterStart = memory();
  // A few pages: Register, a home's panel, Placeringar (ongoing), Kontroller.
  const homes = ((await call('searchHomes', { query: '' })).value as { rows: { id: string }[] }).rows;
  const homeId = homes[Math.floor(homes.length / 2)]!.id;
  await Promise.all([call('getHome', { id: homeId }), call('getHomeChecks', { homeId, date }), call('listHomeEvents', { homeId })]);
  await call('listPlacementPage', { date, activeOnly: true, offset: 0, limit: 100 });
  await call('listCheckPage', { date, show: 'action', offset: 0, limit: 100 });
  const pagesMs = performance.now() - started;
  report({ startMs, pagesMs, before, afterStart, afterPages: memory(), sizes });
  await connection.close();
} else {
  console.error('usage: process-probe.ts import <file.json> <database> | start <database> <date>');
  process.exit(2);
}
