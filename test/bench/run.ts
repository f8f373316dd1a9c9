/**
 * `npm run bench`: the large city (test/bench/synthetic-register.ts) generated,
 * imported and measured. Each figure with a target that Node can measure is run several
 * times and printed beside its target; the bevakningslista also beside SQLite's plain read of the
 * rows it needs. The Chromium figures (first start, long frames while scrolling) come from
 * `npm run bench:ui` (test/bench/ui.bench.ts: it builds the renderer), run at the end on the
 * same database when Chromium is there. Not a test: figures depend on the machine, nothing fails
 * on a slow run.
 *
 *   npm run bench               the large city (about four minutes on a quiet 2-core machine)
 *   npm run bench -- --small    the city at 1/100, to try a change in seconds
 *   npm run bench -- --no-ui    without the Chromium figures
 *   npm run bench -- --only log the access log's figures alone (access-log.bench-part.ts), on the
 *                               city as chosen (with --small in a minute or so)
 *   npm run bench -- --only journal  the journal's figures alone (journal.bench-part.ts)
 *   npm run bench -- --only quality  the quality index's figures alone (quality.bench-part.ts)
 *   npm run bench -- --only audit    egenkontroll alone: the draw, a round, its files and its PDF (audit.bench-part.ts)
 *   npm run bench -- --only report   the nämndrapport alone: its figures and its PDF (report.bench-part.ts)
 *   npm run bench -- --only export   the exports alone: 10 000 rows to xlsx, the list of placements to xlsx and csv (export.bench-part.ts)
 *   npm run bench -- --only backup   the register's protection alone: encrypting, quick_check, a checked copy, a restore, a new key (backup.bench-part.ts)
 *   npm run bench -- --only fuzz     every channel fuzzed on a register of its own (fuzz.bench-part.ts; BENCH_FUZZ_PER_CHANNEL)
 *   npm run bench -- --only load     the shared register under load: 30 case workers at once on PostgreSQL for 5 minutes
 *                                     (load.bench-part.ts; BENCH_PG, BENCH_LOAD_SECONDS, BENCH_LOAD_WORKERS)
 *
 * The figures are the lines of `figures` below: a later change adds a line.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Connection } from '../../main/db/connection';
import { readRegisterSnapshot } from '../../main/db/placements-repository';
import { computeDeadlines } from '../../main/domain/deadlines';
import { isFosterHomeKind, type HomeKind } from '../../main/domain/vocabulary';
import { dispatch } from '../../main/ipc/dispatch';
import { createHandlers } from '../../main/ipc/handlers';
import { signInAs } from '../signed-in';
import { createServices, type Services } from '../../main/services';
import { toDeadlineRegister } from '../../main/services/deadlines';
import { testClock } from '../clock';
import { closeLogBench, logFigures } from './access-log.bench-part';
import { closeJournalBench, journalFigures } from './journal.bench-part';
import { closeQualityBench, qualityFigures } from './quality.bench-part';
import { auditFigures, closeAuditBench } from './audit.bench-part';
import { closeReportBench, reportFigures } from './report.bench-part';
import { exportFigures } from './export.bench-part';
import { backupFigures } from './backup.bench-part';
import { fuzzFigures } from './fuzz.bench-part';
import { loadFigures } from './load.bench-part';
import { benchScale } from './city-database';
import { benchDate, describeRegister, syntheticCity, type CityFile } from './synthetic-register';

// ---------------------------------------------------------------------------------------------
// What a figure is

type Unit = 'ms' | 'MB' | '×' | 'frames';

interface Measured {
  /** One value per run (or per call, for a percentile). */
  samples: number[];
  /** What else to know about the figure: sizes, parts, counts. */
  note?: string;
}

interface Figure {
  /** `target`: a figure with a target; `detail`: where the time goes, and the bench's older figures. */
  section: 'target' | 'detail';
  /** A part of the figures that `--only <part>` runs alone. */
  part?: 'log' | 'journal' | 'quality' | 'audit' | 'report' | 'export' | 'backup' | 'fuzz' | 'load';
  what: string;
  unit: Unit;
  /** The target: the figure should be at most this (null: no target). */
  target: number | null;
  /** How the samples are summed up: their median, or the 95th percentile of many calls. */
  stat: 'median' | 'p95';
  /** Null when this run cannot measure it (the note says why). */
  measure(bench: Bench): Promise<Measured | null>;
}

interface UiResult {
  firstStartMs: number[];
  rows: number | null;
  slowLongFrames: number[];
  fastLongFrames: number[];
  frames: number;
}

interface Bench {
  file: CityFile;
  /** The run's temporary folder, removed at its end. */
  dir: string;
  databasePath: string;
  /** The setup's import of the whole file, in a process of its own: its time and the memory after it. */
  imported: { importMs: number; afterImport: Memory };
  /** Open, warm services, as the app's are after a while. */
  connection: Connection;
  services: Services;
  /** A call through the API: the channel's validation, the handler, and the JSON the browser host sends. */
  api(channel: string, input: unknown, services?: Services): Promise<{ value: unknown; bytes: number }>;
  /** A measurement shared by several figures, made the first time one asks. */
  once<T>(key: string, make: () => Promise<T>): Promise<T>;
  ui: UiResult | null;
  uiNote: string;
}

// ---------------------------------------------------------------------------------------------
// The figures

/** Runs of a figure measured by its median; the heavier details run twice. */
const runs = 3;
const detailRuns = 2;
const homePanels = 40;

const figures: Figure[] = [
  {
    section: 'target',
    what: 'first start, until Bevakning shows its rows (browser host, Chromium)',
    unit: 'ms',
    target: 1_000,
    stat: 'median',
    measure: async (b) => (b.ui ? { samples: b.ui.firstStartMs, note: `${b.ui.rows ?? '?'} rows in the list` } : null),
  },
  {
    section: 'target',
    what: 'the full bevakningslista (service, cold: new connection and services)',
    unit: 'ms',
    target: 500,
    stat: 'median',
    measure: async (b) => {
      const cold = await coldBevakning(b);
      return { samples: cold.map((c) => c.serviceMs), note: `${cold[0]!.rows} rows, of which ${cold[0]!.rechecks} re-check reminders` };
    },
  },
  {
    section: 'target',
    what: "the same ÷ SQLite's plain read of the rows it needs (active placements, their stays, events, birth dates)",
    unit: '×',
    target: 3,
    stat: 'median',
    measure: async (b) => {
      // The ratio of the medians: a plain read of a few milliseconds makes ratios run by run jumpy.
      const cold = await coldBevakning(b);
      const plain = median(cold.map((c) => c.plainMs));
      return {
        samples: [median(cold.map((c) => c.serviceMs)) / plain],
        note:
          `plain read ${format(plain, 'ms')} (median; better-sqlite3, new connection): ${cold[0]!.plainRows}; ` +
          `run by run ${cold.map((c) => format(c.serviceMs / c.plainMs, '×')).join(', ')}`,
      };
    },
  },
  {
    section: 'target',
    what: 'quick search through the API (Register, ~50 varied queries × 2), p95',
    unit: 'ms',
    target: 50,
    stat: 'p95',
    measure: async (b) => {
      const queries = searchQueries(b.file);
      const samples: number[] = [];
      let hits = 0;
      let bytes = 0;
      for (let round = 0; round < 2; round++) {
        for (const query of queries) {
          // What the Register page asks as the user types: the best 200 with the count.
          const { ms, result } = await time(() => b.api('searchHomes', { query }));
          samples.push(ms);
          hits = Math.max(hits, (result.value as { rows: unknown[] }).rows.length);
          bytes = Math.max(bytes, result.bytes);
        }
      }
      const sorted = [...samples].sort((x, y) => x - y);
      return { samples, note: `${queries.length} queries, median ${format(sorted[Math.floor(sorted.length / 2)]!, 'ms')}, max ${format(sorted.at(-1)!, 'ms')}; largest answer ${hits} homes, ${format(bytes / 1e6, 'MB')}` };
    },
  },
  {
    section: 'target',
    what: `a home's panel, all its data (getHome, then getHomeChecks, listHomeEvents, rules), ${homePanels} homes of every kind, p95`,
    unit: 'ms',
    target: 50,
    stat: 'p95',
    measure: async (b) => {
      const panels = await homePanelTimes(b);
      return { samples: panels.total, note: `getHomeChecks p95 ${format(p95(panels.checks), 'ms')}, getHome p95 ${format(p95(panels.home), 'ms')}, listHomeEvents p95 ${format(p95(panels.events), 'ms')}` };
    },
  },
  {
    section: 'target',
    what: 'main process memory (rss) after start and a few pages (a process of its own, through the API)',
    unit: 'MB',
    target: 400,
    stat: 'median',
    measure: async (b) => {
      const probes = await startProbes(b);
      const heap = probes.map((p) => p.afterPages.heapUsed / 1e6).sort((x, y) => x - y);
      const peak = Math.max(...probes.map((p) => p.afterPages.maxRss / 1e6));
      const sizes = probes[0]!.sizes;
      return {
        samples: probes.map((p) => p.afterPages.rss / 1e6),
        note:
          `heap ${format(heap[Math.floor(heap.length / 2)]!, 'MB')}, peak rss ${format(peak, 'MB')}; after start alone rss ${format(probes[0]!.afterStart.rss / 1e6, 'MB')}; ` +
          `JSON sent: listDeadlinePage ${Math.round(sizes.listDeadlinePage! / 1e3)} kB, countChecks ${sizes.countChecks} B, listCheckPage (Kontroller) ${Math.round(sizes.listCheckPage! / 1e3)} kB, listPlacementPage ${Math.round(sizes.listPlacementPage! / 1e3)} kB`,
      };
    },
  },
  {
    section: 'target',
    what: 'the lists: frames over 25 ms while scrolling Bevakning, 240 frames, slow scroll',
    unit: 'frames',
    target: 1,
    stat: 'median',
    measure: async (b) => (b.ui ? { samples: b.ui.slowLongFrames } : null),
  },
  {
    section: 'target',
    what: 'the same, fast scroll',
    unit: 'frames',
    target: 1,
    stat: 'median',
    measure: async (b) => (b.ui ? { samples: b.ui.fastLongFrames } : null),
  },
  {
    section: 'target',
    what: 'Placeringar with "Bara pågående" unticked: the first block and the count of all, through the API (new services)',
    unit: 'ms',
    target: 1_000,
    stat: 'median',
    measure: async (b) => {
      const samples: number[] = [];
      let rows = 0;
      let bytes = 0;
      for (let i = 0; i < runs; i++) {
        const fresh = createServices(b.connection.db, { clock: testClock() });
        // What the page asks: the first block of 100 and the count of all (listPlacementPage).
        const { ms, result } = await time(() => b.api('listPlacementPage', { date: benchDate, activeOnly: false, offset: 0, limit: 100 }, fresh));
        samples.push(ms);
        rows = (result.value as { total: number }).total;
        bytes = result.bytes;
      }
      return { samples, note: `${rows} placements counted, ${Math.round(bytes / 1e3)} kB of JSON for the first block; the table in Chromium is not measured here` };
    },
  },
  {
    section: 'target',
    what: 'import of the whole city (reading, JSON.parse, validation, writing in one transaction; new database)',
    unit: 'ms',
    target: 60_000,
    stat: 'median',
    // Once, as the setup (a minute on a busy machine): in a process of its own, as the command line imports.
    measure: async ({ imported: { importMs, afterImport } }) => ({
      samples: [importMs],
      note: `1 run; memory of that process after it: rss ${format(afterImport.rss / 1e6, 'MB')}, heap ${format(afterImport.heapUsed / 1e6, 'MB')}, peak rss ${format(afterImport.maxRss / 1e6, 'MB')}`,
    }),
  },
  {
    section: 'target',
    what: 'export of the whole city (reading + JSON.stringify)',
    unit: 'ms',
    target: 30_000,
    stat: 'median',
    measure: async (b) => {
      const samples: number[] = [];
      let size = 0;
      for (let i = 0; i < 2; i++) {
        const { ms, result } = await time(async () => JSON.stringify(await b.services.exchange.exportAll()));
        samples.push(ms);
        size = result.length;
      }
      return { samples, note: `${format(size / 1e6, 'MB')} of JSON` };
    },
  },

  // Where the time goes, and the benchmark's older figures.
  {
    section: 'detail',
    what: "the window's first requests at once (getAppInfo, countDeadlines, countChecks, listDeadlinePage, rules), new process",
    unit: 'ms',
    target: null,
    stat: 'median',
    measure: async (b) => ({ samples: (await startProbes(b)).map((p) => p.startMs) }),
  },
  {
    section: 'detail',
    what: 'reading the register (snapshot → the engine\'s form)',
    unit: 'ms',
    target: null,
    stat: 'median',
    measure: async (b) => {
      const samples: number[] = [];
      for (let i = 0; i < detailRuns; i++) samples.push((await time(async () => toDeadlineRegister(await readRegisterSnapshot(b.connection.db)))).ms);
      return { samples };
    },
  },
  {
    section: 'detail',
    what: 'the deadline engine alone (computeDeadlines, register in memory)',
    unit: 'ms',
    target: null,
    stat: 'median',
    measure: async (b) => {
      const register = toDeadlineRegister(await readRegisterSnapshot(b.connection.db));
      const settings = await b.services.settings.effective();
      const samples: number[] = [];
      let deadlines = 0;
      for (let i = 0; i < detailRuns; i++) {
        const { ms, result } = await time(async () => computeDeadlines(register, benchDate, settings));
        samples.push(ms);
        deadlines = result.length;
      }
      return { samples, note: `${deadlines} deadlines` };
    },
  },
  {
    section: 'detail',
    what: 'the re-check reminders alone (checks.rechecks, new services)',
    unit: 'ms',
    target: null,
    stat: 'median',
    measure: async (b) => {
      const samples: number[] = [];
      let count = 0;
      for (let i = 0; i < detailRuns; i++) {
        const fresh = createServices(b.connection.db, { clock: testClock() });
        const { ms, result } = await time(() => fresh.checks.rechecks(benchDate));
        samples.push(ms);
        count = result.length;
      }
      return { samples, note: `${count} reminders` };
    },
  },
  {
    section: 'detail',
    what: 'the bevakningslista after a change (record and remove an event, compute again)',
    unit: 'ms',
    target: null,
    stat: 'median',
    measure: async (b) => {
      const placementId = b.file.placements.find((p) => p.endedOn === undefined)!.id;
      const samples: number[] = [];
      for (let i = 0; i < detailRuns; i++) {
        const { ms } = await time(async () => {
          const event = await b.services.placements.recordEvent({ placementId, type: 'barnsamtal', date: benchDate, comment: null, verdict: null });
          await b.services.placements.removeEvent(event.id);
          return b.services.deadlines.overview(benchDate);
        });
        samples.push(ms);
      }
      return { samples };
    },
  },
  {
    section: 'detail',
    what: 'the bevakningslista again without changes (kept result)',
    unit: 'ms',
    target: null,
    stat: 'median',
    measure: async (b) => {
      await b.services.deadlines.overview(benchDate); // kept already, by the figure above
      const samples: number[] = [];
      for (let i = 0; i < 3; i++) samples.push((await time(() => b.services.deadlines.overview(benchDate))).ms);
      const { counts } = await b.services.deadlines.overview(benchDate);
      return { samples, note: `overdue / soon / upcoming: ${counts.overdue} / ${counts.dueSoon} / ${counts.upcoming}` };
    },
  },
  {
    section: 'detail',
    what: 'Kontroller: the first page, cold (checks.page, new services)',
    unit: 'ms',
    target: null,
    stat: 'median',
    measure: async (b) => {
      const samples: number[] = [];
      let note = '';
      for (let i = 0; i < detailRuns; i++) {
        const fresh = createServices(b.connection.db, { clock: testClock() });
        const { ms, result } = await time(() => fresh.checks.page({ date: benchDate, show: 'action', offset: 0, limit: 100 }));
        samples.push(ms);
        const search = await time(() => fresh.checks.page({ date: benchDate, show: 'all', query: 'berg', offset: 0, limit: 100 }));
        const sorted = await time(() => fresh.checks.page({ date: benchDate, show: 'all', sort: { column: 'home', direction: 'asc' }, offset: 0, limit: 100 }));
        note =
          `${result.unfiltered} checks, ${result.cards.action} to act on; then all matching "berg" ${Math.round(search.ms)} ms ` +
          `(${search.result.total}), all by home ${Math.round(sorted.ms)} ms`;
      }
      return { samples, note };
    },
  },
  {
    section: 'detail',
    what: 'Register, every home through the API',
    unit: 'ms',
    target: null,
    stat: 'median',
    measure: async (b) => {
      const samples: number[] = [];
      let bytes = 0;
      for (let i = 0; i < 5; i++) {
        const { ms, result } = await time(() => b.api('listHomes', {}));
        samples.push(ms);
        bytes = result.bytes;
      }
      return { samples, note: `${format(bytes / 1e6, 'MB')} of JSON` };
    },
  },
  {
    section: 'detail',
    what: '"Kan hemmet redan finnas?" before a save (same org.nr, or name and kommun)',
    unit: 'ms',
    target: null,
    stat: 'median',
    measure: async (b) => {
      const home = b.file.homes[Math.floor(b.file.homes.length / 2)]!;
      const samples: number[] = [];
      for (let i = 0; i < 10; i++) {
        samples.push((await time(() => b.services.homes.findSimilar({ name: home.name, municipality: home.municipality ?? null, orgNr: null }))).ms);
      }
      return { samples };
    },
  },
  {
    section: 'detail',
    what: "a placement's page (getPlacement: the child's deadlines, events, checks)",
    unit: 'ms',
    target: null,
    stat: 'median',
    measure: async (b) => {
      const ids = b.file.placements.filter((p) => p.endedOn === undefined).map((p) => p.id);
      const samples: number[] = [];
      for (let i = 0; i < 10; i++) {
        const id = ids[Math.floor((i * ids.length) / 10)]!;
        samples.push((await time(() => b.api('getPlacement', { id, date: benchDate, reveal: false }))).ms);
      }
      return { samples };
    },
  },
  {
    section: 'detail',
    what: '"Redo för beslut?" for a familjehem',
    unit: 'ms',
    target: null,
    stat: 'median',
    measure: async (b) => {
      const homeId = b.file.homes.find((h) => h.kind === 'familjehem')!.id;
      const samples: number[] = [];
      for (let i = 0; i < 10; i++) {
        samples.push((await time(() => b.services.checks.readiness({ homeId, decisionOn: benchDate, from: benchDate, childId: null, birthDate: null, date: benchDate }))).ms);
      }
      return { samples };
    },
  },
  {
    section: 'detail',
    what: 'the rules with the law\'s bounds and their history (getRuleSettings)',
    unit: 'ms',
    target: null,
    stat: 'median',
    measure: async (b) => {
      const samples: number[] = [];
      for (let i = 0; i < 10; i++) samples.push((await time(() => b.api('getRuleSettings', {}))).ms);
      return { samples };
    },
  },

  // The random file audit: a draw from every placement of the city.
  {
    section: 'target',
    part: 'audit',
    what: 'an audit sample of 50 drawn from every placement of the ten years (services.audits.draw: read, filter, a SHA-256 rank each), median',
    unit: 'ms',
    target: 500,
    stat: 'median',
    measure: async (b) => {
      const samples: number[] = [];
      let population = 0;
      for (let i = 0; i < runs; i++) {
        const drawn = await time(() => b.services.audits.draw({ from: '2016-01-01', to: benchDate, size: 50, seed: `bench-${i}` }));
        samples.push(drawn.ms);
        population = drawn.result.populationSize;
      }
      return { samples, note: `${population} placements in the population` };
    },
  },
  // A round drawn and stored, its files opened and answered, and its report.
  ...auditFigures,
  ...reportFigures,

  // A list to Excel or CSV: the export job.
  ...exportFigures,

  // The register's protection: encrypting, the start's check, a copy, a restore, a new key.
  ...backupFigures,

  // The access log: logging a read, and a year's log searched and verified.
  ...logFigures,

  // The journal: signed notes searched, and a busy home's history.
  ...journalFigures,

  // The quality index: every home, matching, träffsäkerhet.
  ...qualityFigures,

  // Every channel fuzzed: how long, and that nothing is found.
  ...fuzzFigures,
  ...loadFigures,
];

// ---------------------------------------------------------------------------------------------
// Measurements shared by figures

/** The bevakningslista on a new connection and new services, beside the plain read on another. */
function coldBevakning(b: Bench) {
  return b.once('cold-bevakning', async () => {
    const results: { serviceMs: number; plainMs: number; rows: number; rechecks: number; plainRows: string }[] = [];
    for (let i = 0; i < runs; i++) {
      const plain = await withConnection(b.databasePath, async (connection) => time(async () => plainRead(connection, benchDate)));
      const service = await withConnection(b.databasePath, async (connection) =>
        time(() => createServices(connection.db, { clock: testClock() }).deadlines.overview(benchDate)),
      );
      const { placements, stays, events } = plain.result;
      results.push({
        serviceMs: service.ms,
        plainMs: plain.ms,
        rows: service.result.rows.length,
        rechecks: service.result.rows.filter((row) => row.rule === 'registerkontroll-fortlopande').length,
        plainRows: `${placements} placements with birth dates, ${stays} stays, ${events} events`,
      });
    }
    return results;
  });
}

/**
 * SQLite's plain read of what the bevakningslista of `date` needs: the active placements with the
 * child's birth date, their stays and their events up to the date, as objects, with nothing done
 * to them. The floor under any computation of the list.
 */
function plainRead(connection: Connection, date: string) {
  const active = 'p.started_on <= @date AND (p.ended_on IS NULL OR p.ended_on > @date)';
  const placements = connection.raw
    .prepare(`SELECT p.id, p.child_id, p.legal_basis, p.started_on, p.ended_on, c.birth_date
      FROM placements p JOIN children c ON c.id = p.child_id WHERE ${active}`)
    .all({ date });
  const stays = connection.raw
    .prepare(`SELECT s.placement_id, s.ordinal, s.home_id, s.form, s.from_date, s.to_date, s.investigation_completed_on
      FROM placements p JOIN stays s ON s.placement_id = p.id WHERE ${active}`)
    .all({ date });
  const events = connection.raw
    .prepare(`SELECT e.placement_id, e.type, e.date
      FROM placements p JOIN events e ON e.placement_id = p.id WHERE ${active} AND e.date <= @date`)
    .all({ date });
  return { placements: placements.length, stays: stays.length, events: events.length };
}

/** A home's panel as the window loads it: the home, then its checks, its events and (HVB, stödboende) the rules. */
function homePanelTimes(b: Bench) {
  return b.once('home-panels', async () => {
    const step = Math.max(1, Math.floor(b.file.homes.length / homePanels));
    const homes = b.file.homes.filter((_, i) => i % step === 0).slice(0, homePanels);
    const times = { total: [] as number[], home: [] as number[], checks: [] as number[], events: [] as number[] };
    for (let round = 0; round < 1; round++) {
      for (const home of homes) {
        const kind = home.kind as HomeKind;
        const permitHome = kind === 'hvb' || kind === 'stodboende';
        const date = benchDate;
        const { ms } = await time(async () => {
          const got = await time(() => b.api('getHome', { id: home.id }));
          times.home.push(got.ms);
          await Promise.all([
            isFosterHomeKind(kind) || permitHome
              ? time(() => b.api('getHomeChecks', { homeId: home.id, date })).then((t) => times.checks.push(t.ms))
              : null,
            time(() => b.api('listHomeEvents', { homeId: home.id })).then((t) => times.events.push(t.ms)),
            permitHome ? b.api('getRuleSettings', {}) : null,
          ]);
        });
        times.total.push(ms);
      }
    }
    return times;
  });
}

interface Memory {
  rss: number;
  heapUsed: number;
  maxRss: number;
}

function startProbes(b: Bench) {
  return b.once('start-probes', async () => {
    const results: { startMs: number; afterStart: Memory; afterPages: Memory; sizes: Record<string, number> }[] = [];
    results.push(probe(['start', b.databasePath, benchDate]));
    return results;
  });
}

/** Runs test/bench/process-probe.ts in a Node of its own (this one, with --expose-gc) and returns its result. */
function probe<T>(args: string[]): T {
  const script = path.join(import.meta.dirname, 'process-probe.ts');
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (child.status !== 0 || line === undefined) throw new Error(`process-probe ${args[0]} failed: ${child.stderr}`);
  return JSON.parse(line.slice('BENCH_RESULT '.length)) as T;
}

// ---------------------------------------------------------------------------------------------
// Search queries: names, kinds, kommuner (with and without å, ä, ö), org.nr, persons, nothing

function searchQueries(file: CityFile): string[] {
  const persons = file.persons.filter((p) => p.role === 'uppdragstagare');
  const person = (k: number) => persons[Math.floor((k * persons.length) / 5)]!.name;
  const orgNrs = file.homes.flatMap((h) => (h.orgNr ? [h.orgNr] : []));
  const homeName = (k: number) => file.homes[Math.floor((k * file.homes.length) / 3)]!.name;
  const reversed = (name: string) => name.split(' ').reverse().join(' ').toLowerCase();
  return [
    'exempel', 'prov', 'påhitt', 'saga', 'fabel', 'dikt', 'fantasi', 'låtsas',
    'HVB', 'stödboende', 'familjen', 'jourhemmet', 'nätverkshem', 'ungdomshem',
    'Stockholm', 'göteborg', 'malmö', 'upplands', 'Södertälje', 'örebro', 'Orebro', 'Ö', 'ä', 'lidingö',
    ...(orgNrs.length > 1 ? ['556000', orgNrs[0]!.replace('-', ''), orgNrs[1]!, orgNrs[0]!.slice(-4)] : []),
    person(0), person(1), person(2), person(3), person(4),
    reversed(person(0)), reversed(person(1)), reversed(person(2)), reversed(person(3)), reversed(person(4)),
    'konsulent', 'Sagobron', 'familjen prov', 'hvb stockholm', 'gården', 'viken',
    homeName(0), homeName(1), homeName(2),
    'a', 'e', 'zzzz', 'xyz 123',
  ];
}

// ---------------------------------------------------------------------------------------------
// Helpers

async function time<T>(fn: () => T | Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

async function withConnection<T>(databasePath: string, use: (connection: Connection) => Promise<T>): Promise<T> {
  const connection = await openDatabase(databasePath);
  try {
    return await use(connection);
  } finally {
    await connection.close();
  }
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
/** The 95th percentile, nearest rank. */
const p95 = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(0.95 * sorted.length) - 1)]!;
};

function format(value: number, unit: Unit): string {
  if (unit === 'ms') return value >= 1_000 ? `${(value / 1_000).toFixed(value >= 100_000 ? 0 : 1)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`;
  if (unit === 'MB') return `${value.toFixed(value < 10 ? 1 : 0)} MB`;
  if (unit === '×') return `${value.toFixed(1)}×`;
  return String(Math.round(value));
}

function formatTarget(figure: Figure): string {
  if (figure.target === null) return '';
  if (figure.unit === '×') return `≤ ${format(figure.target, '×')}`;
  if (figure.unit === 'frames') return `0–${figure.target}`;
  return `< ${format(figure.target, figure.unit)}`;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  return [...lines, line];
}

// ---------------------------------------------------------------------------------------------
// The Chromium figures (npm run bench:ui) on the same database

function chromium(): string | null {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return fs.existsSync(candidate) ? candidate : null;
}

function runUi(databasePath: string, dir: string): { ui: UiResult | null; note: string } {
  if (process.argv.includes('--no-ui')) return { ui: null, note: 'left out (--no-ui); run npm run bench:ui' };
  if (chromium() === null) return { ui: null, note: 'no Chromium (set CHROMIUM_PATH); run npm run bench:ui where there is one' };
  const resultPath = path.join(dir, 'ui-result.json');
  console.log('\nChromium: npm run bench:ui (builds the renderer) on the same database');
  const child = spawnSync('npm', ['run', '--silent', 'bench:ui'], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_DB: databasePath, BENCH_RESULT: resultPath },
  });
  if (child.status !== 0 || !fs.existsSync(resultPath)) return { ui: null, note: 'npm run bench:ui failed; see its output above' };
  return { ui: JSON.parse(fs.readFileSync(resultPath, 'utf8')) as UiResult, note: '' };
}

// ---------------------------------------------------------------------------------------------
// The run

const began = performance.now();
const { scale, name } = benchScale();
// `--only log`, `--only journal`, `--only quality`: only the figures of that part.
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const chosen = only === undefined ? figures : figures.filter((figure) => figure.part === only);
if (chosen.length === 0) throw new Error(`--only ${only ?? ''}: no such part of the figures (log, journal, quality, audit, report, export, backup, fuzz, load)`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'placeringskollen-bench-'));
try {
  const generated = await time(() => syntheticCity(scale));
  const file = generated.result;
  const shape = describeRegister(file, benchDate);
  console.log(`Placeringskollen benchmark: ${name}, as of ${benchDate} (Node ${process.version}, ${os.cpus().length} cores)`);
  console.log(
    `  ${shape.homes} homes (${Object.entries(shape.homesByKind).map(([kind, n]) => `${n} ${kind}`).join(', ')}), ` +
      `${shape.uppdragstagare} uppdragstagare, ${shape.registerChecks} register checks,`,
  );
  console.log(
    `  ${shape.children} children (${shape.protectedChildren} protected, ${shape.childrenWithSeveralPlacements} placed more than once), ` +
      `${shape.placements} placements (${shape.active} active, ${shape.lvu} LVU, ${shape.jourhemToFamiljehem} jourhem → familjehem), ` +
      `${shape.events} events; ${shape.fosterHomesWithMoreThanThree} foster homes with more than three children`,
  );
  const jsonPath = path.join(dir, 'city.json');
  fs.writeFileSync(jsonPath, JSON.stringify(file));
  console.log(`  generated in ${format(generated.ms, 'ms')}, ${format(fs.statSync(jsonPath).size / 1e6, 'MB')} of JSON\n`);

  // The import as the command line makes it (the file read, parsed, checked and written), in a
  // process of its own so that the memory after it is the import's and not the generator's.
  const databasePath = path.join(dir, 'city.sqlite');
  const imported = probe<{ importMs: number; afterImport: Memory }>(['import', jsonPath, databasePath]);
  console.log(`Imported in ${format(imported.importMs, 'ms')}; measuring (minutes:seconds since the start) …`);
  const connection = await openDatabase(databasePath);
  const services = createServices(connection.db, { clock: testClock() });

  const handlersOf = new WeakMap<Services, ReturnType<typeof createHandlers>>();
  const memo = new Map<string, Promise<unknown>>();
  const bench: Bench = {
    file,
    dir,
    databasePath,
    imported,
    connection,
    services,
    async api(channel, input, using = services) {
      let handlers = handlersOf.get(using);
      if (!handlers) {
        await signInAs(using);
        handlersOf.set(using, (handlers = createHandlers(using, { host: 'browser', databasePath, encrypted: false, version: 'bench' })));
      }
      const answer = JSON.stringify(await dispatch(channel, input, handlers));
      if (!answer.startsWith('{"ok":true')) throw new Error(`${channel}: ${answer.slice(0, 300)}`);
      return { value: (JSON.parse(answer) as { value: unknown }).value, bytes: answer.length };
    },
    once<T>(key: string, make: () => Promise<T>) {
      if (!memo.has(key)) memo.set(key, make());
      return memo.get(key) as Promise<T>;
    },
    ui: null,
    uiNote: '',
  };

  // Progress: the minutes and seconds since the start as each figure is done.
  const clock = () => {
    const seconds = Math.round((performance.now() - began) / 1000);
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  };
  const results: { figure: Figure; measured: Measured | null }[] = [];
  for (const figure of chosen) {
    const result = await figure.measure(bench);
    results.push({ figure, measured: result });
    if (result) console.log(`  ${clock()}  ${figure.what}`);
  }
  await closeLogBench();
  await closeJournalBench();
  await closeQualityBench();
  await closeAuditBench();
  await closeReportBench();
  await connection.close();

  // Chromium's figures, where a figure waits for them (the load test waits for a PostgreSQL server instead).
  const { ui, note } = results.some((r) => r.measured === null && r.figure.part !== 'load') ? runUi(databasePath, dir) : { ui: null, note: '' };
  bench.ui = ui;
  bench.uiNote = note;
  for (const entry of results) {
    if (entry.measured === null) entry.measured = await entry.figure.measure(bench);
  }

  // The table
  const width = 70;
  const columns = (what: string, measured: string, target: string, ratio: string) =>
    `${what.padEnd(width)} ${measured.padStart(10)} ${target.padStart(9)} ${ratio.padStart(8)}`;
  for (const section of ['target', 'detail'] as const) {
    console.log(section === 'target' ? '\nThe figures with a target' : '\nWhere the time goes, and other figures');
    console.log(columns('what', 'measured', 'target', section === 'target' ? '÷ target' : ''));
    console.log('-'.repeat(width + 30));
    for (const { figure, measured } of results.filter((r) => r.figure.section === section)) {
      const lines = wrap(figure.what, width);
      if (measured === null) {
        for (const [k, text] of lines.entries()) console.log(columns(text, k === lines.length - 1 ? 'not run' : '', k === lines.length - 1 ? formatTarget(figure) : '', ''));
        console.log(`    ${figure.part === 'load' ? 'no PostgreSQL server: set BENCH_PG to a login that may create databases and roles' : bench.uiNote}`);
        continue;
      }
      const value = figure.stat === 'p95' ? p95(measured.samples) : median(measured.samples);
      const ratio = figure.target === null ? '' : format(value / Math.max(figure.target, 1e-9), '×');
      lines.forEach((text, k) => {
        const last = k === lines.length - 1;
        console.log(columns(text, last ? format(value, figure.unit) : '', last ? formatTarget(figure) : '', last ? ratio : ''));
      });
      const runsText =
        figure.stat === 'p95'
          ? `${measured.samples.length} calls`
          : measured.samples.length === 1
            ? ''
            : `${measured.samples.length} runs: ${measured.samples.map((s) => format(s, figure.unit)).join(', ')}`;
      const detail = [runsText, measured.note ?? ''].filter((part) => part !== '').join('; ');
      if (detail !== '') for (const text of wrap(detail, width + 24)) console.log(`    ${text}`);
    }
  }
  console.log(`\n${format(performance.now() - began, 'ms')} in all. Ratios above 1× miss the target; the table is for reading, nothing fails.`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
