/**
 * The commands of `placeringskollen` (spec/exchange-and-cli.md). A new command is one more
 * `defineCommand` in `commands`.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { CheckResult } from '../domain/checks';
import { dateRangeText, isDateInRange, isIsoDate } from '../domain/dates';
import { exchangeArrays, type ExchangeArray } from '../domain/exchange';
import { checkStatusLabels, checkTitles, registerNames, statusLabels } from '../domain/rule-texts';
import type { Services } from '../services';
import { countDeadlines } from '../services/deadlines';
import { invalidFileMessage, type ImportSummary } from '../services/exchange';
import { readJsonBytes } from '../domain/json';
import { cut, terminalSafe } from '../domain/text';
import { qualityJson, type QualityLine } from '../services/quality';
import { ServiceError } from '../services/errors';
import { drawRank, type Draw } from '../domain/sampling';
import { findMunicipality, unknownMunicipalityMessage } from '../domain/municipalities';
import { defineCommand, flags, UsageError, type Command, type Context, type Text } from './command';
import { backupDirFor } from '../db/backups';
import { isSharedRegisterUrl } from '../db/pg/connection';
import type { Register } from '../domain/vocabulary';
import type { AccessLogRow } from '../../preload/api/users';
import { accessLogActionLabel } from '../domain/access-log-actions';

const dbFlag = { db: { type: 'string' } } as const;
const jsonFlag = { json: { type: 'boolean' } } as const;
const userFlag = { user: { type: 'string' } } as const;
const dbPath = z.string().min(1);

/** `--db` as a register: a shared register's address as given, a file relative to the working directory. */
const registerAt = (context: Context, db: string): string => (isSharedRegisterUrl(db) ? db : path.resolve(context.cwd, db));
const userArgument = z.string().trim().min(1, 'ange användarens id eller namn');

/**
 * The active user `given` names, by id or else by exact name: who an import is written as. An
 * unknown, ambiguous or inactive user is an error in the arguments (exit 2), before anything is written.
 */
async function activeUserId(services: Services, given: string): Promise<string> {
  const users = await services.users.list();
  const byId = users.find((user) => user.id === given);
  const byName = users.filter((user) => user.name === given);
  if (!byId && byName.length > 1) {
    throw new UsageError([`--user: flera användare heter ${given}; ange användarens id i stället`]);
  }
  const user = byId ?? byName[0];
  if (!user) throw new UsageError([`--user: det finns ingen användare med id eller namn ${given} i databasen`]);
  if (!user.active) throw new UsageError([`--user: ${user.name} (${user.id}) är inte längre aktiv och kan inte läsa in filer`]);
  return user.id;
}

/** On the shared register, `--user` may name only the login's own user: the one the log will name. */
async function mustBeTheLogin(services: Services, userId: string): Promise<void> {
  const login = (await services.users.session()).user;
  if (login?.id === userId) return;
  const named = (await services.users.list()).find((user) => user.id === userId)!;
  throw new UsageError([
    `--user: på det gemensamma registret loggar databasen inläsningen som inloggningens användare (${login?.name ?? 'Systemet'}), inte som ${named.name}; logga in som ${named.name} eller läs in utan --user`,
  ]);
}

const importCommand = defineCommand({
  name: 'import',
  usage: { sv: 'import <fil> --db <sökväg> [--user <id>] [--json]', en: 'import <file> --db <path> [--user <id>] [--json]' },
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
    {
      sv: '--user <id>  användaren som läser in filen (id eller exakt namn på en aktiv användare i databasen); utan den loggas inläsningen som Systemet. På det gemensamma registret loggar databasen den som inloggningens användare, och --user kan bara ange den',
      en: '--user <id>  the user loading the file (id or exact name of an active user of the database); without it the import is logged as the system. On the shared register the database logs it as the login\'s user, and --user can name only that one',
    },
    {
      sv: 'Inläsningen blir en post i åtkomstloggen, med antalen per lista (se log).',
      en: 'The import is one entry of the access log, with the counts per list (see log).',
    },
    { sv: '--json  skriver sammanfattningen som JSON', en: '--json  prints the summary as JSON' },
  ],
  options: { ...dbFlag, ...userFlag, ...jsonFlag },
  schema: z.object({
    positionals: z.tuple([z.string({ error: 'ange filen som ska läsas in' })]),
    values: flags({ db: dbPath, user: userArgument.optional(), json: z.boolean().optional() }),
  }),
  async run({ positionals: [file], values }, context) {
    const json = await readJsonFile(path.resolve(context.cwd, file));
    const database = registerAt(context, values.db);
    // A new database is created only for a good file: check it first against an empty register.
    // An existing one is checked by the import itself, in the transaction that writes.
    const created = !isSharedRegisterUrl(database) && !(await exists(database));
    // A new database has no users yet: nobody can be named, and nothing is created.
    if (created && values.user !== undefined) {
      throw new UsageError([`--user: databasen finns inte ännu och har inga användare; läs in utan --user första gången: ${values.user}`]);
    }
    if (created) await context.withEmptyRegister((services) => services.exchange.checkFile(json));
    const summary = await context.withServices(database, { create: true }, async (services) => {
      const userId = values.user === undefined ? null : await activeUserId(services, values.user);
      // On the shared register the database writes the entry as the login's user (session_user),
      // whatever the program says: naming someone else would be logged as another person unseen.
      if (userId !== null && isSharedRegisterUrl(database)) await mustBeTheLogin(services, userId);
      // The import's one entry in the access log carries who ran it (the import itself turns
      // off the per-row entries).
      const logContext = { userId, channel: 'cli:import', at: services.clock.now(), rowChanges: true };
      return services.accessLog.within(logContext, () => services.exchange.importFile(json));
    });
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
    const database = registerAt(context, values.db);
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

/**
 * A legal date given on the command line: the form first, then that the day exists, so a typo
 * like 2025-02-30 gets its own words instead of a silent roll-over to March.
 */
const isoDateArgument = z.string().superRefine((value, issue) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    issue.addIssue({ code: 'custom', message: `inte ett datum i formen ÅÅÅÅ-MM-DD: ${cut(value)}` });
  } else if (!isIsoDate(value)) {
    issue.addIssue({ code: 'custom', message: `datumet ${value} finns inte` });
  } else if (!isDateInRange(value)) {
    issue.addIssue({ code: 'custom', message: `${value} ligger utanför ${dateRangeText}` });
  }
});

/** The flags of a list "as of a date" over an existing database (deadlines, checks). */
const fromFlag = { sv: '--from <ÅÅÅÅ-MM-DD>', en: '--from <YYYY-MM-DD>' };
const toFlag = { sv: '--to <ÅÅÅÅ-MM-DD>', en: '--to <YYYY-MM-DD>' };
const asOfOptions = { ...dbFlag, date: { type: 'string' }, ...jsonFlag } as const;
const asOfSchema = z.object({
  positionals: z.tuple([]),
  values: flags({ db: dbPath, date: isoDateArgument, json: z.boolean().optional() }),
});
/** Copies of the shared register are the database's (docs/gemensamt-register.md), not the program's. */
export const SHARED_BACKUPS =
  'Det gemensamma registret säkerhetskopieras och återställs av databasen (pg_dump och återställning till en tidpunkt), inte av programmet. Se docs/gemensamt-register.md.';

const existingDatabaseOnly: Text = {
  sv: 'Databasen måste finnas; kommandot skapar ingen.',
  en: 'The database must exist; this command never creates one.',
};

/** Reads an existing database (never creates one: a mistyped path is exit 2, not an empty register). */
function readDatabase<T>(context: Context, db: string, work: (services: Services) => Promise<T>): Promise<T> {
  return context.withServices(registerAt(context, db), { create: false }, work);
}

const printJson = (context: Context, value: unknown) => context.stdout(`${JSON.stringify(value, null, 2)}\n`);

const deadlinesCommand = defineCommand({
  name: 'deadlines',
  usage: { sv: `deadlines --db <sökväg> ${dateFlag.sv} [--json]`, en: `deadlines --db <path> ${dateFlag.en} [--json]` },
  summary: { sv: 'öppna bevakningar per den dagen', en: 'the open deadlines as of that date' },
  details: [
    {
      sv: `${dateFlag.sv}  dagen som bevakningarna räknas per; händelser daterade senare räknas inte`,
      en: `${dateFlag.en}  the date the deadlines are computed as of; events dated later do not count`,
    },
    {
      sv: '--json  skriver en JSON-lista sorterad på förfallodag, placering och regel',
      en: '--json  prints one JSON array sorted by due date, placement and rule',
    },
    {
      sv: 'Status: Försenad (förfallodagen har passerat), Snart (inom ledtiden i inställningarna, 30 dagar som standard), Kommande.',
      en: 'Status: overdue (the due date has passed), due soon (within the lead time of the settings, 30 days by default), upcoming.',
    },
    existingDatabaseOnly,
  ],
  options: asOfOptions,
  schema: asOfSchema,
  async run({ values }, context) {
    const whole = await readDatabase(context, values.db, (services) => services.deadlines.overview(values.date));
    // The re-checks of foster-home adults are the `checks` command's (per person and register);
    // this list stays the deadlines of the spec, one shape per row.
    // So are a lex Sarah report's anmälan till IVO and an audit's open actions (shown in the window
    // beside them, not rules of the spec).
    const rows = whole.rows.filter((row) => row.rule !== 'registerkontroll-fortlopande' && row.rule !== 'lex-sarah-anmalan' && row.rule !== 'egenkontroll-atgard');
    const overview = { ...whole, rows, counts: countDeadlines(rows) };
    if (values.json) printJson(context, overview.rows.map(deadlineJson));
    else context.stdout(deadlineTable(overview));
    return 0;
  },
});

const checksCommand = defineCommand({
  name: 'checks',
  usage: { sv: `checks --db <sökväg> ${dateFlag.sv} [--json]`, en: `checks --db <path> ${dateFlag.en} [--json]` },
  summary: { sv: 'register- och tillståndskontroller per den dagen', en: 'the register and permit checks as of that date' },
  details: [
    {
      sv: `${dateFlag.sv}  dagen som kontrollerna bedöms per; kontroller och placeringar daterade senare räknas inte`,
      en: `${dateFlag.en}  the date the checks are judged as of; checks and stays dated later do not count`,
    },
    {
      sv: '--json  skriver en JSON-lista sorterad på kontroll, placering, hem, datum, person och register',
      en: '--json  prints one JSON array sorted by check, placement, home, date, person and register',
    },
    {
      sv: 'Registerkontroll före beslut och IVO-tillstånd före beslut: OK, Saknas, Efter beslut (bara kontroller efter beslutet), För gammal, Anmärkning – bedöm, Ogiltigt (tillståndet).',
      en: 'Register check and IVO permit before the decision: ok, missing, after the decision (only checks after it), too old, remark (a person must judge it), invalid (the permit).',
    },
    {
      sv: 'Fortlöpande registerkontroll: Försenad, Snart, Kommande, som bevakningarna.',
      en: 'Recurring register check: overdue, due soon, upcoming, as for deadlines.',
    },
    existingDatabaseOnly,
  ],
  options: asOfOptions,
  schema: asOfSchema,
  async run({ values }, context) {
    const json = values.json === true;
    const { results, names } = await readDatabase(context, values.db, async (services) => ({
      results: await services.checks.list(values.date),
      // Only the table shows names; the JSON is ids only.
      names: json ? null : await services.checks.names(),
    }));
    if (names === null) printJson(context, results.map(checkJson));
    else context.stdout(checkTable(values.date, results, names));
    return 0;
  },
});

const sampleCommand = defineCommand({
  name: 'sample',
  usage: {
    sv: `sample --db <sökväg> ${fromFlag.sv} ${toFlag.sv} --size <N> --seed <S> [--json]`,
    en: `sample --db <path> ${fromFlag.en} ${toFlag.en} --size <N> --seed <S> [--json]`,
  },
  summary: { sv: 'drar ett urval för aktgranskning utan att spara det', en: 'draws an audit sample without saving a round' },
  details: [
    {
      sv: `${fromFlag.sv} ${toFlag.sv}  granskningsperioden: placeringar som var aktiva minst en dag av den (båda dagarna medräknade)`,
      en: `${fromFlag.en} ${toFlag.en}  the audit period: placements active on at least one day of it (both days included)`,
    },
    { sv: '--size <N>  antal akter i urvalet', en: '--size <N>  the number of files drawn' },
    {
      sv: '--seed <S>  fröet: varje placering får rangen SHA-256(frö + ":" + placeringens id) i hex, och urvalet är de N lägsta',
      en: '--seed <S>  the seed: each placement is ranked by SHA-256(seed + ":" + placement id) in hex, and the sample is the N lowest',
    },
    {
      sv: '--json  skriver { seed, populationSize, populationHash, sample } (populationHash: SHA-256 av populationens id sorterade och skilda med radbrytning)',
      en: '--json  prints { seed, populationSize, populationHash, sample } (populationHash: SHA-256 of the population ids, sorted and joined by newlines)',
    },
    existingDatabaseOnly,
  ],
  options: { ...dbFlag, from: { type: 'string' }, to: { type: 'string' }, size: { type: 'string' }, seed: { type: 'string' }, ...jsonFlag },
  schema: z.object({
    positionals: z.tuple([]),
    values: flags({
      db: dbPath,
      from: isoDateArgument,
      to: isoDateArgument,
      size: z.string().regex(/^\d+$/, 'ange ett heltal, minst 1').transform(Number),
      seed: z.string(),
      json: z.boolean().optional(),
    }),
  }),
  async run({ values }, context) {
    const { db, json, ...input } = values;
    const draw = await readDatabase(context, db, async (services) => {
      try {
        return await services.audits.draw(input);
      } catch (error) {
        // The service's problems name its fields; here they are the command's flags.
        if (error instanceof ServiceError) throw new UsageError(error.issues.map((issue) => `--${issue.path.slice(1)}: ${issue.message}`));
        throw error;
      }
    });
    if (json) printJson(context, draw);
    else context.stdout(sampleTable(input, draw));
    return 0;
  },
});

function sampleTable({ from, to }: { from: string; to: string }, draw: Draw): string {
  const cells = draw.sample.map((id, i) => [String(i + 1), id, drawRank(draw.seed, id)]);
  const files = (n: number) => `${n} ${n === 1 ? 'akt' : 'akter'}`;
  return formatTable(
    ['Nr', 'Placering', 'Rang (SHA-256 av frö:id)'],
    cells,
    `${files(draw.sample.length)} av ${draw.populationSize} placeringar aktiva ${from}–${to}, frö ${draw.seed}.\nPopulationens SHA-256: ${draw.populationHash}`,
  );
}

/** The reports `report` makes; the others of the spec come with their issues. */
const reportKinds = ['namnd', 'traffsakerhet', 'egenkontroll', 'ivo-forteckning', 'vardgivare'] as const;

const reportCommand = defineCommand({
  name: 'report',
  usage: {
    sv: 'report <typ> --db <sökväg> --out <fil.pdf> [--kommun <namn>] [--date <ÅÅÅÅ-MM-DD>] [--round <id>] [--from <ÅÅÅÅ-MM-DD> --to <ÅÅÅÅ-MM-DD>] [--unit <enhet>] [--home <id>]',
    en: 'report <kind> --db <path> --out <file.pdf> [--kommun <name>] [--date <YYYY-MM-DD>] [--round <id>] [--from <YYYY-MM-DD> --to <YYYY-MM-DD>] [--unit <unit>] [--home <id>]',
  },
  summary: { sv: 'skriver en rapport som PDF', en: 'renders a PDF report' },
  details: [
    {
      sv: 'namnd  nämndrapporten för perioden (--from, --to) jämförd med samma period året innan: placeringar, följsamhet mot lagen, utfall och kostnader; siffror om färre än 5 barn visas inte',
      en: 'namnd  the board report for the period (--from, --to) against the same period a year earlier: placements, legal compliance, outcomes and cost; figures of fewer than 5 children are not shown',
    },
    {
      sv: 'traffsakerhet  kvalitetsindexets träffsäkerhet: sammanbrott per betyg bland avslutade placeringar, med 95 %-intervall och diagram',
      en: 'traffsakerhet  the quality index\'s träffsäkerhet: breakdowns per grade among ended placements, with 95 % intervals and a chart',
    },
    {
      sv: 'egenkontroll  en granskningsomgång (--round): metod och frö, resultat per punkt, avvikelser, analys och åtgärder; akterna som "Akt N", inga barns namn',
      en: 'egenkontroll  an audit round (--round): method and seed, results per item, deviations, analysis and actions; files as "Akt N", no child named',
    },
    {
      sv: '--kommun <namn>  kommunen som rapporten gäller (en av Sveriges 290); krävs för traffsakerhet',
      en: '--kommun <name>  the municipality the report is for (one of Sweden\'s 290); required for traffsakerhet',
    },
    { sv: '--round <id>  granskningsomgångens id (egenkontroll; visas på omgångens sida i programmet)', en: '--round <id>  the audit round\'s id (egenkontroll; shown on the round\'s page)' },
    {
      sv: 'ivo-forteckning  förteckningen till IVO: barn som vistats i familjehem, jourhem eller nätverkshem under perioden (--from, --to), och anmälningar om fler än tre barn; skyddade barn med initialer och födelseår',
      en: 'ivo-forteckning  the list for IVO: children who stayed in a familjehem, jourhem or nätverkshem in the period (--from, --to), and notifications of more than three children; protected children by initials and birth year',
    },
    { sv: '--from, --to <ÅÅÅÅ-MM-DD>  perioden, båda dagarna med (namnd, ivo-forteckning)', en: '--from, --to <YYYY-MM-DD>  the period, both days included (namnd, ivo-forteckning)' },
    { sv: '--unit <enhet>  bara placeringar med den enheten (namnd, ivo-forteckning)', en: '--unit <unit>  only placements of that unit (namnd, ivo-forteckning)' },
    {
      sv: 'vardgivare  ett hems historia (--home) per dag (--date): kontroller, tillsyn, placeringar utan namn, bedömningar, avvikelser och de senaste anteckningarna',
      en: 'vardgivare  a home\'s history (--home) as of a day (--date): checks, inspections, placements without names, assessments, deviations and the newest notes',
    },
    { sv: '--date <ÅÅÅÅ-MM-DD>  dagen som rapporten räknas per (standard: i dag)', en: '--date <YYYY-MM-DD>  the day the report is computed as of (default: today)' },
    { sv: '--out <fil.pdf>  filen som skrivs (läsbar bara för dig)', en: '--out <file.pdf>  the file written (readable only by you)' },
    existingDatabaseOnly,
  ],
  options: { ...dbFlag, out: { type: 'string' }, kommun: { type: 'string' }, date: { type: 'string' }, round: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, unit: { type: 'string' }, home: { type: 'string' } },
  schema: z.object({
    positionals: z.tuple([z.enum(reportKinds, { error: `ange vilken rapport: ${reportKinds.join(', ')}` })]),
    values: flags({
      db: dbPath,
      out: z.string().min(1, 'ange filen som ska skrivas'),
      kommun: z
        .string()
        .superRefine((value, issue) => {
          if (findMunicipality(value) === undefined) issue.addIssue({ code: 'custom', message: unknownMunicipalityMessage(value) });
        })
        .optional(),
      date: isoDateArgument.optional(),
      round: z.string().trim().min(1, 'ange granskningsomgångens id').optional(),
      from: isoDateArgument.optional(),
      to: isoDateArgument.optional(),
      unit: z.string().trim().min(1, 'ange enheten').optional(),
      home: z.string().trim().min(1, 'ange hemmets id').optional(),
    }),
  }),
  async run({ positionals: [kind], values }, context) {
    const municipality = values.kommun === undefined ? null : findMunicipality(values.kommun)!.name;
    const write = async (pdf: Uint8Array) => {
      const file = path.resolve(context.cwd, values.out);
      await writePrivately(file, pdf);
      context.stdout(`Rapporten är skriven: ${file}\n`);
      return 0;
    };
    if (kind === 'ivo-forteckning' || kind === 'namnd') {
      const { from, to } = values;
      if (from === undefined || to === undefined) throw new UsageError([`ange perioden med --from och --to (${kind === 'namnd' ? 'rapporten' : 'förteckningen'} gäller en period, oftast ett år)`]);
      if (values.date !== undefined || values.round !== undefined || values.home !== undefined) throw new UsageError([`--date, --round och --home gäller inte ${kind}`]);
      const unit = values.unit ?? null;
      return write(
        await readDatabase(context, values.db, (services) =>
          kind === 'namnd' ? services.reports.boardPdf({ from, to, unit, municipality }) : services.reports.ivoListPdf({ from, to, unit, municipality }),
        ),
      );
    }
    if (values.from !== undefined || values.to !== undefined || values.unit !== undefined) throw new UsageError(['--from, --to och --unit gäller bara namnd och ivo-forteckning']);
    if (kind === 'vardgivare') {
      const homeId = values.home;
      if (homeId === undefined) throw new UsageError(['ange hemmet med --home <id> (rapporten vardgivare gäller ett hem)']);
      if (values.round !== undefined) throw new UsageError(['--round gäller bara egenkontroll']);
      return write(await readDatabase(context, values.db, async (services) => (await services.reports.homePdf(homeId, values.date ?? services.clock.today())).pdf));
    }
    if (values.home !== undefined) throw new UsageError(['--home gäller bara vardgivare']);
    if (kind === 'egenkontroll') {
      if (values.round === undefined) throw new UsageError(['ange granskningsomgången med --round <id> (rapporten egenkontroll gäller en omgång)']);
      if (values.date !== undefined) throw new UsageError(['--date gäller inte egenkontroll: omgången har sin egen period']);
      const roundId = values.round;
      const pdf = await readDatabase(context, values.db, (services) => services.audits.reportPdf({ id: roundId, municipality, author: 'Placeringskollen (kommandoraden)' }));
      const file = path.resolve(context.cwd, values.out);
      await writePrivately(file, pdf);
      context.stdout(`Rapporten är skriven: ${file}\n`);
      return 0;
    }
    if (municipality === null) throw new UsageError(['ange kommunen med --kommun <namn> (en av Sveriges 290)']);
    if (values.round !== undefined) throw new UsageError(['--round gäller bara egenkontroll']);
    return write(await readDatabase(context, values.db, (services) => services.quality.accuracyPdf({ date: values.date ?? services.clock.today(), municipality })));
  },
});

const qualityCommand = defineCommand({
  name: 'quality',
  usage: { sv: `quality --db <sökväg> ${dateFlag.sv} [--json]`, en: `quality --db <path> ${dateFlag.en} [--json]` },
  summary: { sv: 'kvalitetsindex för varje hem', en: 'the quality index of every home' },
  details: [
    {
      sv: `${dateFlag.sv}  dagen som indexet räknas per; underlag daterat senare räknas inte`,
      en: `${dateFlag.en}  the date the index is computed as of; evidence dated later does not count`,
    },
    {
      sv: '--json  skriver en JSON-lista med ett objekt per hem; score och grade är null när underlaget är för litet',
      en: '--json  prints one JSON array, one object per home; score and grade are null when the evidence is too thin',
    },
    {
      sv: 'Indexet räknas med de inställningar som är sparade i databasen; versionen står i utskriften (docs/kvalitetsindex.md).',
      en: 'The index uses the settings saved in the database; the output names their version (docs/kvalitetsindex.md).',
    },
    existingDatabaseOnly,
  ],
  options: asOfOptions,
  schema: asOfSchema,
  async run({ values }, context) {
    const { lines, settingsVersion } = await readDatabase(context, values.db, (services) => services.quality.allHomes(values.date));
    if (values.json) printJson(context, lines.map((line) => qualityJson(line, settingsVersion)));
    else context.stdout(qualityTable(values.date, lines, settingsVersion));
    return 0;
  },
});

const idArgument = (what: string) => z.string().trim().min(1, `ange ${what}`).max(100, `för långt för ett id`);
/** The filters `log verify` does not take. */
const logFilters = ['child', 'user', 'from', 'to', 'json'] as const;

/** How many entries `log` asks for at a time: the most one question of the service gives. */
const LOG_PAGE = 500;

const logCommand = defineCommand({
  name: 'log',
  usage: {
    sv: `log [verify] --db <sökväg> [--child <id>] [--user <id>] [${fromFlag.sv}] [${toFlag.sv}] [--json]`,
    en: `log [verify] --db <path> [--child <id>] [--user <id>] [${fromFlag.en}] [${toFlag.en}] [--json]`,
  },
  summary: {
    sv: 'åtkomstloggen: vem som läst och ändrat vad, senaste först; log verify kontrollerar att den är hel',
    en: 'the access log: who read and changed what, newest first; log verify checks that it is intact',
  },
  details: [
    {
      sv: 'log verify --db <sökväg>  räknar om loggens kedja av kontrollsummor: slutkod 0 och "Loggen är hel: N poster." när den är hel, annars slutkod 1 och den första post som ändrats, tagits bort eller lagts in i efterhand, på en rad',
      en: 'log verify --db <path>  recomputes the log\'s chain of checksums: exit 0 and "Loggen är hel: N poster." when intact, otherwise exit 1 and the first entry changed, removed or inserted afterwards, on one line',
    },
    { sv: '--child <id>  bara poster om barnet (barnets id i registret)', en: '--child <id>  only entries about the child (its id in the register)' },
    { sv: '--user <id>  bara poster av användaren (id eller exakt namn)', en: '--user <id>  only entries by the user (id or exact name)' },
    {
      sv: `${fromFlag.sv} ${toFlag.sv}  bara poster från och med och till och med de dagarna (UTC, som tiderna i listan)`,
      en: `${fromFlag.en} ${toFlag.en}  only entries from and up to and including those days (UTC, as the times listed)`,
    },
    {
      sv: '--json  skriver en JSON-lista, senaste först, med seq, at, userId, userName, action, channel, entity, entityId, childId och detail (JSON-objektet, eller null)',
      en: '--json  prints one JSON array, newest first, with seq, at, userId, userName, action, channel, entity, entityId, childId and detail (the JSON object, or null)',
    },
    existingDatabaseOnly,
  ],
  options: { ...dbFlag, ...userFlag, child: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, ...jsonFlag },
  schema: z
    .object({
      positionals: z.array(z.string()).max(1),
      values: flags({
        db: dbPath,
        child: idArgument('barnets id').optional(),
        user: userArgument.optional(),
        from: isoDateArgument.optional(),
        to: isoDateArgument.optional(),
        json: z.boolean().optional(),
      }),
    })
    .superRefine(({ positionals: [sub], values }, issue) => {
      if (sub !== undefined && sub !== 'verify') {
        issue.addIssue({ code: 'custom', path: ['positionals'], message: `okänt underkommando till log: ${sub}; tillåtet: verify` });
      }
      if (sub === 'verify') {
        for (const flag of logFilters) {
          if (values[flag] !== undefined) issue.addIssue({ code: 'custom', path: ['values', flag], message: 'gäller inte log verify' });
        }
      }
      const { from, to } = values;
      // Compared only when both are dates: a bad one already has its own line.
      if (from !== undefined && to !== undefined && isIsoDate(from) && isIsoDate(to) && from > to) {
        issue.addIssue({ code: 'custom', path: ['values', 'to'], message: `till-datumet ${to} är före från-datumet ${from}` });
      }
    }),
  async run({ positionals: [sub], values }, context) {
    if (sub === 'verify') {
      const status = await readDatabase(context, values.db, (services) => services.users.verifyAccessLog());
      // A broken chain is the answer to the question, not a failure of the command: on stdout.
      context.stdout(status.intact ? `Loggen är hel: ${status.entries} ${status.entries === 1 ? 'post' : 'poster'}.\n` : `${oneLine(status.message)}\n`);
      return status.intact ? 0 : 1;
    }
    const rows = await readDatabase(context, values.db, async (services) => {
      const userId = values.user === undefined ? undefined : await loggedUserId(services, values.user);
      const query = { childId: values.child, userId, from: values.from, to: values.to };
      const all: AccessLogRow[] = [];
      for (let offset = 0; ; offset += LOG_PAGE) {
        const page = await services.users.accessLog({ ...query, offset, limit: LOG_PAGE });
        all.push(...page.rows);
        if (page.rows.length < LOG_PAGE) return all;
      }
    });
    if (values.json) printJson(context, rows.map(logJson));
    else context.stdout(logTable(rows));
    return 0;
  },
});

/**
 * The user id a filter names: a user's id, or else the exact name of exactly one user (inactive
 * ones too: a revisor asks about who worked here then). Anything else is taken as an id, so the
 * entries of a user no longer in the register can still be asked for.
 */
async function loggedUserId(services: Services, given: string): Promise<string> {
  const users = await services.users.list();
  if (users.some((user) => user.id === given)) return given;
  const byName = users.filter((user) => user.name === given);
  if (byName.length > 1) throw new UsageError([`--user: flera användare heter ${given}; ange användarens id i stället`]);
  return byName[0]?.id ?? given;
}

/** Every command, in the order the help lists them. */
const sizeText = (bytes: number) => `${(bytes / 1e6).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB`;

const backupCommand = defineCommand({
  name: 'backup',
  usage: { sv: 'backup --db <sökväg> [--json]', en: 'backup --db <path> [--json]' },
  summary: {
    sv: 'gör en kontrollerad säkerhetskopia av registret i mappen sakerhetskopior bredvid det',
    en: 'makes a checked copy of the register in the folder sakerhetskopior beside it',
  },
  details: [
    {
      sv: 'Kopian skrivs med VACUUM INTO, krypterad med samma nyckel som registret, och kontrolleras innan den räknas. Programmet kan vara igång under tiden.',
      en: 'The copy is written with VACUUM INTO, encrypted with the same key as the register, and checked before it counts. The app may be running meanwhile.',
    },
    existingDatabaseOnly,
    { sv: '--json  skriver kopians uppgifter som JSON', en: '--json  prints the copy as JSON' },
  ],
  options: { ...dbFlag, ...jsonFlag },
  schema: z.object({ positionals: z.tuple([]), values: flags({ db: dbPath, json: z.boolean().optional() }) }),
  async run({ values }, context) {
    const copy = await context.withRegister(registerAt(context, values.db), async (register) => register.backup('manuell'));
    if (values.json) printJson(context, { file: copy.file, kind: copy.kind, createdAt: copy.createdAt, bytes: copy.bytes });
    else context.stdout(`Säkerhetskopian är gjord och kontrollerad: ${copy.file} (${sizeText(copy.bytes)}).\n`);
    return 0;
  },
});

const restoreCommand = defineCommand({
  name: 'restore',
  usage: { sv: 'restore --db <sökväg> --from <kopia>', en: 'restore --db <path> --from <copy>' },
  summary: {
    sv: 'ersätter registret med en säkerhetskopia, efter en kopia av registret som det är',
    en: 'replaces the register with a copy, after a copy of the register as it is',
  },
  details: [
    {
      sv: '--from <kopia>  kopians fil, eller dess namn i mappen sakerhetskopior; den kontrolleras först',
      en: '--from <copy>  the copy\'s file, or its name in the folder sakerhetskopior; it is checked first',
    },
    {
      sv: 'Ingen får ha registret öppet under tiden. En kopia av ett skadat register sparas i sakerhetskopior.',
      en: 'Nobody may have the register open meanwhile. A copy of a damaged register is kept in sakerhetskopior.',
    },
    existingDatabaseOnly,
  ],
  options: { ...dbFlag, from: { type: 'string' } },
  schema: z.object({
    positionals: z.tuple([]),
    values: flags({ db: dbPath, from: z.string({ error: 'ange kopian med --from' }).min(1, 'ange kopian med --from') }),
  }),
  async run({ values }, context) {
    const database = registerAt(context, values.db);
    // Said first: a shared register has no copies of the program's to look for.
    if (isSharedRegisterUrl(database)) throw new UsageError([SHARED_BACKUPS]);
    const named = path.join(backupDirFor(database), values.from);
    const given = path.resolve(context.cwd, values.from);
    // A bare name is looked for in the register's backup folder first.
    const from = !values.from.includes('/') && !values.from.includes('\\') && (await isFile(named)) ? named : given;
    if (!(await isFile(from))) throw new UsageError([`--from: kopian finns inte: ${cut(values.from)}`]);
    const { safetyCopy } = await context.restoreRegister(database, from);
    context.stdout(`Registret är återställt från ${from}.\n`);
    context.stdout(safetyCopy ? `Registret som det var finns kvar som ${safetyCopy}.\n` : 'En kopia av det skadade registret finns i mappen sakerhetskopior.\n');
    return 0;
  },
});

/** The tables as a Swedish reader counts them, for `migrate`'s summary. */
const tableNames: Record<string, string> = {
  homes: 'hem',
  persons: 'personer',
  children: 'barn',
  placements: 'placeringar',
  stays: 'vistelser',
  register_checks: 'registerkontroller',
  register_check_history: 'ändringar av registerkontroller',
  events: 'händelser',
  assessments: 'bedömningar',
  deviations: 'avvikelser',
  deviation_steps: 'steg i avvikelser',
  settings: 'inställningar',
  settings_history: 'ändringar av inställningar',
  removed_records: 'borttagna poster',
  change_counters: 'ändringsräknare',
  users: 'användare',
  access_log: 'poster i åtkomstloggen',
  notes: 'anteckningar',
  note_authors: 'anteckningsförfattare',
  note_drafts: 'utkast till anteckningar',
  audit_rounds: 'granskningsomgångar',
  audit_files: 'granskade akter',
  audit_answers: 'svar i aktgranskningar',
  audit_analyses: 'analyser av aktgranskningar',
  audit_actions: 'åtgärder efter aktgranskningar',
};

const migrateCommand = defineCommand({
  name: 'migrate',
  usage: { sv: 'migrate --from <fil> --to <postgres://…> [--json]', en: 'migrate --from <file> --to <postgres://…> [--json]' },
  summary: {
    sv: 'flyttar ett lokalt register till ett tomt gemensamt register på PostgreSQL',
    en: 'moves a local register into an empty shared register on PostgreSQL',
  },
  details: [
    {
      sv: '--to postgres://användare@server/databas?sslrootcert=<kommunens CA>  TLS med kontrollerat certifikat krävs; lösenordet i PGPASSWORD',
      en: '--to postgres://user@server/database?sslrootcert=<CA>  TLS with a verified certificate is required; the password in PGPASSWORD',
    },
    {
      sv: 'Det gemensamma registret får databasens schema och roller först. Allt flyttas i en transaktion: blir något fel skrivs ingenting. Ett gemensamt register som redan har uppgifter, eller en lokal logg som inte är hel, vägras.',
      en: 'The shared register gets its schema and roles first. Everything moves in one transaction: if anything fails nothing is written. A shared register that already holds data, or a local log that does not verify, is refused.',
    },
    { sv: '--json  skriver antalen per tabell som JSON', en: '--json  prints the counts per table as JSON' },
  ],
  options: { from: { type: 'string' }, to: { type: 'string' }, ...jsonFlag },
  schema: z.object({
    positionals: z.tuple([]),
    values: flags({
      from: z.string({ error: 'ange det lokala registret med --from' }).min(1, 'ange det lokala registret med --from'),
      to: z.string({ error: 'ange det gemensamma registret med --to postgres://…' }).min(1, 'ange det gemensamma registret med --to postgres://…'),
      json: z.boolean().optional(),
    }),
  }),
  async run({ values }, context) {
    const counts = await context.moveToShared(path.resolve(context.cwd, values.from), values.to);
    if (values.json) {
      printJson(context, counts);
    } else {
      const moved = Object.entries(counts).filter(([, n]) => n > 0).map(([table, n]) => `${n} ${tableNames[table] ?? table}`);
      context.stdout(`Flyttade ${moved.join(', ') || 'ett tomt register'} till det gemensamma registret.\n`);
    }
    return 0;
  },
});

async function isFile(file: string): Promise<boolean> {
  return (await fs.stat(file).catch(() => null))?.isFile() ?? false;
}

export const commands: Command[] = [
  importCommand,
  exportCommand,
  deadlinesCommand,
  checksCommand,
  logCommand,
  sampleCommand,
  qualityCommand,
  reportCommand,
  backupCommand,
  restoreCommand,
  migrateCommand,
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
  const warnings = summary.warnings.map((warning) => `Varning: ${warning}\n`).join('');
  return `${created ? 'Skapade databasen och läste in' : 'Läste in'} ${file}:\n${lines.join('\n')}\n${warnings}`;
}

type DeadlineOverview = Awaited<ReturnType<Services['deadlines']['overview']>>;
type DeadlineRow = DeadlineOverview['rows'][number];

/**
 * Exactly the keys of the contract, in its order (external tools may compare whole objects):
 * the window's extra fields (names, texts) stay out of the JSON.
 */
function deadlineJson(row: DeadlineRow) {
  const { rule, dueOn, basisOn, status, legalRef } = row;
  return row.placementId === null
    ? { homeId: row.homeId, placementId: null, rule, dueOn, basisOn, status, legalRef }
    : { placementId: row.placementId, rule, dueOn, basisOn, status, legalRef };
}

function deadlineTable({ date, rows, counts }: DeadlineOverview): string {
  if (rows.length === 0) return `Inga öppna bevakningar per ${date}.\n`;
  const header = ['Status', 'Förfaller', 'Regel', 'Placering', 'Barn', 'Hem', 'Räknat från', 'Lagrum'];
  const cells = rows.map((row) => [
    statusLabels[row.status],
    row.dueOn,
    // Särskilda skäl do not move the deadline (rules.md), but whoever reads the list must see them.
    row.specialReasonsOn === null ? row.title : `${row.title} (särskilda skäl ${row.specialReasonsOn})`,
    row.placementId ?? '–',
    row.childLabel ?? '–',
    row.homeName ?? '–',
    `${row.basisOn} (${row.basisLabel})`,
    row.legalRef,
  ]);
  const total = rows.length;
  const summary =
    `${total} ${total === 1 ? 'bevakning' : 'bevakningar'} per ${date}: ` +
    `${counts.overdue} ${counts.overdue === 1 ? 'försenad' : 'försenade'}, ${counts.dueSoon} snart, ${counts.upcoming} kommande.`;
  return formatTable(header, cells, summary);
}

/** Columns padded to their widest cell, a rule under the header, and a summary line after a blank one. */
function formatTable(header: string[], rawCells: string[][], summary: string): string {
  // Escaped before the widths are counted, so a name with control characters cannot move the columns.
  const cells = rawCells.map((line) => line.map((cell) => terminalSafe(cell, { oneLine: true })));
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column]!.length)));
  const format = (line: string[]) => line.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [format(header), format(widths.map((width) => '-'.repeat(width))), ...cells.map(format), '', summary, ''].join('\n');
}

/**
 * Exactly the keys of the contract, in its order: `checkedOn` (which check the status was judged
 * on) is for the window, not for the exchange.
 */
function checkJson(result: CheckResult) {
  const { check, homeId, personId, register, status } = result;
  return result.check === 'registerkontroll-fortlopande'
    ? { check, placementId: null, homeId, personId, register, dueOn: result.dueOn, status }
    : { check, placementId: result.placementId, homeId, personId, register, decisionOn: result.decisionOn, status };
}

type CheckStatus = CheckResult['status'];
/** The summary's words, singular and plural, in the order they are counted. */
const checkStatusCounts: [CheckStatus, string, string][] = [
  ['ok', 'OK', 'OK'],
  ['missing', 'saknas', 'saknas'],
  ['after-decision', 'efter beslut', 'efter beslut'],
  ['too-old', 'för gammal', 'för gamla'],
  ['remark', 'med anmärkning', 'med anmärkning'],
  ['invalid', 'ogiltigt', 'ogiltiga'],
  ['overdue', 'försenad', 'försenade'],
  ['due-soon', 'snart', 'snart'],
  ['upcoming', 'kommande', 'kommande'],
];

/** Homes and adults by name; a child is never named here (the placement id is enough to find it). */
function checkTable(date: string, results: readonly CheckResult[], names: { homes: Map<string, string>; persons: Map<string, string> }): string {
  if (results.length === 0) return `Inga register- eller tillståndskontroller per ${date}.\n`;
  const header = ['Kontroll', 'Status', 'Hem', 'Person', 'Register', 'Beslut/förfaller', 'Placering'];
  const cells = results.map((result) => [
    checkTitles[result.check],
    checkStatusLabels[result.status],
    names.homes.get(result.homeId) ?? result.homeId,
    result.personId === null ? '–' : (names.persons.get(result.personId) ?? result.personId),
    registerNames[result.register as Register] ?? result.register,
    result.check === 'registerkontroll-fortlopande' ? result.dueOn : result.decisionOn,
    result.placementId ?? '–',
  ]);
  const counted = checkStatusCounts.flatMap(([status, one, many]) => {
    const n = results.filter((result) => result.status === status).length;
    return n === 0 ? [] : [`${n} ${n === 1 ? one : many}`];
  });
  const total = results.length;
  return formatTable(header, cells, `${total} ${total === 1 ? 'kontroll' : 'kontroller'} per ${date}: ${counted.join(', ')}.`);
}

const confidenceLabels = { low: 'låg', medium: 'medel', high: 'hög' } as const;

function qualityTable(date: string, lines: readonly QualityLine[], settingsVersion: number): string {
  const version = settingsVersion === 0 ? 'standardinställningar' : `inställningar version ${settingsVersion}`;
  if (lines.length === 0) return `Inga hem i registret per ${date} (${version}).\n`;
  const header = ['Hem', 'Index', 'Betyg', 'Säkerhet', 'Kan ta emot', 'Underlag', 'Anmärkning'];
  const cells = lines.map(({ homeName, result: r }) => [
    homeName,
    r.score === null ? '–' : String(r.score),
    r.grade ?? '–',
    confidenceLabels[r.confidence],
    r.eligible ? 'ja' : 'nej',
    String(r.components.reduce((sum, c) => sum + c.evidence, 0)),
    [...r.barriers, ...(r.missing === null ? [] : ['För lite underlag.'])].join(' ') || '–',
  ]);
  const scored = lines.filter((line) => line.result.score !== null).length;
  const barred = lines.filter((line) => !line.result.eligible).length;
  return formatTable(
    header,
    cells,
    `${lines.length} hem per ${date}, ${version}: ${scored} med index, ${lines.length - scored} med för lite underlag, ${barred} kan inte ta emot placeringar.`,
  );
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ');

/** The log's JSON: its keys in this order, the detail as the JSON value it holds. */
function logJson(row: AccessLogRow) {
  const { seq, at, userId, userName, action, channel, entity, entityId, childId, detail } = row;
  return { seq, at, userId, userName, action, channel, entity, entityId, childId, detail: parseDetail(detail) };
}

function parseDetail(detail: string | null): unknown {
  if (detail === null) return null;
  try {
    return JSON.parse(detail) as unknown;
  } catch {
    return detail;
  }
}

const entityLabels: Record<string, string> = {
  homes: 'hem',
  persons: 'person',
  children: 'barn',
  placements: 'placering',
  stays: 'vistelse',
  events: 'händelse',
  register_checks: 'registerkontroll',
  register_check_history: 'kontrollhistorik',
  removed_records: 'borttagen post',
  settings: 'inställning',
  users: 'användare',
};

/** What an entry is about: the record, or an import's counts per list. */
function logWhat(row: AccessLogRow): string {
  if (row.action === 'import') {
    const counts = (parseDetail(row.detail) as { counts?: Partial<Record<ExchangeArray, { created: number; updated: number }>> } | null)?.counts ?? {};
    const parts = exchangeArrays.flatMap((array) => {
      const n = (counts[array]?.created ?? 0) + (counts[array]?.updated ?? 0);
      return n === 0 ? [] : [`${n} ${arrayNames[array]}`];
    });
    return `utbytesfil: ${parts.join(', ') || 'inga poster'}`;
  }
  if (row.entity === null) return '–';
  const entity = entityLabels[row.entity] ?? row.entity;
  return row.entityId === null ? entity : `${entity} ${row.entityId}`;
}

/** Newest first; times as stored (UTC), to the second. */
function logTable(rows: readonly AccessLogRow[]): string {
  if (rows.length === 0) return 'Inga poster i loggen.\n';
  const header = ['Nr', 'Tid', 'Användare', 'Händelse', 'Kanal', 'Vad', 'Barn'];
  const cells = rows.map((row) => [
    String(row.seq),
    `${row.at.slice(0, 10)} ${row.at.slice(11, 19)} UTC`,
    row.userName,
    accessLogActionLabel(row.action),
    row.channel ?? '–',
    logWhat(row),
    row.childId ?? '–',
  ]);
  return formatTable(header, cells, `${rows.length} ${rows.length === 1 ? 'post' : 'poster'}.`);
}

/**
 * The register is personal data about children: an export is for its owner only. A fresh 0600
 * file in the same folder is renamed over the target, so an existing file does not keep its old
 * mode, and nobody ever reads a half-written export.
 */
async function writePrivately(file: string, text: string | Uint8Array): Promise<void> {
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

/**
 * The file's bytes as JSON, strictly (domain/json.ts): UTF-8 only, each key once per object. What
 * is wrong is said with its byte, line and column or JSON path, never by echoing the bytes.
 */
async function readJsonFile(file: string): Promise<unknown> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError([`Filen finns inte: ${file}`]);
    if (code === 'EISDIR') throw new UsageError([`Det är en mapp, inte en fil: ${file}`]);
    throw error;
  }
  // A byte order mark is not JSON, but editors on Windows like to write one: decodeUtf8 drops it.
  const reading = readJsonBytes(bytes);
  if (reading.ok) return reading.value;
  switch (reading.kind) {
    case 'encoding':
      throw new UsageError([`${capitalize(reading.problems[0]!.message)}.`]);
    case 'syntax':
      throw new UsageError([`Filen är inte giltig JSON: ${reading.problems[0]!.message}`]);
    case 'duplicate-keys':
      throw new UsageError([invalidFileMessage, ...reading.problems.map(({ path, message }) => `${path}: ${message}`)]);
  }
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
