/**
 * The shared register under load for `npm run bench` (run.ts imports it; `--only load` runs it
 * alone), issue 18: 30 simulated case workers, each with a login of their own, work at once for
 * five minutes on the city moved to PostgreSQL (list, search, open, save, record an event), through
 * the same channels as the window. Printed: p95 per action; and what must be zero: lost or silently
 * overwritten saves, lost events, deadlocks; and the access log's chain verified after.
 *
 * It needs a PostgreSQL server: BENCH_PG (or PLACERINGSKOLLEN_TEST_PG) names a login that may
 * create databases and roles, as `.ci/run` makes. BENCH_LOAD_SECONDS shortens the run (300 by
 * default), BENCH_LOAD_WORKERS changes the number of case workers (30).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { verifyChain, type LogEntry } from '../../main/db/access-log';
import { openDatabase } from '../../main/db/connection';
import { openSharedPool, parseSharedRegisterUrl } from '../../main/db/pg/connection';
import { copyRegisterToShared } from '../../main/db/pg/copy-register';
import { CREATE_DATABASE_OPTIONS } from '../pg-database';
import { sharedKysely } from '../../main/db/pg/kysely';
import { migratePg } from '../../main/db/pg/migrate';
import { pgMigrations, pgRoleNames } from '../../main/db/pg/migrations';
import { dispatch } from '../../main/ipc/dispatch';
import { createHandlers } from '../../main/ipc/handlers';
import { createServices } from '../../main/services';
import type { Home } from '../../preload/api';
import { testClock } from '../clock';
import { saveInputOf } from '../home-input';
import type { PartBench, PartFigure } from './bench-part';
import { benchDate } from './synthetic-register';

export type LoadFigure = PartFigure<'load'>;

const actions = ['list', 'search', 'open', 'save', 'event'] as const;
type Action = (typeof actions)[number];

interface LoadResult {
  samples: Record<Action, number[]>;
  note: string;
}

const serverUrl = () => process.env.BENCH_PG ?? process.env.PLACERINGSKOLLEN_TEST_PG ?? null;
const seconds = () => Number(process.env.BENCH_LOAD_SECONDS ?? 300);
const workers = () => Number(process.env.BENCH_LOAD_WORKERS ?? 30);

/** One run shared by the figures (once): the city moved to a database of its own, the workers, the checks after. */
async function runLoad(b: PartBench): Promise<LoadResult | null> {
  const server = serverUrl();
  if (server === null) return null;
  const name = `pk_load_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server.replace(/[?&]sslmode=disable/, '') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} ${CREATE_DATABASE_OPTIONS}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const owner = await openSharedPool(parseSharedRegisterUrl(url.toString()));
  const password = `last-${randomBytes(6).toString('hex')}`;
  const logins = Array.from({ length: workers() }, (_, i) => `${name}_hl${i}`);
  const pools: pg.Pool[] = [];
  try {
    await migratePg(owner, pgMigrations);
    // The city moved as `migrate` moves a register, from a copy of its own (the bench holds the city open).
    const copyPath = path.join(b.dir, 'load-city.sqlite');
    const city = await openDatabase(b.databasePath);
    try {
      city.raw.prepare('VACUUM INTO ?').run(copyPath);
    } finally {
      await city.close();
    }
    const local = await openDatabase(copyPath);
    try {
      await copyRegisterToShared(local.raw, owner);
    } finally {
      await local.close();
    }
    const roles = pgRoleNames(name);
    for (const [i, login] of logins.entries()) {
      await owner.query(`CREATE ROLE ${login} LOGIN PASSWORD '${password}' IN ROLE ${roles.handlaggare}`);
      await owner.query(
        "INSERT INTO users (id, name, initials, role, units, active, created_at, db_login) VALUES ($1, $2, $3, 'handlaggare', '[]', 1, $4, $5)",
        [`LOAD-U${i}`, `Handläggare ${i + 1}`, `H${i + 1}`, `${benchDate}T08:00:00.000Z`, login],
      );
    }
    const homeIds = (await owner.query<{ id: string }>('SELECT id FROM homes ORDER BY id')).rows.map((r) => r.id);
    const placementIds = (await owner.query<{ id: string }>('SELECT id FROM placements WHERE ended_on IS NULL ORDER BY id')).rows.map((r) => r.id);
    const names = (await owner.query<{ name: string }>('SELECT name FROM homes ORDER BY id LIMIT 200')).rows.map((r) => r.name);

    const samples: Record<Action, number[]> = { list: [], search: [], open: [], save: [], event: [] };
    const saved: { homeId: string; version: number; capacity: number }[] = [];
    const events: string[] = [];
    let refused = 0;
    let deadlocks = 0;
    const failures: string[] = [];
    const ends = performance.now() + seconds() * 1000;
    let marker = 0;

    await Promise.all(
      logins.map(async (login, w) => {
        const pool = new pg.Pool({ host: url.hostname, port: Number(url.port || 5432), database: name, user: login, password, max: 2 });
        // Idle connections are cut when the database is dropped at the end.
        pool.on('error', () => undefined);
        pools.push(pool);
        const services = createServices(sharedKysely(pool), { clock: testClock() });
        await services.users.signIn({ userId: `LOAD-U${w}` });
        const handlers = createHandlers(services, { host: 'browser', databasePath: name, encrypted: false, version: 'bench', register: 'shared' });
        const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;
        const call = async (action: Action, channel: string, input: unknown) => {
          const start = performance.now();
          const result = await dispatch(channel, input, handlers);
          samples[action].push(performance.now() - start);
          return result;
        };
        while (performance.now() < ends) {
          const roll = Math.random();
          const action: Action = roll < 0.3 ? 'list' : roll < 0.55 ? 'search' : roll < 0.75 ? 'open' : roll < 0.9 ? 'save' : 'event';
          try {
            if (action === 'list') {
              await call('list', 'listPlacementPage', { date: benchDate, activeOnly: true, offset: Math.floor(Math.random() * 20) * 50, limit: 50 });
            } else if (action === 'search') {
              await call('search', 'searchHomes', { query: pick(names).split(' ')[0]!.slice(0, 5) });
            } else if (action === 'open') {
              await call('open', 'getPlacement', { id: pick(placementIds), date: benchDate });
            } else if (action === 'save') {
              // A few homes only, so that people meet: the second save from the same version must be refused.
              const homeId = homeIds[Math.floor(Math.random() * Math.min(40, homeIds.length))]!;
              const read = await dispatch('getHome', { id: homeId }, handlers);
              if (!read.ok) throw new Error(read.error.message);
              const home = read.value as Home;
              const capacity = 1 + (++marker % 900);
              const result = await call('save', 'saveHome', {
                ...saveInputOf(home),
                capacity,
                duplicateConfirmed: true,
              });
              if (result.ok) saved.push({ homeId, version: (result.value as Home).rowVersion, capacity });
              else if (result.error.code === 'CONFLICT') refused += 1;
              else throw new Error(result.error.message);
            } else {
              const comment = `last-${w}-${++marker}`;
              const result = await call('event', 'recordEvent', { placementId: pick(placementIds), type: 'barnsamtal', date: benchDate, comment, verdict: null });
              if (result.ok) events.push(comment);
              else throw new Error(result.error.message);
            }
          } catch (error) {
            if ((error as { code?: string }).code === '40P01' || /deadlock/i.test(String(error))) deadlocks += 1;
            else if (failures.length < 5) failures.push(`${action}: ${(error as Error).message}`);
          }
        }
      }),
    );

    // Nothing lost, nothing overwritten unseen: each successful save has a version of its own,
    // and each home holds what its newest successful save wrote.
    const versions = new Map<string, Set<number>>();
    let duplicateVersions = 0;
    const newest = new Map<string, { version: number; capacity: number }>();
    for (const save of saved) {
      const seen = versions.get(save.homeId) ?? new Set<number>();
      if (seen.has(save.version)) duplicateVersions += 1;
      seen.add(save.version);
      versions.set(save.homeId, seen);
      if ((newest.get(save.homeId)?.version ?? 0) < save.version) newest.set(save.homeId, save);
    }
    let lostSaves = 0;
    for (const [homeId, last] of newest) {
      const stored = (await owner.query<{ capacity: number; row_version: number }>('SELECT capacity, row_version FROM homes WHERE id = $1', [homeId])).rows[0]!;
      if (stored.capacity !== last.capacity || stored.row_version !== last.version) lostSaves += 1;
    }
    const storedEvents = Number((await owner.query<{ n: string }>("SELECT count(*) AS n FROM events WHERE comment LIKE 'last-%'")).rows[0]!.n);
    const log = (
      await owner.query<LogEntry>(
        'SELECT seq::int AS seq, at, user_id AS "userId", action, channel, entity, entity_id AS "entityId", child_id AS "childId", home_id AS "homeId", detail, prev_hash AS "prevHash", hash FROM access_log ORDER BY seq',
      )
    ).rows;
    const chain = verifyChain(log);
    const total = actions.reduce((sum, action) => sum + samples[action].length, 0);
    return {
      samples,
      note:
        `${logins.length} case workers for ${seconds()} s: ${total} actions; ${saved.length} saves, ${refused} refused as changed by another, ` +
        `${duplicateVersions + lostSaves} lost or overwritten unseen; ${events.length} events recorded, ${events.length - storedEvents} lost; ` +
        `${deadlocks} deadlocks; the log's ${log.length} entries ${chain.problem === null ? 'verified' : `BROKEN: ${chain.problem.message}`}` +
        (failures.length > 0 ? `; failures: ${failures.join(' | ')}` : ''),
    };
  } finally {
    for (const pool of pools) await pool.end().catch(() => undefined);
    await owner.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    for (const login of logins) await admin.query(`DROP ROLE IF EXISTS ${login}`).catch(() => undefined);
    for (const role of Object.values(pgRoleNames(name))) await admin.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
    await admin.end();
  }
}

const labels: Record<Action, string> = {
  list: 'a page of the list of placements (listPlacementPage)',
  search: 'a search of the register (searchHomes)',
  open: "a placement's page (getPlacement)",
  save: 'a home saved (saveHome, with its version)',
  event: 'an event recorded (recordEvent)',
};

export const loadFigures: LoadFigure[] = actions.map((action, i) => ({
  section: 'detail' as const,
  part: 'load' as const,
  what: `the shared register under load (PostgreSQL, ${workers()} case workers at once): ${labels[action]}, p95`,
  unit: 'ms' as const,
  target: null,
  stat: 'p95' as const,
  measure: async (b: PartBench) => {
    const result = await b.once('load', () => runLoad(b));
    if (result === null) return null;
    // The run's account once, under the first action.
    return { samples: result.samples[action], ...(i === 0 ? { note: result.note } : {}) };
  },
}));
