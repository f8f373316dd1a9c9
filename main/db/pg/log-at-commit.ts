/**
 * PostgreSQL migration 13: the access log's chain and the change counters are written when a
 * transaction commits, not while it runs (issue 18, the load test).
 *
 * Until now an entry was chained when it was written, under the log's lock, which its transaction
 * then held until it ended; the program took that lock before a transaction's first write, so that
 * the counters' row locks could not deadlock. Every writer, and every read that logs what it
 * showed, waited for the whole of any other write: its statements and their round trips. Thirty
 * case workers at once queued for seconds.
 *
 * Now an entry and a table's count are first kept with their transaction (the `_pending` tables,
 * which only these functions write) and moved, at commit, by a deferred trigger: under the lock,
 * the counters in the order of their names, then the entries in the order written, each numbered
 * and linked to the last. The lock is held for that moment only, and the waiter holds no row a
 * holder could wait for. Who is still taken when the change is made (`log_user`), the time at
 * commit since migration 16, and a transaction rolled back leaves nothing: its pending rows go with it.
 */

/** The log's lock ("PLKLOGG" in ASCII), as migration 3 names it. */
const LOG_LOCK = 0x504c4b4c4f4747n.toString();

export function logAtCommitSql(): string {
  return `
    CREATE TABLE access_log_pending (
      ord bigserial PRIMARY KEY,
      tx bigint NOT NULL DEFAULT txid_current(),
      at text NOT NULL,
      user_id text,
      action text NOT NULL,
      channel text,
      entity text,
      entity_id text,
      child_id text,
      home_id text,
      detail text
    );
    CREATE INDEX access_log_pending_tx ON access_log_pending(tx, ord);
    CREATE TABLE change_counters_pending (
      tx bigint NOT NULL DEFAULT txid_current(),
      name text NOT NULL,
      changes bigint NOT NULL,
      PRIMARY KEY (tx, name)
    );
    REVOKE ALL ON access_log_pending, change_counters_pending FROM PUBLIC;

    CREATE OR REPLACE FUNCTION append_access_log(action text, channel text, entity text, entity_id text, child_id text, home_id text, detail text)
      RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $append$
    DECLARE
      kept bigint;
    BEGIN
      -- Who and when now (an inactive user is refused here); the number and the link at commit.
      INSERT INTO access_log_pending (at, user_id, action, channel, entity, entity_id, child_id, home_id, detail)
        VALUES (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), log_user(), action, channel, entity, entity_id, child_id, home_id, detail)
        RETURNING ord INTO kept;
      RETURN kept;
    END
    $append$;

    CREATE OR REPLACE FUNCTION raise_change_counter() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $raise$
    BEGIN
      IF NOT copying_register() THEN
        -- The transaction's own row: no other writer waits for it.
        INSERT INTO change_counters_pending (name, changes) VALUES (TG_TABLE_NAME, 1)
          ON CONFLICT (tx, name) DO UPDATE SET changes = change_counters_pending.changes + 1;
      END IF;
      RETURN NULL;
    END $raise$;

${commitPendingChangesSql('CREATE', 'entry.at')}
    REVOKE ALL ON FUNCTION commit_pending_changes(), raise_change_counter() FROM PUBLIC;

    CREATE CONSTRAINT TRIGGER access_log_pending_committed AFTER INSERT ON access_log_pending
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION commit_pending_changes();
    CREATE CONSTRAINT TRIGGER change_counters_pending_committed AFTER INSERT ON change_counters_pending
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION commit_pending_changes();`;
}

/**
 * The function that moves a transaction's pending entries and counts at commit (migrations 13 and
 * 16); `at` is the SQL of an entry's time.
 */
function commitPendingChangesSql(create: 'CREATE' | 'CREATE OR REPLACE', at: 'entry.at' | 'committed_at'): string {
  const atCommit = at === 'committed_at';
  return `
    ${create} FUNCTION commit_pending_changes() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $commit$
    DECLARE
      this_tx bigint := txid_current();
      entry record;
      next_seq bigint;
      prev text;${atCommit ? '\n      committed_at text;' : ''}
    BEGIN
      -- Fired for each pending row; the first that finds any moves them all.
      IF NOT EXISTS (SELECT 1 FROM access_log_pending p WHERE p.tx = this_tx)
        AND NOT EXISTS (SELECT 1 FROM change_counters_pending c WHERE c.tx = this_tx) THEN
        RETURN NULL;
      END IF;
      PERFORM pg_advisory_xact_lock(${LOG_LOCK});${
        atCommit
          ? `\n      -- Read under the lock: each commit's time after the one before it.\n      committed_at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');`
          : ''
      }
      INSERT INTO change_counters (name, changes)
        SELECT c.name, c.changes FROM change_counters_pending c WHERE c.tx = this_tx ORDER BY c.name
        ON CONFLICT (name) DO UPDATE SET changes = change_counters.changes + EXCLUDED.changes;
      DELETE FROM change_counters_pending c WHERE c.tx = this_tx;
      SELECT coalesce(max(l.seq), 0) INTO next_seq FROM access_log l;
      SELECT coalesce((SELECT l.hash FROM access_log l ORDER BY l.seq DESC LIMIT 1), '') INTO prev;
      FOR entry IN SELECT * FROM access_log_pending p WHERE p.tx = this_tx ORDER BY p.ord LOOP
        next_seq := next_seq + 1;
        INSERT INTO access_log (seq, at, user_id, action, channel, entity, entity_id, child_id, home_id, detail, prev_hash, hash)
          VALUES (next_seq, ${at}, entry.user_id, entry.action, entry.channel, entry.entity, entry.entity_id, entry.child_id,
            entry.home_id, entry.detail, prev,
            log_hash(next_seq, ${at}, entry.user_id, entry.action, entry.channel, entry.entity, entry.entity_id, entry.child_id,
              entry.home_id, entry.detail, prev))
          RETURNING hash INTO prev;
      END LOOP;
      DELETE FROM access_log_pending p WHERE p.tx = this_tx;
      RETURN NULL;
    END
    $commit$;`;
}

/**
 * PostgreSQL migration 16: an entry's time is when its transaction commits (the database's clock,
 * read under the log's lock), not when the transaction began. Entries are numbered in the order of
 * commit, so their times now run in the same order; a save is "saved at" when others could see it.
 */
export function logTimeAtCommitSql(): string {
  return commitPendingChangesSql('CREATE OR REPLACE', 'committed_at');
}

/** PostgreSQL migration 14: the homes' names counted, as the local register's migration 18 counts them. */
export function homeNamesCountedSql(): string {
  return `
    CREATE FUNCTION raise_home_names_counter() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $raise$
    BEGIN
      IF NOT copying_register() THEN
        INSERT INTO change_counters_pending (name, changes) VALUES ('home_names', 1)
          ON CONFLICT (tx, name) DO UPDATE SET changes = change_counters_pending.changes + 1;
      END IF;
      RETURN NULL;
    END $raise$;
    REVOKE ALL ON FUNCTION raise_home_names_counter() FROM PUBLIC;
    CREATE TRIGGER homes_name_counted AFTER INSERT OR DELETE ON homes FOR EACH ROW EXECUTE FUNCTION raise_home_names_counter();
    CREATE TRIGGER homes_rename_counted AFTER UPDATE OF name ON homes FOR EACH ROW
      WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION raise_home_names_counter();`;
}
