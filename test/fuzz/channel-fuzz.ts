/**
 * Issue 17, hardening: every channel of the contract fuzzed through the real dispatch, gate,
 * handlers and services over a real SQLite register (a copy of a seeded one per channel), signed
 * in as an administratör so that every channel is reachable.
 *
 * Per channel, payloads from its own zod schema (schema-arbitrary.ts: valid ones, naming real
 * records part of the time) and the same payloads mutated (mutations.ts). For every payload:
 *
 * - dispatch resolves (never throws or rejects) to the envelope `{ ok: true, value }` or
 *   `{ ok: false, error: { code, message, issues? } }`, and the value survives structured clone
 *   (IPC) and JSON (the browser host);
 * - the code is never INTERNAL, and a payload the channel's schema refuses is refused as VALIDATION
 *   before any handler runs;
 * - the message and every issue's message are Swedish sentences for a person: not empty, no stack
 *   trace, no "Error", none of zod's English defaults, no file paths, no SQL;
 * - a refused call leaves the register as it was: every table hashed before and after, except the
 *   access log, which may only have grown by `refused` entries (a wrong PIN is logged, decision 14;
 *   the log triggers refuse UPDATE and DELETE anyway). `total_changes()` of the one connection says
 *   cheaply whether anything was written at all; the tables are hashed only when it moved (a
 *   write rolled back moves it too);
 * - nothing was added to Object.prototype (`__proto__` and `constructor` keys), and nothing was
 *   logged with console.error (an INTERNAL is; so is an export job that failed in the background);
 * - a successful answer (and a CSV file it carries) shows no object or function as text: the
 *   seeded register holds text named like a property every object has (`__proto__`,
 *   `constructor`), as a window may have saved it.
 *
 * At the end of each channel the access log's hash chain must still verify.
 *
 * Used by test/integration/ipc-fuzz.test.ts (a few dozen payloads per channel), by
 * scripts/fuzz-channels.ts (thousands) and by the bench's `fuzz` part.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import type { z } from 'zod';
import { openDatabase, type Connection } from '../../main/db/connection';
import { checklistItemsSchema, defaultChecklist } from '../../main/domain/audit-checklist';
import { ruleParametersSchema } from '../../main/domain/rule-settings';
import { dispatch } from '../../main/ipc/dispatch';
import { createHandlers, type Handlers } from '../../main/ipc/handlers';
import { createServices, type Services } from '../../main/services';
import { channels, contract, type Channel, type Result } from '../../preload/api';
import { testClock } from '../clock';
import { signInAs } from '../signed-in';
import { describe, mutatedArbitrary } from './mutations';
import { arbitraryFor, type SchemaHints, type SchemaPath } from './schema-arbitrary';

/** The day the register is seeded for and the services' clock stands on (test/clock.ts). */
export const FUZZ_TODAY = '2026-11-22';

/** Channels whose work is heavy (a PDF, the whole register): a quarter of the payloads, at least a few. */
export const heavyChannels: ReadonlySet<Channel> = new Set<Channel>([
  'getHomeHistoryReport',
  'getBoardReportPdf',
  'getIvoListPdf',
  'getAuditReport',
]);

export type FindingKind = 'threw' | 'hung' | 'envelope' | 'internal' | 'not-validation' | 'message' | 'db-changed' | 'prototype' | 'console' | 'log-chain' | 'output';

export interface Finding {
  channel: Channel;
  kind: FindingKind;
  /** The payload as describe() shows it, and how it was mutated from a valid one. */
  payload: string;
  how: string[];
  detail: string;
}

export interface ChannelTally {
  channel: Channel;
  payloads: number;
  /** Payloads the channel's schema accepts (the rest must come back as VALIDATION from dispatch). */
  accepted: number;
  /** Of the payloads made valid (before the mutated ones), how many the schema accepts: the generator's own health. */
  valid: number;
  validAccepted: number;
  ok: number;
  /** Refused by the contract before any handler ran. */
  contractRefused: number;
  /** Refused by the gate or the service, by code. */
  serviceRefused: Partial<Record<string, number>>;
  internal: number;
  findings: number;
  ms: number;
  slowestMs: number;
  /** The slowest call's payload, as describe() shows it. */
  slowest: string;
}

export interface FuzzOptions {
  /** Payloads per channel (a quarter for the heavy ones); about 40 % valid, the rest mutated. */
  perChannel: number;
  seed: number;
  /** Only these channels (all by default). */
  only?: readonly Channel[];
  /** After each channel. */
  onChannel?(tally: ChannelTally): void;
  /** Where the registers go; a new folder under the system's temp folder by default. */
  dir?: string;
}

export interface FuzzRun {
  tallies: ChannelTally[];
  findings: Finding[];
  seen: Seen;
  ms: number;
}

/** What a run saw besides its findings. */
export interface Seen {
  /** Every distinct refusal message, with how often: for reading, and for the Swedish check's blind spots. */
  messages: Map<string, number>;
  /**
   * Worth a look but no finding, each with how often and an example: a message that names a field
   * as the code does (`endedOn`), an answer with a thousand issues.
   */
  observations: Map<string, { count: number; example: string }>;
}

export const newSeen = (): Seen => ({ messages: new Map(), observations: new Map() });

function observe(seen: Seen, what: string, example: string): void {
  const known = seen.observations.get(what);
  if (known) known.count++;
  else seen.observations.set(what, { count: 1, example });
}

// ---------------------------------------------------------------------------------------------
// The register every channel starts from

export interface FuzzRegister {
  file: string;
  adminId: string;
  pools: Pools;
  /**
   * Whole payloads the window would send, made from the seeded register, for the channels whose
   * rules a payload made up leaf by leaf seldom meets (a placement's stays tiling it, a checklist
   * answered item by item). Some valid payloads are these, and so are some that are mutated: one
   * wrong field in an otherwise right payload is where a service's own checks are tried.
   */
  examples: Partial<Record<Channel, unknown[]>>;
}

type PoolName =
  | 'homes' | 'persons' | 'children' | 'placements' | 'events' | 'registerChecks' | 'notes' | 'noteDrafts' | 'assessments' | 'deviations'
  | 'auditRounds' | 'auditActions' | 'users' | 'checklistItems' | 'dates' | 'municipalities' | 'units' | 'caseworkers' | 'homeNames'
  | 'authors' | 'parameters';
type Pools = Record<PoolName, string[]>;

const handlerContext = (file: string) => ({ host: 'browser' as const, databasePath: file, encrypted: false, version: 'fuzz' });

/** Calls a channel as the window would and insists it works: the seed is no place for surprises. */
async function call<T>(handlers: Handlers, channel: Channel, input: unknown): Promise<T> {
  const result = (await dispatch(channel, input, handlers)) as Result<T>;
  if (!result.ok) throw new Error(`seeding the fuzz register: ${channel} was refused: ${JSON.stringify(result.error)}`);
  return result.value;
}

/**
 * The register every channel's fuzzing starts from, made in `dir` (template.sqlite): the demo
 * register (homes, households, children, placements, events, register checks) and, through the
 * channels, what it lacks: notes and drafts, an assessment, a deviation with a step, an audit round
 * with an action, a child without placements, an omplacering, and users of every role (one with a
 * PIN, one inactive).
 */
export async function createFuzzRegister(dir: string): Promise<FuzzRegister> {
  const file = path.join(dir, 'template.sqlite');
  const connection = await openDatabase(file);
  try {
    const services = createServices(connection.db, { clock: testClock() });
    await services.demo.load(FUZZ_TODAY);
    const handlers = createHandlers(services, handlerContext(file));
    await signInAs(services, 'handlaggare');
    await signInAs(services, 'enhetschef');
    const adminId = await signInAs(services, 'administrator');
    await call(handlers, 'saveUser', { name: 'Pia Pinsson', initials: 'PP', role: 'handlaggare', units: ['Barn och unga'], active: true, pin: '4711' });
    await call(handlers, 'saveUser', { name: 'Ivar Inaktivsson', initials: 'II', role: 'enhetschef', units: [], active: false, pin: null });

    const placements = await connection.db.selectFrom('placements').select('id').orderBy('id').execute();
    const homes = await connection.db.selectFrom('homes').select('id').orderBy('id').execute();
    const placementId = placements[0]!.id;
    const homeId = homes[0]!.id;
    const draft = await call<{ id: string }>(handlers, 'saveNoteDraft', { placementId, category: 'barnsamtal', writtenOn: '2026-11-20', text: 'Samtal med barnet om skolan.', corrects: null });
    await call(handlers, 'signNote', { id: draft.id });
    await call(handlers, 'saveNoteDraft', { homeId, category: 'erfarenhet', writtenOn: '2026-11-21', text: 'Besök i hemmet.\nAllt väl.', corrects: null });
    await call(handlers, 'recordAssessment', {
      placementId, assessedOn: '2026-11-01', eventId: null, scores: { trygghet: 4, skola: 3 }, childVoice: 'trivs', comment: 'Trivs.', corrects: null, recordedBy: 'x',
    });
    const deviation = await call<{ id: string }>(handlers, 'recordDeviation', {
      homeId, reportedOn: '2026-11-10', kind: 'lex-sarah', category: null, severity: 'allvarlig', description: 'Barnet lämnades utan tillsyn en natt.', recordedBy: 'x',
    });
    await call(handlers, 'addDeviationStep', { deviationId: deviation.id, step: 'under-utredning', date: '2026-11-11', text: null, serious: null, recordedBy: 'x' });
    const round = await call<{ id: string }>(handlers, 'createAuditRound', {
      name: 'Fuzzomgången', from: '2024-01-01', to: FUZZ_TODAY, unit: null, form: null, legalBasis: null, caseworker: null,
      size: { kind: 'count', value: 3 }, exclusionMonths: null, seed: 'fuzz', recordedBy: 'x',
    });
    await call(handlers, 'addAuditAction', { roundId: round.id, action: 'Rutin för övervägande.', responsible: 'Enhetschefen', dueOn: '2027-03-01', recordedBy: 'x' });
    // Text the register takes that a careless lookup does not: names every object has, as stored values.
    await call(handlers, 'recordDeviation', {
      homeId, reportedOn: '2026-11-12', kind: 'avvikelse', category: '__proto__', severity: 'lag', description: 'Kategorin heter som en egenskap alla objekt har.', recordedBy: 'x',
    });
    await call(handlers, 'recordDeviation', {
      placementId, reportedOn: '2026-11-13', kind: 'avvikelse', category: 'constructor', severity: 'lag', description: 'Kategorin heter som en egenskap alla objekt har.', recordedBy: 'x',
    });
    await call(handlers, 'saveHome', {
      kind: 'hvb', name: 'toString', municipality: 'Timrå', operator: 'enskild', targetGroup: { minAge: 13, maxAge: 17, gender: 'alla', needs: ['constructor', '__proto__'] },
    });
    const examples = await examplesFrom(handlers, connection, round.id);

    const ids = async (table: 'homes' | 'persons' | 'children' | 'placements' | 'events' | 'registerChecks' | 'notes' | 'noteDrafts' | 'assessments' | 'deviations' | 'auditRounds' | 'auditActions') =>
      (await connection.db.selectFrom(table).select('id').execute()).map((row) => row.id);
    const distinct = (sql: string) => (connection.raw.prepare(sql).pluck().all() as (string | null)[]).filter((v): v is string => typeof v === 'string' && v !== '');
    const pools: Pools = {
      homes: await ids('homes'),
      persons: await ids('persons'),
      children: await ids('children'),
      placements: await ids('placements'),
      events: await ids('events'),
      registerChecks: await ids('registerChecks'),
      notes: await ids('notes'),
      noteDrafts: await ids('noteDrafts'),
      assessments: await ids('assessments'),
      deviations: await ids('deviations'),
      auditRounds: await ids('auditRounds'),
      auditActions: await ids('auditActions'),
      // Never the fuzzing administratör: a payload must not sign it out of its own role.
      users: (await connection.db.selectFrom('users').select('id').where('id', '!=', adminId).execute()).map((row) => row.id),
      checklistItems: defaultChecklist.items.map((item) => item.id),
      dates: distinct(`SELECT d FROM (SELECT from_date AS d FROM stays UNION SELECT started_on FROM placements UNION SELECT decided_on FROM placements
        UNION SELECT ended_on FROM placements UNION SELECT date FROM events) ORDER BY d LIMIT 60`),
      municipalities: distinct('SELECT DISTINCT municipality FROM homes'),
      units: distinct('SELECT DISTINCT unit FROM placements'),
      caseworkers: distinct('SELECT DISTINCT caseworker FROM placements'),
      homeNames: distinct('SELECT name FROM homes'),
      authors: distinct('SELECT author FROM note_authors'),
      parameters: Object.keys(ruleParametersSchema.shape),
    };
    return { file, adminId, pools, examples };
  } finally {
    await connection.close();
  }
}

/** FuzzRegister.examples: read from the seeded register through the channels, as the window reads what it then sends. */
async function examplesFrom(handlers: Handlers, connection: Connection, roundId: string): Promise<Partial<Record<Channel, unknown[]>>> {
  const read = <T>(channel: Channel, input: unknown) => call<T>(handlers, channel, input);
  const homeOfKind = async (kind: string) => (await connection.db.selectFrom('homes').select('id').where('kind', '=', kind).orderBy('id').executeTakeFirstOrThrow()).id;
  const familjehem = await homeOfKind('familjehem');
  const hvb = await homeOfKind('hvb');
  const open = (await connection.db.selectFrom('placements').select('id').where('endedOn', 'is', null).orderBy('id').execute()).map((p) => p.id);

  type Detail = { placement: { id: string; childId: string; legalBasis: string; decidedOn: string; startedOn: string; endedOn: string | null; endReason: string | null; caseworker: string | null; unit: string | null; dailyCost: number | null; rowVersion: number; stays: { homeId: string | null; from: string; to: string | null; decidedOn: string | null; investigationCompletedOn: string | null }[] } };
  const asSaved = ({ placement: p }: Detail) => ({
    id: p.id, childId: p.childId, legalBasis: p.legalBasis, decidedOn: p.decidedOn, startedOn: p.startedOn, endedOn: p.endedOn, endReason: p.endReason,
    caseworker: p.caseworker, unit: p.unit, dailyCost: p.dailyCost, rowVersion: p.rowVersion,
    stays: p.stays.map((s) => ({ homeId: s.homeId, from: s.from, to: s.to, decidedOn: s.decidedOn, investigationCompletedOn: s.investigationCompletedOn })),
  });
  const placements = await Promise.all(open.slice(0, 3).map((id) => read<Detail>('getPlacement', { id, date: FUZZ_TODAY, reveal: true, reason: 'Fuzzning av kanalerna.' })));

  // An omplacering to undo, and a child without placements to remove.
  const moved = open.at(-1)!;
  await read('movePlacement', { id: moved, on: '2026-11-15', homeId: familjehem });
  const lone = await read<{ id: string }>('saveChild', { name: 'E.E.', birthDate: '2014-04-04', personnummer: null, protectedIdentity: false });

  type HomeView = { id: string; kind: string; name: string; orgNr: string | null; operator: string | null; municipality: string | null; capacity: number | null; targetGroup: unknown; agency: string | null; rowVersion: number; persons: { id: string; name: string; role: string; birthYear: number | null }[] };
  const homes = await Promise.all([familjehem, hvb].map((id) => read<HomeView>('getHome', { id })));
  const rules = await read<{ parameters: { key: string; value: number }[]; references: unknown[]; catalogue: unknown[]; version: number }>('getRuleSettings', {});
  const quality = await read<{ settings: unknown; version: number }>('getQualitySettings', {});
  const checklist = await read<{ version: number; items: unknown[] }>('getAuditChecklist', {});
  const file = await read<{ items: { item: { id: string }; proposed: { answer: string } | null }[] }>('getAuditFile', { roundId, ordinal: 1 });
  const check = connection.raw.prepare("SELECT * FROM register_checks WHERE person_id IS NOT NULL ORDER BY id LIMIT 1").get() as Record<string, string> & { row_version: number };
  const person = check.person_id!;
  const action = (await connection.db.selectFrom('auditActions').select('id').executeTakeFirstOrThrow()).id;
  const deviation = (await connection.db.selectFrom('deviations').select('id').executeTakeFirstOrThrow()).id;

  return {
    savePlacement: [
      ...placements.map(asSaved),
      {
        newChild: { name: 'N.N.', birthDate: '2015-05-05', personnummer: null, protectedIdentity: false }, legalBasis: 'SoL', decidedOn: '2026-11-01', startedOn: '2026-11-02',
        endedOn: null, endReason: null, caseworker: 'Handläggare Exempel A', unit: 'Barn och unga Nord', dailyCost: 1200, stays: [{ homeId: familjehem, from: '2026-11-02' }],
      },
    ],
    saveHome: [
      ...homes.map(({ id, kind, name, orgNr, operator, municipality, capacity, targetGroup, agency, rowVersion, persons }) => ({
        id, kind, name, orgNr, operator, municipality, capacity, targetGroup, agency, rowVersion, persons: persons.map(({ id: pid, name: n, role, birthYear }) => ({ id: pid, name: n, role, birthYear })),
      })),
      { kind: 'hvb', name: 'Fuzzgårdens HVB', orgNr: null, operator: 'enskild', municipality: 'Timrå', capacity: 6, targetGroup: { minAge: 13, maxAge: 17, gender: 'alla', needs: ['missbruk'] }, agency: null, persons: [] },
    ],
    movePlacement: open.slice(0, 2).map((id) => ({ id, on: '2026-11-20', homeId: familjehem, decidedOn: null, investigationCompletedOn: null })),
    undoMove: [{ id: moved, homeId: familjehem, from: '2026-11-15' }],
    endPlacement: open.slice(0, 2).map((id) => ({ id, on: '2026-11-20', reason: 'planerad' })),
    removeChild: [{ id: lone.id, reason: 'Registrerad två gånger.', removedBy: 'x' }],
    recordEvent: [
      { placementId: open[0], type: 'overvagande', date: '2026-11-20', comment: 'Nämnden 20 nov.', verdict: null },
      { homeId: hvb, type: 'ivo-tillsyn', date: '2026-11-01', comment: null, verdict: 'kritik' },
    ],
    recordRegisterCheck: [
      { personId: person, register: 'belastningsregistret', checkedOn: '2026-11-20', outcome: 'utan-anmarkning', reference: 'Dnr 1', permit: null, recordedBy: 'x' },
      { homeId: hvb, register: 'ivo-tillstand', checkedOn: '2026-11-20', outcome: 'giltigt', reference: null, permit: { forms: ['hvb'], minAge: 13, maxAge: 17, places: 8, targetGroup: null, holderOrgNr: null }, recordedBy: 'x' },
    ],
    correctRegisterCheck: [
      { id: check.id, personId: person, register: check.register, checkedOn: '2026-04-21', outcome: check.outcome, reference: check.reference, permit: null, recordedBy: 'x', reason: 'Fel datum.', rowVersion: check.row_version },
    ],
    addDeviationStep: [{ deviationId: deviation, step: 'bedomning', date: '2026-11-15', text: null, serious: true, recordedBy: 'x' }],
    completeAuditAction: [{ id: action, doneOn: FUZZ_TODAY, recordedBy: 'x' }],
    saveAuditFile: [
      {
        roundId, ordinal: 1, recordedBy: 'x',
        answers: file.items.map(({ item, proposed }) => ({ itemId: item.id, answer: proposed?.answer ?? 'ja', comment: '', overrideReason: null, alreadyReported: false })),
      },
    ],
    saveRuleSettings: [
      { parameters: {}, references: rules.references, catalogue: rules.catalogue, version: rules.version, changedBy: 'x', reason: 'Oförändrat.' },
      { parameters: { leadDays: 20 }, references: rules.references, version: rules.version, changedBy: 'x', reason: 'Kortare varsel.' },
    ],
    saveQualitySettings: [{ settings: quality.settings, version: quality.version, changedBy: 'x', reason: 'Oförändrat.' }],
    saveAuditChecklist: [{ items: checklist.items, version: checklist.version, reason: 'Oförändrad.', changedBy: 'x' }],
  };
}

// ---------------------------------------------------------------------------------------------
// What each place in a payload may name

/** Which records a channel's own `id` names. */
const idOf: Partial<Record<Channel, PoolName>> = {
  getHome: 'homes', saveHome: 'homes', setHomeActive: 'homes', findSimilarHomes: 'homes',
  getChild: 'children', saveChild: 'children', removeChild: 'children',
  getPlacement: 'placements', savePlacement: 'placements', movePlacement: 'placements', undoMove: 'placements', endPlacement: 'placements', removePlacement: 'placements',
  removeEvent: 'events',
  correctRegisterCheck: 'registerChecks', removeRegisterCheck: 'registerChecks',
  saveNoteDraft: 'noteDrafts', removeNoteDraft: 'noteDrafts', signNote: 'noteDrafts',
  getDeviation: 'deviations',
  getAuditRound: 'auditRounds', getAuditReport: 'auditRounds',
  completeAuditAction: 'auditActions',
  saveUser: 'users',
};

const byKey: Record<string, PoolName> = {
  homeId: 'homes', homeIds: 'homes', personId: 'persons', childId: 'children', placementId: 'placements', eventId: 'events', deviationId: 'deviations',
  roundId: 'auditRounds', userId: 'users', itemId: 'checklistItems', municipality: 'municipalities', unit: 'units', caseworker: 'caseworkers',
  author: 'authors', units: 'units',
};

const isDateKey = (key: string) => /^(date|from|to|on|today)$|On$|Date$|^valid/.test(key);

function hintsFor(channel: Channel, pools: Pools, jobs: readonly string[]): SchemaHints {
  return {
    numbersAt(at: SchemaPath) {
      const key = at.at(-1);
      if (key === 'version') return [0, 1, 2];
      // A record's version as read (migration 16): the seeded register's rows are at their first few.
      if (key === 'rowVersion') return [1, 2, 3];
      if (key === 'ordinal') return [1, 2, 3];
      return undefined;
    },
    stringsAt(at: SchemaPath) {
      const keys = at.filter((k) => k !== '[]');
      const key = keys.at(-1);
      if (at.at(-1) === '{}') return pools.parameters;
      if (key === undefined) return undefined;
      if (key === 'jobId') return jobs;
      if (key === 'corrects') return channel === 'recordAssessment' ? pools.assessments : pools.notes;
      if (key === 'id') {
        const container = keys.at(-2);
        if (container === 'persons') return pools.persons;
        if (container === 'items') return pools.checklistItems;
        const own = idOf[channel];
        return own ? pools[own] : undefined;
      }
      if (key === 'name' && (channel === 'findSimilarHomes' || channel === 'saveHome')) return pools.homeNames;
      if (isDateKey(key)) return pools.dates;
      const pool = byKey[key];
      return pool ? pools[pool] : undefined;
    },
    // The checklist's items are checked by the service itself (main/domain/audit-checklist.ts).
    unknownAt: (at: SchemaPath) => (channel === 'saveAuditChecklist' && at[0] === 'items' ? checklistItemsSchema.element : undefined),
  };
}

// ---------------------------------------------------------------------------------------------
// The register's fingerprint

interface Fingerprint {
  changes: number;
  /** Every table but the access log, each hashed. */
  tables: Map<string, string>;
  logSeq: number;
  logHash: string;
}

const totalChanges = (connection: Connection) => connection.raw.prepare('SELECT total_changes()').pluck().get() as number;

function hashRows(rows: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

function tableNames(connection: Connection): string[] {
  const tables = connection.raw.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string; sql: string }[];
  // A virtual table's rows live in its shadow tables, which are hashed as tables of their own.
  return tables.filter((t) => !/^CREATE VIRTUAL/i.test(t.sql)).map((t) => t.name);
}

function fingerprint(connection: Connection, names: readonly string[]): Fingerprint {
  const tables = new Map<string, string>();
  for (const name of names) {
    if (name === 'access_log') continue;
    tables.set(name, hashRows(connection.raw.prepare(`SELECT * FROM "${name}"`).raw().all()));
  }
  const logSeq = (connection.raw.prepare('SELECT coalesce(max(seq), 0) FROM access_log').pluck().get() as number) ?? 0;
  return { changes: totalChanges(connection), tables, logSeq, logHash: logHashUpTo(connection, logSeq) };
}

const logHashUpTo = (connection: Connection, seq: number) => hashRows(connection.raw.prepare('SELECT * FROM access_log WHERE seq <= ? ORDER BY seq').raw().all(seq));

/** What changed since `before`, or null: tables by name; the access log only if it lost or changed an entry or gained one that is not a refusal. */
function changedSince(connection: Connection, names: readonly string[], before: Fingerprint): string | null {
  const after = fingerprint(connection, names);
  const tables = [...before.tables].filter(([name, hash]) => after.tables.get(name) !== hash).map(([name]) => name);
  const problems: string[] = tables.length > 0 ? [`tables changed: ${tables.join(', ')}`] : [];
  if (logHashUpTo(connection, before.logSeq) !== before.logHash) problems.push('entries of the access log changed');
  const added = connection.raw.prepare('SELECT action FROM access_log WHERE seq > ?').pluck().all(before.logSeq) as string[];
  const unexpected = added.filter((action) => action !== 'refused');
  if (unexpected.length > 0) problems.push(`the access log gained ${unexpected.join(', ')}`);
  return problems.length > 0 ? problems.join('; ') : null;
}

// ---------------------------------------------------------------------------------------------
// What a person may be shown

/** zod's English defaults (its `en` locale) and what only a programmer writes. */
const notForPeople: [RegExp, string][] = [
  [/\b(Invalid|Too (small|big)|Unrecognized key|Expected|expected|received|Required)\b/, "zod's English default text"],
  [/\bError\b|\berror:|Exception|TypeError|RangeError|SyntaxError/, 'an error name'],
  [/\n\s*at |\bat [\w.<>]+ \(|:\d+:\d+\)?$/m, 'a stack trace'],
  [/(^|[\s(])\/[\w.-]+\/[\w./-]+|[A-Za-z]:\\|\.(ts|js|mjs|cjs)\b|node_modules/, 'a file path'],
  [/SQLITE|\bsqlite\b|SELECT |INSERT |UPDATE |constraint failed|no such (table|column)/i, 'SQL'],
  [/\b(undefined|NaN|\[object Object\]|null is|is not a function|Cannot read)\b/, 'a programmer’s word'],
];

/** A message without what it quotes back ("Ingen kommun heter "undefined"."): what a person typed is theirs. */
const ownWords = (text: string) => text.replace(/"[^"]*"/g, '""');

/** Why `text` is no message for a person, or null when it is one. */
export function messageProblem(text: unknown): string | null {
  if (typeof text !== 'string') return `not a string: ${describe(text)}`;
  if (text.trim() === '') return 'empty';
  if (!/[A-Za-zÅÄÖåäö]/.test(text)) return 'no words';
  for (const [pattern, what] of notForPeople) if (pattern.test(ownWords(text))) return what;
  return null;
}

// ---------------------------------------------------------------------------------------------
// One channel

const errorCodes = new Set(['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'INTERNAL']);
const CALL_TIMEOUT_MS = 60_000;
/** A call slower than this is worth a look (the window waits for it), though no finding. */
const SLOW_CALL_MS = 2_000;

/** A stable seed per channel: adding a channel does not change the payloads of the others. */
function channelSeed(seed: number, channel: string): number {
  return createHash('sha256').update(`${seed}:${channel}`).digest().readInt32LE(0);
}

export function payloadCounts(channel: Channel, perChannel: number): { valid: number; mutated: number } {
  const total = heavyChannels.has(channel) ? Math.max(6, Math.round(perChannel / 4)) : perChannel;
  const valid = Math.max(1, Math.round(total * 0.4));
  return { valid, mutated: Math.max(1, total - valid) };
}

/** The payloads of a channel for `seed`: valid ones first, then mutated ones. */
export function payloadsFor(channel: Channel, perChannel: number, seed: number, hints: SchemaHints, examples: readonly unknown[] = []): Iterable<{ payload: unknown; how: string[] }> {
  const schema = contract[channel].input as z.ZodType;
  const { valid, mutated } = payloadCounts(channel, perChannel);
  const generated = arbitraryFor(schema, hints);
  const arbitrary = examples.length === 0 ? generated : fc.oneof({ arbitrary: generated, weight: 2 }, { arbitrary: fc.constantFrom(...examples), weight: 1 });
  const s = channelSeed(seed, channel);
  const mutations = mutatedArbitrary(arbitrary);
  // A chunk at a time, each from a seed of its own: thousands of payloads, some with a megabyte of text, are never all held at once.
  return (function* () {
    for (let done = 0, chunk = 0; done < valid; done += CHUNK, chunk++) {
      for (const payload of fc.sample(arbitrary, { seed: s + 2 * chunk, numRuns: Math.min(CHUNK, valid - done) })) yield { payload, how: [] as string[] };
    }
    for (let done = 0, chunk = 0; done < mutated; done += CHUNK, chunk++) {
      yield* fc.sample(mutations, { seed: s + 2 * chunk + 1, numRuns: Math.min(CHUNK, mutated - done) });
    }
  })();
}

const CHUNK = 100;

interface Open {
  connection: Connection;
  services: Services;
  handlers: Handlers;
  file: string;
}

async function openCopy(template: FuzzRegister, dir: string, channel: Channel): Promise<Open> {
  const file = path.join(dir, `${channel}.sqlite`);
  fs.copyFileSync(template.file, file);
  const connection = await openDatabase(file);
  const services = createServices(connection.db, { clock: testClock() });
  await services.users.signIn({ userId: template.adminId });
  return { connection, services, handlers: createHandlers(services, handlerContext(file)), file };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Waits (a bounded while) for the export jobs to end, so none outlives its register. */
async function settleExports(services: Services, owner: string, jobs: readonly string[]): Promise<string[]> {
  const failed: string[] = [];
  for (const job of jobs) {
    for (let turn = 0; turn < 200_000; turn++) {
      let state: string;
      try {
        const progress = services.exports.progress(owner, job);
        state = progress.state;
        if (state === 'failed') failed.push(`${job}: ${progress.message ?? ''}`);
      } catch {
        break; // fetched and forgotten already
      }
      if (state !== 'running') break;
      await nextTurn();
    }
  }
  return failed;
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function prototypeSnapshot(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) => Object.getOwnPropertyNames(p).sort().join(',')).join('|');
}

/**
 * Fuzzes one channel on a copy of `template` in `dir` (removed after): its tally and findings, and
 * what it saw added to `seen`.
 */
export async function fuzzChannel(
  channel: Channel,
  template: FuzzRegister,
  dir: string,
  options: Pick<FuzzOptions, 'perChannel' | 'seed'>,
  seen: Seen = newSeen(),
): Promise<{ tally: ChannelTally; findings: Finding[] }> {
  const { messages } = seen;
  const began = performance.now();
  const open = await openCopy(template, dir, channel);
  const { connection, services, handlers } = open;
  const findings: Finding[] = [];
  const tally: ChannelTally = { channel, payloads: 0, accepted: 0, valid: 0, validAccepted: 0, ok: 0, contractRefused: 0, serviceRefused: {}, internal: 0, findings: 0, ms: 0, slowestMs: 0, slowest: '' };
  const schema = contract[channel].input as z.ZodType;
  const names = tableNames(connection);
  const startedJobs: string[] = [];
  const logged: string[] = [];
  const originalError = console.error;
  console.error = (...args: unknown[]) => {
    logged.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(' '));
  };
  try {
    // Finished jobs to ask about, cancel or fetch (a fetched one is forgotten: later payloads get NOT_FOUND).
    const jobs: string[] = [];
    if (channel === 'exportProgress' || channel === 'cancelExport' || channel === 'exportResult') {
      const lists = [
        { list: 'auditRounds', filter: {}, format: 'csv' },
        { list: 'register', filter: { status: 'all' }, format: 'xlsx' },
        { list: 'deviations', filter: { date: FUZZ_TODAY }, format: 'csv' },
      ];
      for (const input of lists) jobs.push((await services.exports.start(input as never, template.adminId)).jobId);
      await settleExports(services, template.adminId, jobs);
    }
    const payloads = payloadsFor(channel, options.perChannel, options.seed, hintsFor(channel, template.pools, jobs), template.examples[channel]);
    const prototypes = prototypeSnapshot();
    let known = fingerprint(connection, names);

    for (const { payload, how } of payloads) {
      tally.payloads++;
      const shown = () => describe(payload);
      const find = (kind: FindingKind, detail: string) => {
        findings.push({ channel, kind, payload: shown(), how, detail });
        tally.findings++;
      };
      // The fuzzing administratör is who calls, whatever the last payload did (signIn, signOut).
      if (services.users.current() !== template.adminId) await services.users.signIn({ userId: template.adminId });
      if (totalChanges(connection) !== known.changes) known = fingerprint(connection, names);
      const acceptable = schema.safeParse(payload).success;
      if (acceptable) tally.accepted++;
      if (how.length === 0) {
        tally.valid++;
        if (acceptable) tally.validAccepted++;
      }
      const loggedBefore = logged.length;

      const start = performance.now();
      let result: unknown;
      try {
        result = await withTimeout(dispatch(channel, payload, handlers), CALL_TIMEOUT_MS);
      } catch (error) {
        find('threw', `dispatch rejected: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
        continue;
      }
      const took = performance.now() - start;
      if (took > SLOW_CALL_MS) observe(seen, `${channel}: a call took more than ${SLOW_CALL_MS / 1000} s`, `${Math.round(took)} ms for ${shown().slice(0, 200)}`);
      if (took > tally.slowestMs) {
        tally.slowestMs = took;
        tally.slowest = `${shown().slice(0, 300)}${how.length > 0 ? ` [${how.join('; ')}]` : ''}`;
      }
      if (result === 'timeout') {
        find('hung', `no answer in ${CALL_TIMEOUT_MS / 1000} s`);
        continue;
      }

      const envelope = checkEnvelope(result);
      if (envelope !== null) {
        find('envelope', envelope);
        continue;
      }
      const answer = result as Result<unknown>;
      if (answer.ok) {
        tally.ok++;
        const output = outputProblem(answer.value);
        if (output !== null) find('output', output);
        if (!acceptable) find('not-validation', 'the schema refuses this payload, yet the call succeeded');
        if (channel === 'startExport') startedJobs.push((answer.value as { jobId: string }).jobId);
      } else {
        const { code, message, issues } = answer.error;
        if (!acceptable) tally.contractRefused++;
        else tally.serviceRefused[code] = (tally.serviceRefused[code] ?? 0) + 1;
        if (code === 'INTERNAL') {
          tally.internal++;
          find('internal', `INTERNAL; logged: ${logged.slice(loggedBefore).join(' | ').slice(0, 600)}`);
        } else if (!acceptable && code !== 'VALIDATION') {
          find('not-validation', `the schema refuses this payload, yet the answer is ${code}: ${message}`);
        }
        for (const text of [message, ...(issues ?? []).map((issue) => issue.message)]) {
          messages.set(text, (messages.get(text) ?? 0) + 1);
          const problem = messageProblem(text);
          if (problem !== null) find('message', `${problem}: ${describe(text)} (${code})`);
          const identifier = /\b[a-z]+[A-Z][A-Za-z]*\b/.exec(ownWords(text));
          if (identifier) observe(seen, `${channel}: a message names "${identifier[0]}" as the code does`, text);
        }
        if ((issues?.length ?? 0) > 1_000) observe(seen, `${channel}: ${code} with more than 1 000 issues in one answer`, `${issues!.length} issues for ${shown().slice(0, 200)}`);
        if (totalChanges(connection) !== known.changes) {
          const changed = changedSince(connection, names, known);
          if (changed !== null) find('db-changed', `refused with ${code} (${message}), yet ${changed}`);
        }
      }
      if (prototypeSnapshot() !== prototypes || ({} as Record<string, unknown>).polluted !== undefined) {
        find('prototype', 'a built-in prototype gained a property');
        for (const key of ['polluted']) delete (Object.prototype as Record<string, unknown>)[key];
      }
      if (logged.length > loggedBefore && !(answer.ok === false && answer.error.code === 'INTERNAL')) {
        find('console', `console.error: ${logged.slice(loggedBefore).join(' | ').slice(0, 600)}`);
      }
    }

    const loggedBeforeJobs = logged.length;
    const failedJobs = await settleExports(services, template.adminId, startedJobs);
    for (const job of failedJobs) findings.push({ channel, kind: 'console', payload: '(an export started by a payload above)', how: [], detail: `the job failed in the background: ${job}; ${logged.slice(loggedBeforeJobs).join(' | ').slice(0, 600)}` });
    const chain = await services.users.verifyAccessLog();
    if (!chain.intact) findings.push({ channel, kind: 'log-chain', payload: '(after every payload)', how: [], detail: chain.message });
  } finally {
    console.error = originalError;
    await connection.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${open.file}${suffix}`, { force: true });
  }
  tally.findings = findings.length;
  tally.ms = performance.now() - began;
  return { tally, findings };
}

/**
 * What in a successful answer no person should read, or null: an object or a function written
 * as text (`[object Object]`, `function Object() { [native code] }`), in the answer or in a CSV
 * file it carries. No payload or seeded record holds such text, so it can only come from a
 * lookup that found a built-in property (`names[text]` for text `constructor`).
 */
function outputProblem(value: unknown): string | null {
  const leaked = /\[object Object\]|\[native code\]/;
  const texts: string[] = [];
  const visit = (v: unknown, depth: number) => {
    if (typeof v === 'string') texts.push(v);
    else if (depth < 12 && typeof v === 'object' && v !== null) for (const item of Object.values(v)) visit(item, depth + 1);
  };
  visit(value, 0);
  const file = value as { mimeType?: unknown; base64?: unknown } | null;
  if (typeof file?.mimeType === 'string' && file.mimeType.startsWith('text/csv') && typeof file.base64 === 'string') texts.push(Buffer.from(file.base64, 'base64').toString('utf8'));
  for (const text of texts) {
    const found = leaked.exec(text);
    if (found) {
      const line = text.split('\n').find((l) => l.includes(found[0])) ?? text;
      return `the answer shows ${JSON.stringify(found[0])}: ${describe(line.slice(0, 200))}`;
    }
  }
  return null;
}

/** What is wrong with an answer's shape, or null when it is the contract's envelope. */
function checkEnvelope(result: unknown): string | null {
  if (typeof result !== 'object' || result === null) return `not an object: ${describe(result)}`;
  const answer = result as Record<string, unknown>;
  if (answer.ok === true) {
    if (!('value' in answer)) return 'ok without a value';
    try {
      structuredClone(answer.value);
      JSON.stringify(answer.value);
    } catch (error) {
      return `the value cannot cross IPC or HTTP: ${String(error)}`;
    }
    return null;
  }
  if (answer.ok !== false) return `ok is ${describe(answer.ok)}`;
  const error = answer.error as Record<string, unknown> | undefined;
  if (typeof error !== 'object' || error === null) return 'ok: false without an error';
  if (typeof error.code !== 'string' || !errorCodes.has(error.code)) return `unknown code ${describe(error.code)}`;
  if (typeof error.message !== 'string') return 'no message';
  if (error.issues !== undefined) {
    if (!Array.isArray(error.issues)) return 'issues is not a list';
    for (const issue of error.issues as unknown[]) {
      const { path: at, message } = (issue ?? {}) as Record<string, unknown>;
      if (typeof at !== 'string' || (at !== '' && !at.startsWith('/'))) return `an issue's path is not a JSON pointer: ${describe(at)}`;
      if (typeof message !== 'string') return "an issue's message is not a string";
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Every channel

export async function fuzzChannels(options: FuzzOptions): Promise<FuzzRun> {
  const began = performance.now();
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pk-fuzz-'));
  const ownDir = options.dir === undefined;
  const seen = newSeen();
  try {
    const template = await createFuzzRegister(dir);
    const tallies: ChannelTally[] = [];
    const findings: Finding[] = [];
    for (const channel of options.only ?? channels) {
      const done = await fuzzChannel(channel, template, dir, options, seen);
      tallies.push(done.tally);
      findings.push(...done.findings);
      options.onChannel?.(done.tally);
    }
    return { tallies, findings, seen, ms: performance.now() - began };
  } finally {
    if (ownDir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A finding in one line, for a test's failure message and the script's output. */
export function findingLine(finding: Finding): string {
  const how = finding.how.length > 0 ? ` [${finding.how.join('; ')}]` : '';
  return `${finding.channel} ${finding.kind}: ${finding.detail}\n    payload ${finding.payload.slice(0, 400)}${how}`;
}
