/**
 * Every list to Excel (xlsx) or CSV: an export runs as a job in main over the same queries and
 * the same filter as the list on screen, page by page; the window asks how far it has come, may
 * cancel it, and fetches the file when it is done (docs/decisions.md, decision on exports).
 */
import { z } from 'zod';
import type { ExportList } from '../../main/domain/vocabulary';
import { channel } from './channel';
import { listCheckPageInput } from './checks';
import { listDeadlinePageInput } from './deadlines';
import { searchHomesInput } from './homes';
import { deviationPageInput } from './journal';
import { listPlacementPageInput } from './placements';
import { matchInput } from './quality';


export const exportFormats = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

const format = z.enum(exportFormats, 'Välj Excel eller CSV.');
const listOf = <L extends ExportList, F extends z.ZodType>(list: L, filter: F) =>
  z.object({ list: z.literal(list), filter, format }).strict();

/**
 * What to export: the list, its filter as the page asks main for it (without the page's offset and
 * limit: every row the filter finds), and the format.
 */
export const startExportInput = z.discriminatedUnion(
  'list',
  [
    listOf('register', searchHomesInput.omit({ limit: true })),
    listOf('placements', listPlacementPageInput.omit({ offset: true, limit: true })),
    listOf('deadlines', listDeadlinePageInput.omit({ offset: true, limit: true })),
    listOf('checks', listCheckPageInput.omit({ offset: true, limit: true })),
    listOf('deviations', deviationPageInput.omit({ offset: true, limit: true })),
    listOf('auditRounds', z.object({}).strict()),
    listOf('matching', matchInput),
  ],
  { error: 'Välj en lista att exportera.' },
);
export type StartExportInput = z.output<typeof startExportInput>;
export type ExportFilter<L extends ExportList> = Extract<StartExportInput, { list: L }>['filter'];

const jobId = z.string().trim().min(1, 'Exporten finns inte.').max(100, 'Exporten finns inte.');
export const exportJobInput = z.object({ jobId }).strict();

export interface ExportStarted {
  jobId: string;
  /** How many rows the export will have. */
  total: number;
}

export const exportStates = ['running', 'finished', 'cancelled', 'failed'] as const;
export type ExportState = (typeof exportStates)[number];

export interface ExportProgress {
  /** Rows written so far. */
  done: number;
  total: number;
  state: ExportState;
  /** Why it failed, in Swedish. */
  message?: string;
}

/** A file made in main, as it travels to the window (JSON to the browser host: base64). */
export interface ExportFile {
  fileName: string;
  /** The file's MIME type, for the window's download. */
  mimeType: string;
  base64: string;
}

export const exportChannels = {
  /** Starts exporting a list with the filter on screen: the job's id and how many rows it will have. */
  startExport: channel(startExportInput).returns<ExportStarted>(),
  /** How far a job of the signed-in user has come. */
  exportProgress: channel(exportJobInput).returns<ExportProgress>(),
  /** Stops a running job: no file is made. */
  cancelExport: channel(exportJobInput).returns<ExportProgress>(),
  /** A finished job's file; the job is forgotten once it is fetched. */
  exportResult: channel(exportJobInput).returns<ExportFile>(),
};
