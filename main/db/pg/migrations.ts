/**
 * The shared register's schema on PostgreSQL (issue 18). Version 1 is the local register's schema
 * as its migration 15 leaves it, table for table and column for column (a test compares the two, so
 * a later migration on one engine without the other fails the suite). Types are kept as the
 * repositories know them: dates as ISO text, flags as 0/1, JSON as text. What only SQLite has is
 * left out here and comes with the seam that replaces it: the notes' FTS5 index (PostgreSQL's
 * `swedish` text search) and the triggers that keep the access log and the search columns.
 */
import type { PgMigration } from './migrate';
import { loggedTables } from '../access-log';
import { notesSearchSql } from './notes-search';
import { svLowerSql } from './swedish';
import { changeCountersSql } from './change-counters';
import { countersOwnedSql } from './counters-owned';
import { homeNamesCountedSql, logAtCommitSql, logTimeAtCommitSql } from './log-at-commit';
import { versionedInMigration16 } from '../migrations';

/**
 * The three roles of the app (main/domain/roles.ts) as group roles of this register's own, named
 * after its database: roles are the cluster's, and a handläggare of one register must have no
 * rights in another on the same server. Each person's login is made a member of one.
 */
export function pgRoleNames(database: string): { handlaggare: string; enhetschef: string; administrator: string } {
  return { handlaggare: `${database}_handlaggare`, enhetschef: `${database}_enhetschef`, administrator: `${database}_administrator` };
}

/**
 * What each role may do, enforced by the database as well as by the app: a handläggare who
 * connects with psql still cannot change the rules, remove a placement, rewrite a signed note or
 * touch the log. Each role has the rights of the one before (role membership). What only grows on
 * the local register (signed notes, assessments, deviations and their steps, a round's draw and
 * answers) takes INSERT only here, with UPDATE of just the columns the app changes (detaching a
 * removed placement, a deviation's status, an action marked done). The login that migrates owns
 * the tables and is IT's, not a person's; it needs CREATEROLE.
 */
const ROLES_SQL = `
    DO $roles$
    DECLARE
      db text := current_database();
      h text := current_database() || '_handlaggare';
      e text := current_database() || '_enhetschef';
      a text := current_database() || '_administrator';
      name text;
    BEGIN
      IF NOT (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) THEN
        RAISE EXCEPTION 'Användaren % får inte skapa roller (CREATEROLE), och det gemensamma registret behöver sina roller. Låt databasens ägare göra uppdateringen.', current_user
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      FOREACH name IN ARRAY ARRAY[h, e, a] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = name) THEN
          BEGIN
            EXECUTE format('CREATE ROLE %I NOLOGIN', name);
          EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL; -- made by another start just now
          END;
        END IF;
      END LOOP;
      BEGIN
        EXECUTE format('GRANT %I TO %I', h, e);
      EXCEPTION WHEN unique_violation THEN
        NULL;
      END;
      BEGIN
        EXECUTE format('GRANT %I TO %I', e, a);
      EXCEPTION WHEN unique_violation THEN
        NULL;
      END;

      -- Only this register's people connect to it.
      EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', db);
      EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', db, h);
      REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
      EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', h);
      EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA public TO %I', h);
      EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO %I', h);
      -- A user's PIN hash is the administratör's to see.
      EXECUTE format('REVOKE SELECT ON users FROM %I', h);
      EXECUTE format('GRANT SELECT (id, name, initials, role, units, active, os_account, created_at) ON users TO %I', h);

      -- A handläggare works with homes, children, placements, checks, notes, deviations and audited files.
      EXECUTE format('GRANT INSERT, UPDATE ON homes, persons, children, placements, stays, events, register_checks, note_authors, note_drafts, change_counters TO %I', h);
      EXECUTE format('GRANT INSERT ON register_check_history, assessments, deviations, deviation_steps, notes, audit_answers TO %I', h);
      EXECUTE format('GRANT UPDATE (placement_id, home_id) ON notes, assessments TO %I', h);
      EXECUTE format('GRANT UPDATE (placement_id, home_id, status, reported_to_ivo) ON deviations TO %I', h);
      EXECUTE format('GRANT DELETE ON stays, events, register_checks, persons, note_drafts, note_authors TO %I', h);
      -- Signing in remembers the computer's account; nothing else of a user is theirs to change.
      EXECUTE format('GRANT UPDATE (os_account) ON users TO %I', h);

      -- An enhetschef also removes placements and children (with a reason), runs egenkontroll and keeps its checklist.
      EXECUTE format('GRANT DELETE ON placements, children, homes TO %I', e);
      EXECUTE format('GRANT INSERT ON removed_records, audit_rounds, audit_files, audit_analyses, audit_actions TO %I', e);
      EXECUTE format('GRANT UPDATE (done_on, done_by) ON audit_actions TO %I', e);
      EXECUTE format('GRANT INSERT, UPDATE ON settings, settings_history TO %I', e);

      -- An administratör also edits the users and the rules.
      EXECUTE format('GRANT SELECT, INSERT, UPDATE ON users TO %I', a);

      -- The settings are rows: an enhetschef may keep only the audit checklist; the rules are the administratör's.
      FOREACH name IN ARRAY ARRAY['settings', 'settings_history'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', name);
        EXECUTE format('CREATE POLICY settings_read ON %I FOR SELECT USING (true)', name);
        EXECUTE format('CREATE POLICY settings_write ON %I FOR ALL TO %I USING (key = %L OR pg_has_role(%L, %L)) WITH CHECK (key = %L OR pg_has_role(%L, %L))',
          name, e, 'auditChecklist', a, 'MEMBER', 'auditChecklist', a, 'MEMBER');
      END LOOP;
    END
    $roles$;

    -- Nobody changes or removes what the log holds, the owner included; entries come only through append_access_log.
    CREATE FUNCTION access_log_only_grows() RETURNS trigger LANGUAGE plpgsql AS $only$
    BEGIN
      RAISE EXCEPTION 'Åtkomstloggen kan inte ändras eller tas bort i efterhand.' USING ERRCODE = 'insufficient_privilege';
    END
    $only$;
    CREATE TRIGGER access_log_no_update BEFORE UPDATE OR DELETE ON access_log FOR EACH ROW EXECUTE FUNCTION access_log_only_grows();
    CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log FOR EACH STATEMENT EXECUTE FUNCTION access_log_only_grows();
`;

/**
 * The access log's chain on PostgreSQL, the same as the local register's (main/db/access-log.ts):
 * each entry's hash is SHA-256 over its fields as a JSON array written exactly as JavaScript's
 * JSON.stringify writes it (no spaces, the same escapes), so one verifier reads both engines.
 * Many people write at once here, so an entry is appended by one function that takes a lock for
 * the rest of its transaction: the next number and the previous hash are read by one writer at a
 * time, and the chain never forks.
 */
const LOG_CHAIN_SQL = `
    CREATE FUNCTION log_json(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $json$ SELECT coalesce(to_json(value)::text, 'null') $json$;

    CREATE FUNCTION log_hash(seq bigint, at text, user_id text, action text, channel text, entity text, entity_id text,
        child_id text, home_id text, detail text, prev_hash text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $hash$ SELECT encode(sha256(convert_to(
        '[' || seq::text || ',' || log_json(at) || ',' || log_json(user_id) || ',' || log_json(action) || ',' ||
        log_json(channel) || ',' || log_json(entity) || ',' || log_json(entity_id) || ',' || log_json(child_id) || ',' ||
        log_json(home_id) || ',' || log_json(detail) || ',' || log_json(prev_hash) || ']', 'UTF8')), 'hex') $hash$;

    CREATE FUNCTION append_access_log(at text, user_id text, action text, channel text, entity text, entity_id text,
        child_id text, home_id text, detail text) RETURNS bigint LANGUAGE plpgsql
      -- The one way into the log for the people who use the register: they have no INSERT of their own,
      -- so nobody can write an entry with a number or a hash of their choosing.
      SECURITY DEFINER SET search_path = public, pg_temp AS $append$
    DECLARE
      next_seq bigint;
      prev text;
    BEGIN
      -- One writer at a time until this transaction ends ("PLKLOGG" in ASCII).
      PERFORM pg_advisory_xact_lock(${0x504c4b4c4f4747n.toString()});
      SELECT coalesce(max(l.seq), 0) + 1 INTO next_seq FROM access_log l;
      SELECT coalesce((SELECT l.hash FROM access_log l ORDER BY l.seq DESC LIMIT 1), '') INTO prev;
      INSERT INTO access_log (seq, at, user_id, action, channel, entity, entity_id, child_id, home_id, detail, prev_hash, hash)
        VALUES (next_seq, at, user_id, action, channel, entity, entity_id, child_id, home_id, detail, prev,
          log_hash(next_seq, at, user_id, action, channel, entity, entity_id, child_id, home_id, detail, prev));
      RETURN next_seq;
    END
    $append$;
    REVOKE ALL ON FUNCTION log_json(text), log_hash(bigint, text, text, text, text, text, text, text, text, text, text),
      append_access_log(text, text, text, text, text, text, text, text, text), access_log_only_grows() FROM PUBLIC;
    DO $grant$
    BEGIN
      EXECUTE format('GRANT EXECUTE ON FUNCTION append_access_log(text, text, text, text, text, text, text, text, text) TO %I',
        current_database() || '_handlaggare');
    END
    $grant$;
`;

/**
 * Migration 6: the database vouches for who wrote. Each person connects with a login of their own,
 * named on their user (`users.db_login`); an entry's user is the user of the session's login
 * (`session_user`, which a SECURITY DEFINER function does not change), never what the program says,
 * and its time is the database's. Every change of a logged table is logged by a trigger in the
 * same transaction, with the row before and after, as the local register's triggers do
 * (access-log.ts `loggedTables`), whoever writes: the program, psql or a tool. An IT login that is
 * nobody's user writes entries without a user. A move from a local register
 * (`placeringskollen.copying`) copies the local log instead.
 */
/** The trigger function that logs the changes of `table` (migrations 6 and 10); `channel` is the SQL that reads the call's channel. */
function loggedFunctionSql({ table, id, child, home }: (typeof loggedTables)[number], channel: string, create: 'CREATE' | 'CREATE OR REPLACE'): string {
  const on = (r: 'NEW' | 'OLD') => (expression: string) => `(${expression.replaceAll('R.', `${r}.`)})::text`;
  const append = (r: 'NEW' | 'OLD', detail: string) =>
    `PERFORM append_access_log(lower(TG_OP), ${channel}, '${table}', ${on(r)(id)}, ${on(r)(child)}, ${on(r)(home)}, ${detail});`;
  return `
    ${create} FUNCTION ${table}_logged() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $logged$
    BEGIN
      IF logging_rows() IS NOT TRUE THEN RETURN NULL; END IF;
      IF TG_OP = 'INSERT' THEN
        ${append('NEW', "json_build_object('after', log_row(to_jsonb(NEW)))::text")}
      ELSIF TG_OP = 'DELETE' THEN
        ${append('OLD', "json_build_object('before', log_row(to_jsonb(OLD)))::text")}
      ELSIF log_row(to_jsonb(OLD)) IS DISTINCT FROM log_row(to_jsonb(NEW)) THEN
        ${append('NEW', "json_build_object('before', log_row(to_jsonb(OLD)), 'after', log_row(to_jsonb(NEW)))::text")}
      END IF;
      RETURN NULL;
    END
    $logged$;`;
}

function logIdentitySql(): string {
  const triggers = loggedTables.map(
    (logged) => `${loggedFunctionSql(logged, "current_setting('placeringskollen.channel', true)", 'CREATE')}
    CREATE TRIGGER ${logged.table}_logged AFTER INSERT OR UPDATE OR DELETE ON ${logged.table} FOR EACH ROW EXECUTE FUNCTION ${logged.table}_logged();
    REVOKE ALL ON FUNCTION ${logged.table}_logged() FROM PUBLIC;`,
  );
  return `
    ALTER TABLE users ADD COLUMN db_login text;
    CREATE UNIQUE INDEX users_db_login ON users(db_login) WHERE db_login IS NOT NULL;

    -- The user whose login this session is; null for a login that is nobody's (IT's, the owner's).
    CREATE FUNCTION log_user() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
      AS $user$ SELECT id FROM users WHERE db_login = session_user $user$;
    -- Rows are logged unless a move from a local register copies its log, or an import logs its counts.
    CREATE FUNCTION logging_rows() RETURNS boolean LANGUAGE sql STABLE
      AS $rows$ SELECT coalesce(current_setting('placeringskollen.copying', true), '') <> 'on'
        AND coalesce(current_setting('placeringskollen.log_rows', true), '') <> 'off' $rows$;
    -- A row as the log keeps it: without the folded search columns (derived, as on the local register).
    CREATE FUNCTION log_row(r jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE
      AS $row$ SELECT coalesce(jsonb_object_agg(key, value), '{}'::jsonb) FROM jsonb_each(r) WHERE key NOT LIKE 'search\\_%' $row$;

    DROP FUNCTION append_access_log(text, text, text, text, text, text, text, text, text);
    CREATE FUNCTION append_access_log(action text, channel text, entity text, entity_id text, child_id text, home_id text, detail text)
      RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $append$
    DECLARE
      next_seq bigint;
      prev text;
      -- The transaction's start by the database's clock, as the local register writes its times.
      stamp text := to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
      who text := log_user();
    BEGIN
      PERFORM pg_advisory_xact_lock(${0x504c4b4c4f4747n.toString()});
      SELECT coalesce(max(l.seq), 0) + 1 INTO next_seq FROM access_log l;
      SELECT coalesce((SELECT l.hash FROM access_log l ORDER BY l.seq DESC LIMIT 1), '') INTO prev;
      INSERT INTO access_log (seq, at, user_id, action, channel, entity, entity_id, child_id, home_id, detail, prev_hash, hash)
        VALUES (next_seq, stamp, who, action, channel, entity, entity_id, child_id, home_id, detail, prev,
          log_hash(next_seq, stamp, who, action, channel, entity, entity_id, child_id, home_id, detail, prev));
      RETURN next_seq;
    END
    $append$;
    REVOKE ALL ON FUNCTION log_user(), log_row(jsonb), append_access_log(text, text, text, text, text, text, text) FROM PUBLIC;
    DO $grant$
    BEGIN
      EXECUTE format('GRANT SELECT (db_login) ON users TO %I', current_database() || '_handlaggare');
      EXECUTE format('GRANT EXECUTE ON FUNCTION append_access_log(text, text, text, text, text, text, text) TO %I', current_database() || '_handlaggare');
    END
    $grant$;
    ${triggers.join('\n')}
  `;
}

/**
 * Migration 7: the homes' folded search columns, kept by triggers whoever writes, as the local
 * register's migration 9 keeps them: the name, the text of name, org.nr, kommun,
 * konsulentverksamhet and the adults' names (one per line), and the org.nr without its hyphen.
 */
function homeSearchSql(): string {
  const adults = "('uppdragstagare', 'annan-vuxen')";
  const text = (home: string) => `concat_ws(chr(10), sv_lower(${home}.name), sv_lower(${home}.org_nr), sv_lower(${home}.municipality), sv_lower(${home}.agency),
      (SELECT string_agg(sv_lower(p.name), chr(10)) FROM persons p WHERE p.home_id = ${home}.id AND p.role IN ${adults}))`;
  return `
    ${svLowerSql()}
    CREATE FUNCTION homes_searched() RETURNS trigger LANGUAGE plpgsql AS $searched$
    BEGIN
      NEW.search_name := sv_lower(NEW.name);
      NEW.search_org_nr := sv_lower(replace(NEW.org_nr, '-', ''));
      NEW.search_text := ${text('NEW')};
      RETURN NEW;
    END
    $searched$;
    CREATE TRIGGER homes_searched BEFORE INSERT OR UPDATE OF name, org_nr, municipality, agency ON homes
      FOR EACH ROW EXECUTE FUNCTION homes_searched();
    -- A change of the household: its home's text anew (and the home the person left).
    CREATE FUNCTION persons_searched() RETURNS trigger LANGUAGE plpgsql AS $searched$
    BEGIN
      UPDATE homes h SET search_text = ${text('h')}
        WHERE h.id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD.home_id END, CASE WHEN TG_OP <> 'DELETE' THEN NEW.home_id END);
      RETURN NULL;
    END
    $searched$;
    CREATE TRIGGER persons_searched AFTER INSERT OR DELETE OR UPDATE OF home_id, name, role ON persons
      FOR EACH ROW EXECUTE FUNCTION persons_searched();
    UPDATE homes SET name = name;
  `;
}

/** The collation a list sorted in SQL on the shared register uses: `ORDER BY name COLLATE svenska`. */
export const SWEDISH_COLLATION = 'svenska';

export const pgMigrations: readonly PgMigration[] = [
  {
    version: 1,
    description: 'registret som i den lokala databasens schemaversion 15',
    sql: `
    CREATE TABLE homes (
      id text PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('hvb', 'stodboende', 'sis', 'familjehem', 'jourhem', 'natverkshem')),
      name text NOT NULL,
      org_nr text,
      operator text CHECK (operator IN ('enskild', 'kommunal', 'region', 'statlig')),
      municipality text,
      capacity integer CHECK (capacity >= 0),
      target_group text,
      agency text,
      active integer NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      search_name text NOT NULL DEFAULT '',
      search_text text NOT NULL DEFAULT '',
      search_org_nr text
    );

    CREATE TABLE persons (
      id text PRIMARY KEY,
      home_id text NOT NULL REFERENCES homes(id),
      name text NOT NULL,
      role text NOT NULL CHECK (role IN ('uppdragstagare', 'annan-vuxen', 'barn-i-hemmet')),
      birth_year integer
    );

    CREATE INDEX persons_home ON persons(home_id);

    CREATE TABLE children (
      id text PRIMARY KEY,
      name text,
      birth_date text NOT NULL,
      personnummer text,
      protected_identity integer NOT NULL DEFAULT 0 CHECK (protected_identity IN (0, 1))
    );

    CREATE TABLE placements (
      id text PRIMARY KEY,
      child_id text NOT NULL REFERENCES children(id),
      legal_basis text NOT NULL CHECK (legal_basis IN ('SoL', 'LVU2', 'LVU3')),
      decided_on text NOT NULL,
      started_on text NOT NULL,
      ended_on text,
      end_reason text CHECK (end_reason IN ('planerad', 'sammanbrott', 'hemflytt', 'myndig', 'annan')),
      caseworker text,
      unit text,
      daily_cost integer CHECK (daily_cost BETWEEN 0 AND 1000000)
    );

    CREATE INDEX placements_child ON placements(child_id);

    CREATE TABLE stays (
      placement_id text NOT NULL REFERENCES placements(id),
      ordinal integer NOT NULL,
      home_id text NOT NULL REFERENCES homes(id),
      form text NOT NULL CHECK (form IN ('hvb', 'stodboende', 'sis', 'familjehem', 'jourhem', 'natverkshem')),
      from_date text NOT NULL,
      to_date text,
      decided_on text,
      investigation_completed_on text,
      PRIMARY KEY (placement_id, ordinal)
    );

    CREATE INDEX stays_home ON stays(home_id);

    CREATE TABLE register_checks (
      id text PRIMARY KEY,
      person_id text REFERENCES persons(id),
      home_id text REFERENCES homes(id),
      register text NOT NULL CHECK (register IN ('belastningsregistret', 'misstankeregistret', 'socialregistret', 'kronofogden', 'forsakringskassan', 'ivo-tillstand')),
      checked_on text NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('utan-anmarkning', 'med-anmarkning', 'giltigt', 'ogiltigt')),
      reference text,
      permit text,
      recorded_by text,
      recorded_at text,
      CHECK ((person_id IS NULL) <> (home_id IS NULL))
    );

    CREATE INDEX register_checks_person ON register_checks(person_id);

    CREATE INDEX register_checks_home ON register_checks(home_id);

    CREATE TABLE events (
      id text PRIMARY KEY,
      placement_id text REFERENCES placements(id),
      home_id text REFERENCES homes(id),
      type text NOT NULL,
      date text NOT NULL,
      comment text,
      verdict text CHECK (verdict IN ('utan-anmarkning', 'kritik', 'forelaggande', 'aterkallelse')),
      CHECK ((placement_id IS NULL) <> (home_id IS NULL))
    );

    CREATE INDEX events_home ON events(home_id);

    CREATE TABLE assessments (
      id text PRIMARY KEY,
      home_id text NOT NULL REFERENCES homes(id),
      placement_id text REFERENCES placements(id),
      assessed_on text NOT NULL,
      assessor text,
      scores text NOT NULL,
      child_voice text,
      comment text,
      recorded_by text,
      recorded_at text,
      corrects text REFERENCES assessments(id)
    );

    CREATE TABLE deviations (
      id text PRIMARY KEY,
      home_id text REFERENCES homes(id),
      placement_id text REFERENCES placements(id),
      reported_on text NOT NULL,
      kind text NOT NULL,
      severity text NOT NULL,
      description text NOT NULL,
      status text NOT NULL,
      reported_to_ivo integer NOT NULL DEFAULT 0 CHECK (reported_to_ivo IN (0, 1)),
      category text,
      recorded_by text,
      recorded_at text,
      CHECK (home_id IS NOT NULL OR placement_id IS NOT NULL)
    );

    CREATE INDEX events_type_date ON events(type, date);

    CREATE INDEX placements_ended ON placements(ended_on);

    CREATE TABLE settings (
      key text PRIMARY KEY,
      value text NOT NULL,
      version integer NOT NULL CHECK (version >= 1),
      changed_at text NOT NULL
    );

    CREATE TABLE settings_history (
      key text NOT NULL,
      version integer NOT NULL,
      value text NOT NULL,
      changed_at text NOT NULL,
      changed_by text,
      reason text,
      PRIMARY KEY (key, version)
    );

    CREATE TABLE register_check_history (
      check_id text NOT NULL,
      revision integer NOT NULL CHECK (revision >= 1),
      person_id text,
      home_id text,
      register text NOT NULL,
      checked_on text NOT NULL,
      outcome text NOT NULL,
      reference text,
      permit text,
      recorded_by text,
      recorded_at text,
      action text NOT NULL CHECK (action IN ('rattad', 'borttagen')),
      changed_by text NOT NULL,
      changed_at text NOT NULL,
      reason text NOT NULL,
      PRIMARY KEY (check_id, revision)
    );

    CREATE INDEX register_check_history_person ON register_check_history(person_id);

    CREATE INDEX register_check_history_home ON register_check_history(home_id);

    CREATE TABLE removed_records (
      kind text NOT NULL CHECK (kind IN ('placement', 'child')),
      record_id text NOT NULL,
      record text NOT NULL,
      removed_by text NOT NULL,
      removed_at text NOT NULL,
      reason text NOT NULL,
      PRIMARY KEY (kind, record_id, removed_at)
    );

    CREATE TABLE change_counters (name text PRIMARY KEY, changes bigint NOT NULL DEFAULT 0);

    CREATE INDEX events_placement_type_date ON events(placement_id, type, date);

    CREATE TABLE users (
      id text PRIMARY KEY,
      name text NOT NULL,
      initials text NOT NULL,
      role text NOT NULL CHECK (role IN ('handlaggare', 'enhetschef', 'administrator')),
      units text NOT NULL DEFAULT '[]',
      active integer NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      os_account text,
      pin_hash text,
      created_at text NOT NULL
    );

    CREATE TABLE access_log (
      seq bigint PRIMARY KEY,
      at text NOT NULL,
      user_id text,
      action text NOT NULL,
      channel text,
      entity text,
      entity_id text,
      child_id text,
      home_id text,
      detail text,
      prev_hash text NOT NULL,
      hash text NOT NULL
    );

    CREATE INDEX access_log_child ON access_log(child_id, seq) WHERE child_id IS NOT NULL;

    CREATE INDEX access_log_home ON access_log(home_id, seq) WHERE home_id IS NOT NULL;

    CREATE INDEX access_log_user ON access_log(user_id, seq);

    CREATE INDEX access_log_at ON access_log(at);

    CREATE TABLE "notes" (
      seq bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      id text NOT NULL UNIQUE,
      home_id text REFERENCES homes(id),
      placement_id text REFERENCES placements(id),
      author text NOT NULL,
      written_on text NOT NULL,
      category text NOT NULL,
      text text NOT NULL,
      signed_at text NOT NULL,
      corrects text REFERENCES "notes"(id),
      CHECK (home_id IS NOT NULL OR placement_id IS NOT NULL),
      CHECK (corrects IS DISTINCT FROM id)
    );

    CREATE INDEX notes_home ON notes(home_id, corrects, written_on) WHERE home_id IS NOT NULL;

    CREATE INDEX notes_placement ON notes(placement_id, corrects, written_on) WHERE placement_id IS NOT NULL;

    CREATE INDEX notes_corrects ON notes(corrects) WHERE corrects IS NOT NULL;

    CREATE TABLE note_authors (author text PRIMARY KEY);

    CREATE TABLE note_drafts (
      id text PRIMARY KEY,
      user_id text NOT NULL REFERENCES users(id),
      home_id text REFERENCES homes(id),
      placement_id text REFERENCES placements(id),
      category text NOT NULL,
      written_on text NOT NULL,
      text text NOT NULL,
      corrects text REFERENCES notes(id),
      saved_at text NOT NULL,
      CHECK (home_id IS NOT NULL OR placement_id IS NOT NULL)
    );

    CREATE INDEX note_drafts_user ON note_drafts(user_id, saved_at);

    CREATE INDEX assessments_home ON assessments(home_id, assessed_on);

    CREATE INDEX assessments_placement ON assessments(placement_id, assessed_on) WHERE placement_id IS NOT NULL;

    CREATE INDEX deviations_home ON deviations(home_id, reported_on) WHERE home_id IS NOT NULL;

    CREATE INDEX deviations_placement ON deviations(placement_id, reported_on) WHERE placement_id IS NOT NULL;

    CREATE INDEX deviations_status ON deviations(status, reported_on);

    CREATE TABLE deviation_steps (
      deviation_id text NOT NULL REFERENCES deviations(id),
      ordinal integer NOT NULL CHECK (ordinal >= 0),
      step text NOT NULL CHECK (step IN ('under-utredning', 'bedomning', 'anmald-ivo', 'atgardad', 'avslutad')),
      date text NOT NULL,
      text text,
      serious integer CHECK (serious IN (0, 1)),
      recorded_by text,
      recorded_at text,
      PRIMARY KEY (deviation_id, ordinal),
      CHECK ((step = 'bedomning') = (serious IS NOT NULL))
    );

    CREATE TABLE audit_rounds (
      id text PRIMARY KEY,
      name text NOT NULL,
      from_date text NOT NULL,
      to_date text NOT NULL,
      unit text,
      form text,
      legal_basis text,
      caseworker text,
      size integer NOT NULL CHECK (size >= 1),
      size_percent integer CHECK (size_percent BETWEEN 1 AND 100),
      seed text NOT NULL CHECK (trim(seed) <> ''),
      population_size integer NOT NULL CHECK (population_size >= size),
      population_hash text NOT NULL,
      exclusion_months integer CHECK (exclusion_months >= 1),
      excluded integer NOT NULL DEFAULT 0,
      checklist_version integer NOT NULL,
      created_by text NOT NULL,
      created_at text NOT NULL,
      CHECK (from_date <= to_date)
    );

    CREATE INDEX audit_rounds_period ON audit_rounds(to_date);

    CREATE TABLE audit_files (
      round_id text NOT NULL REFERENCES audit_rounds(id),
      ordinal integer NOT NULL CHECK (ordinal >= 1),
      placement_id text NOT NULL,
      rank text NOT NULL,
      PRIMARY KEY (round_id, ordinal),
      UNIQUE (round_id, placement_id)
    );

    CREATE INDEX audit_files_placement ON audit_files(placement_id);

    CREATE TABLE audit_answers (
      seq bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      round_id text NOT NULL,
      ordinal integer NOT NULL,
      item_id text NOT NULL,
      answer text NOT NULL CHECK (answer IN ('ja', 'nej', 'ej-tillampligt')),
      comment text NOT NULL DEFAULT '',
      proposed text CHECK (proposed IN ('ja', 'nej', 'ej-tillampligt')),
      proposed_reason text,
      override_reason text,
      already_reported integer NOT NULL DEFAULT 0 CHECK (already_reported IN (0, 1)),
      deviation_id text REFERENCES deviations(id),
      answered_by text NOT NULL,
      answered_at text NOT NULL,
      FOREIGN KEY (round_id, ordinal) REFERENCES audit_files(round_id, ordinal),
      CHECK (proposed IS NULL OR answer = proposed OR trim(coalesce(override_reason, '')) <> '')
    );

    CREATE INDEX audit_answers_file ON audit_answers(round_id, ordinal, item_id, seq);

    CREATE TABLE audit_analyses (
      seq bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      round_id text NOT NULL REFERENCES audit_rounds(id),
      text text NOT NULL,
      written_by text NOT NULL,
      written_at text NOT NULL
    );

    CREATE INDEX audit_analyses_round ON audit_analyses(round_id, seq);

    CREATE TABLE audit_actions (
      id text PRIMARY KEY,
      round_id text NOT NULL REFERENCES audit_rounds(id),
      action text NOT NULL,
      responsible text NOT NULL,
      due_on text NOT NULL,
      done_on text,
      done_by text,
      created_by text NOT NULL,
      created_at text NOT NULL,
      CHECK ((done_on IS NULL) = (done_by IS NULL))
    );

    CREATE INDEX audit_actions_round ON audit_actions(round_id);

    CREATE INDEX audit_actions_open ON audit_actions(due_on) WHERE done_on IS NULL;
`,
  },
  {
    version: 2,
    description: 'roller och rättigheter',
    sql: ROLES_SQL,
  },
  {
    version: 3,
    description: 'åtkomstloggens kedja',
    sql: LOG_CHAIN_SQL,
  },
  {
    version: 4,
    description: 'svensk sortering',
    // ICU's Swedish order, as the window sorts (Intl.Collator('sv')): Å, Ä, Ö after Z. A server
    // built without ICU refuses this, and the migration says so before anything else is changed.
    sql: `CREATE COLLATION ${SWEDISH_COLLATION} (provider = icu, locale = 'sv-SE');`,
  },
  {
    version: 5,
    description: 'radversioner',
    // The local register's migration 16; a handläggare reads the users' columns one by one (version 2).
    sql: `${versionedInMigration16.map((table) => `ALTER TABLE ${table} ADD COLUMN row_version integer NOT NULL DEFAULT 1 CHECK (row_version >= 1);`).join('\n')}
    CREATE INDEX access_log_changes ON access_log(entity, entity_id, seq) WHERE action IN ('insert', 'update');
    CREATE INDEX access_log_imports ON access_log(seq) WHERE action = 'import';
    DO $grant$ BEGIN
      EXECUTE format('GRANT SELECT (row_version) ON users TO %I', current_database() || '_handlaggare');
    END $grant$;`,
  },
  {
    version: 6,
    description: 'åtkomstloggen: användaren från databasens inloggning, varje ändring loggad',
    sql: logIdentitySql(),
  },
  {
    version: 7,
    description: 'svensk sökning i hemmen',
    sql: homeSearchSql(),
  },
  {
    version: 8,
    description: 'ändringsräknare',
    sql: changeCountersSql(),
  },
  {
    version: 9,
    description: 'svensk sökning i anteckningarna',
    sql: notesSearchSql(),
  },
  {
    version: 10,
    description: 'åtkomstloggen: ingen kanal är ingen kanal',
    // A connection that once set the channel reads it as '' ever after, not as unset: the same null
    // as on the local register (and from psql) for a change made outside the program's calls.
    sql: loggedTables.map((logged) => loggedFunctionSql(logged, "nullif(current_setting('placeringskollen.channel', true), '')", 'CREATE OR REPLACE')).join('\n'),
  },
  {
    version: 11,
    description: 'bara registrets ägare flyttar in ett register utan radloggning och anger användarnas inloggningar',
    // Anyone may set a custom setting, so a handläggare with psql could have switched off the log
    // for her own changes. Only the register's owner (IT's login, which moves a local register in
    // and imports in bulk) is heard; everyone else's rows are logged, imports included.
    // The same for the counters and the notes' authors, and for who a user's login is: a login
    // named on another person's user would write as that person.
    sql: `
    CREATE FUNCTION is_register_owner() RETURNS boolean LANGUAGE sql STABLE SET search_path = public, pg_temp
      AS $owner$ SELECT pg_has_role(session_user, c.relowner, 'MEMBER') FROM pg_class c WHERE c.oid = 'public.access_log'::regclass $owner$;
    CREATE FUNCTION copying_register() RETURNS boolean LANGUAGE sql STABLE SET search_path = public, pg_temp
      AS $copying$ SELECT coalesce(current_setting('placeringskollen.copying', true), '') = 'on' AND is_register_owner() $copying$;
    CREATE OR REPLACE FUNCTION logging_rows() RETURNS boolean LANGUAGE sql STABLE SET search_path = public, pg_temp
      AS $rows$ SELECT NOT (
        (coalesce(current_setting('placeringskollen.copying', true), '') = 'on' OR coalesce(current_setting('placeringskollen.log_rows', true), '') = 'off')
        AND is_register_owner()
      ) $rows$;
    CREATE OR REPLACE FUNCTION raise_change_counter() RETURNS trigger LANGUAGE plpgsql AS $raise$
    BEGIN
      IF NOT copying_register() THEN
        INSERT INTO public.change_counters (name, changes) VALUES (TG_TABLE_NAME, 1)
          ON CONFLICT (name) DO UPDATE SET changes = change_counters.changes + 1;
      END IF;
      RETURN NULL;
    END $raise$;
    CREATE OR REPLACE FUNCTION notes_author_known() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $known$
    BEGIN
      IF copying_register() THEN RETURN NULL; END IF;
      INSERT INTO note_authors (author) VALUES (NEW.author) ON CONFLICT DO NOTHING;
      RETURN NULL;
    END
    $known$;
    CREATE FUNCTION users_login_kept() RETURNS trigger LANGUAGE plpgsql SET search_path = public, pg_temp AS $kept$
    BEGIN
      IF NEW.db_login IS DISTINCT FROM (CASE WHEN TG_OP = 'UPDATE' THEN OLD.db_login END) AND NOT is_register_owner() THEN
        RAISE EXCEPTION 'En användares databasinloggning anges av registrets ägare (IT), inte i programmet.' USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN NEW;
    END
    $kept$;
    CREATE TRIGGER users_login_kept BEFORE INSERT OR UPDATE OF db_login ON users FOR EACH ROW EXECUTE FUNCTION users_login_kept();`,
  },
  {
    version: 12,
    description: 'en inaktiv användare skriver inget, och var och en antecknar bara sin egen dator',
    // Made inactive in the program, a person keeps her database login until IT removes it: every
    // logged change passes append_access_log, so an inactive user's change stops there. And the
    // computer account a sign-in remembers (os_account) is one's own to write, not a colleague's.
    sql: `
    CREATE OR REPLACE FUNCTION log_user() RETURNS text LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $user$
    DECLARE
      found record;
    BEGIN
      SELECT id, active INTO found FROM users WHERE db_login = session_user;
      IF found.id IS NOT NULL AND found.active <> 1 THEN
        RAISE EXCEPTION 'Användaren för inloggningen % är inte längre aktiv och kan inte ändra något i registret.', session_user
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN found.id;
    END
    $user$;
    CREATE FUNCTION users_own_computer() RETURNS trigger LANGUAGE plpgsql SET search_path = public, pg_temp AS $own$
    BEGIN
      IF NEW.os_account IS DISTINCT FROM OLD.os_account AND OLD.db_login IS DISTINCT FROM session_user AND NOT is_register_owner()
        AND NOT pg_has_role(session_user, current_database() || '_administrator', 'MEMBER') THEN
        RAISE EXCEPTION 'Bara användaren själv kan ändra vilken dator hon loggar in från.' USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN NEW;
    END
    $own$;
    CREATE TRIGGER users_own_computer BEFORE UPDATE OF os_account ON users FOR EACH ROW EXECUTE FUNCTION users_own_computer();`,
  },
  {
    version: 13,
    description: 'åtkomstloggens kedja och ändringsräknarna skrivs när en ändring sparas',
    sql: logAtCommitSql(),
  },
  {
    version: 14,
    description: 'ändringsräknare för hemmens namn',
    sql: homeNamesCountedSql(),
  },
  {
    version: 15,
    description: 'bara databasen själv skriver ändringsräknarna',
    sql: countersOwnedSql(),
  },
  {
    version: 16,
    description: 'åtkomstloggens tid är när ändringen sparas',
    sql: logTimeAtCommitSql(),
  },
];
