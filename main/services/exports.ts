/**
 * Every list to Excel (xlsx) or CSV, as a job in main (docs/decisions.md, decision 21). The job
 * runs over the same service queries as the list on screen, with the filter the user has there,
 * a page at a time, and yields to the event loop between pages so that the window's questions
 * (how far has it come? stop!) are answered while it runs. Only the finished file crosses to the
 * window. Jobs belong to the user who started them and are forgotten once their file is fetched,
 * or a few minutes after they ended.
 *
 * The rows are the lists' own (a protected child is named as the list names it); the cells are
 * the domain's Swedish words, never the codes.
 */
import { randomUUID } from 'node:crypto';
import type { ExportFile, ExportProgress, ExportStarted, ExportState, StartExportInput } from '../../preload/api/exports';
import type { DeadlineRow } from '../../preload/api/deadlines';
import type { HomeListRow } from '../../preload/api/homes';
import type { PlacementListRow } from '../../preload/api/placements';
import type { CheckListRow } from '../../preload/api/checks';
import type { Deviation } from '../../preload/api/journal';
import type { AuditRoundSummary } from '../../preload/api/audits';
import type { SheetCell, SheetColumn } from '../reports/spreadsheet';
import { checkStatusLabels, checkTitles, registerNames, statusLabels } from '../domain/rule-texts';
import {
  deviationCategoryNames,
  deviationKindNames,
  deviationStatusNames,
  exportListTitles,
  type ExportList,
  homeKindNames,
  legalBasisNames,
  operatorNames,
  severityNames,
} from '../domain/vocabulary';
import type { ChecksService } from './checks';
import type { Clock } from './clock';
import type { DeadlinesService } from './deadlines';
import { ServiceError } from './errors';
import type { HomesService } from './homes';
import type { JournalService } from './journal';
import type { PlacementViews } from './placement-views';
import type { QualityService } from './quality';
import type { AuditsService } from './audits';

/** The services whose lists can be exported. */
export interface ExportSources {
  homes: Pick<HomesService, 'search'>;
  placementViews: Pick<PlacementViews, 'page'>;
  deadlines: Pick<DeadlinesService, 'page'>;
  checks: Pick<ChecksService, 'page'>;
  journal: Pick<JournalService, 'deviationPage'>;
  audits: Pick<AuditsService, 'listRounds'>;
  quality: Pick<QualityService, 'match'>;
}

export interface ExportOptions {
  /** Rows asked for at a time (each list's largest page unless smaller). */
  pageSize?: number;
  /** Milliseconds, for forgetting old jobs (a monotonic clock; tests pass their own). */
  now?: () => number;
  /** Between two pages: gives the event loop its turn (tests may slow it down). */
  pause?: () => Promise<void>;
}

/** A list as the export defines it: its Swedish name, its columns, its rows a page at a time and each row's cells. */
interface SourceOf<R> {
  /** The sheet's name and the file's name before the date. */
  title: string;
  columns: SheetColumn[];
  /** The list's largest page. */
  pageSize: number;
  page: (offset: number, limit: number) => Promise<{ rows: R[]; total: number }>;
  cells: (row: R) => SheetCell[];
}

/** A list as the job sees it: pages of cells. */
interface Source {
  title: string;
  columns: SheetColumn[];
  pageSize: number;
  page: (offset: number, limit: number) => Promise<{ rows: SheetCell[][]; total: number }>;
}

function source<R>(def: SourceOf<R>): Source {
  return {
    title: def.title,
    columns: def.columns,
    pageSize: def.pageSize,
    page: async (offset, limit) => {
      const { rows, total } = await def.page(offset, limit);
      return { rows: rows.map((row) => def.cells(row)), total };
    },
  };
}

const yes = (value: boolean) => (value ? 'Ja' : 'Nej');
/** A row title as the bevakningslista shows it: a re-check names the register and the adult. */
function deadlineTitle(row: DeadlineRow): string {
  if (row.rule !== 'registerkontroll-fortlopande' || row.register === null) return row.title;
  return `Registerkontroll: ${registerNames[row.register]}${row.personName ? ` för ${row.personName}` : ''}`;
}
/** The child or, for a home's row, what it is about (as the list's "Barn och hem" column). */
function deadlineAbout(row: DeadlineRow): string | null {
  if (row.rule === 'egenkontroll-atgard') return null;
  return row.childLabel;
}
const categoryName = (category: string | null) =>
  category === null ? null : Object.hasOwn(deviationCategoryNames, category) ? (deviationCategoryNames as Record<string, string>)[category]! : category;

const column = (header: string, kind: SheetColumn['kind'], width: number): SheetColumn => ({ header, kind, width });

/** The source of `input.list`, over the same query and filter as the list on screen. */
function sourceOf(input: StartExportInput, services: ExportSources): Source {
  switch (input.list) {
    case 'deadlines': {
      const filter = input.filter;
      return source<DeadlineRow>({
        title: exportListTitles.deadlines,
        pageSize: 500,
        columns: [
          column('Status', 'text', 11),
          column('Förfaller', 'date', 12),
          column('Bevakning', 'text', 40),
          column('Förklaring', 'text', 60),
          column('Lagrum', 'text', 22),
          column('Räknat från', 'text', 28),
          column('Räknat från datum', 'date', 12),
          column('Barn', 'text', 24),
          column('Hem', 'text', 28),
          column('Vuxen eller ansvarig', 'text', 24),
          column('Handläggare', 'text', 24),
          column('Enhet', 'text', 18),
          column('Särskilda skäl dokumenterade', 'date', 14),
        ],
        page: (offset, limit) => services.deadlines.page({ ...filter, offset, limit }),
        cells: (row: DeadlineRow) => [
          statusLabels[row.status],
          row.dueOn,
          deadlineTitle(row),
          row.explanation,
          row.legalRef,
          row.basisLabel,
          row.basisOn,
          deadlineAbout(row),
          row.homeName,
          row.personName,
          row.caseworker,
          row.unit,
          row.specialReasonsOn,
        ],
      });
    }
    case 'register': {
      const filter = input.filter;
      let all: HomeListRow[] | null = null;
      return source<HomeListRow>({
        title: exportListTitles.register,
        pageSize: 500,
        columns: [
          column('Namn', 'text', 32),
          column('Typ', 'text', 14),
          column('Kommun', 'text', 18),
          column('Huvudman', 'text', 12),
          column('Org.nr', 'text', 14),
          column('Platser', 'integer', 9),
          column('Konsulentverksamhet', 'text', 24),
          column('Vuxna i hemmet', 'text', 36),
          column('Status', 'text', 10),
        ],
        // The register's search answers at once (no pages): every home it finds, cut here into pages for the progress.
        page: async (offset, limit) => {
          all ??= (await services.homes.search({ ...filter, limit: Number.MAX_SAFE_INTEGER })).rows;
          return { rows: all.slice(offset, offset + limit), total: all.length };
        },
        cells: (row: HomeListRow) => [
          row.name,
          homeKindNames[row.kind],
          row.municipality,
          row.operator === null ? null : operatorNames[row.operator],
          row.orgNr,
          row.capacity,
          row.agency,
          row.adults.join(', '),
          row.active ? 'Aktiv' : 'Inaktiv',
        ],
      });
    }
    case 'placements': {
      const filter = input.filter;
      return source<PlacementListRow>({
        title: exportListTitles.placements,
        pageSize: 500,
        columns: [
          column('Barn', 'text', 24),
          column('Lagrum', 'text', 10),
          column('Hem', 'text', 28),
          column('Boendeform', 'text', 14),
          column('Beslutad', 'date', 12),
          column('Från', 'date', 12),
          column('Till', 'date', 12),
          column('Handläggare', 'text', 24),
          column('Enhet', 'text', 18),
          column('Pågående', 'text', 10),
          column('Försenade bevakningar', 'integer', 12),
        ],
        page: (offset, limit) => services.placementViews.page({ ...filter, offset, limit }),
        cells: (row: PlacementListRow) => [
          row.childLabel,
          legalBasisNames[row.legalBasis],
          row.homeName,
          homeKindNames[row.form],
          row.decidedOn,
          row.startedOn,
          row.endedOn,
          row.caseworker,
          row.unit,
          yes(row.active),
          row.overdueCount,
        ],
      });
    }
    case 'checks': {
      const filter = input.filter;
      return source<CheckListRow>({
        title: exportListTitles.checks,
        pageSize: 500,
        columns: [
          column('Status', 'text', 14),
          column('Kontroll', 'text', 28),
          column('Barn', 'text', 24),
          column('Hem', 'text', 28),
          column('Person', 'text', 24),
          column('Register', 'text', 22),
          column('Datum', 'date', 12),
          column('Senaste kontroll', 'date', 12),
          column('Lagrum', 'text', 22),
          column('Förklaring', 'text', 60),
        ],
        page: (offset, limit) => services.checks.page({ ...filter, offset, limit }),
        cells: (row: CheckListRow) => [
          checkStatusLabels[row.status],
          checkTitles[row.check],
          row.childLabel,
          row.homeName,
          row.personName,
          registerNames[row.register],
          row.date,
          row.checkedOn,
          row.legalRef,
          row.explanation,
        ],
      });
    }
    case 'deviations': {
      const filter = input.filter;
      return source<Deviation>({
        title: exportListTitles.deviations,
        pageSize: 200,
        // As the list: what, where and how far it has come; the description (free text) stays in the window.
        columns: [
          column('Rapporterad', 'date', 12),
          column('Typ', 'text', 12),
          column('Kategori', 'text', 18),
          column('Allvarlighetsgrad', 'text', 12),
          column('Status', 'text', 16),
          column('Hem', 'text', 28),
          column('Barn', 'text', 24),
          column('Anmäld till IVO', 'text', 10),
          column('Anmälan till IVO senast', 'date', 14),
          column('Registrerad av', 'text', 24),
        ],
        page: (offset, limit) => services.journal.deviationPage({ ...filter, offset, limit }),
        cells: (row: Deviation) => [
          row.reportedOn,
          deviationKindNames[row.kind],
          categoryName(row.category),
          severityNames[row.severity],
          deviationStatusNames[row.status],
          row.homeName,
          row.childLabel,
          yes(row.reportedToIvo),
          row.ivoDeadline?.dueOn ?? null,
          row.recordedBy,
        ],
      });
    }
    case 'auditRounds': {
      let all: AuditRoundSummary[] | null = null;
      return source<AuditRoundSummary>({
        title: exportListTitles.auditRounds,
        pageSize: 500,
        columns: [
          column('Omgång', 'text', 32),
          column('Från', 'date', 12),
          column('Till', 'date', 12),
          column('Enhet', 'text', 18),
          column('Akter', 'integer', 8),
          column('Granskade', 'integer', 10),
          column('Öppna åtgärder', 'integer', 10),
          column('Skapad av', 'text', 24),
          column('Skapad', 'date', 12),
        ],
        page: async (offset, limit) => {
          all ??= await services.audits.listRounds();
          return { rows: all.slice(offset, offset + limit), total: all.length };
        },
        cells: (row: AuditRoundSummary) => [
          row.name,
          row.from,
          row.to,
          row.unit,
          row.size,
          row.audited,
          row.openActions,
          row.createdBy,
          row.createdAt.slice(0, 10),
        ],
      });
    }
    case 'matching': {
      const need = input.filter;
      type Line = { name: string; kind: keyof typeof homeKindNames; municipality: string | null; fit: number | null; score: number | null; grade: string | null; fits: boolean; reasons: string };
      let all: Line[] | null = null;
      return source<Line>({
        title: exportListTitles.matching,
        pageSize: 500,
        columns: [
          column('Hem', 'text', 32),
          column('Typ', 'text', 14),
          column('Kommun', 'text', 18),
          column('Kan ta emot', 'text', 11),
          column('Passar behovet (av 100)', 'integer', 12),
          column('Kvalitetsindex', 'number', 12),
          column('Betyg', 'text', 8),
          column('Skäl', 'text', 80),
        ],
        // The homes that can take the child, best first, then those that cannot, with why.
        page: async (offset, limit) => {
          if (all === null) {
            const answer = await services.quality.match(need);
            all = [
              ...answer.matches.map((m) => ({ name: m.name, kind: m.kind, municipality: m.municipality, fit: m.fit, score: m.score, grade: m.grade, fits: true, reasons: m.reasons.map((r) => r.text).join(' ') })),
              ...answer.excluded.map((e) => ({ name: e.name, kind: e.kind, municipality: e.municipality, fit: null, score: null, grade: null, fits: false, reasons: e.reasons.join(' ') })),
            ];
          }
          return { rows: all.slice(offset, offset + limit), total: all.length };
        },
        cells: (row: Line) => [row.name, homeKindNames[row.kind], row.municipality, yes(row.fits), row.fit, row.score, row.grade, row.reasons],
      });
    }
  }
}

/** The day a list is as of: the filter's date, else today. */
function dayOf(input: StartExportInput, clock: Clock): string {
  const filter = input.filter as { date?: string; startOn?: string };
  return filter.date ?? filter.startOn ?? clock.today();
}

const mimeTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
} as const;

interface Job {
  id: string;
  owner: string;
  list: ExportList;
  state: ExportState;
  done: number;
  total: number;
  message?: string;
  cancelled: boolean;
  file: ExportFile | null;
  /** When it ended (now()), for forgetting it; null while it runs. */
  endedAt: number | null;
}

/** How long an ended job's file waits to be fetched. */
const KEEP_MS = 5 * 60_000;
const FAILED = 'Exporten kunde inte göras. Försök igen; kvarstår felet, kontakta systemförvaltaren.';
const NOT_FOUND = 'Exporten finns inte längre. Exportera listan på nytt.';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createExportsService(sources: ExportSources, clock: Clock, options: ExportOptions = {}) {
  const now = options.now ?? (() => performance.now());
  const pause = options.pause ?? nextTurn;
  const jobs = new Map<string, Job>();

  /** Ended jobs not fetched within a few minutes are forgotten, file and all. */
  function sweep(): void {
    const at = now();
    for (const [id, job] of jobs) if (job.endedAt !== null && at - job.endedAt > KEEP_MS) jobs.delete(id);
  }

  function jobOf(owner: string, jobId: string): Job {
    sweep();
    const job = jobs.get(jobId);
    // Another user's job is as unknown as one that never was.
    if (!job || job.owner !== owner) throw new ServiceError('NOT_FOUND', NOT_FOUND);
    return job;
  }

  const progressOf = (job: Job): ExportProgress => ({
    done: job.done,
    total: job.total,
    state: job.state,
    ...(job.message ? { message: job.message } : {}),
  });

  function end(job: Job, state: ExportState, message?: string): void {
    // A job ends once: a cancel while the file was being made stays a cancel.
    if (job.state !== 'running') return;
    job.state = state;
    job.endedAt = now();
    if (message) job.message = message;
  }

  /** The rest of the job after its first page: page by page, then the file. */
  async function run(job: Job, input: StartExportInput, source: Source, first: SheetCell[][], limit: number): Promise<void> {
    const rows = first;
    try {
      while (rows.length < job.total) {
        await pause();
        if (job.cancelled) return end(job, 'cancelled');
        const page = await source.page(rows.length, limit);
        if (page.rows.length === 0) break;
        rows.push(...page.rows);
        job.done = rows.length;
      }
      // Rows gone since the first page (written in another window): the file has what there was.
      job.total = rows.length;
      await pause();
      if (job.cancelled) return end(job, 'cancelled');
      const { buildCsv, buildXlsx } = await import('../reports/spreadsheet');
      const sheet = { name: source.title, columns: source.columns, rows };
      const bytes = input.format === 'xlsx' ? await buildXlsx(sheet, { created: new Date(clock.now()) }) : buildCsv(sheet);
      if (job.cancelled) return end(job, 'cancelled');
      job.file = {
        fileName: `${source.title} ${dayOf(input, clock)}.${input.format}`,
        mimeType: mimeTypes[input.format],
        base64: Buffer.from(bytes).toString('base64'),
      };
      end(job, 'finished');
    } catch (error) {
      console.error('Placeringskollen: exporten misslyckades:', error);
      end(job, 'failed', FAILED);
    }
  }

  return {
    /**
     * Starts exporting `input.list` with its filter for `owner` (the signed-in user's id): asks for
     * the first page (so the window knows how many rows there will be) and goes on in the background.
     */
    async start(input: StartExportInput, owner: string): Promise<ExportStarted> {
      sweep();
      const source = sourceOf(input, sources);
      const limit = Math.max(1, Math.min(source.pageSize, options.pageSize ?? source.pageSize));
      const first = await source.page(0, limit);
      const job: Job = {
        id: randomUUID(),
        owner,
        list: input.list,
        state: 'running',
        done: first.rows.length,
        total: first.total,
        cancelled: false,
        file: null,
        endedAt: null,
      };
      jobs.set(job.id, job);
      void run(job, input, source, first.rows, limit);
      return { jobId: job.id, total: job.total };
    },

    progress(owner: string, jobId: string): ExportProgress {
      return progressOf(jobOf(owner, jobId));
    },

    /**
     * Stops a running job (its file is never made). A job that finished while the user pressed
     * Avbryt is cancelled too: its file is dropped unfetched. A failed job stays failed.
     */
    cancel(owner: string, jobId: string): ExportProgress {
      const job = jobOf(owner, jobId);
      job.cancelled = true;
      if (job.state === 'running') end(job, 'cancelled');
      else if (job.state === 'finished') {
        job.state = 'cancelled';
        job.file = null;
      }
      return progressOf(job);
    },

    /** A finished job's file, once: the job is forgotten with it. */
    result(owner: string, jobId: string): ExportFile {
      const job = jobOf(owner, jobId);
      if (job.state === 'running') throw new ServiceError('CONFLICT', 'Exporten är inte klar ännu.');
      if (job.state !== 'finished' || job.file === null) {
        jobs.delete(job.id);
        throw new ServiceError('CONFLICT', job.state === 'cancelled' ? 'Exporten avbröts.' : (job.message ?? FAILED));
      }
      jobs.delete(job.id);
      return job.file;
    },

    /** How many jobs are kept (for tests). */
    get size(): number {
      sweep();
      return jobs.size;
    },
  };
}

export type ExportsService = ReturnType<typeof createExportsService>;
