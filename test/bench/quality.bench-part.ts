/**
 * The quality index's figures for `npm run bench` (run.ts imports them; `--only quality` runs
 * these alone): the index of every home as the command line's `quality` computes it, matching a
 * child's need, and träffsäkerhet over every ended placement, at the large city's scale.
 *
 * The city has no follow-up assessments or deviations, which the index reads; they are added to
 * a copy of the city's database (VACUUM INTO, so the city's own figures are untouched): about
 * one assessment per half year a child lived in a home, at most four a stay, a third of them
 * with what the child said, and a deviation on one stay in twenty (one in five of them lex
 * Sarah). They are written with one prepared statement, the logging triggers left out while
 * they are written and put back as they were (the bench's rows are no one's work).
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { openDatabase, type Connection } from '../../main/db/connection';
import { createServices, type Services } from '../../main/services';
import type { Accuracy, MatchAnswer } from '../../preload/api/quality';
import { signInAs } from '../signed-in';
import { testClock } from '../clock';
import { seeded } from '../seeded';
import { count, ms, type PartBench, type PartFigure } from './bench-part';
import { benchDate } from './synthetic-register';

export type QualityFigure = PartFigure<'quality'>;

const runs = 5;
const matchCalls = 20;

/** Needs a case worker asks for, by age: a spread of the city's target groups. */
const needs: { age: number; gender: 'flicka' | 'pojke' | null; needs: string[]; form: 'hvb' | 'familjehem' | 'stodboende' | null; municipality: string | null }[] = [
  { age: 15, gender: 'flicka', needs: ['missbruk'], form: 'hvb', municipality: null },
  { age: 16, gender: 'pojke', needs: ['kriminalitet', 'missbruk'], form: 'hvb', municipality: null },
  { age: 9, gender: null, needs: [], form: 'familjehem', municipality: null },
  { age: 17, gender: null, needs: ['psykisk-ohalsa'], form: 'stodboende', municipality: null },
  { age: 14, gender: 'flicka', needs: ['sjalvskada', 'neuropsykiatri'], form: null, municipality: null },
];

export const qualityFigures: QualityFigure[] = [
  {
    section: 'target',
    part: 'quality',
    what: 'quality: the index of every home as the command line computes it (new services each run: the register read, every home indexed)',
    unit: 'ms',
    target: 1_000,
    stat: 'median',
    measure: async (b) => {
      const q = await made(b);
      const samples: number[] = [];
      let homes = 0;
      for (let i = 0; i < runs; i++) {
        const services = createServices(q.connection.db, { clock: testClock() });
        const start = performance.now();
        const { lines } = await services.quality.allHomes(benchDate);
        samples.push(performance.now() - start);
        homes = lines.length;
      }
      return { samples, note: `${count(homes)} homes; ${q.made}` };
    },
  },
  {
    section: 'target',
    part: 'quality',
    what: 'matching a need to every home (API matchHomes), warm: the register read once, p95',
    unit: 'ms',
    target: 200,
    stat: 'p95',
    measure: async (b) => {
      const q = await made(b);
      const samples: number[] = [];
      let sizes = '';
      for (let i = 0; i < matchCalls; i++) {
        const need = needs[i % needs.length]!;
        const start = performance.now();
        const answer = (await b.api('matchHomes', { ...need, legalBasis: 'SoL', startOn: benchDate }, q.services)).value as MatchAnswer;
        samples.push(performance.now() - start);
        if (i < needs.length) sizes += `${i === 0 ? '' : ', '}${answer.matches.length}/${answer.excluded.length}`;
      }
      return { samples, note: `${needs.length} needs, matches/excluded ${sizes}; the first call, which reads the register: ${ms(q.firstMatchMs)}` };
    },
  },
  {
    section: 'target',
    part: 'quality',
    what: 'träffsäkerhet over every ended placement (API getAccuracy, settings tried unsaved so each run computes it), median',
    unit: 'ms',
    target: 5_000,
    stat: 'median',
    measure: async (b) => {
      const q = await made(b);
      const samples: number[] = [];
      let cases = 0;
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        const settings = { weights: { 'ivo-tillsyn': 20, utfall: 25 + i, uppfoljning: 20, avvikelser: 15, 'barnets-rost': 10, registerkontroll: 10 }, halfLifeMonths: 24, cutoffYears: 5, gradeLimits: { A: 85, B: 70, C: 55, D: 40 }, minEvidence: 3 };
        const accuracy = (await b.api('getAccuracy', { date: benchDate, settings, offset: 0, limit: 50 }, q.enhetschef)).value as Accuracy;
        samples.push(performance.now() - start);
        cases = accuracy.caseCount;
      }
      return { samples, note: `${count(cases)} ended placements` };
    },
  },
  {
    section: 'detail',
    part: 'quality',
    what: 'a busy home’s index with every piece of evidence explained (API getHomeQuality), median',
    unit: 'ms',
    target: null,
    stat: 'median',
    measure: async (b) => {
      const q = await made(b);
      const samples: number[] = [];
      let bytes = 0;
      for (let i = 0; i < 10; i++) {
        const start = performance.now();
        bytes = (await b.api('getHomeQuality', { homeId: q.busiest.id, date: benchDate }, q.services)).bytes;
        samples.push(performance.now() - start);
      }
      return { samples, note: `${q.busiest.stays} stays and ${q.busiest.assessments} assessments; ${(bytes / 1e3).toFixed(0)} kB of JSON` };
    },
  },
  {
    section: 'detail',
    part: 'quality',
    what: 'the numbers of a register page of 100 homes (API getQualitySummaries), median',
    unit: 'ms',
    target: null,
    stat: 'median',
    measure: async (b) => {
      const q = await made(b);
      const samples: number[] = [];
      for (let i = 0; i < 10; i++) {
        const homeIds = q.homeIds.slice(i * 100, i * 100 + 100);
        const start = performance.now();
        await b.api('getQualitySummaries', { homeIds, date: benchDate }, q.services);
        samples.push(performance.now() - start);
      }
      return { samples };
    },
  },
];

interface QualityDatabase {
  connection: Connection;
  services: Services;
  /** The same database as an enhetschef: träffsäkerhet is theirs. */
  enhetschef: Services;
  homeIds: string[];
  busiest: { id: string; stays: number; assessments: number };
  firstMatchMs: number;
  made: string;
}

const opened: Connection[] = [];

/** Closes the quality figures' database, if made. */
export async function closeQualityBench(): Promise<void> {
  for (const connection of opened.splice(0)) await connection.close();
}

function made(b: PartBench): Promise<QualityDatabase> {
  return b.once('quality', async () => {
    const file = path.join(b.dir, 'quality.sqlite');
    const start = performance.now();
    const source = new BetterSqlite3(b.databasePath);
    try {
      source.prepare('VACUUM INTO ?').run(file);
    } finally {
      source.close();
    }
    const added = addJournal(file);
    const connection = await openDatabase(file);
    opened.push(connection);
    const services = createServices(connection.db, { clock: testClock() });
    const enhetschef = createServices(connection.db, { clock: testClock() });
    await signInAs(enhetschef, 'enhetschef');
    const homeIds = (await connection.db.selectFrom('homes').select('id').orderBy('id').execute()).map((h) => h.id);
    // The home with the most assessments: the longest breakdown to explain.
    const busiest = await connection.db
      .selectFrom('assessments')
      .select(['homeId', (eb) => eb.fn.countAll<number>().as('assessments')])
      .groupBy('homeId')
      .orderBy('assessments', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const stays = await connection.db.selectFrom('stays').select((eb) => eb.fn.countAll<number>().as('n')).where('homeId', '=', busiest.homeId).executeTakeFirstOrThrow();
    const firstStart = performance.now();
    await b.api('matchHomes', { ...needs[0]!, legalBasis: 'SoL', startOn: benchDate }, services);
    const firstMatchMs = performance.now() - firstStart;
    return {
      connection,
      services,
      enhetschef,
      homeIds,
      busiest: { id: busiest.homeId, stays: Number(stays.n), assessments: Number(busiest.assessments) },
      firstMatchMs,
      made: `the city copied and given ${count(added.assessments)} assessments and ${count(added.deviations)} deviations in ${ms(performance.now() - start)}`,
    };
  });
}

/** Assessments and deviations over the city's stays, as described at the top. */
export function addJournal(file: string): { assessments: number; deviations: number } {
  const raw = new BetterSqlite3(file);
  try {
    raw.pragma('journal_mode = DELETE');
    raw.pragma('synchronous = OFF');
    const logged = raw.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ('assessments_insert_logged', 'deviations_insert_logged')").all() as { name: string; sql: string }[];
    for (const { name } of logged) raw.exec(`DROP TRIGGER ${name}`);
    const stays = raw
      .prepare(
        'SELECT s.placement_id AS placementId, s.home_id AS homeId, s.from_date AS fromDate, COALESCE(s.to_date, p.ended_on, ?) AS toDate FROM stays s JOIN placements p ON p.id = s.placement_id ORDER BY s.placement_id, s.ordinal',
      )
      .all(benchDate) as { placementId: string; homeId: string; fromDate: string; toDate: string }[];
    const assessment = raw.prepare('INSERT INTO assessments (id, home_id, placement_id, assessed_on, assessor, scores, child_voice, comment, recorded_by, recorded_at, corrects) VALUES (?, ?, ?, ?, NULL, ?, ?, NULL, NULL, NULL, NULL)');
    const deviation = raw.prepare("INSERT INTO deviations (id, home_id, placement_id, reported_on, kind, category, severity, description, status, reported_to_ivo, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, NULL, ?, 'Påhittad avvikelse för mätningen.', 'avslutad', 0, NULL, NULL)");
    const rnd = seeded(20261207);
    const day = 24 * 3600 * 1000;
    const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
    let assessments = 0;
    let deviations = 0;
    raw.exec('BEGIN');
    for (const stay of stays) {
      const from = Date.parse(`${stay.fromDate}T00:00:00Z`);
      const to = Date.parse(`${stay.toDate}T00:00:00Z`);
      const halfYears = Math.min(4, Math.floor((to - from) / (182 * day)));
      // Homes differ: some are better than others, and their ratings say so.
      const level = 1 + (Number.parseInt(stay.homeId.replace(/\D/g, ''), 10) % 5);
      for (let k = 1; k <= halfYears; k++) {
        const score = () => Math.max(1, Math.min(5, level + rnd.int(-1, 1)));
        const scores = JSON.stringify({ trygghet: score(), skola: score(), halsa: score() });
        const voice = rnd.chance(1 / 3) ? (level >= 3 ? 'trivs' : rnd.pick(['trivs-inte', 'vill-flytta'])) : null;
        assessment.run(`BA${++assessments}`, stay.homeId, stay.placementId, iso(from + k * 182 * day), scores, voice);
      }
      if (rnd.chance(1 / 20) && to > from) {
        const kind = rnd.chance(1 / 5) ? 'lex-sarah' : 'avvikelse';
        deviation.run(`BD${++deviations}`, stay.homeId, stay.placementId, iso(from + rnd.int(0, Math.floor((to - from) / day)) * day), kind, rnd.pick(['lag', 'medel', 'allvarlig']));
      }
    }
    raw.exec('COMMIT');
    for (const { sql } of logged) raw.exec(sql);
    return { assessments, deviations };
  } finally {
    raw.close();
  }
}

