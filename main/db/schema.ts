/**
 * The database's tables as Kysely sees them (CamelCasePlugin: `org_nr` in SQL is `orgNr` here).
 * Dates are plain `YYYY-MM-DD` text; booleans are 0/1; JSON columns hold text.
 * Keep in step with migrations.ts.
 */
import type { Generated } from 'kysely';

export interface HomesTable {
  id: string;
  kind: string;
  name: string;
  orgNr: string | null;
  operator: string | null;
  municipality: string | null;
  capacity: number | null;
  /** JSON `{ minAge, maxAge, gender, needs }`, null when the home has no stated target group. */
  targetGroup: string | null;
  agency: string | null;
  active: Generated<number>;
  /** Raised by one with every save (migration 16); a save from an older version is refused. */
  rowVersion: Generated<number>;
}

/**
 * The home's searchable text, folded (`sv_lower`) and kept by triggers on homes and persons
 * (migration 9): never written by the code, read only by the search.
 */
export interface HomeSearchColumns {
  /** The name. */
  searchName: Generated<string>;
  /** Name, org.nr, kommun, konsulentverksamhet and the adults' names, one per line. */
  searchText: Generated<string>;
  /** The org.nr without its hyphen. */
  searchOrgNr: Generated<string | null>;
}

export interface PersonsTable {
  id: string;
  homeId: string;
  name: string;
  role: string;
  birthYear: number | null;
}

export interface ChildrenTable {
  id: string;
  name: string | null;
  birthDate: string;
  personnummer: string | null;
  protectedIdentity: Generated<number>;
  /** Raised by one with every save (migration 16); a save from an older version is refused. */
  rowVersion: Generated<number>;
}

export interface PlacementsTable {
  id: string;
  childId: string;
  legalBasis: string;
  decidedOn: string;
  startedOn: string;
  endedOn: string | null;
  endReason: string | null;
  caseworker: string | null;
  unit: string | null;
  /** Dygnskostnad in whole kronor (0–1 000 000), null when not known (migration 15). */
  dailyCost: number | null;
  /** Raised by one with every save (migration 16); a save from an older version is refused. */
  rowVersion: Generated<number>;
}

export interface StaysTable {
  placementId: string;
  /** 0-based position within the placement; stays are contiguous in this order. */
  ordinal: number;
  homeId: string;
  form: string;
  fromDate: string;
  toDate: string | null;
  decidedOn: string | null;
  investigationCompletedOn: string | null;
}

export interface RegisterChecksTable {
  id: string;
  personId: string | null;
  homeId: string | null;
  register: string;
  checkedOn: string;
  outcome: string;
  reference: string | null;
  /** `ivo-tillstand`: the permit's scope as JSON (PermitScope), else null. */
  permit: string | null;
  recordedBy: string | null;
  /** ISO timestamp. */
  recordedAt: string | null;
  /** Raised by one with every save (migration 16); a save from an older version is refused. */
  rowVersion: Generated<number>;
}

/** An earlier version of a register check, kept when it was corrected or removed. */
export interface RegisterCheckHistoryTable {
  checkId: string;
  revision: number;
  personId: string | null;
  homeId: string | null;
  register: string;
  checkedOn: string;
  outcome: string;
  reference: string | null;
  permit: string | null;
  recordedBy: string | null;
  recordedAt: string | null;
  action: 'rattad' | 'borttagen';
  changedBy: string;
  changedAt: string;
  reason: string;
}

export interface EventsTable {
  id: string;
  placementId: string | null;
  homeId: string | null;
  type: string;
  date: string;
  comment: string | null;
  /** `ivo-tillsyn`: IVO's verdict. */
  verdict: string | null;
}

/**
 * A signed note: append-only (migration 12's triggers refuse an update or delete, except moving
 * it to its home when a mistaken placement is removed). `seq` is its row in `notes_search`.
 */
export interface NotesTable {
  seq: Generated<number>;
  id: string;
  homeId: string | null;
  placementId: string | null;
  author: string;
  writtenOn: string;
  category: string;
  text: string;
  /** ISO timestamp of the signing (a date for notes from before signing existed). */
  signedAt: string;
  /** The signed note this one corrects. */
  corrects: string | null;
}

/** One user's note while it is written: saved as typed, signed into `notes` (and deleted) once. */
export interface NoteDraftsTable {
  id: string;
  userId: string;
  homeId: string | null;
  placementId: string | null;
  category: string;
  writtenOn: string;
  text: string;
  corrects: string | null;
  /** ISO timestamp of the last save. */
  savedAt: string;
}

export interface AssessmentsTable {
  id: string;
  homeId: string;
  placementId: string | null;
  assessedOn: string;
  assessor: string | null;
  /** JSON object of dimension → 1..5 (trygghet, skola, halsa, delaktighet, samverkan, kontinuitet). */
  scores: string;
  childVoice: string | null;
  comment: string | null;
  recordedBy: string | null;
  recordedAt: string | null;
  /** The earlier assessment this one replaces (append-only: the earlier one is kept). */
  corrects: string | null;
}

export interface DeviationsTable {
  id: string;
  homeId: string | null;
  placementId: string | null;
  reportedOn: string;
  kind: string;
  category: string | null;
  severity: string;
  description: string;
  /** Follows the steps (the latest status step's), written with them. */
  status: string;
  /** Whether an `anmald-ivo` step is recorded (or the file said so). */
  reportedToIvo: Generated<number>;
  recordedBy: string | null;
  recordedAt: string | null;
}

/** What was done about a deviation, in order; append-only. */
export interface DeviationStepsTable {
  deviationId: string;
  ordinal: number;
  step: string;
  date: string;
  text: string | null;
  /** `bedomning` only: 1 when judged an allvarligt missförhållande or a påtaglig risk of one. */
  serious: number | null;
  recordedBy: string | null;
  recordedAt: string | null;
}

/** One setting (rule parameters, legal references) as JSON; `version` counts the saves. */
export interface SettingsTable {
  key: string;
  value: string;
  version: number;
  /** ISO timestamp of the save (not a legal date). */
  changedAt: string;
}

export interface SettingsHistoryTable {
  key: string;
  version: number;
  value: string;
  changedAt: string;
  /** Who saved the version and why (null for versions saved before they were asked, and for updates of the program). */
  changedBy: string | null;
  reason: string | null;
}

/** A placement or a child removed as a mistake: the whole record as it was, and who removed it, when and why. */
export interface RemovedRecordsTable {
  kind: 'placement' | 'child';
  recordId: string;
  /** JSON: the placement with its stays and events, or the child. */
  record: string;
  removedBy: string;
  removedAt: string;
  reason: string;
}

export interface UsersTable {
  id: string;
  name: string;
  initials: string;
  role: string;
  /** JSON array of the units (enheter) the user works in. */
  units: Generated<string>;
  active: Generated<number>;
  /** The operating system's account name the user signs in from, offered first there. */
  osAccount: string | null;
  /** scrypt of the optional PIN: `salt:hash`, both hex. */
  pinHash: string | null;
  /** The person's own login to a shared register (PostgreSQL), by which its log names them; null on a local register. */
  dbLogin: Generated<string | null>;
  createdAt: string;
  /** Raised by one with every save (migration 16); a save from an older version is refused. */
  rowVersion: Generated<number>;
}

/** Append-only (triggers refuse UPDATE and DELETE); written by triggers and by the access log's own statement. */
export interface AccessLogTable {
  seq: number;
  at: string;
  userId: string | null;
  action: string;
  channel: string | null;
  entity: string | null;
  entityId: string | null;
  childId: string | null;
  /** The home the entry is about: the home itself, an adult of it, a stay or a check there. */
  homeId: string | null;
  /** JSON: the row before and after a change, an import's counts, a reveal's reason. */
  detail: string | null;
  /** The previous entry's hash ('' for the first), and this entry's: SHA-256 of its fields and that (access-log.ts). */
  prevHash: string;
  hash: string;
}

/** A round of egenkontroll as drawn (migration 14): never changed afterwards. */
export interface AuditRoundsTable {
  id: string;
  name: string;
  fromDate: string;
  toDate: string;
  unit: string | null;
  form: string | null;
  legalBasis: string | null;
  caseworker: string | null;
  size: number;
  /** The share asked for, when the size was asked as one. */
  sizePercent: number | null;
  seed: string;
  populationSize: number;
  populationHash: string;
  /** Files audited in a round that ended less than this many months before the period were left out; null: none were. */
  exclusionMonths: number | null;
  excluded: number;
  checklistVersion: number;
  createdBy: string;
  createdAt: string;
}

export interface AuditFilesTable {
  roundId: string;
  /** The file's place in the draw, from 1: its name in the round ("Akt 3"). */
  ordinal: number;
  placementId: string;
  rank: string;
}

/** Every answer given, newest last: a file's answer to an item is its newest row. */
export interface AuditAnswersTable {
  seq: Generated<number>;
  roundId: string;
  ordinal: number;
  itemId: string;
  answer: string;
  comment: string;
  /** What the register answered for an item marked auto, and why; null for the others. */
  proposed: string | null;
  proposedReason: string | null;
  /** Why the auditor answered otherwise than the register. */
  overrideReason: string | null;
  alreadyReported: number;
  /** The deviation a "nej" became. */
  deviationId: string | null;
  answeredBy: string;
  answeredAt: string;
}

export interface AuditAnalysesTable {
  seq: Generated<number>;
  roundId: string;
  text: string;
  writtenBy: string;
  writtenAt: string;
}

export interface AuditActionsTable {
  id: string;
  roundId: string;
  action: string;
  responsible: string;
  dueOn: string;
  doneOn: string | null;
  doneBy: string | null;
  createdBy: string;
  createdAt: string;
}

export interface Database {
  homes: HomesTable & HomeSearchColumns;
  persons: PersonsTable;
  children: ChildrenTable;
  placements: PlacementsTable;
  stays: StaysTable;
  registerChecks: RegisterChecksTable;
  registerCheckHistory: RegisterCheckHistoryTable;
  events: EventsTable;
  notes: NotesTable;
  noteDrafts: NoteDraftsTable;
  /** Everyone who has signed a note, kept by a trigger (migration 12). */
  noteAuthors: { author: string };
  assessments: AssessmentsTable;
  deviations: DeviationsTable;
  deviationSteps: DeviationStepsTable;
  removedRecords: RemovedRecordsTable;
  settings: SettingsTable;
  settingsHistory: SettingsHistoryTable;
  users: UsersTable;
  accessLog: AccessLogTable;
  auditRounds: AuditRoundsTable;
  auditFiles: AuditFilesTable;
  auditAnswers: AuditAnswersTable;
  auditAnalyses: AuditAnalysesTable;
  auditActions: AuditActionsTable;
}
