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
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export const notFound = (what: string): ServiceError => new ServiceError('NOT_FOUND', `${what} finns inte.`);

/** Another program held the register's write lock past the wait (db/writer-turn.ts): a conflict, said in Swedish. */
export { DatabaseBusyError, isBusy } from '../db/writer-turn';
