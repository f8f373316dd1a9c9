/**
 * The ordered list of schema migrations. Migration N brings the database from
 * `user_version` N-1 to N. Never edit a migration that has shipped: add a new one.
 * The runner (migrate.ts) runs each in a transaction after a backup copy.
 */
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { findMunicipality } from '../domain/municipalities';
import { logChangesSql, loggedTables, registerLogFunctions } from './access-log';
import { registerSwedishFunctions } from './swedish-functions';

export interface Migration {
  version: number;
  description: string;
  sql: string;
  /** Data changes clearer in code than in SQL; run after `sql`, in the same transaction. Frozen like the SQL. */
  up?: (raw: BetterSqlite3.Database) => void;
}

const enumCheck = (column: string, values: readonly string[]) =>
  `CHECK (${column} IN (${values.map((v) => `'${v}'`).join(', ')}))`;

const homeKinds = ['hvb', 'stodboende', 'sis', 'familjehem', 'jourhem', 'natverkshem'];

/** Migration 16's tables, frozen with it (row-versions.ts keeps the list the code uses). */
export const versionedInMigration16 = ['homes', 'children', 'placements', 'register_checks', 'users'];

export const migrations: Migration[] = [
  {
    version: 1,
    description: 'Registret: hem, hushåll, barn, placeringar, vistelser, kontroller, händelser, anteckningar',
    sql: `
      CREATE TABLE homes (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL ${enumCheck('kind', homeKinds)},
        name TEXT NOT NULL,
        org_nr TEXT,
        operator TEXT ${enumCheck('operator', ['enskild', 'kommunal', 'region', 'statlig'])},
        municipality TEXT,
        capacity INTEGER CHECK (capacity >= 0),
        target_group TEXT,
        agency TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;

      CREATE TABLE persons (
        id TEXT PRIMARY KEY,
        home_id TEXT NOT NULL REFERENCES homes(id),
        name TEXT NOT NULL,
        role TEXT NOT NULL ${enumCheck('role', ['uppdragstagare', 'annan-vuxen', 'barn-i-hemmet'])},
        birth_year INTEGER
      ) STRICT;
      CREATE INDEX persons_home ON persons(home_id);

      CREATE TABLE children (
        id TEXT PRIMARY KEY,
        name TEXT,
        birth_date TEXT NOT NULL,
        personnummer TEXT,
        protected_identity INTEGER NOT NULL DEFAULT 0 CHECK (protected_identity IN (0, 1))
      ) STRICT;

      CREATE TABLE placements (
        id TEXT PRIMARY KEY,
        child_id TEXT NOT NULL REFERENCES children(id),
        legal_basis TEXT NOT NULL ${enumCheck('legal_basis', ['SoL', 'LVU2', 'LVU3'])},
        decided_on TEXT NOT NULL,
        started_on TEXT NOT NULL,
        ended_on TEXT,
        end_reason TEXT ${enumCheck('end_reason', ['planerad', 'sammanbrott', 'hemflytt', 'myndig', 'annan'])},
        caseworker TEXT,
        unit TEXT
      ) STRICT;
      CREATE INDEX placements_child ON placements(child_id);

      CREATE TABLE stays (
        placement_id TEXT NOT NULL REFERENCES placements(id),
        ordinal INTEGER NOT NULL,
        home_id TEXT NOT NULL REFERENCES homes(id),
        form TEXT NOT NULL ${enumCheck('form', homeKinds)},
        from_date TEXT NOT NULL,
        to_date TEXT,
        decided_on TEXT,
        investigation_completed_on TEXT,
        PRIMARY KEY (placement_id, ordinal)
      ) STRICT;
      CREATE INDEX stays_home ON stays(home_id);

      CREATE TABLE register_checks (
        id TEXT PRIMARY KEY,
        person_id TEXT REFERENCES persons(id),
        home_id TEXT REFERENCES homes(id),
        register TEXT NOT NULL ${enumCheck('register', ['belastningsregistret', 'misstankeregistret', 'socialregistret', 'kronofogden', 'forsakringskassan', 'ivo-tillstand'])},
        checked_on TEXT NOT NULL,
        outcome TEXT NOT NULL ${enumCheck('outcome', ['utan-anmarkning', 'med-anmarkning', 'giltigt', 'ogiltigt'])},
        reference TEXT,
        CHECK ((person_id IS NULL) <> (home_id IS NULL))
      ) STRICT;
      CREATE INDEX register_checks_person ON register_checks(person_id);
      CREATE INDEX register_checks_home ON register_checks(home_id);

      CREATE TABLE events (
        id TEXT PRIMARY KEY,
        placement_id TEXT REFERENCES placements(id),
        home_id TEXT REFERENCES homes(id),
        type TEXT NOT NULL,
        date TEXT NOT NULL,
        CHECK ((placement_id IS NULL) <> (home_id IS NULL))
      ) STRICT;
      CREATE INDEX events_placement ON events(placement_id);
      CREATE INDEX events_home ON events(home_id);

      CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        home_id TEXT REFERENCES homes(id),
        placement_id TEXT REFERENCES placements(id),
        author TEXT NOT NULL,
        written_on TEXT NOT NULL,
        category TEXT NOT NULL,
        text TEXT NOT NULL,
        CHECK (home_id IS NOT NULL OR placement_id IS NOT NULL)
      ) STRICT;
      CREATE INDEX notes_home ON notes(home_id);

      CREATE TABLE assessments (
        id TEXT PRIMARY KEY,
        home_id TEXT NOT NULL REFERENCES homes(id),
        placement_id TEXT REFERENCES placements(id),
        assessed_on TEXT NOT NULL,
        assessor TEXT,
        scores TEXT NOT NULL,
        child_voice TEXT,
        comment TEXT
      ) STRICT;

      CREATE TABLE deviations (
        id TEXT PRIMARY KEY,
        home_id TEXT REFERENCES homes(id),
        placement_id TEXT REFERENCES placements(id),
        reported_on TEXT NOT NULL,
        kind TEXT NOT NULL,
        severity TEXT NOT NULL,
        description TEXT NOT NULL,
        status TEXT NOT NULL,
        reported_to_ivo INTEGER NOT NULL DEFAULT 0 CHECK (reported_to_ivo IN (0, 1)),
        CHECK (home_id IS NOT NULL OR placement_id IS NOT NULL)
      ) STRICT;
    `,
  },
  {
    version: 2,
    description: 'Bevakning: kommentar på händelser, kommunens regelinställningar med historik',
    sql: `
      ALTER TABLE events ADD COLUMN comment TEXT;
      CREATE INDEX events_type_date ON events(type, date);
      CREATE INDEX placements_ended ON placements(ended_on);

      -- The municipality's settings for the rules (parameters, legal references): JSON checked
      -- by zod on the way in and out. Every saved version is kept in the history.
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        changed_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE settings_history (
        key TEXT NOT NULL,
        version INTEGER NOT NULL,
        value TEXT NOT NULL,
        changed_at TEXT NOT NULL,
        PRIMARY KEY (key, version)
      ) STRICT;
    `,
  },
  {
    version: 3,
    description: 'Kontroller: vem som registrerade, IVO-tillståndets omfattning, historik vid rättelse, IVO:s bedömning vid tillsyn, registerkatalogen',
    sql: `
      -- Who recorded a check and when (null for imported ones); the permit's scope as JSON
      -- (forms, ages, places, target group, holder), checked by zod on the way in and out.
      ALTER TABLE register_checks ADD COLUMN permit TEXT;
      ALTER TABLE register_checks ADD COLUMN recorded_by TEXT;
      ALTER TABLE register_checks ADD COLUMN recorded_at TEXT;

      -- A check is history: a correction or removal keeps the earlier version with who, when and why.
      CREATE TABLE register_check_history (
        check_id TEXT NOT NULL,
        revision INTEGER NOT NULL CHECK (revision >= 1),
        person_id TEXT,
        home_id TEXT,
        register TEXT NOT NULL,
        checked_on TEXT NOT NULL,
        outcome TEXT NOT NULL,
        reference TEXT,
        permit TEXT,
        recorded_by TEXT,
        recorded_at TEXT,
        action TEXT NOT NULL ${enumCheck('action', ['rattad', 'borttagen'])},
        changed_by TEXT NOT NULL,
        changed_at TEXT NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (check_id, revision)
      ) STRICT;
      CREATE INDEX register_check_history_person ON register_check_history(person_id);
      CREATE INDEX register_check_history_home ON register_check_history(home_id);

      ALTER TABLE events ADD COLUMN verdict TEXT ${enumCheck('verdict', ['utan-anmarkning', 'kritik', 'forelaggande', 'aterkallelse'])};

      -- The register checks' maximum age and re-check interval move from the parameters to the
      -- register catalogue (per register). A municipality's own values are carried over.
      INSERT INTO settings (key, value, version, changed_at)
      SELECT 'registerCatalogue', json_array(
          json_object('register', 'belastningsregistret', 'required', json('true'), 'roles', json_array('uppdragstagare'),
            'maxAgeMonths', coalesce(json_extract(value, '$.registerkontrollMaxAgeMonths'), 12),
            'recheckMonths', coalesce(json_extract(value, '$.registerkontrollFortlopandeMonths'), 12)),
          json_object('register', 'misstankeregistret', 'required', json('true'), 'roles', json_array('uppdragstagare'),
            'maxAgeMonths', coalesce(json_extract(value, '$.registerkontrollMaxAgeMonths'), 12),
            'recheckMonths', coalesce(json_extract(value, '$.registerkontrollFortlopandeMonths'), 12)),
          json_object('register', 'socialregistret', 'required', json('false'), 'roles', json_array('uppdragstagare'),
            'maxAgeMonths', 12, 'recheckMonths', NULL),
          json_object('register', 'kronofogden', 'required', json('false'), 'roles', json_array('uppdragstagare'),
            'maxAgeMonths', 12, 'recheckMonths', NULL),
          json_object('register', 'forsakringskassan', 'required', json('false'), 'roles', json_array('uppdragstagare'),
            'maxAgeMonths', 12, 'recheckMonths', NULL)
        ), version, changed_at
      FROM settings WHERE key = 'ruleParameters';
      INSERT INTO settings_history (key, version, value, changed_at)
      SELECT key, version, value, changed_at FROM settings WHERE key = 'registerCatalogue';
      UPDATE settings SET value = json_remove(value, '$.registerkontrollMaxAgeMonths', '$.registerkontrollFortlopandeMonths')
      WHERE key = 'ruleParameters';
    `,
  },
  {
    version: 4,
    description: 'Nya socialtjänstlagen (2025:400) och socialtjänstförordningen (2025:468): lagrummen från 2025-07-01 i kommunens tabell',
    sql: '',
    up: addNewLawReferences,
  },
  {
    version: 5,
    description: 'Regler: vem som ändrade inställningarna och varför',
    sql: `
      -- Who saved a version of the rule settings and why (the settings page asks for both).
      ALTER TABLE settings_history ADD COLUMN changed_by TEXT;
      ALTER TABLE settings_history ADD COLUMN reason TEXT;
    `,
  },
  {
    version: 6,
    description: 'Felaktiga placeringar och barn kan tas bort; det borttagna sparas med vem, när och varför',
    sql: `
      -- What was removed as a mistake, whole, with who removed it, when and why: nothing is lost.
      CREATE TABLE removed_records (
        kind TEXT NOT NULL ${enumCheck('kind', ['placement', 'child'])},
        record_id TEXT NOT NULL,
        record TEXT NOT NULL,
        removed_by TEXT NOT NULL,
        removed_at TEXT NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (kind, record_id, removed_at)
      ) STRICT;
    `,
  },
  {
    version: 7,
    description: 'Hem: kommunen med sitt officiella namn ur SCB:s förteckning',
    sql: '',
    up: normalizeMunicipalities,
  },
  {
    version: 8,
    description: 'Ändringsräknare per tabell, så att listornas sparade resultat räknas om bara när deras egna tabeller ändrats',
    sql: changeCountersSql(['homes', 'persons', 'children', 'placements', 'stays', 'events', 'register_checks', 'settings']),
  },
  {
    version: 9,
    description: 'Snabbsökning: hemmens sökbara text i svensk skiftlägesvikning, hållen aktuell av triggrar',
    sql: homeSearchColumns(),
    up: fillHomeSearchColumns,
  },
  {
    version: 10,
    description: 'Bevakningslistan: en placerings senaste händelse av varje slag läses ur indexet',
    // The newest event of each type per placement (readOpenRegisterSnapshot) is a walk of this
    // index alone; it serves every question by placement as the index it replaces did.
    sql: `
      CREATE INDEX events_placement_type_date ON events(placement_id, type, date);
      DROP INDEX events_placement;
    `,
  },
  {
    version: 11,
    description: 'Användare och roller, och en logg över vem som läst och ändrat vad som inte kan ändras i efterhand',
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        initials TEXT NOT NULL,
        role TEXT NOT NULL ${enumCheck('role', ['handlaggare', 'enhetschef', 'administrator'])},
        units TEXT NOT NULL DEFAULT '[]',
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        os_account TEXT,
        pin_hash TEXT,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE access_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_id TEXT,
        action TEXT NOT NULL,
        channel TEXT,
        entity TEXT,
        entity_id TEXT,
        child_id TEXT,
        home_id TEXT,
        detail TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX access_log_child ON access_log(child_id, seq) WHERE child_id IS NOT NULL;
      CREATE INDEX access_log_home ON access_log(home_id, seq) WHERE home_id IS NOT NULL;
      CREATE INDEX access_log_user ON access_log(user_id, seq);
      CREATE INDEX access_log_at ON access_log(at);
      CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
        BEGIN SELECT RAISE(ABORT, 'Loggen kan inte ändras.'); END;
      CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
        BEGIN SELECT RAISE(ABORT, 'Loggen kan inte ändras.'); END;
    `,
    up: (raw) => {
      // A connection opened without `openDatabase` (a test's, a tool's) gets the functions here.
      registerLogFunctions(raw);
      raw.exec(logChangesSql(raw, loggedTables.filter(({ table }) => loggedBeforeNotes.includes(table))));
    },
  },
  {
    version: 12,
    description: 'Anteckningar som signeras och sedan bara kan rättas, sökbara på svenska; bedömningar och avvikelser med historik',
    sql: journalSql(),
    up: (raw) => {
      registerSwedishFunctions(raw);
      registerLogFunctions(raw);
      raw.exec(`INSERT INTO notes_search (rowid, terms) ${noteTermsSelect('n')} FROM notes n`);
      raw.exec(logChangesSql(raw, loggedTables.filter(({ table }) => journalTables.includes(table))));
      addLexSarahReferences(raw);
    },
  },
  {
    version: 13,
    description: 'Kvalitetsindexet räknar om när en bedömning registreras',
    sql: `
      INSERT INTO change_counters (name) VALUES ('assessments');
      ${countedSql(['assessments'])}
    `,
  },
  {
    version: 14,
    description: 'Egenkontroll: granskningsomgångar med sitt urval, svar på checklistan som historik, analys och åtgärder',
    sql: auditSql(),
    up: (raw) => {
      registerLogFunctions(raw);
      raw.exec(logChangesSql(raw, loggedTables.filter(({ table }) => auditTables.includes(table))));
    },
  },
  {
    version: 15,
    description: 'Placeringar: dygnskostnad i hela kronor (frivillig)',
    // Bounds as domain/daily-cost.ts (0–1 000 000), frozen here. Rows that exist get NULL: unknown.
    sql: `ALTER TABLE placements ADD COLUMN daily_cost INTEGER CHECK (daily_cost BETWEEN 0 AND 1000000);`,
    up: (raw) => {
      // The placements' log triggers name each column (logChangesSql reads them now): made anew so
      // a change of the daily cost is logged with the row before and after, and is a change at all.
      registerLogFunctions(raw);
      raw.exec(logChangesSql(raw, loggedTables.filter(({ table }) => table === 'placements')));
    },
  },
  {
    version: 16,
    description: 'Radversioner: en sparning som bygger på en äldre version nekas',
    sql: `${versionedInMigration16.map((table) => `ALTER TABLE ${table} ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1);`).join('\n')}
      -- Who saved a row last, for the refusal: its newest change, or an import after it (row-versions.ts).
      CREATE INDEX access_log_changes ON access_log(entity, entity_id, seq) WHERE action IN ('insert', 'update');
      CREATE INDEX access_log_imports ON access_log(seq) WHERE action = 'import';`,
    up: (raw) => {
      // The log keeps each row before and after with all its columns: the version too, from now on.
      registerLogFunctions(raw);
      raw.exec(logChangesSql(raw, loggedTables.filter(({ table }) => versionedInMigration16.includes(table))));
    },
  },
  {
    version: 17,
    description: 'Användare: inloggning i ett gemensamt register',
    // The shared register's login of a person (its migration 6 names the log's user by it); unused on a local register.
    sql: `ALTER TABLE users ADD COLUMN db_login TEXT;
      CREATE UNIQUE INDEX users_db_login ON users(db_login) WHERE db_login IS NOT NULL;`,
    up: (raw) => {
      registerLogFunctions(raw);
      raw.exec(logChangesSql(raw, loggedTables.filter(({ table }) => table === 'users')));
    },
  },
  {
    version: 18,
    description: 'Ändringsräknare för hemmens namn',
    sql: homeNamesCountedSql(),
  },
];


const auditTables = ['audit_rounds', 'audit_files', 'audit_answers', 'audit_analyses', 'audit_actions'];

/**
 * Migration 14. A round is its draw: what it drew from and how (the seed, the population's size and
 * hash) is kept as drawn, so a revisor re-draws the same files however the register changes after.
 * The files keep the placement's id without a foreign key: a placement removed by mistake leaves
 * the round's record of it. Answers and analyses are history, newest first; an action is kept,
 * and only marked done, once.
 */
function auditSql(): string {
  const kept = (table: string, message: string) => `
    CREATE TRIGGER ${table}_unchanged BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END;
    CREATE TRIGGER ${table}_kept BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END;`;
  const answers = ['ja', 'nej', 'ej-tillampligt'];
  return `
    CREATE TABLE audit_rounds (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      from_date TEXT NOT NULL,
      to_date TEXT NOT NULL,
      unit TEXT,
      form TEXT,
      legal_basis TEXT,
      caseworker TEXT,
      size INTEGER NOT NULL CHECK (size >= 1),
      size_percent INTEGER CHECK (size_percent BETWEEN 1 AND 100),
      seed TEXT NOT NULL CHECK (trim(seed) <> ''),
      population_size INTEGER NOT NULL CHECK (population_size >= size),
      population_hash TEXT NOT NULL,
      exclusion_months INTEGER CHECK (exclusion_months >= 1),
      excluded INTEGER NOT NULL DEFAULT 0,
      checklist_version INTEGER NOT NULL,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      CHECK (from_date <= to_date)
    ) STRICT;
    CREATE INDEX audit_rounds_period ON audit_rounds(to_date);
    ${kept('audit_rounds', 'En granskningsomgång och dess urval kan inte ändras eller tas bort.')}

    CREATE TABLE audit_files (
      round_id TEXT NOT NULL REFERENCES audit_rounds(id),
      ordinal INTEGER NOT NULL CHECK (ordinal >= 1),
      placement_id TEXT NOT NULL,
      rank TEXT NOT NULL,
      PRIMARY KEY (round_id, ordinal),
      UNIQUE (round_id, placement_id)
    ) STRICT;
    CREATE INDEX audit_files_placement ON audit_files(placement_id);
    ${kept('audit_files', 'En granskningsomgång och dess urval kan inte ändras eller tas bort.')}

    CREATE TABLE audit_answers (
      seq INTEGER PRIMARY KEY,
      round_id TEXT NOT NULL,
      ordinal INTEGER NOT NULL,
      item_id TEXT NOT NULL,
      answer TEXT NOT NULL ${enumCheck('answer', answers)},
      comment TEXT NOT NULL DEFAULT '',
      proposed TEXT ${enumCheck('proposed', answers)},
      proposed_reason TEXT,
      override_reason TEXT,
      already_reported INTEGER NOT NULL DEFAULT 0 CHECK (already_reported IN (0, 1)),
      deviation_id TEXT REFERENCES deviations(id),
      answered_by TEXT NOT NULL,
      answered_at TEXT NOT NULL,
      FOREIGN KEY (round_id, ordinal) REFERENCES audit_files(round_id, ordinal),
      CHECK (proposed IS NULL OR answer = proposed OR trim(coalesce(override_reason, '')) <> '')
    ) STRICT;
    CREATE INDEX audit_answers_file ON audit_answers(round_id, ordinal, item_id, seq);
    ${kept('audit_answers', 'Ett svar i en aktgranskning kan inte ändras eller tas bort; svara på nytt i stället.')}

    CREATE TABLE audit_analyses (
      seq INTEGER PRIMARY KEY,
      round_id TEXT NOT NULL REFERENCES audit_rounds(id),
      text TEXT NOT NULL,
      written_by TEXT NOT NULL,
      written_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX audit_analyses_round ON audit_analyses(round_id, seq);
    ${kept('audit_analyses', 'En sparad analys kan inte ändras eller tas bort; spara en ny version i stället.')}

    CREATE TABLE audit_actions (
      id TEXT PRIMARY KEY,
      round_id TEXT NOT NULL REFERENCES audit_rounds(id),
      action TEXT NOT NULL,
      responsible TEXT NOT NULL,
      due_on TEXT NOT NULL,
      done_on TEXT,
      done_by TEXT,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      CHECK ((done_on IS NULL) = (done_by IS NULL))
    ) STRICT;
    CREATE INDEX audit_actions_round ON audit_actions(round_id);
    CREATE INDEX audit_actions_open ON audit_actions(due_on) WHERE done_on IS NULL;
    -- The one change: an open action marked done.
    CREATE TRIGGER audit_actions_unchanged BEFORE UPDATE ON audit_actions
      WHEN OLD.done_on IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.round_id IS NOT OLD.round_id OR NEW.action IS NOT OLD.action
        OR NEW.responsible IS NOT OLD.responsible OR NEW.due_on IS NOT OLD.due_on OR NEW.created_by IS NOT OLD.created_by
        OR NEW.created_at IS NOT OLD.created_at
      BEGIN SELECT RAISE(ABORT, 'En åtgärd kan bara markeras som klar, en gång.'); END;
    CREATE TRIGGER audit_actions_kept BEFORE DELETE ON audit_actions
      BEGIN SELECT RAISE(ABORT, 'En åtgärd kan inte tas bort.'); END;

    -- The bevakningslista shows the open actions.
    INSERT INTO change_counters (name) VALUES ('audit_actions'), ('audit_rounds');
    ${countedSql(['audit_actions', 'audit_rounds'])}
  `;
}

/**
 * Migration 12: a register that saved its table of legal references gets the rows of the new rule
 * `lex-sarah-anmalan` (rules.md: SoL 14 kap. 7 § to 2025-06-30, SoL 27 kap. 6 § from 2025-07-01),
 * unless it has rows of that rule already. Frozen with the migration, like migration 4's tables.
 */
function addLexSarahReferences(raw: BetterSqlite3.Database): void {
  const stored = raw.prepare("SELECT value FROM settings WHERE key = 'legalReferences'").pluck().get() as string | undefined;
  if (stored === undefined) return;
  let rows: StoredReference[];
  try {
    rows = JSON.parse(stored) as StoredReference[];
    if (!Array.isArray(rows) || rows.some((row) => row.rule === 'lex-sarah-anmalan')) return;
  } catch {
    return; // As in migration 4: a table that does not parse is left for the settings page.
  }
  const note = 'Lagen säger "snarast"; antalet dagar är kommunens rutin.';
  rows.push(
    { rule: 'lex-sarah-anmalan', reference: 'SoL 14 kap. 7 §', validFrom: null, validTo: '2025-06-30', note },
    { rule: 'lex-sarah-anmalan', reference: 'SoL 27 kap. 6 §', validFrom: NEW_LAW_FROM, validTo: null, note },
  );
  // As migration 4: a new version of the setting, kept in its history, at the database's clock.
  const version = (raw.prepare('SELECT coalesce(max(version), 0) FROM settings').pluck().get() as number) + 1;
  raw
    .prepare("UPDATE settings SET value = ?, version = ?, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE key = 'legalReferences'")
    .run(JSON.stringify(rows), version);
  raw.prepare("INSERT INTO settings_history (key, version, value, changed_at) SELECT key, version, value, changed_at FROM settings WHERE key = 'legalReferences'").run();
}

/** The tables migration 11 logged; later migrations log their own. */
const loggedBeforeNotes = ['homes', 'persons', 'children', 'placements', 'stays', 'events', 'register_checks', 'register_check_history', 'removed_records', 'settings', 'users'];
const journalTables = ['notes', 'assessments', 'deviations', 'deviation_steps'];

/**
 * A note's row in `notes_search`: its date's day number above its seq, so the index's own order
 * is newest first (written_on, then seq) and the newest hits are read without sorting them all.
 * The note is `seq = key & 0xFFFFFFFF` (journal-repository's search).
 */
export function noteSearchKey(n: string): string {
  return `((CAST(julianday(${n}.written_on) AS INTEGER) << 32) + ${n}.seq)`;
}

/**
 * The FTS row of a signed note, as a SELECT over the notes aliased `n`: its words' stems, without
 * the name of a protected child the note's placement is about (that name is never found).
 */
export function noteTermsSelect(n: string): string {
  return `SELECT ${noteSearchKey(n)}, sv_search_terms(${n}.text, (SELECT c.name FROM placements p JOIN children c ON c.id = p.child_id
    WHERE p.id = ${n}.placement_id AND c.protected_identity = 1))`;
}

/**
 * Migration 12: notes rebuilt with an integer key for the search index and their signing, drafts
 * apart (a draft is one user's work and changes while typed; a note is signed once and kept),
 * assessments and deviation steps append-only. A mistaken placement's removal may still move
 * what named it to its home (placements-repository's deletePlacement): the only change allowed.
 */
function journalSql(): string {
  // Raised whoever writes (the window, an import, a tool).
  const signedNoteMessage = 'En signerad anteckning kan inte ändras eller tas bort; skriv en rättelse i stället.';
  const detachOnly = (columns: string[]) =>
    [
      ...columns.map((c) => `NEW.${c} IS NOT OLD.${c}`),
      'NEW.placement_id IS NOT OLD.placement_id AND NEW.placement_id IS NOT NULL',
      'NEW.home_id IS NOT OLD.home_id AND NOT (OLD.home_id IS NULL AND OLD.placement_id IS NOT NULL AND NEW.placement_id IS NULL)',
    ].join(' OR ');
  const noteColumns = ['seq', 'id', 'author', 'written_on', 'category', 'text', 'signed_at', 'corrects'];
  const assessmentColumns = ['id', 'assessed_on', 'assessor', 'scores', 'child_voice', 'comment', 'recorded_by', 'recorded_at', 'corrects'];
  const deviationColumns = ['id', 'reported_on', 'kind', 'category', 'severity', 'description', 'recorded_by', 'recorded_at'];
  return `
    CREATE TABLE notes_v12 (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      home_id TEXT REFERENCES homes(id),
      placement_id TEXT REFERENCES placements(id),
      author TEXT NOT NULL,
      written_on TEXT NOT NULL,
      category TEXT NOT NULL,
      text TEXT NOT NULL,
      signed_at TEXT NOT NULL,
      corrects TEXT REFERENCES notes_v12(id),
      CHECK (home_id IS NOT NULL OR placement_id IS NOT NULL),
      CHECK (corrects IS NOT id)
    ) STRICT;
    -- Notes written before signing existed were final when written.
    INSERT INTO notes_v12 (id, home_id, placement_id, author, written_on, category, text, signed_at)
      SELECT id, home_id, placement_id, author, written_on, category, text, written_on FROM notes ORDER BY written_on, id;
    DROP TABLE notes;
    ALTER TABLE notes_v12 RENAME TO notes;
    -- A home's or a placement's notes are listed and counted without their corrections (corrects IS NULL).
    CREATE INDEX notes_home ON notes(home_id, corrects, written_on) WHERE home_id IS NOT NULL;
    CREATE INDEX notes_placement ON notes(placement_id, corrects, written_on) WHERE placement_id IS NOT NULL;
    CREATE INDEX notes_corrects ON notes(corrects) WHERE corrects IS NOT NULL;
    CREATE TRIGGER notes_signed_unchanged BEFORE UPDATE ON notes WHEN ${detachOnly(noteColumns)}
      BEGIN SELECT RAISE(ABORT, '${signedNoteMessage}'); END;
    CREATE TRIGGER notes_signed_kept BEFORE DELETE ON notes
      BEGIN SELECT RAISE(ABORT, '${signedNoteMessage}'); END;
    -- The search's choice of authors, without reading a million notes for three hundred names.
    CREATE TABLE note_authors (author TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
    INSERT OR IGNORE INTO note_authors SELECT author FROM notes;
    CREATE TRIGGER notes_author_known AFTER INSERT ON notes
      BEGIN INSERT OR IGNORE INTO note_authors (author) VALUES (NEW.author); END;

    -- The words' stems only (the text is in notes): found in their forms, å/ä/ö apart from a/o.
    CREATE VIRTUAL TABLE notes_search USING fts5(terms, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0', prefix = '3 4 5 6');
    CREATE TRIGGER notes_indexed AFTER INSERT ON notes
      BEGIN INSERT INTO notes_search (rowid, terms) ${noteTermsSelect('NEW')}; END;
    -- A child who gets (or loses) a protected identity, or another name: the notes about them anew.
    CREATE TRIGGER children_notes_indexed AFTER UPDATE OF name, protected_identity ON children
      WHEN NEW.name IS NOT OLD.name OR NEW.protected_identity IS NOT OLD.protected_identity BEGIN
        DELETE FROM notes_search WHERE rowid IN
          (SELECT ${noteSearchKey('n')} FROM notes n JOIN placements p ON p.id = n.placement_id WHERE p.child_id = NEW.id);
        INSERT INTO notes_search (rowid, terms) ${noteTermsSelect('n')}
          FROM notes n JOIN placements pl ON pl.id = n.placement_id WHERE pl.child_id = NEW.id;
      END;

    CREATE TABLE note_drafts (
      id TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users(id),
      home_id TEXT REFERENCES homes(id),
      placement_id TEXT REFERENCES placements(id),
      category TEXT NOT NULL,
      written_on TEXT NOT NULL,
      text TEXT NOT NULL,
      corrects TEXT REFERENCES notes(id),
      saved_at TEXT NOT NULL,
      CHECK (home_id IS NOT NULL OR placement_id IS NOT NULL)
    ) STRICT;
    CREATE INDEX note_drafts_user ON note_drafts(user_id, saved_at);

    ALTER TABLE assessments ADD COLUMN recorded_by TEXT;
    ALTER TABLE assessments ADD COLUMN recorded_at TEXT;
    ALTER TABLE assessments ADD COLUMN corrects TEXT REFERENCES assessments(id);
    CREATE INDEX assessments_home ON assessments(home_id, assessed_on);
    CREATE INDEX assessments_placement ON assessments(placement_id, assessed_on) WHERE placement_id IS NOT NULL;
    CREATE TRIGGER assessments_unchanged BEFORE UPDATE ON assessments WHEN ${detachOnly(assessmentColumns)}
      BEGIN SELECT RAISE(ABORT, 'En bedömning kan inte ändras eller tas bort; gör en ny som ersätter den.'); END;
    CREATE TRIGGER assessments_kept BEFORE DELETE ON assessments
      BEGIN SELECT RAISE(ABORT, 'En bedömning kan inte ändras eller tas bort; gör en ny som ersätter den.'); END;

    ALTER TABLE deviations ADD COLUMN category TEXT;
    ALTER TABLE deviations ADD COLUMN recorded_by TEXT;
    ALTER TABLE deviations ADD COLUMN recorded_at TEXT;
    CREATE INDEX deviations_home ON deviations(home_id, reported_on) WHERE home_id IS NOT NULL;
    CREATE INDEX deviations_placement ON deviations(placement_id, reported_on) WHERE placement_id IS NOT NULL;
    CREATE INDEX deviations_status ON deviations(status, reported_on);
    -- What happened is kept as reported; what was done since is in its steps. Its status and
    -- whether it went to IVO follow the steps (deviations-repository writes them together).
    CREATE TRIGGER deviations_unchanged BEFORE UPDATE ON deviations WHEN ${detachOnly(deviationColumns)}
      BEGIN SELECT RAISE(ABORT, 'En avvikelse kan inte ändras eller tas bort; lägg till ett steg i stället.'); END;
    CREATE TRIGGER deviations_kept BEFORE DELETE ON deviations
      BEGIN SELECT RAISE(ABORT, 'En avvikelse kan inte ändras eller tas bort; lägg till ett steg i stället.'); END;
    CREATE TABLE deviation_steps (
      deviation_id TEXT NOT NULL REFERENCES deviations(id),
      ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
      step TEXT NOT NULL ${enumCheck('step', ['under-utredning', 'bedomning', 'anmald-ivo', 'atgardad', 'avslutad'])},
      date TEXT NOT NULL,
      text TEXT,
      serious INTEGER CHECK (serious IN (0, 1)),
      recorded_by TEXT,
      recorded_at TEXT,
      PRIMARY KEY (deviation_id, ordinal),
      CHECK ((step = 'bedomning') = (serious IS NOT NULL))
    ) STRICT;
    CREATE TRIGGER deviation_steps_unchanged BEFORE UPDATE ON deviation_steps
      BEGIN SELECT RAISE(ABORT, 'Ett steg i en avvikelse kan inte ändras eller tas bort.'); END;
    CREATE TRIGGER deviation_steps_kept BEFORE DELETE ON deviation_steps
      BEGIN SELECT RAISE(ABORT, 'Ett steg i en avvikelse kan inte ändras eller tas bort.'); END;

    -- The bevakningslista's lex Sarah deadlines rest on these.
    INSERT INTO change_counters (name) VALUES ('deviations'), ('deviation_steps');
    ${countedSql(['deviations', 'deviation_steps'])}
  `;
}

/**
 * Migration 18: a counter of the homes' names, raised when a home is added, removed or renamed.
 * The list of placements shows a home only by its name: a colleague's new capacity or phone number
 * no longer makes every open list search the register again (on the shared register, every
 * window at once). PostgreSQL's migration 14 is the same.
 */
function homeNamesCountedSql(): string {
  return `
    INSERT INTO change_counters (name) VALUES ('home_names');
    CREATE TRIGGER homes_insert_name_counted AFTER INSERT ON homes
    BEGIN UPDATE change_counters SET changes = changes + 1 WHERE name = 'home_names'; END;
    CREATE TRIGGER homes_delete_name_counted AFTER DELETE ON homes
    BEGIN UPDATE change_counters SET changes = changes + 1 WHERE name = 'home_names'; END;
    CREATE TRIGGER homes_rename_counted AFTER UPDATE OF name ON homes WHEN OLD.name IS NOT NEW.name
    BEGIN UPDATE change_counters SET changes = changes + 1 WHERE name = 'home_names'; END;`;
}

/**
 * A counter per table, raised by triggers on every row written, in the same transaction: a cache
 * asks the counters of the tables it rests on, so a journal note does not recompute the
 * bevakningslista, and a commit by another connection (the command line's import) is seen too.
 */
function changeCountersSql(tables: readonly string[]): string {
  return `
    CREATE TABLE change_counters (name TEXT PRIMARY KEY, changes INTEGER NOT NULL DEFAULT 0) STRICT, WITHOUT ROWID;
    INSERT INTO change_counters (name) VALUES ${tables.map((t) => `('${t}')`).join(', ')};
    ${countedSql(tables)}
  `;
}

/** The triggers that raise the counters of `tables`. */
function countedSql(tables: readonly string[]): string {
  return tables
    .flatMap((table) =>
      ['INSERT', 'UPDATE', 'DELETE'].map(
        (op) => `CREATE TRIGGER ${table}_${op.toLowerCase()}_counted AFTER ${op} ON ${table}
        BEGIN UPDATE change_counters SET changes = changes + 1 WHERE name = '${table}'; END;`,
      ),
    )
    .join('\n    ');
}

export const latestVersion = migrations.at(-1)?.version ?? 0;

/**
 * Migration 4. A register that saved its table of legal references kept the old numbering as open-
 * ended rows, so every deadline cited the old SoL. Per rule: a row still as shipped is replaced
 * by rules.md's two rows (old numbering to 2025-06-30, new from 2025-07-01); where the municipality
 * changed the rule's rows, they stay as they are and the new numbering is added from 2025-07-01,
 * unless the municipality already has a row from that date or later. A register that never saved
 * the table gets the new defaults from the code. The tables below are frozen with this migration.
 */
function addNewLawReferences(raw: BetterSqlite3.Database): void {
  const stored = raw.prepare("SELECT value FROM settings WHERE key = 'legalReferences'").pluck().get() as string | undefined;
  if (stored === undefined) return;
  let rows: StoredReference[];
  try {
    rows = JSON.parse(stored) as StoredReference[];
    if (!Array.isArray(rows)) return;
  } catch {
    return; // A table that does not parse is not used (the defaults are); leave it for the settings page to replace.
  }
  const shipped = (row: StoredReference) => row.validFrom === null && row.validTo === null && referencesShippedBefore[row.rule] === row.reference;
  const next: StoredReference[] = [];
  for (const row of rows) {
    if (!shipped(row)) next.push(row);
    else next.push(...newLawRows(row.rule));
  }
  for (const [rule, [, current]] of Object.entries(referencesFromNewLaw)) {
    if (current === null || rows.some((row) => row.rule === rule && shipped(row))) continue;
    if (next.some((row) => row.rule === rule && row.validFrom !== null && row.validFrom >= NEW_LAW_FROM)) continue;
    if (!next.some((row) => row.rule === rule)) continue; // a rule the municipality removed stays removed
    next.push({ rule, reference: current, validFrom: NEW_LAW_FROM, validTo: null, note: 'Ny numrering från 2025-07-01, tillagd vid uppdatering av Placeringskollen.' });
  }
  if (JSON.stringify(next) === JSON.stringify(rows)) return;
  const version = (raw.prepare('SELECT coalesce(max(version), 0) FROM settings').pluck().get() as number) + 1;
  const value = JSON.stringify(next);
  // When the update ran, by the database's clock: a fact of this copy, like the backup's name.
  raw
    .prepare("UPDATE settings SET value = ?, version = ?, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE key = 'legalReferences'")
    .run(value, version);
  raw.prepare("INSERT INTO settings_history (key, version, value, changed_at) SELECT key, version, value, changed_at FROM settings WHERE key = 'legalReferences'").run();
}

interface StoredReference {
  rule: string;
  reference: string;
  validFrom: string | null;
  validTo: string | null;
  note: string | null;
}

const NEW_LAW_FROM = '2025-07-01';

/** The table as versions 1–3 shipped it: one open-ended row per rule. */
const referencesShippedBefore: Record<string, string> = {
  'sol-overvagande': 'SoL 6 kap. 8 §',
  'lvu-overvagande': 'LVU 13 § första st.',
  'lvu-omprovning': 'LVU 13 § andra st.',
  vardnadsoverflyttning: 'SoL 6 kap. 8 b §; LVU 13 §',
  'jourhem-tidsgrans': 'SoL 6 kap. 6 §',
  barnsamtal: 'Socialstyrelsens allmänna råd',
  vardplan: 'SoL 11 kap. 3 §; SoF 5 kap. 1 a §',
  genomforandeplan: 'SoL 11 kap. 3 §; SOSFS 2012:11',
  halsoundersokning: 'SoL 11 kap. 3 a §; lag 2017:209',
  'uppfoljning-efter-lvu': 'lex lilla hjärtat, prop. 2021/22:178',
  'fler-an-tre-barn': 'SoF 3 kap. 19 a §',
  registerkontroll: 'SoF 5 kap. 1 b §',
  'ivo-tillstand': 'SoL 7 kap. 1 §',
  'registerkontroll-fortlopande': 'Lokal rutin (fortlöpande registerkontroller)',
};

/** rules.md's table: [to 2025-06-30, from 2025-07-01 (null: unchanged)], and a note. */
const referencesFromNewLaw: Record<string, [string, string | null, string | null]> = {
  'sol-overvagande': ['SoL 6 kap. 8 §', 'SoL 22 kap. 13 §', null],
  'lvu-overvagande': ['LVU 13 § första st.', null, null],
  'lvu-omprovning': ['LVU 13 § andra st.', null, null],
  vardnadsoverflyttning: ['SoL 6 kap. 8 b §; LVU 13 §', 'SoL 22 kap. 14 §; LVU 13 §', null],
  'jourhem-tidsgrans': ['SoL 6 kap. 6 §', 'SoL 22 kap. 4 §', null],
  barnsamtal: ['Socialstyrelsens allmänna råd', 'SoL 22 kap. 11–12 §§; Socialstyrelsens allmänna råd', 'Tätheten (var tredje månad) är en rekommendation, inte lag.'],
  vardplan: ['SoL 11 kap. 3 §; SoF 5 kap. 1 a §', 'SoL 9 kap. 12 §; SoF 10 kap. 2 §', null],
  genomforandeplan: ['SoL 11 kap. 3 §; SOSFS 2012:11', 'SoL 9 kap. 12 §; SoF 10 kap. 3 §', null],
  halsoundersokning: ['SoL 11 kap. 3 a §; lag 2017:209', 'SoL 22 kap. 7 §; lag 2017:209', null],
  'uppfoljning-efter-lvu': ['LVU 21 b §', null, null],
  'fler-an-tre-barn': ['SoF 3 kap. 19 a §', 'SoF 16 kap. 2 §', null],
  registerkontroll: ['SoF 5 kap. 1 b §', 'SoF 3 kap. 3 §', null],
  'ivo-tillstand': ['SoL 7 kap. 1 §', 'SoL 26 kap. 1 §', null],
  'registerkontroll-fortlopande': ['Lokal rutin (fortlöpande registerkontroller)', null, null],
};

function newLawRows(rule: string): StoredReference[] {
  const entry = referencesFromNewLaw[rule];
  if (entry === undefined) return [];
  const [old, current, note] = entry;
  return current === null
    ? [{ rule, reference: old, validFrom: null, validTo: null, note }]
    : [
        { rule, reference: old, validFrom: null, validTo: '2025-06-30', note },
        { rule, reference: current, validFrom: NEW_LAW_FROM, validTo: null, note },
      ];
}

/**
 * Migration 7. The kommun was free text, so one register could hold "örebro" beside "Örebro".
 * A value that names one of Sweden's municipalities (as the form and the import now read it:
 * Swedish-aware, any case) gets the official name; anything else is left as it is, and the form asks
 * for a kommun from the list when that home is next saved.
 *
 * Unlike the tables of migration 4, the list is not frozen here: the migration reads it from the
 * domain, so it normalises exactly what the form and the import accept. That is safe for a list that
 * changes: a name no longer in it is left as it is, which is what this migration does with any
 * unknown name, and a municipality added later is one more name written the official way.
 */
function normalizeMunicipalities(raw: BetterSqlite3.Database): void {
  const stored = raw.prepare('SELECT DISTINCT municipality FROM homes WHERE municipality IS NOT NULL').pluck().all() as string[];
  const update = raw.prepare('UPDATE homes SET municipality = ? WHERE municipality = ?');
  for (const value of stored) {
    const official = findMunicipality(value)?.name;
    if (official !== undefined && official !== value) update.run(official, value);
  }
}

/**
 * Migration 9 (issue 11). The quick search ran `sv_contains`, a JavaScript function, over five
 * columns of every home and every adult for each keystroke. The homes now carry their searchable
 * text folded once, when it is written: `search_name` (the name, for ranking), `search_text`
 * (name, org.nr, kommun, konsulentverksamhet and the adults' names, each folded, one per line: a
 * search word has no whitespace, so it never matches across two of them) and `search_org_nr` (the
 * org.nr without its hyphen, so "5560000019" finds 556000-0019). The search is then SQLite's own
 * `instr` over one column.
 *
 * Triggers keep the columns in step on every write whoever writes (the form, the import, the demo
 * data, a later migration, a test's SQL), so no write path can forget them. They call `sv_lower`,
 * the domain's `foldSwedish`: a connection that writes homes or persons must have it registered
 * (`openDatabase` does; a bare SQLite shell gets "no such function" rather than a stale column).
 * Should `foldSwedish` ever change, a migration must fill the columns again (`fillHomeSearchColumns`).
 */
function homeSearchColumns(): string {
  const adults = "('uppdragstagare', 'annan-vuxen')";
  const text = `concat_ws(char(10), sv_lower(name), sv_lower(org_nr), sv_lower(municipality), sv_lower(agency),
      (SELECT group_concat(sv_lower(p.name), char(10)) FROM persons p WHERE p.home_id = homes.id AND p.role IN ${adults}))`;
  const all = `search_name = sv_lower(name), search_org_nr = sv_lower(replace(org_nr, '-', '')), search_text = ${text}`;
  return `
    ALTER TABLE homes ADD COLUMN search_name TEXT NOT NULL DEFAULT '';
    ALTER TABLE homes ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
    ALTER TABLE homes ADD COLUMN search_org_nr TEXT;

    CREATE TRIGGER homes_search_insert AFTER INSERT ON homes BEGIN
      UPDATE homes SET ${all} WHERE id = NEW.id;
    END;
    CREATE TRIGGER homes_search_update AFTER UPDATE OF name, org_nr, municipality, agency ON homes BEGIN
      UPDATE homes SET ${all} WHERE id = NEW.id;
    END;
    CREATE TRIGGER persons_search_insert AFTER INSERT ON persons WHEN NEW.role IN ${adults} BEGIN
      UPDATE homes SET search_text = ${text} WHERE id = NEW.home_id;
    END;
    CREATE TRIGGER persons_search_update AFTER UPDATE OF home_id, name, role ON persons
    WHEN OLD.role IN ${adults} OR NEW.role IN ${adults} BEGIN
      UPDATE homes SET search_text = ${text} WHERE id IN (OLD.home_id, NEW.home_id);
    END;
    CREATE TRIGGER persons_search_delete AFTER DELETE ON persons WHEN OLD.role IN ${adults} BEGIN
      UPDATE homes SET search_text = ${text} WHERE id = OLD.home_id;
    END;
  `;
}

/** Migration 9: the folded columns of the homes already in the register, by the triggers' own statement. */
function fillHomeSearchColumns(raw: BetterSqlite3.Database): void {
  // A connection opened without `openDatabase` (a test's, a tool's) gets the functions here.
  registerSwedishFunctions(raw);
  // Setting the name to itself fires homes_search_update for every home.
  raw.exec('UPDATE homes SET name = name');
}

