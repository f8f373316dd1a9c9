/**
 * The access log's figures for `npm run bench` (run.ts imports them; `--only log` runs these
 * alone): what logging a read costs, and how fast a year of a large city's log is searched by
 * child and by user, and verified.
 *
 * The year's log is made in a database of its own (a new register, so the city's figures are
 * untouched): `BENCH_LOG_ENTRIES` entries (10 million, a year at a large city; 100 000 with
 * `--small`), written with one prepared statement in a few large transactions, each entry's
 * prev_hash and hash computed with `entryHash` so the chain is whole and "Verifiera loggen"
 * reads it as the app's own. The log's three indexes are dropped while the rows are written and
 * made again afterwards, with the migration's own definitions (one sort each, not ten million
 * inserts into random places: minutes saved; the pages come out fuller than the app's would).
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { entryHash } from '../../main/db/access-log';
import { openDatabase, type Connection } from '../../main/db/connection';
import { createServices, type Services } from '../../main/services';
import type { AccessLogPage } from '../../preload/api/users';
import { testClock } from '../clock';
import { count, median, ms, type PartBench, type PartFigure } from './bench-part';
import { signInAs } from '../signed-in';
import { benchDate } from './synthetic-register';

export type LogBench = PartBench;
export type LogFigure = PartFigure<'log'>;

/** The entries of the year's log: `BENCH_LOG_ENTRIES`, else 100 000 with `--small`, else 10 million. */
export function logEntries(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env.BENCH_LOG_ENTRIES);
  if (env.BENCH_LOG_ENTRIES !== undefined && Number.isInteger(asked) && asked > 0) return asked;
  return argv.includes('--small') ? 100_000 : 10_000_000;
}

const readSamples = 2_000;
const searches = 40;
const logUsers = 300;
const logChildren = 50_000;

export const logFigures: LogFigure[] = [
  {
    section: 'target',
    part: 'log',
    what: `the access log of a year (${count(logEntries())} entries): a child's entries, newest 100, with the count (API), p95`,
    unit: 'ms',
    target: 100,
    stat: 'p95',
    measure: async (b) => {
      const log = await yearLog(b);
      const { samples, totals } = await searchLog(b, log, 'childId', log.childIds);
      return {
        samples,
        note: `${searches} children, median ${ms(median(samples))}, max ${ms(Math.max(...samples))}; counts ${Math.min(...totals)}–${Math.max(...totals)} entries; ${log.made}`,
      };
    },
  },
  {
    section: 'target',
    part: 'log',
    what: `the same: a user's entries, newest 100, with the count (to 10 000), p95`,
    unit: 'ms',
    target: 100,
    stat: 'p95',
    measure: async (b) => {
      const log = await yearLog(b);
      const { samples, totals } = await searchLog(b, log, 'userId', log.userIds);
      return {
        samples,
        note: `${searches} users, median ${ms(median(samples))}, max ${ms(Math.max(...samples))}; counts ${Math.min(...totals)}–${Math.max(...totals)} (capped at 10 000)`,
      };
    },
  },
  {
    section: 'detail',
    part: 'log',
    what: "the year's log: a user's entries in one month (from, to), newest 100, with the count, p95",
    unit: 'ms',
    target: null,
    stat: 'p95',
    measure: async (b) => {
      const log = await yearLog(b);
      // Spring: the months after it are walked past, newest first, before the month's entries.
      const month = { from: '2026-04-01', to: '2026-04-30' };
      const { samples, totals } = await searchLog(b, log, 'userId', log.userIds.slice(0, 10), month);
      return { samples, note: `the 10 busiest users, April; median ${ms(median(samples))}; counts ${Math.min(...totals)}–${Math.max(...totals)}` };
    },
  },
  {
    section: 'detail',
    part: 'log',
    what: "the year's log: one kind of entry alone (reveal; import), newest 100, with the count",
    unit: 'ms',
    target: null,
    stat: 'median',
    measure: async (b) => {
      const log = await yearLog(b);
      const samples: number[] = [];
      const notes: string[] = [];
      for (const action of ['reveal', 'import']) {
        const start = performance.now();
        const page = (await b.api('listAccessLog', { action, offset: 0, limit: 100 }, log.services)).value as AccessLogPage;
        const took = performance.now() - start;
        if (action === 'reveal') samples.push(took);
        notes.push(`${action} ${ms(took)} (${page.total}${page.capped ? '+' : ''})`);
      }
      return { samples, note: notes.join(', ') };
    },
  },
  {
    section: 'target',
    part: 'log',
    what: "logging a read of a child's file (one appendEntry through the gate's path, the city's register), p95",
    unit: 'ms',
    target: 1,
    stat: 'p95',
    measure: async (b) => {
      const childIds = b.file.children.map((c) => c.id);
      const samples = await logReads(b.services, childIds);
      return { samples, note: `median ${ms(median(samples))}; each its own transaction, as the gate writes it` };
    },
  },
  {
    section: 'detail',
    part: 'log',
    what: "logging a read of a child's file with a year's log behind it, p95",
    unit: 'ms',
    target: null,
    stat: 'p95',
    measure: async (b) => {
      const log = await yearLog(b);
      const samples = await logReads(log.services, log.childIds);
      return { samples, note: `median ${ms(median(samples))}` };
    },
  },
  {
    section: 'detail',
    part: 'log',
    what: `"Verifiera loggen" over the year's log (${count(logEntries())} entries)`,
    unit: 'ms',
    target: null,
    stat: 'median',
    measure: async (b) => {
      const log = await yearLog(b);
      const start = performance.now();
      const status = (await b.api('verifyAccessLog', {}, log.services)).value as { entries: number; intact: boolean };
      const took = performance.now() - start;
      if (!status.intact) throw new Error(`the year's log does not verify: ${JSON.stringify(status)}`);
      return { samples: [took], note: `1 run; ${status.entries} entries, intact` };
    },
  },
];

/** Closes the year's log, if made. */
export async function closeLogBench(): Promise<void> {
  for (const connection of opened.splice(0)) await connection.close();
}

const opened: Connection[] = [];

interface YearLog {
  services: Services;
  childIds: string[];
  userIds: string[];
  /** How it was made: entries, time, size. */
  made: string;
}

/** `samples` appends of a read, each in the gate's log context, over varying children. */
async function logReads(services: Services, childIds: readonly string[]): Promise<number[]> {
  const userId = services.users.current() ?? (await signInAs(services));
  const samples: number[] = [];
  for (let i = 0; i < readSamples; i++) {
    const childId = childIds[(i * 7919) % childIds.length]!;
    const context = { userId, channel: 'getChild', at: services.clock.now(), rowChanges: true };
    const start = performance.now();
    await services.accessLog.within(context, () => services.accessLog.append({ action: 'read', entity: 'children', entityId: childId, childId, detail: null }));
    samples.push(performance.now() - start);
  }
  return samples;
}

/** The window's question for one child's or user's entries: the newest 100 and the count. */
async function searchLog(b: LogBench, log: YearLog, by: 'childId' | 'userId', ids: readonly string[], dates: { from?: string; to?: string } = {}) {
  const samples: number[] = [];
  const totals: number[] = [];
  const calls = Math.min(searches, ids.length);
  for (let i = 0; i < calls; i++) {
    const id = ids[Math.floor(((i + 0.5) * ids.length) / calls)]!;
    const start = performance.now();
    const page = (await b.api('listAccessLog', { [by]: id, ...dates, offset: 0, limit: 100 }, log.services)).value as AccessLogPage;
    samples.push(performance.now() - start);
    totals.push(page.total);
  }
  return { samples, totals };
}

function yearLog(b: LogBench): Promise<YearLog> {
  return b.once('year-log', async () => {
    const entries = logEntries();
    const file = path.join(b.dir, 'access-log.sqlite');
    console.log(`  making the year's access log: ${count(entries)} entries …`);
    const made = await makeYearLog(file, entries);
    const connection = await openDatabase(file);
    opened.push(connection);
    const services = createServices(connection.db, { clock: testClock() });
    const size = fs.statSync(file).size;
    return {
      services,
      childIds: made.childIds,
      userIds: made.userIds,
      made:
        `the log made in ${ms(made.rowsMs + made.indexMs)} (rows and hashes ${ms(made.rowsMs)}, indexes ${ms(made.indexMs)}), ` +
        `${(size / 1e6).toFixed(0)} MB; ${logUsers} users, ${count(logChildren)} children, a year to ${benchDate}`,
    };
  });
}

/** A small, fast, seeded generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const uuid = (kind: number, n: number) => `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/**
 * A new register at `file` with `logUsers` users and a year's log of `entries` entries after
 * theirs: mostly reads of a child's file, some reveals and changes, sign-ins and refusals; the
 * users' work uneven (some read much more than others), the times spread over the year.
 */
export async function makeYearLog(file: string, entries: number) {
  const setup = await openDatabase(file);
  const services = createServices(setup.db, { clock: testClock() });
  const userIds: string[] = [];
  for (let i = 0; i < logUsers; i++) {
    const role = i < 5 ? 'administrator' : i < 30 ? 'enhetschef' : 'handlaggare';
    userIds.push(await services.users.insert({ name: `Användare ${i + 1}`, initials: `A${i + 1}`, role, units: ['Barn och unga'], active: true, pin: null }));
  }
  await setup.close();
  const childIds = Array.from({ length: logChildren }, (_, i) => uuid(0xc, i));

  const raw = new BetterSqlite3(file);
  try {
    raw.pragma('journal_mode = DELETE');
    raw.pragma('journal_mode = OFF');
    raw.pragma('synchronous = OFF');
    raw.pragma('cache_size = -1000000');
    raw.pragma('temp_store = MEMORY');
    raw.pragma('threads = 2');
    const indexes = raw.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'access_log' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
    for (const { name } of indexes) raw.exec(`DROP INDEX ${name}`);
    const last = raw.prepare('SELECT seq, hash FROM access_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
    const insert = raw.prepare(
      'INSERT INTO access_log (seq, at, user_id, action, channel, entity, entity_id, child_id, home_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const next = random(20261122);
    const end = Date.parse(`${benchDate}T16:00:00.000Z`);
    const span = 365 * 24 * 3600 * 1000;
    let seq = last?.seq ?? 0;
    let prevHash = last?.hash ?? '';
    const rowsStart = performance.now();
    const batch = 500_000;
    for (let from = 0; from < entries; from += batch) {
      raw.exec('BEGIN');
      for (let i = from; i < Math.min(entries, from + batch); i++) {
        seq++;
        const at = new Date(end - span + Math.floor((i * span) / entries)).toISOString();
        // Uneven work: the square favours the first users; children evenly, each read now and then.
        const userId = userIds[Math.floor(next() ** 2 * logUsers)]!;
        const child = Math.floor(next() * logChildren);
        const childId = childIds[child]!;
        const kind = next();
        let action: string;
        let channel: string;
        let entity: string | null;
        let entityId: string | null;
        let entryChild: string | null = childId;
        let detail: string | null = null;
        if (kind < 0.87) {
          const placement = kind < 0.5;
          action = kind < 0.85 ? 'read' : 'reveal';
          channel = placement ? 'getPlacement' : 'getChild';
          entity = placement ? 'placements' : 'children';
          entityId = placement ? uuid(0xb, child) : childId;
        } else if (kind < 0.95) {
          action = kind < 0.91 ? 'insert' : 'update';
          channel = 'recordEvent';
          entity = 'events';
          entityId = uuid(0xe, seq);
          detail = JSON.stringify({ after: { id: entityId, placement_id: uuid(0xb, child), type: 'barnsamtal', date: at.slice(0, 10), comment: null, verdict: null } });
        } else if (kind < 0.99) {
          action = 'sign-in';
          channel = 'signIn';
          entity = 'users';
          entityId = userId;
          entryChild = null;
        } else {
          action = 'refused';
          channel = 'saveRuleSettings';
          entity = null;
          entityId = null;
          entryChild = null;
          detail = JSON.stringify({ role: 'handlaggare', needed: 'administrator' });
        }
        const fields = { seq, at, userId, action, channel, entity, entityId, childId: entryChild, homeId: null, detail, prevHash };
        const hash = entryHash(fields);
        insert.run(seq, at, userId, action, channel, entity, entityId, entryChild, null, detail, prevHash, hash);
        prevHash = hash;
      }
      raw.exec('COMMIT');
    }
    const rowsMs = performance.now() - rowsStart;
    const indexStart = performance.now();
    for (const { sql } of indexes) raw.exec(sql);
    const indexMs = performance.now() - indexStart;
    raw.pragma('journal_mode = WAL');
    return { rowsMs, indexMs, childIds, userIds };
  } finally {
    raw.close();
  }
}

