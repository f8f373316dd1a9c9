/**
 * The shared register through Kysely, as the local one: the repositories take either (issue 18).
 * Column names are the same snake_case on both engines, so the same camelCase plugin maps them.
 *
 * The database logs every row change itself (PostgreSQL migration 6), reading the channel and
 * whether rows are logged at all (`off` while an import writes, which logs its counts) from two
 * settings of the transaction. On the local register the triggers ask the log context directly
 * (access-log.ts); here the driver hands the context to the database: before a statement that may
 * write, it sets both settings for the transaction from `currentLogContext()`, when they differ
 * from what the transaction already has (a transaction that only reads sets nothing).
 *
 * A write outside any transaction, in a context that names a channel or turns row logging off, is
 * run in a transaction of its own with the settings local to it. Session-wide settings
 * (`is_local = false`) were not chosen: they would stay on the pooled connection after it is
 * released, so a later write by anyone on it (the migrations, a copy) could be logged with a
 * stranger's channel or not logged at all. Local settings end with their transaction, whatever
 * happens. Only a SELECT is taken as a read: a write that Kysely cannot see through (raw SQL) pays
 * the extra round trips rather than risk an entry without its channel.
 */
import {
  CamelCasePlugin,
  type AbortableOperationOptions,
  CompiledQuery,
  Kysely,
  PostgresDialect,
  PostgresDriver,
  type DatabaseConnection,
  type Driver,
  type PostgresDialectConfig,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type pg from 'pg';
import { currentLogContext } from '../access-log';
import type { Database } from '../schema';

/** Kysely over `pool`; destroying it ends the pool. */
export function sharedKysely(pool: pg.Pool): Kysely<Database> {
  return new Kysely<Database>({ dialect: new LoggingPostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
}

/** Kysely's own connection, which its driver's methods take back. */
type PostgresConnection = Parameters<PostgresDriver['releaseConnection']>[0];

/** The two settings as the database's triggers read them; what a transaction has before any is set. */
interface LogSettings {
  channel: string;
  logRows: 'on' | 'off';
}
const unset: LogSettings = { channel: '', logRows: 'on' };

function contextSettings(): LogSettings {
  const { channel, rowChanges } = currentLogContext();
  return { channel: channel ?? '', logRows: rowChanges ? 'on' : 'off' };
}

const same = (a: LogSettings, b: LogSettings) => a.channel === b.channel && a.logRows === b.logRows;

// No channel is set as '': once a session has set a setting it never reads as null again, so a
// write without a channel on a connection that had one is logged with '' rather than null.
const setSettings = ({ channel, logRows }: LogSettings) =>
  CompiledQuery.raw("SELECT set_config('placeringskollen.channel', $1, true), set_config('placeringskollen.log_rows', $2, true)", [channel, logRows]);

/** A statement that cannot change a row: only then are the settings not needed. */
function onlyReads({ query, sql }: CompiledQuery): boolean {
  // A SELECT may carry a writing CTE; append_access_log, called by a SELECT, takes its channel as an argument.
  if (query.kind === 'SelectQueryNode') return query.with === undefined;
  return query.kind === 'RawNode' && /^\s*(select|begin|start|commit|rollback|savepoint|release)\b/i.test(sql);
}

/** One pooled connection, and whether a transaction is open on it with which settings. */
class LoggingConnection implements DatabaseConnection {
  inTransaction = false;
  /** The settings the open transaction has; null when not known (after a rollback to a savepoint). */
  applied: LogSettings | null = null;
  constructor(readonly inner: PostgresConnection) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (onlyReads(query)) return this.inner.executeQuery<R>(query);
    const wanted = contextSettings();
    if (this.inTransaction) {
      if (this.applied === null || !same(this.applied, wanted)) {
        await this.inner.executeQuery(setSettings(wanted));
        this.applied = wanted;
      }
      return this.inner.executeQuery<R>(query);
    }
    if (same(wanted, unset)) return this.inner.executeQuery<R>(query);
    // A write of its own with a channel, or without row logging: in a transaction of its own, the settings ending with it.
    await this.inner.executeQuery(CompiledQuery.raw('begin'));
    try {
      await this.inner.executeQuery(setSettings(wanted));
      const result = await this.inner.executeQuery<R>(query);
      await this.inner.executeQuery(CompiledQuery.raw('commit'));
      return result;
    } catch (error) {
      await this.inner.executeQuery(CompiledQuery.raw('rollback'));
      throw error;
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class LoggingPostgresDriver implements Driver {
  readonly #driver: PostgresDriver;
  readonly #wrapped = new WeakMap<PostgresConnection, LoggingConnection>();

  constructor(config: PostgresDialectConfig) {
    this.#driver = new PostgresDriver(config);
  }

  init(options?: AbortableOperationOptions): Promise<void> {
    return this.#driver.init(options);
  }

  async acquireConnection(options?: AbortableOperationOptions): Promise<DatabaseConnection> {
    const inner = (await this.#driver.acquireConnection(options)) as PostgresConnection;
    let connection = this.#wrapped.get(inner);
    if (connection === undefined) {
      connection = new LoggingConnection(inner);
      this.#wrapped.set(inner, connection);
    }
    return connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const own = connection as LoggingConnection;
    await this.#driver.beginTransaction(own.inner, settings);
    own.inTransaction = true;
    own.applied = unset;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const own = connection as LoggingConnection;
    own.inTransaction = false;
    await this.#driver.commitTransaction(own.inner);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const own = connection as LoggingConnection;
    own.inTransaction = false;
    await this.#driver.rollbackTransaction(own.inner);
  }

  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.#driver.savepoint((connection as LoggingConnection).inner, name, compile);
  }

  rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    // Settings made after the savepoint are undone with it: set them again before the next write.
    const own = connection as LoggingConnection;
    own.applied = null;
    return this.#driver.rollbackToSavepoint(own.inner, name, compile);
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.#driver.releaseSavepoint((connection as LoggingConnection).inner, name, compile);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.#driver.releaseConnection((connection as LoggingConnection).inner);
  }

  destroy(): Promise<void> {
    return this.#driver.destroy();
  }
}

class LoggingPostgresDialect extends PostgresDialect {
  constructor(private readonly dialectConfig: PostgresDialectConfig) {
    super(dialectConfig);
  }

  override createDriver(): Driver {
    return new LoggingPostgresDriver(this.dialectConfig);
  }
}
