/**
 * `npm run bench`: the register at municipal scale, timed and printed. Not a test: figures
 * depend on the machine, so nothing here fails on a slow run; read the numbers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../main/db/connection';
import { readRegisterSnapshot } from '../../main/db/placements-repository';
import { computeDeadlines } from '../../main/domain/deadlines';
import { createServices } from '../../main/services';
import { toDeadlineRegister } from '../../main/services/deadlines';
import { benchDate, cityScale, describeRegister, syntheticCity } from './synthetic-register';
import { testClock } from '../clock';

const width = 62;

async function measure<T>(fn: () => T | Promise<T>, repeat: number): Promise<{ result: T; ms: number }> {
  let result!: T;
  const start = performance.now();
  for (let i = 0; i < repeat; i++) result = await fn();
  return { result, ms: (performance.now() - start) / repeat };
}

function line(label: string, ms: number, repeat = 1): void {
  console.log(`${label.padEnd(width)} ${ms.toFixed(1).padStart(9)} ms${repeat > 1 ? `  (medel av ${repeat})` : ''}`);
}

function figure(label: string, value: string | number): void {
  console.log(`${label.padEnd(width)} ${String(value).padStart(9)}`);
}

async function timed<T>(label: string, fn: () => T | Promise<T>, repeat = 1): Promise<T> {
  const { result, ms } = await measure(fn, repeat);
  line(label, ms, repeat);
  return result;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'placeringskollen-bench-'));
try {
  const file = syntheticCity(cityScale);
  const { active, events } = describeRegister(file, benchDate);
  console.log(
    `Syntetiskt register: ${file.homes.length} hem, ${file.placements.length} placeringar (${active} aktiva ${benchDate}), ` +
      `${events} händelser (Node ${process.version})\n`,
  );

  const connection = await openDatabase(path.join(dir, 'bench.sqlite'));
  const services = createServices(connection.db, { clock: testClock() });

  await timed('import (validering + skrivning i en transaktion)', () => services.exchange.importFile(file));
  await timed('import av samma fil igen (sammanslagning per id)', () => services.exchange.importFile(file));
  const exported = await timed('export av hela registret', () => services.exchange.exportAll());
  figure('  exportfilens storlek', `${(JSON.stringify(exported).length / 1e6).toFixed(1)} MB`);
  await timed('registerlistan, alla hem', () => services.homes.list(), 10);
  const hits = await timed('snabbsökning "ö" (svensk skiftlägesvikning i SQLite)', () => services.homes.list({ query: 'ö' }), 10);
  figure('  träffar', hits.length);
  await timed('snabbsökning på en persons namn', () => services.homes.list({ query: 'Exempelsson 4711' }), 10);
  const someHome = file.homes[Math.floor(file.homes.length / 2)]!;
  await timed('"kan hemmet redan finnas?" före en sparning (samma org.nr eller namn och kommun)', () =>
    services.homes.findSimilar({ name: someHome.name, municipality: someHome.municipality ?? null, orgNr: null }), 10);
  const placementsList = await timed('placeringslistan, alla (skyddade barns hem dolda)', () => services.placementViews.list({ date: benchDate, activeOnly: false }), 3);
  figure('  placeringar', placementsList.length);
  figure('    varav med dolt hem (skyddad identitet)', placementsList.filter((row) => row.homeId === null).length);

  const heapNow = () => {
    (globalThis as { gc?: () => void }).gc?.();
    return process.memoryUsage().heapUsed;
  };
  const heapBeforeLists = heapNow();

  // The bevakningslista over the whole register, then its parts: reading the register out of
  // the database, the engine alone, and the rest (names, texts, counts) as the difference.
  console.log('');
  const cold = await measure(() => services.deadlines.overview(benchDate), 1);
  line(`bevakningslistan per ${benchDate}, första anropet (läsa + motorn + rader)`, cold.ms, 1);
  // The result is kept until something is written; a write makes the next call compute afresh.
  const service = await measure(() => services.deadlines.overview(benchDate), 5);
  line('  samma lista igen utan ändringar (sparat resultat)', service.ms, 5);
  const placementId = service.result.rows.find((row) => row.placementId !== null)!.placementId!;
  const afterWrite = await measure(async () => {
    await services.placements.removeEvent((await services.placements.recordEvent({ placementId, type: 'barnsamtal', date: benchDate, comment: null, verdict: null })).id);
    return services.deadlines.overview(benchDate);
  }, 5);
  line('  efter en ändring (registrera + ta bort en händelse, räkna om)', afterWrite.ms, 5);
  const detail = await measure(() => services.placementViews.detail({ id: placementId, date: benchDate, reveal: false }), 10);
  line('  en placerings sida (bara barnets uppgifter)', detail.ms, 10);
  const { rows, counts } = service.result;
  figure('  bevakningar', rows.length);
  figure('    varav försenade / snart / kommande', `${counts.overdue} / ${counts.dueSoon} / ${counts.upcoming}`);
  const load = await measure(async () => toDeadlineRegister(await readRegisterSnapshot(connection.db)), 5);
  line('  läsa registret ur databasen (ögonblicksbild → motorns form)', load.ms, 5);
  const settings = await services.settings.effective();
  const engine = await measure(() => computeDeadlines(load.result, benchDate, settings), 5);
  line('  motorn computeDeadlines (registret i minnet)', engine.ms, 5);
  line('  rader med namn och texter (första anropet − läsa − motorn)', Math.max(0, cold.ms - load.ms - engine.ms), 1);
  // The list also reminds of re-checks (registerkontroll-fortlopande), which the check engine gives.
  const deadlineRows = rows.filter((row) => row.rule !== 'registerkontroll-fortlopande').length;
  figure('    varav påminnelser om fortlöpande registerkontroll', rows.length - deadlineRows);
  if (engine.result.length !== deadlineRows) {
    console.log(`  OBS: motorn ger ${engine.result.length} bevakningar men tjänsten ${deadlineRows}`);
  }

  // The checks of rules.md over the whole register, and "Redo för beslut?" for one home.
  console.log('');
  const checks = await measure(() => services.checks.overview(benchDate), 3);
  line(`kontrollistan per ${benchDate} (alla register- och tillståndskontroller)`, checks.ms, 3);
  figure('  kontroller', checks.result.rows.length);
  figure('    varav problem / försenade / snart', `${checks.result.counts.problems} / ${checks.result.counts.overdue} / ${checks.result.counts.dueSoon}`);
  const fosterHomeId = file.homes.find((h) => h.kind === 'familjehem')!.id;
  const ready = await measure(() => services.checks.readiness({ homeId: fosterHomeId, decisionOn: benchDate, from: benchDate, childId: null, birthDate: null, date: benchDate }), 10);
  line('  "Redo för beslut?" för ett familjehem (kontroller, platser, fler än tre barn)', ready.ms, 10);
  const rules = await measure(() => services.settings.get(), 10);
  line('  reglerna med lagens gränser och ändringshistorik', rules.ms, 10);
  figure('  minne för listornas sparade resultat (bevakning + kontroller)', `${((heapNow() - heapBeforeLists) / 1e6).toFixed(0)} MB`);
  await connection.close();

  // After a full collection (npm run bench passes --expose-gc): what is still held, including the
  // benchmark's own synthetic file and export, which a real session does not keep.
  (globalThis as { gc?: () => void }).gc?.();
  const memory = process.memoryUsage();
  console.log(`\nMinne efteråt: heap ${(memory.heapUsed / 1e6).toFixed(0)} MB, rss ${(memory.rss / 1e6).toFixed(0)} MB`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
