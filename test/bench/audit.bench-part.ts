/**
 * Egenkontroll's figures for `npm run bench` (run.ts imports them; `--only audit` runs these with
 * the draw): a round of 50 files drawn and stored, a file opened with the register's proposals,
 * every file answered, and the round's PDF report, at the large city's scale.
 *
 * Rounds are written, so they are made in a copy of the city's database (VACUUM INTO): the other
 * figures read the city as generated.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { openDatabase, type Connection } from '../../main/db/connection';
import { createServices, type Services } from '../../main/services';
import type { AuditRound, CreateAuditRoundInput } from '../../preload/api/audits';
import { testClock } from '../clock';
import { signInAs } from '../signed-in';
import { median, ms, p95, type PartBench, type PartFigure } from './bench-part';
import { benchDate } from './synthetic-register';

export type AuditFigure = PartFigure<'audit'>;

const runs = 5;
const FILES = 50;

/** The spring half-year before the bench's day, all units: a round as an enhetschef makes it. */
const roundInput = (i: number): CreateAuditRoundInput => ({
  name: `Bench ${i}`,
  from: `${Number(benchDate.slice(0, 4)) - 1}-01-01`,
  to: `${Number(benchDate.slice(0, 4)) - 1}-06-30`,
  unit: null,
  form: null,
  legalBasis: null,
  caseworker: null,
  size: { kind: 'count', value: FILES },
  // Without exclusion: each run draws from the same population.
  exclusionMonths: null,
  seed: `bench-${i}`,
  recordedBy: 'Elin Enhetschefsson',
});

interface AuditDatabase {
  connection: Connection;
  services: Services;
  /** A round of 50 files, every file answered (the register's proposals, else ja). */
  round: AuditRound;
  answerMs: number[];
  made: string;
}

const opened: Connection[] = [];

export async function closeAuditBench(): Promise<void> {
  for (const connection of opened.splice(0)) await connection.close();
}

function made(b: PartBench): Promise<AuditDatabase> {
  return b.once('audit-rounds', async () => {
    const file = path.join(b.dir, 'audit.sqlite');
    const start = performance.now();
    const source = new BetterSqlite3(b.databasePath);
    try {
      source.prepare('VACUUM INTO ?').run(file);
    } finally {
      source.close();
    }
    const connection = await openDatabase(file);
    opened.push(connection);
    const services = createServices(connection.db, { clock: testClock() });
    await signInAs(services, 'enhetschef');
    const drawn = await services.audits.createRound(roundInput(0));
    const answerMs: number[] = [];
    for (const f of drawn.files) {
      const shown = await services.audits.getFile(drawn.id, f.ordinal);
      const answers = shown.items.map((i) => ({
        itemId: i.item.id,
        answer: i.proposed?.answer ?? ('ja' as const),
        comment: i.proposed?.answer === 'nej' ? 'Saknas i akten vid granskningen.' : '',
        overrideReason: null,
        alreadyReported: false,
      }));
      const at = performance.now();
      await services.audits.saveFile({ roundId: drawn.id, ordinal: f.ordinal, answers, recordedBy: 'Hanna Handläggarsson' });
      answerMs.push(performance.now() - at);
    }
    await services.audits.saveAnalysis({ roundId: drawn.id, text: 'Vårdplanerna upprättas för sent; övervägandena görs i tid.', recordedBy: 'Elin Enhetschefsson' });
    for (let i = 0; i < 5; i++) {
      await services.audits.addAction({ roundId: drawn.id, action: `Åtgärd ${i + 1}: rutinen ses över`, responsible: 'Elin Enhetschefsson', dueOn: benchDate, recordedBy: 'Elin Enhetschefsson' });
    }
    const round = await services.audits.getRound(drawn.id);
    return { connection, services, round, answerMs, made: `the city copied, a round of ${FILES} drawn and every file answered in ${ms(performance.now() - start)}` };
  });
}

export const auditFigures: AuditFigure[] = [
  {
    section: 'target',
    part: 'audit',
    what: `a round of ${FILES} files created (services.audits.createRound: the draw over every placement, the round and its files stored), median`,
    unit: 'ms',
    target: 1_000,
    stat: 'median',
    measure: async (b) => {
      const a = await made(b);
      const samples: number[] = [];
      let population = 0;
      for (let i = 1; i <= runs; i++) {
        const start = performance.now();
        const round = await a.services.audits.createRound(roundInput(i));
        samples.push(performance.now() - start);
        population = round.populationSize;
      }
      return { samples, note: `${population} placements active in the period; ${a.made}` };
    },
  },
  {
    section: 'target',
    part: 'audit',
    what: 'an audited file opened (getAuditFile: the child\'s records, the register\'s proposals judged over the period), p95 of the round\'s files',
    unit: 'ms',
    target: 300,
    stat: 'p95',
    measure: async (b) => {
      const a = await made(b);
      const samples: number[] = [];
      for (const f of a.round.files) {
        const start = performance.now();
        await b.api('getAuditFile', { roundId: a.round.id, ordinal: f.ordinal }, a.services);
        samples.push(performance.now() - start);
      }
      return { samples, note: `median ${ms(median(samples))}; saving a file's answers: median ${ms(median(a.answerMs))}, p95 ${ms(p95(a.answerMs))}` };
    },
  },
  {
    section: 'target',
    part: 'audit',
    what: `the egenkontroll PDF of a round of ${FILES} audited files (services.audits.reportPdf: the round read, the document built, the chart drawn, pdfmake), median`,
    unit: 'ms',
    target: 1_000,
    stat: 'median',
    measure: async (b) => {
      const a = await made(b);
      const samples: number[] = [];
      let bytes = 0;
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        const pdf = await a.services.audits.reportPdf({ id: a.round.id, municipality: 'Exempelstad', author: 'Elin Enhetschefsson' });
        samples.push(performance.now() - start);
        bytes = pdf.byteLength;
      }
      return { samples, note: `${a.round.deviations.length} deviations, ${a.round.actions.length} actions; ${Math.round(bytes / 1e3)} kB` };
    },
  },
];
