/**
 * Export's figures for `npm run bench` (run.ts imports them; `--only export` runs these alone):
 * issue 16's "an xlsx export of 10 000 rows < 2 s", as the job makes it (the list's own query a
 * page at a time, the cells in Swedish, ExcelJS writing the workbook, base64 for the window), and
 * the whole list of placements through the channels as the window asks for it.
 */
import { performance } from 'node:perf_hooks';
import { createExportsService } from '../../main/services/exports';
import type { ExportProgress, ExportStarted } from '../../preload/api/exports';
import { median, ms, type PartFigure } from './bench-part';
import { benchDate } from './synthetic-register';

export type ExportFigure = PartFigure<'export'>;

const runs = 3;
const ROWS = 10_000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export const exportFigures: ExportFigure[] = [
  {
    section: 'target',
    part: 'export',
    what: `an xlsx export of ${ROWS.toLocaleString('en').replace(',', ' ')} rows (the export job over the list of placements, all of the ten years, cut at ${ROWS / 1000} 000: pages of 500, cells, ExcelJS, base64), median`,
    unit: 'ms',
    target: 2_000,
    stat: 'median',
    measure: async (b) => {
      // The real list, its total cut so the job stops after 10 000 rows.
      const placementViews = {
        page: async (input: Parameters<typeof b.services.placementViews.page>[0]) => {
          const page = await b.services.placementViews.page(input);
          return { ...page, total: Math.min(page.total, ROWS) };
        },
      };
      const exports = createExportsService({ ...b.services, placementViews }, b.services.clock);
      const samples: number[] = [];
      let bytes = 0;
      let rows = 0;
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        const { jobId, total } = await exports.start({ list: 'placements', filter: { date: benchDate, activeOnly: false, sort: { column: 'child', direction: 'asc' } }, format: 'xlsx' }, 'bench');
        while (exports.progress('bench', jobId).state === 'running') await nextTurn();
        const file = exports.result('bench', jobId);
        samples.push(performance.now() - start);
        bytes = (file.base64.length * 3) / 4;
        rows = total;
      }
      return { samples, note: `${rows} rows × 11 columns; ${Math.round(bytes / 1e3)} kB of xlsx` };
    },
  },
  {
    section: 'detail',
    part: 'export',
    what: 'the list of placements, every one of the ten years, to xlsx and to csv through the channels (startExport, exportProgress until finished, exportResult), median',
    unit: 'ms',
    target: null,
    stat: 'median',
    measure: async (b) => {
      const xlsx: number[] = [];
      const csv: number[] = [];
      let rows = 0;
      let polls = 0;
      for (let i = 0; i < runs; i++) {
        for (const format of ['xlsx', 'csv'] as const) {
          const start = performance.now();
          const started = (await b.api('startExport', { list: 'placements', filter: { date: benchDate }, format })).value as ExportStarted;
          for (;;) {
            polls++;
            const progress = (await b.api('exportProgress', { jobId: started.jobId })).value as ExportProgress;
            if (progress.state !== 'running') break;
            await nextTurn();
          }
          await b.api('exportResult', { jobId: started.jobId });
          (format === 'xlsx' ? xlsx : csv).push(performance.now() - start);
          rows = started.total;
        }
      }
      return { samples: xlsx, note: `${rows} rows; csv: median ${ms(median(csv))}; ${Math.round(polls / (runs * 2))} questions of progress answered per export while it ran` };
    },
  },
];
