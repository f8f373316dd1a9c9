import type { ChangedBy } from '../../preload/api';
import { StaleRowError, whoSavedLast, type VersionedTable } from '../db/row-versions';
import type { Db } from '../db/row-versions';

/** The codes a service may fail with; main/ipc turns them into the contract's error envelope. */
export type ServiceErrorCode = 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN';

export interface ServiceIssue {
  /** A JSON path into the input ("/persons/0/name"), or "" for the whole. */
  path: string;
  message: string;
}

/** An expected failure with a Swedish message for the user. Anything else is a bug. */
export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    readonly issues: ServiceIssue[] = [],
    /** A conflict of versions: who saved the record since it was read (row-versions.ts). */
    readonly changed?: ChangedBy,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export const notFound = (what: string): ServiceError => new ServiceError('NOT_FOUND', `${what} finns inte.`);

/** Another program held the register's write lock past the wait (db/writer-turn.ts): a conflict, said in Swedish. */
export { DatabaseBusyError, isBusy } from '../db/writer-turn';

/**
 * The refusal of a save made from an older version of a record (`what`: "hemmet"), naming who
 * saved it since and when, so the person can compare and choose; nothing is overwritten.
 */
export async function changedSince(db: Db, table: VersionedTable, id: string, what: string): Promise<ServiceError> {
  const changed = await whoSavedLast(db, table, id);
  if (changed === undefined) return new ServiceError('NOT_FOUND', `${what[0]!.toLocaleUpperCase('sv')}${what.slice(1)} har tagits bort medan du redigerade.`);
  const who = changed.by ?? 'Någon annan';
  const when = changed.at === null ? '' : ` ${new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(changed.at))}`;
  return new ServiceError('CONFLICT', `${who} sparade ${what}${when} medan du redigerade. Inget har skrivits över.`, [], changed);
}

/** Runs a repository's save of a versioned row, turning its `StaleRowError` into the refusal of `changedSince`. */
export async function saving<T>(db: Db, table: VersionedTable, id: string, what: string, save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (error instanceof StaleRowError) throw await changedSince(db, table, id, what);
    throw error;
  }
}
