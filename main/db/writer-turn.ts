/**
 * Writers take turns: every transaction begins IMMEDIATE, so it holds the write lock from its
 * first statement (a deferred one that upgrades later fails at once with SQLITE_BUSY when another
 * process writes: the command line's import failed whenever the window wrote). Waiting for the
 * lock is asynchronous: SQLite's own busy handler would wait synchronously and freeze the window's
 * thread, so the connection's busy timeout is short and `begin immediate` is retried on a timer
 * until the other writer is done, up to `WRITE_WAIT_MS`; then a Swedish error says so.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';

/** How long a write waits for another program's write before giving up. */
export const WRITE_WAIT_MS = 30_000;

/** SQLite's own wait for a lock, synchronous: short, so the thread is never held long. */
export const BUSY_TIMEOUT_MS = 10;

export class DatabaseBusyError extends Error {
  readonly code = 'SQLITE_BUSY';
  constructor() {
    super('Registret används just nu av ett annat program, till exempel en inläsning från kommandoraden. Försök igen om en stund.');
    this.name = 'DatabaseBusyError';
  }
}

export const isBusy = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 'SQLITE_BUSY';

class TurnTakingDriver extends SqliteDriver {
  constructor(
    config: SqliteDialectConfig,
    private readonly waitMs: number,
  ) {
    super(config);
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const started = performance.now();
    for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
      try {
        await connection.executeQuery(CompiledQuery.raw('begin immediate'));
        return;
      } catch (error) {
        if (!isBusy(error)) throw error;
        if (performance.now() - started >= this.waitMs) throw new DatabaseBusyError();
        await sleep(pause);
      }
    }
  }
}

export class TurnTakingDialect extends SqliteDialect {
  constructor(
    private readonly dialectConfig: SqliteDialectConfig,
    private readonly waitMs = WRITE_WAIT_MS,
  ) {
    super(dialectConfig);
  }

  override createDriver(): Driver {
    return new TurnTakingDriver(this.dialectConfig, this.waitMs);
  }
}
