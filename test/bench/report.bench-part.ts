/**
 * The nämndrapport's figures for `npm run bench` (`--only report`): the board's figures for a
 * year of the large city compared with the year before, cold (new services: the register's
 * quality evidence read too), and the whole PDF.
 */
import { performance } from 'node:perf_hooks';
import { openDatabase, type Connection } from '../../main/db/connection';
import { createServices } from '../../main/services';
import { testClock } from '../clock';
import { ms, type PartBench, type PartFigure } from './bench-part';
import { benchDate } from './synthetic-register';

export type ReportFigure = PartFigure<'report'>;

const runs = 5;
const year = Number(benchDate.slice(0, 4)) - 1;
const period = { from: `${year}-01-01`, to: `${year}-12-31`, unit: null };

const opened: Connection[] = [];

export async function closeReportBench(): Promise<void> {
  for (const connection of opened.splice(0)) await connection.close();
}

async function connection(b: PartBench): Promise<Connection> {
  return b.once('report-connection', async () => {
    const c = await openDatabase(b.databasePath);
    opened.push(c);
    return c;
  });
}

export const reportFigures: ReportFigure[] = [
  {
    section: 'target',
    part: 'report',
    what: `the nämndrapport's figures for ${year} beside ${year - 1} (services.reports.board on new services: the period's placements, events and checks read, the quality index of each ended placement's home), median`,
    unit: 'ms',
    target: 3_000,
    stat: 'median',
    measure: async (b) => {
      const c = await connection(b);
      const samples: number[] = [];
      let note = '';
      for (let i = 0; i < runs; i++) {
        const services = createServices(c.db, { clock: testClock() });
        const start = performance.now();
        const report = await services.reports.board(period);
        samples.push(performance.now() - start);
        const totals = report.current.placements.byForm.columnTotals;
        note = `new ${totals[0]}, ended ${totals[1]}, ongoing ${totals[2]}; ${report.summary.length} summary sentences`;
      }
      return { samples, note };
    },
  },
  {
    section: 'detail',
    part: 'report',
    what: `the nämndrapport as a PDF for ${year} (services.reports.boardPdf: the figures, the chart, pdfmake), median`,
    unit: 'ms',
    target: null,
    stat: 'median',
    measure: async (b) => {
      const c = await connection(b);
      const services = createServices(c.db, { clock: testClock() });
      const samples: number[] = [];
      let bytes = 0;
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        bytes = (await services.reports.boardPdf({ ...period, municipality: 'Göteborg' })).byteLength;
        samples.push(performance.now() - start);
      }
      return { samples, note: `${Math.round(bytes / 1024)} kB; first ${ms(samples[0]!)}` };
    },
  },
];
