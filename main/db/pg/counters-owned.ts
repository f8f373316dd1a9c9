/**
 * PostgreSQL migration 15: the change counters are the database's alone to write.
 *
 * A handläggare had INSERT and UPDATE on `change_counters` (migration 2) because the counting
 * trigger ran with her rights. Since migration 13 the counts are moved at commit by functions that
 * run as the register's owner, so the grant served nothing, and it let a person with psql lower a
 * counter in her change's own transaction (no colleague's open list or cache would then see the
 * change) or hold a counter's row lock, which every commit under the log's lock would wait for.
 */
export function countersOwnedSql(): string {
  return `
    DO $revoke$
    BEGIN
      EXECUTE format('REVOKE INSERT, UPDATE ON change_counters FROM %I', current_database() || '_handlaggare');
    END
    $revoke$;`;
}
