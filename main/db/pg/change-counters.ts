/**
 * The change counters on the shared register (issue 18), as the local register keeps them (its
 * migrations 8, 12, 13 and 14): a counter per table, raised in the same transaction by every row
 * written, so a cache (`changeStamp`) sees any connection's commits, another person's included.
 *
 * Two differences, both for a move from a local register (copy-register.ts): the counter rows are
 * made by the first write rather than by the migration, so a fresh register is still empty and its
 * check passes; and nothing is counted while the move copies (`placeringskollen.copying`), since it
 * copies the local counters as they are. `changeStamp` reads a missing row as 0, as the local
 * register's row before its first write. The trigger runs with the writer's rights: a handläggare
 * has INSERT and UPDATE on change_counters (migration 2), and reads it as every table.
 */

/** The tables counted, frozen with this migration (as the local migrations name them). */
const countedInMigration8 = [
  'homes', 'persons', 'children', 'placements', 'stays', 'events', 'register_checks', 'settings',
  'assessments', 'audit_actions', 'audit_rounds', 'deviations', 'deviation_steps',
] as const;

export function changeCountersSql(): string {
  return `
    CREATE FUNCTION raise_change_counter() RETURNS trigger LANGUAGE plpgsql AS $raise$
    BEGIN
      IF current_setting('placeringskollen.copying', true) IS DISTINCT FROM 'on' THEN
        INSERT INTO public.change_counters (name, changes) VALUES (TG_TABLE_NAME, 1)
          ON CONFLICT (name) DO UPDATE SET changes = change_counters.changes + 1;
      END IF;
      RETURN NULL;
    END $raise$;
    ${countedInMigration8
      .map((table) => `CREATE TRIGGER ${table}_counted AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION raise_change_counter();`)
      .join('\n    ')}`;
}
