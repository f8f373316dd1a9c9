/**
 * The commands of `placeringskollen` (spec/exchange-and-cli.md). A new command is one more entry
 * in `commands`: replace its `plannedCommand` with a `defineCommand`.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { exchangeArrays, type ExchangeArray } from '../domain/exchange';
import type { ImportSummary } from '../services/exchange';
import { defineCommand, flags, plannedCommand, UsageError, type Command } from './command';

const dbFlag = { db: { type: 'string' } } as const;
const jsonFlag = { json: { type: 'boolean' } } as const;
const dbPath = z.string().min(1);

const importCommand = defineCommand({
  name: 'import',
  usage: { sv: 'import <fil> --db <sökväg> [--json]', en: 'import <file> --db <path> [--json]' },
  summary: {
    sv: 'läser in en utbytesfil i databasen (skapar databasen om den saknas)',
    en: 'loads an exchange file into the database (creating the database if absent)',
  },
  details: [
    {
      sv: 'Hela filen kontrolleras först; har den fel skrivs ingenting, och varje fel visas på en egen rad med sin JSON-sökväg.',
      en: 'The whole file is checked first; if anything is wrong nothing is written, and each problem is shown on its own line with its JSON path.',
    },
    {
      sv: 'Poster slås ihop efter id: samma fil två gånger ger samma register som en gång.',
      en: 'Records merge by id: importing the same file twice leaves the register as after once.',
    },
    { sv: '--json  skriver sammanfattningen som JSON', en: '--json  prints the summary as JSON' },
  ],
  options: { ...dbFlag, ...jsonFlag },
  schema: z.object({
    positionals: z.tuple([z.string({ error: 'ange filen som ska läsas in' })]),
    values: flags({ db: dbPath, json: z.boolean().optional() }),
  }),
  async run({ positionals: [file], values }, context) {
    const json = await readJsonFile(path.resolve(context.cwd, file));
    const database = path.resolve(context.cwd, values.db);
    // A new database is created only for a good file: check it first against an empty register.
    // An existing one is checked by the import itself, in the transaction that writes.
    const created = !(await exists(database));
    if (created) await context.withEmptyRegister((services) => services.exchange.checkFile(json));
    const summary = await context.withServices(database, { create: true }, (services) => services.exchange.importFile(json));
    if (values.json) context.stdout(`${JSON.stringify(summary, null, 2)}\n`);
    else context.stdout(describeImport(file, summary, created));
    return 0;
  },
});

const exportCommand = defineCommand({
  name: 'export',
  usage: { sv: 'export --db <sökväg> [--out <fil>]', en: 'export --db <path> [--out <file>]' },
  summary: {
    sv: 'skriver hela registret som utbytesfil (till standard ut utan --out)',
    en: 'writes the whole register as an exchange file (to standard output without --out)',
  },
  details: [
    {
      sv: '--out <fil>  skriver till filen (läsbar bara för dig) i stället för till standard ut',
      en: '--out <file>  writes to the file (readable only by you) instead of standard output',
    },
  ],
  options: { ...dbFlag, out: { type: 'string' } },
  schema: z.object({
    positionals: z.tuple([]),
    values: flags({ db: dbPath, out: z.string().min(1).optional() }),
  }),
  async run({ values }, context) {
    const database = path.resolve(context.cwd, values.db);
    const file = await context.withServices(database, { create: false }, (services) => services.exchange.exportAll());
    const text = `${JSON.stringify(file, null, 2)}\n`;
    if (values.out === undefined) {
      context.stdout(text);
    } else {
      await writePrivately(path.resolve(context.cwd, values.out), text);
      const counts = exchangeArrays.flatMap((array) => (file[array].length > 0 ? [`${file[array].length} ${arrayNames[array]}`] : []));
      context.stderr(`Exporterade ${counts.join(', ') || 'ett tomt register'} till ${values.out}.\n`);
    }
    return 0;
  },
});

const dateFlag = { sv: '--date <ÅÅÅÅ-MM-DD>', en: '--date <YYYY-MM-DD>' };

/** Every command, in the order the help lists them. */
export const commands: Command[] = [
  importCommand,
  exportCommand,
  plannedCommand({
    name: 'deadlines',
    usage: { sv: `deadlines --db <sökväg> ${dateFlag.sv} [--json]`, en: `deadlines --db <path> ${dateFlag.en} [--json]` },
    summary: { sv: 'öppna bevakningar per den dagen', en: 'the open deadlines as of that date' },
  }),
  plannedCommand({
    name: 'checks',
    usage: { sv: `checks --db <sökväg> ${dateFlag.sv} [--json]`, en: `checks --db <path> ${dateFlag.en} [--json]` },
    summary: { sv: 'register- och tillståndskontroller per den dagen', en: 'the register and permit checks as of that date' },
  }),
  plannedCommand({
    name: 'sample',
    usage: {
      sv: 'sample --db <sökväg> --from <datum> --to <datum> --size <N> --seed <S> [--json]',
      en: 'sample --db <path> --from <date> --to <date> --size <N> --seed <S> [--json]',
    },
    summary: { sv: 'drar ett urval för aktgranskning utan att spara det', en: 'draws an audit sample without saving a round' },
  }),
  plannedCommand({
    name: 'quality',
    usage: { sv: `quality --db <sökväg> ${dateFlag.sv} [--json]`, en: `quality --db <path> ${dateFlag.en} [--json]` },
    summary: { sv: 'kvalitetsindex för varje hem', en: 'the quality index of every home' },
  }),
  plannedCommand({
    name: 'report',
    usage: { sv: 'report <typ> --db <sökväg> --out <fil.pdf> [...]', en: 'report <kind> --db <path> --out <file.pdf> [...]' },
    summary: { sv: 'skriver en rapport som PDF', en: 'renders a PDF report' },
  }),
];

const arrayNames: Record<ExchangeArray, string> = {
  homes: 'hem',
  persons: 'personer',
  registerChecks: 'registerkontroller',
  children: 'barn',
  placements: 'placeringar',
  events: 'händelser',
  notes: 'anteckningar',
  assessments: 'bedömningar',
  deviations: 'avvikelser',
};

function describeImport(file: string, summary: ImportSummary, created: boolean): string {
  const lines = exchangeArrays.flatMap((array) => {
    const { created, updated } = summary[array];
    return created + updated === 0
      ? []
      : [`  ${arrayNames[array].padEnd(20)}${created} nya, ${updated} uppdaterade`];
  });
  if (lines.length === 0) {
    return created ? `Databasen skapades; ${file} innehöll inga poster.\n` : `${file} innehöll inga poster; databasen är oförändrad.\n`;
  }
  return `${created ? 'Skapade databasen och läste in' : 'Läste in'} ${file}:\n${lines.join('\n')}\n`;
}

/**
 * The register is personal data about children: an export is for its owner only. A fresh 0600
 * file in the same folder is renamed over the target, so an existing file does not keep its old
 * mode, and nobody ever reads a half-written export.
 */
async function writePrivately(file: string, text: string): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tmp`);
  try {
    const handle = await fs.open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError([`Filen finns inte: ${file}`]);
    if (code === 'EISDIR') throw new UsageError([`Det är en mapp, inte en fil: ${file}`]);
    throw error;
  }
  try {
    // A byte order mark is not JSON, but editors on Windows like to write one.
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new UsageError([`Filen är inte giltig JSON: ${(error as Error).message}`]);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
