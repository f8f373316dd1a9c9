/**
 * The journal's figures for `npm run bench` (run.ts imports them; `--only journal` runs these
 * alone): how fast signed notes are searched at a large city's scale, and how fast a busy home's
 * history page is gathered.
 *
 * The journal is made in a database of its own (a new register, so the city's figures are
 * untouched): the city at 1/100 imported through the real services, with one more home (an HVB)
 * that has had `historyPlacements` placements over ten years, its assessments and deviations; then
 * `BENCH_NOTES` signed notes (a million; 20 000 with `--small`), `historyNotes` of them on that
 * home, written with one prepared statement in a few large transactions. The search index is
 * filled by the migration's own trigger (`notes_indexed`, `sv_search_terms`) as the notes are
 * written; the notes' four indexes are dropped while the rows are written and made again
 * afterwards with the migration's own definitions, and the trigger that logs a changed row is
 * left out while they are written (it is put back as it was: the bench's notes are no one's work).
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { registerLogFunctions } from '../../main/db/access-log';
import { openDatabase, type Connection } from '../../main/db/connection';
import { noteAuthors, searchNotes } from '../../main/db/journal-repository';
import { noteTermsSelect } from '../../main/db/migrations';
import { registerSwedishFunctions } from '../../main/db/swedish-functions';
import { matchQuery } from '../../main/domain/swedish-search';
import { noteCategories } from '../../main/domain/vocabulary';
import { createServices, type Services } from '../../main/services';
import { NOTE_COUNT_LIMIT } from '../../main/services/notes';
import type { HomeHistory, NoteSearchResult } from '../../preload/api/journal';
import { testClock } from '../clock';
import { count, median, ms, p95, type PartBench, type PartFigure } from './bench-part';
import { seeded } from '../seeded';
import { benchDate, smallScale, syntheticCity, type CityFile } from './synthetic-register';

export type JournalBench = PartBench;
export type JournalFigure = PartFigure<'journal'>;

/** The signed notes: `BENCH_NOTES`, else 20 000 with `--small`, else a million. */
export function journalNotes(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env.BENCH_NOTES);
  if (env.BENCH_NOTES !== undefined && Number.isInteger(asked) && asked > 0) return asked;
  return argv.includes('--small') ? 20_000 : 1_000_000;
}

const authors = 300;
const historyPlacements = 500;
const historyNotes = 5_000;
const historyCalls = 30;
const historyHomeId = 'H-HISTORIK';

/** Common words and rare ones, in the forms a caseworker types them. */
const queries = [
  'skola', 'skolan', 'barnen', 'trivs', 'samtal', 'besök', 'personal', 'familjehemmet', 'mamma', 'pappa',
  'kontakt', 'umgänge', 'läxor', 'fritids', 'mående', 'oro', 'sömn', 'kamrater', 'vårdnadshavare', 'handläggare',
  'BUP', 'tandläkare', 'logoped', 'simskola', 'ridläger', 'klarinett', 'konfirmation', 'körkort', 'mopeden', 'akvariet',
  'glasögon', 'fotbollen', 'scouterna', 'diabetes', 'hörapparat', 'tolk', 'rymt', 'polisen', 'självskada', 'brandlarmet',
];

export const journalFigures: JournalFigure[] = [
  {
    section: 'target',
    part: 'journal',
    what: `note search over ${count(journalNotes())} signed notes: a page of 50 newest hits with the count (API searchNotes), p95`,
    unit: 'ms',
    target: 50,
    stat: 'p95',
    measure: async (b) => {
      const journal = await makeJournal(b);
      const { samples, totals } = await search(b, journal, 'newest');
      return {
        samples,
        note: `${queries.length} words, median ${ms(median(samples))}, max ${ms(Math.max(...samples))}; hits ${range(totals)} (counted to 1 000); ${journal.made}`,
      };
    },
  },
  {
    section: 'detail',
    part: 'journal',
    what: 'the same search ordered by best hit (order: best), p95',
    unit: 'ms',
    target: null,
    stat: 'p95',
    measure: async (b) => {
      const journal = await makeJournal(b);
      const { samples, totals } = await search(b, journal, 'best');
      return { samples, note: `median ${ms(median(samples))}, max ${ms(Math.max(...samples))}; hits ${range(totals)}` };
    },
  },
  {
    section: 'detail',
    part: 'journal',
    what: "the note search's queries alone (page of 50 newest with its count to 1 001; the authors' list), p95",
    unit: 'ms',
    target: null,
    stat: 'p95',
    measure: async (b) => {
      const journal = await makeJournal(b);
      const parts = await searchParts(journal.connection);
      return {
        samples: parts.page.map((page, i) => page + parts.authors[i]!),
        note: `over the ${queries.length} words, median: page with count ${ms(median(parts.page))}, authors ${ms(median(parts.authors))}; p95 page with count ${ms(p95(parts.page))}`,
      };
    },
  },
  {
    section: 'target',
    part: 'journal',
    what: `a home's history page data (getHomeHistory) for a home with ${historyPlacements} placements and ${count(historyNotes)} notes, p95`,
    unit: 'ms',
    target: 50,
    stat: 'p95',
    measure: async (b) => {
      const journal = await makeJournal(b);
      const samples: number[] = [];
      let history: HomeHistory | null = null;
      for (let i = 0; i < historyCalls; i++) {
        const start = performance.now();
        history = (await b.api('getHomeHistory', { homeId: historyHomeId, date: benchDate }, journal.services)).value as HomeHistory;
        samples.push(performance.now() - start);
      }
      const shown = history as unknown as { placements?: unknown[]; notes?: { total?: number }; deviations?: unknown[] };
      return {
        samples,
        note:
          `median ${ms(median(samples))}, max ${ms(Math.max(...samples))}; ${shown.placements?.length ?? '?'} placements, ` +
          `${shown.notes?.total ?? '?'} notes, ${journal.historyAssessments} assessments, ${shown.deviations?.length ?? journal.historyDeviations} deviations`,
      };
    },
  },
];

/** Closes the journal's database, if made. */
export async function closeJournalBench(): Promise<void> {
  for (const connection of opened.splice(0)) await connection.close();
}

const opened: Connection[] = [];

interface Journal {
  connection: Connection;
  services: Services;
  historyAssessments: number;
  historyDeviations: number;
  /** How it was made: notes, time, size. */
  made: string;
}

/** Each word once, as the search window asks: the first page of 50 and the count. */
async function search(b: JournalBench, journal: Journal, order: 'newest' | 'best') {
  const samples: number[] = [];
  const totals: number[] = [];
  for (const query of queries) {
    const start = performance.now();
    const result = (await b.api('searchNotes', { query, order, offset: 0, limit: 50 }, journal.services)).value as NoteSearchResult;
    samples.push(performance.now() - start);
    totals.push(result.total + (result.capped ? 1 : 0));
  }
  return { samples, totals };
}

/** The repository's queries of a search (the page with its count, the authors), timed apart on the journal's connection. */
async function searchParts(connection: Connection) {
  const parts = { page: [] as number[], authors: [] as number[] };
  const timed = async (into: number[], run: () => Promise<unknown>) => {
    const start = performance.now();
    await run();
    into.push(performance.now() - start);
  };
  for (const query of queries) {
    const match = matchOf(query);
    await timed(parts.page, () => searchNotes(connection.db, { query, match, order: 'newest', offset: 0, limit: 50, countLimit: NOTE_COUNT_LIMIT }));
    await timed(parts.authors, () => noteAuthors(connection.db));
  }
  return parts;
}

/** The word's stems as the service asks FTS for them. */
const matchOf = (query: string): string => matchQuery(query) ?? query;

function makeJournal(b: JournalBench): Promise<Journal> {
  return b.once('journal', async () => {
    const notes = journalNotes();
    const file = path.join(b.dir, 'journal.sqlite');
    console.log(`  making the journal: ${count(notes)} signed notes …`);
    const register = journalRegister();
    const setup = await openDatabase(file);
    const importStart = performance.now();
    await createServices(setup.db, { clock: testClock() }).exchange.importFile(register.file);
    const importMs = performance.now() - importStart;
    await setup.close();
    const made = writeNotes(file, notes, register);
    const connection = await openDatabase(file);
    opened.push(connection);
    const services = createServices(connection.db, { clock: testClock() });
    const size = fs.statSync(file).size;
    return {
      connection,
      services,
      historyAssessments: register.file.assessments.filter((a) => a.homeId === historyHomeId).length,
      historyDeviations: register.file.deviations.filter((d) => d.homeId === historyHomeId).length,
      made:
        `the journal made in ${ms(importMs + made.rowsMs + made.searchMs + made.indexMs)} (the register imported ${ms(importMs)}; ` +
        (made.byTrigger
          ? `notes with the search trigger ${ms(made.rowsMs)}, ${perMillion(made.rowsMs, notes)}; `
          : `notes ${ms(made.rowsMs)}, the search index after them with sv_search_terms ${ms(made.searchMs)}, ${perMillion(made.searchMs, notes)}; `) +
        `indexes ${ms(made.indexMs)}), ` +
        `${(size / 1e6).toFixed(0)} MB; texts ${made.shortest}–${made.longest} characters, ${authors} authors, ${made.from} to ${made.to}`,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The register: the city at 1/100 and a busy home

interface JournalRegister {
  file: CityFile;
  /** Where the notes go: a placement and a home of its, or a home alone. */
  targets: { homeId: string; placementId: string }[];
  historyPlacementIds: string[];
}

/** The city at 1/100, and one HVB with `historyPlacements` placements over ten years, its assessments and deviations. */
function journalRegister(): JournalRegister {
  const city = syntheticCity(smallScale);
  const rnd = seeded(20261205);
  const end = Date.parse(`${benchDate}T00:00:00Z`);
  const day = 24 * 3600 * 1000;
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  const tenYears = Math.round(10 * 365.25);
  city.homes.push({
    id: historyHomeId,
    kind: 'hvb',
    name: 'Historikgårdens HVB',
    orgNr: '556000-9994',
    operator: 'enskild',
    municipality: 'Sandviken',
    capacity: 60,
    targetGroup: { minAge: 12, maxAge: 20, gender: 'alla', needs: ['skyddsbehov'] },
  } as CityFile['homes'][number]);
  const historyPlacementIds: string[] = [];
  for (let i = 0; i < historyPlacements; i++) {
    const childId = `B-HIST-${String(i + 1).padStart(3, '0')}`;
    const placementId = `PL-HIST-${String(i + 1).padStart(3, '0')}`;
    historyPlacementIds.push(placementId);
    const start = end - Math.floor(((i + 0.5) * tenYears) / historyPlacements) * day - rnd.int(0, 6) * day;
    const birth = start - rnd.int(12 * 365, 17 * 365) * day;
    const length = rnd.int(30, 700);
    const stop = start + length * day;
    const ended = stop < end;
    const reason = ended ? rnd.weighted([['sammanbrott', 25], ['planerad', 40], ['hemflytt', 25], ['annan', 10]] as const) : null;
    city.children.push({ id: childId, name: `Historikbarn ${i + 1}`, birthDate: iso(birth), ...(i % 40 === 7 ? { protectedIdentity: true } : {}) });
    city.placements.push({
      id: placementId,
      childId,
      legalBasis: rnd.weighted([['SoL', 6], ['LVU2', 2], ['LVU3', 2]] as const),
      decidedOn: iso(start - 2 * day),
      startedOn: iso(start),
      ...(ended ? { endedOn: iso(stop), endReason: reason! } : {}),
      caseworker: 'Linda Diktlund',
      unit: 'Barn och unga Norr',
      stays: [{ homeId: historyHomeId, form: 'hvb', from: iso(start), ...(ended ? { to: iso(stop) } : {}) }],
    } as CityFile['placements'][number]);
    if (i % 4 === 0) {
      city.assessments.push({
        id: `BED-HIST-${i + 1}`,
        homeId: historyHomeId,
        placementId,
        assessedOn: iso(Math.min(end, start + 60 * day)),
        assessor: 'Linda Diktlund',
        scores: { trygghet: rnd.int(1, 5), skola: rnd.int(1, 5), halsa: rnd.int(1, 5), delaktighet: rnd.int(1, 5), samverkan: rnd.int(1, 5), kontinuitet: rnd.int(1, 5) },
        childVoice: rnd.pick(['trivs', 'trivs-inte', 'vill-flytta'] as const),
        comment: 'Bedömning efter uppföljningsbesök.',
      });
    }
    if (i % 12 === 3) {
      city.deviations.push({
        id: `AVV-HIST-${i + 1}`,
        homeId: historyHomeId,
        placementId,
        reportedOn: iso(Math.min(end, start + 20 * day)),
        kind: i % 36 === 3 ? 'lex-sarah' : 'avvikelse',
        severity: rnd.pick(['lag', 'medel', 'allvarlig'] as const),
        description: 'Personalen rapporterade en händelse på boendet.',
        status: 'avslutad',
      } as CityFile['deviations'][number]);
    }
  }
  const targets: JournalRegister['targets'] = city.placements
    .filter((p) => !p.id.startsWith('PL-HIST-'))
    .map((p) => ({ homeId: p.stays[0]!.homeId, placementId: p.id }));
  return { file: city, targets, historyPlacementIds };
}

// ---------------------------------------------------------------------------------------------
// The notes

const first = ['Anna', 'Per', 'Maria', 'Lars', 'Karin', 'Johan', 'Eva', 'Mikael', 'Sara', 'Anders', 'Lena', 'Erik', 'Sofia', 'Jonas', 'Emma', 'Fredrik', 'Malin', 'Daniel', 'Hanna', 'Ali'];
const last = ['Exempelsson', 'Provberg', 'Påhittström', 'Fiktivlund', 'Låtsasgren', 'Sagoqvist', 'Fabeldal', 'Diktholm', 'Drömbäck', 'Fantasimark', 'Provvik', 'Exempelås', 'Fiktivstam', 'Sagonor', 'Diktgård'];

/** Sentence frames; `{x}` draws from the list of that name. */
const frames = [
  '{Barnet} {trivs} i {hemmet} och {berättar} om {skolan}.',
  'Vid {besöket} deltog {personal} och {barnet}; vi pratade om {ämne}.',
  'Samtal med {barnet} om {ämne}. {Barnet} säger att {det} {går} bra.',
  '{Barnet} har haft {oro} kring {ämne} den senaste tiden.',
  'Kontakt med {skolan} angående {ämne}; {personal} följer upp.',
  'Uppföljningsbesök i {hemmet}. {Barnen} {trivs} och {personal} är nöjda.',
  '{Mamma} och {barnet} hade umgänge i helgen, det gick {bra}.',
  'Familjehemmet berättar att {barnet} sover bättre och {går} till {skolan} varje dag.',
  'Handläggaren ringde {skolan}: {barnet} behöver stöd med läxor och {ämne}.',
  '{Barnet} vill {önskan}.',
  'Personalen på boendet har märkt att {barnet} {mår} {bra} men saknar {mamma}.',
  'Barnsamtal utan familjehemmet närvarande; {barnet} {trivs} och vill bo kvar.',
  'Planerat besök flyttades en vecka på grund av sjukdom i {hemmet}.',
  '{Barnet} har börjat med {aktivitet} och verkar glad över det.',
  'Vårdnadshavare informerades om {ämne} per telefon.',
];
const words: Record<string, readonly string[]> = {
  Barnet: ['Barnet', 'Flickan', 'Pojken', 'Ungdomen', 'Hon', 'Han'],
  barnet: ['barnet', 'flickan', 'pojken', 'ungdomen', 'barnets syster', 'barnens bror'],
  Barnen: ['Barnen', 'Barnens syskon', 'Ungdomarna'],
  trivs: ['trivs', 'trivs bra', 'trivs inte riktigt', 'trivdes'],
  hemmet: ['hemmet', 'familjehemmet', 'jourhemmet', 'boendet', 'familjehemmets hus'],
  berättar: ['berättar', 'berättade', 'pratar gärna', 'säger lite'],
  skolan: ['skolan', 'skolans kurator', 'skolans rektor', 'skola och fritids', 'förskolan', 'den nya skolan'],
  besöket: ['besöket', 'hembesöket', 'uppföljningsbesöket', 'dagens besök'],
  personal: ['personal', 'personalen', 'kontaktpersonen', 'familjehemsföräldrarna', 'familjehemssekreteraren', 'handläggaren'],
  ämne: [
    'skolan', 'kamrater', 'sömn', 'mående', 'umgänge', 'läxor', 'fritids', 'mat', 'telefonen', 'pappa', 'mamma', 'syskonen',
    'fotbollen', 'framtiden', 'kontakt med BUP', 'hälsan', 'tandläkare', 'pengar', 'sommarlovet', 'praktiken',
  ],
  det: ['det', 'allt', 'skolarbetet', 'samtalen'],
  går: ['går', 'gick', 'fungerar'],
  oro: ['oro', 'ängslan', 'ilska', 'svårt att sova', 'ont i magen'],
  Mamma: ['Mamma', 'Pappa', 'Mormor', 'Farmor', 'Vårdnadshavaren'],
  mamma: ['mamma', 'pappa', 'sina syskon', 'mormor', 'kompisarna hemma'],
  bra: ['bra', 'ganska bra', 'mindre bra', 'lugnt', 'inte så bra'],
  önskan: ['bo kvar', 'träffa mamma oftare', 'byta skola', 'ha mer fickpengar', 'börja på gymnasiet', 'flytta hem'],
  mår: ['mår', 'mådde', 'verkar må'],
  aktivitet: ['fotboll', 'innebandy', 'dans', 'simning', 'musikskolan', 'teater', 'gymmet'],
};
/** Rare additions, the first less rare than the last: from a few notes in a thousand to one in ten thousand. */
const rare = [
  'Hon ska till logoped nästa vecka.', 'Han har börjat i simskola.', 'Planerar ridläger i sommar.', 'Spelar klarinett i musikskolan.',
  'Konfirmation i maj, familjen bjuds in.', 'Vill ta körkort.', 'Mopeden har gått sönder.', 'Sköter akvariet själv.',
  'Behöver nya glasögon.', 'Går på scouterna varje tisdag.', 'Har diabetes och sköter insulinet.', 'Ny hörapparat utprovad.',
  'Tolk behövs vid samtalen.', 'Rymt från boendet en natt, polisen kontaktades.', 'Självskada har förekommit, kontakt med BUP.',
  'Brandlarmet gick på natten, ingen skadad.',
];

/** Texts of 100–600 characters from the frames, seeded. */
function noteText(rnd: ReturnType<typeof seeded>): string {
  const length = rnd.int(100, 600);
  let text = '';
  while (text.length < length) {
    const sentence = rnd.chance(0.004)
      ? rare[Math.min(rare.length - 1, Math.floor(rare.length * rnd.next() ** 3))]!
      : rnd.pick(frames).replace(/\{(\p{L}+)\}/gu, (_, slot: string) => rnd.pick(words[slot]!));
    if (text.length > 100 && text.length + sentence.length > 600) break;
    text += (text === '' ? '' : ' ') + sentence;
  }
  return text.slice(0, 600);
}

/** The FTS row of a note as migration 12's trigger makes it (noteTermsSelect): its stems, without a protected child's name. */
const termsSelect = noteTermsSelect('n');

const uuid = (kind: number, n: number) => `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/**
 * `notes` signed notes into the register at `file`, over the ten years to the bench's date, oldest
 * first (as they were signed): every `notes / historyNotes`th on the busy home.
 */
function writeNotes(file: string, notes: number, register: JournalRegister) {
  const raw = new BetterSqlite3(file);
  try {
    registerSwedishFunctions(raw);
    registerLogFunctions(raw);
    raw.pragma('journal_mode = DELETE');
    raw.pragma('journal_mode = OFF');
    raw.pragma('synchronous = OFF');
    raw.pragma('cache_size = -1000000');
    raw.pragma('temp_store = MEMORY');
    raw.pragma('threads = 2');
    const indexes = raw.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'notes' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
    for (const { name } of indexes) raw.exec(`DROP INDEX ${name}`);
    // The logging trigger would log each note as a change by no one: left out, and put back as it was.
    const logged = raw.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name = 'notes_insert_logged'").get() as { name: string; sql: string } | undefined;
    if (logged) raw.exec(`DROP TRIGGER ${logged.name}`);
    // The search index: filled afterwards in one statement (the trigger's own SELECT), unless BENCH_NOTES_TRIGGER=1.
    const byTrigger = process.env.BENCH_NOTES_TRIGGER === '1';
    const indexed = raw.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name = 'notes_indexed'").get() as { name: string; sql: string };
    if (!byTrigger) raw.exec(`DROP TRIGGER ${indexed.name}`);
    const insert = raw.prepare(
      'INSERT INTO notes (id, home_id, placement_id, author, written_on, category, text, signed_at, corrects) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)',
    );
    const rnd = seeded(20261206);
    const authorNames = Array.from({ length: authors }, (_, i) => `${first[i % first.length]!} ${last[Math.floor(i / first.length) % last.length]!}${i >= first.length * last.length ? ` ${i}` : ''}`);
    const end = Date.parse(`${benchDate}T16:00:00.000Z`);
    const span = Math.round(10 * 365.25) * 24 * 3600 * 1000;
    const every = Math.max(1, Math.floor(notes / historyNotes));
    let shortest = Infinity;
    let longest = 0;
    let from = '';
    let to = '';
    const rowsStart = performance.now();
    const batch = 100_000;
    for (let start = 0; start < notes; start += batch) {
      raw.exec('BEGIN');
      for (let i = start; i < Math.min(notes, start + batch); i++) {
        const signed = new Date(end - span + Math.floor((i * span) / notes));
        const writtenOn = new Date(signed.getTime() - rnd.int(0, 3) * 24 * 3600 * 1000).toISOString().slice(0, 10);
        let homeId: string;
        let placementId: string | null;
        if (i % every === 0 && i / every < historyNotes) {
          homeId = historyHomeId;
          // The placement at the home around then (they follow one another over the ten years).
          const k = Math.min(historyPlacements - 1, Math.floor(((notes - 1 - i) / notes) * historyPlacements));
          placementId = rnd.chance(0.6) ? register.historyPlacementIds[k]! : null;
        } else {
          const target = rnd.pick(register.targets);
          homeId = target.homeId;
          placementId = rnd.chance(0.6) ? target.placementId : null;
        }
        const text = noteText(rnd);
        shortest = Math.min(shortest, text.length);
        longest = Math.max(longest, text.length);
        if (from === '') from = writtenOn;
        to = writtenOn;
        // Authors' work uneven: the square favours the first.
        insert.run(uuid(0x0e, i + 1), homeId, placementId, authorNames[Math.floor(rnd.next() ** 2 * authors)]!, writtenOn, rnd.pick(noteCategories), text, signed.toISOString());
      }
      raw.exec('COMMIT');
    }
    const rowsMs = performance.now() - rowsStart;
    const searchStart = performance.now();
    if (!byTrigger) {
      raw.exec('BEGIN');
      raw.exec(`INSERT INTO notes_search (rowid, terms) ${termsSelect} FROM notes n`);
      raw.exec(indexed.sql);
      raw.exec('COMMIT');
    }
    const searchMs = performance.now() - searchStart;
    const indexStart = performance.now();
    for (const { sql } of indexes) raw.exec(sql);
    if (logged) raw.exec(logged.sql);
    const indexMs = performance.now() - indexStart;
    raw.pragma('journal_mode = WAL');
    return { byTrigger, rowsMs, searchMs, indexMs, shortest, longest, from, to };
  } finally {
    raw.close();
  }
}

const perMillion = (took: number, notes: number) => `${(took / 1000 / (notes / 1e6)).toFixed(0)} s a million`;
const hitCount = (n: number) => (n > 1000 ? '1 000+' : String(n));
const range = (values: readonly number[]) => `${hitCount(Math.min(...values))}–${hitCount(Math.max(...values))} (${values.filter((n) => n <= 1000).length} of ${values.length} words under the cap)`;
